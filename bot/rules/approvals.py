"""The approval engine's rules, one set for every kind of request (a job, a commission, later
an overtime form): who is asked, who may decide, what a request shows.

The storage (storage/approvals.py) makes the decision one conditional update; the Slack side
(handlers/approvals.py) asks, tells and redraws. Everything here takes data and returns data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

PENDING, APPROVED, REJECTED, WITHDRAWN = "pending", "approved", "rejected", "withdrawn"
DECISIONS = (APPROVED, REJECTED)
# Roles that may sign a job request as the requester's business supervisor (营业主管).
SUPERVISOR_ROLES = frozenset({"am", "ad", "gm"})
REASON_MAX = 1000


class Person(Protocol):
    user_id: str
    role: str
    manager_id: str | None


class Request(Protocol):
    """An approval as the rules read it (storage's Approval is one)."""

    requester_id: str
    approver_id: str | None
    on_behalf_of: str | None
    status: str
    escalated_at: datetime | None
    escalated_to: str | None


@dataclass(frozen=True)
class Shown:
    """One key field of a request, as every message about it shows it: a text key for its
    label, the value, and how to write the value ("text", "user", "when", "day", "code")."""

    label: str
    value: str
    kind: str = "text"

    def as_list(self) -> list[str]:
        return [self.label, self.value, self.kind]


def shown_from(rows: Sequence[Sequence[str]]) -> list[Shown]:
    """The stored form (JSON lists) back into fields; rows of an unknown shape are skipped."""
    return [Shown(*row[:3]) for row in rows if 2 <= len(row) <= 3]


def chain(user_id: str, members: Mapping[str, Person]) -> list[Person]:
    """The people `user_id` reports to, bottom-up: manager, manager's manager… (a loop in the
    org chart stops it)."""
    out: list[Person] = []
    seen = {user_id}
    person = members.get(user_id)
    while person is not None and person.manager_id and person.manager_id not in seen:
        seen.add(person.manager_id)
        person = members.get(person.manager_id)
        if person is None:
            break
        out.append(person)
    return out


def supervisor(user_id: str, members: Mapping[str, Person]) -> Person | None:
    """The business supervisor (营业主管) who signs a job request: the first one up the
    requester's reporting line who is an account manager or above."""
    return next((p for p in chain(user_id, members) if p.role in SUPERVISOR_ROLES), None)


def delegate_of(
    user_id: str, delegations: Mapping[str, tuple[str, date]], today: date
) -> str | None:
    """Whom `user_id` handed their decisions to, today (the last day included)."""
    found = delegations.get(user_id)
    if found is None:
        return None
    delegate, until = found
    return delegate if today <= until and delegate != user_id else None


def addressed_to(
    approver: str,
    delegations: Mapping[str, tuple[str, date]],
    today: date,
    requester: str | None = None,
) -> tuple[str, str | None]:
    """Who receives a request meant for `approver`: their delegate (on their behalf) while a
    delegation runs, else themselves; never the requester, who cannot decide their own."""
    delegate = delegate_of(approver, delegations, today)
    return (delegate, approver) if delegate and delegate != requester else (approver, None)


def decider_refusal(
    user: str,
    request: Request,
    *,
    admin: bool,
    delegate: str | None = None,
    approver_manager: str | None = None,
) -> str | None:
    """Why `user` may not decide `request`, as a text key, or None when they may. The requester
    never decides their own; otherwise the approver, the one they act for, the approver's
    delegate, the approver's manager once it escalated, or an admin."""
    if user == request.requester_id:
        return "approval.own_request"
    if admin:
        return None
    allowed = {request.approver_id, request.on_behalf_of, delegate}
    if request.escalated_at is not None:
        allowed |= {request.escalated_to, approver_manager}
    return None if user in allowed - {None} else "approval.not_yours"


def reason_problem(reason: str) -> str | None:
    """A rejection's reason is required: blank (or only spaces) is refused, as is an essay."""
    text = reason.strip()
    if not text:
        return "approval.reason_required"
    if len(text) > REASON_MAX:
        return "approval.reason_too_long"
    return None
