"""What a listener hands to the worker while Slack waits for its answer starts once the answer
has been sent (bot/slack/after_ack.py), through the server as Slack reaches it; anywhere else it
starts at once, and none of it is ever lost."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_bolt import App
from slack_sdk import WebClient

from bot.server import asgi_app
from bot.slack.after_ack import AfterAck, holding
from sandbox.driver import sign
from sandbox.fake_slack import FakeSlack
from storage.db import Database
from tests.conftest import TEAM, wait_until

SECRET = "after-ack-secret"


def _form_request() -> tuple[bytes, list[tuple[bytes, bytes]]]:
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM},
        "user": {"id": "U0AE1", "team_id": TEAM},
        "api_app_id": "A0AEBOT",
        "view": {"id": "V1", "type": "modal", "callback_id": "form", "state": {"values": {}}},
    }
    body = urlencode({"payload": json.dumps(payload)})
    headers = {"content-type": "application/x-www-form-urlencoded", **sign(SECRET, body)}
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return body.encode(), [*raw, (b"content-length", str(len(body)).encode())]


def _serve_once(app: App, db: Database, events: list[str], cut: bool = False) -> None:
    """One signed form submission through the server; "answer sent" noted in `events` when
    its body has gone (`cut`: the connection breaks as the answer is written)."""
    body, headers = _form_request()
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/slack/events",
        "raw_path": b"/slack/events",
        "query_string": b"",
        "headers": headers,
        "http_version": "1.1",
        "scheme": "http",
        "server": ("127.0.0.1", 3000),
        "client": ("127.0.0.1", 40000),
        "root_path": "",
    }
    sent = iter([{"type": "http.request", "body": body, "more_body": False}])

    async def receive() -> dict[str, Any]:
        return next(sent)

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            if cut:
                raise ConnectionResetError("Slack hung up")
            events.append("answer sent")

    asyncio.run(asgi_app(app, db)(scope, receive, send))


@pytest.fixture
def pool() -> Any:
    workers = AfterAck(max_workers=2, thread_name_prefix="test-after-ack")
    yield workers
    workers.shutdown(wait=True)


def _app(fake: FakeSlack, listener: Any) -> App:
    app = App(
        client=WebClient(token=fake.token, base_url=fake.url),
        signing_secret=SECRET,
        process_before_response=True,
        token_verification_enabled=False,
    )
    app.view("form")(listener)
    return app


def test_work_handed_over_while_answering_starts_once_the_answer_is_sent(
    pool: AfterAck, fake: FakeSlack, tmp_path: Any
) -> None:
    events: list[str] = []
    done = threading.Event()

    def later(n: int) -> None:
        events.append(f"work {n}")
        if n == 2:
            done.set()

    def listener(ack: Any) -> None:
        ack()
        for n in (1, 2):
            pool.submit(later, n)
        events.append("acked")

    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        _serve_once(_app(fake, listener), db, events)
    finally:
        db.dispose()
    assert done.wait(5)
    assert events == ["acked", "answer sent", "work 1", "work 2"]  # after the answer, in order


def test_work_of_a_listener_that_fails_is_not_lost(
    pool: AfterAck, fake: FakeSlack, tmp_path: Any
) -> None:
    ran = threading.Event()

    def listener(ack: Any) -> None:
        pool.submit(ran.set)
        raise RuntimeError("the listener broke after handing work over")

    db = Database(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        _serve_once(_app(fake, listener), db, [])
    finally:
        db.dispose()
    assert ran.wait(5)


def test_work_still_goes_when_the_answer_cannot_be_sent(
    pool: AfterAck, fake: FakeSlack, tmp_path: Any
) -> None:
    ran = threading.Event()

    def listener(ack: Any) -> None:
        ack()
        pool.submit(ran.set)

    db = Database(f"sqlite:///{tmp_path / 'c.db'}")
    events: list[str] = []
    try:
        with pytest.raises(ConnectionResetError):
            _serve_once(_app(fake, listener), db, events, cut=True)
    finally:
        db.dispose()
    assert events == [] and ran.wait(5)  # no answer went out; the work was not lost


def test_work_goes_at_once_outside_an_answer(pool: AfterAck) -> None:
    started = threading.Event()
    future = pool.submit(lambda: started.set() or 42)
    assert started.wait(5) and future.result(5) == 42


def test_held_work_goes_when_released_and_its_future_says_how_it_went(pool: AfterAck) -> None:
    ran: list[int] = []
    with holding() as held:
        ok = pool.submit(ran.append, 1)
        bad = pool.submit(lambda: 1 / 0)
    assert ran == [] and not ok.done()
    held.release()
    assert ok.result(5) is None and ran == [1]
    with pytest.raises(ZeroDivisionError):
        bad.result(5)


def test_an_error_inside_the_hold_lets_the_work_go_at_once(pool: AfterAck) -> None:
    ran = threading.Event()
    with pytest.raises(ValueError), holding():
        pool.submit(ran.set)
        raise ValueError("no answer will be sent")
    assert ran.wait(5)


def test_work_released_after_the_pool_stopped_runs_in_place(pool: AfterAck) -> None:
    ran: list[str] = []
    with holding() as held:
        future = pool.submit(lambda: ran.append(threading.current_thread().name))
    pool.shutdown(wait=True)  # the process is stopping while the answer was on its way
    held.release()
    assert future.result(0) is None and ran == [threading.current_thread().name]


def test_the_pool_is_idle_only_when_no_work_waits_is_held_or_runs(pool: AfterAck) -> None:
    assert pool.idle()
    go = threading.Event()
    with holding() as held:
        held_work = pool.submit(lambda: None)
        assert not pool.idle()  # held, not yet started
    held.release()
    held_work.result(5)
    running = pool.submit(go.wait, 5)
    assert not pool.idle()  # running
    go.set()
    running.result(5)
    assert wait_until(pool.idle)  # its count drops as its future completes
    with pytest.raises(ZeroDivisionError):
        pool.submit(lambda: 1 / 0).result(5)
    assert wait_until(pool.idle)  # work that raised is done too
    pool.shutdown(wait=True)
    late = pool.submit(lambda: threading.current_thread().name)  # the process is stopping
    assert late.result(0) == threading.current_thread().name  # it ran in place, not lost
    assert pool.idle()
