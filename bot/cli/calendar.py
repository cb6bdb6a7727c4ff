"""`aebot calendar set / unset / show / check`: admins' corrections to the working days."""

from __future__ import annotations

import sys
from datetime import timedelta

import click

from bot.cli.common import NEW_OPTION, TEAM_OPTION
from bot.cli.parts import workspace
from bot.rules.calendar import (
    CHECK_HORIZON_DAYS,
    CONFIRM_REACH_DAYS,
    coverage,
    day_kind,
    parse_day,
    special_days,
    uncovered_years,
)
from bot.rules.workdays import WorkCalendar
from storage import calendars as stored
from storage.calendars import Calendars


@click.group()
def calendar() -> None:
    """Working days: the library's holidays plus your corrections (调休, next year's holidays)."""


@calendar.command("set")
@click.argument("day")
@click.argument("kind")
@click.argument("name", required=False, default=None)
@TEAM_OPTION
@NEW_OPTION
def calendar_set(day: str, kind: str, name: str | None, team: str | None, new: bool) -> None:
    """Make DAY (YYYY-MM-DD) a workday or a holiday, e.g. `set 2027-02-10 holiday 春节`."""
    when, working = parse_day(day), day_kind(kind)
    if when is None:
        raise click.BadParameter(f"{day!r} is not a date like 2027-02-10", param_hint="DAY")
    if working is None:
        raise click.BadParameter(f"{kind!r} must be workday or holiday", param_hint="KIND")
    with workspace(team, new) as (bot, tid):
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
        todo = bot.calendars.for_team(tid).unconfirmed_holidays(year) if corrections else []
        if todo:
            names = ", ".join(p.name for p in todo)
            click.echo(f"  not covered yet: no day-off correction near {names}")
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
    """Warn (exit 1) when the next 60 days reach a year that is not covered: the library has no
    official calendar for it and not every public holiday has a day-off correction near it."""
    on = parse_day(today) if today else None
    if today and on is None:
        raise click.BadParameter(f"{today!r} is not a date like 2026-11-23", param_hint="--today")
    with workspace(team) as (bot, tid):
        cal = bot.calendars.for_team(tid)
        start = on or bot.clock.now().astimezone(bot.settings.tz).date()
        years = sorted({start.year, (start + timedelta(days=CHECK_HORIZON_DAYS)).year})
        missing = uncovered_years(cal, start)
        if not missing:
            click.echo(
                f"calendar: the next {CHECK_HORIZON_DAYS} days are covered by official holiday data"
            )
        else:
            click.echo(
                f"calendar: no official holiday data for {', '.join(map(str, missing))}", err=True
            )
        for year in years:
            for line in _coverage_lines(bot.calendars, cal, tid, year):
                click.echo(line, err=bool(missing))
        if missing:
            click.echo(
                f"  enter each holiday's announced days off, even those the library already has "
                f"(`aebot calendar set YYYY-MM-DD holiday NAME`), and the make-up working days "
                f"(`... workday`); a holiday counts once a day off is entered within "
                f"{CONFIRM_REACH_DAYS} days of it",
                err=True,
            )
            sys.exit(1)


def _coverage_lines(calendars: Calendars, cal: WorkCalendar, team: str, year: int) -> list[str]:
    """What "covered" rests on for `year`, in the words `check` uses."""
    if calendars.library_has_official_data(year):
        return [f"  {year}: covered: the library has the government's announced calendar"]
    corrections = sum(1 for d in calendars.overrides(team) if d.year == year)
    todo = cal.unconfirmed_holidays(year)
    if cal.has_official_data(year):
        return [
            f"  {year}: covered: the library only guesses it, and each of its public holidays "
            f"has a day-off correction entered here ({corrections} corrections)"
        ]
    head = f"  {year}: NOT covered: the library only guesses it (no make-up working days)"
    if not todo:
        return [f"{head}, and no correction was entered for it"]
    return [
        f"{head}; public holidays with no day-off correction within {CONFIRM_REACH_DAYS} days:"
    ] + [f"    {p}" for p in todo]
