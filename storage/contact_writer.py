"""Contacts stored the way many people log them at once: in shared transactions.

Each request adds its new contact to a queue. The first request that finds no write under way
writes everything queued at that moment in one transaction (one BEGIN, the inserts, one
COMMIT), then anything queued meanwhile; the others wait for their contact to be written. So
twenty people logging at the same instant cost a few transactions, not twenty in a row, and no
thread hands work to another (measured in bench/bench_ack.py). A request that stops waiting
before its contact was taken (`NotSaved`) knows it was not stored.

Each contact has a deadline (Slack wants the ack within 3 s), and a batch is written under the
earliest of its contacts' deadlines (storage/deadlines.py `within`): a locked or silent
database makes the write give up in time, so "not saved" is the truth and no row appears later.

On SQLite the rows go straight to the driver, converted by SQLAlchemy's own column types: the
same values an ORM insert stores, without building a statement per batch.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert

from storage.db import Database
from storage.deadlines import timed_out, within
from storage.models import ContactLog

log = logging.getLogger("aebot.storage")
WAITING, TAKEN, ABANDONED = "waiting", "taken", "abandoned"


@dataclass(slots=True)
class NewContact:
    """A contact to store; with its id once stored (the views read it like a ContactLog)."""

    team_id: str
    author_id: str
    client_id: int
    kind: str
    at: datetime
    summary: str
    next_steps: str
    follow_up_on: date | None
    report_due: bool
    created_at: datetime
    updated_at: datetime
    important: bool = False
    id: int | None = None
    report_sent_at: datetime | None = None


COLUMNS = tuple(f.name for f in fields(NewContact) if f.name not in ("id", "report_sent_at"))


class NotSaved(Exception):
    """The contact was not stored: its turn did not come in time, or the database failed."""


class _Pending:
    """A contact waiting to be written. `done` is a lock held until the outcome is known: the
    waiter blocks acquiring it, the writer releases it (cheaper than an Event)."""

    __slots__ = ("contact", "deadline", "state", "id", "error", "done")

    def __init__(self, contact: NewContact, deadline: float) -> None:
        self.contact, self.deadline, self.state, self.id = contact, deadline, WAITING, 0
        self.error: BaseException | None = None
        self.done = threading.Lock()
        self.done.acquire()


class ContactWriter:
    """The process's writer of new contacts.

    The request holding the turn writes what is queued (group commit), each batch under the
    earliest deadline in it and its own, and stops once its own deadline has passed: no ack
    waits past its deadline for other people's writes. What it leaves is taken by the next
    request to arrive, or given up by its waiters at their deadlines."""

    def __init__(self, db: Database, wait: float = 1.5) -> None:
        self.db = db
        self.wait = wait  # how long a request waits for its contact: Slack wants its ack in 3 s
        self._queue: list[_Pending] = []
        self._queue_lock = threading.Lock()
        self._writing = threading.Lock()
        self._insert = self._sqlite_insert() if db.is_sqlite else self._core_insert

    def add(self, contact: NewContact, timeout: float | None = None) -> NewContact:
        """Store the contact and return it with its id; `NotSaved` when it was not stored."""
        timeout = self.wait if timeout is None else timeout
        pending = _Pending(contact, time.monotonic() + timeout)
        with self._queue_lock:
            self._queue.append(pending)
        self._write_queued(pending)
        if not pending.done.acquire(timeout=max(pending.deadline - time.monotonic(), 0.0)):
            if self._abandon(pending):
                raise NotSaved("the contact's turn to be written did not come in time")
            pending.done.acquire()  # a writer has it, under its deadline: the outcome is near
        if pending.error is not None:
            raise NotSaved("the database refused the contact") from pending.error
        contact.id = pending.id
        return contact

    def _write_queued(self, me: _Pending) -> None:
        """Write what is queued while `me`'s deadline leaves time, unless a write is under way
        (it takes what is queued next)."""
        while self._writing.acquire(blocking=False):
            try:
                while me.deadline > time.monotonic() and (batch := self._take_queued()):
                    self._write(batch, me.deadline)
            finally:
                self._writing.release()
            with self._queue_lock:  # queued after our last look, while we still held the turn
                if not self._queue or me.deadline <= time.monotonic():
                    return

    def _take_queued(self) -> list[_Pending]:
        """What is queued; those whose deadline has passed are left to give up."""
        now = time.monotonic()
        with self._queue_lock:
            queued, self._queue = self._queue, []
            taken = [p for p in queued if p.state == WAITING and p.deadline > now]
            for p in taken:
                p.state = TAKEN
        return taken

    def _abandon(self, pending: _Pending) -> bool:
        """Stop waiting; False when a writer has taken it already (its outcome will come)."""
        with self._queue_lock:
            if pending.state == WAITING:
                pending.state = ABANDONED
            return pending.state == ABANDONED

    def _write(self, batch: list[_Pending], cap: float) -> None:
        """Write a batch, giving up by the earliest deadline in it (and the writer's own)."""
        try:
            with within(min(cap, *(p.deadline for p in batch))):
                ids = self._insert([p.contact for p in batch])
        except Exception as exc:
            if timed_out(exc):
                log.warning("%d contacts not stored: %s", len(batch), str(exc).splitlines()[0])
            else:
                log.exception("storing %d contacts failed", len(batch))
            for p in batch:
                p.error = exc
                p.done.release()
            return
        for p, new_id in zip(batch, ids, strict=True):
            p.id = new_id
            p.done.release()

    def _core_insert(self, contacts: list[NewContact]) -> list[int]:
        stmt = insert(ContactLog).returning(ContactLog.id, sort_by_parameter_order=True)  # type: ignore[arg-type]
        rows = [{name: getattr(c, name) for name in COLUMNS} for c in contacts]
        with self.db.write_rows() as conn:
            return list(conn.execute(stmt, rows).scalars().all())

    def _sqlite_insert(self) -> Callable[[list[NewContact]], list[int]]:
        dialect, table = self.db.engine.dialect, ContactLog.__table__  # type: ignore[attr-defined]
        convert: list[Callable[[Any], Any] | None] = [
            table.c[name].type._cached_bind_processor(dialect) for name in COLUMNS
        ]
        sql = f"INSERT INTO contactlog ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"

        def rows(c: NewContact) -> list[Any]:
            values = (getattr(c, name) for name in COLUMNS)
            return [f(v) if f else v for f, v in zip(convert, values, strict=True)]

        def write(contacts: list[NewContact]) -> list[int]:
            with self.db.driver_write() as cursor:
                ids = []
                for c in contacts:
                    cursor.execute(sql, rows(c))
                    ids.append(int(cursor.lastrowid))
                return ids

        return write
