"""Schema migrations: `aebot db upgrade`, also run by `aebot run` at start.

Several processes may start at once on one database (a deploy of several instances, a restart
loop): they take turns. On PostgreSQL the first takes an advisory lock and migrates; the others
wait for it, then find nothing left to do. On SQLite the whole upgrade is one transaction that
starts with `BEGIN IMMEDIATE`, which does the same with the database's own write lock.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from storage.engines import make_engine

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x6165626F74  # "aebot": the advisory lock's key, the same in every process


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at `url` to `revision` (default: the newest), one process at a time."""
    cfg = alembic_config(url)
    engine = make_engine(url, statement_timeout_ms=None)  # waiting for another's turn is fine
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            if sqlite:  # one transaction for every step: Alembic would commit after each one
                # (SQLite's DDL counts as not transactional to it), and another process waiting
                # for the lock could take its turn between two steps and run the next one first
                conn = conn.execution_options(sqlite_immediate=True)
                conn.begin()
            else:
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
                conn.commit()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            if not sqlite:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK})
                conn.commit()
    finally:
        engine.dispose()
