"""Authority limits (审批权限) as data: the kinds of request, who may decide how much, where a
request goes up the management chain, and reading what requesters and admins type."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Generic, NamedTuple, Protocol, TypeVar

from bot.rules.amounts import DAYS, PERCENT, UNITS, show_number
from bot.rules.approvals import Route
from bot.rules.clients import ClientIndex, Named
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound, reason_of, take_amount, take_client

T = TypeVar("T", bound=Named)

MAX_LIMIT = Decimal(100000)


class Kind(NamedTuple):
    """A kind of request: its code, the unit of its amount ("%" or "days"), the words for it."""

    code: str
    unit: str
    names: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind("commission", PERCENT, ("commission", "佣金", "客户佣金")),
    Kind("make-good-platform", PERCENT, ("make-good", "makegood", "补量", "平台补量")),
    Kind("make-good-database", PERCENT, ("make-good-db", "数据库补量")),
    Kind("discount", PERCENT, ("discount", "折扣")),
    Kind("payment-terms", DAYS, ("payment-terms", "terms", "账期")),
    Kind("free-test", PERCENT, ("free-test", "免费测试")),
)
RANK = {"aae": 0, "ae": 0, "cs": 0, "fin": 0, "am": 1, "ped": 1, "ad": 2, "gm": 3}


@dataclass(frozen=True)
class Limit:
    """`role` may decide `kind` requests up to `limit` (inclusive, or exclusive when `strict`);
    `limit` None means any amount. A role with no Limit for a kind may decide none of it."""

    kind: str
    role: str
    limit: Decimal | None
    strict: bool = False


DEFAULT_LIMITS: tuple[Limit, ...] = (
    Limit("commission", "am", Decimal(5)),
    Limit("commission", "ad", Decimal(10), strict=True),  # 10% and over: the general manager
    Limit("commission", "gm", None),
    Limit("make-good-platform", "am", Decimal(1)),
    Limit("make-good-platform", "ad", Decimal(5)),
    Limit("make-good-platform", "gm", None),
    Limit("make-good-database", "am", Decimal(2)),
    Limit("make-good-database", "ad", Decimal(5)),
    Limit("make-good-database", "gm", None),
    Limit("discount", "ad", Decimal(10)),
    Limit("discount", "gm", None),
    Limit("payment-terms", "ad", Decimal(90)),
    Limit("payment-terms", "gm", None),
    Limit("free-test", "ad", Decimal(5)),
    Limit("free-test", "gm", None),
)


class Person(Protocol):
    @property
    def user_id(self) -> str: ...

    @property
    def role(self) -> str: ...


@dataclass(frozen=True)
class LimitInput:
    """An admin's limit as typed: up to `limit` (None: any amount), or `denied` (none at all)."""

    limit: Decimal | None
    strict: bool = False
    denied: bool = False


@dataclass(frozen=True)
class AuthorityText(Generic[T]):
    """A request as typed: the kind's code, the client it names, the amount, the reason."""

    kind: str
    client: T
    amount: Decimal
    reason: str


_NUMBER = r"(\d+(?:\.\d+)?)"
_LIMIT = re.compile(r"(<=|=<|≤|≦|<)?\s*" + _NUMBER + r"\s*(%|days?|d|天|日)?", re.IGNORECASE)
_UNLIMITED_WORDS = {"any", "unlimited", "no limit", "不限", "无限", "无限制", "∞"}
_DENIED_WORDS = {"no", "deny", "denied", "never", "不可", "无权", "不能", "-", "—"}


def kind_of(word: str) -> Kind | None:
    """The kind of request a word names (its code or any of its names, any case), or None."""
    w = unicodedata.normalize("NFKC", word).strip().lower()
    return next((k for k in KINDS if w == k.code or w in k.names), None)


def covers(limit: Limit | None, amount: Decimal) -> bool:
    """True when a limit lets its role decide `amount`; no limit row decides nothing."""
    if limit is None:
        return False
    if limit.limit is None:
        return True
    return amount < limit.limit if limit.strict else amount <= limit.limit


def route(
    kind: str,
    amount: Decimal,
    requester: Person,
    chain: Sequence[Person],
    limits: Iterable[Limit],
) -> Route:
    """Where a request goes: decided by the requester when their own role covers it, else by
    the first manager up the chain (bottom-up) whose role covers it; when nobody's does, by the
    highest in the chain (top_reached); nobody when the chain is empty."""
    by_role = {lim.role: lim for lim in limits if lim.kind == kind}
    if covers(by_role.get(requester.role), amount):
        return Route((), self_approved=True)
    for person in chain:
        if covers(by_role.get(person.role), amount):
            return Route((person.user_id,))
    return Route((chain[-1].user_id,) if chain else (), top_reached=True)


def _height(limit: Limit) -> tuple[int, Decimal, int]:
    """How much a limit lets its role decide, to compare two: any amount the most, then the
    larger number, and "up to 10" above "below 10"."""
    if limit.limit is None:
        return (1, Decimal(0), 0)
    return (0, limit.limit, 0 if limit.strict else 1)


def outranked(limits: Iterable[Limit], changed: Limit) -> tuple[Limit, Limit] | None:
    """With `changed` in place of its role's limit for its kind: the first pair (lower role's
    limit, higher role's) where a role below another (RANK) may decide more of the kind than
    the one above it, so that requests the one above may not sign stop below it; None when
    the order holds. A role that decides none of the kind outranks no one."""
    rank = RANK.get(changed.role, 0)
    others = [x for x in limits if x.kind == changed.kind and x.role != changed.role]
    for other in sorted(others, key=lambda x: (RANK.get(x.role, 0), x.role)):
        their = RANK.get(other.role, 0)
        if rank < their and _height(changed) > _height(other):
            return changed, other
        if rank > their and _height(other) > _height(changed):
            return other, changed
    return None


def limit_problem(kind: Kind, limit: LimitInput) -> Problem | None:
    """A limit beyond what any request of the kind may ask (a percentage over 100, terms over
    365 days), refused as a requester's amount would be."""
    high = UNITS[kind.unit].high
    if limit.limit is None or limit.limit <= high:
        return None
    unit = "d" if kind.unit == DAYS else kind.unit
    return Problem(
        "authority.limit_too_high",
        {"limit": f"{show_number(limit.limit)}{unit}", "high": f"{show_number(high)}{unit}"},
    )


def _decimal(text: str) -> Decimal | None:
    """A Decimal from digits, or None."""
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def read_limit(text: str) -> LimitInput | None:
    """An admin's limit as typed: "5", "<=5", "≤5%", "<10", "<10%", "90d"; "any"/"unlimited"/
    "不限" for any amount; "no"/"-"/"不可"/"无权" for none at all. None if unreadable."""
    s = " ".join(unicodedata.normalize("NFKC", text).strip().lower().split())
    if s in _UNLIMITED_WORDS:
        return LimitInput(None)
    if s in _DENIED_WORDS:
        return LimitInput(None, denied=True)
    m = _LIMIT.fullmatch(s)
    value = _decimal(m.group(2)) if m else None
    if m is None or value is None or value > MAX_LIMIT:
        return None
    return LimitInput(value, strict=m.group(1) == "<")


def show_limit(limit: Limit | None, unit: str) -> str:
    """A limit for display: "≤5%", "<10%", "≤90d", "any" (no limit), "—" (may decide none)."""
    if limit is None:
        return "—"
    if limit.limit is None:
        return "any"
    suffix = "d" if unit == "days" else unit
    return f"{'<' if limit.strict else '≤'}{show_number(limit.limit)}{suffix}"


def read_request(
    kind: Kind, text: str, clients: ClientIndex[T]
) -> AuthorityText[T] | ClientNotFound[T] | Problem:
    """What follows the kind in `/aebot request KIND CLIENT AMOUNT REASON`, e.g. "耐克 7%
    客户要求提高一季度返点": the client first (the longest name wins, so "Channel 5 7% …" is
    Channel 5 asking 7%), then the amount in the kind's unit, then the reason as typed."""
    found = take_client(text, clients)
    if isinstance(found, ClientNotFound):
        return found
    client, rest = found
    amount = take_amount(rest, kind.unit)
    if isinstance(amount, Problem):
        return amount
    value, after = amount
    reason = reason_of(after)
    if isinstance(reason, Problem):
        return reason
    return AuthorityText(kind.code, client, value, reason)
