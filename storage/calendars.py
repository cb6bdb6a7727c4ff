"""Each team's working-day calendar: the `holidays` library's, with the admins' corrections
(CalendarDay rows) on top; built once per team and kept until a correction changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlmodel import Session, select

from bot.rules.workdays import WorkCalendar
from storage.changes import TeamCache
from storage.db import Database
from storage.models import CalendarDay

Overrides = dict[date, tuple[bool, str | None]]


class Calendars:
    def __init__(self, db: Database, country: str, now: Callable[[], datetime]) -> None:
        self.db, self.country = db, country
        self._cache = TeamCache(self._build, now, db.changes, frozenset({"calendarday"}))
        self._library = WorkCalendar(country)  # without corrections: what the library knows

    def for_team(self, team: str) -> WorkCalendar:
        return self._cache.get(team)

    def library_has_official_data(self, year: int) -> bool:
        """Whether the library itself knows the year's announced calendar (corrections aside)."""
        return self._library.has_official_data(year)

    def overrides(self, team: str) -> Overrides:
        with self.db.read() as s:
            return overrides(s, team)

    def _build(self, team: str) -> WorkCalendar:
        return WorkCalendar(self.country, self.overrides(team))


def overrides(s: Session, team_id: str) -> Overrides:
    rows = s.exec(select(CalendarDay).where(CalendarDay.team_id == team_id))
    return {r.day: (r.working, r.name) for r in rows}


def _correction(s: Session, team_id: str, day: date) -> CalendarDay | None:
    q = select(CalendarDay).where(CalendarDay.team_id == team_id, CalendarDay.day == day)
    return s.exec(q).first()


def set_day(
    s: Session,
    team_id: str,
    day: date,
    working: bool,
    name: str | None,
    by: str | None,
    now: datetime,
) -> bool:
    """Record a correction; True when it replaced an earlier one for that day."""
    row = _correction(s, team_id, day)
    replaced = row is not None
    row = row or CalendarDay(team_id=team_id, day=day, working=working)
    row.working, row.name, row.set_by, row.updated_at = working, name, by, now
    s.add(row)
    return replaced


def unset_day(s: Session, team_id: str, day: date) -> bool:
    """Drop the correction for `day`; False when there was none."""
    row = _correction(s, team_id, day)
    if row is not None:
        s.delete(row)
    return row is not None
