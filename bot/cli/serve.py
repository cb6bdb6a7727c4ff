"""`aebot run`: serve Slack and run the timetable."""

from __future__ import annotations

import logging
import os
import threading

import click
from slack_bolt import App
from slack_sdk.errors import SlackApiError

from bot import socket_mode
from bot.app import Bot, create_app
from bot.cli.common import settings
from bot.cli.workspaces import migrated, slack_ready
from bot.dates import warm_up
from bot.server import BackgroundServer, serve, settle
from bot.settings import HINTS, SettingsError
from scheduler.timetable import catch_up, start_scheduler

log = logging.getLogger("aebot")
# Read once into the settings; then gone from the environment, so that no library reads them
# behind our back (Bolt would, and warn that the client it is given wins) and no child inherits them.
SECRETS = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN")


@click.command()
@click.option("--no-scheduler", is_flag=True, help="Serve Slack only; run no scheduled jobs.")
def run(no_scheduler: bool) -> None:
    """Serve Slack (Socket Mode if SLACK_APP_TOKEN is set, else HTTP on $PORT) and run the timetable."""
    s = settings()
    try:
        s.require_slack()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    for name in SECRETS:
        os.environ.pop(name, None)
    migrated(s)
    bot = Bot.build(s)
    log.info("connected to workspace %s", _workspace(bot))
    warm_up()  # the first person's date costs no more than later ones
    app = create_app(bot)
    settle()
    bot.db.listen_for_changes()  # PostgreSQL: other processes' changes reach our caches
    bot.courier.start()  # delivers the outbox: now (what an earlier process left), when woken, every 30 s
    if not no_scheduler:
        start_scheduler(bot.tasks())
        catch_up(bot.tasks())
    if s.aebot_health_port and (s.slack_app_token or s.aebot_health_port != s.port):
        try:
            health = BackgroundServer(app, bot.db, "0.0.0.0", s.aebot_health_port, events=False)
        except OSError as exc:
            raise click.ClickException(
                f"setting AEBOT_HEALTH_PORT: cannot listen on port {s.aebot_health_port} "
                f"({exc.strerror or exc}): set it to a free port"
            ) from None
        health.start()
        log.info("GET /healthz on port %s", health.port)
    if s.slack_app_token:
        _serve_socket_mode(app, s.slack_app_token)
    else:
        log.info("serving Slack over HTTP on port %s (POST /slack/events, GET /healthz)", s.port)
        serve(app, bot.db, s.port)


def _serve_socket_mode(app: App, app_token: str) -> None:
    """Slack's websocket until the process is stopped (bot/socket_mode.py: reconnects by
    itself, each envelope handled once); a refused app token stops here with one line."""
    log.info("serving Slack over Socket Mode")
    try:
        handler = socket_mode.connect(app, app_token)
    except SlackApiError as exc:
        raise click.ClickException(
            f"setting SLACK_APP_TOKEN was refused by Slack ({exc.response.get('error')}): "
            f"set it to {HINTS['SLACK_APP_TOKEN']}"
        ) from None
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        handler.close()


def _workspace(bot: Bot) -> str:
    """The workspace the token belongs to; a refused token or an unreachable Slack stops here,
    with one line (bot/cli/workspaces.py `slack_ready`)."""
    return slack_ready(bot.settings)
