"""Job requests (工作单) and the requests of every form kind, their history, delegations and authority limits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class Job(SQLModel, table=True):
    """A job request (工作单) or one of its follow-up modifications (后续修改, `revision` > 0).

    Its number (工作号) is made of the department's prefix, the year and month it was filed, and
    a per-department monthly sequence; the UNIQUE constraints make two filings at the same
    instant take two numbers, and nothing is ever deleted, so a number is never reused."""

    __table_args__ = (
        UniqueConstraint("team_id", "number"),
        UniqueConstraint("team_id", "department", "month", "seq", "revision"),
        Index("ix_job_team_owner_status", "team_id", "owner_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    number: str = Field(max_length=40)
    department: str = Field(max_length=12)
    month: int  # YYYYMM of the filing, in the workspace's zone
    seq: int
    revision: int = 0
    parent_id: int | None = Field(default=None, foreign_key="job.id")
    client_id: int = Field(foreign_key="client.id")
    project: str = Field(max_length=200)
    job_type: str = Field(max_length=100)
    brief: str = Field(sa_column=Column(Text, nullable=False))
    deadline: datetime = Field(sa_column=_dt(nullable=False))  # the client's
    internal_deadline: datetime = Field(sa_column=_dt(nullable=False))
    materials_url: str | None = Field(default=None, max_length=500)
    owner_id: str = Field(max_length=32)  # the requester, who tracks it until delivery
    issued_by: str = Field(max_length=32)  # who filed it (the issuer the handbook records)
    # pending → open (approved) → accepted → progress → review → sent → signed → closed; from
    # sent, revising (the client's changes) and back to progress; or rejected, withdrawn
    status: str = Field(default="pending", max_length=10)
    approval_id: int | None = Field(default=None, index=True)
    delivery_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    accepted_by: str | None = Field(default=None, max_length=32)  # the department's head
    accepted_at: datetime | None = Field(default=None, sa_column=_dt())
    signed_by_client: str | None = Field(default=None, max_length=200)  # who signed it off
    signed_on: date | None = None  # the day the client signed (签字确认稿)
    accept_reminded_at: datetime | None = Field(default=None, sa_column=_dt())
    internal_reminded_at: datetime | None = Field(default=None, sa_column=_dt())
    overdue_told_at: datetime | None = Field(default=None, sa_column=_dt())
    closed_by: str | None = Field(default=None, max_length=32)
    closed_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Approval(SQLModel, table=True):
    """One request waiting for (or given) a decision, of any kind: a job, a commission…

    The decision is one conditional UPDATE (`status = 'pending'`): whoever clicks first
    decides, and every other click is told what was decided."""

    __table_args__ = (
        Index("ix_approval_team_status", "team_id", "status"),
        Index("ix_approval_team_approver", "team_id", "approver_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    kind: str = Field(max_length=30)  # job, job-revision, commission, discount…
    subject: str | None = Field(default=None, max_length=20)  # the table it decides ("job")
    subject_id: int | None = None
    title: str = Field(max_length=300)  # what is asked, as the requester wrote it
    fields: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON key fields
    amount: str | None = Field(default=None, max_length=20)  # a Decimal, as text
    client_id: int | None = None
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    requester_id: str = Field(max_length=32)
    # Who signs, in order (JSON user ids, as routed when filed): one for most kinds, a chain for
    # some (the account director, then the customer-support head). `step` is the one it is at.
    signers: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    step: int = 0
    approver_id: str | None = Field(default=None, max_length=32)  # None: self-approved
    on_behalf_of: str | None = Field(default=None, max_length=32)  # delegated by, or on leave
    status: str = Field(default="pending", max_length=10)  # pending approved rejected withdrawn
    decided_by: str | None = Field(default=None, max_length=32)
    decided_at: datetime | None = Field(default=None, sa_column=_dt())
    decision_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    routed_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    reminded_at: datetime | None = Field(default=None, sa_column=_dt())
    escalated_at: datetime | None = Field(default=None, sa_column=_dt())
    escalated_to: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class ApprovalEvent(SQLModel, table=True):
    """What happened to a request: who, when, through what (button, command, job), and why."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    approval_id: int = Field(foreign_key="approval.id", index=True)
    at: datetime = Field(sa_column=_dt(nullable=False))
    actor: str = Field(max_length=32)  # a user id, or "aebot" for the timetable
    action: str = Field(max_length=20)  # filed routed approved rejected withdrawn reminded…
    via: str = Field(max_length=20)  # button, command, modal, job
    note: str = Field(default="", sa_column=Column(Text, nullable=False))


class Delegation(SQLModel, table=True):
    """Someone's decisions handed to a delegate until (and including) a day."""

    __table_args__ = (Index("ix_delegation_team_user", "team_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    delegate_id: str = Field(max_length=32)
    until: date
    ended_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class AuthorityLimit(SQLModel, table=True):
    """How much of a kind of request a role may decide (审批权限); admins change them. A team
    with no rows of a kind uses the handbook's (bot/rules/authority.py)."""

    __table_args__ = (UniqueConstraint("team_id", "kind", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    kind: str = Field(max_length=30)
    role: str = Field(max_length=8)
    limit: str | None = Field(default=None, max_length=20)  # a Decimal as text; None: any amount
    strict: bool = False  # amounts below the limit only
    denied: bool = False  # this role decides none of this kind
    updated_by: str | None = Field(default=None, max_length=32)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
