"""`aebot calendar set / unset / show / check`: admins' corrections to the working days."""

from __future__ import annotations

import sys

import click

from bot.cli.common import TEAM_OPTION
from bot.cli.parts import workspace
from bot.rules.calendar import coverage, day_kind, parse_day, special_days, uncovered_years
from storage import calendars as stored


@click.group()
def calendar() -> None:
    """Working days: the library's holidays plus your corrections (调休, next year's holidays)."""


@calendar.command("set")
@click.argument("day")
@click.argument("kind")
@click.argument("name", required=False, default=None)
@TEAM_OPTION
def calendar_set(day: str, kind: str, name: str | None, team: str | None) -> None:
    """Make DAY (YYYY-MM-DD) a workday or a holiday, e.g. `set 2027-02-10 holiday 春节`."""
    when, working = parse_day(day), day_kind(kind)
    if when is None:
        raise click.BadParameter(f"{day!r} is not a date like 2027-02-10", param_hint="DAY")
    if working is None:
        raise click.BadParameter(f"{kind!r} must be workday or holiday", param_hint="KIND")
    with workspace(team) as (bot, tid):
        with bot.db.write() as s:
            replaced = stored.set_day(s, tid, when, working, name, None, bot.clock.now())
        what = "a working day" if working else f"a day off{f' ({name})' if name else ''}"
        again = " (replaced the earlier correction)" if replaced else ""
        click.echo(f"{when:%Y-%m-%d %a} is now {what}{again}")


@calendar.command("unset")
@click.argument("day")
@TEAM_OPTION
def calendar_unset(day: str, team: str | None) -> None:
    """Drop the correction for DAY; the library's calendar applies again."""
    when = parse_day(day)
    if when is None:
        raise click.BadParameter(f"{day!r} is not a date like 2027-02-10", param_hint="DAY")
    with workspace(team) as (bot, tid):
        with bot.db.write() as s:
            found = stored.unset_day(s, tid, when)
        click.echo(
            f"{when} follows the library again"
            if found
            else f"{when} had no correction; nothing changed"
        )


@calendar.command("show")
@click.argument("year", type=int)
@TEAM_OPTION
def calendar_show(year: int, team: str | None) -> None:
    """The YEAR's days off on weekdays, working weekends, and your corrections."""
    with workspace(team) as (bot, tid):
        overrides = bot.calendars.overrides(tid)
        corrections = sum(1 for d in overrides if d.year == year)
        state = coverage(bot.calendars.library_has_official_data(year), corrections)
        described = {
            "official": "the government's announced calendar",
            "corrected": f"the library's guess with {corrections} corrections entered here",
            "guessed": "NO official data yet: the library's guess, without make-up working days",
        }[state]
        click.echo(f"{year} ({bot.settings.aebot_country}): {described}")
        for d in special_days(bot.calendars.for_team(tid), year, overrides):
            kind = "working" if d.working else "off    "
            mark = "  [correction]" if d.source == "override" else ""
            click.echo(f"  {d.day:%Y-%m-%d %a}  {kind}  {d.name or ''}{mark}")


@calendar.command("check")
@TEAM_OPTION
@click.option(
    "--today", "today", default=None, help="Check as if today were this date (YYYY-MM-DD)."
)
def calendar_check(team: str | None, today: str | None) -> None:
    """Warn (exit 1) when the next 60 days reach a year with no official holiday data."""
    on = parse_day(today) if today else None
    if today and on is None:
        raise click.BadParameter(f"{today!r} is not a date like 2026-11-23", param_hint="--today")
    with workspace(team) as (bot, tid):
        local_today = bot.clock.now().astimezone(bot.settings.tz).date()
        missing = uncovered_years(bot.calendars.for_team(tid), on or local_today)
        if not missing:
            click.echo("calendar: the next 60 days are covered by official holiday data")
            return
        years = ", ".join(map(str, missing))
        click.echo(
            f"calendar: no official holiday data for {years}; add the announced days with "
            f"`aebot calendar set YYYY-MM-DD holiday NAME` and `... workday`",
            err=True,
        )
        sys.exit(1)
