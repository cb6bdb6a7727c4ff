"""Deadlines on database work: a unit of work done for a person waiting on an answer gives up in
time, as `DatabaseBusy`.

Slack wants its ack within 3 s, so a database that is locked, slow or silent must make that work
fail in time, not hold the answer (`deadline`, `within`). SQLite waits for a lock only as long as
the deadline leaves; PostgreSQL's transaction gets that as its statement timeout, and a server
that accepts but never answers (where no server-side timeout can fire) has the connection cut by
the `Watchdog` (storage/watchdog.py; both set up in storage/engines.py). Without a deadline
(jobs, work after the ack) the usual timeouts apply.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from sqlalchemy import exc

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


def deadline_at() -> float | None:
    """This thread's deadline (time.monotonic()); None when it has none."""
    return getattr(_local, "at", None)


def left_ms() -> int | None:
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
def held(lock: threading.Lock | None) -> Iterator[None]:
    """The block runs holding `lock` (None: no lock), taken within the deadline."""
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
