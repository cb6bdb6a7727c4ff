"""Socket Mode end to end: `aebot run` with SLACK_APP_TOKEN, as a subprocess, against the fake
Slack and its Socket Mode side (sandbox/fake_socket.py). Envelopes are acked in time, a
redelivered one stores nothing twice, and the bot reconnects by itself after Slack's
`disconnect` and after a connection dropped without a word."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlmodel import select
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from bot.app import Bot
from bot.clock import FixedClock
from sandbox.driver import TEAM
from sandbox.fake_slack import Call, FakeSlack
from sandbox.fake_socket import Ack, FakeSocketMode
from sandbox.scopes import manifest_scopes
from storage.models import Client, ContactLog
from tests.conftest import ROOT, SH, make_bot, seed, wait_until

APP_TOKEN = "xapp-test-token"
ACK_LIMIT = 3.0  # seconds: Slack shows the person an error after this


@dataclass
class Running:
    """`aebot run` serving the fake over Socket Mode, and a bot of our own to read the rows."""

    fake: FakeSlack
    socket: FakeSocketMode
    reader: Bot
    proc: subprocess.Popen[bytes]
    log: Path

    def contacts(self) -> list[ContactLog]:
        with self.reader.db.read() as s:
            return list(s.exec(select(ContactLog).order_by(ContactLog.id)))

    def client_id(self, name: str) -> int:
        with self.reader.db.read() as s:
            client = s.exec(select(Client).where(Client.name == name)).one()
            assert client.id is not None
            return client.id

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def acked(self, envelope_id: str) -> Ack:
        """The ack of the envelope's latest delivery, asserted to have come in time."""
        ack = self.socket.wait_ack(envelope_id, timeout=ACK_LIMIT)
        assert ack.seconds is not None and ack.seconds < ACK_LIMIT
        return ack


def aebot_env(fake: FakeSlack, db_url: str, home: Path, app_token: str = APP_TOKEN) -> dict:
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "SLACK_BOT_TOKEN": fake.token,
        "SLACK_SIGNING_SECRET": "not-used-over-socket-mode",
        "SLACK_APP_TOKEN": app_token,
        "SLACK_API_URL": fake.url,
        "DATABASE_URL": db_url,
        "AEBOT_TZ": "Asia/Shanghai",
    }


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture
def running(db_url: str, tmp_path: Path) -> Iterator[Running]:
    scopes = manifest_scopes(ROOT / "manifest.yml")
    with (
        FakeSlack(team_id=TEAM, scopes=scopes, app_token=APP_TOKEN) as fake,
        FakeSocketMode(fake) as socket,
    ):
        reader = make_bot(fake, db_url, FixedClock(datetime.now(SH)))
        seed(reader, datetime.now(SH))  # the subprocess runs on the real clock
        log = tmp_path / "aebot.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run", "--no-scheduler"],
                env=aebot_env(fake, db_url, tmp_path),
                cwd=tmp_path,  # no stray .env
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            r = Running(fake, socket, reader, proc, log)
            assert wait_until(lambda: socket.connections or proc.poll() is not None, 60)
            assert socket.wait_connections(1, timeout=1), r.output()  # else it stopped: why
            yield r
            assert "Traceback" not in r.output(), r.output()
        finally:
            stop(proc)
            reader.close()


def wait_for(fake: FakeSlack, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
    assert wait_until(lambda: len(fake.calls_to(method)) >= count, timeout), [
        c.method for c in fake.calls
    ]
    return fake.calls_to(method)


def buttons(blocks: list[dict]) -> dict[str, str]:
    """action_id → value of the buttons in a message."""
    return {
        e["action_id"]: e.get("value", "")
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
    }


def test_a_command_a_click_and_a_form_acked_in_time_and_redeliveries_store_nothing(
    running: Running,
) -> None:
    r, socket = running, running.socket
    command = socket.command("/contact", "可口可乐 电话确认了报价")
    ack = r.acked(command)
    assert ack.payload is not None and ack.payload["response_type"] == "ephemeral"
    confirmation = ack.payload["blocks"][0]["text"]["text"]
    assert "已记录" in confirmation and "可口可乐" in confirmation
    [log] = r.contacts()
    assert (log.kind, log.author_id, log.summary) == ("call", "U0AE1", "电话确认了报价")

    socket.redeliver(command)  # as Slack does when the ack did not reach it in time
    again = r.acked(command)
    assert again.retry_attempt == 1 and again.payload == ack.payload  # the same answer
    assert len(r.contacts()) == 1

    click = socket.click("contact_undo", buttons(ack.payload["blocks"])["contact_undo"], key="u")
    assert r.acked(click).payload is None
    [undone] = wait_for(r.fake, "response_url")
    assert "已撤销" in undone.args["text"] and undone.args["replace_original"] is True
    assert r.contacts()[0].deleted_at is not None
    socket.redeliver(click)
    r.acked(click)

    opener = socket.command("/contact", "")
    assert r.acked(opener).payload is None
    [opened] = wait_for(r.fake, "views.open")
    form = socket.submit(
        opened.args["view"],
        {
            "client": str(r.client_id("Nike")),
            "kind": "meeting",
            "when": "昨天下午3点",
            "summary": "季度复盘",
        },
    )
    assert r.acked(form).payload is None  # the modal closes
    [confirmed] = wait_for(r.fake, "chat.postEphemeral")
    assert "Nike" in confirmed.args["text"]
    socket.redeliver(form)
    r.acked(form)
    socket.redeliver(opener)
    r.acked(opener)

    logs = r.contacts()
    assert [(c.kind, c.summary) for c in logs] == [
        ("call", "电话确认了报价"),
        ("meeting", "季度复盘"),
    ]
    assert logs[0].deleted_at is not None and logs[1].deleted_at is None
    # a redelivered click, form or command would have been answered again by now: "already
    # undone", a second confirmation, a second modal
    assert not wait_until(
        lambda: (
            len(r.fake.calls_to("response_url")) > 1
            or len(r.fake.calls_to("chat.postEphemeral")) > 1
            or len(r.fake.calls_to("views.open")) > 1
        ),
        timeout=0.5,
    )
    assert len(socket.acks) == 8  # every delivery acked once


def test_an_event_redelivered_in_a_new_envelope_is_handled_once(running: Running) -> None:
    r, socket = running, running.socket
    home = {"type": "app_home_opened", "user": "U0AE1", "channel": "D0U0AE1", "tab": "home"}
    first = socket.event(home, event_id="Ev0HOME1")
    assert r.acked(first).payload is None
    wait_for(r.fake, "views.publish")
    # Slack's retry of an event it thinks was lost: a new envelope, the same event_id
    retry = socket.deliver("events_api", socket.envelopes[first].payload, retry_attempt=1)
    r.acked(retry)
    assert not wait_until(lambda: len(r.fake.calls_to("views.publish")) > 1, timeout=0.5)


def test_reconnects_by_itself_after_a_refresh_and_after_a_drop(running: Running) -> None:
    r, socket = running, running.socket
    started = time.monotonic()
    socket.disconnect("refresh_requested")  # returns once the old connection is closed
    assert socket.wait_connections(2, timeout=3), r.output()
    assert time.monotonic() - started < 3
    assert (socket.urls_issued, socket.connections) == (2, 2)
    assert "Nike" in r.acked(socket.command("/contact", "Nike 谈了新品")).payload["text"]

    started = time.monotonic()
    socket.drop()  # no disconnect message, no close frame
    assert socket.wait_connections(3, timeout=5), r.output()
    assert time.monotonic() - started < 5  # noticed within a ping interval or two
    ack = r.acked(socket.command("/contact", "可口可乐 确认了报价"))
    assert "可口可乐" in ack.payload["text"]

    assert (socket.urls_issued, socket.connections, len(socket.links())) == (3, 3, 1)
    assert [c.summary for c in r.contacts()] == ["谈了新品", "确认了报价"]


def test_a_refused_app_token_stops_start_up_with_one_line(tmp_path: Path) -> None:
    with FakeSlack(team_id=TEAM, app_token=APP_TOKEN) as fake, FakeSocketMode(fake):
        env = aebot_env(fake, f"sqlite:///{tmp_path / 'a.db'}", tmp_path, "xapp-revoked")
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli", "run", "--no-scheduler"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert "setting SLACK_APP_TOKEN was refused by Slack (invalid_auth)" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_the_fake_hands_out_one_use_urls_greets_and_times_acks() -> None:
    with FakeSlack(team_id=TEAM, app_token=APP_TOKEN) as fake, FakeSocketMode(fake) as socket:
        web = WebClient(base_url=fake.url)
        with pytest.raises(SlackApiError, match="invalid_auth"):
            web.apps_connections_open(app_token=fake.token)  # the bot token will not do
        url = web.apps_connections_open(app_token=APP_TOKEN)["url"]
        with connect(url) as ws:
            assert json.loads(ws.recv(timeout=5))["type"] == "hello"
            envelope_id = socket.command("/contact", "Nike call")
            envelope = json.loads(ws.recv(timeout=5))
            assert (envelope["envelope_id"], envelope["type"]) == (envelope_id, "slash_commands")
            assert envelope["accepts_response_payload"] and envelope["retry_attempt"] == 0
            ws.send(json.dumps({"envelope_id": envelope_id, "payload": {"text": "ok"}}))
            ack = socket.wait_ack(envelope_id)
            assert ack.payload == {"text": "ok"} and ack.seconds is not None
            socket.redeliver(envelope_id)
            assert json.loads(ws.recv(timeout=5))["retry_attempt"] == 1
            with pytest.raises(AssertionError, match="not acked"):
                socket.wait_ack(envelope_id, timeout=0.05)  # the retry is not acked yet
            with pytest.raises(InvalidStatus):
                connect(url)  # each URL is good for one connection
        assert (socket.urls_issued, socket.connections) == (1, 1)
