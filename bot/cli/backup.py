"""`aebot backup FILE` and `aebot restore FILE`: the database copied while the bot runs, and
put back into an empty database (storage/backup.py)."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import settings
from storage.backup import BackupError, backup, restore

FILE = click.argument("file", type=click.Path(dir_okay=False, path_type=Path))


@click.command("backup")
@FILE
def backup_command(file: Path) -> None:
    """Copy the SQLite database to FILE (a new file), safely while aebot runs. For PostgreSQL
    it prints the pg_dump line to run instead (exit 1)."""
    s = settings()
    try:
        size = backup(s.database_url, file)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"backed up to {file} ({size / 1_048_576:.1f} MB)")


@click.command("restore")
@FILE
def restore_command(file: Path) -> None:
    """Copy the backup FILE (made by `aebot backup`) into the empty database at DATABASE_URL
    (SQLite or PostgreSQL); a database with any data in it is refused."""
    s = settings()
    try:
        done = restore(file, s.database_url)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    total = sum(done.rows.values())
    tables = sum(1 for n in done.rows.values() if n)
    click.echo(f"restored {total} rows in {tables} tables from {file}")
