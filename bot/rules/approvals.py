"""The approval engine's rules, one set for every kind of request (a job, a commission, later
an overtime form): who is asked, who may decide, what a request shows.

The storage (storage/approvals.py) makes the decision one conditional update; the Slack side
(handlers/approvals.py) asks, tells and redraws. Everything here takes data and returns data.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

PENDING, APPROVED, REJECTED, WITHDRAWN = "pending", "approved", "rejected", "withdrawn"
# Roles that may sign a job request as the requester's business supervisor (营业主管).
SUPERVISOR_ROLES = frozenset({"am", "ad", "gm"})
NEVER_APPROVE = frozenset({"aae"})  # an assistant approves nothing, not even as a delegate
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
    label, the value, and how to write the value ("text", "user", "when", "day", "code", or
    "key": the value is a text key, written in the reader's language)."""

    label: str
    value: str
    kind: str = "text"

    def as_list(self) -> list[str]:
        return [self.label, self.value, self.kind]


@dataclass(frozen=True)
class Route:
    """Who signs a request, in order (a chain: the account director, then the customer-support
    head); none when it is within the requester's own authority (`self_approved`) or nobody can.
    `top_reached`: nobody's authority covered it, so the top of the line decides."""

    signers: tuple[str, ...]
    self_approved: bool = False
    top_reached: bool = False


def signers_list(stored: str | None, approver: str | None, behalf: str | None) -> list[str]:
    """Who signs a request, in order, from its stored JSON; a request filed before chains has
    one signer: the one it was routed for."""
    try:
        found = json.loads(stored or "[]")
    except ValueError:
        found = []
    listed = [str(x) for x in found] if isinstance(found, list) else []
    return listed or [behalf or approver or ""]


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
    return first_up(user_id, members, SUPERVISOR_ROLES)


def first_up(user_id: str, members: Mapping[str, Person], roles: Collection[str]) -> Person | None:
    """The first one up `user_id`'s reporting line whose role is one of `roles`."""
    return next((p for p in chain(user_id, members) if p.role in roles), None)


def holders(members: Mapping[str, Person], role: str) -> list[str]:
    """Everyone on the team with `role` (the customer-support head, finance…), by id."""
    return sorted(u for u, p in members.items() if p.role == role)


@dataclass(frozen=True)
class Team:
    """What routing reads of the team today: its members, the running delegations (user ->
    delegate, last day), who is on leave (user -> last day) and the admins."""

    members: Mapping[str, Person]
    delegations: Mapping[str, tuple[str, date]]
    away: Mapping[str, date]
    admins: Collection[str]
    today: date


@dataclass(frozen=True)
class Addressee:
    """Who receives what `signer` must decide, and why it is not `signer` themselves:
    "delegated" (on their behalf) or "on-leave" (standing in), until that day."""

    to: str
    behalf: str | None = None
    why: str | None = None
    until: date | None = None


def delegate_of(user_id: str, team: Team, requester: str | None = None) -> str | None:
    """Whom `user_id` handed their decisions to, today (the last day included): only someone
    still on the team who may approve (never an AAE), and never the requester."""
    found = team.delegations.get(user_id)
    if found is None:
        return None
    delegate, until = found
    person = team.members.get(delegate)
    if team.today > until or delegate in (user_id, requester) or person is None:
        return None
    return None if person.role in NEVER_APPROVE else delegate


def address(signer: str, team: Team, requester: str) -> Addressee:
    """Who receives a request `signer` must decide: their delegate while a delegation runs;
    while they are on leave, the first one up their line who is here (else an admin); else
    `signer`. Never the requester, who cannot decide their own."""
    delegate = delegate_of(signer, team, requester)
    if delegate:
        return Addressee(delegate, signer, "delegated", team.delegations[signer][1])
    if signer in team.away:
        stand_in = standing_in(signer, team, requester)
        if stand_in:
            return Addressee(stand_in, signer, "on-leave", team.away[signer])
    return Addressee(signer)


def standing_in(user: str, team: Team, requester: str) -> str | None:
    """Who decides for `user` while they are on leave: the first one up their line who is here
    and is not the requester; else an admin."""
    for p in chain(user, team.members):
        if p.user_id not in team.away and p.user_id != requester:
            return p.user_id
    return next((x for x in sorted(team.admins) if x != requester), None)


def decider_refusal(
    user: str,
    request: Request,
    *,
    admin: bool,
    delegate: str | None = None,
) -> str | None:
    """Why `user` may not decide `request`, as a text key, or None when they may. The requester
    never decides their own; otherwise the approver, the one they act for, that one's delegate
    (`delegate`, see delegate_of), the one it escalated to, or an admin."""
    if user == request.requester_id:
        return "approval.own_request"
    if admin:
        return None
    allowed = {request.approver_id, request.on_behalf_of, delegate}
    if request.escalated_at is not None:
        allowed.add(request.escalated_to)
    return None if user in allowed - {None} else "approval.not_yours"


def reason_problem(reason: str) -> str | None:
    """A rejection's reason is required: blank (or only spaces) is refused, as is an essay."""
    text = reason.strip()
    if not text:
        return "approval.reason_required"
    if len(text) > REASON_MAX:
        return "approval.reason_too_long"
    return None
