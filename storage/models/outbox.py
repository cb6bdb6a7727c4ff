"""The outbox: every message decided, until Slack has it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.columns import _dt, utcnow


class OutboxMessage(SQLModel, table=True):
    """A message aebot decided to send, stored in the same transaction as the decision and
    delivered by the courier (scheduler/courier.py). Its key makes the decision idempotent:
    a rerun, a second process or a restart finds the row instead of sending again.

    Times the courier keeps for itself (`next_attempt_at`, `lease_until`, `first_attempt_at`)
    are the machine's wall clock; `useful_until`, `created_at` and `delivered_at` are the
    product's clock (settable in tests and `aebot jobs run --at`)."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("team_id", "key"),
        Index("ix_outbox_status_next", "status", "next_attempt_at"),
        Index("ix_outbox_run", "team_id", "job", "period"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    key: str = Field(max_length=200)  # task:period:recipient:purpose, or what a handler chose
    job: str | None = Field(default=None, max_length=40)  # the task whose run decided it, if any
    period: str | None = Field(default=None, max_length=40)
    purpose: str = Field(max_length=40)
    recipient: str = Field(max_length=32)  # a user id (the app's DM) or a channel id
    conversation: str | None = Field(default=None, max_length=32)  # the DM's id, once looked up
    text: str = Field(sa_column=Column(Text, nullable=False))
    blocks: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON
    effect: str | None = Field(default=None, max_length=40)  # what delivery marks done
    effect_ids: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON ids
    useful_until: datetime | None = Field(default=None, sa_column=_dt())
    # Held until then (the product's clock): a morning reminder waits for a deferred start.
    not_before: datetime | None = Field(default=None, sa_column=_dt())
    # Posted in the thread of the message with this key (same team), once that one is out.
    thread_of: str | None = Field(default=None, max_length=200)
    # Sent only if the message with this key (same team) is given up: its recipient is told it
    # did not arrive; dropped once that one is delivered.
    if_failed: str | None = Field(default=None, max_length=200)
    # A file instead of a message (files.uploadV2): its name and its bytes, base64.
    file_name: str | None = Field(default=None, max_length=200)
    file_b64: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    status: str = Field(
        default="pending", max_length=10
    )  # pending sending delivered failed expired
    attempts: int = 0
    unknown: bool = False  # an attempt's outcome is unknown: look for it before sending again
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    lease_until: datetime | None = Field(default=None, sa_column=_dt())
    leased_by: str | None = Field(default=None, max_length=40)
    first_attempt_at: datetime | None = Field(default=None, sa_column=_dt())
    ts: str | None = Field(default=None, max_length=32)  # Slack's ts of the delivered message
    error: str | None = Field(default=None, max_length=200)
    admin_told: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    delivered_at: datetime | None = Field(default=None, sa_column=_dt())
