"""The approval engine's storage: requests of every kind, their history, delegations and the
authority limits.

A decision is one conditional UPDATE (`WHERE status = 'pending'`): of two clicks at the same
instant, on SQLite or PostgreSQL, exactly one changes the row, and only that one goes on to
record the event, change the request's subject (a job opens) and queue the requester's DM in
the same transaction. Every listing is one statement for the whole team.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from bot.rules.approvals import APPROVED, PENDING, REJECTED, WITHDRAWN, Shown
from bot.rules.authority import DEFAULT_LIMITS, Limit
from storage.models import Approval, ApprovalEvent, AuthorityLimit, Delegation, Job, OvertimeForm

# What a decision does to the request's subject: table -> (model, status by decision).
SUBJECTS: dict[str, tuple[Any, dict[str, str]]] = {
    "job": (Job, {APPROVED: "open", REJECTED: "rejected", WITHDRAWN: "withdrawn"}),
    "overtime": (
        OvertimeForm,
        {APPROVED: "approved", REJECTED: "rejected", WITHDRAWN: "withdrawn"},
    ),
}


@dataclass(frozen=True)
class Filing:
    """A request as its feature files it; the approver is chosen by the feature's rule and the
    delegations (handlers/approvals.py)."""

    team_id: str
    kind: str
    requester_id: str
    title: str
    fields: Sequence[Shown] = ()
    reason: str = ""
    amount: Decimal | None = None
    client_id: int | None = None
    subject: str | None = None
    subject_id: int | None = None
    via: str = "command"
    notes: dict[str, str] = field(default_factory=dict)


def file(
    s: Session,
    f: Filing,
    approver: str | None,
    on_behalf_of: str | None,
    now: datetime,
    *,
    self_approved: bool = False,
) -> Approval:
    """Store a request and its first events: filed, then routed to `approver` (or, within the
    requester's own authority, approved with no one asked)."""
    a = Approval(
        team_id=f.team_id,
        kind=f.kind,
        subject=f.subject,
        subject_id=f.subject_id,
        title=f.title[:300],
        fields=json.dumps([x.as_list() for x in f.fields], ensure_ascii=False),
        amount=None if f.amount is None else str(f.amount),
        client_id=f.client_id,
        reason=f.reason,
        requester_id=f.requester_id,
        approver_id=None if self_approved else approver,
        on_behalf_of=on_behalf_of,
        status=APPROVED if self_approved else PENDING,
        decided_by=f.requester_id if self_approved else None,
        decided_at=now if self_approved else None,
        routed_at=now,
        created_at=now,
        updated_at=now,
    )
    s.add(a)
    s.flush()
    assert a.id is not None
    add_event(s, a, f.requester_id, "filed", f.via, now, f.reason)
    if self_approved:
        add_event(s, a, f.requester_id, "self-approved", f.via, now, "")
        _change_subject(s, a, APPROVED, now)
    else:
        note = f"on behalf of {on_behalf_of}" if on_behalf_of else ""
        add_event(s, a, "aebot", "routed", f.via, now, f"{approver} {note}".strip())
    return a


def add_event(
    s: Session, a: Approval, actor: str, action: str, via: str, now: datetime, note: str = ""
) -> None:
    assert a.id is not None
    s.add(
        ApprovalEvent(
            team_id=a.team_id,
            approval_id=a.id,
            at=now,
            actor=actor,
            action=action,
            via=via,
            note=note[:2000],
        )
    )


def decide(
    s: Session,
    team_id: str,
    approval_id: int,
    actor: str,
    decision: str,
    note: str,
    via: str,
    now: datetime,
) -> Approval | None:
    """Record `decision` (approved, rejected, withdrawn) if the request is still pending: the
    request, or None when an earlier decision stands (the caller reads what it was)."""
    done = s.exec(  # type: ignore[call-overload]
        update(Approval)
        .where(
            col(Approval.id) == approval_id,
            Approval.team_id == team_id,
            Approval.status == PENDING,
        )
        .values(
            status=decision,
            decided_by=actor,
            decided_at=now,
            decision_note=note or None,
            updated_at=now,
        )
    )
    if not done.rowcount:
        return None
    a = get(s, team_id, approval_id, fresh=True)
    assert a is not None
    add_event(s, a, actor, decision, via, now, note)
    _change_subject(s, a, decision, now)
    return a


def _change_subject(s: Session, a: Approval, decision: str, now: datetime) -> None:
    if a.subject not in SUBJECTS or a.subject_id is None:
        return
    model, statuses = SUBJECTS[a.subject]
    if decision in statuses:
        s.exec(  # type: ignore[call-overload]
            update(model)
            .where(col(model.id) == a.subject_id)
            .values(status=statuses[decision], updated_at=now)
        )


def get(s: Session, team_id: str, approval_id: int, *, fresh: bool = False) -> Approval | None:
    q = select(Approval).where(col(Approval.id) == approval_id, Approval.team_id == team_id)
    if fresh:
        q = q.execution_options(populate_existing=True)
    return s.exec(q).first()


def events(s: Session, team_id: str, approval_ids: Iterable[int]) -> list[ApprovalEvent]:
    ids = sorted(set(approval_ids))
    if not ids:
        return []
    q = select(ApprovalEvent).where(
        ApprovalEvent.team_id == team_id, col(ApprovalEvent.approval_id).in_(ids)
    )
    return list(s.exec(q.order_by(col(ApprovalEvent.at), col(ApprovalEvent.id))))


def pending(s: Session, team_id: str) -> list[Approval]:
    """Every pending request of the team, oldest first (one statement)."""
    q = select(Approval).where(Approval.team_id == team_id, Approval.status == PENDING)
    return list(s.exec(q.order_by(col(Approval.created_at), col(Approval.id))))


def waiting_for(s: Session, team_id: str, users: Sequence[str]) -> list[Approval]:
    """Pending requests `users` may decide as approver, the one delegated for, or the manager
    it escalated to (one statement); oldest first."""
    if not users:
        return []
    q = select(Approval).where(
        Approval.team_id == team_id,
        Approval.status == PENDING,
        or_(
            col(Approval.approver_id).in_(users),
            col(Approval.on_behalf_of).in_(users),
            col(Approval.escalated_to).in_(users),
        ),
    )
    return list(s.exec(q.order_by(col(Approval.created_at), col(Approval.id))))


def reroute(
    s: Session, a: Approval, approver: str, on_behalf_of: str | None, why: str, now: datetime
) -> bool:
    """Hand a pending request to someone else (its approver left); False if it was decided in
    the meantime."""
    done = s.exec(  # type: ignore[call-overload]
        update(Approval)
        .where(col(Approval.id) == a.id, Approval.status == PENDING)
        .values(
            approver_id=approver,
            on_behalf_of=on_behalf_of,
            routed_at=now,
            reminded_at=None,
            escalated_at=None,
            escalated_to=None,
            updated_at=now,
        )
    )
    if not done.rowcount:
        return False
    add_event(s, a, "aebot", "rerouted", "aebot", now, f"{approver}: {why}")
    return True


def mark(s: Session, ids: Iterable[int], now: datetime, **values: object) -> None:
    """Set columns of pending requests (reminded_at, escalated_at and escalated_to)."""
    wanted = sorted(set(ids))
    if wanted:
        s.exec(  # type: ignore[call-overload]
            update(Approval)
            .where(col(Approval.id).in_(wanted), Approval.status == PENDING)
            .values(updated_at=now, **values)
        )


# --- delegations -----------------------------------------------------------------------------
def delegations(s: Session, team_id: str, today: date) -> dict[str, tuple[str, date]]:
    """Running delegations: user -> (delegate, last day). One statement."""
    q = select(Delegation).where(
        Delegation.team_id == team_id,
        col(Delegation.ended_at).is_(None),
        col(Delegation.until) >= today,
    )
    return {d.user_id: (d.delegate_id, d.until) for d in s.exec(q.order_by(col(Delegation.id)))}


def delegate(
    s: Session, team_id: str, user_id: str, delegate_id: str, until: date, now: datetime
) -> Delegation:
    """Start a delegation (ending any running one of `user_id`)."""
    end_delegation(s, team_id, user_id, now)
    d = Delegation(
        team_id=team_id, user_id=user_id, delegate_id=delegate_id, until=until, created_at=now
    )
    s.add(d)
    s.flush()
    return d


def end_delegation(s: Session, team_id: str, user_id: str, now: datetime) -> int:
    q = (
        update(Delegation)
        .where(
            Delegation.team_id == team_id,
            Delegation.user_id == user_id,
            col(Delegation.ended_at).is_(None),
        )
        .values(ended_at=now)
    )
    return int(s.exec(q).rowcount or 0)  # type: ignore[call-overload]


# --- authority limits ------------------------------------------------------------------------
def limits(s: Session, team_id: str) -> list[Limit]:
    """The team's authority limits: the handbook's, with what its admins changed over them."""
    stored = list(s.exec(select(AuthorityLimit).where(AuthorityLimit.team_id == team_id)))
    changed = {(x.kind, x.role) for x in stored}
    out = [x for x in DEFAULT_LIMITS if (x.kind, x.role) not in changed]
    out += [
        Limit(x.kind, x.role, None if x.limit is None else Decimal(x.limit), x.strict)
        for x in stored
        if not x.denied
    ]
    return out


def set_limit(
    s: Session,
    team_id: str,
    kind: str,
    role: str,
    limit: Decimal | None,
    strict: bool,
    denied: bool,
    by: str,
    now: datetime,
) -> None:
    row = s.exec(
        select(AuthorityLimit).where(
            AuthorityLimit.team_id == team_id,
            AuthorityLimit.kind == kind,
            AuthorityLimit.role == role,
        )
    ).first() or AuthorityLimit(team_id=team_id, kind=kind, role=role)
    row.limit = None if limit is None else str(limit)
    row.strict, row.denied, row.updated_by, row.updated_at = strict, denied, by, now
    s.add(row)
