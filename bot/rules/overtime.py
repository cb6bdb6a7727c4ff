"""The rules of overtime forms (加班单): late or on time, the later start a night's work past
23:00 earns the next working morning (11点以后第二天早上顺延), hours, who signs, and the tallies of
`/overtime list` and `/overtime report`. Pure: times in, times out.

Conventions:

- A form filed *at or after* the cut-off (17:00, the `overtime_cutoff` setting) of its day is
  late: 16:59:59 is on time, 17:00:00 is late. A form filed on an earlier day is on time; one
  filed on a later day (after the fact) is late.
- Work past `overtime_defer_after` (23:00) on the form's day, or past midnight, defers the next
  working day's start (its `start_of_day`) by `overtime_deferral_percent` percent of the time
  worked past 23:00, rounded to the minute: 19:00-00:30 at 100% is 1 h 30 later, 10:30. A
  `defer_after` before noon is read as after midnight (the next calendar day).
- An end alone ("到晚上十点") means from the end of the working day (`end_of_day`) to that
  time, the next day if not after it; at most 16 hours.
- The signer is the team's project execution director (role ped; the first by name, never the
  filer), else the filer's business supervisor up the reporting line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.rules.approvals import APPROVED, PENDING, Person, supervisor
from bot.rules.people import PED, sees_as_manager

MAX_SPAN = timedelta(hours=16)  # as bot.dates refuses a longer time range
MAX_MEMBERS = 20
REASON_MAX = 500
_END_WORDS = re.compile(r"^(?:到|至|直到|一直到|until|till|til|to)\s*", re.IGNORECASE)
_NOON = time(12, 0)


class Named(Person, Protocol):
    """A member as the signer rule reads it (storage's Member is one)."""

    name: str


def is_late(filed_at: datetime, day: date, cutoff: time, zone: ZoneInfo) -> bool:
    """Filed at or after the cut-off of its day (or on a later day): late."""
    return filed_at.astimezone(zone) >= datetime.combine(day, cutoff, zone)


def defer_threshold(day: date, defer_after: time, zone: ZoneInfo) -> datetime:
    """When work starts to count towards a later start: 23:00 of the form's day (a time before
    noon is after midnight, the next day)."""
    at = datetime.combine(day, defer_after, zone)
    return at + timedelta(days=1) if defer_after < _NOON else at


def deferred_start(
    day: date, end: datetime, defer_after: time, percent: int, next_working_day_start: datetime
) -> datetime | None:
    """The later start of the next working day (`next_working_day_start`: its normal start, in
    the workspace zone) earned by work until `end` on `day`; None when the work ended by
    `defer_after` or the deferral is nothing."""
    zone = next_working_day_start.tzinfo
    assert isinstance(zone, ZoneInfo)
    past = end - defer_threshold(day, defer_after, zone)
    if past <= timedelta(0) or percent <= 0:
        return None
    minutes = round(past.total_seconds() * percent / 100 / 60)
    return next_working_day_start + timedelta(minutes=minutes) if minutes else None


def minutes(start: datetime, end: datetime) -> int:
    """The length of a form, in whole minutes."""
    return max(0, round((end - start).total_seconds() / 60))


def hours(start: datetime, end: datetime) -> float:
    """The length of a form in hours (19:00-22:30 is 3.5)."""
    return round(minutes(start, end) / 60, 2)


def hours_text(mins: int) -> str:
    """Minutes as hours the way people write them: "3.5", "2", "0.25"."""
    text = f"{mins / 60:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def end_only(text: str) -> str | None:
    """The time of an end given alone ("到晚上十点" → "晚上十点", "until 10pm" → "10pm"); the
    text itself when it has no such word (a lone "22:00" is an end too); None when empty."""
    stripped = _END_WORDS.sub("", unicodedata.normalize("NFKC", text).strip()).strip()
    return stripped or None


def from_close(
    day: date, end_clock: time, close: time, zone: ZoneInfo
) -> tuple[datetime, datetime] | None:
    """An end alone: from the end of the working day (`close`) on `day` to `end_clock` (the next
    day when not after `close`); None when that is over 16 hours (an end before the close,
    "到17:00", is not overtime after work)."""
    start = datetime.combine(day, close, zone)
    end = datetime.combine(day, end_clock, zone)
    if end <= start:
        end += timedelta(days=1)
    return (start, end) if end - start <= MAX_SPAN else None


def signer(filer: str, members: Mapping[str, Named]) -> Named | None:
    """Who signs an overtime form: the team's project execution director (the first by name
    who is not the filer), else the filer's business supervisor; None when there is neither."""
    peds = sorted(
        (m for m in members.values() if m.role == PED and m.user_id != filer),
        key=lambda m: (m.name, m.user_id),
    )
    if peds:
        return peds[0]
    found = supervisor(filer, members)
    return members.get(found.user_id) if found else None


def may_see_report(role: str | None, admin: bool) -> bool:
    return sees_as_manager(role, admin)


# --- tallies ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One form as the tallies read it: its day, length, status, who stayed, and what it was
    for (a job's number and project, or a client's name)."""

    day: date
    minutes: int
    status: str
    members: tuple[str, ...]
    target: str


@dataclass(frozen=True)
class Week:
    """An ISO week of someone's overtime: approved and waiting minutes."""

    year: int
    week: int
    monday: date
    approved: int
    waiting: int


def weeks(entries: Iterable[Entry], user: str) -> list[Week]:
    """`user`'s minutes per ISO week (forms they stay on, approved or waiting), oldest first."""
    out: dict[tuple[int, int], list[int]] = {}
    for e in entries:
        if user not in e.members or e.status not in (APPROVED, PENDING):
            continue
        iso = e.day.isocalendar()
        slot = out.setdefault((iso.year, iso.week), [0, 0])
        slot[0 if e.status == APPROVED else 1] += e.minutes
    return [
        Week(y, w, date.fromisocalendar(y, w, 1), a, p) for (y, w), (a, p) in sorted(out.items())
    ]


@dataclass(frozen=True)
class Line:
    """A row of the report: who (a user id) or what (a job or client), minutes, forms."""

    key: str
    minutes: int
    forms: int


@dataclass(frozen=True)
class Report:
    people: list[Line]
    targets: list[Line]  # person-minutes: a form's length times the people who stayed
    minutes: int  # the total of either list
    forms: int


def report(entries: Sequence[Entry]) -> Report:
    """Approved overtime of a month: per person (each member counted with the form's length)
    and per job or client; most hours first."""
    people: dict[str, list[int]] = {}
    targets: dict[str, list[int]] = {}
    approved = [e for e in entries if e.status == APPROVED]
    for e in approved:
        for user in dict.fromkeys(e.members):
            slot = people.setdefault(user, [0, 0])
            slot[0] += e.minutes
            slot[1] += 1
        slot = targets.setdefault(e.target, [0, 0])
        slot[0] += e.minutes * len(set(e.members))
        slot[1] += 1

    def lines(d: dict[str, list[int]]) -> list[Line]:
        return sorted((Line(k, m, n) for k, (m, n) in d.items()), key=lambda x: (-x.minutes, x.key))

    total = sum(x[0] for x in people.values())
    return Report(lines(people), lines(targets), total, len(approved))


_EN_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in names.split()
}
_NUMERIC_MONTH = re.compile(r"(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))")
_ZH_MONTH = re.compile(r"(\d{1,2})\s*月(?:份)?")
_EN_MONTH = re.compile(r"([a-z]+)\.?(?:\s+(\d{4}))?")


def read_month(text: str, today: date) -> tuple[int, int] | None:
    """The month of a report: "2026-11", "2026/11", "202611", "2026年11月", "11月", "Nov 2026",
    "november"; nothing typed is this month; None when it does not read."""
    s = unicodedata.normalize("NFKC", text).strip().lower()
    if not s:
        return today.year, today.month
    if m := _NUMERIC_MONTH.fullmatch(s):
        year, month = int(m[1]), int(m[2] or m[3])
    elif m := _ZH_MONTH.fullmatch(s):
        year, month = today.year, int(m[1])
    elif (m := _EN_MONTH.fullmatch(s)) and m[1] in _EN_MONTHS:
        year, month = int(m[2] or today.year), _EN_MONTHS[m[1]]
    else:
        return None
    return (year, month) if 1 <= month <= 12 and 2000 <= year <= 2100 else None


def month_days(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    first = date(year, month, 1)
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)
