"""Fixtures: a fake Slack on loopback, a migrated database (SQLite, and PostgreSQL when one
answers), and aebot served over HTTP.

Every test that stores or reads rows runs twice, once per database, through `db_url`.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from bot.app import Bot, create_app
from bot.clock import FixedClock
from bot.rules.approvals import Route
from bot.server import BackgroundServer
from bot.settings import load_settings
from forms.engine import Filed
from sandbox.driver import TEAM, SlackDriver
from sandbox.fake_slack import FakeSlack
from sandbox.scopes import manifest_scopes
from scheduler.run import TaskDeps
from storage.approvals import Filing
from storage.db import Database
from storage.imports import import_clients, import_team
from storage.migrate import upgrade
from storage.models import Approval, OutboxMessage

ROOT = Path(__file__).parent.parent
SH = ZoneInfo("Asia/Shanghai")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=SH)
SECRET = "test-signing-secret"
ADMIN = "U0ADMIN"
PG_URL = os.environ.get("AEBOT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

TEAM_ROWS = [
    {"user_id": "U0AD1", "name": "Zhao AD", "role": "ad", "manager_id": "", "language": "zh"},
    {"user_id": "U0AM1", "name": "Qian AM", "role": "am", "manager_id": "U0AD1", "language": "zh"},
    {"user_id": "U0AE1", "name": "Sun AE", "role": "ae", "manager_id": "U0AM1", "language": "zh"},
    {"user_id": "U0AE2", "name": "Li AE", "role": "ae", "manager_id": "U0AM1", "language": "en"},
    {"user_id": "U0AAE", "name": "Zhou AAE", "role": "aae", "manager_id": "U0AE1", "language": ""},
]
CLIENT_ROWS = [
    {
        "name": "可口可乐",
        "city": "上海",
        "in_city": "true",
        "owner_id": "U0AE1",
        "contact_person": "王经理",
        "cadence_days": "",
    },
    {
        "name": "Nike",
        "city": "Beijing",
        "in_city": "false",
        "owner_id": "U0AE1",
        "contact_person": "Ms Wu",
        "cadence_days": "",
    },
    {
        "name": "Coca Cola Bottling",
        "city": "Shanghai",
        "in_city": "true",
        "owner_id": "U0AE2",
        "contact_person": "Mr Ho",
        "cadence_days": "",
    },
]


def wait_until(check: Callable[[], object], timeout: float = 5.0) -> bool:
    """For what a background thread does: poll, briefly, until `check()` holds (False at the
    deadline, never a hang)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


def pg_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
            pass
        sa.create_engine(PG_URL).connect().close()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "aebot.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[str | None]:
    """A schema of this test run, migrated once; None when PostgreSQL does not answer."""
    if not pg_reachable():
        yield None
        return
    schema = f"aebot_test_{os.getpid()}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as c:
        c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    upgrade(f"{PG_URL}?options=-csearch_path%3D{schema}")
    yield schema
    with admin.begin() as c:
        c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, template_db: Path, pg_schema: str | None
) -> str:
    """An empty, migrated database: a copy of the SQLite template, or the run's PostgreSQL
    schema with every table emptied."""
    if request.param == "sqlite":
        path = tmp_path / "aebot.db"
        shutil.copy(template_db, path)
        return f"sqlite:///{path}"
    if pg_schema is None:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    url = f"{PG_URL}?options=-csearch_path%3D{pg_schema}"
    engine = sa.create_engine(url)
    with engine.begin() as c:
        tables = [
            t
            for (t,) in c.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'alembic_version'"
            )
        ]
        c.exec_driver_sql(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    engine.dispose()
    return url


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The `aebot` command on a fresh SQLite file of its own, no stray settings or .env; the
    file's path."""
    db = tmp_path / "cli.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("AEBOT_TZ", "Asia/Shanghai")
    for k in ("AEBOT_LANG", "AEBOT_COUNTRY", "SLACK_BOT_TOKEN"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.chdir(tmp_path)
    return db


@pytest.fixture(scope="session")
def fake() -> Iterator[FakeSlack]:
    """Granting only the scopes manifest.yml asks for, as real Slack would."""
    with FakeSlack(team_id=TEAM, scopes=manifest_scopes(ROOT / "manifest.yml")) as f:
        yield f


@dataclass
class World:
    bot: Bot
    clock: FixedClock
    slack: SlackDriver
    fake: FakeSlack

    @property
    def tasks(self) -> TaskDeps:
        return self.bot.tasks()


def outbox_settled(w: World) -> bool:
    """Nothing in the outbox is pending or being sent: every message decided so far is out
    (a drain on the worker may deliver a task's messages a moment after the task returns)."""
    with w.bot.db.read() as s:
        q = select(OutboxMessage).where(col(OutboxMessage.status).in_(("pending", "sending")))
        return s.exec(q).first() is None


def settled(w: World) -> bool:
    """Nothing handed to the after-ack worker is waiting or running, and the outbox is settled:
    whatever the requests so far set going has reached the fake Slack."""
    return w.bot.worker.idle() and outbox_settled(w)


def make_bot(fake: FakeSlack, url: str, clock: FixedClock) -> Bot:
    settings = load_settings(
        slack_bot_token=fake.token,
        slack_signing_secret=SECRET,
        slack_api_url=fake.url,
        database_url=url,
        aebot_admins=ADMIN,
        _env_file=None,
    )
    return Bot.build(settings, clock)


def seed(bot: Bot, at: datetime = datetime(2026, 11, 2, 9, 0, tzinfo=SH)) -> None:
    with bot.db.write() as s:
        import_team(s, TEAM, TEAM_ROWS, at)
        import_clients(s, TEAM, CLIENT_ROWS, at)


@pytest.fixture
def world(fake: FakeSlack, db_url: str) -> Iterator[World]:
    clock = FixedClock(MONDAY_10)
    bot = make_bot(fake, db_url, clock)
    bot.home.delay = 0  # redraw the App Home at once: tests wait for it, never sleep
    seed(bot)
    server = BackgroundServer(create_app(bot), bot.db).start()
    fake.reset()
    try:
        yield World(bot, clock, SlackDriver(server.url, SECRET, fake), fake)
    finally:
        server.stop()
        bot.close()  # no after-ack work of this test reaches the next one's fake


def ask(bot: Bot, s: Session, filing: Filing, approver: str, at: datetime) -> Approval:
    """File `filing` through the form engine for `approver` to decide (whatever its kind's rule
    would say), as of `at`."""
    filed = bot.engine.ask(s, filing, at, route=Route((approver,)))
    assert isinstance(filed, Filed), filed
    return filed.approval


def hold_write_lock(
    db: Database, hold_for: float = 10.0
) -> tuple[threading.Event, threading.Thread]:
    """Another process holds the database's write lock until the event is set (or `hold_for`
    seconds have passed)."""
    release, holding = threading.Event(), threading.Event()

    def hold() -> None:
        if db.is_sqlite:
            conn = sqlite3.connect(db.url.removeprefix("sqlite:///"), isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            holding.set()
            release.wait(hold_for)
            conn.execute("ROLLBACK")
            conn.close()
            return
        engine = sa.create_engine(db.url)
        with engine.begin() as conn:
            conn.exec_driver_sql("LOCK TABLE contactlog IN EXCLUSIVE MODE")
            holding.set()
            release.wait(hold_for)
        engine.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    assert holding.wait(5)
    return release, thread
