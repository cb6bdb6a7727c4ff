"""The timetable's weekly and monthly tasks: the Monday meeting's agenda in the team channel,
each AE's Monday drafts of their clients' weekly status reports (工作周报表), and the expense
reminder (the month-end summaries: scheduler/month_end_tasks.py).

Each reads the whole team in a constant number of statements. The agenda is one channel post,
or a first post with the rest in its thread when it outgrows one message (Slack's limits); with no team
channel set, each admin is told in a DM instead (once a week: the run is once a week), and with
no admins either the run fails saying so. A
receivable past 6 months is flagged in the agenda with 🚩 and, once per receivable, in a DM to
the general managers (the admins when there is none). The drafts create
their duties (one per client and period, UNIQUE) in a write of their own before deciding the
DMs, so a rerun finds them instead of making new ones; "Sent" is handlers/agenda.py.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.rules import agenda as rules
from bot.rules import client_duties
from bot.rules import reports as report_rules
from bot.rules.agenda import Agenda, Shortfalls
from bot.rules.calendar import uncovered_years
from bot.rules.contract_end import ended_owed
from bot.rules.job_life import LIVE
from bot.slack import blocks as bk
from bot.slack.views import agenda as view
from forms.kinds import AGENDA, shows
from scheduler import holiday_tasks
from scheduler.run import NobodyToTell, Outgoing, Run, TaskDeps
from storage import absence, action_items, approvals, job_queries, queries
from storage import agenda as stored
from storage import reports as contact_reports
from storage.models import Client, Duty, Member, Receivable

MANAGEMENT_ROLES = ("gm",)


@dataclass
class _Week:
    """What the agenda is made of: the team and what it recorded."""

    members: dict[str, Member]
    clients: list[Client]
    receivables: list[Receivable]
    agenda: Agenda


def monday_agenda(run: Run, deps: TaskDeps) -> str:
    """The meeting's agenda to the team channel; receivables past 6 months to management."""
    values = deps.team_settings.of(run.team)
    week = _week(run, deps)
    channel = values.channel("team_channel")
    outbox: list[Outgoing] = []
    if channel:
        posts = view.agenda_posts(
            deps.reader(None),
            week.agenda,
            run.now.date(),
            values.time("meeting_at"),
            values.count("meeting_minutes"),
            values.text("meeting_place"),
        )
        outbox += run.parts("post", channel, posts, "agenda")
        said = f"posted to {channel} in {len(posts)} messages"
    else:
        admins = sorted(deps.settings.admins)
        if not admins:
            raise NobodyToTell(
                "the agenda has nowhere to go: team_channel is not set and AEBOT_ADMINS names "
                "no one; set it with `aebot settings set team_channel #channel`"
            )
        for admin in admins:
            text, blocks = view.no_channel(deps.reader(week.members.get(admin)))
            outbox.append(Outgoing(f"no-channel:{admin}", admin, text, blocks, "agenda-no-channel"))
        said = f"team_channel not set: {len(admins)} admins told"
    flags = _flags(deps, week)
    run.send(outbox + flags)
    a = week.agenda
    flagged = sum(1 for o in a.owed if o.flagged)
    return (
        f"{said}; {len(a.items)} items, {len(a.owed)} receivables over 4 months "
        f"({flagged} flagged, {len(flags)} DMs)"
    )


def _week(run: Run, deps: TaskDeps) -> _Week:
    """Read the team and its last week (a constant number of statements) and assemble."""
    calendar = deps.calendars.for_team(run.team)
    today, zone = run.now.date(), run.now.tzinfo
    last_monday, days = rules.reported_week(today, calendar)
    start = datetime.combine(last_monday, time(0), zone)
    end, week = start + timedelta(days=7), rules.monday_of(today)
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        clients = queries.list_clients(s, run.team)
        notes = stored.notes(s, run.team, last_monday)
        contacts = stored.contacts_between(s, run.team, start, end)
        last_before = stored.last_contact_before(s, run.team, start)
        reports = stored.report_rows(s, run.team, start, end)
        late = stored.late_form_filers(s, run.team, last_monday, last_monday + timedelta(days=6))
        unsent = stored.duties(
            s, run.team, stored.CLIENT_STATUS, last_monday.isoformat(), undone_only=True
        )
        jobs = [j for j, _ in job_queries.open_jobs(s, run.team)]
        pending = [a for a in approvals.pending(s, run.team) if shows(a.kind, AGENDA)]
        receivables = [r for r, _ in stored.open_receivables(s, run.team)]
        items = stored.items(s, run.team, week)
        overdue = action_items.open_items(s, run.team, due_by=today - timedelta(days=1))
        leave = absence.leave_between(s, run.team, last_monday, last_monday + timedelta(days=6))
        sent = contact_reports.unconfirmed(s, run.team, run.now)
    away: dict[str, set[date]] = defaultdict(set)
    for lv in leave:
        away[lv.user_id].update(d for d in days if lv.first_day <= d <= lv.last_day)
    names = {u: m.name for u, m in members.items()}
    client_names = {c.id: c.name for c in clients if c.id is not None}
    writers = [
        u
        for u, m in sorted(members.items(), key=lambda kv: kv[1].name)
        if m.role in rules.NOTE_ROLES and m.created_at < end
    ]
    contacted: dict[int, set[date]] = defaultdict(set)
    for cid, _, at, _ in contacts:
        contacted[cid].add(at.astimezone(zone).date())
    shortfalls = Shortfalls(
        missed=rules.missed_calls(
            clients,
            contacted,
            {c: at.astimezone(zone).date() for c, at in last_before.items()},
            days,
            away,
            calendar,
            {c.id: c.created_at.astimezone(zone).date() for c in clients if c.id is not None},
            deps.team_settings.of(run.team).count("prospect_cadence_days"),
        ),
        reports=rules.late_reports(
            reports, start, end, deps.team_settings.of(run.team).working_hours(calendar)
        ),
        late_forms=rules.count_by(late),
        no_notes=rules.missing_notes(
            writers,
            {n.user_id for n in notes},
            {u for u, off in away.items() if days and off >= set(days)},
        ),
        unsent=rules.unsent((d.user_id, c.name) for d, c in unsent),
        unconfirmed=report_rules.unconfirmed(
            ((r.author_id, c.name, r.created_at.astimezone(zone).date()) for r, _, c in sent),
            today,
            calendar,
        ),
    )
    owed = rules.owed(receivables, client_names, today)  # over 4 months: their own part
    holiday, not_notified = holiday_tasks.agenda_waiting(deps, run.team, today)
    agenda = Agenda(
        week,
        names,
        rules.progress(writers, notes, client_names),
        rules.jobs_due(
            jobs, client_names, datetime.combine(week + timedelta(days=7), time(0), zone), run.now
        ),
        rules.waiting(pending),
        rules.said(notes, "problems", writers),
        shortfalls,
        rules.said(notes, "suggestions", writers),
        [(i.id or 0, i.text, i.added_by) for i in items],
        owed,
        uncovered_years(calendar, today),
        [
            rules.OverdueItem(x.item.owner_id, x.client.name, x.item.text, x.item.due_on)
            for x in overdue
            if x.item.due_on is not None
        ],
        rules.late_jobs(jobs, client_names, run.now),
        [o for o in ended_owed(receivables, clients, today) if o.id not in {x.id for x in owed}],
        holiday=holiday,
        not_notified=not_notified,
    )
    return _Week(members, clients, receivables, agenda)


def _flags(deps: TaskDeps, week: _Week) -> list[Outgoing]:
    """Receivables past 6 months, each told once (whatever the week) to every general manager,
    else to every admin."""
    flagged = [o for o in week.agenda.owed if o.flagged]
    if not flagged:
        return []
    gms = sorted(u for u, m in week.members.items() if m.role in MANAGEMENT_ROLES)
    to = gms or sorted(deps.settings.admins)
    by = {r.id: r.added_by for r in week.receivables}
    out = []
    for o in flagged:
        for user in to:
            text, blocks = view.flagged(deps.reader(week.members.get(user)), o, by.get(o.id, ""))
            out.append(
                Outgoing(
                    f"flag:{o.id}:{user}", user, text, blocks, "receivable-flag", per_period=False
                )
            )
    return out


# --- Monday: the weekly status report to each client ---------------------------------------------
EXPENSE_ROLES = ("aae", "ae", "am", "ad")  # who claims expenses and files expense claims
EXPENSES_UNTIL = 30


def client_status(run: Run, deps: TaskDeps) -> str:
    """Each AE, not on leave, gets one DM (the rest in its thread if long) with a draft per
    active client (a contact in the last week or an open job), each with "Sent"."""
    week = rules.monday_of(run.now.date())
    since = client_duties.status_since(week, run.now.tzinfo or deps.settings.tz)
    return _duty_run(run, deps, stored.CLIENT_STATUS, week.isoformat(), since, week)


def expense_reminder(run: Run, deps: TaskDeps) -> str:
    """On the first working day on or after the 25th, each AE, AAE and manager not on leave
    hears that the month's expenses are claimed until the 30th, one expense claim per kind of
    invoice (002 第九条)."""
    with deps.db.read() as s:
        members = queries.list_members(s, run.team)
        leave = absence.on_leave(s, run.team, run.now.date())
    told = [m for m in members if m.role in EXPENSE_ROLES and m.user_id not in leave]
    outbox = []
    for m in told:
        r = deps.reader(m)
        text = r.t("expenses.reminder", day=r.day(run.now.date().replace(day=EXPENSES_UNTIL)))
        outbox.append(Outgoing(m.user_id, m.user_id, text, [bk.section(text)], "expense-reminder"))
    run.send(outbox)
    return f"{len(outbox)} DMs"


def _duty_run(
    run: Run, deps: TaskDeps, kind: str, period: str, since: datetime, start: date
) -> str:
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        clients = queries.list_clients(s, run.team)
        contacts = stored.contacts_between(s, run.team, since, run.now)
        jobs = stored.jobs(s, run.team, ("pending", *LIVE), since)
        leave = absence.on_leave(s, run.team, run.now.date())
    open_for = {j.client_id for j in jobs if j.status in LIVE}
    by_owner = client_duties.active(clients, {c for c, _, _, _ in contacts}, open_for)
    by_owner = {u: cs for u, cs in by_owner.items() if u in members and u not in leave}
    pairs = [(c.id, u) for u, cs in by_owner.items() for c in cs if c.id is not None]
    with deps.db.write() as s:
        stored.ensure_duties(s, run.team, kind, period, pairs, run.now)
        duties = stored.duties(s, run.team, kind, period)
    mine: dict[str, list[tuple[Duty, str]]] = defaultdict(list)
    for d, c in duties:
        if d.user_id in by_owner:
            mine[d.user_id].append((d, c.name))
    outbox = []
    for user, rows in sorted(mine.items()):
        drafts = client_duties.drafts(rows, jobs, contacts)
        r = deps.reader(members[user])
        outbox += run.parts(user, user, view.status_posts(r, drafts, start), kind)
    run.send(outbox)
    return f"{len(mine)} AEs, {sum(len(v) for v in mine.values())} clients, {len(outbox)} DMs"
