"""What the `aebot` commands that touch the database share: migrations, the process's parts,
which workspace is meant."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import click
from slack_sdk.errors import SlackApiError

from bot.app import Bot
from bot.cli.common import settings
from bot.clock import FixedClock
from bot.settings import Settings, SettingsError
from bot.slack.sender import web_client
from storage import queries
from storage.db import Database
from storage.migrate import upgrade


def migrated(s: Settings) -> None:
    """Bring the database up to date, or stop with one line saying why it cannot be."""
    try:
        upgrade(s.database_url)
    except Exception as exc:
        raise click.ClickException(
            f"setting DATABASE_URL: cannot migrate the database ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:200]})"
        ) from None


def bot_at(s: Settings, at: datetime | None = None) -> Bot:
    """The process's parts on a migrated database, its clock standing at `at` if given."""
    migrated(s)
    return Bot.build(s, FixedClock(at) if at else None)


@contextmanager
def workspace(team: str | None) -> Iterator[tuple[Bot, str]]:
    """The process's parts and the workspace meant, let go of when the command is done."""
    s = settings()
    bot = bot_at(s)
    try:
        yield bot, team_id(team, s)
    finally:
        bot.close()


def team_id(team: str | None, s: Settings) -> str:
    """--team if given; else the one workspace the database knows; else ask Slack."""
    if team:
        return team
    try:
        database = Database(s.database_url)
        with database.read() as session:
            known = queries.team_ids(session)
        database.dispose()
    except Exception:
        known = []
    if len(known) == 1:
        return known[0]
    try:
        s.require_slack()
        return str(web_client(s.slack_bot_token, s.slack_api_url).auth_test()["team_id"])
    except (SettingsError, SlackApiError, OSError) as exc:
        raise click.ClickException(
            f"cannot tell which workspace this is ({exc}); pass --team T0123ABC"
        ) from None
