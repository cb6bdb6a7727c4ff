"""Contacts stored the way many people log them at once: in shared transactions.

Each request adds its new contact to a queue. The first request that finds no write under way
writes everything queued at that moment in one transaction (one BEGIN, the inserts, one
COMMIT), then anything queued meanwhile; the others wait for their contact to be written. So
twenty people logging at the same instant cost a few transactions, not twenty in a row, and no
thread hands work to another (measured in bench/bench_ack.py). A request that stops waiting
before its contact was taken (`NotSaved`) knows it was not stored.

Each contact has a deadline (Slack wants the ack within 3 s), and a batch is written under the
earliest of its contacts' deadlines (storage/db.py `within`): a locked or silent database makes
the write give up in time, so "not saved" is the truth and no row appears later.

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

from storage.db import Database, timed_out, within
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
    id: int | None = None
    report_sent_at: datetime | None = None


def _deadline(p: _Pending) -> float:
    return p.deadline


COLUMNS = tuple(f.name for f in fields(NewContact) if f.name not in ("id", "report_sent_at"))


class NotSaved(Exception):
    """The contact was not stored: its turn did not come in time, or the database failed."""


class _Pending:
    """A contact waiting to be written. `done` is a lock held until the outcome is known, or
    until its request is handed the turn to write (`lead`): the waiter blocks acquiring it, the
    writer releases it (cheaper than an Event)."""

    __slots__ = ("contact", "deadline", "state", "lead", "id", "error", "done")

    def __init__(self, contact: NewContact, deadline: float) -> None:
        self.contact, self.deadline, self.state, self.id = contact, deadline, WAITING, 0
        self.lead = False
        self.error: BaseException | None = None
        self.done = threading.Lock()
        self.done.acquire()


class ContactWriter:
    """The process's writer of new contacts.

    A request holding the turn writes what is queued, never past its own deadline; a request
    whose deadline has come hands the rest to the waiting request with the most time left."""

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
        self._lead(pending)
        while self._wait(pending):  # handed the turn
            self._lead(pending)
        if pending.error is not None:
            raise NotSaved("the database refused the contact") from pending.error
        contact.id = pending.id
        return contact

    def _wait(self, pending: _Pending) -> bool:
        """Wait for the contact's outcome; True when handed the turn instead."""
        if not pending.done.acquire(timeout=max(pending.deadline - time.monotonic(), 0.0)):
            if self._abandon(pending):
                raise NotSaved("the contact's turn to be written did not come in time")
            pending.done.acquire()  # a writer has it, under its deadline: the outcome is near
            return False
        with self._queue_lock:
            handed, pending.lead = pending.lead, False
        return handed

    def _lead(self, me: _Pending) -> None:
        """Unless a write is under way (it takes what is queued next): write what is queued
        (group commit) as long as `me`'s deadline leaves time; a request past its deadline
        hands what is left to the waiting request with the most time, and goes back to its
        person. With a healthy database nobody hands over: the turn's holder empties the queue."""
        while self._writing.acquire(blocking=False):
            try:
                while me.deadline > time.monotonic() and (batch := self._take_queued()):
                    self._write(batch, me.deadline)
            finally:
                self._writing.release()
            with self._queue_lock:  # queued after our last look, while we still held the turn
                if not any(p.state == WAITING and not p.lead for p in self._queue):
                    return
            if me.deadline <= time.monotonic():
                self._hand_over()
                return

    def _hand_over(self) -> None:
        """Wake the waiting request with the most time left to write what is queued."""
        with self._queue_lock:
            now = time.monotonic()
            waiting = [p for p in self._queue if p.state == WAITING and not p.lead]
            heir = max((p for p in waiting if p.deadline > now), key=_deadline, default=None)
            if heir is None:
                return
            heir.lead = True
        heir.done.release()

    def _take_queued(self) -> list[_Pending]:
        """What is queued and still has time; not those just handed the turn (they take it)."""
        with self._queue_lock:
            now = time.monotonic()
            queued = [p for p in self._queue if p.state == WAITING]
            self._queue = [p for p in queued if p.lead]
            taken = [p for p in queued if not p.lead and p.deadline > now]
            for p in taken:
                p.state = TAKEN
        return taken

    def _abandon(self, pending: _Pending) -> bool:
        """Stop waiting; False when a writer has taken it already (its outcome will come). A
        request handed the turn just as it gave up passes the turn on."""
        with self._queue_lock:
            if pending.state != WAITING:
                return False
            pending.state = ABANDONED
            handed = pending.lead
        if handed:
            self._hand_over()
        return True

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
