"""Backups and restores of the database.

A backup of SQLite uses its online backup API: a consistent copy of the database as one
transaction saw it, the write-ahead log included, taken while the bot keeps writing (WAL mode:
the backup reads, writers go on). PostgreSQL has its own tool for that, `pg_dump`; the line to
run is `pg_dump_line`.

A restore goes into an empty database only (a new SQLite file, or a new PostgreSQL database):
it never merges with or overwrites what is there. The backup is first brought to this
release's migrations (a copy of it is upgraded; the file itself is never changed), then copied
table by table, parents before children, in batches, in one transaction: all or nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (every table registered on SQLModel.metadata)
from storage.db import Database
from storage.migrate import upgrade

BATCH = 2000  # rows per insert: a year of contacts in a few hundred statements
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"
PG_PLAIN_MARK = b"PostgreSQL database dump"


class BackupError(Exception):
    """Why a backup or a restore cannot be made; one line for the operator."""


@dataclass(frozen=True)
class Restored:
    rows: dict[str, int]  # table: rows copied, parents first


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL, or SQLite in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def backup(url: str, dest: Path) -> int:
    """Copy the SQLite database at `url` to `dest` (a new file) with the online backup API;
    its size in bytes. Safe while the bot runs: the copy is one consistent moment of it."""
    source = sqlite_path(url)
    if source is None:
        raise BackupError(
            f"aebot backup copies SQLite; for PostgreSQL run: {pg_dump_line(url, dest)}"
        )
    if not source.exists():
        raise BackupError(f"there is no database at {source} to back up")
    if dest.exists():
        raise BackupError(f"{dest} exists already; name a new file (backups are never overwritten)")
    partial = dest.with_name(f".{dest.name}.partial")
    src = sqlite3.connect(f"file:{source}?mode=rw", uri=True, timeout=15)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # all pages in one step: one consistent snapshot, writers unhindered
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"the copy of {source} did not pass SQLite's integrity check")
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    partial.rename(dest)  # the name appears only once the copy is whole
    return dest.stat().st_size


def pg_dump_line(url: str, dest: Path | str = "aebot-YYYYMMDD.dump") -> str:
    """The pg_dump command that backs up the PostgreSQL database at `url` (its password is
    not printed: pg_dump asks, or reads PGPASSWORD or ~/.pgpass)."""
    return f'pg_dump --format=custom --no-owner --file={dest} "{_libpq(url)}"'


def pg_restore_line(url: str, source: Path | str) -> str:
    """The pg_restore command that puts a pg_dump file into the (empty) database at `url`."""
    return f'pg_restore --no-owner --exit-on-error --dbname="{_libpq(url)}" {source}'


def _libpq(url: str) -> str:
    """`url` as PostgreSQL's own tools take it, without its password."""
    u = make_url(url)
    plain = URL.create("postgresql", u.username, None, u.host, u.port, u.database)
    return plain.render_as_string(hide_password=False)


def restore(source: Path, url: str) -> Restored:
    """Copy the SQLite backup `source` into the empty database at `url` (SQLite or
    PostgreSQL), both first brought to this release's migrations."""
    _check_is_sqlite(source, url)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "backup.db"
        shutil.copyfile(source, copy)
        try:
            upgrade(f"sqlite:///{copy}")
        except Exception as exc:
            raise BackupError(
                f"{source.name} cannot be brought to this release's migrations "
                f"({type(exc).__name__}: {str(exc).splitlines()[0][:160]}); a backup from a newer "
                "release needs that release installed"
            ) from None
        upgrade(url)
        target = Database(url)
        try:
            _check_empty(target)
            reader = sa.create_engine(f"sqlite:///{copy}")
            try:
                return Restored(_copy_rows(reader, target))
            finally:
                reader.dispose()
        finally:
            target.dispose()


def _check_is_sqlite(source: Path, url: str) -> None:
    if not source.is_file():
        raise BackupError(f"there is no file {source}")
    with source.open("rb") as f:
        head = f.read(64)
    if head.startswith(SQLITE_MAGIC):
        return
    if head.startswith(PG_CUSTOM_MAGIC) or PG_PLAIN_MARK in head:
        line = pg_restore_line(url, source)
        raise BackupError(f"{source.name} is a pg_dump file; restore it with: {line}")
    raise BackupError(f"{source.name} is not an aebot backup (neither SQLite nor pg_dump)")


def _check_empty(target: Database) -> None:
    """Refuse a database that holds any row: a restore never mixes two departments' data."""
    with target.engine.connect() as conn:
        counts = {
            t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
            for t in SQLModel.metadata.sorted_tables
        }
    held = {name: n for name, n in counts.items() if n}
    if held:
        listed = ", ".join(f"{name} {n}" for name, n in sorted(held.items()))
        raise BackupError(
            f"the database at DATABASE_URL is not empty ({listed} rows): restore into an empty "
            "one (a new SQLite file, or a new PostgreSQL database) and point DATABASE_URL at it"
        )


def _copy_rows(reader: sa.Engine, target: Database) -> dict[str, int]:
    """Every table's rows, parents before children and each table in id order (a revision
    after the job it revises), in one transaction of the target."""
    rows: dict[str, int] = {}
    with reader.connect() as src, target.write_rows() as dst:
        for table in SQLModel.metadata.sorted_tables:
            order = list(table.primary_key.columns)
            result = src.execution_options(yield_per=BATCH).execute(table.select().order_by(*order))
            n = 0
            for batch in result.mappings().partitions(BATCH):
                dst.execute(table.insert(), [dict(r) for r in batch])
                n += len(batch)
            rows[table.name] = n
        if dst.dialect.name == "postgresql":
            _advance_sequences(dst)
    return rows


def _advance_sequences(conn: sa.Connection) -> None:
    """PostgreSQL: the ids restored are taken; each table's next id follows its largest."""
    quote = conn.dialect.identifier_preparer.quote
    for table in SQLModel.metadata.sorted_tables:
        if "id" not in table.primary_key.columns:
            continue
        name = quote(table.name)
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence(:t, 'id'), COALESCE(MAX(id), 1), "
                f"MAX(id) IS NOT NULL) FROM {name}"
            ),
            {"t": name},
        )
