"""The fake Slack Web API server, driven by a real slack_sdk WebClient."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import httpx
import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from sandbox.fake_slack import Call, FakeSlack
from sandbox.render import describe

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
    assert error_of(lambda: client.chat_postMessage(channel="C1", text="hi")) == "ratelimited"
    assert client.chat_postMessage(channel="C1", text="hi")["ok"]
    assert [c.ok for c in fake.calls_to("chat.postMessage")] == [False, True]
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
