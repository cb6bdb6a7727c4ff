"""What a typed date says, in either language: the types both grammars return, and the
calendar arithmetic they share.

A grammar (`bot.dates.zh`, `bot.dates.en`) reads a cleaned string and returns a `Spec`:
*which day* (`Fixed`, `Floating` or `Instant`) and *which clock time* (an `(hour, minute)`
pair, hour may be 24..28 for "tonight at 1" style times that roll into the next day).
`bot.dates.read` turns a `Spec` into a datetime with the conventions documented there.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta


@dataclass(frozen=True)
class Fixed:
    """Exactly this day, past or future."""

    day: date


@dataclass(frozen=True)
class Floating:
    """The first of these days whose moment (time given, else end of day) is still ahead."""

    days: tuple[date, ...]


@dataclass(frozen=True)
class Instant:
    """An exact moment ("2小时后", "in 30 minutes"); no time of day may be added."""

    at: datetime


DaySpec = Fixed | Floating | Instant


@dataclass(frozen=True)
class Spec:
    """What a phrase says: a day (None = not given) and a clock time (None = not given)."""

    day: DaySpec | None
    hm: tuple[int, int] | None


# Default clock for a period said without an hour (documented in bot.dates).
PERIOD_DEFAULT: dict[str, tuple[int, int]] = {
    "early": (1, 0),  # 凌晨
    "morning": (9, 0),  # 早上 / 上午 / morning
    "noon": (12, 0),  # 中午
    "afternoon": (15, 0),  # 下午 / afternoon
    "dusk": (18, 0),  # 傍晚 / evening
    "night": (20, 0),  # 晚上 / night / tonight
}


def clock(
    h: int, m: int, period: str | None, ampm: str | None, bare: bool
) -> tuple[int, int] | None:
    """An (hour, minute) from what was written, or None if impossible ("25点", "下午25点").

    `bare` means no period, no am/pm and no leading zero: then 1..6 are read as 13:00..18:59.
    Hours of 24 and more mean "that many hours after the day's midnight" (rolls into next day).
    """
    if not 0 <= m <= 59 or h < 0:
        return None
    if ampm:
        if not 1 <= h <= 12:
            return None
        return ((h % 12) + (12 if ampm == "p" else 0), m)
    if h > 23:
        return None
    if period is None:
        return (h + 12, m) if bare and 1 <= h <= 6 else (h, m)
    if period == "early":  # 凌晨: 0..6 (12 = midnight)
        h = 0 if h == 12 else h
        return (h, m) if h <= 6 else None
    if period == "morning":
        return (h, m) if h <= 12 else None
    if period == "noon":  # 中午 11..14, "中午1点" = 13:00
        h = h + 12 if 1 <= h <= 2 else h
        return (h, m) if 11 <= h <= 14 else None
    if period in ("afternoon", "dusk"):
        h = h + 12 if 1 <= h <= 11 else h
        return (h, m) if 12 <= h <= 23 else None
    # night: 5..11 -> evening; 12 and 0..4 -> after midnight (next day)
    if 5 <= h <= 11:
        return (h + 12, m)
    if h == 12 or h <= 4:
        return (24 + h % 12, m)
    return (h, m) if h >= 17 else None


def week_day(today: date, weeks: int, weekday: int) -> date:
    """Weekday (0=Mon) of the Monday-to-Sunday week `weeks` after today's week."""
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks, days=weekday)


def next_weekday(today: date, weekday: int) -> Floating:
    """Today if it is that weekday and still ahead, else its next occurrence."""
    first = today + timedelta(days=(weekday - today.weekday()) % 7)
    return Floating((first, first + timedelta(days=7)))


def add_months(d: date, n: int) -> date:
    """Same day n months later, clamped to the month's last day."""
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def month_end(d: date) -> date:
    """Last day of d's month."""
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def year_rule(today: date, month: int, day: int) -> date | None:
    """A month/day with no year: this year, unless that is over 183 days ago, then next year."""
    try:
        d = date(today.year, month, day)
        return d if d >= today - timedelta(days=183) else date(today.year + 1, month, day)
    except ValueError:
        return None


def day_of_month(today: date, day: int) -> Floating | None:
    """ "30号": the next month (this one first) that has that day, today included if ahead."""
    if not 1 <= day <= 31:
        return None
    days: list[date] = []
    first = today.replace(day=1)
    for i in range(13):
        start = add_months(first, i)
        if day <= calendar.monthrange(start.year, start.month)[1]:
            days.append(start.replace(day=day))
        if len(days) == 2:
            break
    return Floating(tuple(days))


_NUMERIC = re.compile(
    r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})"
    r"|(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})(?:/(?P<yy>[0-9]{4}|[0-9]{2}))?"
)


def numeric_date(s: str, today: date) -> Fixed | None:
    """2026-12-01, 2026/12/1, 12/1, 30/11, 11/30/2026. Ambiguous a/b (both <= 12) is month/day."""
    mt = _NUMERIC.fullmatch(s)
    if not mt:
        return None
    try:
        if mt["y"]:
            return Fixed(date(int(mt["y"]), int(mt["m"]), int(mt["d"])))
        a, b = int(mt["a"]), int(mt["b"])
        month, day = (b, a) if a > 12 else (a, b)
        if mt["yy"]:
            year = int(mt["yy"]) + (2000 if len(mt["yy"]) == 2 else 0)
            return Fixed(date(year, month, day))
        d = year_rule(today, month, day)
        return Fixed(d) if d else None
    except ValueError:
        return None


def instant(now: datetime, delta: timedelta) -> Instant:
    """now + delta in elapsed time (correct across DST changes), in now's zone."""
    return Instant((now.astimezone(UTC) + delta).astimezone(now.tzinfo))
