"""Working time on the team calendar: adding and measuring hours and days inside working hours
of working days, the internal deadline, and the durations people type ("4h", "1天").

Datetimes are compared and moved in wall-clock time in the zone they carry (the workspace
zone); results keep that tzinfo.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

MAX_SEARCH_DAYS = 3660  # a calendar with no working day in ten years is broken
MAX_DURATION = 999

_ZERO = timedelta(0)
_HOUR_WORDS = ("h", "hr", "hrs", "hour", "hours", "working hours", "小时", "个小时", "钟头")
_DAY_WORDS = ("d", "day", "days", "working days", "working day", "天", "日", "个工作日", "工作日")
_PART = re.compile(r"(\d+)\s*([^\d\s]+(?:\s+(?:hours?|days?))?)")


class Calendar(Protocol):
    def is_working_day(self, d: date) -> bool: ...


@dataclass(frozen=True)
class WorkingHours:
    """The working day's clock hours (start < end) and the calendar of working days."""

    start: time
    end: time
    calendar: Calendar

    def __post_init__(self) -> None:
        """Refuse an empty or inverted working day."""
        if self.end <= self.start:
            raise ValueError(f"working day ends ({self.end}) before it starts ({self.start})")

    def day_length(self) -> timedelta:
        """The length of one working day, e.g. 9 hours for 09:00-18:00."""
        day = date(2000, 1, 1)
        return datetime.combine(day, self.end) - datetime.combine(day, self.start)


def _at(d: date, t: time, like: datetime) -> datetime:
    """Day `d` at clock time `t`, in the zone of `like`."""
    return datetime.combine(d, t, tzinfo=like.tzinfo)


def next_working_day(d: date, wh: WorkingHours) -> date:
    """The first working day strictly after `d`."""
    for i in range(1, MAX_SEARCH_DAYS + 1):
        candidate = d + timedelta(days=i)
        if wh.calendar.is_working_day(candidate):
            return candidate
    raise ValueError(f"no working day within {MAX_SEARCH_DAYS} days after {d}")


def _previous_working_day(d: date, wh: WorkingHours) -> date:
    """The last working day strictly before `d`."""
    for i in range(1, MAX_SEARCH_DAYS + 1):
        candidate = d - timedelta(days=i)
        if wh.calendar.is_working_day(candidate):
            return candidate
    raise ValueError(f"no working day within {MAX_SEARCH_DAYS} days before {d}")


def _forward_start(at: datetime, wh: WorkingHours) -> datetime:
    """The first working moment at or after `at` (a day's end counts as on that day)."""
    d, t = at.date(), at.timetz().replace(tzinfo=None)
    if wh.calendar.is_working_day(d) and t <= wh.end:
        return _at(d, wh.start, at) if t < wh.start else at
    return _at(next_working_day(d, wh), wh.start, at)


def _backward_start(at: datetime, wh: WorkingHours) -> datetime:
    """The last working moment at or before `at` (a day's start counts as on that day)."""
    d, t = at.date(), at.timetz().replace(tzinfo=None)
    if wh.calendar.is_working_day(d) and t >= wh.start:
        return _at(d, wh.end, at) if t > wh.end else at
    return _at(_previous_working_day(d, wh), wh.end, at)


def add_working(at: datetime, hours: timedelta, wh: WorkingHours) -> datetime:
    """`at` plus `hours` counted only inside working hours of working days (negative hours go
    back). An `at` outside working hours counts from the next working moment (forward) or the
    previous one (backward); zero hours return `at` unchanged."""
    if hours == _ZERO:
        return at
    if hours > _ZERO:
        cursor, left = _forward_start(at, wh), hours
        while True:
            room = _at(cursor.date(), wh.end, at) - cursor
            if left <= room:
                return cursor + left
            left -= room
            cursor = _at(next_working_day(cursor.date(), wh), wh.start, at)
    cursor, left = _backward_start(at, wh), -hours
    while True:
        room = cursor - _at(cursor.date(), wh.start, at)
        if left <= room:
            return cursor - left
        left -= room
        cursor = _at(_previous_working_day(cursor.date(), wh), wh.end, at)


def working_between(a: datetime, b: datetime, wh: WorkingHours) -> timedelta:
    """Working time in [a, b); zero when b <= a."""
    if a.tzinfo is not None and b.tzinfo is not None:
        b = b.astimezone(a.tzinfo)
    if b <= a:
        return _ZERO
    total = _ZERO
    d = a.date()
    while d <= b.date():
        if wh.calendar.is_working_day(d):
            lo = max(a, _at(d, wh.start, a))
            hi = min(b, _at(d, wh.end, a))
            if hi > lo:
                total += hi - lo
        d += timedelta(days=1)
    return total


def add_working_days(at: datetime, days: int, wh: WorkingHours) -> datetime:
    """The same clock time `days` working days later (earlier when negative). `at` is first
    clamped into working hours; an `at` on a day off moves to the next working day's start."""
    d, t = at.date(), at.timetz().replace(tzinfo=None)
    if not wh.calendar.is_working_day(d):
        d, t = next_working_day(d, wh), wh.start
    t = min(max(t, wh.start), wh.end)
    step = next_working_day if days > 0 else _previous_working_day
    for _ in range(abs(days)):
        d = step(d, wh)
    return _at(d, t, at)


def half_day_before(deadline: datetime, wh: WorkingHours) -> datetime:
    """The internal deadline: half a working day of working time before the client's
    `deadline` (DOMAIN, job requests: set it half a day earlier)."""
    return add_working(deadline, -(wh.day_length() / 2), wh)


@dataclass(frozen=True)
class Duration:
    """A span of working time as people give it: whole working days and/or working hours."""

    hours: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        """Refuse negative parts."""
        if self.hours < 0 or self.days < 0:
            raise ValueError(f"negative duration: {self.days}d {self.hours}h")


def _unit(word: str) -> str | None:
    """'h' for an hour word, 'd' for a day word, else None."""
    w = " ".join(word.lower().split())
    if w in _HOUR_WORDS:
        return "h"
    if w in _DAY_WORDS:
        return "d"
    return None


def read_duration(text: str) -> Duration | None:
    """What someone typed for a span of working time: "4h", "4 hours", "4小时", "1d", "2 days",
    "1天", "1个工作日", or both as "1d4h"; each number 1..999. None if unreadable."""
    s = unicodedata.normalize("NFKC", text).strip()
    parts: dict[str, int] = {}
    pos = 0
    for m in _PART.finditer(s):
        unit = _unit(m.group(2))
        n = int(m.group(1))
        if s[pos : m.start()].strip() or unit is None or unit in parts or not 0 < n <= MAX_DURATION:
            return None
        parts[unit] = n
        pos = m.end()
    if not parts or s[pos:].strip():
        return None
    return Duration(hours=parts.get("h", 0), days=parts.get("d", 0))


def format_duration(d: Duration) -> str:
    """The normalised stored form: "4h", "1d", "1d4h" ("0h" for nothing)."""
    out = (f"{d.days}d" if d.days else "") + (f"{d.hours}h" if d.hours else "")
    return out or "0h"


def due_at(start: datetime, d: Duration, wh: WorkingHours) -> datetime:
    """When a span `d` of working time from `start` runs out: the days first (same clock
    time), then the hours."""
    end = add_working_days(start, d.days, wh) if d.days else start
    return add_working(end, timedelta(hours=d.hours), wh) if d.hours else end


def past(start: datetime, d: Duration, now: datetime, wh: WorkingHours) -> bool:
    """True when `now` is at or after `start` plus `d` in working time."""
    return now >= due_at(start, d, wh)
