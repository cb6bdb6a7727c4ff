"""`aebot demo`: a week of a small account department, in a few seconds, with no Slack account:
the real app on a fake Slack, a temporary SQLite database and a set clock. Every role is there:
the AEs, the account manager who approves, the account director, the project execution
director who signs overtime, the general manager who reads the Friday report.

Everything shown is what a person would see in Slack (the replies only they see, their DMs,
the forms that open, the App Home, the channels), whole, and in the same order every run.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import click

from bot.app import Bot, create_app
from bot.clock import FixedClock
from bot.server import BackgroundServer
from bot.settings import load_settings
from sandbox.demo_cast import (
    CAST,
    CLIENT_ROWS,
    IMPORTED,
    REPORT_CHANNEL,
    SH,
    TEAM_CHANNEL,
    TEAM_ROWS,
)
from sandbox.demo_days import WEEK
from sandbox.driver import TEAM, SlackDriver
from sandbox.fake_slack import FakeSlack
from sandbox.stage import Stage
from storage import team_settings
from storage.imports import import_clients, import_team
from storage.migrate import upgrade

SECRET = "demo-signing-secret"


def run_demo() -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        upgrade(url)
        clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=SH))
        settings = load_settings(
            slack_bot_token=fake.token,
            slack_signing_secret=SECRET,
            slack_api_url=fake.url,
            database_url=url,
            _env_file=None,
        )
        bot = Bot.build(settings, clock)
        bot.home.delay = 0  # redraw the Home at once: the demo has no time to wait
        fake.channels |= {TEAM_CHANNEL: {"name": "account-team"}}
        fake.channels |= {REPORT_CHANNEL: {"name": "weekly-report"}}
        with bot.db.write() as s:
            import_team(s, TEAM, TEAM_ROWS, IMPORTED)
            import_clients(s, TEAM, CLIENT_ROWS, IMPORTED)
            team_settings.store(s, TEAM, "team_channel", TEAM_CHANNEL, None, IMPORTED)
            team_settings.store(s, TEAM, "report_channel", REPORT_CHANNEL, None, IMPORTED)
            team_settings.store(s, TEAM, "meeting_place", "3楼大会议室", None, IMPORTED)
        server = BackgroundServer(create_app(bot), bot.db).start()
        try:
            stage = Stage(bot, clock, SlackDriver(server.url, SECRET, fake), fake, CAST)
            click.secho(
                "aebot demo — a week of an account department: the real app on a fake Slack and "
                "a temporary database; nothing leaves this machine.",
                bold=True,
            )
            for day in WEEK:
                day(stage)
            click.echo(
                "\nThat was aebot's week. `aebot --help` lists the commands; README.md explains "
                "how to connect a real Slack."
            )
        finally:
            server.stop()
            bot.close()
