"""The Monday meeting (周例会), as plain data (the Monday and month-end duties to clients are
bot/rules/client_duties.py).

The agenda follows the handbook's four parts (DOMAIN.md, Weekly work): 1. progress per person,
2. this week (jobs due, approvals pending, problems needing coordination), 3. last week's
shortfalls, 4. suggestions; plus the items people added, receivables past 4 months and a
calendar warning. Each part is assembled here from what storage read, with no Slack and no SQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Protocol

from bot.rules.client_status import cadence, counted_on
from bot.rules.contacts import report_clock
from bot.rules.contract_end import EndedOwed
from bot.rules.holidays import Holiday
from bot.rules.job_life import LIVE, SIGNED
from bot.rules.receivables import months_overdue, stage
from bot.rules.working_time import WorkingHours

REPORT_DUE_AFTER = timedelta(hours=48)  # the contact report's deadline (DOMAIN.md)
# How far before a week a meeting may lie whose report fell due in it: 48 hours, and the
# longest run of days off (the Spring Festival) that moves a deadline on.
REPORT_DUE_WITHIN = REPORT_DUE_AFTER + timedelta(days=14)
NOTE_ROLES = ("ae",)  # who writes weekly notes
WEEKS_AHEAD = 8  # how far a holiday season may push the next meeting


class Calendar(Protocol):
    def first_working_day_of_week(self, d: date) -> date | None: ...
    def previous_working_day(self, d: date) -> date: ...
    def working_days_in(self, start: date, end: date) -> list[date]: ...
    def working_days_between(self, start: date, end: date) -> int: ...


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def meeting_week(now: datetime, agenda_at: time, calendar: Calendar) -> date:
    """The Monday of the meeting an item added `now` is for: this week's while its agenda is
    not out yet (posted on the week's first working day at `agenda_at`), else the next week
    that has a working day. A weekend is after this week's agenda."""
    monday = monday_of(now.date())
    for i in range(WEEKS_AHEAD):
        week = monday + timedelta(weeks=i)
        first = calendar.first_working_day_of_week(week)
        if first is not None and datetime.combine(first, agenda_at, now.tzinfo) > now:
            return week
    return monday + timedelta(weeks=1)


def reported_week(today: date, calendar: Calendar) -> tuple[date, list[date]]:
    """The week the meeting on `today` looks back on: the week of the last working day before
    today (a holiday week in between is skipped), its Monday and its working days."""
    monday = monday_of(calendar.previous_working_day(today))
    return monday, calendar.working_days_in(monday, monday + timedelta(days=6))


# --- what storage hands in ----------------------------------------------------------------------
class ClientFact(Protocol):
    id: int | None
    name: str
    owner_id: str
    cadence_days: int
    status: str
    status_since: date | None


class NoteFact(Protocol):
    user_id: str
    kind: str
    client_id: int | None
    text: str


class JobFact(Protocol):
    id: int | None
    number: str
    project: str
    client_id: int
    owner_id: str
    status: str
    deadline: datetime
    internal_deadline: datetime
    closed_at: datetime | None


class ApprovalFact(Protocol):
    requester_id: str
    approver_id: str | None
    kind: str
    title: str
    routed_at: datetime


class ReceivableFact(Protocol):
    id: int | None
    client_id: int
    amount: str
    due: date


# --- the parts ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Progress:
    user: str
    notes: list[tuple[str, str]]  # (client, note), by client


@dataclass(frozen=True)
class JobDue:
    number: str
    client: str
    project: str
    owner: str
    deadline: datetime
    internal_deadline: datetime
    overdue: bool  # its internal deadline has passed


@dataclass(frozen=True)
class Waiting:
    requester: str
    approver: str
    kind: str
    title: str
    since: datetime


@dataclass(frozen=True)
class Said:
    user: str
    text: str


@dataclass(frozen=True)
class Owed:
    id: int
    client: str
    amount: Decimal
    due: date
    months: int
    flagged: bool  # over 6 months: management's


@dataclass(frozen=True)
class Shortfalls:
    missed: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # AE: (client, days)
    reports: dict[str, list[str]] = field(default_factory=dict)  # author: clients
    late_forms: dict[str, int] = field(default_factory=dict)  # filer: forms
    no_notes: list[str] = field(default_factory=list)
    unsent: dict[str, list[str]] = field(default_factory=dict)  # AE: clients
    # author: (client, the day it was sent) of contact reports the client has not confirmed
    unconfirmed: dict[str, list[tuple[str, date]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        parts = (self.missed, self.reports, self.late_forms, self.no_notes, self.unsent)
        return any((*parts, self.unconfirmed))


@dataclass(frozen=True)
class OverdueItem:
    """An open action item past its due day (督促落实), for the problems part."""

    owner: str
    client: str
    text: str
    due: date


@dataclass(frozen=True)
class LateJob:
    """A job past the client's deadline and not signed off, for the problems part."""

    number: str
    client: str
    project: str
    owner: str
    deadline: datetime
    status: str


@dataclass(frozen=True)
class Agenda:
    week: date  # the meeting's Monday
    names: Mapping[str, str]  # user id → name
    progress: list[Progress]
    jobs: list[JobDue]
    waiting: list[Waiting]
    problems: list[Said]
    shortfalls: Shortfalls
    suggestions: list[Said]
    items: list[tuple[int, str, str]]  # (id, text, added by)
    owed: list[Owed]
    uncovered_years: list[int]
    overdue_items: list[OverdueItem] = field(default_factory=list)  # the oldest due first
    late_jobs: list[LateJob] = field(default_factory=list)  # the longest past first
    ended_owed: list[EndedOwed] = field(default_factory=list)  # open on clients ended
    holiday: Holiday | None = None  # a public holiday starting within the week
    not_notified: Mapping[str, list[str]] = field(default_factory=dict)  # its owner → clients


def progress(
    writers: Sequence[str], notes: Iterable[NoteFact], clients: Mapping[int, str]
) -> list[Progress]:
    """Each AE's client notes of the week (none: an empty list, said as such)."""
    by_user: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for n in notes:
        if n.kind == "client" and n.client_id is not None:
            by_user[n.user_id].append((clients.get(n.client_id, "?"), n.text))
    users = list(dict.fromkeys([*writers, *sorted(by_user)]))
    return [Progress(u, sorted(by_user.get(u, []))) for u in users]


def said(notes: Iterable[NoteFact], kind: str, order: Sequence[str]) -> list[Said]:
    """The week's problems or suggestions, in the order of the people."""
    rank = {u: i for i, u in enumerate(order)}
    rows = [n for n in notes if n.kind == kind and n.text.strip()]
    rows.sort(key=lambda n: (rank.get(n.user_id, len(rank)), n.user_id))
    return [Said(n.user_id, n.text.strip()) for n in rows]


def missed_calls(
    clients: Iterable[ClientFact],
    contacted: Mapping[int, set[date]],
    last_before: Mapping[int, date],
    days: Sequence[date],
    away: Mapping[str, set[date]],
    calendar: Calendar,
    added: Mapping[int, date],
    prospect_days: int = 5,
) -> dict[str, list[tuple[str, int]]]:
    """Per owner, the clients not contacted per their cadence on the week's working days, and
    on how many days: a day counts when the client was due (in-city: no contact since the
    previous working day; out-of-city: none in 3 working days; never contacted: from the day
    after it was added) and got no contact that day, unless its owner was on leave; a paused or
    ended client's days never count, and a prospect is due every `prospect_days`
    (bot/rules/client_status.py)."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for c in clients:
        if c.id is None:
            continue
        last, first, missed = last_before.get(c.id), added.get(c.id), 0
        every = cadence(c.status, c.cadence_days, prospect_days) or c.cadence_days
        for d in days:
            if first is not None and d < first:
                continue
            if d in contacted.get(c.id, set()):
                last = d
                continue
            if not counted_on(c.status, c.status_since, d):
                continue
            if last is None:
                due = first is None or d > first
            else:
                due = calendar.working_days_between(last, d) >= every
            if due and d not in away.get(c.owner_id, set()):
                missed += 1
        if missed:
            out[c.owner_id].append((c.name, missed))
    return {owner: sorted(rows) for owner, rows in out.items()}


def late_reports(
    rows: Iterable[tuple[str, str, datetime, datetime | None]],
    start: datetime,
    end: datetime,
    wh: WorkingHours,
) -> dict[str, list[str]]:
    """Per author, the clients of contact reports due in [start, end) (48 hours after the
    meeting or visit, days off not counted: bot/rules/contacts.py report_clock) and not sent by
    then. Rows: (author, client, at, sent at)."""
    out: dict[str, list[str]] = defaultdict(list)
    for author, client, at, sent in rows:
        deadline = report_clock(at.astimezone(start.tzinfo), wh).escalate_at
        if start <= deadline < end and (sent is None or sent > deadline):
            out[author].append(client)
    return {a: sorted(cs) for a, cs in out.items()}


def count_by(people: Iterable[str]) -> dict[str, int]:
    return dict(Counter(people))


def missing_notes(writers: Sequence[str], wrote: set[str], away_all_week: set[str]) -> list[str]:
    """The AEs who wrote nothing for the week, leaving out those on leave all of it."""
    return [u for u in writers if u not in wrote and u not in away_all_week]


def unsent(rows: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Per AE, the clients whose weekly status report was not marked sent. Rows: (AE, client)."""
    out: dict[str, list[str]] = defaultdict(list)
    for user, client in rows:
        out[user].append(client)
    return {u: sorted(cs) for u, cs in out.items()}


def jobs_due(
    jobs: Iterable[JobFact], clients: Mapping[int, str], before: datetime, now: datetime
) -> list[JobDue]:
    """Open jobs due (either deadline) before the end of this week, overdue ones included,
    earliest internal deadline first; those already past the client's deadline are the
    problems part's (`late_jobs`)."""
    rows = [
        JobDue(
            j.number,
            clients.get(j.client_id, "?"),
            j.project,
            j.owner_id,
            j.deadline,
            j.internal_deadline,
            j.internal_deadline < now,
        )
        for j in jobs
        if j.status in LIVE
        and j.status != SIGNED
        and min(j.deadline, j.internal_deadline) < before
        and j.deadline >= now
    ]
    return sorted(rows, key=lambda j: (j.internal_deadline, j.number))


def late_jobs(jobs: Iterable[JobFact], clients: Mapping[int, str], now: datetime) -> list[LateJob]:
    """Live jobs past the client's deadline that the client has not signed off (签字确认稿),
    the longest past first: a problem for the meeting to coordinate."""
    rows = [
        LateJob(
            j.number, clients.get(j.client_id, "?"), j.project, j.owner_id, j.deadline, j.status
        )
        for j in jobs
        if j.status in LIVE and j.status != SIGNED and j.deadline < now
    ]
    return sorted(rows, key=lambda j: (j.deadline, j.number))


def waiting(approvals: Iterable[ApprovalFact]) -> list[Waiting]:
    """Who waits for whom: every pending request, the longest waiting first."""
    rows = [
        Waiting(a.requester_id, a.approver_id, a.kind, a.title, a.routed_at)
        for a in approvals
        if a.approver_id
    ]
    return sorted(rows, key=lambda w: w.since)


def owed(
    receivables: Iterable[ReceivableFact], clients: Mapping[int, str], today: date
) -> list[Owed]:
    """Open receivables overdue more than 4 months (reported every Monday), the oldest first;
    over 6 months flagged for management."""
    rows = []
    for rec in receivables:
        where = stage(rec.due, today)
        if where in ("agenda", "management") and rec.id is not None:
            rows.append(
                Owed(
                    rec.id,
                    clients.get(rec.client_id, "?"),
                    Decimal(rec.amount),
                    rec.due,
                    months_overdue(rec.due, today),
                    where == "management",
                )
            )
    return sorted(rows, key=lambda o: (o.due, o.id))
