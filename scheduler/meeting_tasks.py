"""The timetable's meeting tasks. Each reads the team's meetings in a handful of statements and
sends one DM per person per run.

- `meeting-notices` (daily at `meeting_notice_at`, 16:00): the meetings of the days up to the
  next working day (a Friday run announces Saturday's to Monday's) not yet announced: the 5W1H
  notice to the organiser and our attendees; the organiser's also carries the plain text for
  the client with Sent to client. Delivery marks `notice_sent_at`; who was told is recorded.
- `meeting-reconfirm` (each quarter hour): meetings starting in about an hour: the organiser
  is asked to reconfirm with the client by phone (Confirmed, Postponed).
- `meeting-reports` (each quarter hour): meetings that have ended: their contact is logged
  once (a meeting at its end, owing a report: the 48-hour clock runs from the end), and the
  organiser gets one DM with Write report, keyed by the meeting (once whatever the run).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time, timedelta

from bot.rules.meetings import reconfirm_window
from bot.slack import blocks as bk
from bot.slack.views import meetings as view
from forms.meeting_notices import notices, recipients
from scheduler.run import Outgoing, Run, TaskDeps
from storage import meetings, queries
from storage.meetings import Row

IN_THREAD = "common.rest_in_thread"


def by_organiser(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """The meetings of each organiser, organisers in order."""
    theirs: dict[str, list[Row]] = defaultdict(list)
    for m, c in rows:
        theirs[m.organiser_id].append((m, c))
    return sorted(theirs.items())


def meeting_notices(run: Run, deps: TaskDeps) -> str:
    """The notices of the meetings up to the next working day, one DM per person."""
    calendar = deps.calendars.for_team(run.team)
    last = calendar.next_working_day(run.now.date())
    until = datetime.combine(last + timedelta(days=1), time(0), tzinfo=run.now.tzinfo)
    with deps.db.write() as s:
        rows = meetings.to_notice(s, run.team, run.now, until)
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        meetings.add_told(s, {m.id or 0: recipients(m) for m, _ in rows}, run.now)
    said = notices(rows, members, deps.settings.aebot_lang, deps.settings.tz, run.now)
    outbox: list[Outgoing] = []
    for user, notice in said.items():
        r = deps.reader(members.get(user))
        posts = bk.parts(notice.text, notice.blocks, r, rest=IN_THREAD)
        outbox += run.parts(
            user,
            user,
            posts,
            "meeting-notice",
            effect="meeting_noticed",
            effect_ids=notice.meetings,
        )
    run.send(outbox)
    return f"{len(rows)} meetings announced to {len(said)} people"


def meeting_reconfirm(run: Run, deps: TaskDeps) -> str:
    """Meetings starting in about an hour (`reconfirm_window`): one DM per organiser to
    reconfirm by phone."""
    start, end = reconfirm_window(run.now)
    with deps.db.read() as s:
        rows = meetings.to_reconfirm(s, run.team, start, end)
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
    outbox: list[Outgoing] = []
    for user, theirs in by_organiser(rows):
        r = deps.reader(members.get(user))
        ids = tuple(m.id or 0 for m, _ in theirs)
        outbox.append(
            Outgoing(
                user,
                user,
                r.t("meeting.reconfirm_text"),
                view.reconfirm_blocks(r, theirs),
                "meeting-reconfirm",
                "meeting_reconfirm_sent",
                ids,
                useful_until=min(m.starts_at for m, _ in theirs),
            )
        )
    run.send(outbox)
    return f"{len(rows)} meetings to reconfirm"


def meeting_reports(run: Run, deps: TaskDeps) -> str:
    """Meetings that have ended: the contact logged once, and the organiser's Write report."""
    with deps.db.write() as s:
        rows = meetings.ended(s, run.team, run.now)
        meetings.log_contacts(s, rows, run.now)
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
    outbox: list[Outgoing] = []
    for user, theirs in by_organiser(rows):
        r = deps.reader(members.get(user))
        ids = tuple(m.id or 0 for m, _ in theirs)
        blocks = [b for m, c in theirs for b in view.report_blocks(r, m, c)]
        outbox.append(
            Outgoing(
                f"{user}:{'-'.join(map(str, ids))}",  # decided once for these meetings
                user,
                r.t("meeting.report_text"),
                blocks,
                "meeting-report",
                "meeting_report_prompted",
                ids,
                per_period=False,
            )
        )
    run.send(outbox)
    return f"{len(rows)} meetings ended, {len(outbox)} organisers asked for reports"
