"""Which database and workspace an `aebot` command works on: the migrations, `--team` checked
against the workspaces the database knows and the bot token's own, Slack asked once. Light: no
app, no web server (`aebot export` starts in a moment)."""

from __future__ import annotations

import logging
import re
import socket
import ssl
from urllib.error import URLError

import click
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.settings import HINTS, Settings
from storage import workspaces
from storage.db import Database
from storage.migrate import upgrade

TEAM_ID = re.compile(r"T[A-Z0-9]{2,20}")  # a Slack team (workspace) id
CHECK_TIMEOUT = 10  # seconds auth.test may take before Slack counts as unreachable
# slack_sdk logs each failed call at ERROR; the one-line answer below already says it all
_SILENT = logging.Logger("aebot.slack-check", logging.CRITICAL + 1)


def migrated(s: Settings) -> None:
    """Bring the database up to date, or stop with one line saying why it cannot be."""
    try:
        upgrade(s.database_url)
    except Exception as exc:
        raise click.ClickException(
            f"setting DATABASE_URL: cannot migrate the database ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:200]})"
        ) from None


def team_id(team: str | None, s: Settings, new: bool = False) -> str:
    """--team if the database knows it, or it is the bot token's workspace, or `new` says to
    start it; else the one workspace the database knows; else ask Slack. A team id nobody
    knows stops here, saying which ones are known: a typo would start an empty workspace."""
    known = _known(s)
    if team:
        if not TEAM_ID.fullmatch(team):
            raise click.ClickException(
                f"--team {team!r} is not a Slack team id (T and capitals or digits, e.g. T0123ABC)"
            )
        owner = None if team in known or new else _token_team(s)
        if team in known or new or team == owner:
            return team
        here = ", ".join(known) or "none yet"
        raise click.ClickException(
            f"no workspace {team} here (the database knows: {here}; the bot token's is "
            f"{owner or 'unknown: no token, or Slack did not answer'}): check --team, or pass "
            "--new to start a new workspace"
        )
    if len(known) == 1:
        return known[0]
    try:
        return slack_ready(s)
    except click.ClickException as exc:
        raise click.ClickException(
            f"cannot tell which workspace this is ({exc.message}); pass --team T0123ABC"
        ) from None


def _known(s: Settings) -> list[str]:
    """The workspaces the database has rows of (none when it cannot be read yet)."""
    try:
        database = Database(s.database_url)
        try:
            with database.read() as session:
                return workspaces.known(session)
        finally:
            database.dispose()
    except Exception:
        return []


def _token_team(s: Settings) -> str | None:
    """The workspace of the bot token, when there is a token and Slack answers."""
    if not s.slack_bot_token:
        return None
    try:
        return slack_ready(s)
    except click.ClickException:
        return None


def slack_ready(s: Settings) -> str:
    """The workspace the token belongs to, asked once (no retries), or one line saying that
    the token is missing or refused, or which URL could not be reached and why. Only the token
    is needed to talk to Slack's Web API (`aebot run` checks the signing secret too)."""
    if not s.slack_bot_token:
        hint = HINTS["SLACK_BOT_TOKEN"]
        raise click.ClickException(f"setting SLACK_BOT_TOKEN is missing: set it to {hint}")
    client = WebClient(
        token=s.slack_bot_token,
        base_url=s.slack_api_url,
        timeout=CHECK_TIMEOUT,
        retry_handlers=[],
        logger=_SILENT,
    )
    try:
        return str(client.auth_test()["team_id"])
    except SlackApiError as exc:
        if exc.response.status_code != 200:
            raise click.ClickException(
                f"Slack at {s.slack_api_url} answered HTTP {exc.response.status_code}; "
                "try again later"
            ) from None
        raise click.ClickException(
            f"setting SLACK_BOT_TOKEN was refused by Slack ({exc.response.get('error')}): "
            "check the token"
        ) from None
    except Exception as exc:
        raise click.ClickException(
            f"cannot reach Slack at {s.slack_api_url} ({unreachable_reason(exc)})"
        ) from None


def unreachable_reason(exc: BaseException) -> str:
    """Why a request got no answer, in a few words a person can act on."""
    reason = exc.reason if isinstance(exc, URLError) else exc
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "host name not found"
    if isinstance(reason, TimeoutError):
        return f"no answer within {CHECK_TIMEOUT} s"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failed: {reason.reason or reason}"
    if isinstance(reason, ConnectionError):
        return "connection dropped"
    text = str(reason).splitlines()[0][:120] if str(reason) else ""
    return f"{type(reason).__name__}{': ' + text if text else ''}"
