"""What the `aebot` commands that work with the process's parts share: the parts on a migrated
database, and the workspace meant (bot/cli/workspaces.py checks which)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from bot.app import Bot
from bot.cli.common import settings
from bot.cli.workspaces import migrated, team_id
from bot.clock import FixedClock
from bot.settings import Settings


def bot_at(s: Settings, at: datetime | None = None) -> Bot:
    """The process's parts on a migrated database, its clock standing at `at` if given."""
    migrated(s)
    return Bot.build(s, FixedClock(at) if at else None)


@contextmanager
def workspace(team: str | None, new: bool = False) -> Iterator[tuple[Bot, str]]:
    """The process's parts and the workspace meant, let go of when the command is done."""
    s = settings()
    bot = bot_at(s)
    try:
        yield bot, team_id(team, s, new)
    finally:
        bot.close()
