"""One engine per process; a session per unit of work.

SQLite runs in WAL mode with a busy timeout, and write units start with
`BEGIN IMMEDIATE` so concurrent read-modify-write never loses an update
(measured: without it about 65% of concurrent updates were lost). The WAL is checkpointed by a
background thread, not by whichever request's commit crosses SQLite's threshold: a checkpoint
syncs the files to disk, and no one should wait for that on their way to an answer.

A write unit that changes members, clients, calendar corrections or settings tells the
process's caches once it commits, and on PostgreSQL the other processes too (storage/changes.py).

Work done for a person waiting on an answer runs under a deadline (`deadline`, `within`): Slack
wants its ack within 3 s, so a database that is locked, slow or silent must make that work fail
in time, not hold the answer. SQLite waits for a lock only as long as the deadline leaves;
PostgreSQL's transaction gets that as its statement timeout, and a server that accepts but never
answers (where no server-side timeout can fire) has the connection cut by the `Watchdog`.
Without a deadline (jobs, work after the ack) the usual timeouts apply.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
from sqlalchemy import DateTime, event, exc, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, create_engine

from storage.changes import EVERY_TEAM, Changes, noted

log = logging.getLogger("aebot.storage")
SQLITE_BUSY_TIMEOUT_MS = 15_000
CHECKPOINT_EVERY = 2.0  # seconds between background checkpoints, when something was written
CHANGES_CHANNEL = "aebot_changes"
PG_CONNECT_TIMEOUT = 3  # seconds; libpq's least is 2
PG_STATEMENT_TIMEOUT_MS = 30_000  # any one statement, deadline or not: a runaway query ends
POOL_TIMEOUT = 3.0  # seconds to wait for a pooled connection when all are in use
CUT_GRACE = 0.3  # the watchdog cuts this long after the deadline: server-side timeouts go first

_local = threading.local()  # this thread's deadline (time.monotonic()), if it has one


class DatabaseBusy(Exception):
    """The database did not answer within the deadline; the unit of work was not committed."""


@contextmanager
def within(at: float | None) -> Iterator[None]:
    """This thread's database work inside gives up at `at` (time.monotonic()); None: no limit.
    Replaces the thread's deadline for the block (a writer working for others sets theirs)."""
    previous = getattr(_local, "at", None)
    _local.at = at
    try:
        yield
    finally:
        _local.at = previous


def deadline(seconds: float) -> Any:
    """This thread's database work inside gives up `seconds` from now (see `within`)."""
    return within(time.monotonic() + seconds)


def remaining() -> float | None:
    """Seconds left before this thread's deadline; None when it has none."""
    at = getattr(_local, "at", None)
    return None if at is None else at - time.monotonic()


def _left_ms() -> int | None:
    """The deadline's time left in whole milliseconds (`DatabaseBusy` once it has passed)."""
    left = remaining()
    if left is None:
        return None
    if left <= 0:
        raise DatabaseBusy("the deadline passed before the database was asked")
    return max(1, int(left * 1000))


def _acquire(lock: threading.Lock | None) -> threading.Lock | None:
    """This process's writers' turn, waiting no longer than the deadline."""
    if lock is None:
        return None
    left = remaining()
    if not lock.acquire(timeout=-1 if left is None else max(left, 0.0)):
        raise DatabaseBusy("another write of this process held the database past the deadline")
    return lock


@contextmanager
def _held(lock: threading.Lock | None) -> Iterator[None]:
    taken = _acquire(lock)
    try:
        yield
    finally:
        if taken is not None:
            taken.release()


def timed_out(error: BaseException) -> bool:
    """Whether a database error means "no answer in time" (locked, busy, cancelled, cut), not
    "refused": such errors are logged as one line, not a trace."""
    if isinstance(error, DatabaseBusy | exc.TimeoutError):
        return True
    orig = getattr(error, "orig", error)
    if isinstance(orig, sqlite3.OperationalError):
        return "locked" in str(orig) or "busy" in str(orig)
    if isinstance(orig, psycopg.errors.QueryCanceled | psycopg.errors.LockNotAvailable):
        return True
    return isinstance(orig, psycopg.OperationalError)


class Watchdog:
    """Cuts the socket of a PostgreSQL connection still in use past its holder's deadline.

    A server that accepts connections but never answers (frozen, or a network that drops
    packets) leaves psycopg waiting for ever: statement_timeout needs a server that runs. Cutting
    the socket makes the waiting call fail at once; SQLAlchemy takes it as a disconnect and
    replaces the pool's connections, so the process recovers by itself when the server does."""

    def __init__(self) -> None:
        self._armed: dict[int, tuple[float, Any]] = {}
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def arm(self, dbapi_conn: Any, at: float) -> None:
        with self._wake:
            self._armed[id(dbapi_conn)] = (at + CUT_GRACE, dbapi_conn)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._watch, name="aebot-db-watchdog", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def disarm(self, dbapi_conn: Any) -> None:
        with self._wake:
            self._armed.pop(id(dbapi_conn), None)

    def _watch(self) -> None:
        with self._wake:
            while True:
                now = time.monotonic()
                late = [k for k, (at, _) in self._armed.items() if at <= now]
                for key in late:
                    _cut(self._armed.pop(key)[1])
                soonest = min((at for at, _ in self._armed.values()), default=None)
                self._wake.wait(None if soonest is None else soonest - now)


def _cut(dbapi_conn: Any) -> None:
    """Shut the connection's socket down: whoever waits on it gets an error now."""
    try:
        with socket.socket(fileno=os.dup(dbapi_conn.fileno())) as sock:
            sock.shutdown(socket.SHUT_RDWR)
        log.warning("PostgreSQL did not answer in time; its connection was cut")
    except (OSError, psycopg.Error):
        pass  # already closed


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
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def make_engine(url: str, statement_timeout_ms: int | None = PG_STATEMENT_TIMEOUT_MS) -> Engine:
    """Create the process's engine, with SQLite tuned for concurrent writers."""
    if not url.startswith("sqlite"):
        return _pg_engine(url, statement_timeout_ms)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        pool_size=20,
        max_overflow=20,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA wal_autocheckpoint=0")  # Database._checkpoint does it
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        if immediate:
            _sqlite_busy_timeout(conn.connection.driver_connection, conn.info)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _sqlite_busy_timeout(driver: Any, info: dict[str, Any]) -> None:
    """Wait for another writer's lock only as long as this thread's deadline leaves (else the
    usual 15 s). Set only when it changes: most transactions pay nothing."""
    left = _left_ms()
    # rounded down to a quarter second: the setting changes rarely, not on every write
    wanted = SQLITE_BUSY_TIMEOUT_MS if left is None else max(left // 250 * 250, 50)
    if info.get("busy_ms", SQLITE_BUSY_TIMEOUT_MS) != wanted:
        driver.execute(f"PRAGMA busy_timeout={wanted}")
        info["busy_ms"] = wanted


def _pg_engine(url: str, statement_timeout_ms: int | None) -> Engine:
    """PostgreSQL with limits on every wait: connecting, a pooled connection, a statement; and,
    under a deadline, the transaction's statements and the connection itself (`Watchdog`)."""
    options = str(make_url(url).query.get("options") or "")  # keep the URL's (search_path)
    if statement_timeout_ms is not None:
        options = f"{options} -c statement_timeout={statement_timeout_ms}".strip()
    engine = create_engine(
        url,
        connect_args={"connect_timeout": PG_CONNECT_TIMEOUT, "options": options},
        pool_size=10,
        max_overflow=20,
        pool_timeout=POOL_TIMEOUT,
    )
    watchdog = Watchdog()

    @event.listens_for(engine, "do_connect")
    def _on_do_connect(_dialect, _record, _cargs, cparams) -> None:  # noqa: ANN001
        """Under a deadline, connecting waits no longer than it leaves (libpq's least: 2 s)."""
        left = _left_ms()
        if left is not None:
            cparams["connect_timeout"] = max(2, min(PG_CONNECT_TIMEOUT, math.ceil(left / 1000)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, record) -> None:  # noqa: ANN001
        record.info["fresh"] = True

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn, record, _proxy) -> None:  # noqa: ANN001
        """The pre-ping, after arming the watchdog: a silent server fails it in time too."""
        at = getattr(_local, "at", None)
        if at is not None:  # past it already: the transaction's begin says so, not this
            watchdog.arm(dbapi_conn, max(at, time.monotonic()))
        if record.info.pop("fresh", False):
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except psycopg.Error as e:
            watchdog.disarm(dbapi_conn)
            if at is not None and time.monotonic() >= at:
                raise DatabaseBusy("PostgreSQL did not answer in time") from e
            raise exc.DisconnectionError("the pooled connection is gone") from e

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_conn, _record) -> None:  # noqa: ANN001
        if dbapi_conn is not None:
            watchdog.disarm(dbapi_conn)

    @event.listens_for(engine, "invalidate")
    def _on_invalidate(dbapi_conn, _record, _error) -> None:  # noqa: ANN001
        if dbapi_conn is not None:
            watchdog.disarm(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        left = _left_ms()
        if left is not None:
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {left}")

    return engine


class Database:
    """The engine plus the two kinds of unit of work: read and write."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = url.startswith("sqlite")
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

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any error."""
        with (
            _held(self._write_lock),
            Session(self._write_engine, expire_on_commit=False) as session,
        ):
            try:
                yield session
                session.flush()
                changed = noted(session)
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
        for table, team in changed:
            self.changes.publish(table, team)

    @contextmanager
    def write_rows(self) -> Iterator[Connection]:
        """A write transaction at the SQL level, for inserts that need no ORM objects (a batch of
        contacts): committed on success, rolled back on any error. Not for the watched tables."""
        with _held(self._write_lock), self._write_engine.begin() as conn:
            yield conn
        self._written()

    @contextmanager
    def driver_write(self) -> Iterator[Any]:
        """SQLite only: a write transaction on the driver's own cursor (BEGIN IMMEDIATE ...
        COMMIT), for the contact writer's inserts; values must be converted by the caller. It
        uses a connection of its own, kept out of the pool: no check-out, no reset on return.
        Under a deadline it waits for another process's lock no longer than the deadline."""
        with _held(self._write_lock):
            if self._driver is None:
                pooled = self.engine.raw_connection()  # set up by _on_connect, like the others
                self._driver = pooled.driver_connection
                pooled.detach()
            _sqlite_busy_timeout(self._driver, self._driver_info)
            cursor = self._driver.cursor()
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
        if self._driver is not None:
            self._driver.close()
            self._driver, self._driver_info = None, {}
        self.engine.dispose()
