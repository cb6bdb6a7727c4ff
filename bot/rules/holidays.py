"""Public holidays and the client (如遇重大节假日，需提前书面通知客户, 001): which holiday is
next on a team's calendar, its days off and make-up working days (调休), and the day its notice
to the clients is due.

A holiday period is a run of consecutive days off that holds at least one public holiday (a day
the calendar names, or a weekday off), so a weekend glued to the festival belongs to it. Its
make-up working days are the weekend days worked within MAKE_UP_REACH of it. The notice is due
`n` working days before its first day, and stays due until the last working day before it: a
run that missed it (aebot down, the AE on leave) catches up, and what was decided is never
decided again (the duties, storage/holidays.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from bot.rules.calendar import CONFIRM_REACH_DAYS, HolidayPeriod

MAKE_UP_REACH = timedelta(days=14)  # make-up working days this close to a holiday are its own
LOOK_AHEAD = timedelta(days=60)  # the furthest a holiday is looked for (notice_days ≤ 20)
AGENDA_WITHIN = timedelta(days=7)  # the Monday agenda lists who has not notified within this
WEEKEND = (5, 6)
REST_DAY = ("休息日", "Day off")  # the library's name of a weekend day inside a holiday: no name
# The holidays of the Chinese calendar, by words of their names (the calendar's, or an admin's
# correction): each has its name and greeting in zh and en (bot/slack/messages/holidays.py).
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("spring", ("春节", "除夕", "spring festival", "chinese new year", "lunar new year")),
    ("new-year", ("元旦", "new year")),
    ("qingming", ("清明", "qingming", "tomb-sweeping", "tomb sweeping")),
    ("labour", ("劳动节", "五一", "labour day", "labor day", "may day")),
    ("dragon-boat", ("端午", "dragon boat")),
    ("mid-autumn", ("中秋", "mid-autumn", "mid autumn")),
    ("national", ("国庆", "national day")),
)


class Calendar(Protocol):
    def is_working_day(self, d: date) -> bool: ...
    def holiday_name(self, d: date) -> str | None: ...
    def add_working_days(self, d: date, n: int) -> date: ...
    def has_official_data(self, year: int) -> bool: ...
    def unconfirmed_holidays(self, year: int) -> list[HolidayPeriod]: ...


@dataclass(frozen=True)
class Holiday:
    """A holiday period: its days off, first to last, the names its days carry, the known
    holidays it holds (KINDS), and the make-up working days around it."""

    first: date
    last: date
    names: tuple[str, ...]
    kinds: tuple[str, ...]
    make_up: tuple[date, ...]

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def back(self) -> date:
        """The first working day after it (its run of days off ends the day before)."""
        return self.last + timedelta(days=1)

    @property
    def period(self) -> str:
        """Its duties' period: the first day off, ISO."""
        return self.first.isoformat()


def _holiday_day(calendar: Calendar, d: date) -> bool:
    """A day off that is a public holiday: named by the calendar, or a weekday off."""
    if calendar.is_working_day(d):
        return False
    return calendar.holiday_name(d) is not None or d.weekday() not in WEEKEND


def kinds_of(names: Iterable[str]) -> tuple[str, ...]:
    """The known holidays among the names, in the order of KINDS (春节 before 元旦: "Chinese New
    Year" is not New Year's Day)."""
    out: list[str] = []
    for name in names:
        low = name.lower()
        kind = next((k for k, words in KINDS if any(w in low for w in words)), None)
        if kind is not None and kind not in out:
            out.append(kind)
    return tuple(sorted(out, key=[k for k, _ in KINDS].index))


def _root(name: str) -> str:
    """A name without its bracketed tail: 春节（补假） → 春节, Labor Day (observed) → Labor Day."""
    for open_, close in (("（", "）"), (" (", ")")):
        if name.endswith(close) and open_ in name:
            return name[: name.rindex(open_)]
    return name


def holiday_from(calendar: Calendar, day: date) -> Holiday | None:
    """The holiday period holding `day` (a day off), or None when `day` is worked or no public
    holiday is in its run of days off."""
    if calendar.is_working_day(day):
        return None
    first = last = day
    while not calendar.is_working_day(first - timedelta(days=1)):
        first -= timedelta(days=1)
    while not calendar.is_working_day(last + timedelta(days=1)):
        last += timedelta(days=1)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    if not any(_holiday_day(calendar, d) for d in days):
        return None
    named = [_root(n) for d in days if (n := calendar.holiday_name(d))]
    names = tuple(dict.fromkeys(n for n in named if n not in REST_DAY))
    return Holiday(first, last, names, kinds_of(names), make_up_days(calendar, first, last))


def make_up_days(calendar: Calendar, first: date, last: date) -> tuple[date, ...]:
    """The weekend days worked within MAKE_UP_REACH before `first` or after `last`, with no
    other public holiday between (that one's make-up days are its own)."""
    out: list[date] = []
    for step, start in ((-1, first), (1, last)):
        for i in range(1, MAKE_UP_REACH.days + 1):
            d = start + timedelta(days=step * i)
            if _holiday_day(calendar, d):
                break
            if d.weekday() in WEEKEND and calendar.is_working_day(d):
                out.append(d)
    return tuple(sorted(out))


def next_holiday(calendar: Calendar, today: date, within: timedelta = LOOK_AHEAD) -> Holiday | None:
    """The first holiday period starting after `today`, within `within`."""
    d = today + timedelta(days=1)
    while d <= today + within:
        if _holiday_day(calendar, d):
            holiday = holiday_from(calendar, d)
            if holiday is not None and holiday.first > today:
                return holiday
        d += timedelta(days=1)
    return None


def notice_day(calendar: Calendar, first: date, n: int) -> date:
    """The working day `n` working days before a holiday's first day off."""
    return calendar.add_working_days(first, -n)


def due(calendar: Calendar, today: date, n: int) -> Holiday | None:
    """The holiday whose notice is due on `today` (a working day): from `n` working days before
    its first day to the last working day before it; None on any other day."""
    holiday = next_holiday(calendar, today)
    if holiday is None or notice_day(calendar, holiday.first, n) > today:
        return None
    return holiday


def within_week(calendar: Calendar, today: date) -> Holiday | None:
    """The holiday starting within AGENDA_WITHIN of `today`, for the Monday agenda."""
    return next_holiday(calendar, today, AGENDA_WITHIN)


def confirmed(calendar: Calendar, holiday: Holiday) -> bool:
    """Whether its days come from an announced calendar: the library's official one, or an
    admin's corrections near it (bot/rules/calendar.py); else they are the library's guess."""
    year = holiday.first.year
    if calendar.has_official_data(year):
        return True
    reach = timedelta(days=CONFIRM_REACH_DAYS)
    return not any(
        p.first - reach <= holiday.last and holiday.first <= p.last + reach
        for p in calendar.unconfirmed_holidays(year)
    )
