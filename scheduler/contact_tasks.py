"""The timetable's contact tasks: the morning nudge, the sweep's escalations, the report clock.

Each task reads everything it needs in a handful of statements for the whole team (never one
per person or per client) and decides one DM per person (the rest in its thread when long);
the run stores them in the outbox with its own record, and what a message marks done (a
follow-up sent, a report reminder given) is marked only once it is delivered.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlmodel import Session

from bot.rules.action_items import ItemRecord
from bot.rules.contacts import REPORT_REMIND_AFTER, Due, due_clients, escalations, report_clock
from bot.slack import blocks as bk
from bot.slack.views import action_items as item_view
from bot.slack.views import contacts as contact_view
from bot.slack.views import reports as view
from scheduler.run import Outgoing, Run, TaskDeps
from storage import absence, action_items, queries
from storage import reports as _reports  # noqa: F401  the report clock's effect
from storage.models import Client, ContactLog, Member
from storage.queries import ClientRow

Rows = list[tuple[ContactLog, Client]]
ItemLineup = tuple[ItemRecord, str, datetime | None]  # an item, its client's name, its report
PROSPECT_CADENCE = "prospect_cadence_days"  # a team setting: a prospect is due this often
IN_THREAD = "common.rest_in_thread"  # a DM too long for one message: the rest in its thread


def due_by_owner(
    deps: TaskDeps, team: str, now: datetime
) -> tuple[dict[str, Member], dict[str, list[Due[ClientRow]]]]:
    """Each owner's clients due a call today, oldest last contact first: the team's clients
    read and decided at once (working days since each day counted once for everyone)."""
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, team)}
        clients = queries.client_rows(s, team)
    last = {c.id: c.last_contact for c in clients if c.last_contact is not None}
    zone = deps.settings.tz
    today = now.astimezone(zone).date()
    calendar = deps.calendars.for_team(team)
    prospect = deps.team_settings.of(team).count(PROSPECT_CADENCE)
    due: dict[str, list[Due[ClientRow]]] = defaultdict(list)
    for d in due_clients(clients, last, today, zone, calendar, prospect):
        due[d.client.owner_id].append(d)
    return members, dict(due)


def away(deps: TaskDeps, team: str, now: datetime) -> tuple[set[str], dict[str, datetime]]:
    """Who is on leave today (no reminders of any kind), and who starts later this morning
    after overtime past 23:00 (their morning reminders wait until then): two statements."""
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    with deps.db.read() as s:
        leave = absence.on_leave(s, team, now.date())
        later = absence.deferred_starts(s, team, day_start, day_start + timedelta(days=1))
    return leave, {user: at for user, at in later.items() if at > now}


def contact_nudge(run: Run, deps: TaskDeps) -> str:
    """Each AE gets one DM with the clients due a call today and today's follow-ups; not on
    leave, and held until a deferred start."""
    members, due = due_by_owner(deps, run.team, run.now)
    leave, later = away(deps, run.team, run.now)
    with deps.db.read() as s:
        follow = queries.follow_ups_due(s, run.team, run.now.date())
        items = items_due(s, run.team, run.now.date())
    follow_by: dict[str, Rows] = defaultdict(list)
    for row in follow:
        follow_by[row[0].author_id].append(row)
    outbox: list[Outgoing] = []
    for user in sorted(set(due) | set(follow_by) | set(items)):
        if user not in members or user in leave:
            continue
        r = deps.reader(members[user])
        blocks = contact_view.follow_up_lines(r, follow_by[user]) if follow_by.get(user) else []
        blocks += item_view.due_part(r, items.get(user, []))
        blocks += contact_view.nudge(r, due[user]) if user in due else []
        calls, follow_ups = len(due.get(user, [])), len(follow_by.get(user, []))
        text = contact_view.nudge_text(r, calls, follow_ups) if calls or follow_ups else ""
        text = text or item_view.nudge_text(r, len(items[user]))
        outbox += run.parts(
            user,
            user,
            bk.parts(text, blocks, r, rest=IN_THREAD),
            "nudge",
            effect="follow_up_sent",
            effect_ids=tuple(c.id for c, _ in follow_by.get(user, []) if c.id),
            useful_until=run.until_end_of_day(),
            not_before=later.get(user),
        )
    run.send(outbox)
    clients_due = sum(len(d) for d in due.values())
    follow_ups = sum(len(o.effect_ids) for o in outbox)
    return f"{dms(outbox)} DMs, {clients_due} clients due, {follow_ups} follow-ups"


def items_due(s: Session, team: str, today: date) -> dict[str, list[ItemLineup]]:
    """Each owner's open action items due today or before: one statement for the team."""
    by_owner: dict[str, list[ItemLineup]] = defaultdict(list)
    for row in action_items.due_items(s, team, today):
        by_owner[row.owner_id].append((row, row.client, row.report_at))
    return by_owner


def dms(outbox: list[Outgoing]) -> int:
    """How many DMs: a long one's other parts in its thread are not counted again."""
    return sum(1 for o in outbox if o.thread_of is None)


def contact_sweep(run: Run, deps: TaskDeps) -> str:
    """Long-overdue clients to the owner's manager. The clients still due, to each AE, are in
    the day-summary DM (scheduler/day_tasks.py), so that at that hour the AE gets one message;
    set to another time, the AE's list moves to `day_summary_at` and this stays the managers'."""
    members, due = due_by_owner(deps, run.team, run.now)
    leave, _ = away(deps, run.team, run.now)
    limit = deps.team_settings.of(run.team).count("contact_escalate_after")
    to_manager: dict[str, list[tuple[str, Due[ClientRow]]]] = defaultdict(list)
    for user, items in sorted(due.items()):
        m = members.get(user)
        if m is None or user in leave:
            continue
        if m.manager_id:
            to_manager[m.manager_id] += [(m.name, d) for d in escalations(items, limit)]
    to_managers: list[Outgoing] = []
    for manager, rows in sorted(to_manager.items()):
        if rows:
            r = deps.reader(members.get(manager))
            text = r.t("sweep.escalate_text", n=len(rows))
            posts = bk.parts(text, contact_view.escalation_rows(r, rows, limit), r, rest=IN_THREAD)
            until = run.until_end_of_day()
            to_managers += run.parts(
                f"manager:{manager}", manager, posts, "sweep-escalation", useful_until=until
            )
    run.send(to_managers)
    return f"{dms(to_managers)} managers told"


def contact_report_due(run: Run, deps: TaskDeps) -> str:
    """Contacts owing a report not sent: at 24 h the author is reminded, at 48 h the author
    and their manager are told, on the clock of bot/rules/contacts.py `report_clock` (a day off
    does not count against the author). One DM per person per run: each author one listing
    all their reports at 24 h and past 48 h, each manager one listing all their people's
    reports past 48 h, every line with Write report. An author on leave hears nothing until
    back (their manager is still told). What a DM told is marked once it is delivered."""
    with deps.db.read() as s:
        rows = queries.unsent_reports(s, run.team, run.now - REPORT_REMIND_AFTER)
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        leave = absence.on_leave(s, run.team, run.now.date())
    hours = deps.team_settings.of(run.team).working_hours(deps.calendars.for_team(run.team))
    remind: dict[str, list[view.Row]] = defaultdict(list)
    overdue: dict[str, list[view.Row]] = defaultdict(list)
    to_manager: dict[str, list[view.Row]] = defaultdict(list)
    for contact, client in rows:
        clock = report_clock(contact.at.astimezone(run.now.tzinfo), hours)
        author, row = members.get(contact.author_id), (contact, client, clock)
        if run.now >= clock.escalate_at:
            if contact.author_id not in leave:
                overdue[contact.author_id].append(row)
            if author and author.manager_id:
                to_manager[author.manager_id].append(row)
        elif (
            run.now >= clock.remind_at
            and not contact.report_reminded_at
            and contact.author_id not in leave
        ):
            remind[contact.author_id].append(row)
    outbox = _to_authors(run, deps, members, remind, overdue)
    outbox += _to_managers(run, deps, members, to_manager)
    run.send(outbox)
    reminded = sum(len(v) for v in remind.values())
    escalated = len(
        {c.id for rows in (*overdue.values(), *to_manager.values()) for c, _, _ in rows}
    )
    return f"{reminded} reminded, {escalated} escalated"


def _digest(ids: list[int]) -> str:
    """A short name of the contacts a DM is about: the same reports, the same key."""
    return hashlib.sha1(",".join(map(str, sorted(ids))).encode()).hexdigest()[:12]


def _to_authors(
    run: Run,
    deps: TaskDeps,
    members: dict[str, Member],
    remind: dict[str, list[view.Row]],
    overdue: dict[str, list[view.Row]],
) -> list[Outgoing]:
    """Each author's one DM; its delivery marks the 24-hour ones reminded and the others
    escalated (`report_clock`: a negative id is an escalation)."""
    out: list[Outgoing] = []
    for user in sorted(set(remind) | set(overdue)):
        r = deps.reader(members.get(user))
        text, blocks = view.due_dm(r, remind[user], overdue[user])
        ids = [c.id or 0 for c, _, _ in remind[user]] + [-(c.id or 0) for c, _, _ in overdue[user]]
        out += run.parts(
            f"author:{user}:{_digest(ids)}",
            user,
            bk.parts(text, blocks, r, rest=IN_THREAD),
            "report-reminder",
            effect="report_clock",
            effect_ids=tuple(ids),
            per_period=False,
        )
    return out


def _to_managers(
    run: Run, deps: TaskDeps, members: dict[str, Member], to_manager: dict[str, list[view.Row]]
) -> list[Outgoing]:
    """Each manager's one DM of their people's reports past 48 hours."""
    out: list[Outgoing] = []
    for manager, rows in sorted(to_manager.items()):
        r = deps.reader(members.get(manager))
        text, blocks = view.manager_dm(r, rows)
        ids = [c.id or 0 for c, _, _ in rows]
        out += run.parts(
            f"manager:{manager}:{_digest(ids)}",
            manager,
            bk.parts(text, blocks, r, rest=IN_THREAD),
            "report-manager",
            effect="report_escalated",
            effect_ids=tuple(ids),
            per_period=False,
        )
    return out
