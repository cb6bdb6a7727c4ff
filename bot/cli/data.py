"""`aebot db upgrade`, `aebot team import` and `aebot clients import`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from bot.cli.common import settings
from bot.cli.parts import migrated, team_id
from bot.clock import Clock
from storage.db import Database
from storage.imports import (
    CLIENT_HEADER,
    TEAM_HEADER,
    ImportResult,
    import_clients,
    import_team,
    read_csv,
)

TEAM_ID = click.option(
    "--team", "team", default=None, help="Slack team id (default: asked from Slack)."
)
CSV_FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))


@click.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations up to the newest."""
    migrated(settings())
    click.echo("database is up to date")


@click.group()
def team() -> None:
    """The department's members."""


@team.command("import")
@CSV_FILE
@TEAM_ID
def team_import(file: Path, team: str | None) -> None:
    """Load members from a CSV: user_id,name,role,manager_id,language."""
    _run_import(file, team, TEAM_HEADER, import_team, "members", local=False)


@click.group()
def clients() -> None:
    """Client records."""


@clients.command("import")
@CSV_FILE
@TEAM_ID
def clients_import(file: Path, team: str | None) -> None:
    """Load clients from a CSV: name,city,in_city,owner_id,contact_person,cadence_days."""
    _run_import(file, team, CLIENT_HEADER, import_clients, "clients", local=True)


def _run_import(
    file: Path,
    team: str | None,
    header: list[str],
    load: Callable[..., ImportResult],
    what: str,
    local: bool,
) -> None:
    s = settings()
    try:
        rows = read_csv(file, header)
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.ClickException(str(exc)) from None
    tid = team_id(team, s)
    migrated(s)
    database = Database(s.database_url)
    now = Clock().now()
    with database.write() as session:
        res = load(session, tid, rows, now.astimezone(s.tz) if local else now)
    database.dispose()
    click.echo(f"{what}: {res.created} added, {res.updated} updated, {len(res.errors)} skipped")
    for e in res.errors:
        click.echo(f"  skipped {e}", err=True)
    if res.errors:
        sys.exit(1)
