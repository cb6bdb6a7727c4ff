"""Authority limits (审批权限) as data: the kinds of request, who may decide how much, where a
request goes up the management chain, and reading what requesters and admins type."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import NamedTuple, Protocol

from bot.rules.problems import Problem

MAX_AMOUNT = Decimal(100000)
REQUEST_EXAMPLE = "commission Nike 7% 客户要求提高一季度返点"


class Kind(NamedTuple):
    """A kind of request: its code, the unit of its amount ("%" or "days"), the words for it."""

    code: str
    unit: str
    names: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind("commission", "%", ("commission", "佣金", "客户佣金")),
    Kind("make-good-platform", "%", ("make-good", "makegood", "补量", "平台补量")),
    Kind("make-good-database", "%", ("make-good-db", "数据库补量")),
    Kind("discount", "%", ("discount", "折扣")),
    Kind("payment-terms", "days", ("payment-terms", "terms", "账期")),
    Kind("free-test", "%", ("free-test", "免费测试")),
)
RANK = {"aae": 0, "ae": 0, "am": 1, "ped": 1, "ad": 2, "gm": 3}


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
class Route:
    """Who decides a request: the approver's user id (the requester's own when self-approved;
    None when nobody is above), and whether nobody's authority covered it (the top decides)."""

    approver: str | None
    self_approved: bool
    top_reached: bool


@dataclass(frozen=True)
class LimitInput:
    """An admin's limit as typed: up to `limit` (None: any amount), or `denied` (none at all)."""

    limit: Decimal | None
    strict: bool = False
    denied: bool = False


@dataclass(frozen=True)
class RequestText:
    """A request as typed: the kind's code, the client as typed, the amount, the reason."""

    kind: str
    client_words: str
    amount: Decimal
    reason: str


_NUMBER = r"(\d+(?:\.\d+)?)"
_UNIT_WORDS = {"%", "percent", "d", "day", "days", "天", "日"}
_AMOUNT = re.compile(_NUMBER + r"\s*(%|percent|days?|d|天|日)?", re.IGNORECASE)
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
    highest in the chain (top_reached); approver None when the chain is empty."""
    by_role = {lim.role: lim for lim in limits if lim.kind == kind}
    if covers(by_role.get(requester.role), amount):
        return Route(requester.user_id, self_approved=True, top_reached=False)
    for person in chain:
        if covers(by_role.get(person.role), amount):
            return Route(person.user_id, self_approved=False, top_reached=False)
    top = chain[-1].user_id if chain else None
    return Route(top, self_approved=False, top_reached=True)


def _decimal(text: str) -> Decimal | None:
    """A Decimal from digits, or None."""
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def read_amount(text: str) -> Decimal | None:
    """An amount as typed: "7", "7%", "7.5%", "７％", "30天", "30 days", "30d"; None for
    anything else, zero or less, or above 100000."""
    m = _AMOUNT.fullmatch(unicodedata.normalize("NFKC", text).strip())
    value = _decimal(m.group(1)) if m else None
    if value is None or not 0 < value <= MAX_AMOUNT:
        return None
    return value


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
    if m is None or value is None or value > MAX_AMOUNT:
        return None
    return LimitInput(value, strict=m.group(1) == "<")


def _number(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 5, 7.5, 90."""
    return format(value.normalize(), "f")


def show_limit(limit: Limit | None, unit: str) -> str:
    """A limit for display: "≤5%", "<10%", "≤90d", "any" (no limit), "—" (may decide none)."""
    if limit is None:
        return "—"
    if limit.limit is None:
        return "any"
    suffix = "d" if unit == "days" else unit
    return f"{'<' if limit.strict else '≤'}{_number(limit.limit)}{suffix}"


def _problem(key: str, **values: object) -> Problem:
    """A request problem, with the example request the message shows."""
    return Problem(key, {**values, "example": REQUEST_EXAMPLE})


def parse_request(text: str) -> RequestText | Problem:
    """The text after `/aebot request`: kind, client (one or more words), amount, reason, e.g.
    "commission 耐克 7% 客户要求提高一季度返点". The amount is the first word after the kind
    that reads as one (a unit typed apart, "30 days", belongs to it); the words between are
    the client; the rest, as typed, is the reason."""
    words = list(re.finditer(r"\S+", text))
    if not words:
        return _problem("authority.usage")
    kind = kind_of(words[0].group())
    if kind is None:
        kinds = ", ".join(k.code for k in KINDS)
        return _problem("authority.unknown_kind", kind=words[0].group(), kinds=kinds)
    amounts = ((i, read_amount(w.group())) for i, w in enumerate(words[1:], 1))
    found = next(((i, a) for i, a in amounts if a is not None), None)
    if found is None:
        return _problem("authority.missing_amount", kind=kind.code, unit=kind.unit)
    at, amount = found
    if at == 1:
        return _problem("authority.missing_client", kind=kind.code)
    rest = at + 1
    if rest < len(words) and _is_unit(words[at].group(), words[rest].group()):
        rest += 1
    reason = text[words[rest].start() :].strip() if rest < len(words) else ""
    if not reason:
        return _problem("authority.empty_reason", kind=kind.code)
    client = " ".join(w.group() for w in words[1:at])
    return RequestText(kind.code, client, amount, reason)


def _is_unit(amount_word: str, word: str) -> bool:
    """True when `word` is a unit typed apart from a bare number ("30" "days")."""
    bare = unicodedata.normalize("NFKC", amount_word).strip()
    unit = unicodedata.normalize("NFKC", word).strip().lower()
    return bare.replace(".", "", 1).isdigit() and unit in _UNIT_WORDS
