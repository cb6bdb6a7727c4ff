"""The outbox: messages decided but not yet known to be delivered.

A timetable task or a handler writes its messages here in the transaction that records its decision; the
courier (scheduler/courier.py) claims rows with a short lease, sends them, and writes back what
happened. What a message marks done (a follow-up sent, a report reminder given) is marked in
the transaction that records its delivery, never before. A message may be one that is sent
only if another is given up (`if_failed`: the file you asked for did not arrive), and is
dropped once that other one is delivered. Every function here works on a batch in a constant
number of statements, whatever the number of rows.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import func, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from storage.models import OutboxMessage

log = logging.getLogger("aebot.outbox")

PENDING, SENDING, DELIVERED, FAILED, EXPIRED = (
    "pending",
    "sending",
    "delivered",
    "failed",
    "expired",
)
OPEN = (PENDING, SENDING)


@dataclass(frozen=True)
class Effect:
    """What a delivered message marks done, registered by the feature that owns the table: a
    column of `model` set to the time of delivery (only where it is still empty), and
    `to_column`, if any, to the message's recipient. `first`, if any, is given the target ids
    and their recipients before they are marked and returns the ids to mark (an approval adds
    an entry to its history there)."""

    model: Any
    column: str
    to_column: str | None = None
    first: Callable[[Session, list[int], dict[int, str], datetime], list[int]] | None = None


EFFECTS: dict[str, Effect] = {}


def register_effect(name: str, effect: Effect) -> None:
    """Declare what delivering a message with `effect=name` marks done (once per name)."""
    if EFFECTS.get(name, effect) != effect:
        raise ValueError(f"effect {name!r} registered twice")
    EFFECTS[name] = effect


def machine_now() -> datetime:
    """The machine's clock as it reads now. Tests set it back or forward (`wall` looks it up at
    each call) to see the outbox through a clock step: NTP, a restored VM."""
    return datetime.now(UTC)


def wall() -> datetime:
    """The machine's clock, for the courier's own timing (leases, retries): not the product's
    clock, which tests and `aebot jobs run --at` set. It may step back or forward; no time
    stored from it holds a row longer than the wait it was meant for (outbox_leases.claim)."""
    return machine_now()


@dataclass(frozen=True)
class Message:
    """One message to store: who gets it, what it says, and what its delivery marks done."""

    team_id: str
    key: str
    purpose: str
    recipient: str
    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    job: str | None = None  # the column's name: the timetable task that decided it, if any
    period: str | None = None
    effect: str | None = None
    effect_ids: tuple[int, ...] = ()
    useful_until: datetime | None = None
    not_before: datetime | None = None  # held until then (the product's clock)
    thread_of: str | None = None  # posted in the thread of the message with this key, once out
    file_name: str | None = None  # a file (files.uploadV2) instead of a message: its name…
    file_bytes: bytes | None = None  # … and its content
    if_failed: str | None = None  # sent only if the message with this key is given up

    def row(self, now: datetime, wall: datetime) -> dict[str, Any]:
        if self.effect is not None and self.effect not in EFFECTS:  # its feature registers it
            raise ValueError(f"unknown effect {self.effect!r}")
        return {
            "team_id": self.team_id,
            "key": self.key[:200],
            "job": self.job,
            "period": self.period,
            "purpose": self.purpose,
            "recipient": self.recipient,
            "text": self.text,
            # orjson: a department's morning is some megabytes of blocks, 3× faster than json's
            "blocks": orjson.dumps(self.blocks).decode(),
            "effect": self.effect,
            "effect_ids": json.dumps(list(self.effect_ids)),
            "useful_until": self.useful_until,
            "not_before": self.not_before,
            "thread_of": self.thread_of,
            "file_name": self.file_name,
            "file_b64": base64.b64encode(self.file_bytes).decode() if self.file_bytes else None,
            "if_failed": self.if_failed,
            "status": PENDING,
            "attempts": 0,
            "unknown": False,
            "next_attempt_at": wall,
            "admin_told": False,
            "created_at": now,
        }


def enqueue(s: Session, messages: Iterable[Message], now: datetime, wall: datetime) -> int:
    """Store messages; one whose key is already stored (an earlier run decided it) is left as it
    is. One statement. Returns how many were new."""
    rows = [m.row(now, wall) for m in messages]
    if not rows:
        return 0
    dialect = s.get_bind().dialect.name
    ins = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = ins(OutboxMessage).on_conflict_do_nothing(index_elements=["team_id", "key"])
    return int(s.connection().execute(stmt, rows).rowcount or 0)


def tally(s: Session, team_id: str, task: str, period: str) -> dict[str, int]:
    """How many of a run's messages are in each state, in one statement; those being sent count
    as pending, and are also counted as `sending`."""
    q = (
        select(OutboxMessage.status, func.count())
        .where(
            OutboxMessage.team_id == team_id,
            OutboxMessage.job == task,
            OutboxMessage.period == period,
        )
        .group_by(OutboxMessage.status)
    )
    counts = {DELIVERED: 0, PENDING: 0, FAILED: 0, EXPIRED: 0, SENDING: 0}
    for status, n in s.exec(q):
        counts[PENDING if status == SENDING else status] += n
        if status == SENDING:
            counts[SENDING] += n
    return counts


def untold_failures(s: Session) -> list[OutboxMessage]:
    """Rows given up on that no admin has heard of yet (notices about failures excluded)."""
    q = select(OutboxMessage).where(
        col(OutboxMessage.status) == FAILED,
        col(OutboxMessage.admin_told).is_(False),
        OutboxMessage.purpose != "failure-notice",
    )
    return list(s.exec(q.order_by(col(OutboxMessage.id))))


def mark_told(s: Session, ids: list[int]) -> None:
    if ids:
        s.exec(  # type: ignore[call-overload]
            update(OutboxMessage).where(col(OutboxMessage.id).in_(ids)).values(admin_told=True)
        )


def listing(
    s: Session, statuses: Iterable[str] = (PENDING, SENDING, FAILED)
) -> list[OutboxMessage]:
    q = select(OutboxMessage).where(col(OutboxMessage.status).in_(list(statuses)))
    return list(s.exec(q.order_by(col(OutboxMessage.id))))


def retry(s: Session, ids: list[int] | None, wall: datetime) -> int:
    """Put failed or expired rows (the given ones, or all with None) back in the queue, and
    make waiting ones due now. Returns how many."""
    q = update(OutboxMessage).where(col(OutboxMessage.status).in_([FAILED, EXPIRED, PENDING]))
    if ids is not None:
        q = q.where(col(OutboxMessage.id).in_(ids))
    q = q.values(
        status=PENDING, next_attempt_at=wall, error=None, admin_told=False, useful_until=None
    )
    return int(s.exec(q).rowcount or 0)  # type: ignore[call-overload]


def delivered(s: Session, team_id: str, key_prefixes: Iterable[str]) -> list[OutboxMessage]:
    """Delivered messages whose key starts with one of the prefixes (the copies of a request,
    to redraw once it is decided); one statement."""
    prefixes = list(key_prefixes)
    if not prefixes:
        return []
    q = select(OutboxMessage).where(
        OutboxMessage.team_id == team_id,
        col(OutboxMessage.status) == DELIVERED,
        or_(*(col(OutboxMessage.key).startswith(p) for p in prefixes)),
    )
    return list(s.exec(q.order_by(col(OutboxMessage.id))))


def cancel(s: Session, team_id: str, key_prefix: str, now: datetime) -> int:
    """Drop pending messages made moot (a report reminder once the report is sent)."""
    q = (
        update(OutboxMessage)
        .where(
            OutboxMessage.team_id == team_id,
            col(OutboxMessage.key).startswith(key_prefix),
            col(OutboxMessage.status) == PENDING,
        )
        .values(status=EXPIRED, error="no longer needed", delivered_at=None)
    )
    return int(s.exec(q).rowcount or 0)  # type: ignore[call-overload]
