"""The timetable's holiday notices (如遇重大节假日，需提前书面通知客户, 001).

`holiday-notices` runs each working day; it says something only from `holiday_notice_days`
working days before a public holiday on the team's calendar until the last working day before
it (bot/rules/holidays.py). Each owner of active clients (their status on the holiday's first
day), not on leave, gets one DM: the days off, the make-up working days, the greeting to send,
and per client a notice in the client's language with Notified (handlers/holidays.py).

The duties (one per client and holiday) are made in a write of their own before the DMs are
decided; a day's DM tells of the duties made that day, so a rerun of the day (a failed run taken
over) decides the same DM again, and a later day tells only of clients not told before (a new
client, an AE back from leave): nothing is ever sent twice. Everything is read in a constant
number of statements for the whole team.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from bot.rules import holidays as rules
from bot.rules.client_status import ACTIVE, status_on
from bot.slack.texts import Reader
from bot.slack.views import holidays as view
from scheduler.run import Outgoing, Run, TaskDeps
from storage import absence, queries
from storage import holidays as stored
from storage.models import Client

NOTICE_DAYS = "holiday_notice_days"  # a team setting: working days before the holiday


def active_on(clients: list[Client], day: date) -> list[Client]:
    """The clients active on `day` (paused, ended and prospects are not told)."""
    return [c for c in clients if status_on(c.status, c.status_since, day) == ACTIVE]


def holiday_notices(run: Run, deps: TaskDeps) -> str:
    """Each owner of active clients, not on leave, gets one DM with a notice per client."""
    calendar = deps.calendars.for_team(run.team)
    today, zone = run.now.date(), deps.settings.tz
    holiday = rules.due(calendar, today, deps.team_settings.of(run.team).count(NOTICE_DAYS))
    if holiday is None:
        return "no public holiday to notify clients of"
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        clients = queries.list_clients(s, run.team)
        leave = absence.on_leave(s, run.team, today)
    pairs = [
        (c.id, c.owner_id)
        for c in active_on(clients, holiday.first)
        if c.id is not None and c.owner_id in members and c.owner_id not in leave
    ]
    with deps.db.write() as s:
        stored.ensure_duties(s, run.team, stored.HOLIDAY, holiday.period, pairs, run.now)
        rows = stored.duties(s, run.team, stored.HOLIDAY, holiday.period)
    mine: dict[str, list] = defaultdict(list)
    for d, c in rows:
        if stored.made_on(d, zone) == today and d.user_id in members:
            mine[d.user_id].append((d, c))
    names = {u: m.name for u, m in members.items()}
    confirmed = rules.confirmed(calendar, holiday)
    outbox: list[Outgoing] = []
    for user, owned in sorted(mine.items()):
        posts = view.notice_posts(
            deps.reader(members[user]),
            holiday,
            view.notices(owned, names),
            confirmed,
            lambda lang: Reader(lang, zone, run.now),
        )
        outbox += run.parts(user, user, posts, "holiday-notice")
    run.send(outbox)
    told = sum(len(v) for v in mine.values())
    return f"{holiday.period}: {len(mine)} AEs, {told} clients, {len(outbox)} DMs"


def agenda_waiting(deps: TaskDeps, team: str, today: date) -> tuple[rules.Holiday | None, dict]:
    """For the Monday agenda: the holiday starting within a week, and each owner's active
    clients not yet marked notified of it (by name); two statements."""
    holiday = rules.within_week(deps.calendars.for_team(team), today)
    if holiday is None:
        return None, {}
    with deps.db.read() as s:
        clients = queries.list_clients(s, team)
        done = stored.notified(s, team, holiday.period)
    waiting: dict[str, list[str]] = defaultdict(list)
    for c in active_on(clients, holiday.first):
        if c.id not in done:
            waiting[c.owner_id].append(c.name)
    return holiday, dict(waiting)
