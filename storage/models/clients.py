"""Clients (客户档案), the contacts logged with them (联络记录) and the sales funnel."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


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
    funnel_stage: str = Field(default="prospect", max_length=12)  # the sales funnel (漏斗)
    language: str = Field(default="zh", max_length=5)  # what the client reads: zh or en
    # the client's life (bot/rules/client_status.py): active, prospect, paused or ended; since
    # when (an ended client's contract end date may lie ahead), and why, as typed
    status: str = Field(default="active", max_length=10)
    status_since: date | None = None
    status_note: str = Field(default="", max_length=300)
    # its latest contact not undone: kept by the database's triggers on contactlog (0017), never
    # written here
    last_contact_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class ContactLog(SQLModel, table=True):
    """One logged contact with a client (联络记录). Undo marks it deleted, never erases it."""

    __table_args__ = (
        Index("ix_contactlog_team_client_at", "team_id", "client_id", "at"),
        Index("ix_contactlog_team_author_at", "team_id", "author_id", "at"),
        # a client's latest live contact, read from the index alone (0014; the triggers of 0017)
        Index("ix_contactlog_team_client_live_at", "team_id", "client_id", "deleted_at", "at"),
        Index("ix_contactlog_team_follow_up", "team_id", "follow_up_on"),  # the follow-ups due
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
    important: bool = False  # an important call owes a report too (`/contact ! …`)
    report_sent_at: datetime | None = Field(default=None, sa_column=_dt())
    report_reminded_at: datetime | None = Field(default=None, sa_column=_dt())
    report_escalated_at: datetime | None = Field(default=None, sa_column=_dt())
    deleted_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class FunnelChange(SQLModel, table=True):
    """A client moved to another funnel stage (`/client stage`): the week's changes."""

    __table_args__ = (Index("ix_funnelchange_team_at", "team_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    from_stage: str = Field(max_length=12)
    to_stage: str = Field(max_length=12)
    by: str = Field(max_length=32)
    at: datetime = Field(sa_column=_dt(nullable=False))


class ContractEnd(SQLModel, table=True):
    """A client's contract ended (当合约结束后…财务部): its end date, the service fees not yet
    received and the amount invoiced, as the AE gave them to finance (Decimals as text)."""

    __table_args__ = (Index("ix_contractend_team_client", "team_id", "client_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    end_on: date
    unreceived: str = Field(max_length=20)
    invoiced: str = Field(max_length=20)
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    by: str = Field(max_length=32)
    at: datetime = Field(sa_column=_dt(nullable=False))
