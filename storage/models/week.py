"""The week's and the month's records: weekly notes, agenda items, receivables, duties to clients."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class WeeklyNote(SQLModel, table=True):
    """An AE's weekly note (周报, at most 150 characters) for one client, or their problems
    needing coordination or suggestions (client_id None, `kind`)."""

    __table_args__ = (
        UniqueConstraint("team_id", "user_id", "week", "kind", "client_id"),
        Index("ix_weeklynote_team_week", "team_id", "week"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    week: date  # the Monday of the week
    kind: str = Field(default="client", max_length=12)  # client problems suggestions
    client_id: int | None = Field(default=None, foreign_key="client.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class AgendaItem(SQLModel, table=True):
    """An item for next Monday's meeting (`/aebot agenda add …`)."""

    __table_args__ = (Index("ix_agendaitem_team_week", "team_id", "week"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    week: date  # the Monday of the meeting it is for
    text: str = Field(max_length=500)
    added_by: str = Field(max_length=32)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Receivable(SQLModel, table=True):
    """An overdue amount a client owes (坏账管理): monitored past 2 months, on every Monday
    agenda past 4, flagged for management past 6, until paid or written off."""

    __table_args__ = (Index("ix_receivable_team", "team_id", "closed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    amount: str = Field(max_length=20)  # a Decimal as text
    due: date
    note: str = Field(default="", max_length=500)
    added_by: str = Field(max_length=32)
    closed_at: datetime | None = Field(default=None, sa_column=_dt())
    closed_as: str | None = Field(default=None, max_length=12)  # paid written-off
    closed_by: str | None = Field(default=None, max_length=32)
    # A write-off (坏账) is the board's decision (董事会): the day it was taken.
    board_decided_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Duty(SQLModel, table=True):
    """Something an AE is asked to do for a client in a period and marks done with a button:
    the Monday weekly status report to the client (工作周报表), the month-end summary, the
    notice of a public holiday (如遇重大节假日，需提前书面通知客户; its period is the holiday's
    first day)."""

    __table_args__ = (UniqueConstraint("team_id", "kind", "period", "client_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    kind: str = Field(max_length=20)  # client-status month-end holiday
    period: str = Field(max_length=20)  # the week's Monday, or YYYY-MM
    client_id: int = Field(foreign_key="client.id")
    user_id: str = Field(max_length=32)
    done_at: datetime | None = Field(default=None, sa_column=_dt())
    done_by: str | None = Field(default=None, max_length=32)  # the AE, or an admin for them
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
