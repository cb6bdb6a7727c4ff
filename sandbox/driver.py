"""Drives a running aebot the way Slack does: signed HTTP requests to /slack/events (tests, demo, bench)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode

import httpx

from sandbox.fake_slack import Call, FakeSlack

TEAM = "T0AEBOT"
APP_ID = "A0AEBOT"


def sign(secret: str, body: str, ts: int | None = None) -> dict[str, str]:
    """The two headers Slack puts on every request."""
    ts = int(time.time()) if ts is None else ts
    base = f"v0:{ts}:{body}".encode()
    sig = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": sig}


class Reply:
    """The HTTP answer to a request; Bolt answers a text-only ack as text/plain."""

    def __init__(self, resp: httpx.Response) -> None:
        self.resp, self.status_code, self.text = resp, resp.status_code, resp.text

    def json(self) -> dict[str, Any]:
        if self.resp.headers.get("content-type", "").startswith("application/json"):
            return dict(self.resp.json())
        return {"text": self.text}


class SlackDriver:
    def __init__(self, base_url: str, secret: str, fake: FakeSlack) -> None:
        self.url = base_url + "/slack/events"
        self.secret = secret
        self.fake = fake
        self.http = httpx.Client(timeout=10)
        self._trigger = 0

    def post(self, body: str, content_type: str, headers: dict[str, str] | None = None) -> Reply:
        h = {
            "Content-Type": content_type,
            **(headers if headers is not None else sign(self.secret, body)),
        }
        reply = Reply(self.http.post(self.url, content=body.encode(), headers=h))
        if reply.status_code == 200 and reply.text:
            self.fake.ack(reply.json())  # refused as Slack would refuse it, if it would
        return reply

    def trigger(self) -> str:
        self._trigger += 1
        return f"{self._trigger}.trigger"

    def command(
        self, name: str, text: str = "", user: str = "U0AE1", channel: str = "C0GENERAL"
    ) -> Reply:
        form = command_form(name, text, user, channel, self.trigger(), self.fake)
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def _interactive(self, payload: dict[str, Any]) -> Reply:
        return self.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
        )

    def click(
        self,
        action_id: str,
        value: str,
        user: str = "U0AE1",
        channel: str = "C0GENERAL",
        key: str = "act",
        message_ts: str | None = None,
    ) -> Reply:
        """A click on a button; `message_ts`: the clicked message's (as Slack sends it)."""
        payload = click_payload(action_id, value, user, channel, self.trigger(), self.fake, key)
        if message_ts:
            payload["container"] |= {"message_ts": message_ts, "channel_id": channel}
        return self._interactive(payload)

    def choose(
        self, action_id: str, value: str, user: str = "U0AE1", channel: str = "C0GENERAL"
    ) -> Reply:
        """An option chosen in a menu (a static_select) of a message."""
        payload = click_payload(action_id, value, user, channel, self.trigger(), self.fake)
        action = payload["actions"][0]
        del action["value"]
        action |= {"type": "static_select", "selected_option": {"value": value}}
        return self._interactive(payload)

    def submit(self, view: dict[str, Any], values: dict[str, Any], user: str = "U0AE1") -> Reply:
        """Submit a modal as shown, with `values` typed over its initial values."""
        return self._interactive(submit_payload(view, values, user, self.trigger()))

    def home_opened(self, user: str = "U0AE1") -> Reply:
        event = {"type": "app_home_opened", "user": user, "channel": "D0" + user, "tab": "home"}
        body = json.dumps(event_payload(event, f"Ev{self.trigger()}"))
        return self.post(body, "application/json")

    def dm(
        self, text: str, user: str = "U0AE1", *, ts: str | None = None, retry: int = 0, **extra: Any
    ) -> Reply:
        """A message `user` writes in their DM with aebot (event `message.im`); `retry` > 0 is
        Slack delivering the same event again (its headers, the same event id); `extra` goes
        into the event (`bot_id`, `subtype`…)."""
        ts = ts or f"{time.time():.6f}"
        event = {"type": "message", "channel_type": "im", "channel": "D0" + user, "user": user}
        event |= {"text": text, "ts": ts, "event_ts": ts, **extra}
        body = json.dumps(event_payload(event, f"Ev{user}{ts.replace('.', '')}"))
        headers = sign(self.secret, body)
        if retry:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(body, "application/json", headers)

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """The calls to `method` once there are `count` of them (after-ack work runs on a worker)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.fake.calls_to(method)
            if len(calls) >= count:
                return calls
            time.sleep(0.01)
        raise AssertionError(
            f"expected {count} call(s) to {method}, got {len(self.fake.calls_to(method))}: "
            f"{[c.method for c in self.fake.calls]}"
        )


# ---- what Slack sends, as it sends it: over HTTP (SlackDriver) or Socket Mode (FakeSocketMode)


def command_form(
    name: str,
    text: str,
    user: str,
    channel: str,
    trigger_id: str,
    fake: FakeSlack,
    app_id: str = APP_ID,
) -> dict[str, str]:
    """A slash command's form fields."""
    return {
        "token": "legacy",
        "team_id": TEAM,
        "team_domain": "aebot",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": user.lower(),
        "command": name,
        "text": text,
        "api_app_id": app_id,
        "is_enterprise_install": "false",
        "trigger_id": trigger_id,
        "response_url": fake.response_url(f"cmd-{user}"),
    }


def interaction(kind: str, user: str, trigger_id: str, app_id: str = APP_ID) -> dict[str, Any]:
    """What every interactive payload (a click, a submitted form) starts with."""
    return {
        "type": kind,
        "team": {"id": TEAM, "domain": "aebot"},
        "user": {"id": user, "team_id": TEAM, "name": user.lower()},
        "api_app_id": app_id,
        "trigger_id": trigger_id,
    }


def click_payload(
    action_id: str,
    value: str,
    user: str,
    channel: str,
    trigger_id: str,
    fake: FakeSlack,
    key: str = "act",
    app_id: str = APP_ID,
) -> dict[str, Any]:
    """A click on a button of a message in `channel`."""
    return {
        **interaction("block_actions", user, trigger_id, app_id),
        "channel": {"id": channel},
        "container": {"type": "message"},
        "response_url": fake.response_url(key),
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "b",
                "value": value,
                "action_ts": str(time.time()),
            }
        ],
    }


def submit_payload(
    view: dict[str, Any],
    values: dict[str, Any],
    user: str,
    trigger_id: str,
    app_id: str = APP_ID,
) -> dict[str, Any]:
    """A modal submitted as shown, with `values` typed over its initial values."""
    return {
        **interaction("view_submission", user, trigger_id, app_id),
        "view": {**view, "id": view.get("id", "V1"), "state": {"values": state_of(view, values)}},
    }


def event_payload(event: dict[str, Any], event_id: str, app_id: str = APP_ID) -> dict[str, Any]:
    """An Events API callback carrying `event`."""
    return {
        "token": "legacy",
        "team_id": TEAM,
        "api_app_id": app_id,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "event": event,
    }


def state_of(view: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    state: dict[str, Any] = {}
    for b in view.get("blocks", []):
        if b.get("type") != "input":
            continue
        el, bid = b["element"], b["block_id"]
        kind = el["type"]
        given = values.get(bid, _initial(el))
        if kind == "static_select":
            opt = (
                next((o for o in el["options"] if o["value"] == given), None)
                if given is not None
                else None
            )
            v: dict[str, Any] = {"type": kind, "selected_option": opt}
        elif kind == "users_select":
            v = {"type": kind, "selected_user": given}
        elif kind == "multi_users_select":
            v = {"type": kind, "selected_users": list(given or [])}
        elif kind == "multi_static_select" or kind == "checkboxes":
            chosen = [o for o in el["options"] if o["value"] in (given or [])]
            v = {"type": kind, "selected_options": chosen}
        else:
            v = {"type": kind, "value": given}
        state[bid] = {el.get("action_id", "value"): v}
    return state


def _initial(el: dict[str, Any]) -> Any:
    if "initial_option" in el:
        return el["initial_option"]["value"]
    if "initial_options" in el:
        return [o["value"] for o in el["initial_options"]]
    return el.get("initial_user") or el.get("initial_users") or el.get("initial_value")
