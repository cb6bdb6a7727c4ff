"""Fixtures: a fake Slack on loopback, a migrated SQLite file, and aebot served over HTTP."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import create_app
from bot.clock import FixedClock
from bot.runtime import build_services
from bot.server import BackgroundServer
from bot.services import Services
from bot.settings import load_settings
from sandbox.driver import TEAM, SlackDriver
from sandbox.fake_slack import FakeSlack
from storage.imports import import_clients, import_team
from storage.migrate import upgrade

SH = ZoneInfo("Asia/Shanghai")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=SH)
SECRET = "test-signing-secret"
ADMIN = "U0ADMIN"

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


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "aebot.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def fake() -> Iterator[FakeSlack]:
    with FakeSlack(team_id=TEAM) as f:
        yield f


@dataclass
class World:
    sv: Services
    clock: FixedClock
    slack: SlackDriver
    fake: FakeSlack


def make_services(fake: FakeSlack, url: str, clock: FixedClock) -> Services:
    settings = load_settings(
        slack_bot_token=fake.token,
        slack_signing_secret=SECRET,
        slack_api_url=fake.url,
        database_url=url,
        aebot_admins=ADMIN,
        _env_file=None,
    )
    return build_services(settings, clock)


def seed(sv: Services, at: datetime = datetime(2026, 11, 2, 9, 0, tzinfo=SH)) -> None:
    with sv.db.write() as s:
        import_team(s, TEAM, TEAM_ROWS, at)
        import_clients(s, TEAM, CLIENT_ROWS, at)


@pytest.fixture
def world(fake: FakeSlack, template_db: Path, tmp_path: Path) -> Iterator[World]:
    db = tmp_path / "aebot.db"
    shutil.copy(template_db, db)
    clock = FixedClock(MONDAY_10)
    sv = make_services(fake, f"sqlite:///{db}", clock)
    sv.home_delay = 0  # redraw the App Home at once: tests wait for it, never sleep
    seed(sv)
    server = BackgroundServer(create_app(sv), sv.db).start()
    fake.reset()
    try:
        yield World(sv, clock, SlackDriver(server.url, SECRET, fake), fake)
    finally:
        server.stop()
        sv.worker.shutdown(wait=True)  # no after-ack work of this test reaches the next one's fake
        sv.db.dispose()
