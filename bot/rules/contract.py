"""Contract review (合同审核, 002 第二条): any change to a contract is approved first by the
account director, then finally by the customer-support head (客户支持主管), who alone deals with
outside lawyers. `/aebot request contract CLIENT what changes`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.rules.approvals import Person, Route, first_up, holders
from bot.rules.clients import ClientIndex, Named
from bot.rules.people import CS, GM
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound, reason_of, take_client

T = TypeVar("T", bound=Named)
DIRECTOR = "ad"


@dataclass(frozen=True)
class ContractText(Generic[T]):
    client: T
    changes: str


def read_contract(
    text: str, clients: ClientIndex[T]
) -> ContractText[T] | ClientNotFound[T] | Problem:
    """CLIENT WHAT CHANGES, e.g. "耐克 付款期改为60天，增加违约条款"."""
    found = take_client(text, clients)
    if isinstance(found, ClientNotFound):
        return found
    client, rest = found
    changes = reason_of(rest)
    if isinstance(changes, Problem):
        return Problem("contract.need_changes")
    return ContractText(client, changes)


def signers(requester: str, members: Mapping[str, Person]) -> Route | Problem:
    """The account director up the requester's line (the general manager where there is none),
    then the customer-support head."""
    director = first_up(requester, members, {DIRECTOR}) or first_up(requester, members, {GM})
    if director is None:
        return Problem("contract.no_director")
    head = next((u for u in holders(members, CS) if u not in (requester, director.user_id)), None)
    if head is None:
        return Problem("contract.no_cs")
    return Route((director.user_id, head))
