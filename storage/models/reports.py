"""Contact reports (联络报告, 会议纪要), their action items (督促落实) and meetings announced the
day before (5W1H) and reconfirmed an hour before. Lists of people are JSON arrays of Slack user
ids in a text column, as `approval.signers`."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class ContactReport(SQLModel, table=True):
    """The report of one contact (a meeting, a visit or an important call): written once,
    sent to the service team, edited by its author until the client confirms it."""

    __table_args__ = (
        UniqueConstraint("team_id", "contact_id"),
        Index("ix_contactreport_team_sent", "team_id", "sent_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    contact_id: int = Field(foreign_key="contactlog.id")
    client_id: int = Field(foreign_key="client.id")
    author_id: str = Field(max_length=32)
    our_attendees: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    client_attendees: str = Field(default="", max_length=1000)
    conclusions: str = Field(default="", sa_column=Column(Text, nullable=False))
    items_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    sent_to: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    version: int = 1  # 2 and on: sent again as a correction
    sent_at: datetime | None = Field(default=None, sa_column=_dt())
    confirmed_by: str | None = Field(default=None, max_length=32)
    confirmed_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class ActionItem(SQLModel, table=True):
    """One action item (督促落实): an owner, a line of work, perhaps a due date; from a report
    or added with `/todo add`. Done records who and when."""

    __table_args__ = (
        Index("ix_actionitem_team_owner_done", "team_id", "owner_id", "done_at"),
        Index("ix_actionitem_team_due", "team_id", "due_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    report_id: int | None = Field(default=None, foreign_key="contactreport.id")
    client_id: int = Field(foreign_key="client.id")
    author_id: str = Field(max_length=32)
    owner_id: str = Field(max_length=32)
    text: str = Field(max_length=3000)
    due_on: date | None = None
    done_at: datetime | None = Field(default=None, sa_column=_dt())
    done_by: str | None = Field(default=None, max_length=32)
    dropped_at: datetime | None = Field(default=None, sa_column=_dt())  # removed by an edit
    author_told_at: datetime | None = Field(default=None, sa_column=_dt())
    manager_told_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Meeting(SQLModel, table=True):
    """A meeting with a client: announced the working day before, reconfirmed by phone an
    hour before, reported when it ends."""

    __table_args__ = (Index("ix_meeting_team_starts", "team_id", "starts_at"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    organiser_id: str = Field(max_length=32)
    starts_at: datetime = Field(sa_column=_dt(nullable=False))
    ends_at: datetime = Field(sa_column=_dt(nullable=False))
    topic: str = Field(max_length=300)
    place: str = Field(default="", max_length=300)  # empty: in the office
    our_attendees: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    client_attendees: str = Field(default="", max_length=1000)
    purpose: str = Field(default="", max_length=3000)
    agenda: str = Field(default="", max_length=3000)
    materials: str = Field(default="", max_length=3000)
    told: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # who was told
    notice_sent_at: datetime | None = Field(default=None, sa_column=_dt())
    client_notified_at: datetime | None = Field(default=None, sa_column=_dt())
    reconfirm_sent_at: datetime | None = Field(default=None, sa_column=_dt())
    reconfirmed_at: datetime | None = Field(default=None, sa_column=_dt())
    report_prompted_at: datetime | None = Field(default=None, sa_column=_dt())
    contact_id: int | None = Field(default=None, foreign_key="contactlog.id")
    whereabouts_id: int | None = Field(default=None)
    cancelled_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
