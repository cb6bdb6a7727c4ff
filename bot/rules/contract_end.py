"""A contract's end (当合约结束后…财务部, 001): who may record it, what the form says (the end
date is read by the handler with the one date parser), and who is told: finance (role `fin`;
with none, the admins) and the owner's manager, each once, never the person recording it."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from bot.rules.amounts import YUAN, read_amount
from bot.rules.client_status import ENDED, status_on
from bot.rules.problems import Problem

NOTE_MAX = 1000  # characters of the note to finance
NONE_WORDS = ("0", "无", "没有", "none", "nil", "-")


def may_end(user: str, owner: str, owner_manager: str | None, admin: bool) -> bool:
    """The owner, the owner's manager (汇报对象) or an admin records a contract's end."""
    return admin or user == owner or (owner_manager is not None and user == owner_manager)


def read_fee(text: str) -> Decimal | Problem:
    """An amount in yuan as typed ("120,000", "12万", "¥3k"), or none at all ("0", "无")."""
    typed = unicodedata.normalize("NFKC", text or "").strip().lower()
    if not typed:
        return Problem("cend.need_amount")
    if typed in NONE_WORDS or typed.rstrip("元") in ("0", "0.0", "0.00"):
        return Decimal(0)
    return read_amount(typed, YUAN)


def read_note(text: str) -> str | Problem:
    note = (text or "").strip()
    if len(note) > NOTE_MAX:
        return Problem("cend.note_too_long", {"max": NOTE_MAX})
    return note


def told(finance: Iterable[str], admins: Iterable[str], manager: str | None, by: str) -> list[str]:
    """Who hears of the end, in order, each once: finance (else the admins), then the owner's
    manager; not the person who recorded it (they have the confirmation)."""
    first = sorted(set(finance)) or sorted(set(admins))
    out: list[str] = []
    for user in [*first, *([manager] if manager else [])]:
        if user != by and user not in out:
            out.append(user)
    return out


# --- the Monday agenda: receivables still open on ended clients ---------------------------------
class EndedClient(Protocol):
    id: int | None
    name: str
    owner_id: str
    status: str
    status_since: date | None


class OpenReceivable(Protocol):
    id: int | None
    client_id: int
    amount: str
    due: date


@dataclass(frozen=True)
class EndedOwed:
    """An amount still owed by a client whose contract has ended, for the problems part."""

    id: int
    client: str
    owner: str
    ended_on: date | None
    amount: Decimal
    due: date


def ended_owed(
    receivables: Iterable[OpenReceivable], clients: Iterable[EndedClient], today: date
) -> list[EndedOwed]:
    """The open receivables of clients ended by `today` (whatever their age), the oldest due
    first."""
    ended = {
        c.id: c for c in clients if status_on(c.status, c.status_since, today) == ENDED and c.id
    }
    rows = [
        EndedOwed(rec.id, c.name, c.owner_id, c.status_since, Decimal(rec.amount), rec.due)
        for rec in receivables
        if rec.id is not None and (c := ended.get(rec.client_id)) is not None
    ]
    return sorted(rows, key=lambda o: (o.due, o.id))
