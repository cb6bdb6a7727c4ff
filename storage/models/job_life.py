"""A job's life after its approval (工作单下发，只是一个开始): what happened to it, who works on
it, and the hours they spent (人员工时记录表)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class JobEvent(SQLModel, table=True):
    """One step of a job: accepted, assigned, a state change, signed off, closed, a reminder
    given. Nothing is ever changed or deleted: `/job show` prints them in order."""

    __table_args__ = (Index("ix_jobevent_team_job", "team_id", "job_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    job_id: int = Field(foreign_key="job.id")
    at: datetime = Field(sa_column=_dt(nullable=False))
    actor: str = Field(max_length=32)  # a user id, or "aebot" for the timetable
    action: str = Field(max_length=20)  # accepted assigned progress review sent revise signed…
    from_status: str | None = Field(default=None, max_length=10)
    to_status: str | None = Field(default=None, max_length=10)
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    data: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON


class JobAssignee(SQLModel, table=True):
    """Someone of the department working on a job, assigned by its head."""

    __table_args__ = (
        UniqueConstraint("job_id", "user_id"),
        Index("ix_jobassignee_team_user", "team_id", "user_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    job_id: int = Field(foreign_key="job.id")
    user_id: str = Field(max_length=32)
    assigned_by: str = Field(max_length=32)
    assigned_at: datetime = Field(sa_column=_dt(nullable=False))


class JobHours(SQLModel, table=True):
    """Time someone spent on a job on one day, in minutes (hours typed as 3.5 are 210)."""

    __table_args__ = (
        Index("ix_jobhours_team_job", "team_id", "job_id"),
        Index("ix_jobhours_team_day", "team_id", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    job_id: int = Field(foreign_key="job.id")
    user_id: str = Field(max_length=32)
    day: date
    minutes: int
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
