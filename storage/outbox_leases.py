"""The courier's side of the outbox (storage/outbox.py): claiming rows under a short lease,
writing back what became of each, and marking done what a delivered one was about (each
feature registers what its messages mark: storage.outbox.register_effect). A constant number
of statements per batch, whatever the number of rows."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, bindparam, func, or_, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from storage.models import OutboxMessage
from storage.outbox import DELIVERED, EFFECTS, EXPIRED, FAILED, PENDING, SENDING, Effect

log = logging.getLogger("aebot.outbox")
LEASE_SLACK = timedelta(seconds=5)  # how far another machine's clock may be ahead of this one


@dataclass(frozen=True)
class Result:
    """What became of one claimed row."""

    id: int
    status: str  # delivered, failed, expired, or pending (try again from next_attempt_at)
    attempts: int
    unknown: bool = False
    ts: str | None = None
    conversation: str | None = None
    error: str | None = None
    next_attempt_at: datetime | None = None
    first_attempt_at: datetime | None = None


# The other rows a row waits on, as aliases made once: a fresh `aliased()` per claim made
# SQLAlchemy adapt its columns anew each time, most of a drain's own work (bench_report_form)
_PARENT = aliased(OutboxMessage, name="parent")  # the message a thread reply goes under
_GIVEN_UP = aliased(OutboxMessage, name="given_up")  # the message an `if_failed` row is about
_SETTLED = aliased(OutboxMessage, name="settled")


def claim(
    s: Session,
    wall: datetime,
    lease_until: datetime,
    owner: str,
    limit: int,
    *,
    team_id: str | None = None,
    task: str | None = None,
    period: str | None = None,
    purpose: str | None = None,
    after_id: int = 0,
    now_or_later: bool = False,
    now: datetime | None = None,
    longest_wait: timedelta,
) -> list[OutboxMessage]:
    """Lease up to `limit` rows to `owner`: pending rows whose time has come (any pending row
    with `now_or_later`), and rows whose sender's lease ran out (its process died mid-send, so
    their outcome is unknown); only rows after `after_id`, in id order, so that one drain
    tries each row once. A row held `not_before` a time waits until the product's clock (`now`)
    reaches it; a thread reply until its first message is out; a row `if_failed` until the
    message it names is given up. On PostgreSQL rows another process holds are skipped (FOR UPDATE SKIP LOCKED);
    SQLite's write lock serialises the claim.

    Times stored from the machine's clock survive a step of it: a row whose next try is further
    ahead than `longest_wait` (the longest the courier ever makes a row wait) was set before the
    clock went back, and is due now; a lease running longer than a fresh one (`lease_until`)
    is cut to a fresh one, which a live sender keeps renewing and a dead one's runs out."""
    _cut_leases(s, lease_until)
    ready = col(OutboxMessage.status) == PENDING
    if not now_or_later:
        waited = col(OutboxMessage.next_attempt_at)
        ready = and_(ready, or_(waited <= wall, waited > wall + longest_wait))
    if now is not None:
        held = col(OutboxMessage.not_before)
        ready = and_(ready, or_(held.is_(None), held <= now))
    parent = _PARENT
    parent_out = (
        select(parent.id)
        .where(
            parent.team_id == OutboxMessage.team_id,
            parent.key == OutboxMessage.thread_of,
            parent.status == DELIVERED,
        )
        .exists()
    )
    ready = and_(ready, or_(col(OutboxMessage.thread_of).is_(None), parent_out))
    given_up = _GIVEN_UP
    told_of = (
        select(given_up.id)
        .where(
            given_up.team_id == OutboxMessage.team_id,
            given_up.key == OutboxMessage.if_failed,
            given_up.status == FAILED,
        )
        .exists()
    )
    ready = and_(ready, or_(col(OutboxMessage.if_failed).is_(None), told_of))
    abandoned = and_(col(OutboxMessage.status) == SENDING, col(OutboxMessage.lease_until) < wall)
    q = select(OutboxMessage).where(or_(ready, abandoned), col(OutboxMessage.id) > after_id)
    for column, value in (
        (OutboxMessage.team_id, team_id),
        (OutboxMessage.job, task),
        (OutboxMessage.period, period),
        (OutboxMessage.purpose, purpose),
    ):
        if value is not None:
            q = q.where(column == value)
    q = q.order_by(col(OutboxMessage.id)).limit(limit)
    if s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update(skip_locked=True)
    rows = list(s.exec(q))
    if not rows:
        return []
    ids = [r.id for r in rows]
    s.exec(  # type: ignore[call-overload]
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(ids))
        .execution_options(synchronize_session=False)  # the rows read above are set below
        .values(
            status=SENDING,
            lease_until=lease_until,
            leased_by=owner,
            # when a first try may have begun: where a lookup in Slack's history starts
            first_attempt_at=func.coalesce(OutboxMessage.__table__.c.first_attempt_at, wall),
            # a row still `sending` lost its sender: whether it went out is unknown
            unknown=or_(col(OutboxMessage.unknown), col(OutboxMessage.status) == SENDING),
        )
    )
    for r in rows:
        s.expunge(r)
        r.unknown = r.unknown or r.status == SENDING
        r.status, r.lease_until, r.leased_by = SENDING, lease_until, owner
        r.first_attempt_at = r.first_attempt_at or wall
    return rows


def _cut_leases(s: Session, lease_until: datetime) -> None:
    """Leases further ahead than a fresh one (`lease_until`), give or take LEASE_SLACK for
    another machine's clock, were taken before this clock stepped back: cut to a fresh one."""
    s.exec(  # type: ignore[call-overload]
        update(OutboxMessage)
        .where(col(OutboxMessage.status) == SENDING)
        .where(col(OutboxMessage.lease_until) > lease_until + LEASE_SLACK)
        .values(lease_until=lease_until)
        .execution_options(synchronize_session=False)
    )


def parents(s: Session, rows: Iterable[OutboxMessage]) -> dict[tuple[str, str], tuple[str, str]]:
    """Where the claimed thread replies go: (team, parent key) -> (conversation, parent ts),
    one statement."""
    wanted = {(r.team_id, r.thread_of) for r in rows if r.thread_of}
    if not wanted:
        return {}
    keys = sorted({k for _, k in wanted})
    q = select(
        OutboxMessage.team_id, OutboxMessage.key, OutboxMessage.conversation, OutboxMessage.ts
    ).where(col(OutboxMessage.key).in_(keys), col(OutboxMessage.status) == DELIVERED)
    return {(t, k): (c, ts) for t, k, c, ts in s.exec(q) if (t, k) in wanted and c and ts}


def renew(s: Session, ids: list[int], owner: str, lease_until: datetime) -> None:
    """Keep the lease on rows still being sent."""
    s.exec(  # type: ignore[call-overload]
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(ids), col(OutboxMessage.leased_by) == owner)
        .where(col(OutboxMessage.status) == SENDING)
        .values(lease_until=lease_until)
    )


def finish(s: Session, results: list[Result], owner: str, now: datetime) -> None:
    """Write back what became of claimed rows (one executemany), and mark done what the
    delivered ones were about. A row whose lease another process took over is left to it."""
    if not results:
        return
    stmt = (
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == bindparam("b_id"))
        .where(col(OutboxMessage.leased_by) == owner)
        .where(col(OutboxMessage.status) == SENDING)
        .values(
            status=bindparam("b_status"),
            attempts=bindparam("b_attempts"),
            unknown=bindparam("b_unknown"),
            ts=bindparam("b_ts"),
            conversation=bindparam("b_conversation"),
            error=bindparam("b_error"),
            next_attempt_at=func.coalesce(
                bindparam("b_next", type_=OutboxMessage.__table__.c.next_attempt_at.type),
                OutboxMessage.__table__.c.next_attempt_at,
            ),
            first_attempt_at=bindparam(
                "b_first", type_=OutboxMessage.__table__.c.first_attempt_at.type
            ),
            delivered_at=bindparam(
                "b_delivered", type_=OutboxMessage.__table__.c.delivered_at.type
            ),
            lease_until=None,
            leased_by=None,
        )
    )
    params = [
        {
            "b_id": r.id,
            "b_status": r.status,
            "b_attempts": r.attempts,
            "b_unknown": r.unknown,
            "b_ts": r.ts,
            "b_conversation": r.conversation,
            "b_error": (r.error or None) and r.error[:200],
            "b_next": r.next_attempt_at,
            "b_first": r.first_attempt_at,
            "b_delivered": now if r.status == DELIVERED else None,
        }
        for r in results
    ]
    s.connection().execute(stmt, params)
    delivered = [r.id for r in results if r.status == DELIVERED]
    if delivered:
        _mark_done(s, delivered, now)
    settled = [r.id for r in results if r.status in (DELIVERED, EXPIRED)]
    if settled:
        _drop_if_failed(s, settled)


def _drop_if_failed(s: Session, ids: list[int]) -> None:
    """The messages that were to say one of these did not arrive are not needed: it did (or
    was dropped on purpose). One statement."""
    settled = _SETTLED
    of_settled = (
        select(settled.id)
        .where(
            col(settled.id).in_(ids),
            settled.team_id == OutboxMessage.team_id,
            settled.key == OutboxMessage.if_failed,
        )
        .exists()
    )
    s.exec(  # type: ignore[call-overload]
        update(OutboxMessage)
        .where(col(OutboxMessage.status) == PENDING, col(OutboxMessage.if_failed).is_not(None))
        .where(of_settled)
        .values(status=EXPIRED, error="not needed")
        .execution_options(synchronize_session=False)
    )


def _mark_done(s: Session, ids: list[int], now: datetime) -> None:
    """Set what the delivered rows were about (a column still empty only), a few statements
    per kind of effect whatever the number of rows."""
    q = select(OutboxMessage.effect, OutboxMessage.effect_ids, OutboxMessage.recipient).where(
        col(OutboxMessage.id).in_(ids), col(OutboxMessage.effect).is_not(None)
    )
    by_effect: dict[str, dict[int, str]] = defaultdict(dict)  # effect -> id -> recipient
    for effect, effect_ids, recipient in s.exec(q):
        for target_id in json.loads(effect_ids or "[]") if effect else []:
            by_effect[str(effect)].setdefault(int(target_id), recipient)
    for name, targets in sorted(by_effect.items()):
        effect = EFFECTS.get(name)
        if effect is None:  # never fail a delivery's record: it would be sent again
            log.error("delivered messages mark %r, which no feature registered", name)
            continue
        _mark(s, effect, targets, now)


def _mark(s: Session, e: Effect, targets: dict[int, str], now: datetime) -> None:
    target = getattr(e.model, e.column)
    wanted = sorted(targets)
    if e.first is not None:
        wanted = e.first(s, wanted, targets, now)
    if not wanted:
        return
    if e.to_column is None:
        s.exec(  # type: ignore[call-overload]
            update(e.model)
            .where(col(e.model.id).in_(wanted), col(target).is_(None))
            .values({e.column: now})
        )
        return
    stmt = (
        update(e.model)
        .where(col(e.model.id) == bindparam("b_id"), col(target).is_(None))
        .values({e.column: now, e.to_column: bindparam("b_to")})
    )
    s.connection().execute(stmt, [{"b_id": i, "b_to": targets[i]} for i in wanted])
