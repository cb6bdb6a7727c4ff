"""Running it: `/healthz` beside Socket Mode on AEBOT_HEALTH_PORT, and a log of one line per
record, as text or JSON (AEBOT_LOG_FORMAT), with no secret in it."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from bot.cli.logs import OneLine
from bot.clock import FixedClock
from sandbox.driver import TEAM
from sandbox.fake_slack import FakeSlack
from sandbox.fake_socket import FakeSocketMode
from sandbox.scopes import manifest_scopes
from tests.conftest import ROOT, SH, make_bot, seed, wait_until
from tests.test_socket_mode import APP_TOKEN, aebot_env, stop

SECRET = "socket-mode-signing-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_healthz_answers_in_socket_mode_and_the_log_is_json_lines_without_secrets(
    db_url: str, tmp_path: Path
) -> None:
    port = free_port()
    scopes = manifest_scopes(ROOT / "manifest.yml")
    with (
        FakeSlack(team_id=TEAM, scopes=scopes, app_token=APP_TOKEN) as fake,
        FakeSocketMode(fake) as sock,
    ):
        reader = make_bot(fake, db_url, FixedClock(datetime.now(SH)))
        seed(reader)
        reader.close()
        env = aebot_env(fake, db_url, tmp_path) | {
            "AEBOT_HEALTH_PORT": str(port),
            "AEBOT_LOG_FORMAT": "json",
            "SLACK_SIGNING_SECRET": SECRET,
        }
        log = tmp_path / "aebot.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run", "--no-scheduler"],
                env=env,
                cwd=tmp_path,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            assert wait_until(lambda: sock.connections or proc.poll() is not None, 60)
            assert sock.wait_connections(1, timeout=1), log.read_text()
            health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
            assert health.status_code == 200
            assert health.json()["ok"] is True and health.json()["database"] == "ok"
            assert "clock_skew_seconds" in health.json()
            # only the health check: Slack's events come over the socket
            assert httpx.post(f"http://127.0.0.1:{port}/slack/events", timeout=5).status_code == 404
        finally:
            stop(proc)
    lines = log.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]  # every line one JSON object
    assert any(r["message"] == f"GET /healthz on port {port}" for r in records)
    assert {"time", "level", "logger", "message"} <= set(records[0])
    text = log.read_text(encoding="utf-8")
    for secret in (fake.token, APP_TOKEN, SECRET):
        assert secret not in text


def test_a_health_port_in_use_stops_start_up_with_one_line(db_url: str, tmp_path: Path) -> None:
    with (
        socket.socket() as taken,
        FakeSlack(team_id=TEAM, app_token=APP_TOKEN) as fake,
        FakeSocketMode(fake),
    ):
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        env = aebot_env(fake, db_url, tmp_path) | {"AEBOT_HEALTH_PORT": str(taken.getsockname()[1])}
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli", "run", "--no-scheduler"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    [line] = [x for x in done.stderr.splitlines() if " INFO " not in x]
    assert line.startswith("Error: setting AEBOT_HEALTH_PORT: cannot listen on port ")


def record(message: str, *args: object, exc: bool = False) -> logging.LogRecord:
    try:
        raise ValueError("bad\nvalue")
    except ValueError:
        info = sys.exc_info() if exc else None
    return logging.LogRecord("aebot.test", logging.ERROR, __file__, 1, message, args, info)


@pytest.mark.parametrize("json_lines", [False, True])
def test_a_record_is_one_line_and_secrets_are_blotted_out(json_lines: bool) -> None:
    fmt = OneLine(json_lines, {"s3cret-signing"})
    line = fmt.format(
        record(
            "token %s, app %s, secret %s, db %s",
            "xoxb-1234-abcd",
            "xapp-1-A0-xyz",
            "s3cret-signing",
            "postgresql+psycopg://aebot:pa55word@db/aebot",
            exc=True,
        )
    )
    assert "\n" not in line
    for secret in ("1234-abcd", "A0-xyz", "s3cret-signing", "pa55word"):
        assert secret not in line
    assert "xoxb-[hidden]" in line and "aebot:[hidden]@db" in line
    if json_lines:
        entry = json.loads(line)
        assert entry["level"] == "ERROR" and entry["logger"] == "aebot.test"
        assert "ValueError: bad\nvalue" in entry["exception"]  # whole, inside the one line
    else:
        assert " ERROR aebot.test: token xoxb-[hidden]" in line
        assert "Traceback (most recent call last): | " in line and "ValueError: bad | value" in line
