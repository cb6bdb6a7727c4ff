"""The timetable's AE's day (当日工作小结和次日工作安排).

`day-summary`, at `day_summary_at` (17:30) on working days: each AE and AAE not on leave gets
ONE DM: what aebot logged of their day (contacts, contact reports sent, jobs moved, action items
done), what the next working day holds (a later start after overtime, meetings, follow-ups, job
deadlines), **Register tomorrow** for each meeting away from the office that no whereabouts of
theirs covers, and **Write summary** (handlers/daily.py opens the form pre-filled from the same
lists). The same DM carries the evening sweep's part for the person: the clients still due a
call today, each with Log a call. Anyone else owning clients still due (an AM who owns some)
gets that part alone, as before. So at that hour people get one message, not two; the
`contact-sweep` task keeps only the managers' escalations (scheduler/contact_tasks.py). An admin
who sets `contact_sweep_at` and `day_summary_at` apart moves the still-due clients with the day
summary: they are listed at `day_summary_at`, the escalations at `contact_sweep_at`.

`day-digest`, at `day_digest_at` (09:00) on working days: each AM and AD not on leave gets ONE
DM with the summaries and plans of the previous working day of the AEs and AAEs whose reporting
line leads to them, who wrote none, and who was on leave that day, apart.

Each reads everything in a constant number of statements for the whole team.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.rules.day import ASKED_ROLES, DIGEST_ROLES, sort_out, teams
from bot.slack import blocks as bk
from bot.slack.views import contacts as contact_view
from bot.slack.views import day as view
from scheduler.contact_tasks import IN_THREAD, dms, due_by_owner
from scheduler.run import Outgoing, Run, TaskDeps
from storage import absence, queries
from storage import day as store


def span(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The day from midnight to midnight in the workspace's zone."""
    start = datetime.combine(day, time(0), zone)
    return start, start + timedelta(days=1)


def day_summary(run: Run, deps: TaskDeps) -> str:
    """Each AE and AAE not on leave: one DM of their day and tomorrow, with the clients still
    due a call today (the sweep's part); other owners of clients still due get that alone."""
    zone, today = deps.settings.tz, run.now.date()
    next_day = deps.calendars.for_team(run.team).next_working_day(today)
    members, due = due_by_owner(deps, run.team, run.now)
    after = span(next_day, zone)
    with deps.db.read() as s:
        leave = absence.on_leave(s, run.team, today)
        facts = store.day_facts(s, run.team, span(today, zone), after, next_day)
        written = store.of_day(s, run.team, today)
    outbox: list[Outgoing] = []
    for user, m in sorted(members.items()):
        asked, still = m.role in ASKED_ROLES, due.get(user, [])
        if user in leave or not (asked or still):
            continue
        r = deps.reader(m)
        text, units = r.t("nudge.sweep_text", n=len(still)) if still else "", []
        if asked:
            text, units = view.summary_dm(
                r, today, (next_day, *after), facts, user, written.get(user)
            )
        units += contact_view.nudge(r, still, sweep=True) if still else []
        posts = bk.parts(text, units, r, rest=IN_THREAD)
        outbox += run.parts(user, user, posts, "day-summary", useful_until=run.until_end_of_day())
    run.send(outbox)
    asked_n = sum(1 for m in members.values() if m.role in ASKED_ROLES and m.user_id not in leave)
    still_n = sum(len(d) for u, d in due.items() if u in members and u not in leave)
    return f"{dms(outbox)} DMs, {asked_n} asked, {still_n} clients still due"


def day_digest(run: Run, deps: TaskDeps) -> str:
    """Each AM and AD not on leave today: their people's summaries of the previous working
    day, who wrote none, and who was on leave then."""
    today = run.now.date()
    day = deps.calendars.for_team(run.team).previous_working_day(today)
    with deps.db.read() as s:
        members = queries.list_members(s, run.team)
        written = store.of_day(s, run.team, day)
        away_then = absence.on_leave(s, run.team, day)
        away_now = absence.on_leave(s, run.team, today)
    outbox: list[Outgoing] = []
    missing_n: set[str] = set()
    by_manager = teams(members)
    for m in members:
        if m.role not in DIGEST_ROLES or m.user_id in away_now:
            continue
        people = by_manager.get(m.user_id, [])
        if not people:
            continue
        r = deps.reader(m)
        wrote, missing, leave = sort_out(people, written, away_then)
        missing_n |= {p.user_id for p in people if p.user_id not in written}
        text, blocks = view.digest(r, day, wrote, missing, leave)
        posts = bk.parts(text, blocks, r, rest=IN_THREAD)
        outbox += run.parts(
            m.user_id, m.user_id, posts, "day-digest", useful_until=run.until_end_of_day()
        )
    run.send(outbox)
    return f"{dms(outbox)} DMs, {len(written)} summaries, {len(missing_n - away_then)} missing"
