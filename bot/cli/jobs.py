"""`aebot jobs list` and `aebot jobs run NAME [--at]`: the timetable's tasks (the command keeps
its name; its help and output say "job", as operators read them)."""

from __future__ import annotations

import sys

import click

from bot.cli.common import parse_at, settings
from bot.cli.parts import bot_at
from bot.cli.workspaces import slack_ready
from bot.rules.team_settings import TeamValues
from scheduler.timetable import TASKS, run_task


@click.group()
def jobs() -> None:
    """The timetable's scheduled jobs."""


@jobs.command("list")
def jobs_list() -> None:
    """Every scheduled job, when it runs by default (`aebot settings` changes it) and what it does."""
    defaults = TeamValues({})
    for task in TASKS.values():
        click.echo(f"{task.name:<22} {task.when(defaults):<36} {task.description}")


@jobs.command("run")
@click.argument("name")
@click.option("--at", "at", default=None, help="Run as if at this ISO-8601 time (default now).")
def jobs_run(name: str, at: str | None) -> None:
    """Run one job now, or as if at --at: decided once per period, and whatever of it is still
    undelivered delivered now. Exits 1 when something failed or is still pending."""
    if name not in TASKS:
        raise click.ClickException(f"no job named {name!r}; `aebot jobs list` shows them")
    s = settings()
    when = parse_at(at, s)
    slack_ready(s)  # a missing token or an unreachable Slack: one line, before any work
    bot = bot_at(s, when if at else None)
    try:
        outcomes = run_task(TASKS[name], when, bot.tasks())
    finally:
        bot.close()
    if not outcomes:
        click.echo("no workspace has a team yet: import one with `aebot team import`")
    for o in outcomes:
        click.echo(f"{name} {o.team}: {o.status} {o.detail}")
    if any(o.status == "failed" or o.undelivered for o in outcomes):
        sys.exit(1)
