"""Working-day calendar: weekends, public holidays and make-up working days (调休).

Backed by the `holidays` library, with admin overrides on top. Each year is computed once
(library call + one pass over its days) into a per-day flag table and a cumulative count,
so every query afterwards is a dict lookup plus at most a bisect.
"""

from __future__ import annotations

import logging
import threading
from bisect import bisect_left
from calendar import isleap, monthrange
from collections.abc import Mapping
from datetime import date, timedelta
from typing import NamedTuple

import holidays

from bot.rules.calendar import HolidayPeriod, holiday_periods, unconfirmed

logger = logging.getLogger("aebot.calendar")

_DEFAULT_WEEKEND = frozenset({5, 6})  # Saturday, Sunday


class _Year(NamedTuple):
    """Precomputed data for one calendar year."""

    start: int  # ordinal of Jan 1
    flags: bytes  # flags[i] == 1 when Jan 1 + i is a working day
    cum: list[int]  # cum[i] = working days among flags[:i]; cum[-1] = total in year
    names: dict[date, str]  # names of days off that have one


def _has_substitutions(entry: tuple) -> bool:
    """True if a `special_public_holidays` year entry moves a day off (has a make-up day)."""
    items = entry if entry and isinstance(entry[0], tuple) else (entry,)
    return any(len(item) >= 4 for item in items)


class WorkCalendar:
    """Working days of one country: weekends and holidays off, make-up days on, overrides first."""

    def __init__(
        self,
        country: str = "CN",
        overrides: Mapping[date, tuple[bool, str | None]] | None = None,
    ) -> None:
        """Validate the country and index the overrides; years are computed lazily."""
        if not isinstance(country, str) or country not in holidays.list_supported_countries():
            raise ValueError(f"unknown country code '{country}'")
        try:
            probe = holidays.country_holidays(country, years=(), expand=False)
        except Exception as exc:  # library refuses the code after all
            raise ValueError(f"unknown country code '{country}'") from exc
        self.country = country
        self._language: str | None = getattr(probe, "default_language", None)
        self._weekend = frozenset(getattr(probe, "weekend", _DEFAULT_WEEKEND))
        self._lib_years = (getattr(probe, "start_year", 1), getattr(probe, "end_year", 9999))
        # Years with government-announced transfers (make-up days) in the library's data.
        special = getattr(probe, "special_public_holidays", None) or {}
        sub_years = [y for y, entry in special.items() if _has_substitutions(entry)]
        if getattr(probe, "has_substituted_holidays", False) and sub_years:
            self._official = (min(sub_years), max(sub_years))
        else:  # purely rule-based calendar: the rules are the official calendar
            self._official = self._lib_years
        self._overrides: dict[date, tuple[bool, str | None]] = {
            date(d.year, d.month, d.day): (bool(flag), name)
            for d, (flag, name) in (overrides or {}).items()
        }
        self._override_years = frozenset(d.year for d in self._overrides)
        self._years: dict[int, _Year] = {}
        self._periods: dict[int, list[HolidayPeriod]] = {}
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- year cache

    def _year(self, year: int) -> _Year:
        """Cached data for `year`, computing it on first use (thread-safe)."""
        data = self._years.get(year)
        if data is None:
            with self._lock:
                data = self._years.get(year)
                if data is None:
                    data = self._years[year] = self._build(year)
        return data

    def _load(self, year: int) -> holidays.HolidayBase | None:
        """Library holidays for `year` (neighbours included for cross-year shifts), or None."""
        lo, hi = self._lib_years
        if not lo <= year <= hi:
            logger.warning(
                "holidays has no %s calendar for %d (supports %d-%d); using weekends only",
                self.country,
                year,
                lo,
                hi,
            )
            return None
        try:
            return holidays.country_holidays(
                self.country,
                years=range(year - 1, year + 2),
                language=self._language,
                expand=False,
            )
        except Exception:
            logger.warning(
                "holidays failed for %s %d; using weekends only", self.country, year, exc_info=True
            )
            return None

    def _build(self, year: int) -> _Year:
        """Compute working-day flags, cumulative counts and names for `year`."""
        first = date(year, 1, 1)
        days = [first + timedelta(i) for i in range(366 if isleap(year) else 365)]
        lib = self._load(year)
        names: dict[date, str] = {}
        if lib is None:
            working = [d.weekday() not in self._weekend for d in days]
        else:
            working = [lib.is_working_day(d) for d in days]
            names = {d: lib[d] for d, w in zip(days, working, strict=True) if not w and d in lib}
            if not self.has_official_data(year):
                logger.warning(
                    "no official %s holiday calendar for %d yet: using computed holidays "
                    "without make-up working days; add overrides once it is announced",
                    self.country,
                    year,
                )
        for d, (flag, name) in self._overrides.items():
            if d.year == year:
                working[(d - first).days] = flag
                if flag:
                    names.pop(d, None)
                elif name:
                    names[d] = name
        cum = [0]
        for w in working:
            cum.append(cum[-1] + w)
        return _Year(first.toordinal(), bytes(working), cum, names)

    # ----------------------------------------------------------------- queries

    def is_working_day(self, d: date) -> bool:
        """True if `d` is a working day."""
        y = self._year(d.year)
        return y.flags[d.toordinal() - y.start] == 1

    def holiday_name(self, d: date) -> str | None:
        """Name of the holiday on `d` (override first, then library); None for working days."""
        return self._year(d.year).names.get(d)

    def next_working_day(self, d: date) -> date:
        """First working day strictly after `d`."""
        return self.add_working_days(d, 1)

    def previous_working_day(self, d: date) -> date:
        """Last working day strictly before `d`."""
        return self.add_working_days(d, -1)

    def working_days_between(self, start: date, end: date) -> int:
        """Count working days x with start < x <= end; negated (mirrored) if end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        total = sum(self._year(y).cum[-1] for y in range(start.year, end.year))
        ys, ye = self._year(start.year), self._year(end.year)
        return (
            total
            + ye.cum[end.toordinal() - ye.start + 1]
            - ys.cum[start.toordinal() - ys.start + 1]
        )

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after `d` (before it if n < 0); `d` itself if n == 0."""
        if n == 0:
            return d
        year = d.year
        y = self._year(year)
        i = d.toordinal() - y.start
        if n > 0:
            k = y.cum[i + 1] + n  # rank within `year` of the target working day (1-based)
            while k > y.cum[-1]:
                k -= y.cum[-1]
                year += 1
                y = self._year(year)
        else:
            k = y.cum[i] + n + 1
            while k < 1:
                year -= 1
                y = self._year(year)
                k += y.cum[-1]
        return date.fromordinal(y.start + bisect_left(y.cum, k) - 1)

    def first_working_day_of_week(self, d: date) -> date | None:
        """First working day of d's Monday-to-Sunday week, or None."""
        monday = d - timedelta(d.weekday())
        days = (monday + timedelta(i) for i in range(7))
        return next((x for x in days if self.is_working_day(x)), None)

    def last_working_day_of_week(self, d: date) -> date | None:
        """Last working day of d's Monday-to-Sunday week, or None."""
        sunday = d + timedelta(6 - d.weekday())
        days = (sunday - timedelta(i) for i in range(7))
        return next((x for x in days if self.is_working_day(x)), None)

    def last_working_day_of_month(self, d: date) -> date | None:
        """Last working day of d's month, or None."""
        last = monthrange(d.year, d.month)[1]
        days = (date(d.year, d.month, day) for day in range(last, 0, -1))
        return next((x for x in days if self.is_working_day(x)), None)

    def working_day_from_month_end(self, d: date, n: int) -> date | None:
        """The n-th working day of d's month counted from its end (1: the last, 3: the last
        but two), or None when the month has fewer."""
        last = monthrange(d.year, d.month)[1]
        days = (date(d.year, d.month, day) for day in range(last, 0, -1))
        working = (x for x in days if self.is_working_day(x))
        return next((x for i, x in enumerate(working, 1) if i == n), None)

    def first_working_day_from(self, d: date) -> date | None:
        """The first working day on or after `d` within its month, or None."""
        last = monthrange(d.year, d.month)[1]
        days = (date(d.year, d.month, day) for day in range(d.day, last + 1))
        return next((x for x in days if self.is_working_day(x)), None)

    def has_official_data(self, year: int) -> bool:
        """True if the year's announced calendar is known: the library has it, or the admins
        entered it, which counts only once every public holiday the library computes for the
        year is confirmed by a day-off correction near it (one stray correction is not a
        calendar). A year the library cannot compute needs just one correction."""
        lo, hi = self._official
        if lo <= year <= hi:
            return True
        return year in self._override_years and not self.unconfirmed_holidays(year)

    def unconfirmed_holidays(self, year: int) -> list[HolidayPeriod]:
        """The year's public holidays (as the library computes them) that no day-off correction
        confirms yet; none when the library has the year's official calendar."""
        lo, hi = self._official
        if lo <= year <= hi:
            return []
        periods = self._periods.get(year)
        if periods is None:
            lib = self._load(year)
            days = {d: lib[d] for d in lib if d.year == year} if lib is not None else {}
            periods = self._periods[year] = holiday_periods(days)
        return unconfirmed(periods, self._overrides)

    def working_days_in(self, start: date, end: date) -> list[date]:
        """Working days in the inclusive range start..end (empty if end < start)."""
        out: list[date] = []
        s, e = start.toordinal(), end.toordinal()
        for year in range(start.year, end.year + 1):
            y = self._year(year)
            lo, hi = max(s, y.start) - y.start, min(e, y.start + len(y.flags) - 1) - y.start
            out.extend(date.fromordinal(y.start + i) for i in range(lo, hi + 1) if y.flags[i])
        return out
