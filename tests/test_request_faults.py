"""The request path under faults: a locked or silent database, a refused one, hostile bodies,
malformed payloads, a wrong clock, concurrent migrations and people not on the team. Each test
asserts what Slack and the person see: the HTTP status and how soon, the text, the rows stored,
the log lines."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa
from sqlmodel import select

from bot.app import create_app
from bot.clock import FixedClock
from bot.server import BackgroundServer
from sandbox.driver import TEAM, SlackDriver, sign
from sandbox.fake_slack import FakeSlack
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Client, ContactLog
from tests.conftest import (
    MONDAY_10,
    PG_URL,
    SECRET,
    World,
    hold_write_lock,
    make_bot,
    pg_reachable,
    seed,
)

NOT_SAVED_ZH = "这条联络记录*没有*保存"
NOT_SAVED_EN = "this contact was *not* saved"
GENERIC_ZH = "这次操作没有保存任何内容"


def stored(db: Database) -> list[ContactLog]:
    with db.read() as s:
        return list(s.exec(select(ContactLog).order_by(ContactLog.id)))


def timed_command(slack: SlackDriver, text: str, user: str) -> tuple[float, int, str]:
    """(seconds to the HTTP answer, its status, the text the person was shown)."""
    start = time.monotonic()
    r = slack.command("/contact", text, user=user)
    return time.monotonic() - start, r.status_code, r.json().get("text", "")


# --- a database locked by another writer ------------------------------------------------------


def test_a_locked_database_answers_20_contacts_in_time_and_stores_none_later(
    world: World,
) -> None:
    world.slack.command("/contact", "Nike 热身", user="U0AE2")  # caches loaded, one row
    _, holder = hold_write_lock(world.bot.db, hold_for=4.0)
    try:
        with ThreadPoolExecutor(20) as pool:
            answers = list(
                pool.map(lambda i: timed_command(world.slack, f"Nike 第{i}次", "U0AE2"), range(20))
            )
    finally:
        holder.join()
    assert [status for _, status, _ in answers] == [200] * 20
    slowest = max(seconds for seconds, _, _ in answers)
    assert slowest < 2.5, f"an ack took {slowest:.2f} s"
    assert sum(NOT_SAVED_EN in text for _, _, text in answers) == 20
    assert [c.summary for c in stored(world.bot.db)] == ["热身"]
    _, status, text = timed_command(world.slack, "Nike 锁放开后", "U0AE2")
    assert status == 200 and "logged" in text
    assert [c.summary for c in stored(world.bot.db)] == ["热身", "锁放开后"]


# --- a PostgreSQL that hangs or refuses -------------------------------------------------------


class Proxy:
    """A TCP proxy to the test PostgreSQL that can be switched to hang (accept connections and
    take data, never answer) or to refuse connections, and back."""

    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432)) -> None:
        self.target = target
        self.flowing = threading.Event()
        self.flowing.set()
        self.sockets: list[socket.socket] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._start_accepting()

    def _start_accepting(self) -> None:
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self.sockets.append(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        self.flowing.wait()
        try:
            upstream = socket.create_connection(self.target)
        except OSError:
            client.close()
            return
        self.sockets.append(upstream)
        threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()
        self._pipe(client, upstream)

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                self.flowing.wait()
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def hang(self) -> None:
        self.flowing.clear()

    def refuse(self) -> None:
        """Nothing listens on the port any more; open connections are dropped."""
        with contextlib.suppress(OSError):  # wakes the accepting thread: it stops
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for s in self.sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
        self.sockets = []

    def recover(self) -> None:
        if self.listener.fileno() == -1:
            self.listener = socket.create_server(("127.0.0.1", self.port))
            self._start_accepting()
        self.flowing.set()

    def close(self) -> None:
        self.recover()
        self.refuse()


@pytest.fixture
def pg_world(fake: FakeSlack, db_url: str) -> Iterator[tuple[World, Proxy]]:
    """aebot on the test PostgreSQL through a proxy that can fail it."""
    if not db_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL fault")
    proxy = Proxy()
    clock = FixedClock(MONDAY_10)
    bot = make_bot(fake, db_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"), clock)
    bot.home.delay = 0
    seed(bot)
    server = BackgroundServer(create_app(bot), bot.db).start()
    fake.reset()
    try:
        yield World(bot, clock, SlackDriver(server.url, SECRET, fake), fake), proxy
    finally:
        proxy.recover()
        server.stop()
        bot.close()
        proxy.close()


def direct(world: World, proxy: Proxy) -> Database:
    """The same database, not through the proxy."""
    return Database(world.bot.db.url.replace(f"127.0.0.1:{proxy.port}", "127.0.0.1:5432"))


def test_a_hanging_postgres_fails_each_request_fast_and_the_server_recovers_by_itself(
    pg_world: tuple[World, Proxy],
) -> None:
    world, proxy = pg_world
    assert "logged" in timed_command(world.slack, "Nike 之前", "U0AE2")[2]
    proxy.hang()
    try:
        with ThreadPoolExecutor(15) as pool:
            answers = list(
                pool.map(lambda i: timed_command(world.slack, f"Nike 第{i}次", "U0AE2"), range(45))
            )
    finally:
        proxy.recover()
    assert [status for _, status, _ in answers] == [200] * 45
    slowest = max(seconds for seconds, _, _ in answers)
    assert slowest < 2.6, f"an ack took {slowest:.2f} s"
    assert sum(NOT_SAVED_EN in text for _, _, text in answers) == 45
    seconds, status, text = timed_command(world.slack, "Nike 之后", "U0AE2")
    assert status == 200 and "logged" in text and seconds < 2.5
    db = direct(world, proxy)
    try:
        assert [c.summary for c in stored(db)] == ["之前", "之后"]
    finally:
        db.dispose()
    r = world.slack.http.get(world.slack.url.replace("/slack/events", "/healthz"))
    assert r.status_code == 200 and r.json()["database"] == "ok"


def test_a_refusing_postgres_gets_the_polite_error_in_the_workspace_language(
    pg_world: tuple[World, Proxy], fake: FakeSlack
) -> None:
    world, proxy = pg_world
    proxy.refuse()
    try:
        # a fresh process: nothing cached, the language itself needs the database
        bot = make_bot(fake, world.bot.db.url, world.clock)
        server = BackgroundServer(create_app(bot), bot.db).start()
        try:
            slack = SlackDriver(server.url, SECRET, fake)
            seconds, status, text = timed_command(slack, "Nike 打过电话", "U0AE2")  # English
            health = slack.http.get(server.url + "/healthz")
        finally:
            server.stop()
            bot.close()
    finally:
        proxy.recover()
    assert status == 200 and GENERIC_ZH in text and seconds < 2.5
    assert health.status_code == 503 and health.json()["database"] == "unreachable"
    assert "logged" in timed_command(world.slack, "Nike 恢复后", "U0AE2")[2]


# --- bodies nobody signed, and payloads Slack never sends -------------------------------------


def raw_post(port: int, head: str, chunks: list[bytes]) -> str:
    """Send a request by hand (to lie about its length, or send it chunked); the status line."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(head.encode())
        try:
            for chunk in chunks:
                sock.sendall(chunk)
        except OSError:
            pass  # refused before the whole body went
        return sock.recv(4096).decode(errors="replace").split("\r\n")[0]


def port_of(world: World) -> int:
    return int(world.slack.url.split(":")[2].split("/")[0])


def test_a_body_over_1_mb_is_refused_before_it_is_read(world: World) -> None:
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 50000000\r\n\r\n"
    )
    assert (
        raw_post(port_of(world), head, [b"{" + b" " * 1000])
        == "HTTP/1.1 413 Request Entity Too Large"
    )
    chunked = (
        "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"%x\r\n%s\r\n" % (256 * 1024, b"x" * 256 * 1024)
    assert raw_post(port_of(world), chunked, [chunk] * 5) == "HTTP/1.1 413 Request Entity Too Large"


def test_no_request_body_reaches_the_log(world: World, caplog: pytest.LogCaptureFixture) -> None:
    body = urlencode({"command": "/contact", "text": "SECRET-MARKER " + "x" * 900_000})
    with caplog.at_level(logging.DEBUG):
        r = world.slack.post(body, "application/x-www-form-urlencoded", headers={})
        r2 = world.slack.post(
            body, "application/x-www-form-urlencoded", headers=sign("wrong", body)
        )
    assert (r.status_code, r2.status_code) == (401, 401)
    assert not [rec for rec in caplog.records if "SECRET-MARKER" in rec.getMessage()]
    assert [rec.getMessage() for rec in caplog.records if rec.levelno >= logging.WARNING] == [
        "refused a Slack request: no signature",
        "refused a Slack request: the signature does not match (another app's request, or a "
        "wrong secret)",
    ]


@pytest.mark.parametrize("stamp", ["soon", "1e9", "-5", "", "12.5", "0x1F"])
def test_a_timestamp_that_is_not_a_number_is_refused(world: World, stamp: str) -> None:
    body = urlencode({"command": "/contact", "text": "Nike hi"})
    headers = {**sign(SECRET, body), "X-Slack-Request-Timestamp": stamp}
    r = world.slack.post(body, "application/x-www-form-urlencoded", headers=headers)
    assert r.status_code == 401 and stored(world.bot.db) == []


MALFORMED = {
    "bad json": "{not json",
    "not an object": "[1, 2]",
    "no actions": {
        "type": "block_actions",
        "team": {"id": TEAM},
        "user": {"id": "U0AE1"},
        "actions": [],
    },  # fmt: skip
    "actions not a list": {"type": "block_actions", "team": {"id": TEAM}, "actions": "x"},
    "no view": {"type": "view_submission", "team": {"id": TEAM}, "user": {"id": "U0AE1"}},
    "user not an object": {"type": "block_actions", "user": "U0AE1", "actions": [{}]},
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_signed_payload_gets_400_and_one_log_line(
    world: World, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    raw = MALFORMED[name]
    body = urlencode({"payload": raw if isinstance(raw, str) else json.dumps(raw)})
    with caplog.at_level(logging.INFO):
        r = world.slack.post(body, "application/x-www-form-urlencoded")
    assert r.status_code == 400
    lines = [rec for rec in caplog.records if rec.levelno >= logging.WARNING]
    assert len(lines) == 1 and lines[0].exc_info is None
    assert lines[0].getMessage().startswith("refused a signed request: ")


def test_bad_json_in_a_json_event_gets_400(world: World) -> None:
    assert world.slack.post('{"type": "event_callback", ', "application/json").status_code == 400


# --- a server clock that is off ---------------------------------------------------------------


def test_a_wrong_clock_is_named_in_the_log_and_healthz_reports_the_skew(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    body = urlencode({"command": "/contact", "text": "Nike hi", "team_id": TEAM})
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            r = world.slack.post(
                body,
                "application/x-www-form-urlencoded",
                headers=sign(SECRET, body, ts=int(time.time()) - 700),
            )
            assert r.status_code == 401
    clock = [rec.getMessage() for rec in caplog.records if "NTP" in rec.getMessage()]
    assert len(clock) == 1  # once a minute, not once a request
    assert re.search(r"clock is 70\d s ahead of Slack's", clock[0]), clock[0]
    health = world.slack.http.get(world.slack.url.replace("/slack/events", "/healthz")).json()
    if world.bot.db.is_sqlite:
        assert health["clock_skew_seconds"] is None  # Slack has not answered yet
        world.bot.web.auth_test()
        health = world.slack.http.get(world.slack.url.replace("/slack/events", "/healthz")).json()
    assert health["ok"] is True and abs(health["clock_skew_seconds"]) < 1.5


# --- four `aebot db upgrade` at once ----------------------------------------------------------


def upgrade_four_at_once(url: str, cwd: Path) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(Path(__file__).parents[1])}
    env.pop("AEBOT_LANG", None)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "db", "upgrade"],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(4)
    ]
    return [subprocess.CompletedProcess(p.args, p.wait(60), *p.communicate()) for p in procs]


def test_four_upgrades_at_once_all_succeed_on_an_empty_postgres(tmp_path: Path) -> None:
    if not pg_reachable():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    schema = f"aebot_migrate_{os.getpid()}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as c:
        c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    try:
        runs = upgrade_four_at_once(f"{PG_URL}?options=-csearch_path%3D{schema}", tmp_path)
        assert [(r.returncode, r.stderr[-300:]) for r in runs] == [(0, "")] * 4
        with admin.begin() as c:
            versions = c.exec_driver_sql(f"SELECT version_num FROM {schema}.alembic_version")
            assert len(versions.all()) == 1
    finally:
        with admin.begin() as c:
            c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()


def test_four_upgrades_at_once_all_succeed_on_an_empty_sqlite(tmp_path: Path) -> None:
    runs = upgrade_four_at_once(f"sqlite:///{tmp_path / 'new.db'}", tmp_path)
    assert [(r.returncode, r.stderr[-300:]) for r in runs] == [(0, "")] * 4


# --- people not on the team -------------------------------------------------------------------


def test_someone_not_on_the_team_cannot_log_a_contact(world: World) -> None:
    r = world.slack.command("/contact", "Nike 我来重置一下", user="U0STRANGER")
    assert r.status_code == 200
    assert r.json()["text"] == "aebot 只为客户部的同事服务。如需使用，请联系管理员：<@U0ADMIN>。"
    world.slack.command("/contact", "", user="U0STRANGER")  # the form is not opened either
    world.slack.command("/contact", "", user="U0AE1")
    [call] = world.slack.wait_for("views.open")
    view = call.args["view"]
    with world.bot.db.read() as s:
        nike = s.exec(select(Client.id).where(Client.name == "Nike")).one()
    r = world.slack.submit(view, {"client": str(nike), "summary": "顶替"}, user="U0STRANGER")
    assert r.json()["response_action"] == "errors"
    assert r.json()["errors"] == {
        "client": "aebot 只为客户部的同事服务。如需使用，请联系管理员：<@U0ADMIN>。"
    }  # under the form's first field
    assert stored(world.bot.db) == []
    assert len(world.fake.calls_to("views.open")) == 1


def test_an_sqlite_upgrade_is_one_transaction_that_no_other_process_can_enter(
    tmp_path: Path,
) -> None:
    """Every step of an upgrade from nothing to the newest schema is committed at once, at the
    end: a process waiting for the write lock cannot take its turn between two steps and run
    the next one before the process that began (which then found its tables there already)."""
    seen: list[str] = []

    def begun(conn: sa.Connection) -> None:
        seen.append("begin")

    def committed(conn: sa.Connection) -> None:
        seen.append("commit")

    sa.event.listen(sa.engine.Engine, "begin", begun)
    sa.event.listen(sa.engine.Engine, "commit", committed)
    try:
        upgrade(f"sqlite:///{tmp_path / 'new.db'}")
    finally:
        sa.event.remove(sa.engine.Engine, "begin", begun)
        sa.event.remove(sa.engine.Engine, "commit", committed)
    assert seen == ["begin", "commit"]
