"""The process's engine: SQLite tuned for concurrent writers, PostgreSQL with limits on every
wait; both keep to this thread's deadline (storage/deadlines.py).

SQLite runs in WAL mode with a busy timeout, and write units start with `BEGIN IMMEDIATE` so
concurrent read-modify-write never loses an update (measured: without it about 65% of concurrent
updates were lost); the WAL is checkpointed by the `Database` (storage/db.py), not by SQLite.
"""

from __future__ import annotations

import math
import time
from typing import Any

import psycopg
from sqlalchemy import event, exc
from sqlalchemy.engine import Engine, make_url
from sqlmodel import create_engine

from storage.deadlines import DatabaseBusy, deadline_at, left_ms
from storage.watchdog import Watchdog

SQLITE_BUSY_TIMEOUT_MS = 15_000
PG_CONNECT_TIMEOUT = 3  # seconds; libpq's least is 2
PG_STATEMENT_TIMEOUT_MS = 30_000  # any one statement, deadline or not: a runaway query ends
POOL_TIMEOUT = 3.0  # seconds to wait for a pooled connection when all are in use


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
            sqlite_busy_timeout(conn.connection.driver_connection, conn.info)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def sqlite_busy_timeout(driver: Any, info: dict[str, Any]) -> None:
    """Wait for another writer's lock only as long as this thread's deadline leaves (else the
    usual 15 s). Set only when it changes: most transactions pay nothing."""
    left = left_ms()
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
    _connect_within_deadline(engine)
    _check_out_within_deadline(engine, Watchdog())
    _statements_within_deadline(engine)
    return engine


def _connect_within_deadline(engine: Engine) -> None:
    @event.listens_for(engine, "do_connect")
    def _on_do_connect(_dialect, _record, _cargs, cparams) -> None:  # noqa: ANN001
        """Under a deadline, connecting waits no longer than it leaves (libpq's least: 2 s)."""
        left = left_ms()
        if left is not None:
            cparams["connect_timeout"] = max(2, min(PG_CONNECT_TIMEOUT, math.ceil(left / 1000)))


def _check_out_within_deadline(engine: Engine, watchdog: Watchdog) -> None:
    """A connection checked out under a deadline is watched until it is back (`Watchdog`); a
    pooled one is pinged first, a fresh one is not."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, record) -> None:  # noqa: ANN001
        record.info["fresh"] = True

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn, record, _proxy) -> None:  # noqa: ANN001
        """The pre-ping, after arming the watchdog: a silent server fails it in time too."""
        at = deadline_at()
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


def _statements_within_deadline(engine: Engine) -> None:
    """Under a deadline, the transaction's statements get what it leaves as their timeout."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        left = left_ms()
        if left is not None:
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {left}")
