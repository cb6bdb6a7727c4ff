"""The commission payment (劳务费申请单, 002 第六条): every payment of a client's commission
needs one, and it is routed like a commission at the rate it pays — the account manager up to
5%, the director below 10%, the general manager beyond — but always signed by someone: within
the requester's own limit it goes to their supervisor. Commission is paid to the client in full.
`/aebot request fee CLIENT AMOUNT [RATE] reason`; without a rate, the client's last approved
commission rate is used."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from bot.rules.amounts import PERCENT, YUAN, read_amount, typed_unit
from bot.rules.approvals import Person, Route, supervisor
from bot.rules.authority import Limit, route
from bot.rules.clients import ClientIndex, Named
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound, reason_of, take_amount, take_client

T = TypeVar("T", bound=Named)


@dataclass(frozen=True)
class FeeText(Generic[T]):
    client: T
    amount: Decimal
    rate: Decimal | None  # None: the client's last approved commission rate
    reason: str


def read_fee(text: str, clients: ClientIndex[T]) -> FeeText[T] | ClientNotFound[T] | Problem:
    """CLIENT AMOUNT [RATE] REASON, e.g. "耐克 12000 7% 第四季度佣金"."""
    found = take_client(text, clients)
    if isinstance(found, ClientNotFound):
        return found
    client, rest = found
    amount = take_amount(rest, YUAN)
    if isinstance(amount, Problem):
        return amount
    value, after = amount
    words = after.split(maxsplit=1)
    rate: Decimal | None = None
    if words and typed_unit(words[0]) == PERCENT:
        read = read_amount(words[0], PERCENT)
        if isinstance(read, Problem):
            return read
        rate, after = read, (words[1] if len(words) > 1 else "")
    reason = reason_of(after)
    if isinstance(reason, Problem):
        return reason
    return FeeText(client, value, rate, reason)


def signers(
    requester: Person,
    members: Mapping[str, Person],
    line: Sequence[Person],
    limits: Iterable[Limit],
    rate: Decimal | None,
) -> Route | Problem:
    """Who signs a payment at `rate`: as a commission at that rate, but never nobody."""
    if rate is None:
        return Problem("fee.need_rate")
    way = route("commission", rate, requester, line, limits)
    if not way.self_approved:
        return way if way.signers else Problem("fee.no_approver")
    boss = supervisor(requester.user_id, members)
    return Route((boss.user_id,)) if boss else Problem("fee.no_approver")
