"""Overtime forms (加班单), the whereabouts register (去向登记), leave, and marks people put on a day."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class OvertimeForm(SQLModel, table=True):
    """An overtime form (加班单): who stays, for which job or client, the planned hours, and
    whether it was filed after the day's cut-off (late). Signed through the approval engine."""

    __table_args__ = (Index("ix_overtimeform_team_day", "team_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    filer_id: str = Field(max_length=32)
    members: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON user ids
    job_id: int | None = Field(default=None, foreign_key="job.id")
    client_id: int | None = Field(default=None, foreign_key="client.id")
    day: date
    start: datetime = Field(sa_column=_dt(nullable=False))
    end: datetime = Field(sa_column=_dt(nullable=False))
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    late: bool = False  # filed after the cut-off (17:00) of its day
    status: str = Field(default="pending", max_length=10)  # pending approved rejected withdrawn
    approval_id: int | None = Field(default=None, index=True)
    # Work past 23:00 defers the next working morning (11点以后第二天早上顺延): the later start.
    deferred_until: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class DayMark(SQLModel, table=True):
    """Something a person said about one day ("no overtime today"): once per kind and day."""

    __table_args__ = (UniqueConstraint("team_id", "user_id", "day", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    day: date = Field(index=True)
    kind: str = Field(max_length=20)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Whereabouts(SQLModel, table=True):
    """The whereabouts register (去向登记): out to which client, why, until when."""

    __table_args__ = (Index("ix_whereabouts_team_start", "team_id", "start"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    purpose: str = Field(default="", max_length=500)
    start: datetime = Field(sa_column=_dt(nullable=False))
    end: datetime = Field(sa_column=_dt(nullable=False))
    from_home: bool = False  # straight to the client next morning (registered the day before)
    ended_at: datetime | None = Field(default=None, sa_column=_dt())  # `/out back`
    log_offered_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Leave(SQLModel, table=True):
    """Days off a person registered (年假, 病假…): no reminders of any kind on them."""

    __table_args__ = (Index("ix_leave_team_last", "team_id", "last_day"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    first_day: date
    last_day: date
    kind: str = Field(default="other", max_length=20)  # annual sick personal other
    note: str = Field(default="", max_length=500)
    cancelled_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
