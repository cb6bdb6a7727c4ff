"""Releases and upgrades: one version named in one place, a CHANGELOG entry for it naming its
last migration, and a database made by the previous release's migrations, with data in it,
upgraded to this one's (README "Upgrading"), on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlmodel import select

from bot import __version__
from bot.app import create_app
from bot.cli import main
from bot.clock import FixedClock
from bot.server import BackgroundServer
from sandbox.driver import SlackDriver
from sandbox.fake_slack import FakeSlack
from storage.approvals import signers_of
from storage.migrate import alembic_config, upgrade
from storage.models import Approval, Client, ContactLog, Job, Member, Receivable, TeamSetting
from tests.conftest import PG_URL, ROOT, SECRET, SH, TEAM, make_bot, pg_reachable, wait_until

RELEASE = re.compile(r"^## (\d+\.\d+\.\d+) — .*?\n\nMigrations up to \*\*(\d{4})\*\*", re.M | re.S)


def releases() -> list[tuple[str, str]]:
    """(version, its last migration) of each CHANGELOG entry, newest first."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return [(m[1], m[2]) for m in RELEASE.finditer(text)]


def head() -> str:
    return str(ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head())


def test_the_release_is_named_once_and_the_changelog_says_what_it_migrates() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "bot.__version__"}
    r = CliRunner().invoke(main, ["--version"])
    assert r.exit_code == 0 and r.output == f"aebot {__version__}\n"
    (newest, its_head), (previous, _) = releases()[:2]
    assert newest == __version__  # a new version gets its entry; a new migration is named there
    assert its_head == head()
    assert previous != newest


@pytest.fixture(params=["sqlite", "postgresql"])
def old_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of its own, not migrated."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    if not pg_reachable():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    schema = f"aebot_upgrade_{os.getpid()}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as c:
        c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with admin.begin() as c:
        c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    admin.dispose()


AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # Friday 10:00 in Shanghai
DUMMY = {str: "", int: 0, bool: False, datetime: AT, date: date(2026, 11, 20)}


def insert(conn: sa.Connection, tables: sa.MetaData, name: str, /, **given: Any) -> int:
    """A row as the previous release stored it: what is given, and something plain in every
    other column that may not be empty; its id."""
    table = tables.tables[name]
    row = dict(given)
    for column in table.columns:
        if column.name in row or column.nullable or column.primary_key:
            continue
        if column.server_default is None:
            row[column.name] = DUMMY[column.type.python_type]
    return int(conn.execute(table.insert().values(row)).inserted_primary_key[0])


def previous_release_data(url: str) -> None:
    """What a department had stored under the previous release: its team, a client, a contact,
    a job waiting for its approval, a receivable, a setting."""
    engine = sa.create_engine(url)
    tables = sa.MetaData()
    with engine.begin() as conn:
        tables.reflect(conn)
        assert "last_contact_at" not in tables.tables["client"].columns  # the previous schema
        for uid, name, role, manager in (
            ("U0AM1", "钱经理", "am", None),
            ("U0AE1", "孙小明", "ae", "U0AM1"),
        ):
            insert(
                conn,
                tables,
                "member",
                team_id=TEAM,
                user_id=uid,
                name=name,
                role=role,
                manager_id=manager,
                language="zh",
                created_at=AT,
                updated_at=AT,
            )
        client = insert(
            conn,
            tables,
            "client",
            team_id=TEAM,
            code="北京-202611-耐克-001",
            code_year=2026,
            serial=1,
            name="耐克",
            city="北京",
            in_city=False,
            owner_id="U0AE1",
            cadence_days=3,
            funnel_stage="proposal",
        )
        insert(  # a client lost in the funnel, ended (0016), never contacted
            conn,
            tables,
            "client",
            team_id=TEAM,
            code="上海-202611-宝洁-002",
            code_year=2026,
            serial=2,
            name="宝洁",
            city="上海",
            owner_id="U0AE1",
            funnel_stage="lost",
            status="ended",
        )
        insert(
            conn,
            tables,
            "contactlog",
            team_id=TEAM,
            client_id=client,
            author_id="U0AE1",
            kind="meeting",
            at=AT,
            summary="春季新品发布会方案讨论",
            report_due=True,
        )
        job = insert(
            conn,
            tables,
            "job",
            team_id=TEAM,
            number="CR-202611-01",
            department="creative",
            month=202611,
            seq=1,
            client_id=client,
            project="春季KV",
            job_type="平面",
            brief="目标：春季新品上市造势",
            deadline=AT,
            internal_deadline=AT,
            owner_id="U0AE1",
            issued_by="U0AE1",
            status="pending",
        )
        approval = insert(
            conn,
            tables,
            "approval",
            team_id=TEAM,
            kind="job",
            subject="job",
            subject_id=job,
            title="CR-202611-01 耐克 春季KV",
            fields="[]",
            client_id=client,
            requester_id="U0AE1",
            approver_id="U0AM1",
            status="pending",
            routed_at=AT,
            created_at=AT,
            updated_at=AT,
        )
        conn.execute(tables.tables["job"].update().values(approval_id=approval))
        insert(
            conn,
            tables,
            "approvalevent",
            team_id=TEAM,
            approval_id=approval,
            at=AT,
            actor="U0AE1",
            action="filed",
            via="modal",
        )
        insert(
            conn,
            tables,
            "receivable",
            team_id=TEAM,
            client_id=client,
            amount="120000.00",
            due=date(2026, 5, 31),
            added_by="U0AM1",
        )
        insert(conn, tables, "teamsetting", team_id=TEAM, key="contact_nudge_at", value="10:00")
    engine.dispose()


def test_a_database_of_the_previous_release_upgrades_with_its_data(
    old_db: str, fake: FakeSlack
) -> None:
    _, previous = releases()[1]
    upgrade(old_db, previous)
    previous_release_data(old_db)
    upgrade(old_db)  # what `aebot db upgrade` does
    bot = make_bot(fake, old_db, FixedClock(datetime(2026, 11, 23, 10, tzinfo=SH)))
    try:
        with bot.db.read() as s:
            assert [
                (m.user_id, m.name, m.manager_id, m.department) for m in s.exec(select(Member))
            ] == [("U0AM1", "钱经理", None, None), ("U0AE1", "孙小明", "U0AM1", None)]
            client, lost = s.exec(select(Client).order_by(Client.serial)).all()
            assert (client.code, client.funnel_stage) == ("北京-202611-耐克-001", "proposal")
            assert (client.status, client.status_since, client.status_note) == ("active", None, "")
            assert (lost.name, lost.status) == ("宝洁", "ended")
            # each client's latest contact, read from its contacts by the upgrade (0017)
            assert (client.last_contact_at, lost.last_contact_at) == (AT, None)
            [contact] = s.exec(select(ContactLog)).all()
            assert contact.summary == "春季新品发布会方案讨论" and contact.at == AT
            assert client.language == "zh" and contact.important is False  # 0013's defaults
            [owed] = s.exec(select(Receivable)).all()
            assert (owed.amount, owed.closed_by, owed.board_decided_on) == ("120000.00", None, None)
            assert [(x.key, x.value) for x in s.exec(select(TeamSetting))] == [
                ("contact_nudge_at", "10:00")
            ]
            [approval] = s.exec(select(Approval)).all()
            assert signers_of(approval) == ["U0AM1"] and approval.step == 0
        # the request filed before the upgrade is decided after it, with one click
        server = BackgroundServer(create_app(bot), bot.db).start()
        fake.reset()
        try:
            slack = SlackDriver(server.url, SECRET, fake)
            r = slack.click("approval_approve", str(approval.id), user="U0AM1")
            assert r.status_code == 200
            assert wait_until(lambda: fake.dms("U0AE1"))
        finally:
            server.stop()
        with bot.db.read() as s:
            assert s.get(Approval, approval.id).status == "approved"  # type: ignore[union-attr]
            job = s.exec(select(Job).where(Job.number == "CR-202611-01")).one()
            assert job.status == "open"
        assert "CR-202611-01" in str(fake.dms("U0AE1"))
    finally:
        bot.close()
