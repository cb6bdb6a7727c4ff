"""`aebot dates parse TEXT`: how aebot reads a typed date."""

from __future__ import annotations

import sys

import click

from bot.cli.common import parse_at, settings
from bot.dates import DateRefusal, parse_when


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
    result = parse_when(text, parse_at(now, s), s.aebot_tz, lang or s.aebot_lang)
    if isinstance(result, DateRefusal):
        click.echo(result.message)
        sys.exit(1)
    click.echo(
        result.at.isoformat(timespec="minutes") + ("" if result.has_time else "  (date only)")
    )
