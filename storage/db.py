"""One engine per process (storage/engines.py); a session per unit of work.

SQLite's write units start with `BEGIN IMMEDIATE` and this process's writers take turns on a
lock. The WAL is checkpointed by a background thread, not by whichever request's commit crosses
SQLite's threshold: a checkpoint syncs the files to disk, and no one should wait for that on
their way to an answer.

A write unit that changes members, clients, calendar corrections or settings tells the
process's caches once it commits, and the other processes too: on PostgreSQL by NOTIFY, on
SQLite by the stamp it moves in the same transaction (storage/changes.py, storage/stamps.py).

Work done for a person waiting on an answer runs under a deadline (storage/deadlines.py): a
database that is locked, slow or silent makes that work fail in time, not hold the answer.

Every moment is stored in a `UTCDateTime` column; the migrations name it storage.db.UTCDateTime.

Text holding a NUL character is refused on SQLite as PostgreSQL refuses it (a DataError, nothing
stored), so that both behave alike; requests holding one are refused before this, at the door
(bot/slack/listeners.py), with a line for the person.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
from sqlalchemy import DateTime, event, exc, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session

from bot.rules.nul import holds_nul
from storage.changes import EVERY_TEAM, Changes, noted
from storage.deadlines import DatabaseBusy, held
from storage.engines import make_engine, sqlite_busy_timeout
from storage.stamps import StampWatch, bump

log = logging.getLogger("aebot.storage")
CHECKPOINT_EVERY = 2.0  # seconds between background checkpoints, when something was written
CHANGES_CHANNEL = "aebot_changes"


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and always returns them aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def __repr__(self) -> str:  # how Alembic's autogenerate writes it into a migration
        return "UTCDateTime()"

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else as_utc(value)


def as_utc(value: datetime) -> datetime:
    """A stored moment as an aware UTC time (SQLite gives it back naive, in UTC). `combine`,
    not `replace(tzinfo=)`: 5× faster, and this runs on every time read."""
    if value.tzinfo is None:
        return datetime.combine(value.date(), value.time(), UTC)
    return value.astimezone(UTC)


NUL_REFUSED = "text cannot contain NUL (0x00) characters"


def _refuse_nul(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> None:
    """SQLite: refuse a statement whose text parameters hold a NUL, as PostgreSQL does (SQLAlchemy
    raises it as a DataError, PostgreSQL's class too)."""
    if holds_nul(parameters):
        raise sqlite3.DataError(NUL_REFUSED)


class NulRefusingCursor:
    """The driver's cursor (`Database.driver_write`), refusing text with a NUL as the engine
    does."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def execute(self, sql: str, parameters: Any = ()) -> NulRefusingCursor:
        if holds_nul(parameters):
            raise exc.DataError(sql, None, sqlite3.DataError(NUL_REFUSED))
        self._cursor.execute(sql, parameters)
        return self

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    def close(self) -> None:
        self._cursor.close()


class Database:
    """The engine plus the two kinds of unit of work: read and write."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:  # before the write engine below, which shares its events
            event.listen(self.engine, "before_cursor_execute", _refuse_nul)
        self._write_engine = (
            self.engine.execution_options(sqlite_immediate=True) if self.is_sqlite else self.engine
        )
        # SQLite has one writer at a time anyway; queueing this process's writers on a
        # lock spares them the busy handler's sleeps (other processes still wait on it).
        self._write_lock = threading.Lock() if self.is_sqlite else None
        self.changes = Changes()
        self._origin = uuid.uuid4().hex[:12]  # tells this process's notices from others'
        self._stop = threading.Event()
        self._wrote = threading.Event()  # something was committed since the last checkpoint
        self._checkpointer: threading.Thread | None = None
        self._start = threading.Lock()
        self._driver: Any = None  # driver_write's own connection
        self._driver_info: dict[str, Any] = {}  # what was set on it (its busy timeout)
        self.listening = threading.Event()  # set while other processes' changes are heard
        self.stamps = StampWatch(url, self.changes)
        self.changes.poll = self.stamps.poll

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any error."""
        with (
            held(self._write_lock),
            Session(self._write_engine, expire_on_commit=False) as session,
        ):
            try:
                yield session
                session.flush()
                changed = noted(session)
                # every other process sees it: SQLite by the stamps, PostgreSQL by NOTIFY
                stamps = bump(session, changed) if self.is_sqlite else {}
                if changed and not self.is_sqlite:
                    for table, team in changed:  # delivered to the other processes at commit
                        payload = f"{self._origin}:{table}:{team}"
                        session.execute(
                            text("SELECT pg_notify(:c, :p)"), {"c": CHANGES_CHANNEL, "p": payload}
                        )
                session.commit()
            except BaseException:
                session.rollback()
                raise
        self._written()
        self.stamps.seen(stamps)
        for table, team in changed:
            self.changes.publish(table, team)

    @contextmanager
    def write_rows(self) -> Iterator[Connection]:
        """A write transaction at the SQL level, for inserts that need no ORM objects (a batch of
        contacts): committed on success, rolled back on any error. Not for the watched tables."""
        with held(self._write_lock), self._write_engine.begin() as conn:
            yield conn
        self._written()

    @contextmanager
    def driver_write(self) -> Iterator[Any]:
        """SQLite only: a write transaction on the driver's own cursor (BEGIN IMMEDIATE ...
        COMMIT), for the contact writer's inserts; values must be converted by the caller. It
        uses a connection of its own, kept out of the pool: no check-out, no reset on return.
        Under a deadline it waits for another process's lock no longer than the deadline."""
        with held(self._write_lock):
            if self._driver is None:
                pooled = self.engine.raw_connection()  # set up by _on_connect, like the others
                self._driver = pooled.driver_connection
                pooled.detach()
            sqlite_busy_timeout(self._driver, self._driver_info)
            cursor = NulRefusingCursor(self._driver.cursor())
            try:
                cursor.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:
                cursor.close()
                raise DatabaseBusy(f"SQLite stayed locked by another writer ({e})") from e
            try:
                yield cursor
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            finally:
                cursor.close()
        self._written()

    def _written(self) -> None:
        """SQLite: a commit went into the WAL; make sure the checkpointer is about."""
        if not self.is_sqlite:
            return
        self._wrote.set()
        if self._checkpointer is None:
            with self._start:
                if self._checkpointer is None:
                    self._checkpointer = threading.Thread(
                        target=self._checkpoint, name="aebot-checkpoint", daemon=True
                    )
                    self._checkpointer.start()

    def _checkpoint(self) -> None:
        """Copy committed pages from the WAL into the database now and then. PASSIVE: it waits
        for no one and no one waits for it."""
        while not self._stop.wait(CHECKPOINT_EVERY):
            if not self._wrote.is_set():
                continue
            self._wrote.clear()
            try:
                raw = self.engine.raw_connection()
                try:
                    raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[union-attr]
                finally:
                    raw.close()
            except Exception:
                log.warning("checkpointing the SQLite WAL failed; trying again", exc_info=True)
                self._wrote.set()

    def listen_for_changes(self) -> threading.Thread | None:
        """On PostgreSQL: hear the other processes' changes and drop what they changed from this
        process's caches. A background thread; it reconnects by itself."""
        if self.is_sqlite:
            return None
        thread = threading.Thread(target=self._listen, name="aebot-changes", daemon=True)
        thread.start()
        return thread

    def _listen(self) -> None:
        conninfo = make_url(self.url).set(drivername="postgresql").render_as_string(False)
        wait = 1.0
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                    self.changes.publish(EVERY_TEAM, EVERY_TEAM)  # missed while not listening
                    self.listening.set()
                    wait = 1.0
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=1.0):
                            self._heard(notice.payload)
            except Exception as exc:
                self.listening.clear()
                log.warning(
                    "listening for changes failed (%s); again in %.0f s", type(exc).__name__, wait
                )
                self._stop.wait(wait)
                wait = min(wait * 2, 60.0)

    def _heard(self, payload: str) -> None:
        origin, _, rest = payload.partition(":")
        table, _, team = rest.partition(":")
        if origin != self._origin and table and team:
            self.changes.publish(table, team)

    def dispose(self) -> None:
        self._stop.set()
        self.stamps.close()
        if self._driver is not None:
            self._driver.close()
            self._driver, self._driver_info = None, {}
        self.engine.dispose()
