"""Hostile requests at the door: bytes that are not UTF-8 under a made-up signature, signed forms
whose view Slack would never send, and text holding a NUL character. Each gets a short answer
and at most one short log line (never a traceback), and nothing is stored, on SQLite and on
PostgreSQL alike."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa
from slack_sdk.socket_mode.request import SocketModeRequest
from sqlmodel import SQLModel, func, select

from bot.app import create_app
from bot.socket_mode import OnceHandler
from sandbox.driver import TEAM
from storage.models import Client, ContactLog, FunnelChange, Job, WeeklyNote
from tests.conftest import SECRET, World, wait_until

NUL_ZH = "内容里夹着一个看不见的空字符"
NUL_EN = "What you sent holds an invisible null character"


class Lines(logging.Handler):
    """Every record of a logger, whether or not it propagates (uvicorn's do not)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def logged() -> Iterator[Lines]:
    """What the server and the app log at warning and above, uvicorn's own errors included."""
    lines = Lines()
    loggers = [logging.getLogger(n) for n in ("uvicorn.error", "aebot", "slack_bolt")]
    for lg in loggers:
        lg.addHandler(lines)
    yield lines
    for lg in loggers:
        lg.removeHandler(lines)


def warnings(lines: Lines) -> list[logging.LogRecord]:
    return [r for r in lines.records if r.levelno >= logging.WARNING]


def count(w: World, model: type[SQLModel]) -> int:
    with w.bot.db.read() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def post_bytes(w: World, body: bytes, headers: dict[str, Any]) -> int:
    h = {"Content-Type": "application/x-www-form-urlencoded", **headers}
    return w.slack.http.post(w.slack.url, content=body, headers=h).status_code


# ------------------------------------------------------------- bytes that are not UTF-8

NOT_UTF8 = b"payload=%7B%22type%22%3A\xff\xfe\x80\xc3(" + bytes(range(128, 256))


@pytest.mark.parametrize(
    "signature",
    ["v0=" + "ab" * 32, "made-up", b"v0=\xff\xfe".decode("latin-1")],
    ids=["hex", "word", "not ascii"],
)
def test_bytes_that_are_not_utf8_under_a_made_up_signature_get_401_and_one_line(
    world: World, logged: Lines, signature: str
) -> None:
    stamp = str(int(time.time()))
    headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature.encode("latin-1")}
    assert [post_bytes(world, NOT_UTF8, headers) for _ in range(5)] == [401] * 5
    lines = warnings(logged)
    assert [r.getMessage() for r in lines] == [
        "refused a Slack request: the signature does not match (another app's request, or a "
        "wrong secret)"
    ] * 5
    assert all(r.exc_info is None and r.name == "aebot.server" for r in lines)


def test_signed_bytes_that_are_not_utf8_get_400_and_one_line(world: World, logged: Lines) -> None:
    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:%s:%s" % (stamp.encode(), NOT_UTF8), hashlib.sha256)
    signature = "v0=" + digest.hexdigest()
    headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}
    assert post_bytes(world, NOT_UTF8, headers) == 400
    [line] = warnings(logged)
    assert line.getMessage() == "refused a signed request: unreadable payload (UnicodeDecodeError)"
    assert line.exc_info is None


# ------------------------------------------------- signed forms Slack would never send


def submission(view: dict[str, Any]) -> dict[str, Any]:
    return {"type": "view_submission", "team": {"id": TEAM}, "user": {"id": "U0AE1"}, "view": view}


LOG_FORM = {"id": "V1", "type": "modal", "callback_id": "contact_log"}
BROKEN_VIEWS = {
    "no view type": (
        {"id": "V1", "callback_id": "contact_log", "state": {"values": {}}},
        "no type",
    ),
    "no view type, a job": ({"id": "V1", "callback_id": "job_form"}, "no type"),
    "state a string": ({**LOG_FORM, "state": "x"}, "state is not an object"),
    "state a list": ({**LOG_FORM, "state": []}, "state is not an object"),
    "values a list": ({**LOG_FORM, "state": {"values": []}}, "state values are not an object"),
    "a block a string": ({**LOG_FORM, "state": {"values": {"summary": "x"}}}, "not objects"),
    "an element a number": (
        {**LOG_FORM, "state": {"values": {"summary": {"value": 3}}}},
        "not objects",
    ),
    "metadata an object": ({**LOG_FORM, "private_metadata": {}}, "private_metadata"),
    "blocks strings": ({**LOG_FORM, "blocks": ["x"]}, "blocks"),
    "type a number": ({**LOG_FORM, "type": 7}, "no type"),
}


@pytest.mark.parametrize("name", list(BROKEN_VIEWS))
def test_a_signed_form_whose_view_slack_never_sends_gets_400_and_stores_nothing(
    world: World, logged: Lines, name: str
) -> None:
    view, why = BROKEN_VIEWS[name]
    body = urlencode({"payload": json.dumps(submission(view))})
    r = world.slack.post(body, "application/x-www-form-urlencoded")
    assert r.status_code == 400 and count(world, ContactLog) == 0 and count(world, Job) == 0
    [line] = warnings(logged)
    assert line.exc_info is None and line.getMessage().startswith("refused a signed request: ")
    assert why in line.getMessage()


def test_a_payload_nested_beyond_reason_gets_400(world: World, logged: Lines) -> None:
    body = urlencode({"payload": "[" * 100_000 + "]" * 100_000})
    assert world.slack.post(body, "application/x-www-form-urlencoded").status_code == 400
    [line] = warnings(logged)
    assert line.exc_info is None and "unreadable payload" in line.getMessage()


def test_over_socket_mode_a_broken_view_is_left_unanswered_with_one_line(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    handler = OnceHandler(create_app(world.bot), "xapp-test-token")
    sent: list[object] = []

    class Socket:
        def send_socket_mode_response(self, response: object) -> None:
            sent.append(response)

    request = SocketModeRequest(
        type="interactive", envelope_id="E1", payload=submission({**LOG_FORM, "state": "x"})
    )
    try:
        with caplog.at_level(logging.INFO):
            handler.handle(Socket(), request)  # type: ignore[arg-type]
    finally:
        handler.client.close()
    assert sent == [] and count(world, ContactLog) == 0
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in lines] == [
        "refused envelope E1 (interactive): its view's state is not an object"
    ]


# ----------------------------------------------------------------- a NUL in any text


@pytest.mark.parametrize(
    ("command", "text", "model"),
    [
        ("/contact", "Nike 打过电话，\x00约了下周见面", ContactLog),
        ("/weekly", "Nike Q1提案已提交\x00", WeeklyNote),
        ("/client", "stage Nike 提案\x00", FunnelChange),
    ],
    ids=["contact", "weekly note", "client"],
)
@pytest.mark.parametrize(("user", "line"), [("U0AE1", NUL_ZH), ("U0AE2", NUL_EN)], ids=["zh", "en"])
def test_a_nul_in_a_command_is_refused_in_the_readers_language_and_nothing_stored(
    world: World,
    logged: Lines,
    command: str,
    text: str,
    model: type[SQLModel],
    user: str,
    line: str,
) -> None:
    before = count(world, model)
    r = world.slack.command(command, text, user=user)
    assert r.status_code == 200 and r.json()["text"].startswith(line)
    assert count(world, model) == before and warnings(logged) == []


def nike(w: World) -> str:
    with w.bot.db.read() as s:
        return str(s.exec(select(Client.id).where(Client.name == "Nike")).one())


def open_form(w: World, command: str, text: str = "") -> dict[str, Any]:
    before = len(w.fake.calls_to("views.open"))
    w.slack.command(command, text)
    return w.slack.wait_for("views.open", before + 1)[-1].args["view"]


FORMS = {
    "a contact's summary": (
        "/contact",
        "",
        lambda w: {
            "client": nike(w),
            "kind": "call",
            "when": "今天上午10点",
            "summary": "谈\x00了",
        },
        "summary",
        ContactLog,
    ),
    "a client's name": (
        "/client",
        "add",
        lambda w: {"name": "百事\x00可乐", "city": "上海", "in_city": "true"},
        "name",
        Client,
    ),
    "a job's brief": (
        "/job",
        "",
        lambda w: {
            "client": nike(w),
            "department": "creative",
            "project": "春季KV",
            "job_type": "平面",
            "brief": "主视觉\x00三稿",
            "deadline": "12月4日 17:00",
        },
        "brief",
        Job,
    ),
    "a weekly note": (
        "/weekly",
        "",
        lambda w: {"problems": "排期\x00冲突"},
        "problems",
        WeeklyNote,
    ),
}


@pytest.mark.parametrize("name", list(FORMS))
def test_a_nul_in_a_form_is_refused_under_its_field_and_nothing_stored(
    world: World, logged: Lines, name: str
) -> None:
    command, text, values, field, model = FORMS[name]
    before = count(world, model)
    view = open_form(world, command, text)
    r = world.slack.submit(view, values(world))
    assert r.status_code == 200
    errors = r.json()["errors"]
    assert list(errors) == [field] and errors[field].startswith(NUL_ZH)
    assert count(world, model) == before and warnings(logged) == []


def test_a_nul_in_a_click_is_answered_where_the_click_was_and_changes_nothing(
    world: World,
) -> None:
    world.slack.command("/contact", "Nike 打过电话")
    with world.bot.db.read() as s:
        [contact] = s.exec(select(ContactLog)).all()
    world.slack.click("contact_undo", f"{contact.id}\x00", key="undo")
    assert wait_until(lambda: world.fake.calls_to("response_url"))
    [answer] = world.fake.calls_to("response_url")
    assert answer.args["text"].startswith(NUL_ZH)
    with world.bot.db.read() as s:
        assert s.exec(select(ContactLog)).one().deleted_at is None


def test_the_database_refuses_a_nul_on_sqlite_as_postgresql_does(world: World) -> None:
    with pytest.raises(sa.exc.DataError), world.bot.db.write() as s:
        s.add(
            Client(
                team_id=TEAM, code="C-1", code_year=2026, serial=9, name="百事\x00可乐",
                city="上海", owner_id="U0AE1",
            )
        )  # fmt: skip
    assert count(world, Client) == 3
    if world.bot.db.is_sqlite:  # the contact writer's own cursor refuses it too
        with pytest.raises(sa.exc.DataError), world.bot.db.driver_write() as cursor:
            cursor.execute("UPDATE client SET name = ? WHERE name = 'Nike'", ("Ni\x00ke",))
        with world.bot.db.read() as s:
            assert s.exec(select(Client).where(Client.name == "Nike")).one()
