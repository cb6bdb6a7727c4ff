"""Requests Slack did not sign are refused; hostile text is stored and shown as plain text."""

from __future__ import annotations

import time
from urllib.parse import urlencode

import pytest
from sqlmodel import select

from sandbox.driver import TEAM, sign
from storage.models import ContactLog
from tests.conftest import World


def _body(text: str = "Nike hi") -> str:
    return urlencode(
        {
            "team_id": TEAM,
            "user_id": "U0AE1",
            "command": "/contact",
            "text": text,
            "channel_id": "C1",
            "trigger_id": "1.t",
            "response_url": "http://127.0.0.1:9/x",
        }
    )


def _nothing_stored(w: World) -> bool:
    with w.bot.db.read() as s:
        return s.exec(select(ContactLog)).first() is None


def test_missing_signature_is_refused(world: World) -> None:
    r = world.slack.post(_body(), "application/x-www-form-urlencoded", headers={})
    assert r.status_code == 401 and _nothing_stored(world)


def test_wrong_secret_is_refused(world: World) -> None:
    body = _body()
    r = world.slack.post(
        body, "application/x-www-form-urlencoded", headers=sign("not-the-secret", body)
    )
    assert r.status_code == 401 and _nothing_stored(world)


def test_stale_signature_is_refused(world: World) -> None:
    body = _body()
    old = sign(world.slack.secret, body, ts=int(time.time()) - 600)
    r = world.slack.post(body, "application/x-www-form-urlencoded", headers=old)
    assert r.status_code == 401 and _nothing_stored(world)


def test_tampered_body_is_refused(world: World) -> None:
    headers = sign(world.slack.secret, _body("Nike hi"))
    r = world.slack.post(_body("Nike bye"), "application/x-www-form-urlencoded", headers=headers)
    assert r.status_code == 401 and _nothing_stored(world)


def test_injection_and_emoji_are_stored_verbatim_and_escaped_in_slack(world: World) -> None:
    hostile = "Robert'); DROP TABLE contactlog;-- <@U0AD1> <!here> *bold* 🎉👍"
    r = world.slack.command("/contact", f"Nike {hostile}")
    shown = str(r.json()["blocks"])
    assert "&lt;!here&gt;" in shown and "&lt;@U0AD1&gt;" in shown and "🎉👍" in shown
    with world.bot.db.read() as s:
        [log] = s.exec(select(ContactLog)).all()
    assert log.summary == hostile


def test_healthz(world: World) -> None:
    r = world.slack.http.get(world.slack.url.replace("/slack/events", "/healthz"))
    status = r.json()
    del status["clock_skew_seconds"]  # its value: tests/test_request_faults.py
    assert r.status_code == 200 and status == {"ok": True, "database": "ok"}


def test_a_database_that_fails_while_finding_the_language_still_gets_an_answer(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(team: str, user: str) -> None:
        raise OSError("connection refused")

    monkeypatch.setattr(world.bot.directory, "person", refused)
    r = world.slack.command("/contact", "help", user="U0AE2")  # reads English, normally
    # whether they are on the team cannot be told either: the polite error, never the door
    # left open, in the workspace's language
    assert r.status_code == 200 and r.json()["text"] == (
        "抱歉，出了点问题，这次操作没有保存任何内容。请稍后再试；如果反复出现，请联系管理员。"
    )
