"""One run of a scheduled job for one workspace, what it may use, and how it sends: each
message claimed in the database first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from bot.clock import Clock
from bot.rules.people import language_of
from bot.settings import Settings
from bot.slack.sender import Sender
from bot.slack.texts import Reader
from storage import runs
from storage.calendars import Calendars
from storage.db import Database
from storage.models import Member
from storage.team_settings import TeamSettings


@dataclass(frozen=True)
class JobDeps:
    """What scheduled jobs use."""

    db: Database
    clock: Clock
    settings: Settings
    calendars: Calendars
    team_settings: TeamSettings
    sender: Sender

    def reader(self, member: Member | None) -> Reader:
        """How to write to `member` (the workspace default for someone not on the team)."""
        default = self.settings.aebot_lang
        lang = language_of(member.language, member.slack_locale, default) if member else default
        return Reader(lang, self.settings.tz, self.clock.now())


class Outgoing(NamedTuple):
    key: str  # unique within the run: who, and about what ("U123", "U123:report:42")
    user: str
    text: str
    blocks: list[dict[str, Any]]


@dataclass
class Run:
    team: str
    now: datetime  # local time in the workspace zone
    job: str
    period: str
    db: Database = field(repr=False)
    sender: Sender = field(repr=False)
    clock: Clock = field(repr=False)
    skipped: int = 0

    def send(self, outbox: list[Outgoing]) -> list[bool]:
        """DM each message this run is the first to claim; a message an earlier, interrupted run
        of the same period claimed counts as delivered and is not sent again."""
        with self.db.write() as s:
            keys = [m.key for m in outbox]
            mine = runs.claim_deliveries(
                s, self.team, self.job, self.period, keys, self.clock.now()
            )
        todo = [m for m in outbox if m.key in mine]
        self.skipped += len(outbox) - len(todo)
        results = self.sender.dm_all([(m.user, m.text, m.blocks) for m in todo])
        sent = {m.key: ok for m, ok in zip(todo, results, strict=True)}
        return [sent.get(m.key, True) for m in outbox]
