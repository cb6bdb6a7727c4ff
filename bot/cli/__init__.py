"""The `aebot` command: run, db, jobs, outbox, team, clients, calendar, dates, settings, demo,
backup, restore, export.

Each subcommand's module is loaded only when that subcommand runs (click's lazy-loading
pattern), so that `aebot dates parse` does not pay for the web server, the fake Slack and the
migrations it never uses.
"""

from __future__ import annotations

import importlib

import click

from bot import __version__
from bot.cli import logs

NOISY = ("apscheduler", "slack_bolt", "slack_sdk", "urllib3", "httpx", "alembic")
SUBCOMMANDS = {  # name: (module:attribute, short help for `aebot --help`)
    "run": ("bot.cli.serve:run", "Serve Slack and run the timetable."),
    "db": ("bot.cli.data:db", "Database schema."),
    "team": ("bot.cli.data:team", "The department's members."),
    "clients": ("bot.cli.data:clients", "Client records."),
    "jobs": ("bot.cli.jobs:jobs", "The timetable's scheduled jobs."),
    "outbox": ("bot.cli.outbox:outbox_group", "Messages waiting to be delivered, or given up."),
    "calendar": ("bot.cli.calendar:calendar", "Working days and your corrections."),
    "dates": ("bot.cli.dates:dates", "How aebot reads typed dates."),
    "settings": ("bot.cli.team_settings:settings_group", "Per-workspace settings."),
    "authority": ("bot.cli.authority:authority_group", "Authority limits: who decides how much."),
    "demo": ("bot.cli.demo:demo", "aebot at work without a Slack account."),
    "backup": ("bot.cli.backup:backup_command", "Copy the database, safely while aebot runs."),
    "restore": ("bot.cli.backup:restore_command", "Put a backup into an empty database."),
    "export": ("bot.cli.export:export", "The agency's data as .xlsx or CSV."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported when they are used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in SUBCOMMANDS:
            return None
        module, attribute = SUBCOMMANDS[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, short) for name, (_, short) in sorted(SUBCOMMANDS.items())])


@click.group(cls=LazyGroup)
@click.version_option(
    __version__, "-V", "--version", prog_name="aebot", message="%(prog)s %(version)s"
)
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail.")
def main(verbose: bool) -> None:
    """aebot: the account department's Slack bot."""
    logs.configure(verbose, NOISY)
