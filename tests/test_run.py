"""`aebot run` as an operator starts it: migrates, checks the token, serves HTTP, schedules."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

from sandbox.driver import TEAM, sign
from sandbox.fake_slack import FakeSlack

ROOT = Path(__file__).parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_run_serves_healthz_and_signed_commands(fake: FakeSlack, tmp_path: Path) -> None:
    port = free_port()
    db = tmp_path / "run.db"
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": fake.token,
        "SLACK_SIGNING_SECRET": "run-secret",
        "SLACK_API_URL": fake.url,
        "DATABASE_URL": f"sqlite:///{db}",
        "AEBOT_ADMINS": "U0X",  # the team is not imported yet: the admin may use aebot
        "PORT": str(port),
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
    }
    env.pop("SLACK_APP_TOKEN", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, (
                    "aebot run did not start"
                )
                time.sleep(0.1)
        status = health.json()
        del status["clock_skew_seconds"]  # its value: tests/test_request_faults.py
        assert status == {"ok": True, "database": "ok"}
        body = urlencode(
            {
                "team_id": TEAM,
                "user_id": "U0X",
                "command": "/aebot",
                "text": "help",
                "channel_id": "C1",
                "trigger_id": "1.t",
                "response_url": fake.response_url(),
            }
        )
        ok = httpx.post(
            base + "/slack/events",
            content=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                **sign("run-secret", body),
            },
        )
        assert ok.status_code == 200 and "客户部助手" in ok.json()["text"]
        forged = httpx.post(
            base + "/slack/events",
            content=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", **sign("nope", body)},
        )
        assert forged.status_code == 401
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert "serving Slack over HTTP" in out and "Traceback" not in out
    assert "will be unused" not in out  # Bolt's warning when it is given a client and a token
    assert (
        "timetable started (Asia/Shanghai): contact-nudge, contact-sweep, contact-report-due" in out
    )
    assert "run-secret" not in out and fake.token not in out
    assert db.exists()  # migrated at start
