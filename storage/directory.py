"""Who is on each team and which clients it has, as requests need them: in memory, per team.

The quick path of `/contact` looks up the person's language and finds the client by name; with
these read from the cache instead of the database, a request that stores a contact does one
database unit, its write. The caches follow every change (storage/changes.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from bot.rules.action_items import AtNames, at_names, people_names
from bot.rules.clients import ClientIndex
from storage.changes import TeamCache
from storage.db import Database
from storage.models import Client, Member


@dataclass(frozen=True)
class ClientName:
    """What finding a client by name needs, without loading its row."""

    id: int
    name: str
    code: str


@dataclass(frozen=True)
class Person:
    """What each request needs to know of its member."""

    user_id: str
    language: str | None  # chosen (import or /aebot language)
    slack_locale: str | None  # from Slack; "" when Slack had none; None when not asked yet
    home_opened: bool  # has opened aebot's App Home at least once
    name: str = ""  # as the team file gives it (an action item's @name)


class Directory:
    """Each team's members and client names, cached until they change."""

    def __init__(self, db: Database, now: Callable[[], datetime]) -> None:
        self.db = db
        self._people = TeamCache(self._load_people, now, db.changes, frozenset({"member"}))
        self._clients = TeamCache(self._load_clients, now, db.changes, frozenset({"client"}))
        self._names: dict[str, tuple[dict[str, Person], AtNames]] = {}

    def person(self, team: str, user: str) -> Person | None:
        """The member, or None for someone not on the team."""
        return self._people.get(team).get(user)

    def people(self, team: str) -> dict[str, Person]:
        """The team's members by user id."""
        return self._people.get(team)

    def at_names(self, team: str) -> AtNames:
        """The names an @ may give in the team's action items, made once for each version of
        its members, not for each form submitted (for 2,000 members it takes 1.7 ms)."""
        people = self.people(team)
        made = self._names.get(team)
        if made is None or made[0] is not people:
            made = (people, at_names(people_names((u, p.name) for u, p in people.items())))
            self._names[team] = made
        return made[1]

    def clients(self, team: str) -> ClientIndex[ClientName]:
        return self._clients.get(team)

    def reload_clients(self, team: str) -> ClientIndex[ClientName]:
        """The team's clients read again (before telling someone a client does not exist)."""
        self._clients.drop(team)
        return self._clients.get(team)

    def _load_people(self, team: str) -> dict[str, Person]:
        q = select(
            Member.user_id, Member.language, Member.slack_locale, Member.home_opened_at, Member.name
        ).where(Member.team_id == team)
        with self.db.read() as s:
            rows = s.exec(q).all()
        return {
            u: Person(u, lang, locale, opened is not None, name)
            for u, lang, locale, opened, name in rows
        }

    def _load_clients(self, team: str) -> ClientIndex[ClientName]:
        q = select(Client.id, Client.name, Client.code).where(Client.team_id == team)
        with self.db.read() as s:
            rows = s.exec(q.order_by(col(Client.id))).all()
        return ClientIndex(ClientName(int(i), n, c) for i, n, c in rows)
