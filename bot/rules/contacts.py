"""Contact rules: which clients are due a call, the 48-hour contact-report clock, and who may
change a logged contact."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import Generic, NamedTuple, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.rules.client_status import ACTIVE, cadence, status_on
from bot.rules.working_time import WorkingHours, next_working_day

CONTACT_KINDS = ("call", "visit", "meeting", "wechat", "email")
REPORT_KINDS = ("visit", "meeting")  # these start the 48-hour contact-report clock
SUMMARY_LIMIT = 3000  # characters of a summary or of next steps
REPORT_REMIND_AFTER = timedelta(hours=24)
REPORT_ESCALATE_AFTER = timedelta(hours=48)
UNDO_WINDOW = timedelta(minutes=15)
FOLLOW_UP_HORIZON = timedelta(days=366)  # a date mentioned further ahead is not offered


class WorkingDays(Protocol):
    def working_days_between(self, start: date, end: date) -> int: ...


class ClientLike(Protocol):
    id: int | None
    name: str
    owner_id: str
    cadence_days: int
    created_at: datetime
    status: str
    status_since: date | None


C = TypeVar("C", bound=ClientLike)


class Due(NamedTuple, Generic[C]):
    """A client due a contact today; `overdue` counts working days past its cadence. A tuple:
    a department's morning makes tens of thousands of them."""

    client: C
    last_day: date | None  # the day of its last contact, in the workspace's zone (None: never)
    days_since: int
    overdue: int


def due_clients(
    clients: Iterable[C],
    last_contact: Mapping[int, datetime],
    today: date,
    tz: ZoneInfo,
    calendar: WorkingDays,
    prospect_days: int = 5,
) -> list[Due[C]]:
    """Clients due a contact on `today`, oldest last contact first.

    An active client is due when at least `cadence_days` working days have passed since its
    last contact (in-city: cadence 1, so any client not contacted today); a prospect after
    `prospect_days`; a paused or ended one never (bot/rules/client_status.py). A client
    never contacted counts from the day it was added, and is due at once.
    """
    due: list[tuple[tuple[bool, datetime, str], Due[C]]] = []
    passed: dict[date, int] = {}  # working days since a day: many clients share a day

    def since_day(day: date) -> int:
        if day not in passed:
            passed[day] = calendar.working_days_between(day, today)
        return passed[day]

    for c in clients:
        if c.status == ACTIVE:  # most clients: their own cadence
            every: int | None = c.cadence_days
        else:
            every = cadence(
                status_on(c.status, c.status_since, today), c.cadence_days, prospect_days
            )
        if every is None:
            continue
        last = last_contact.get(c.id) if c.id is not None else None
        if last is None:
            since = since_day(c.created_at.astimezone(tz).date())
            due.append(((False, c.created_at, c.name), Due(c, None, since, max(0, since - every))))
            continue
        day = last.astimezone(tz).date()
        since = since_day(day)
        if since >= every:
            due.append(((True, last, c.name), Due(c, day, since, since - every)))
    due.sort(key=itemgetter(0))  # oldest last contact first (never contacted: by when added)
    return [d for _, d in due]


def escalations(due: Iterable[Due[C]], limit: int) -> list[Due[C]]:
    """Clients overdue by more than `limit` working days: their owner's manager is told."""
    return [d for d in due if d.overdue > limit]


class ReportClock(NamedTuple):
    """When an unsent contact report's author is reminded, and when their manager is told."""

    remind_at: datetime
    escalate_at: datetime
    deferred: bool  # the 24-hour mark fell on a day off: the reminder waits for a working morning


def report_clock(at: datetime, wh: WorkingHours) -> ReportClock:
    """The 48-hour contact-report clock of a meeting or visit at `at` (in the workspace zone).

    At 24 hours the author is reminded, at 48 hours their manager is told; but a weekend or a
    holiday does not eat the author's time. A 24-hour mark on a day off waits for the first
    working morning (`start_of_day`), and the manager is then told only if the report is still
    unsent at that day's `end_of_day`. A 48-hour mark on a day off likewise moves to the end of
    the next working day."""
    remind = at + REPORT_REMIND_AFTER
    escalate = at + REPORT_ESCALATE_AFTER
    deferred = not wh.calendar.is_working_day(remind.date())
    if deferred:
        morning = next_working_day(remind.date(), wh)
        remind = datetime.combine(morning, wh.start, tzinfo=at.tzinfo)
        escalate = max(escalate, datetime.combine(morning, wh.end, tzinfo=at.tzinfo))
    if not wh.calendar.is_working_day(escalate.date()):
        day = next_working_day(escalate.date(), wh)
        escalate = datetime.combine(day, wh.end, tzinfo=at.tzinfo)
    return ReportClock(remind, escalate, deferred)


def report_stage(at: datetime, now: datetime, wh: WorkingHours) -> str | None:
    """Where an unsent contact report stands: None, 'remind' or 'escalate' (`report_clock`)."""
    clock = report_clock(at.astimezone(now.tzinfo), wh)
    if now >= clock.escalate_at:
        return "escalate"
    if now >= clock.remind_at:
        return "remind"
    return None


def owes_report(kind: str, important: bool) -> bool:
    """A meeting or a visit, or any contact marked important, owes a contact report."""
    return important or kind in REPORT_KINDS


IMPORTANT_MARKS = ("!", "！")  # `/contact ! 耐克 价格谈判`: an important call


def important_mark(text: str) -> tuple[bool, str]:
    """Whether the quick path's text starts with `!` (important), and the text after it."""
    stripped = text.strip()
    if stripped[:1] in IMPORTANT_MARKS:
        return True, stripped[1:].strip()
    return False, stripped


def can_undo(author_id: str, user_id: str, created_at: datetime, now: datetime) -> bool:
    """Only the author, within 15 minutes of logging, may undo a contact."""
    return author_id == user_id and now - created_at <= UNDO_WINDOW


def may_edit_contact(author_id: str, user_id: str, admin: bool) -> bool:
    """The author, or an admin, may edit a contact (undo is the author's alone: can_undo)."""
    return admin or author_id == user_id


def may_mark_report(
    user_id: str, author_id: str, owner_id: str, backup_id: str | None, admin: bool
) -> bool:
    """The author, the client's owner or backup owner, or an admin may mark a report sent."""
    return admin or user_id in (author_id, owner_id, backup_id)


class ContactRecord(Protocol):
    """A logged contact as the rules and views read it (storage's ContactLog is one)."""

    id: int | None
    client_id: int
    author_id: str
    kind: str
    at: datetime
    summary: str
    next_steps: str
    follow_up_on: date | None
    report_due: bool
    report_sent_at: datetime | None
    created_at: datetime


def follow_up_offer(mentioned: Iterable[tuple[date, str]], today: date) -> tuple[date, str] | None:
    """The follow-up date to offer for a contact logged without one: the first date its notes
    mention (with the words that said it) from today on, within a year; None if there is none.
    Nothing is set until its author accepts."""
    for day, words in mentioned:
        if today <= day <= today + FOLLOW_UP_HORIZON:
            return day, words
    return None
