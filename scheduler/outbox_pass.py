"""One pass of the courier over a batch of the outbox (scheduler/courier.py): which rows are sent
side by side (`side_by_side`), what one row's attempts came to (`Progress`), and what the pass
delivered (`Tally`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage import outbox_leases as leases
from storage.models import OutboxMessage


@dataclass
class Tally:
    delivered: int = 0
    pending: int = 0
    failed: int = 0
    expired: int = 0

    def add(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def __str__(self) -> str:
        return (
            f"delivered {self.delivered}, pending {self.pending}, "
            f"failed {self.failed}, expired {self.expired}"
        )


def side_by_side(
    rows: list[OutboxMessage], threads: dict[tuple[str, str], tuple[str, str]]
) -> list[list[tuple[OutboxMessage, tuple[str, str] | None]]]:
    """What may be sent side by side: one lane per conversation, whose messages go one after
    another in the order they were queued, so that a person's DMs, a channel's posts and a
    thread's replies read in order; different conversations side by side."""
    lanes: dict[tuple[str, str, str], list[tuple[OutboxMessage, tuple[str, str] | None]]] = {}
    for row in rows:
        if row.thread_of:
            thread = (row.team_id, row.thread_of)
            lanes.setdefault(("thread", *thread), []).append((row, threads.get(thread)))
        else:
            lanes.setdefault(("to", row.team_id, row.recipient), []).append((row, None))
    return list(lanes.values())


@dataclass
class Progress:
    """What one row's attempts in this pass came to."""

    id: int
    attempts: int
    unknown: bool
    conversation: str | None
    first: datetime
    thread: tuple[str, str] | None = None  # a thread reply's conversation and parent ts
    error: str | None = None

    def done(
        self,
        status: str,
        *,
        ts: str | None = None,
        conversation: str | None = None,
        error: str | None = None,
    ) -> leases.Result:
        return leases.Result(
            self.id,
            status,
            self.attempts,
            self.unknown and status != "delivered",
            ts,
            conversation or self.conversation,
            error,
            None,
            self.first,
        )

    def later(self, at: datetime) -> leases.Result:
        return leases.Result(
            self.id,
            "pending",
            self.attempts,
            self.unknown,
            None,
            self.conversation,
            self.error,
            at,
            self.first,
        )
