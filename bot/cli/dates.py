"""`aebot dates parse|range|find TEXT`: how aebot reads a typed date, a range, and the dates a
sentence mentions."""

from __future__ import annotations

import sys

import click

from bot.cli.common import parse_at, settings
from bot.dates import DateRange, DateRefusal, find_dates, parse_range, parse_when


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
    s = settings()
    result = parse_when(text, parse_at(now, s, "--now"), s.aebot_tz, lang or s.aebot_lang)
    if isinstance(result, DateRefusal):
        click.echo(result.message)
        sys.exit(1)
    click.echo(
        result.at.isoformat(timespec="minutes") + ("" if result.has_time else "  (date only)")
    )


@dates.command("range")
@click.argument("text")
@click.option("--now", "now", default=None, help="Read it as if now were this ISO-8601 time.")
@click.option(
    "--lang", "lang", type=click.Choice(["zh", "en"]), default=None, help="The reader's language."
)
def dates_range(text: str, now: str | None, lang: str | None) -> None:
    """Print how aebot reads a range: `START END` in ISO-8601 (dates alone as dates), or the
    refusal (exit 1)."""
    s = settings()
    result = parse_range(text, parse_at(now, s, "--now"), s.aebot_tz, lang or s.aebot_lang)
    if isinstance(result, DateRefusal):
        click.echo(result.message)
        sys.exit(1)
    if isinstance(result, DateRange):
        click.echo(f"{result.start.isoformat()} {result.end.isoformat()}")
    else:
        start, end = (x.isoformat(timespec="minutes") for x in (result.start, result.end))
        click.echo(f"{start} {end}")


@dates.command("find")
@click.argument("text")
@click.option("--now", "now", default=None, help="Read it as if written at this ISO-8601 time.")
@click.option(
    "--lang", "lang", type=click.Choice(["zh", "en"]), default=None, help="The reader's language."
)
def dates_find(text: str, now: str | None, lang: str | None) -> None:
    """Print each date TEXT mentions, earliest position first, as `ISO<TAB>words` (a date
    without a time as a date); nothing and exit 1 when there is none."""
    s = settings()
    found = find_dates(text, parse_at(now, s, "--now"), s.aebot_tz, lang or s.aebot_lang)
    if not found:
        sys.exit(1)
    for f in found:
        when = f.at.isoformat(timespec="minutes") if f.has_time else f.at.date().isoformat()
        click.echo(f"{when}\t{f.words}")
