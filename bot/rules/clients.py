"""Client rules: the client code (客户代码), finding a client by what a person types, who may
change a client, and reading the client form."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from bot.rules.problems import Problem


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


def name_key(text: str) -> str:
    """The form client names are compared in: NFKC, case-folded, inner spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


CANDIDATES = 10  # at most this many clients are offered for a name that could be several


class Named(Protocol):
    name: str
    code: str


T = TypeVar("T", bound=Named)


@dataclass
class Match(Generic[T]):
    """The result of looking a client up: one client, or the candidates, or none."""

    client: T | None = None
    candidates: list[T] = field(default_factory=list)


class ClientIndex(Generic[T]):
    """Clients with the keys they are found by, worked out once: a team's index is cached and
    serves every request until a client changes."""

    def __init__(self, clients: Iterable[T]) -> None:
        self.clients = list(clients)
        self._keys = [(name_key(c.name), name_key(c.code), c) for c in self.clients]
        # each name and code once, the first client having it (names are unique; a name equal
        # to another client's code is not worth a guess)
        self._by_key: dict[str, T] = {}
        for name, code, c in self._keys:
            for key in (name, code):
                if key:
                    self._by_key.setdefault(key, c)
        self._lengths = sorted({len(k) for k in self._by_key}, reverse=True)

    def match(self, query: str) -> Match[T]:
        """Find by code, then by exact name, then by an unambiguous prefix of name or code;
        otherwise the clients whose name or code holds what was typed are the candidates (never
        a guess, even when there is one)."""
        q = name_key(query)
        if not q:
            return Match()
        for exact in (
            [c for _, code, c in self._keys if code == q],
            [c for name, _, c in self._keys if name == q],
        ):
            if len(exact) == 1:
                return Match(client=exact[0])
        prefixed = [c for name, code, c in self._keys if name.startswith(q) or code.startswith(q)]
        if len(prefixed) == 1:
            return Match(client=prefixed[0])
        if prefixed:
            return Match(candidates=sorted(prefixed, key=lambda c: name_key(c.name)))
        contains = [c for name, code, c in self._keys if q in name or q in code]
        return Match(candidates=sorted(contains, key=lambda c: name_key(c.name))[:CANDIDATES])

    def split(self, text: str) -> tuple[Match[T], str]:
        """Split `/contact CLIENT SUMMARY…`: the longest client name or code the text starts
        with wins (names may contain spaces); otherwise the first word is looked up."""
        norm_text = name_key(text)
        for length in self._lengths:  # the longest name or code the text starts with
            key = norm_text[:length]
            c = self._by_key.get(key)
            if c is not None and _starts_with_word(norm_text, key):
                return Match(client=c), _drop_words(text, length)
        words = text.strip().split(maxsplit=1)
        if not words:
            return Match(), ""
        return self.match(words[0]), (words[1] if len(words) > 1 else "")


def match_client(clients: Iterable[T], query: str) -> Match[T]:
    """Find a client by what a person typed (see `ClientIndex.match`)."""
    return ClientIndex(clients).match(query)


def split_client_and_text(clients: Iterable[T], text: str) -> tuple[Match[T], str]:
    """Split `/contact CLIENT SUMMARY…` (see `ClientIndex.split`)."""
    return ClientIndex(clients).split(text)


def _starts_with_word(text: str, word: str) -> bool:
    """`text` starts with `word` as a whole word; Chinese needs no space after it."""
    if not text.startswith(word):
        return False
    rest = text[len(word) :]
    return not rest or rest[0] == " " or not (rest[0].isascii() and word[-1].isascii())


def _drop_words(text: str, norm_len: int) -> str:
    """Remove the leading part of `text` whose normalised form has length `norm_len`."""
    stripped = text.strip()
    # The shortest prefix whose normalised form is that long. Normalising rarely changes the
    # length, and a longer prefix never normalises shorter: start there and step.
    i = min(norm_len, len(stripped))
    while i > 0 and len(name_key(stripped[: i - 1])) >= norm_len:
        i -= 1
    while i <= len(stripped) and len(name_key(stripped[:i])) < norm_len:
        i += 1
    return stripped[i:].strip()


MAX_CADENCE = 60


def may_change_client(
    user_id: str, owner_id: str, backup_id: str | None, owner_manager: str | None, admin: bool
) -> bool:
    """The owner, the backup owner, the owner's manager (汇报对象) or an admin may edit a client."""
    return admin or user_id in (owner_id, backup_id, owner_manager)


def may_reassign_client(user_id: str, owner_manager: str | None, admin: bool) -> bool:
    """Handing a client to someone else is for the owner's manager or an admin."""
    return admin or (owner_manager is not None and user_id == owner_manager)


def read_client_form(
    values: dict[str, Any], editing: bool
) -> tuple[dict[str, Any], dict[str, Problem]]:
    """The client form as typed: the fields to store, and what is wrong, by field."""
    problems: dict[str, Problem] = {}
    name = " ".join((values.get("name") or "").split())
    city = " ".join((values.get("city") or "").split())
    if not name:
        problems["name"] = Problem("client.need_name")
    if not city:
        problems["city"] = Problem("client.need_city")
    cadence_text = (values.get("cadence") or "").strip()
    cadence = None
    if cadence_text:
        if not cadence_text.isdigit() or not 1 <= int(cadence_text) <= MAX_CADENCE:
            problems["cadence"] = Problem("client.bad_cadence")
        else:
            cadence = int(cadence_text)
    in_city = values.get("in_city") != "false"
    fields: dict[str, Any] = dict(
        name=name,
        city=city,
        in_city=in_city,
        contact_person=(values.get("contact_person") or "").strip(),
        backup_owner_id=values.get("backup") or None,
        cadence_days=cadence or default_cadence(in_city),
    )
    if not editing:
        fields["owner_id"] = values.get("owner")
        if not fields["owner_id"]:
            problems["owner"] = Problem("client.owner_unknown")
    return fields, problems


class ClientRecord(Protocol):
    """A client as the rules and views read it (storage's Client is one)."""

    id: int | None
    name: str
    code: str
    city: str
    in_city: bool
    contact_person: str
    owner_id: str
    backup_owner_id: str | None
    cadence_days: int
