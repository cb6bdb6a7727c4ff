"""Who is on the team."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class Member(SQLModel, table=True):
    """A person in the department, with a role and a manager (汇报对象)."""

    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32, index=True)
    user_id: str = Field(max_length=32)
    name: str = Field(max_length=200)
    role: str = Field(max_length=8)
    manager_id: str | None = Field(default=None, max_length=32)
    # the job department they work in (creative, design…; bot/rules/jobs.py); None for an AE
    department: str | None = Field(default=None, max_length=12)
    language: str | None = Field(default=None, max_length=2)  # chosen (import or /aebot language)
    slack_locale: str | None = Field(
        default=None, max_length=16
    )  # from Slack, e.g. "en-US"; "" if none
    # The first time they opened aebot's App Home: only those who have get it redrawn on changes.
    home_opened_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
