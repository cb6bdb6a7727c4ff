"""Every aebot process sees a change to the cached tables at once, whichever process made it
(`aebot team import` from the shell while `aebot run` serves Slack, a second server).

On SQLite, a write unit that changes members, clients, calendar corrections or settings moves
the team's stamp for that table in the same transaction (`bump`). Before a cache serves an entry it asks
`StampWatch.poll`, which looks at most every `POLL_EVERY` (a tenth of a second: a person's next
command always comes later than that) and never waits: while one request looks, the others
serve what they have. It reads `PRAGMA data_version` on a connection of its own, which changes
only when another connection has committed; only then are the stamps read (a row per team and
table), and a stamp that moved drops that team's entries. A read that would wait on a lock is
skipped and tried again at the next look. (Measured: looking on every cache read, five a
request, cost the /contact ack half a millisecond of CPU at 20 concurrent senders, as readers
of a busy WAL queue behind each other; looking ten times a second costs nothing measurable.) On PostgreSQL the poll reads nothing (a round trip on every request,
and a hanging server would hold the ack): other processes' changes arrive by NOTIFY, and a
listener that reconnects drops everything it may have missed (storage/db.py). A change made
outside aebot (by hand, in SQL) is still seen once the entry expires (storage/changes.py `TTL`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from storage.changes import Change, Changes

log = logging.getLogger("aebot.storage")

POLL_EVERY = 0.1  # seconds between two looks at the stamps
READ_WAIT = 0.05  # seconds a read of the stamps may wait for a lock before it is skipped
BUMP = text(
    "INSERT INTO cachestamp (team_id, tbl, version) VALUES (:team, :tbl, 1) "
    "ON CONFLICT (team_id, tbl) DO UPDATE SET version = cachestamp.version + 1 "
    "RETURNING version"
)
READ = "SELECT team_id, tbl, version FROM cachestamp"

Stamps = dict[Change, int]


def bump(session: Session, changed: Iterable[Change]) -> Stamps:
    """Move the stamp of each (table, team) this unit changed; their new values."""
    return {
        (table, team): int(session.execute(BUMP, {"team": team, "tbl": table}).scalar_one())
        for table, team in sorted(changed)
    }


class StampWatch:
    """Drops from this process's caches what other processes changed, told by the stamps."""

    def __init__(self, url: str, changes: Changes) -> None:
        self.changes = changes
        path = make_url(url).database if url.startswith("sqlite") else None
        # PostgreSQL has NOTIFY; an in-memory SQLite database is this process's alone
        self.path = path if path not in (None, "", ":memory:") else None
        self._known: Stamps = {}
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._next_look = 0.0  # time.monotonic() of the next look
        self._looking = threading.Lock()  # held by the one request looking
        self._failing = False

    def seen(self, stamps: Stamps) -> None:
        """This process committed these stamps (and drops its own entries itself)."""
        with self._lock:
            for key, version in stamps.items():
                self._known[key] = max(version, self._known.get(key, 0))

    def poll(self) -> None:
        """Drop what another process changed since the last look; never waits, never fails a
        request."""
        if self.path is None or time.monotonic() < self._next_look:
            return
        if not self._looking.acquire(blocking=False):
            return  # another request is looking
        try:
            self._look()
        finally:
            self._next_look = time.monotonic() + POLL_EVERY
            self._looking.release()

    def _look(self) -> None:
        try:
            rows = self._read_sqlite()
        except Exception as exc:
            if not self._failing:
                log.warning("reading the cache stamps failed (%s)", type(exc).__name__)
            self._failing = True
            return
        self._failing = False
        if rows is None:
            return
        moved = []
        with self._lock:
            for team, table, version in rows:
                if self._known.get((table, team), 0) < version:
                    self._known[(table, team)] = version
                    moved.append((table, team))
        for table, team in moved:
            self.changes.publish(table, team)

    def _read_sqlite(self) -> list[tuple[str, str, int]] | None:
        with self._lock:
            if self._conn is None:
                self._conn = sqlite3.connect(
                    str(self.path), timeout=READ_WAIT, isolation_level=None, check_same_thread=False
                )
            (version,) = self._conn.execute("PRAGMA data_version").fetchone()
            if version == self._data_version:
                return None  # no other connection has committed since
            rows = self._conn.execute(READ).fetchall()
            self._data_version = version  # only once the stamps were read
            return rows

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
