"""Contacts stored the way many people log them at once: in shared transactions.

A request hands its new contact to the process's writer and waits; the writer takes every
contact waiting at that moment and inserts them in one transaction (one BEGIN, one INSERT of
many rows, one COMMIT), so twenty people logging at the same instant cost about one write, not
twenty in a row (measured in bench/bench_ack.py). A request that stops waiting before its
contact was taken (`NotSaved`) is sure it was not stored.
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import insert

from storage.db import Database
from storage.models import ContactLog

log = logging.getLogger("aebot.storage")
WAITING, TAKEN, ABANDONED = "waiting", "taken", "abandoned"


@dataclass(frozen=True)
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


class NotSaved(Exception):
    """The contact was not stored: the writer did not get to it in time, or the database failed."""


class _Pending:
    def __init__(self, row: dict[str, object]) -> None:
        self.row, self.state, self.id = row, WAITING, 0
        self.error: BaseException | None = None
        self.done = threading.Event()
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            if self.state == WAITING:
                self.state = TAKEN
            return self.state == TAKEN

    def abandon(self) -> bool:
        """Stop waiting; False when the writer has it already (then its outcome will come)."""
        with self.lock:
            if self.state == WAITING:
                self.state = ABANDONED
            return self.state == ABANDONED


class ContactWriter:
    """The process's one writer of new contacts."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._queue: queue.SimpleQueue[_Pending] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def add(self, contact: NewContact, timeout: float = 10.0) -> NewContact:
        """Store the contact and return it with its id; `NotSaved` when it was not stored."""
        row = {k: v for k, v in asdict(contact).items() if k not in ("id", "report_sent_at")}
        pending = _Pending(row)
        self._running()
        self._queue.put(pending)
        if not pending.done.wait(timeout) and pending.abandon():
            raise NotSaved("the database did not take the contact in time")
        pending.done.wait()
        if pending.error is not None:
            raise NotSaved("the database refused the contact") from pending.error
        return NewContact(**{**asdict(contact), "id": pending.id})

    def _running(self) -> None:
        if self._thread is None:
            with self._start:
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._loop, name="aebot-contact-writer", daemon=True
                    )
                    self._thread.start()

    def _loop(self) -> None:
        while True:
            batch = [self._queue.get()]
            while not self._queue.empty():
                batch.append(self._queue.get_nowait())
            batch = [p for p in batch if p.take()]
            if batch:
                self._write(batch)

    def _write(self, batch: list[_Pending]) -> None:
        stmt = insert(ContactLog).returning(ContactLog.id, sort_by_parameter_order=True)  # type: ignore[arg-type]
        try:
            with self.db.write_rows() as conn:
                ids = conn.execute(stmt, [p.row for p in batch]).scalars().all()
        except Exception as exc:
            log.exception("storing %d contacts failed", len(batch))
            for p in batch:
                p.error = exc
                p.done.set()
            return
        for p, new_id in zip(batch, ids, strict=True):
            p.id = new_id
            p.done.set()
