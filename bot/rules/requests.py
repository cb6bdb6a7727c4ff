"""The grammar shared by every `/aebot request KIND …`: a client named at the start of the text
(the longest name or code wins, so a number in a name stays in the name), an amount with its
unit, and the reason that follows. Each kind reads its own order of these (bot/rules/travel.py
reads an amount, a city and the dates; a commission a client, an amount and a reason)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

from bot.rules.amounts import looks_like_amount, read_amount, typed_unit, unit_word
from bot.rules.clients import ClientIndex, Named
from bot.rules.problems import Problem

T = TypeVar("T", bound=Named)
REASON_MAX = 1000


@dataclass(frozen=True)
class ClientNotFound(Generic[T]):
    """The text did not start with a client: what was typed there, and the clients it might
    have meant (none: unknown)."""

    typed: str
    candidates: list[T] = field(default_factory=list)


def take_client(text: str, clients: ClientIndex[T]) -> tuple[T, str] | ClientNotFound[T]:
    """The client the text starts with and the rest of the text; the longest name or code
    wins ("Channel 5 7% …" is the client Channel 5, then 7%)."""
    match, rest = clients.split(text)
    if match.client is not None:
        return match.client, rest
    first = text.split(maxsplit=1)
    if not first or looks_like_amount(first[0]):  # no client named before the amount
        return ClientNotFound("")
    return ClientNotFound(first[0], list(match.candidates))


def take_amount(text: str, unit: str) -> tuple[Decimal, str] | Problem:
    """The amount the text starts with (a unit typed apart, "30 days", belongs to it) and the
    rest. A bare number followed by another amount ("6 7%") is refused rather than guessed:
    the number is likely the end of a client's name."""
    words = text.split(maxsplit=2)
    if not words or not looks_like_amount(words[0]):
        return Problem("amount.missing", {"unit": unit})
    apart = words[1] if len(words) > 1 and unit_word(words[1]) else ""
    following = words[1] if len(words) > 1 and not apart else ""
    if following and words[0].replace(".", "", 1).isdigit() and _has_unit(following, unit):
        return Problem("amount.two_amounts", {"first": words[0][:40], "second": following[:40]})
    value = read_amount(words[0], unit, apart)
    if isinstance(value, Problem):
        return value
    rest = text.split(maxsplit=2 if apart else 1)
    return value, (rest[-1].strip() if len(rest) > (2 if apart else 1) else "")


def _has_unit(word: str, unit: str) -> bool:
    """A word that reads as an amount of `unit` with the unit written ("7%", "30天")."""
    return looks_like_amount(word) and typed_unit(word) == unit


def reason_of(text: str) -> str | Problem:
    """The reason, as typed (its spacing kept): required, at most REASON_MAX characters."""
    reason = text.strip()
    if not reason:
        return Problem("request.need_reason")
    if len(reason) > REASON_MAX:
        return Problem("request.reason_too_long", {"n": len(reason), "max": REASON_MAX})
    return reason
