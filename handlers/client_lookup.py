"""Finding the client a person typed: one way for every feature.

A client is given by its name, its code, or the first letters or a part of either (the rule:
bot/rules/clients.py `ClientIndex`). Two questions, one answer type:

- `client_named(r, clients, typed)`: the whole of `typed` names the client
  (`/client edit 耐克`, `/aebot receivable add 耐克 …` once the amount is read off).
- `client_leading(r, clients, text)`: the text starts with a client and goes on
  (`/contact 耐克 聊了提案`, `/weekly Coca Cola 提案已交`, `/job 耐克 创意 春季KV`): the longest
  name or code the text starts with wins (names may hold spaces, and numbers: read amounts only
  from `rest`), else its first word is looked up.

`clients` is the team's clients (`queries.list_clients`) or an index of them already built
(`Directory.clients`). Either way the answer is a `Lookup`: `client` is the one client meant,
else None and `said` is what to tell the person (the candidates with their codes, at most 10;
else that no client matches, or that the team has none yet), in the same words for every
feature (bot/slack/views/clients.py `not_found`). `find_client(r, s, team, name)` is `client_named` on the team's clients from the
database, for a handler inside a transaction: the client, or the text to answer with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlmodel import Session

from bot.rules.clients import ClientIndex, Match, Named
from bot.slack.texts import Reader
from bot.slack.views.clients import not_found
from handlers.first_steps import NO_CLIENTS
from storage import queries
from storage.models import Client

T = TypeVar("T", bound=Named)


@dataclass(frozen=True)
class Lookup(Generic[T]):
    """A client looked up by what was typed."""

    client: T | None  # the one client meant
    said: str = ""  # when there is none: why, with the candidates, ready to show
    rest: str = ""  # `client_leading`: the text after the client's name (or after the first word)
    match: Match[T] = field(default_factory=Match)  # the candidates, for a form to offer


def _index(clients: Iterable[T] | ClientIndex[T]) -> ClientIndex[T]:
    return clients if isinstance(clients, ClientIndex) else ClientIndex(clients)


def client_named(r: Reader, clients: Iterable[T] | ClientIndex[T], typed: str) -> Lookup[T]:
    """The client all of `typed` names, or why not."""
    index = _index(clients)
    match = index.match(typed)
    if match.client is not None:
        return Lookup(match.client, match=match)
    return Lookup(None, _not_found(r, index, typed, match), match=match)


def client_leading(r: Reader, clients: Iterable[T] | ClientIndex[T], text: str) -> Lookup[T]:
    """The client `text` starts with and the rest of it, or why not (the rest is then what
    follows the first word)."""
    index = _index(clients)
    match, rest = index.split(text)
    if match.client is not None:
        return Lookup(match.client, rest=rest, match=match)
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return Lookup(None, _not_found(r, index, first, match), rest, match)


def _not_found(r: Reader, index: ClientIndex[T], typed: str, match: Match[T]) -> str:
    """Why no client was found: the team has none yet (and the step to take), or `not_found`."""
    return r.t(NO_CLIENTS) if not index.clients else not_found(r, typed, match)


def find_client(r: Reader, s: Session, team: str, name: str) -> Client | str:
    """The team's client `name` names, or what to say instead (never a guess)."""
    found = client_named(r, queries.list_clients(s, team), name)
    return found.client if found.client is not None else found.said
