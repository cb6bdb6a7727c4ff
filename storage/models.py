"""SQLModel tables. Every row carries the Slack team id; datetimes are aware UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.db import UTCDateTime


def utcnow() -> datetime:
    return datetime.now(UTC)


def _dt(nullable: bool = True, index: bool = False) -> Column:  # type: ignore[type-arg]
    return Column(UTCDateTime(), nullable=nullable, index=index)


class Member(SQLModel, table=True):
    """A person in the department, with a role and a manager (汇报对象)."""

    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32, index=True)
    user_id: str = Field(max_length=32)
    name: str = Field(max_length=200)
    role: str = Field(max_length=8)
    manager_id: str | None = Field(default=None, max_length=32)
    language: str | None = Field(default=None, max_length=2)  # chosen (import or /aebot language)
    slack_locale: str | None = Field(
        default=None, max_length=16
    )  # from Slack, e.g. "en-US"; "" if none
    # The first time they opened aebot's App Home: only those who have get it redrawn on changes.
    home_opened_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Client(SQLModel, table=True):
    """A client record (客户档案); its code is CITY-YYYYMM-NAME-NNN."""

    __table_args__ = (
        UniqueConstraint("team_id", "code"),
        UniqueConstraint("team_id", "name"),
        UniqueConstraint("team_id", "code_year", "serial"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32, index=True)
    code: str = Field(max_length=300)
    code_year: int
    serial: int
    name: str = Field(max_length=100)
    city: str = Field(max_length=50)
    in_city: bool = True
    contact_person: str = Field(default="", max_length=100)
    owner_id: str = Field(max_length=32, index=True)
    backup_owner_id: str | None = Field(default=None, max_length=32)
    cadence_days: int = 1
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class ContactLog(SQLModel, table=True):
    """One logged contact with a client (联络记录). Undo marks it deleted, never erases it."""

    __table_args__ = (
        Index("ix_contactlog_team_client_at", "team_id", "client_id", "at"),
        Index("ix_contactlog_team_author_at", "team_id", "author_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    author_id: str = Field(max_length=32)
    kind: str = Field(max_length=10)
    at: datetime = Field(sa_column=_dt(nullable=False))
    summary: str = Field(max_length=3000)
    next_steps: str = Field(default="", max_length=3000)
    follow_up_on: date | None = Field(default=None, index=True)
    follow_up_sent_at: datetime | None = Field(default=None, sa_column=_dt())
    report_due: bool = False
    report_sent_at: datetime | None = Field(default=None, sa_column=_dt())
    report_reminded_at: datetime | None = Field(default=None, sa_column=_dt())
    report_escalated_at: datetime | None = Field(default=None, sa_column=_dt())
    deleted_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class JobRun(SQLModel, table=True):
    """The claim of one scheduled job for one period: inserted before sending, unique."""

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


class Delivery(SQLModel, table=True):
    """One outgoing message of a scheduled run, claimed before it is sent, so that a run taken
    over after a crash, or by another process, never sends it twice."""

    __table_args__ = (UniqueConstraint("team_id", "job", "period", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    job: str = Field(max_length=40)
    period: str = Field(max_length=40)
    key: str = Field(max_length=120)
    claimed_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
