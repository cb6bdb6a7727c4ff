"""`aebot export contacts|jobs|clients|approvals|overtime`: the data the agency owns, for an
audit, a CRM or its own reports, as .xlsx or CSV, people and clients by name, streamed a row at
a time (storage/exports.py reads, bot/sheets.py writes): a year of contacts in seconds and flat
memory."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click

from bot.cli.common import TEAM_OPTION, settings
from bot.cli.workspaces import migrated, team_id
from bot.rules.jobs import DEPARTMENT_NAMES_ZH
from bot.sheets import Cell, stream_sheet
from bot.slack.texts import t
from storage.db import Database
from storage.exports import EXPORTS, Row

WIDE = {"summary": 60, "next_steps": 40, "brief": 60, "title": 40, "reason": 40}
NAMED = {"kind": "kind.", "request_kind": "approval.kind."}  # codes shown by their name
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run, in a CSV


@click.command("export")
@click.argument("what", type=click.Choice(sorted(EXPORTS)))
@click.option("--from", "first", default=None, help="First day, YYYY-MM-DD (workspace zone).")
@click.option("--to", "last", default=None, help="Last day, YYYY-MM-DD, included.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="FILE.xlsx or FILE.csv (default: CSV on standard output).",
)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Headers' language.")
@TEAM_OPTION
def export(
    what: str,
    first: str | None,
    last: str | None,
    out: Path | None,
    lang: str | None,
    team: str | None,
) -> None:
    """Write WHAT (contacts, jobs, clients, approvals or overtime) from --from to --to."""
    s = settings()
    start, end = _day(first, "--from", s.tz), _day(last, "--to", s.tz)
    if end is not None:
        end += timedelta(days=1)  # --to is included
    if start is not None and end is not None and end <= start:
        raise click.BadParameter("must not be before --from", param_hint="--to")
    if out is not None and out.suffix.lower() not in (".xlsx", ".csv"):
        raise click.BadParameter(f"{out.name!r} must end in .xlsx or .csv", param_hint="--out")
    tid = team_id(team, s)
    migrated(s)
    words = Words(lang or s.aebot_lang, s.tz)
    kind = EXPORTS[what]
    database = Database(s.database_url)
    try:
        with database.read() as session:
            rows = (words.row(kind.columns, r) for r in kind.rows(session, tid, start, end))
            headers = [t(words.lang, f"export.col.{c}") for c in kind.columns]
            n = _write(out, t(words.lang, f"export.sheet.{what}"), headers, rows, kind.columns)
    finally:
        database.dispose()
    click.echo(f"{what}: {n:,} rows → {out or 'standard output'}", err=True)


def _day(text: str | None, option: str, tz: ZoneInfo) -> datetime | None:
    """The start of the day typed (YYYY-MM-DD) in the workspace's zone."""
    if text is None:
        return None
    try:
        return datetime.combine(date.fromisoformat(text), time(0), tzinfo=tz)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a day like 2026-11-23", param_hint=option
        ) from None


class Words:
    """Cells as the reader reads them: times in the workspace's zone, kinds by name, yes/no."""

    def __init__(self, lang: str, tz: ZoneInfo) -> None:
        self.lang, self.tz = lang, tz
        self.yes, self.no = t(lang, "export.yes"), t(lang, "export.no")

    def row(self, columns: tuple[str, ...], row: Row) -> list[Cell]:
        return [self.cell(c, v) for c, v in zip(columns, row, strict=True)]

    def cell(self, column: str, value: Any) -> Cell:
        if isinstance(value, bool):
            return self.yes if value else self.no
        if isinstance(value, datetime):
            return value.astimezone(self.tz).replace(tzinfo=None)
        if isinstance(value, Decimal):
            return float(value)
        if column in NAMED and value:
            return t(self.lang, f"{NAMED[column]}{value}")
        if column == "department" and self.lang == "zh":
            return DEPARTMENT_NAMES_ZH.get(value, value)
        return value  # type: ignore[no-any-return]


def _write(
    out: Path | None,
    title: str,
    headers: list[str],
    rows: Iterable[list[Cell]],
    columns: tuple[str, ...],
) -> int:
    if out is not None and out.suffix.lower() == ".xlsx":
        widths = [
            WIDE.get(c, max(12, len(h) * 2 + 2)) for c, h in zip(columns, headers, strict=True)
        ]
        return stream_sheet(str(out), title, headers, rows, widths)
    if out is None:
        return _csv(sys.stdout, headers, rows)
    with out.open("w", encoding="utf-8-sig", newline="") as f:  # the BOM: Excel reads UTF-8
        return _csv(f, headers, rows)


def _csv(f: io.TextIOBase | Any, headers: list[str], rows: Iterable[list[Cell]]) -> int:
    writer = csv.writer(f)
    writer.writerow(headers)
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        n += 1
    return n


def _csv_cell(value: Cell) -> str | int | float:
    """A CSV value: times as 2026-11-23 10:00; text that a spreadsheet would run as a formula
    (=, +, -, @) starts with an apostrophe, so that it shows as typed."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
