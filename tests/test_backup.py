"""`aebot backup` and `aebot restore`: a copy taken while the bot writes, put back into an
empty database (SQLite, or PostgreSQL: the way from one to the other), rows and ids intact;
a database with data refused; PostgreSQL's own dump named with the line to run."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlmodel import SQLModel, select

from bot.app import Bot
from bot.cli import main
from bot.clock import FixedClock
from sandbox.fake_slack import FakeSlack
from storage import outbox
from storage.backup import pg_dump_line
from storage.models import CalendarDay, Client, ContactLog, Member, TeamSetting
from tests.conftest import MONDAY_10, TEAM, make_bot, seed, wait_until

CONTACTS = 300


def contacts(bot: Bot, n: int, start: int = 0) -> None:
    with bot.db.read() as s:
        client_id = s.exec(select(Client.id)).first()
    with bot.db.write() as s:
        for i in range(start, start + n):
            at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=i)
            s.add(
                ContactLog(
                    team_id=TEAM,
                    client_id=client_id,
                    author_id="U0AE1",
                    kind="call",
                    at=at,
                    summary=f"=第{i}次电话，确认方案",
                )
            )


@pytest.fixture
def source(fake: FakeSlack, tmp_path: Path, template_db: Path) -> Bot:
    """A department's SQLite database with a little of everything in it."""
    path = tmp_path / "source.db"
    shutil.copy(template_db, path)
    bot = make_bot(fake, f"sqlite:///{path}", FixedClock(MONDAY_10))
    seed(bot)
    contacts(bot, CONTACTS)
    with bot.db.write() as s:
        s.add(TeamSetting(team_id=TEAM, key="contact_nudge_at", value="10:00"))
        s.add(CalendarDay(team_id=TEAM, day=datetime(2027, 2, 6).date(), working=True))
        message = outbox.Message(TEAM, "k:1", "note", "U0AE1", "你好", [])
        outbox.enqueue(s, [message], MONDAY_10, MONDAY_10)
    return bot


def rows(url: str) -> dict[str, list[dict]]:
    """Every table's rows, in id order, as the models read them."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        out = {
            t.name: [dict(r) for r in conn.execute(t.select().order_by(*t.primary_key)).mappings()]
            for t in SQLModel.metadata.sorted_tables
        }
    engine.dispose()
    return out


def test_a_backup_taken_while_the_bot_writes_restores_into_an_empty_database(
    source: Bot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", source.settings.database_url)
    runner = CliRunner()
    stop, written = threading.Event(), [CONTACTS]

    def keep_writing() -> None:  # the bot at work meanwhile, in the same process as a worker
        while not stop.is_set():
            contacts(source, 5, written[0])
            written[0] += 5

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        assert wait_until(lambda: written[0] >= CONTACTS + 100)  # in the WAL, not yet checkpointed
        r = runner.invoke(main, ["backup", "nightly.db"])
    finally:
        stop.set()
        writer.join()
    assert r.exit_code == 0, r.output
    assert r.output.startswith("backed up to nightly.db (") and r.output.endswith(" MB)\n")
    copy = sqlite3.connect(tmp_path / "nightly.db")
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal
    saved = copy.execute("SELECT count(*) FROM contactlog").fetchone()[0]
    stamps = copy.execute("SELECT count(*) FROM cachestamp").fetchone()[0]  # what each wrote
    copy.close()
    assert CONTACTS + 100 <= saved <= written[0] and saved % 5 == 0  # whole transactions only
    assert not (tmp_path / "nightly.db-wal").exists()
    source.close()
    r = runner.invoke(main, ["backup", "nightly.db"])
    assert r.exit_code == 1 and "nightly.db exists already" in r.output

    monkeypatch.setenv("DATABASE_URL", db_url)
    r = runner.invoke(main, ["restore", "nightly.db"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"restored {saved + 5 + 3 + 3 + stamps} rows in ")
    backed_up = rows(f"sqlite:///{tmp_path / 'nightly.db'}")
    restored = rows(db_url)
    assert restored == backed_up
    assert restored["contactlog"][0]["summary"] == "=第0次电话，确认方案"
    # new rows take new ids (PostgreSQL's sequences follow the restored ones)
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        new_id = conn.execute(
            sa.insert(Member.__table__)
            .values(  # type: ignore[attr-defined]
                team_id=TEAM,
                user_id="U0NEW",
                name="New",
                role="ae",
                created_at=MONDAY_10,
                updated_at=MONDAY_10,
            )
            .returning(Member.__table__.c.id)  # type: ignore[attr-defined]
        ).scalar_one()
    engine.dispose()
    assert new_id == max(m["id"] for m in restored["member"]) + 1
    # never into a database with data in it
    r = runner.invoke(main, ["restore", "nightly.db"])
    assert r.exit_code == 1 and "the database at DATABASE_URL is not empty (" in r.output
    assert "contactlog " in r.output and "restore into an empty one" in r.output
    assert len(rows(db_url)["member"]) == len(restored["member"]) + 1  # nothing was added


def test_postgresql_is_backed_up_with_pg_dump_and_its_dump_is_not_restored_by_aebot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = "postgresql+psycopg://aebot:s3cret@db.internal:5432/aebot"
    monkeypatch.setenv("DATABASE_URL", url)
    runner = CliRunner()
    r = runner.invoke(main, ["backup", "nightly.dump"])
    assert r.exit_code == 1
    assert r.output.strip() == (
        "Error: aebot backup copies SQLite; for PostgreSQL run: pg_dump --format=custom "
        '--no-owner --file=nightly.dump "postgresql://aebot@db.internal:5432/aebot"'
    )
    assert "s3cret" not in r.output
    (tmp_path / "nightly.dump").write_bytes(b"PGDMP\x01\x0e\x00" + bytes(100))
    r = runner.invoke(main, ["restore", "nightly.dump"])
    assert r.exit_code == 1 and r.output.strip() == (
        "Error: nightly.dump is a pg_dump file; restore it with: pg_restore --no-owner "
        '--exit-on-error --dbname="postgresql://aebot@db.internal:5432/aebot" nightly.dump'
    )
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    r = runner.invoke(main, ["restore", "notes.txt"])
    assert r.exit_code == 1 and "notes.txt is not an aebot backup" in r.output


def test_the_documented_pg_dump_line_dumps_the_database(db_url: str, tmp_path: Path) -> None:
    """The line `aebot backup` prints runs as printed (here limited to the test's schema)."""
    if not db_url.startswith("postgresql") or shutil.which("pg_dump") is None:
        pytest.skip("needs PostgreSQL and pg_dump")
    schema = db_url.rsplit("%3D", 1)[1]
    line = pg_dump_line(db_url, tmp_path / "x.dump")
    done = subprocess.run(
        f"{line} --schema={schema}", shell=True, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        ["pg_restore", "--list", str(tmp_path / "x.dump")], capture_output=True, text=True
    )
    assert "TABLE public" not in listed.stdout and f"TABLE {schema} contactlog" in listed.stdout
