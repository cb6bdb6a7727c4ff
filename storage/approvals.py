"""The approval engine's storage: requests of every kind, their history, delegations and the
authority limits.

A decision is one conditional UPDATE (`WHERE status = 'pending'`): of two clicks at the same
instant, on SQLite or PostgreSQL, exactly one changes the row, and only that one goes on to
record the event, change the request's subject (a job opens) and queue the requester's DM in
the same transaction. Every listing is one statement for the whole team.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, or_, update
from sqlmodel import Session, col, select

from bot.rules.approvals import APPROVED, PENDING, Shown, signers_list
from storage.models import Approval, ApprovalEvent, Delegation
from storage.outbox import Effect, register_effect


@dataclass(frozen=True)
class Subject:
    """What a decision does to the request's subject (a job opens, an overtime form is signed):
    the value of `approval.subject`, its table, and the status each decision sets. Declared by
    the form's registration (forms/)."""

    name: str
    model: Any
    statuses: Mapping[str, str]


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
    basis: Decimal | None = None  # what authority limits compare, when not `amount` (a rate)
    notes: dict[str, str] = field(default_factory=dict)


def file(
    s: Session,
    f: Filing,
    to: str | None,
    behalf: str | None,
    now: datetime,
    *,
    signers: Sequence[str] = (),
    subject: Subject | None = None,
) -> Approval:
    """Store a request and its first events: filed, then routed to `to` (for `behalf`, the first
    of `signers`); with no `to`, within the requester's own authority: approved, no one asked."""
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
        signers=json.dumps(list(signers)),
        approver_id=to,
        on_behalf_of=behalf,
        status=PENDING if to else APPROVED,
        decided_by=None if to else f.requester_id,
        decided_at=None if to else now,
        routed_at=now,
        created_at=now,
        updated_at=now,
    )
    s.add(a)
    s.flush()
    add_event(s, a, f.requester_id, "filed", f.via, now, f.reason)
    if to is None:
        add_event(s, a, f.requester_id, "self-approved", f.via, now, "")
        _change_subject(s, a, APPROVED, now, subject)
    else:
        add_event(s, a, "aebot", "routed", f.via, now, _routed_note(to, behalf))
    return a


def _routed_note(to: str, behalf: str | None) -> str:
    return f"{to} on behalf of {behalf}" if behalf else to


def signers_of(a: Approval) -> list[str]:
    """Who signs, in order (a request filed before chains: its approver alone)."""
    return signers_list(a.signers, a.approver_id, a.on_behalf_of)


def steps(a: Approval) -> int:
    """How many signatures the request needs."""
    return len(signers_of(a))


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
    a: Approval,
    actor: str,
    decision: str,
    note: str,
    via: str,
    now: datetime,
    subject: Subject | None,
) -> Approval | None:
    """Record `decision` (approved, rejected, withdrawn) if the request is still pending at the
    step `a` was read at: the request, or None when an earlier decision stands (the caller reads
    what it was). The subject's status follows in the same transaction."""
    done = s.exec(  # type: ignore[call-overload]
        update(Approval)
        .where(*_still(a))
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
    fresh = get(s, a.team_id, a.id or 0, fresh=True)
    assert fresh is not None
    add_event(s, fresh, actor, decision, via, now, note)
    _change_subject(s, fresh, decision, now, subject)
    return fresh


def advance(
    s: Session, a: Approval, actor: str, to: str, behalf: str | None, via: str, now: datetime
) -> Approval | None:
    """`actor` signed step `a.step` of a chain: the request goes on to the next signer (`to`,
    for `behalf`), its reminder and escalation marks cleared; None if it was decided or moved
    on in the meantime."""
    done = s.exec(  # type: ignore[call-overload]
        update(Approval).where(*_still(a)).values(step=a.step + 1, **_routed(to, behalf, now))
    )
    if not done.rowcount:
        return None
    fresh = get(s, a.team_id, a.id or 0, fresh=True)
    assert fresh is not None
    add_event(s, fresh, actor, "signed", via, now, f"{a.step + 1}/{steps(fresh)}")
    add_event(s, fresh, "aebot", "routed", via, now, _routed_note(to, behalf))
    return fresh


def _routed(to: str, behalf: str | None, now: datetime) -> dict[str, Any]:
    """A request handed to `to` (for `behalf`) now: its clock starts again, its reminder and
    escalation marks cleared."""
    return {
        "approver_id": to,
        "on_behalf_of": behalf,
        "routed_at": now,
        "reminded_at": None,
        "escalated_at": None,
        "escalated_to": None,
        "updated_at": now,
    }


def _still(a: Approval) -> tuple[Any, ...]:
    """The request as it was read: still pending, at the same step."""
    return (
        col(Approval.id) == a.id,
        Approval.team_id == a.team_id,
        Approval.status == PENDING,
        Approval.step == a.step,
    )


def _change_subject(
    s: Session, a: Approval, decision: str, now: datetime, subject: Subject | None
) -> None:
    if subject is None or a.subject != subject.name or a.subject_id is None:
        return
    if decision in subject.statuses:
        s.exec(  # type: ignore[call-overload]
            update(subject.model)
            .where(col(subject.model.id) == a.subject_id)
            .values(status=subject.statuses[decision], updated_at=now)
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
        .values(**_routed(approver, on_behalf_of, now))
    )
    if not done.rowcount:
        return False
    add_event(s, a, "aebot", "rerouted", "aebot", now, f"{approver}: {why}")
    return True


def _history(action: str) -> Callable[[Session, list[int], dict[int, str], datetime], list[int]]:
    """Before a delivered reminder or escalation marks its requests: an entry in each one's
    history (by "aebot", via the timetable), for those not marked yet (one read, one insert)."""

    def first(s: Session, ids: list[int], to: dict[int, str], now: datetime) -> list[int]:
        column = Approval.reminded_at if action == "reminded" else Approval.escalated_at
        q = select(Approval.id, Approval.team_id).where(
            col(Approval.id).in_(ids), col(column).is_(None)
        )
        found = [(i, team) for i, team in s.exec(q) if i is not None]
        if found:
            rows = [
                {"team_id": team, "approval_id": i, "at": now, "actor": "aebot"}
                | {"action": action, "via": "job", "note": to[i]}
                for i, team in found
            ]
            s.connection().execute(insert(ApprovalEvent), rows)
        return sorted(i for i, _ in found)

    return first


register_effect("approval_reminded", Effect(Approval, "reminded_at", first=_history("reminded")))
register_effect(
    "approval_escalated",
    Effect(Approval, "escalated_at", "escalated_to", first=_history("escalated")),
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


def end_delegations_of(s: Session, team_id: str, user_id: str, now: datetime) -> int:
    """Someone left the team: every running delegation from them or to them ends."""
    q = (
        update(Delegation)
        .where(
            Delegation.team_id == team_id,
            or_(Delegation.user_id == user_id, Delegation.delegate_id == user_id),
            col(Delegation.ended_at).is_(None),
        )
        .values(ended_at=now)
    )
    return int(s.exec(q).rowcount or 0)  # type: ignore[call-overload]


def of_requesters(s: Session, team_id: str, users: Sequence[str] | None) -> list[Approval]:
    """The requests these people filed (everyone's with None), newest first (one statement)."""
    q = select(Approval).where(Approval.team_id == team_id)
    if users is not None:
        q = q.where(col(Approval.requester_id).in_(sorted(set(users))))
    return list(s.exec(q.order_by(col(Approval.created_at).desc(), col(Approval.id).desc())))
