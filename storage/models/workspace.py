"""A workspace's own settings, its calendar corrections, and the timetable's claims."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class TaskRun(SQLModel, table=True):
    """The claim of one timetable task for one period: inserted before sending, unique. The
    table and its column `job` (the task's name) keep their first names."""

    __tablename__ = "jobrun"
    __table_args__ = (UniqueConstraint("team_id", "job", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    job: str = Field(max_length=40)
    period: str = Field(max_length=40)
    status: str = Field(default="running", max_length=12)
    detail: str = Field(default="", max_length=2000)
    claimed_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=_dt())


class TeamSetting(SQLModel, table=True):
    """A per-workspace setting changed by an admin (times, channels, limits)."""

    __table_args__ = (UniqueConstraint("team_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    key: str = Field(max_length=60)
    value: str = Field(max_length=500)
    updated_by: str | None = Field(default=None, max_length=32)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class CalendarDay(SQLModel, table=True):
    """An admin's correction to the working-day calendar (next year's announced holidays,
    a make-up Saturday); it takes precedence over the calendar library."""

    __table_args__ = (UniqueConstraint("team_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32, index=True)
    day: date
    working: bool
    name: str | None = Field(default=None, max_length=100)
    set_by: str | None = Field(default=None, max_length=32)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class CacheStamp(SQLModel, table=True):
    """How often a team's cached rows of one table (member, client, calendarday, teamsetting)
    have changed: every write that changes them moves it in the same transaction, so any aebot
    process sees another's change at once (storage/stamps.py)."""

    team_id: str = Field(max_length=32, primary_key=True)
    tbl: str = Field(max_length=32, primary_key=True)
    version: int = Field(default=0)
