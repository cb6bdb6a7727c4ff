"""`aebot calendar` (admins' corrections to working days) and `aebot dates parse`."""

from __future__ import annotations

import sys

import click

from bot.rules.calendar import coverage, day_kind, parse_day, special_days, uncovered_years


def _services(team: str | None):  # noqa: ANN202
    from bot import cli
    from bot.runtime import build_services
    from storage.migrate import upgrade

    settings = cli._settings()
    cli._upgrade_or_fail(upgrade, settings.database_url)
    return build_services(settings), cli._team_id(team, settings)


TEAM_OPTION = click.option(
    "--team", "team", default=None, help="Slack team id (default: the one in the database)."
)


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
    sv, tid = _services(team)
    from storage import queries

    with sv.db.write() as s:
        replaced = queries.set_calendar_day(s, tid, when, working, name, None, sv.now())
    what = "a working day" if working else f"a day off{f' ({name})' if name else ''}"
    click.echo(
        f"{when:%Y-%m-%d %a} is now {what}{' (replaced the earlier correction)' if replaced else ''}"
    )


@calendar.command("unset")
@click.argument("day")
@TEAM_OPTION
def calendar_unset(day: str, team: str | None) -> None:
    """Drop the correction for DAY; the library's calendar applies again."""
    when = parse_day(day)
    if when is None:
        raise click.BadParameter(f"{day!r} is not a date like 2027-02-10", param_hint="DAY")
    sv, tid = _services(team)
    from storage import queries

    with sv.db.write() as s:
        found = queries.unset_calendar_day(s, tid, when)
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
    sv, tid = _services(team)
    from storage import queries

    with sv.db.read() as s:
        overrides = queries.calendar_overrides(s, tid)
    from scheduler.workdays import WorkCalendar

    cal = sv.calendar_for(tid)
    corrections = sum(1 for d in overrides if d.year == year)
    state = coverage(WorkCalendar(sv.settings.aebot_country).has_official_data(year), corrections)
    described = {
        "official": "the government's announced calendar",
        "corrected": f"the library's guess with {corrections} corrections entered here",
        "guessed": "NO official data yet: the library's guess, without make-up working days",
    }[state]
    click.echo(f"{year} ({sv.settings.aebot_country}): {described}")
    for d in special_days(cal, year, overrides):
        kind = "working" if d.working else "off    "
        click.echo(
            f"  {d.day:%Y-%m-%d %a}  {kind}  {d.name or ''}{'  [correction]' if d.source == 'override' else ''}"
        )


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
    sv, tid = _services(team)
    missing = uncovered_years(sv.calendar_for(tid), on or sv.today())
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


@click.group()
def dates() -> None:
    """How aebot reads typed dates."""


@dates.command("parse")
@click.argument("text")
@click.option("--now", "now", default=None, help="Read it as if now were this ISO-8601 time.")
@click.option(
    "--lang", "lang", type=click.Choice(["zh", "en"]), default=None, help="The reader's language."
)
def dates_parse(text: str, now: str | None, lang: str | None) -> None:
    """Print how aebot reads TEXT: the ISO-8601 result, or the refusal (exit 1)."""
    from bot import cli
    from bot.dates import DateRefusal, parse_when

    settings = cli._settings()
    moment = cli._parse_at(now, settings)
    result = parse_when(text, moment, settings.aebot_tz, lang or settings.aebot_lang)
    if isinstance(result, DateRefusal):
        click.echo(result.message)
        sys.exit(1)
    click.echo(
        result.at.isoformat(timespec="minutes") + ("" if result.has_time else "  (date only)")
    )
