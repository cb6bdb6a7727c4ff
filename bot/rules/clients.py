"""Client rules: the client code (客户代码) and finding a client by what a person types."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

CODE_RE = re.compile(
    r"^(?P<city>.+)-(?P<year>\d{4})(?P<month>\d{2})-(?P<name>.+)-(?P<serial>\d{3,})$"
)


def client_code(city: str, year: int, month: int, name: str, serial: int) -> str:
    """`CITY-YYYYMM-NAME-NNN`: two-digit month, three-digit yearly serial (DOMAIN.md)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    if serial < 1:
        raise ValueError(f"serial must be positive: {serial}")
    clean = [_code_part(city), _code_part(name)]
    return f"{clean[0]}-{year:04d}{month:02d}-{clean[1]}-{serial:03d}"


def _code_part(text: str) -> str:
    # A hyphen inside a name would make the code ambiguous to read back.
    return re.sub(r"\s+", "", text.strip()).replace("-", "_")


def default_cadence(in_city: bool) -> int:
    """In-city clients are called every working day, out-of-city every three."""
    return 1 if in_city else 3


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The form names are compared in: NFKC, case-folded, inner spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class Named(Protocol):
    name: str
    code: str


T = TypeVar("T", bound=Named)


@dataclass
class Match(Generic[T]):
    """The result of looking a client up: one client, or the candidates, or none."""

    client: T | None = None
    candidates: list[T] = field(default_factory=list)

    @property
    def ambiguous(self) -> bool:
        return self.client is None and len(self.candidates) > 1


def match_client(clients: Sequence[T], query: str) -> Match[T]:
    """Find by code, then by exact name, then by an unambiguous prefix of name or code."""
    q = normalise(query)
    if not q:
        return Match()
    for attr in ("code", "name"):
        exact = [c for c in clients if normalise(getattr(c, attr)) == q]
        if len(exact) == 1:
            return Match(client=exact[0])
    prefixed = [
        c for c in clients if normalise(c.name).startswith(q) or normalise(c.code).startswith(q)
    ]
    if len(prefixed) == 1:
        return Match(client=prefixed[0])
    if prefixed:
        return Match(candidates=sorted(prefixed, key=lambda c: normalise(c.name)))
    contains = [c for c in clients if q in normalise(c.name)]
    return Match(candidates=sorted(contains, key=lambda c: normalise(c.name))[:10])


def split_client_and_text(clients: Sequence[T], text: str) -> tuple[Match[T], str]:
    """Split `/contact CLIENT SUMMARY…`: the longest client name the text starts with wins
    (names may contain spaces); otherwise the first word is looked up."""
    norm_text = normalise(text)
    best: T | None = None
    best_len = 0
    for c in clients:
        for label in (c.name, c.code):
            n = normalise(label)
            if n and len(n) > best_len and _starts_with_word(norm_text, n):
                best, best_len = c, len(n)
    words = text.strip().split(maxsplit=1)
    if best is not None:
        return Match(client=best), _drop_words(text, best_len)
    if not words:
        return Match(), ""
    return match_client(clients, words[0]), (words[1] if len(words) > 1 else "")


def _starts_with_word(text: str, word: str) -> bool:
    """`text` starts with `word` as a whole word; Chinese needs no space after it."""
    if not text.startswith(word):
        return False
    rest = text[len(word) :]
    return not rest or rest[0] == " " or not (rest[0].isascii() and word[-1].isascii())


def _drop_words(text: str, norm_len: int) -> str:
    """Remove the leading part of `text` whose normalised form has length `norm_len`."""
    stripped = text.strip()
    for i in range(len(stripped) + 1):
        if len(normalise(stripped[:i])) >= norm_len:
            return stripped[i:].strip()
    return ""
