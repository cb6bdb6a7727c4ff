"""Which teams' slowly changing rows changed, so that caches never serve stale data for long.

Requests read members, clients, calendar corrections and settings far more often than anyone
changes them, so those are cached per team in memory (`TeamCache`). A write unit that changes
one of these tables notes it; once it commits, every cache of this process drops that team's
entry. On PostgreSQL the write also sends NOTIFY (delivered at commit), and every other aebot
process sharing the database drops its entry too (`Database.listen_for_changes`). Before an
entry is served, `Changes.poll` drops what another process changed (storage/stamps.py: on SQLite,
where there is no NOTIFY, the stamps every write moves). A cache entry also expires after `TTL`,
for writers that are none of these (a hand-made change in SQL).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import chain
from typing import Any, Generic, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger("aebot.storage")

WATCHED = frozenset({"member", "client", "calendarday", "teamsetting"})
EVERY_TEAM = "*"  # a change whose team is not known: drop every team's entry
TTL = timedelta(seconds=60)
_NOTED = "aebot_changes"

Change = tuple[str, str]  # (table, team)


def note(session: Session, table: str, team: str) -> None:
    """Record that this unit of work changes `table` rows of `team` (for Core statements; ORM
    changes to the watched tables are noted by themselves)."""
    session.info.setdefault(_NOTED, set()).add((table, team))


def noted(session: Session) -> set[Change]:
    """What the unit of work changed so far, forgotten once read."""
    return session.info.pop(_NOTED, set())


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _flush_context: Any) -> None:
    for obj in chain(session.new, session.dirty, session.deleted):
        table = getattr(obj, "__tablename__", None)
        team = getattr(obj, "team_id", None)
        if table in WATCHED and team:
            note(session, str(table), str(team))


class Changes:
    """The process's subscribers to committed changes."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[str, str], None]] = []
        self.poll: Callable[[], None] = lambda: None  # what other processes changed, dropped

    def subscribe(self, fn: Callable[[str, str], None]) -> None:
        self._subscribers.append(fn)

    def publish(self, table: str, team: str) -> None:
        for fn in self._subscribers:
            try:
                fn(table, team)
            except Exception:  # a cache that fails to drop must not fail the write
                log.exception("a change subscriber failed on %s/%s", table, team)


T = TypeVar("T")


class TeamCache(Generic[T]):
    """One value per team, loaded on first use, dropped when one of `tables` changes for that
    team, and reloaded after `TTL` in any case."""

    def __init__(
        self,
        load: Callable[[str], T],
        now: Callable[[], datetime],
        changes: Changes,
        tables: frozenset[str],
    ) -> None:
        self._load, self._now, self._tables = load, now, tables
        self._entries: dict[str, tuple[datetime, T]] = {}
        self._drops = 0  # counts drops: a load that raced one is not kept
        self._lock = threading.Lock()
        self._changes = changes
        changes.subscribe(self._changed)

    def get(self, team: str) -> T:
        self._changes.poll()
        entry = self._entries.get(team)
        now = self._now()
        if entry is not None and abs(now - entry[0]) < TTL:
            return entry[1]
        drops = self._drops
        value = self._load(team)
        with self._lock:
            if drops == self._drops:
                self._entries[team] = (now, value)
        return value

    def drop(self, team: str) -> None:
        with self._lock:
            self._drops += 1
            if team == EVERY_TEAM:
                self._entries.clear()
            else:
                self._entries.pop(team, None)

    def _changed(self, table: str, team: str) -> None:
        if table in self._tables or table == EVERY_TEAM:
            self.drop(team)
