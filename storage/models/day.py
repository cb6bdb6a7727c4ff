"""The AE's day (当日工作小结和次日工作安排): what each person wrote about today and tomorrow."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class DaySummary(SQLModel, table=True):
    """One person's summary of a working day and plan for the next; written again, it is
    replaced (the latest words count)."""

    __table_args__ = (
        UniqueConstraint("team_id", "user_id", "day"),
        Index("ix_daysummary_team_day", "team_id", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    day: date
    today_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    tomorrow_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    written_at: datetime = Field(sa_column=_dt(nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
