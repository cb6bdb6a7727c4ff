"""Every aebot process sees a change to the cached tables at once, whichever process made it
(`aebot team import` from the shell while `aebot run` serves Slack, a second server).

On SQLite, a write unit that changes members, clients, calendar corrections or settings moves
the team's stamp for that table in the same transaction (`bump`). The stamps are looked at every
`POLL_EVERY` (a tenth of a second: a person's next command always comes later than that) on a
thread of the watch's own, started by the first cache read (`StampWatch.poll`, which looks that
once itself); a request never looks and never waits. A look reads `PRAGMA data_version` on a
connection of its own, which changes only when another connection has committed; only then are
the stamps read (a row per team and table), and a stamp that moved drops that team's entries. A
read that would wait on a lock is skipped and tried again at the next look. (Measured: looking
on every cache read, five a request, cost the /contact ack half a millisecond of CPU at 20
concurrent senders, as readers of a busy WAL queue behind each other; a look by the request
once a tenth of a second cost the report form's ack 0.19–0.24 ms whenever requests came further
apart than that, as people's do, measured in process with requests a quarter second apart.)
On PostgreSQL nothing is looked at (a round trip on every request, and a hanging server would
hold the ack): other processes' changes arrive by NOTIFY, and a listener that reconnects drops
everything it may have missed (storage/db.py). A change made outside aebot (by hand, in SQL)
is still seen once the entry expires (storage/changes.py `TTL`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
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
        self._failing = False
        self._stop = threading.Event()
        self._looker: threading.Thread | None = None
        self._start = threading.Lock()

    def seen(self, stamps: Stamps) -> None:
        """This process committed these stamps (and drops its own entries itself)."""
        with self._lock:
            for key, version in stamps.items():
                self._known[key] = max(version, self._known.get(key, 0))

    def poll(self) -> None:
        """Before a cache serves an entry: the first time, look now and start the looks every
        `POLL_EVERY` on their own thread; afterwards nothing (never waits, never fails a
        request)."""
        if self.path is None or self._looker is not None:
            return
        with self._start:
            if self._looker is not None or self._stop.is_set():
                return
            self._look()
            self._looker = threading.Thread(target=self._watch, name="aebot-stamps", daemon=True)
            self._looker.start()

    def _watch(self) -> None:
        while not self._stop.wait(POLL_EVERY):
            self._look()

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
        self._stop.set()
        looker = self._looker
        if looker is not None and looker is not threading.current_thread():
            looker.join(timeout=5)
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
