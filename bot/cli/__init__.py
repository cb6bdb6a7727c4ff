"""The `aebot` command: run, db, jobs, team, clients, calendar, dates, settings, demo."""

from __future__ import annotations

import logging

import click

from bot.cli.calendar import calendar
from bot.cli.data import clients, db, team
from bot.cli.dates import dates
from bot.cli.jobs import jobs
from bot.cli.serve import run
from bot.cli.team_settings import settings_group
from sandbox.demo import run_demo

NOISY = ("apscheduler", "slack_bolt", "slack_sdk", "urllib3", "httpx", "alembic")


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail.")
def main(verbose: bool) -> None:
    """aebot: the account department's Slack bot."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.WARNING)


@main.command()
def demo() -> None:
    """Show aebot at work without a Slack account: fake Slack, temporary database."""
    run_demo()


for command in (run, db, jobs, team, clients, calendar, dates, settings_group):
    main.add_command(command)
