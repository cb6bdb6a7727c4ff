"""What the `aebot` commands share: the settings as one-line errors, migrations, `--at`, `--team`."""

from __future__ import annotations

from datetime import datetime

import click
from slack_sdk.errors import SlackApiError

from bot.app import Bot
from bot.clock import Clock, FixedClock
from bot.settings import Settings, SettingsError, load_settings
from bot.slack.sender import web_client
from storage import queries
from storage.db import Database
from storage.migrate import upgrade

TEAM_OPTION = click.option(
    "--team", "team", default=None, help="Slack team id (default: the one in the database)."
)


def settings() -> Settings:
    """The settings, or one line naming what is missing or wrong."""
    try:
        return load_settings()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None


def migrated(s: Settings) -> None:
    """Bring the database up to date, or stop with one line saying why it cannot be."""
    try:
        upgrade(s.database_url)
    except Exception as exc:
        raise click.ClickException(
            f"setting DATABASE_URL: cannot migrate the database ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:200]})"
        ) from None


def parse_at(at: str | None, s: Settings) -> datetime:
    """--at as an aware datetime (the workspace zone when none is given); now when absent."""
    if at is None:
        return Clock().now()
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        raise click.BadParameter(
            f"{at!r} is not ISO-8601, e.g. 2026-11-23T09:30", param_hint="--at"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=s.tz)


def bot_at(s: Settings, at: datetime | None = None) -> Bot:
    """The process's parts on a migrated database, its clock standing at `at` if given."""
    migrated(s)
    return Bot.build(s, FixedClock(at) if at else None)


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
