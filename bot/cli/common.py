"""What every `aebot` command shares: the settings as one-line errors, `--at`, `--team`.
(Light on purpose: `aebot dates parse` loads nothing else.)"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

import click

from bot.cli.logs import keep_secret
from bot.clock import Clock
from bot.settings import Settings, SettingsError, load_settings

TEAM_OPTION = click.option(
    "--team", "team", default=None, help="Slack team id (default: the one in the database)."
)
NEW_OPTION = click.option(
    "--new",
    "new",
    is_flag=True,
    help="With --team: start a workspace the database does not know yet.",
)


def settings() -> Settings:
    """The settings, or one line naming what is missing or wrong. Its secrets are kept out of
    the log from now on."""
    try:
        s = load_settings()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    password = urlsplit(s.database_url).password
    keep_secret(s.slack_bot_token, s.slack_signing_secret, s.slack_app_token, password)
    return s


def parse_at(at: str | None, s: Settings, option: str = "--at") -> datetime:
    """--at (or the `option` it was given as, such as --now) as an aware datetime (the
    workspace zone when none is given); now when absent."""
    if at is None:
        return Clock().now()
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        raise click.BadParameter(
            f"{at!r} is not ISO-8601, e.g. 2026-11-23T09:30", param_hint=option
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=s.tz)
