"""The fake Slack Web API server, driven by a real slack_sdk WebClient."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable

import httpx
import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.limits import MESSAGE_BLOCKS_TEXT_MAX
from bot.slack.sender import Sender
from sandbox.checks import ApiError, text_in
from sandbox.fake_slack import Call, FakeSlack
from sandbox.render import describe
from tests.conftest import wait_until

TOKEN = "xoxb-test-token"


@pytest.fixture(scope="module")
def server():
    with FakeSlack(token=TOKEN) as fake:
        yield fake


@pytest.fixture
def fake(server: FakeSlack) -> FakeSlack:
    server.reset()
    server.users.clear()
    return server


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    return WebClient(token=TOKEN, base_url=fake.url, timeout=5)


def section(text: str, **extra) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}, **extra}


def button(label: str, action_id: str = "go", **extra) -> dict:
    text = {"type": "plain_text", "text": label}
    return {"type": "button", "text": text, "action_id": action_id, **extra}


def modal(title: str = "New ticket", blocks: list | None = None, **extra) -> dict:
    view = {"type": "modal", "title": {"type": "plain_text", "text": title}, **extra}
    return view | {"blocks": blocks if blocks is not None else [section("Hello")]}


def error_of(call) -> str:
    with pytest.raises(SlackApiError) as info:
        call()
    return info.value.response["error"]


def test_post_message_is_recorded_with_decoded_blocks(fake, client):
    blocks = [section("*Hi*"), {"type": "divider"}]
    answer = client.chat_postMessage(channel="C1", text="hi", blocks=blocks, thread_ts="1.2")
    assert answer["ok"] and answer["channel"] == "C1"
    assert answer["message"]["blocks"] == blocks
    [call] = fake.calls_to("chat.postMessage")
    assert call.ok and call.token == TOKEN and call.error is None
    assert call.args["blocks"] == blocks and call.response["ts"] == answer["ts"]
    [stored] = fake.messages("C1")
    assert stored["ts"] == answer["ts"] and stored["thread_ts"] == "1.2"
    assert stored["blocks"] == blocks and stored["text"] == "hi" and stored["user"] is None


def test_form_encoded_calls_decode_json_strings_and_token_argument(fake):
    http = WebClient(base_url=fake.url)  # no bearer header: token travels as an argument
    blocks = [section("form")]
    data = {"token": TOKEN, "channel": "C1", "blocks": json.dumps(blocks)}
    assert http.api_call("chat.postMessage", data=data)["ok"]
    [call] = fake.calls_to("chat.postMessage")
    assert call.args["blocks"] == blocks and call.token == TOKEN and "token" not in call.args


def test_ts_is_unique_and_increasing_across_threads(fake, client):
    def post(i: int) -> None:
        client.chat_postMessage(channel="C1", text=f"m{i}")

    threads = [threading.Thread(target=post, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps = [m["ts"] for m in fake.messages("C1")]
    assert len(stamps) == len(set(stamps)) == 20 and stamps == sorted(stamps, key=float)
    assert all(len(ts.split(".")[1]) == 6 for ts in stamps)
    assert len(fake.calls) == 20


@pytest.mark.parametrize(
    ("blocks", "error"),
    [
        ([section("x")] * 51, "invalid_blocks"),
        ([section("x" * 3001)], "invalid_blocks"),
        ([section("x", fields=[{"type": "mrkdwn", "text": "f"}] * 11)], "invalid_blocks"),
        ([section("x", fields=[{"type": "mrkdwn", "text": "f" * 2001}])], "invalid_blocks"),
        ([{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}], "invalid_blocks"),
        ([{"type": "actions", "elements": [button("b" * 76)]}], "invalid_blocks"),
        ([{"type": "actions", "elements": [button("b", value="v" * 2001)]}], "invalid_blocks"),
        ([{"type": "actions", "elements": [button("b", "a" * 256)]}], "invalid_blocks"),
        ([{"type": "actions", "elements": [button("a"), button("b")]}], "invalid_blocks"),
        ([section("a", block_id="x"), section("b", block_id="x")], "invalid_blocks"),
        ([{"type": "sectoin", "text": {"type": "mrkdwn", "text": "typo"}}], "invalid_blocks"),
        (["not a block"], "invalid_blocks"),
        (
            [{"type": "actions", "elements": [button("b", f"a{i}") for i in range(26)]}],
            "invalid_blocks",
        ),
        (
            [{"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}] * 11}],
            "invalid_blocks",
        ),
        ([section("")], "invalid_blocks"),
    ],
    ids=[
        "51-blocks",
        "section-3001",
        "11-fields",
        "field-2001",
        "header-151",
        "button-text-76",
        "button-value-2001",
        "action-id-256",
        "duplicate-action-id",
        "duplicate-block-id",
        "unknown-type",
        "not-a-dict",
        "26-actions",
        "11-context",
        "empty-section",
    ],
)
def test_message_block_limits(fake, client, blocks, error):
    assert error_of(lambda: client.chat_postMessage(channel="C1", text="t", blocks=blocks)) == error
    [call] = fake.calls_to("chat.postMessage")
    assert not call.ok and call.error == error and call.response["response_metadata"]["messages"]
    assert fake.messages() == []


def test_limits_at_the_edge_are_accepted(client):
    blocks = [section("x" * 3000)] + [{"type": "divider"}] * 48
    actions = [button("b" * 75, f"a{i}", value="v" * 2000) for i in range(25)]
    blocks.append({"type": "actions", "elements": actions})
    assert client.chat_postMessage(channel="C1", blocks=blocks, text="t" * 40_000)["ok"]


def blocks_of_text(total: int) -> list[dict]:
    """Blocks carrying `total` characters of text in all, each block within its own limit:
    a header, section text and fields, context elements, a button, and sections to fill."""
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "h" * 150}},
        section("s" * 1000, fields=[{"type": "mrkdwn", "text": "f" * 2000}] * 2),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "c" * 1000}] * 2},
        {"type": "actions", "elements": [button("b" * 50)]},
    ]
    left = total - 150 - 5000 - 2000 - 50
    while left > 0:
        blocks.append(section("x" * min(left, 3000)))
        left -= 3000
    return blocks


def test_blocks_holding_more_text_than_slack_takes_are_refused_msg_blocks_too_long(fake, client):
    """Slack's undocumented total (about 12,000 characters of text in a message's blocks),
    whatever each block's own limit: refused one character over it, by every way a message
    goes out; accepted at it."""
    at, over = blocks_of_text(MESSAGE_BLOCKS_TEXT_MAX), blocks_of_text(MESSAGE_BLOCKS_TEXT_MAX + 1)
    assert len(over) <= 50 and text_in(over) == MESSAGE_BLOCKS_TEXT_MAX + 1
    posted = client.chat_postMessage(channel="C1", text="t", blocks=at)
    assert posted["ok"]
    assert client.chat_postEphemeral(channel="C1", user="U1", text="t", blocks=at)["ok"]
    assert client.chat_update(channel="C1", ts=posted["ts"], text="t", blocks=at)["ok"]
    refusals = [
        lambda: client.chat_postMessage(channel="C1", text="t", blocks=over),
        lambda: client.chat_postEphemeral(channel="C1", user="U1", text="t", blocks=over),
        lambda: client.chat_update(channel="C1", ts=posted["ts"], text="t", blocks=over),
    ]
    assert [error_of(call) for call in refusals] == ["msg_blocks_too_long"] * 3
    url = fake.response_url("long")
    assert httpx.post(url, json={"text": "t", "blocks": at}).status_code == 200
    refused = httpx.post(url, json={"text": "t", "blocks": over})
    assert refused.status_code == 400 and refused.json()["error"] == "msg_blocks_too_long"
    assert len(fake.messages("C1")) == 2  # the post and the ephemeral one, as first sent


def test_message_argument_errors(client):
    assert error_of(lambda: client.api_call("chat.postMessage", json={"text": "hi"})) == (
        "channel_not_found"
    )
    no_text = lambda: client.api_call("chat.postMessage", json={"channel": "C1"})  # noqa: E731
    assert error_of(no_text) == "no_text"
    assert error_of(lambda: client.chat_postMessage(channel="C1", text="x" * 40_001)) == (
        "msg_too_long"
    )
    assert error_of(lambda: client.chat_postEphemeral(channel="C1", user="", text="hi")) == (
        "user_not_found"
    )
    assert error_of(lambda: client.chat_update(channel="C1", ts="1.000001", text="x")) == (
        "message_not_found"
    )


def test_auth(fake, client):
    bad = WebClient(token="xoxb-wrong", base_url=fake.url)
    assert error_of(lambda: bad.chat_postMessage(channel="C1", text="hi")) == "invalid_auth"
    anonymous = WebClient(base_url=fake.url)
    assert error_of(lambda: anonymous.auth_test()) == "not_authed"
    assert error_of(lambda: client.api_call("chat.flyToTheMoon")) == "unknown_method"
    assert [c.error for c in fake.calls] == ["invalid_auth", "not_authed", "unknown_method"]
    assert fake.calls[0].token == "xoxb-wrong"
    answer = client.auth_test()
    assert (answer["team_id"], answer["user_id"], answer["bot_id"]) == (
        "T0AEBOT",
        "U0AEBOT",
        "B0AEBOT",
    )


def test_views_open_checks(fake, client):
    no_trigger = lambda: client.api_call("views.open", json={"view": modal()})  # noqa: E731
    assert error_of(no_trigger) == "invalid_arguments"
    assert error_of(lambda: client.views_open(trigger_id="t", view=modal("x" * 25))) == (
        "invalid_arguments"
    )
    field = {"type": "input", "label": {"type": "plain_text", "text": "Client"}}
    field["element"] = {"type": "plain_text_input", "action_id": "client", "initial_value": "Acme"}
    no_submit = modal(blocks=[field])
    assert error_of(lambda: client.views_open(trigger_id="t", view=no_submit)) == (
        "invalid_arguments"
    )
    too_many = modal(blocks=[{"type": "divider"}] * 101)
    assert error_of(lambda: client.views_open(trigger_id="t", view=too_many)) == (
        "invalid_arguments"
    )
    ok = client.views_open(trigger_id="t", view=modal("x" * 24, [field], submit=_plain("Save")))
    view = ok["view"]
    assert view["id"].startswith("V") and view["hash"] and view["title"]["text"] == "x" * 24
    assert fake.calls_to("views.open")[-1].args["view"]["blocks"] == [field]

    updated = client.views_update(view_id=view["id"], view=modal("Done"), hash=view["hash"])
    assert updated["view"]["id"] == view["id"] and updated["view"]["hash"] != view["hash"]
    assert error_of(lambda: client.views_update(view_id=view["id"], view=modal(), hash="old")) == (
        "hash_conflict"
    )
    assert error_of(lambda: client.views_update(view_id="V404", view=modal())) == "not_found"


def _plain(text: str) -> dict:
    return {"type": "plain_text", "text": text}


def test_views_publish_home(fake, client):
    home = {"type": "home", "blocks": [section("Welcome")]}
    first = client.views_publish(user_id="U1", view=home)["view"]
    again = client.views_publish(user_id="U1", view=home)["view"]
    assert first["id"] == again["id"] and fake.home_view("U1")["blocks"] == home["blocks"]
    assert error_of(lambda: client.views_publish(user_id="U1", view=modal())) == "invalid_arguments"


def test_chat_update_and_delete_change_messages(fake, client):
    ts = client.chat_postMessage(channel="C1", text="old", blocks=[section("old")])["ts"]
    answer = client.chat_update(channel="C1", ts=ts, text="new")
    assert answer["ts"] == ts and answer["text"] == "new"
    [stored] = fake.messages("C1")
    assert stored["text"] == "new" and stored["blocks"] == [section("old")]  # blocks kept
    client.chat_update(channel="C1", ts=ts, text="newer", blocks=[section("new")])
    assert fake.messages("C1")[0]["blocks"] == [section("new")]
    client.chat_delete(channel="C1", ts=ts)
    assert fake.messages() == []


def test_ephemeral_messages_are_stored_with_their_user(fake, client):
    answer = client.chat_postEphemeral(channel="C1", user="U1", text="only you")
    [stored] = fake.messages("C1")
    assert stored["ts"] == answer["message_ts"] and stored["user"] == "U1" and stored["ephemeral"]


def test_conversations_open_and_users_info(fake, client):
    assert client.conversations_open(users="U1")["channel"]["id"] == "DU1"
    assert client.conversations_open(users=["U1"])["channel"]["id"] == "DU1"
    assert error_of(lambda: client.api_call("conversations.open", json={})) == (
        "users_list_not_supplied"
    )
    fake.users["U1"] = {"locale": "en-US", "real_name": "Ann Lee"}
    user = client.users_info(user="U1")["user"]
    assert (user["id"], user["locale"], user["real_name"], user["tz"]) == (
        "U1",
        "en-US",
        "Ann Lee",
        "Asia/Shanghai",
    )
    assert client.users_info(user="U2")["user"]["locale"] == "zh-CN"
    assert error_of(lambda: client.api_call("users.info", params={})) == "user_not_found"


def test_response_url(fake):
    url = fake.response_url("abc")
    body = {"text": "done", "replace_original": True}
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert json.load(response) == {"ok": True}
    reply = httpx.post(url, json={"response_type": "in_channel", "blocks": [section("x" * 3001)]})
    assert reply.status_code == 400 and reply.json()["error"] == "invalid_blocks"
    empty = httpx.post(url, json={"response_type": "ephemeral"})
    assert empty.status_code == 400 and empty.json()["error"] == "no_text"
    first, *failures = fake.calls_to("response_url")
    assert first.ok and first.args == body | {"_key": "abc"}
    assert [c.error for c in failures] == ["invalid_blocks", "no_text"]


def test_files_upload_v2_round_trip(fake, client):
    answer = client.files_upload_v2(
        channel="C1", content=b"col1,col2\n1,2\n", filename="report.csv", title="Report"
    )
    file_id = answer["file"]["id"]
    assert fake.uploads[file_id] == b"col1,col2\n1,2\n"
    assert answer["file"]["title"] == "Report" and answer["file"]["size"] == 14
    [complete] = fake.calls_to("files.completeUploadExternal")
    assert complete.args["channel_id"] == "C1" and complete.args["files"][0]["id"] == file_id


def test_fail_next(fake, client):
    fake.fail_next("chat.postMessage", "ratelimited")
    refused = refusal(lambda: client.chat_postMessage(channel="C1", text="hi"))
    assert (refused.status_code, refused["error"]) == (429, "ratelimited")
    assert refused.headers["Retry-After"] == "1"  # Slack sends it with every 429
    fake.fail_next("chat.postMessage", "channel_not_found")
    assert error_of(lambda: client.chat_postMessage(channel="C1", text="hi")) == (
        "channel_not_found"
    )
    assert client.chat_postMessage(channel="C1", text="hi")["ok"]
    assert [c.ok for c in fake.calls_to("chat.postMessage")] == [False, False, True]
    assert [c.status for c in fake.calls_to("chat.postMessage")] == [429, 200, 200]
    assert len(fake.messages()) == 1


def test_describe_message():
    blocks = [
        {"type": "header", "text": _plain("Contact log")},
        section("*Acme* called", accessory=button("Edit", "edit")),
        {"type": "divider"},
        {"type": "actions", "elements": [button("Approve", "yes"), button("Reject", "no")]},
        {
            "type": "actions",
            "elements": [{"type": "static_select", "placeholder": _plain("Pick"), "options": []}],
        },
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "by <@U1>"}]},
    ]
    call = Call(
        "chat.postMessage", {"channel": "C1", "text": "x", "blocks": blocks}, TOKEN, True, None, {}
    )
    assert describe(call) == "\n".join(
        [
            "C1:",
            "Contact log",
            "*Acme* called [Edit]",
            "────",
            "[Approve] [Reject]",
            "[▾ Pick]",
            "by <@U1>",
        ]
    )
    plain = Call("chat.postMessage", {"channel": "C1", "text": "just text"}, TOKEN, True, None, {})
    assert describe(plain) == "C1:\njust text"


def test_describe_view():
    field = {"type": "input", "label": _plain("Client")}
    field["element"] = {"type": "plain_text_input", "initial_value": "Acme"}
    view = modal("New ticket", [section("Fill in"), field], submit=_plain("Save"))
    call = Call("views.open", {"trigger_id": "t", "view": view}, TOKEN, True, None, {})
    assert (
        describe(call) == "[modal] New ticket\nFill in\nClient: <plain_text_input> (Acme)\n[Save]"
    )


# ------------------------------------------------------------------ faults, as a sender meets them
def plain(fake: FakeSlack, timeout: float = 5, token: str = TOKEN) -> WebClient:
    """A WebClient that retries nothing by itself, like the outbox's sender."""
    return WebClient(token=token, base_url=fake.url, timeout=timeout, retry_handlers=[])


def refusal(call: Callable[[], object]):
    with pytest.raises(SlackApiError) as info:
        call()
    return info.value.response


def test_http500_on_the_channels_given_processes_nothing(fake):
    client = plain(fake)
    fake.inject("chat.postMessage", "http500", times=2, channels=["U1"])
    first = refusal(lambda: client.chat_postMessage(channel="U1", text="a"))
    assert (first.status_code, first.data) == (500, {"ok": False, "error": "internal_error"})
    assert client.chat_postMessage(channel="U2", text="b")["ok"]  # another channel passes
    second = refusal(lambda: client.chat_postMessage(channel="DU1", text="c"))  # same DM
    assert second.status_code == 500
    assert client.chat_postMessage(channel="U1", text="d")["ok"]  # times=2 used up
    assert [m["text"] for m in fake.dms("U1")] == ["d"]
    assert [m["text"] for m in fake.dms("U2")] == ["b"]
    calls = fake.calls_to("chat.postMessage")
    assert [(c.status, c.ok, c.error) for c in calls] == [
        (500, False, "http500"),
        (200, True, None),
        (500, False, "http500"),
        (200, True, None),
    ]


def test_ratelimited_answers_429_with_retry_after(fake):
    client = plain(fake)
    fake.inject("chat.postMessage", "ratelimited", times=2, retry_after=7)
    for _ in range(2):
        refused = refusal(lambda: client.chat_postMessage(channel="C1", text="a"))
        assert refused.status_code == 429 and refused["error"] == "ratelimited"
        assert refused.headers["Retry-After"] == "7"
    assert client.chat_postMessage(channel="C1", text="a")["ok"]
    assert len(fake.messages("C1")) == 1
    assert [c.error for c in fake.calls_to("chat.postMessage")] == ["ratelimited"] * 2 + [None]


def test_lost_answer_is_processed_but_never_answered(fake):
    client = plain(fake)
    metadata = {"event_type": "aebot_outbox", "event_payload": {"key": "nudge:U1"}}
    fake.inject("chat.postMessage", "lost_answer")
    with pytest.raises(OSError):  # RemoteDisconnected: no status line at all
        client.chat_postMessage(channel="U1", text="hi", metadata=metadata)
    [stored] = fake.dms("U1")
    assert stored["metadata"] == metadata
    [call] = fake.calls_to("chat.postMessage")
    assert call.ok and call.lost and call.fault == "lost_answer" and call.response["ts"]
    # the sender can find out it was delivered: the key is in the DM's history
    found = client.conversations_history(channel="DU1", include_all_metadata=True)
    assert [m["metadata"] for m in found["messages"]] == [metadata]
    assert client.chat_postMessage(channel="U1", text="next")["ok"]  # the fault is used up
    assert len(fake.dms("U1")) == 2


def test_hang_holds_one_request_until_released_and_others_go_on(fake):
    impatient = plain(fake, timeout=0.5)
    fake.inject("chat.postMessage", "hang", channels=["U1"], seconds=15)
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        impatient.chat_postMessage(channel="U1", text="held")
    assert time.monotonic() - started < 1.5
    assert plain(fake).chat_postMessage(channel="U2", text="meanwhile")["ok"]  # not blocked
    assert fake.dms("U1") == [] and fake.calls_to("chat.postMessage")[0].args["channel"] == "U2"
    assert fake.held() == 1  # still held, though its client has gone
    fake.release()
    assert wait_until(lambda: len(fake.dms("U1")) == 1, 2)  # stored although the client left
    assert fake.held() == 0
    [call] = [c for c in fake.calls_to("chat.postMessage") if c.args["channel"] == "U1"]
    assert call.ok and call.fault == "hang" and not call.lost


def test_a_short_hang_answers_a_patient_client(fake):
    fake.inject("chat.postMessage", "hang", seconds=0.3)
    started = time.monotonic()
    assert plain(fake).chat_postMessage(channel="C1", text="late")["ok"]
    assert 0.3 <= time.monotonic() - started < 1.5
    assert len(fake.messages("C1")) == 1


def test_reset_drops_a_held_request_unprocessed(fake):
    fake.inject("chat.postMessage", "hang", seconds=15)
    with pytest.raises(TimeoutError):
        plain(fake, timeout=0.3).chat_postMessage(channel="C1", text="old test")
    fake.reset()
    assert plain(fake).chat_postMessage(channel="C1", text="new test")["ok"]
    assert [m["text"] for m in fake.messages()] == ["new test"]
    assert len(fake.calls) == 1


def test_workspace_rate_limit_is_shared_by_every_thread(fake):
    fake.rate_limit("chat.postMessage", 2, burst=3)
    answers: list[tuple[int, str | None]] = []

    def post(i: int) -> None:
        try:
            plain(fake).chat_postMessage(channel=f"C{i}", text="hi")
            answers.append((200, None))
        except SlackApiError as exc:
            answers.append((exc.response.status_code, exc.response.headers.get("Retry-After")))

    threads = [threading.Thread(target=post, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a[0] for a in answers) == [200] * 3 + [429] * 7
    assert all(int(after) >= 1 for status, after in answers if status == 429)
    assert len(fake.messages()) == 3
    assert [c.error for c in fake.calls].count("ratelimited") == 7
    assert plain(fake).auth_test()["ok"]  # other methods are not limited
    fake.rate_limit("chat.postMessage", None)
    assert plain(fake).chat_postMessage(channel="C1", text="free again")["ok"]


def test_rate_limit_refills_over_time(fake):
    client = plain(fake)
    fake.rate_limit("chat.postMessage", 10)  # one token every 0.1 s, burst 1
    assert client.chat_postMessage(channel="C1", text="1")["ok"]
    refused = refusal(lambda: client.chat_postMessage(channel="C1", text="2"))
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    time.sleep(0.15)
    assert client.chat_postMessage(channel="C1", text="3")["ok"]
    assert [m["text"] for m in fake.messages("C1")] == ["1", "3"]


def test_reset_forgets_faults_and_rate_limits(fake):
    fake.inject("chat.postMessage", "http500", times=5)
    fake.rate_limit("chat.postMessage", 0.01)
    fake.reset()
    client = plain(fake)
    assert all(client.chat_postMessage(channel="C1", text=str(i))["ok"] for i in range(3))


def test_refused_connections_then_the_same_url_again(fake):
    url, client = fake.url, plain(fake)
    fake.refuse_connections()
    try:
        with pytest.raises(urllib.error.URLError) as info:
            client.chat_postMessage(channel="C1", text="lost")
        assert isinstance(info.value.reason, ConnectionRefusedError)
    finally:
        fake.accept_connections()
    assert fake.url == url and client.chat_postMessage(channel="C1", text="back")["ok"]
    assert [m["text"] for m in fake.messages()] == ["back"] and len(fake.calls) == 1


def test_reset_accepts_connections_again(fake):
    fake.refuse_connections()
    fake.reset()
    assert plain(fake).chat_postMessage(channel="C1", text="next test")["ok"]


def test_refused_connections_for_a_while(fake):
    port = int(fake.base.rsplit(":", 1)[1])
    fake.refuse_connections(0.3)
    try:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        assert wait_until(lambda: _connects(port), 2)
    finally:
        fake.accept_connections()
    assert plain(fake).chat_postMessage(channel="C1", text="back")["ok"]


def _connects(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except ConnectionRefusedError:
        return False


# ----------------------------------------------------------------- DMs, history and metadata
def test_a_post_to_a_user_id_lands_in_the_dm(fake, client):
    answer = client.chat_postMessage(channel="U1", text="hello")
    assert answer["channel"] == "DU1"  # as Slack: the DM's id, not the user's
    client.chat_update(channel=answer["channel"], ts=answer["ts"], text="hello again")
    opened = client.conversations_open(users="U1")["channel"]["id"]
    client.chat_postMessage(channel=opened, text="second")
    client.chat_postEphemeral(channel="DU1", user="U1", text="only you")
    client.chat_postMessage(channel="U2", text="other")
    assert [m["text"] for m in fake.dms("U1")] == ["hello again", "second"]
    assert [m["text"] for m in fake.messages("U1")] == ["hello again"]  # kept as posted


def test_history_pages_newest_first_with_metadata_on_request(fake, client):
    def meta(i: int) -> dict:
        return {"event_type": "aebot_outbox", "event_payload": {"key": f"k{i}"}}

    stamps = [client.chat_postMessage(channel="U1", text="m0", metadata=meta(0))["ts"]]
    stamps += [client.chat_postMessage(channel="DU1", text=f"m{i}")["ts"] for i in (1, 2, 3)]
    client.chat_postMessage(channel="U1", text="reply", thread_ts=stamps[0])  # not in history
    client.chat_postEphemeral(channel="DU1", user="U1", text="ephemeral")
    client.chat_postMessage(channel="C1", text="elsewhere")

    page = client.conversations_history(channel="DU1", limit=3)
    assert [m["text"] for m in page["messages"]] == ["m3", "m2", "m1"]
    assert page["has_more"] and page["response_metadata"]["next_cursor"]
    assert all("metadata" not in m for m in page["messages"])
    cursor = page["response_metadata"]["next_cursor"]
    rest = client.conversations_history(channel="DU1", limit=3, cursor=cursor)
    assert [m["text"] for m in rest["messages"]] == ["m0"] and not rest["has_more"]
    assert rest["response_metadata"]["next_cursor"] == ""

    full = client.conversations_history(channel="DU1", include_all_metadata=True)
    assert [m.get("metadata") for m in full["messages"]] == [None, None, None, meta(0)]
    assert [m["ts"] for m in full["messages"]] == stamps[::-1]

    between = client.conversations_history(channel="DU1", oldest=stamps[0], latest=stamps[2])
    assert [m["text"] for m in between["messages"]] == ["m1"]
    inclusive = client.conversations_history(
        channel="DU1", oldest=stamps[0], latest=stamps[2], inclusive=True
    )
    assert [m["text"] for m in inclusive["messages"]] == ["m2", "m1", "m0"]
    assert client.conversations_history(channel="C2")["messages"] == []
    assert error_of(lambda: client.api_call("conversations.history", params={})) == (
        "channel_not_found"
    )


def test_metadata_is_checked_like_slack_and_kept_by_update(fake, client):
    good = {"event_type": "aebot_outbox", "event_payload": {"key": "k"}}
    for bad in (
        "not json",
        {"event_type": "x"},
        {"event_payload": {}},
        {"event_type": 1, "event_payload": {}},
        {"event_type": "x", "event_payload": "y"},
    ):
        call = lambda m=bad: client.chat_postMessage(channel="C1", text="x", metadata=m)  # noqa: E731
        assert error_of(call) == "invalid_metadata_format", bad
    ts = client.chat_postMessage(channel="C1", text="x")["ts"]
    update = lambda m: client.chat_update(channel="C1", ts=ts, text="y", metadata=m)  # noqa: E731
    assert error_of(lambda: update({"event_type": "x"})) == "invalid_metadata_format"
    update(good)
    assert fake.messages("C1")[0]["metadata"] == good
    form = client.api_call(
        "chat.postMessage", data={"channel": "C1", "text": "f", "metadata": json.dumps(good)}
    )
    assert form["ok"] and fake.messages("C1")[1]["metadata"] == good


# ------------------------------------------------------------------------ scopes and app token
def test_methods_not_granted_answer_missing_scope():
    with FakeSlack(token=TOKEN, scopes=["chat:write", "commands"]) as fake:
        client = plain(fake)
        refused = refusal(lambda: client.users_info(user="U1"))
        assert refused.data == {
            "ok": False,
            "error": "missing_scope",
            "needed": "users:read",
            "provided": "chat:write,commands",
        }
        assert error_of(lambda: client.conversations_open(users="U1")) == "missing_scope"
        needed = {
            "conversations.open": ({"users": "U1"}, "im:write"),
            "conversations.history": ({"channel": "D1"}, "im:history"),
            "users.lookupByEmail": ({"email": "a@b.c"}, "users:read.email"),
            "reactions.add": (
                {"channel": "C1", "timestamp": "1.0", "name": "x"},
                "reactions:write",
            ),
            "files.getUploadURLExternal": ({"filename": "a", "length": 1}, "files:write"),
        }
        for method, (args, scope) in needed.items():
            assert refusal(lambda m=method, a=args: client.api_call(m, json=a))["needed"] == scope
        history = {"C1": "channels:history", "G1": "groups:history"}
        for channel, scope in history.items():
            answer = refusal(lambda c=channel: client.conversations_history(channel=c))
            assert answer["needed"] == scope
        assert refusal(lambda: client.conversations_open(users="U1,U2"))["needed"] == "mpim:write"
        assert client.chat_postMessage(channel="C1", text="granted")["ok"]
        assert client.auth_test()["ok"] and client.chat_getPermalink(channel="C1", message_ts="1")
        assert [c.error for c in fake.calls].count("missing_scope") == 10


def test_app_token_methods(fake):
    opened: list[dict] = []

    def connections_open(args: dict) -> dict:
        if args.get("fail"):
            raise ApiError("invalid_arguments")
        opened.append(args)
        return {"url": "ws://127.0.0.1:1/link"}

    fake.add_method("apps.connections.open", connections_open, app_token=True)
    app = plain(fake, token="xapp-test-token")
    assert app.apps_connections_open(app_token="xapp-test-token")["url"].startswith("ws://")
    bot = plain(fake)
    assert error_of(lambda: bot.api_call("apps.connections.open")) == "invalid_auth"
    assert error_of(lambda: app.chat_postMessage(channel="C1", text="x")) == (
        "not_allowed_token_type"
    )
    assert error_of(lambda: app.api_call("apps.connections.open", json={"fail": 1})) == (
        "invalid_arguments"
    )
    assert len(opened) == 1 and fake.messages() == []


def test_app_token_methods_skip_bot_scopes():
    with FakeSlack(token=TOKEN, scopes=[]) as fake:
        fake.add_method("apps.connections.open", lambda a: {"url": "ws://x"}, app_token=True)
        assert plain(fake, token=fake.app_token).apps_connections_open(app_token=fake.app_token)


def test_conversations_list_pages_and_needs_the_scope_of_each_type() -> None:
    """What the Sender's lookup of a channel by its name meets: pages of at most `limit`, and
    missing_scope without channels:read (groups:read for private channels), as on Slack."""
    with FakeSlack(token=TOKEN, scopes=["chat:write"]) as fake:
        fake.channels = {f"C{i:07d}": {"name": f"c-{i}"} for i in range(1001)}
        fake.channels["G0PRIVATE"] = {"name": "board", "is_private": True}
        client = WebClient(token=TOKEN, base_url=fake.url)
        with pytest.raises(SlackApiError) as exc:
            client.conversations_list()
        assert exc.value.response["needed"] == "channels:read"
        fake.scopes = ["channels:read"]
        first = client.conversations_list(limit=1000)
        assert len(first["channels"]) == 1000 and "board" not in str(first["channels"])
        cursor = first["response_metadata"]["next_cursor"]
        rest = client.conversations_list(limit=1000, cursor=cursor)
        assert [c["name"] for c in rest["channels"]] == ["c-1000"]
        assert rest["response_metadata"]["next_cursor"] == ""
        with pytest.raises(SlackApiError) as exc:
            client.conversations_list(types="private_channel")
        assert exc.value.response["needed"] == "groups:read"
        assert Sender(client).channel_named("#C-1000") == "C0001000"  # after the first page
        assert Sender(client).channel_named("board") is None  # private: not listed
