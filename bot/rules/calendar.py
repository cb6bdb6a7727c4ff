"""Calendar rules: reading an admin's correction, listing a year, spotting years with no data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

WORKDAY_WORDS = {"workday", "working", "work", "上班", "工作日", "补班", "调休上班"}
HOLIDAY_WORDS = {"holiday", "off", "dayoff", "休息", "放假", "假日", "节假日", "休息日"}
CHECK_HORIZON_DAYS = 60
MAKE_UP_DAY = "调休上班"


class Calendar(Protocol):
    def is_working_day(self, d: date) -> bool: ...
    def holiday_name(self, d: date) -> str | None: ...
    def has_official_data(self, year: int) -> bool: ...


@dataclass(frozen=True)
class SpecialDay:
    day: date
    working: bool
    name: str | None
    source: str  # "override" or "library"


def day_kind(word: str) -> bool | None:
    """'workday' → True, 'holiday' → False (English or Chinese), anything else → None."""
    w = word.strip().lower()
    if w in WORKDAY_WORDS:
        return True
    if w in HOLIDAY_WORDS:
        return False
    return None


def parse_day(text: str) -> date | None:
    """An ISO date, YYYY-MM-DD; the calendar is exact, so no typed phrases here."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def special_days(
    calendar: Calendar, year: int, overrides: Mapping[date, tuple[bool, str | None]]
) -> list[SpecialDay]:
    """The year's exceptions: weekday days off, weekend working days (调休), and every override."""
    out = []
    d = date(year, 1, 1)
    while d.year == year:
        working = calendar.is_working_day(d)
        if d in overrides:
            out.append(
                SpecialDay(d, working, overrides[d][1] or calendar.holiday_name(d), "override")
            )
        elif working == (d.weekday() >= 5):
            name = calendar.holiday_name(d) or (MAKE_UP_DAY if working else None)
            out.append(SpecialDay(d, working, name, "library"))
        d += timedelta(days=1)
    return out


def coverage(official_in_library: bool, corrections: int) -> str:
    """How far a year's calendar can be trusted: 'official', 'corrected' or 'guessed'."""
    if official_in_library:
        return "official"
    return "corrected" if corrections else "guessed"


def uncovered_years(calendar: Calendar, today: date, days: int = CHECK_HORIZON_DAYS) -> list[int]:
    """Years within the next `days` days that have no official holiday data yet."""
    years = sorted({today.year, (today + timedelta(days=days)).year})
    return [y for y in years if not calendar.has_official_data(y)]
