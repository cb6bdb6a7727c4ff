"""Amounts as people type them on a request: a percentage (a commission of 7%), a number of
days (payment terms of 60 days) or yuan (a travel advance of 3,000 元).

Each unit has a sane range, and a unit typed with the number must be the request's own: "30d"
is not a commission, "60%" is no payment term. The value is rounded once, here, to what the
unit keeps (two decimals, whole days), so that routing and every message use the same number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from bot.rules.problems import Problem

PERCENT, DAYS, YUAN = "%", "days", "yuan"


@dataclass(frozen=True)
class Unit:
    """What an amount of this unit may be: above `low`, at most `high`, kept to `places`
    decimals (0: whole numbers only)."""

    code: str
    low: Decimal
    high: Decimal
    places: int


UNITS: dict[str, Unit] = {
    PERCENT: Unit(PERCENT, Decimal(0), Decimal(100), 2),
    DAYS: Unit(DAYS, Decimal(0), Decimal(365), 0),
    YUAN: Unit(YUAN, Decimal(0), Decimal(10**12), 2),
}
# The unit a word after the number names ("%", "天", "元"…), lower case.
_SUFFIXES: dict[str, str] = {
    "%": PERCENT,
    "percent": PERCENT,
    "pct": PERCENT,
    "d": DAYS,
    "day": DAYS,
    "days": DAYS,
    "天": DAYS,
    "日": DAYS,
    "元": YUAN,
    "块": YUAN,
    "rmb": YUAN,
    "yuan": YUAN,
    "cny": YUAN,
}
_NUMBER = re.compile(
    r"(?P<sign>¥|rmb|cny)?\s*(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
    r"\s*(?P<thousands>[k千w万])?\s*(?P<suffix>[^\d\s.,]*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    """An amount as read: the value, rounded to its unit, and the unit the person typed (None
    for a bare number)."""

    value: Decimal
    typed_unit: str | None


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().replace("￥", "¥")


def unit_word(word: str) -> str | None:
    """The unit a word names on its own ("%", "days", "元"), or None."""
    return _SUFFIXES.get(_normal(word).lower())


def looks_like_amount(word: str) -> bool:
    """True when a word reads as a number with a unit or none ("7%", "3000", "3k", "¥3,000")."""
    return _read(word) is not None


def typed_unit(word: str) -> str | None:
    """The unit written with a number ("7%" → %, "3k" → yuan), or None (a bare number)."""
    found = _read(word)
    return found.typed_unit if found else None


def _read(word: str) -> Amount | None:
    m = _NUMBER.fullmatch(_normal(word))
    if m is None:
        return None
    suffix = m.group("suffix").lower()
    unit = _SUFFIXES.get(suffix) if suffix else None
    if suffix and unit is None:
        return None
    if m.group("sign") or m.group("thousands"):
        if unit not in (None, YUAN):
            return None
        unit = YUAN
    try:
        value = Decimal(m.group("digits").replace(",", "") + (m.group("fraction") or ""))
    except InvalidOperation:
        return None
    thousands = {"k": 1000, "千": 1000, "w": 10000, "万": 10000}.get(
        (m.group("thousands") or "").lower(), 1
    )
    return Amount(value * thousands, unit)


def read_amount(word: str, unit: str, unit_apart: str = "") -> Decimal | Problem:
    """`word` (with `unit_apart`, a unit typed as the next word) as an amount of `unit`, rounded
    to what the unit keeps; or the problem: not a number, another unit, out of range."""
    found = _read(word)
    if found is None:
        return Problem("amount.not_a_number", {"typed": word[:40]})
    typed_unit = found.typed_unit or (unit_word(unit_apart) if unit_apart else None)
    if typed_unit is not None and typed_unit != unit:
        shown = f"{word} {unit_apart}".strip()
        return Problem("amount.wrong_unit", {"typed": shown[:40], "unit": unit})
    spec = UNITS[unit]
    value = rounded(found.value, unit)
    if spec.places == 0 and value != found.value:
        return Problem("amount.whole_days", {"typed": word[:40]})
    if not spec.low < value <= spec.high:
        limits = {"low": show_number(spec.low), "high": show_number(spec.high)}
        return Problem("amount.out_of_range", {"typed": word[:40], "unit": unit, **limits})
    return Decimal(show_number(value))


def rounded(value: Decimal, unit: str) -> Decimal:
    """`value` kept to its unit's places: 9.99999999999999999999% is 10%."""
    places = UNITS[unit].places
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def show_number(value: Decimal) -> str:
    """A number without exponent or trailing zeros: 5, 7.5, 90, 3000."""
    return format(value.normalize(), "f")


def show_amount(value: Decimal, unit: str) -> str:
    """An amount as every message shows it: 7%, 60d, ¥3,000.5."""
    if unit == YUAN:
        return f"¥{value.normalize():,f}"
    return f"{show_number(value)}{'d' if unit == DAYS else unit}"
