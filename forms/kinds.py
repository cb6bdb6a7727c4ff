"""A form kind, declared once: its subject and what each decision does to it, who signs (a
rule), whom it copies, what a rejection offers, what a decision sends besides, where it shows,
and, for a request typed after `/aebot request`, how it is read.

Its name is the text `approval.kind.<code>` of the catalogue (bot/slack/messages/). A kind is
registered by a module of forms/registered/, which is loaded with the engine."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any, Protocol

from sqlmodel import Session

from bot.rules.approvals import Route, Shown
from bot.rules.clients import ClientIndex
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound
from bot.settings import Settings
from storage.approvals import Subject
from storage.models import Approval, Member
from storage.outbox import Message
from storage.team_settings import TeamSettings

HOME, AGENDA = "home", "agenda"  # where a kind's pending requests show
FILED, APPROVED = "filed", "approved"  # when a copy is sent


@dataclass(frozen=True)
class Signing:
    """What the rule of who signs reads: the requester among the team, and what is asked."""

    team: str
    requester: Member
    members: dict[str, Member]
    amount: Decimal | None = None
    client_id: int | None = None
    basis: Decimal | None = None  # what authority limits compare, when not the amount (a rate)


class Context(Protocol):
    """What a kind's follow-ups use (the engine is one)."""

    @property
    def settings(self) -> Settings: ...

    @property
    def team_settings(self) -> TeamSettings: ...


Signers = Callable[[Session, Signing], Route | Problem]
Follower = Callable[[Session, Approval, datetime, Context], list[Message]]


@dataclass(frozen=True)
class Copy:
    """People told of a request who do not decide it: everyone with `role` (else the admins),
    when it is filed or once it is approved."""

    role: str
    on: str = APPROVED


@dataclass(frozen=True)
class Reading:
    """What a typed request is read against: the team's clients, now, and the reader's
    language and zone (for dates), and the end of the working day."""

    clients: ClientIndex[Any]
    now: datetime
    zone: tzinfo
    zone_name: str
    lang: str
    end_of_day: Any


@dataclass(frozen=True)
class Asked:
    """A request as read from what was typed: what the engine files."""

    title: str
    fields: tuple[Shown, ...]
    reason: str
    amount: Decimal | None = None
    client_id: int | None = None
    shown_amount: str = ""  # the amount as every message shows it (7%, ¥3,000)
    basis: Decimal | None = None  # what authority limits compare, when not the amount (a rate)


Read = Callable[[str, Reading], Asked | ClientNotFound[Any] | Problem]


@dataclass(frozen=True)
class RequestForm:
    """A kind filed with `/aebot request WORD …`: the words that name it (its code first), how
    the rest is read, and its usage line (a text key given `example`, made from `now`)."""

    words: tuple[str, ...]
    read: Read
    usage: str
    example: Callable[[datetime, str], str]


@dataclass(frozen=True)
class FormKind:
    code: str
    signers: Signers
    subject: Subject | None = None
    copies: tuple[Copy, ...] = ()
    # Under a rejection the requester is told of: (action_id, text key) of a button whose value
    # is the subject's id ("Edit and file again").
    after_reject: tuple[str, str] | None = None
    followers: Follower | None = None
    shows: frozenset[str] = frozenset({HOME, AGENDA})
    request: RequestForm | None = None
    note: str | None = None  # a text key every signer's DM carries


KINDS: dict[str, FormKind] = {}


def register(kind: FormKind) -> FormKind:
    """Declare a kind (once per code)."""
    if kind.code in KINDS:
        raise ValueError(f"form kind {kind.code!r} registered twice")
    KINDS[kind.code] = kind
    return kind


def kind_of(code: str) -> FormKind | None:
    return KINDS.get(code)


def requestable() -> list[FormKind]:
    """The kinds filed with `/aebot request`, in the order they were registered."""
    return [k for k in KINDS.values() if k.request is not None]


def by_word(word: str) -> FormKind | None:
    """The `/aebot request` kind a typed word names (any case)."""
    w = " ".join(unicodedata.normalize("NFKC", word).casefold().split())
    return next((k for k in requestable() if k.request and w in k.request.words), None)


def shows(code: str, where: str) -> bool:
    """Whether a kind's pending requests show in `where` (the App Home, the Monday agenda)."""
    kind = KINDS.get(code)
    return kind is None or where in kind.shows
