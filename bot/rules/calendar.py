"""Calendar rules: reading an admin's correction, listing a year, spotting years with no data."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

WORKDAY_WORDS = {"workday", "working", "work", "上班", "工作日", "补班", "调休上班"}
HOLIDAY_WORDS = {"holiday", "off", "dayoff", "休息", "放假", "假日", "节假日", "休息日"}
CHECK_HORIZON_DAYS = 60
MAKE_UP_DAY = "调休上班"
# A day-off correction this close to a public holiday the library computed confirms that the
# holiday's announced days were entered (the announced days off surround the fixed ones).
CONFIRM_REACH_DAYS = 3
_BRACKETED_END = re.compile(r"\s*[(（][^()（）]*[)）]$")


class Calendar(Protocol):
    def is_working_day(self, d: date) -> bool: ...
    def holiday_name(self, d: date) -> str | None: ...
    def has_official_data(self, year: int) -> bool: ...


@dataclass(frozen=True)
class HolidayPeriod:
    """A public holiday as the library computes it: its days off, first to last."""

    name: str
    first: date
    last: date

    def __str__(self) -> str:
        span = f"{self.first}" if self.first == self.last else f"{self.first}..{self.last:%m-%d}"
        return f"{span} {self.name}"


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
    """Years within the next `days` days that are not covered: the library has no official
    calendar for them and the admins have not confirmed each public holiday (see
    `WorkCalendar.has_official_data`)."""
    years = sorted({today.year, (today + timedelta(days=days)).year})
    return [y for y in years if not calendar.has_official_data(y)]


def holiday_periods(days: Mapping[date, str]) -> list[HolidayPeriod]:
    """The library's holiday days grouped into periods: days at most CONFIRM_REACH_DAYS apart
    are one period (春节 with its eve and observed days; 国庆 with 中秋 when they meet)."""
    periods: list[list[date]] = []
    for d in sorted(days):
        if periods and (d - periods[-1][-1]).days <= CONFIRM_REACH_DAYS:
            periods[-1].append(d)
        else:
            periods.append([d])
    return [HolidayPeriod(_period_name(days[p] for p in ds), ds[0], ds[-1]) for ds in periods]


def _period_name(names: Iterable[str]) -> str:
    """The period's distinct names, an observed day ("春节（补假）", "Labor Day (observed)")
    counted under the name it is observed for."""
    given = list(dict.fromkeys(names))
    roots = []
    for name in given:
        root = _BRACKETED_END.sub("", name)
        roots.append(root if root != name and root in given else name)
    return " / ".join(dict.fromkeys(roots))


def unconfirmed(
    periods: Iterable[HolidayPeriod], overrides: Mapping[date, tuple[bool, str | None]]
) -> list[HolidayPeriod]:
    """The periods no day-off correction confirms: an admin who entered a holiday's announced
    days off has put at least one within CONFIRM_REACH_DAYS of the library's dates for it."""
    reach = timedelta(days=CONFIRM_REACH_DAYS)
    offs = [d for d, (working, _) in overrides.items() if not working]
    return [p for p in periods if not any(p.first - reach <= d <= p.last + reach for d in offs)]
