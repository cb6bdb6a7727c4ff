"""One run of a scheduled job for one workspace, and how it sends: each message claimed first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from bot.services import Services
from storage import queries


class Outgoing(NamedTuple):
    key: str  # unique within the run: who, and about what ("U123", "U123:report:42")
    user: str
    text: str
    blocks: list[dict[str, Any]]


@dataclass
class Run:
    sv: Services
    team: str
    now: datetime  # local time in the workspace zone
    job: str
    period: str
    skipped: int = field(default=0)

    def send(self, outbox: list[Outgoing]) -> list[bool]:
        """DM each message this run is the first to claim; a message an earlier, interrupted run
        of the same period claimed counts as delivered and is not sent again."""
        with self.sv.db.write() as s:
            mine = queries.claim_deliveries(
                s, self.team, self.job, self.period, [m.key for m in outbox], self.sv.now()
            )
        todo = [m for m in outbox if m.key in mine]
        self.skipped += len(outbox) - len(todo)
        results = self.sv.sender.dm_all([(m.user, m.text, m.blocks) for m in todo])
        sent = {m.key: ok for m, ok in zip(todo, results, strict=True)}
        return [sent.get(m.key, True) for m in outbox]
