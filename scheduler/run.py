"""One run of a timetable task for one workspace, what it may use, and the messages it decides:
queued in the outbox in the transaction that records the run, delivered by the courier."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any, NamedTuple

from bot.clock import Clock
from bot.settings import Settings
from bot.slack.texts import Reader
from forms.engine import Engine
from scheduler.courier import Courier
from storage.calendars import Calendars
from storage.db import Database
from storage.models import Member
from storage.outbox import Message
from storage.team_settings import TeamSettings


class NobodyToTell(Exception):
    """A run whose messages have nowhere to go (no channel set, no one to tell instead): it
    fails, saying what to set, rather than be recorded as done with nobody told."""


@dataclass(frozen=True)
class TaskDeps:
    """What the timetable's tasks use."""

    db: Database
    clock: Clock
    settings: Settings
    calendars: Calendars
    team_settings: TeamSettings
    courier: Courier
    engine: Engine

    def reader(self, member: Member | None) -> Reader:
        """How to write to `member` (the workspace default for someone not on the team)."""
        return Reader.of(member, self.settings.aebot_lang, self.settings.tz, self.clock.now())


class Outgoing(NamedTuple):
    key: str  # who, and about what ("U123", "42:remind"); unique within the run, or the task
    user: str
    text: str
    blocks: list[dict[str, Any]]
    purpose: str
    effect: str | None = None  # what its delivery marks done (storage/outbox.py EFFECTS)
    effect_ids: tuple[int, ...] = ()
    useful_until: datetime | None = None
    per_period: bool = True  # False: decided once per task whatever the period (a contact's)
    not_before: datetime | None = None  # held until then (a deferred morning start)
    thread_of: str | None = None  # in the thread of the message with this full outbox key
    file_name: str | None = None  # a file (files.uploadV2) instead of a message: its name…
    file_bytes: bytes | None = None  # … and its content


@dataclass
class Run:
    team: str
    now: datetime  # local time in the workspace zone
    task: str  # its name, stored in the outbox's and the run's column `job`
    period: str
    end_of_day: time = time(18, 0)
    decided: list[Outgoing] = field(default_factory=list)

    def send(self, messages: list[Outgoing]) -> None:
        """Decide to send these; they are stored with the run and delivered after."""
        self.decided += messages

    def until_end_of_day(self) -> datetime:
        """When a reminder for today stops being useful: the team's end of the working day (an
        hour after the run at the least)."""
        end = self.now.replace(
            hour=self.end_of_day.hour, minute=self.end_of_day.minute, second=0, microsecond=0
        )
        return max(end, self.now + timedelta(hours=1))

    def key(self, key: str, per_period: bool = True) -> str:
        """An outbox key as stored: the task's, the period's (unless not `per_period`), `key`."""
        return f"{self.task}:{self.period}:{key}" if per_period else f"{self.task}:{key}"

    def parts(
        self,
        key: str,
        user: str,
        posts: Sequence[tuple[str, list[dict[str, Any]]]],
        purpose: str,
        *,
        thread_of: str | None = None,
        **fields: Any,
    ) -> list[Outgoing]:
        """A message split to fit Slack (bot/slack/blocks.py `parts`), read in order: the
        first under `key`, the others under `key:2`, `key:3`… as replies in its thread (all in
        the thread `thread_of` instead, when given), which the courier posts one after another.
        What a delivery marks done (`effect`, `effect_ids`) rides on the first."""
        parent = thread_of or self.key(key, fields.get("per_period", True))
        later = {k: v for k, v in fields.items() if k not in ("effect", "effect_ids")}
        return [
            Outgoing(key, user, text, blocks, purpose, thread_of=thread_of, **fields)
            if i == 1
            else Outgoing(f"{key}:{i}", user, text, blocks, purpose, thread_of=parent, **later)
            for i, (text, blocks) in enumerate(posts, 1)
        ]

    def messages(self) -> list[Message]:
        """What was decided, every first message before the thread replies: a drain claims
        rows in id order, once each, so a reply queued before its thread's first message went
        out would wait for the next drain."""
        return [
            Message(
                self.team,
                self.key(o.key, o.per_period),
                o.purpose,
                o.user,
                o.text,
                o.blocks,
                job=self.task,
                period=self.period,
                effect=o.effect,
                effect_ids=o.effect_ids,
                useful_until=o.useful_until,
                not_before=o.not_before,
                thread_of=o.thread_of,
                file_name=o.file_name,
                file_bytes=o.file_bytes,
            )
            for o in sorted(self.decided, key=lambda o: o.thread_of is not None)
        ]
