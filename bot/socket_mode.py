"""Socket Mode: Slack's websocket instead of a public URL, each envelope handled once.

Slack delivers over the socket at least once. An envelope that is not acked in time (a slow
answer, a connection dropped between the delivery and the ack) comes again, with the same
`envelope_id` and `retry_attempt` + 1. Bolt's `SocketModeHandler` would run the listener again
and store the contact twice; `OnceHandler` remembers the recent envelopes and answers a repeat
with the first delivery's answer, without running anything again.

The built-in client (slack_sdk, no extra dependency) replaces a connection by itself after
Slack's `disconnect`. `SteadyClient` makes it quick about the rest: a connection closed without
a word (no close frame) took it five failed pings, 10 s and more of a spinning thread, and a
half-open one four ping intervals without a pong (with Bolt's default interval, 40 s).
"""

from __future__ import annotations

import json
import logging
import select
import socket
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.socket_mode.base_handler import BaseSocketModeHandler
from slack_bolt.adapter.socket_mode.internals import run_bolt_app
from slack_bolt.response import BoltResponse
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot.slack.payloads import payload_problem

log = logging.getLogger("aebot.socket_mode")

PING_INTERVAL = 2.0  # seconds; a connection without a pong for 4 of them (8 s) is replaced
RECEIVE_TIMEOUT = 0.5  # seconds a read waits; a refresh waits for it to close the old connection
REMEMBERED = 10_000  # envelopes; Slack retries within minutes, far fewer than this arrive
REPEAT_WAIT = 2.5  # seconds a repeat waits for the first delivery's answer (Slack's limit: 3 s)


@dataclass
class Answer:
    """What the first delivery of an envelope was answered, once it has been."""

    done: threading.Event = field(default_factory=threading.Event)
    acked: bool = False
    payload: dict[str, Any] | None = None

    def give(self, payload: dict[str, Any] | None, acked: bool = True) -> None:
        self.payload, self.acked = payload, acked
        self.done.set()


class RecentEnvelopes:
    """A bounded memory of the deliveries seen, by every key that names one: the envelope id,
    and the event id or trigger id inside it (a repeat is recognised by any of them)."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._seen: OrderedDict[str, Answer] = OrderedDict()
        self._lock = threading.Lock()

    def claim(self, keys: list[str]) -> tuple[Answer, bool]:
        """The answer slot for this delivery, and whether it is the first one."""
        with self._lock:
            for key in keys:
                if key in self._seen:
                    self._seen.move_to_end(key)
                    return self._seen[key], False
            answer = Answer()
            for key in keys:
                self._seen[key] = answer
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)
            return answer, True

    def forget(self, keys: list[str]) -> None:
        """A delivery that was not answered: Slack's next try is handled afresh."""
        with self._lock:
            for key in keys:
                self._seen.pop(key, None)


def keys_of(req: SocketModeRequest) -> list[str]:
    """Every name of this delivery. A retry keeps the envelope id; the event id (events) and
    the trigger id (commands, clicks, forms) are Slack's own and survive a new envelope too."""
    keys = [f"envelope:{req.envelope_id}"]
    payload = req.payload or {}
    if payload.get("event_id"):
        keys.append(f"event:{payload['event_id']}")
    if payload.get("trigger_id"):
        keys.append(f"trigger:{payload['trigger_id']}")
    return keys


def ack_payload(resp: BoltResponse) -> dict[str, Any] | None:
    """The ack's payload for Bolt's answer, as Bolt's own Socket Mode adapter makes it."""
    if not resp.body:
        return None
    content_type = (resp.headers.get("content-type") or [""])[0]
    if content_type.startswith("application/json"):
        body = json.loads(resp.body)
        return body if isinstance(body, dict) else None
    return {"text": resp.body}


class SteadyClient(SocketModeClient):
    """slack_sdk's built-in Socket Mode client, quick to replace a connection that is gone."""

    def connect(self) -> None:
        """Connect; reads then wait at most RECEIVE_TIMEOUT, so that replacing this connection
        later (which waits for its reader) takes no longer than that."""
        super().connect()
        session = self.current_session
        if session is not None and session.sock is not None:
            session.sock.settimeout(RECEIVE_TIMEOUT)

    def _monitor_current_session(self) -> None:
        """Every ping interval: a connection Slack closed without a word is dropped here, and
        the built-in check then reconnects (it would first fail five pings)."""
        session = self.current_session
        if session is not None and session.sock is not None and peer_closed(session.sock):
            self.logger.info("Slack closed the connection without a word; reconnecting")
            session.disconnect()
        super()._monitor_current_session()


def peer_closed(sock: socket.socket) -> bool:
    """Whether the other end has closed this connection (end of stream or reset), without
    reading anything the client's reader would miss."""
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        # the plain socket's recv, also under TLS: a peek at the raw stream, nothing consumed
        return bool(readable) and socket.socket.recv(sock, 1, socket.MSG_PEEK) == b""
    except (BlockingIOError, TimeoutError):  # the reader took the data first
        return False
    except (OSError, ValueError):  # reset, or closed under us
        return True


class OnceHandler(BaseSocketModeHandler):
    """Bolt's Socket Mode handler on our Web API client (so `apps.connections.open` goes to
    `SLACK_API_URL`), on `SteadyClient`, with quick pings and each envelope run once."""

    def __init__(self, app: App, app_token: str, ping_interval: float = PING_INTERVAL) -> None:
        self.app, self.app_token = app, app_token
        self.client = SteadyClient(
            app_token,
            logger=logging.getLogger("aebot.socket_mode.client"),
            web_client=app.client,
            ping_interval=ping_interval,
            proxy=app.client.proxy,
        )
        self.client.socket_mode_request_listeners.append(self.handle)
        self.recent = RecentEnvelopes()

    def handle(self, client: BaseSocketModeClient, req: SocketModeRequest) -> None:
        problem = payload_problem(req.payload)
        if problem:  # as the HTTP server's 400: one line, nothing run, nothing acked
            log.warning("refused envelope %s (%s): %s", req.envelope_id, req.type, problem)
            return
        keys = keys_of(req)
        answer, first = self.recent.claim(keys)
        if not first:
            self._repeat(client, req, answer)
            return
        try:
            resp = run_bolt_app(self.app, req)
        except Exception:
            self.recent.forget(keys)
            answer.give(None, acked=False)
            raise
        if resp.status != 200:  # not ours to answer (Bolt's adapter acks nothing either)
            self.recent.forget(keys)
            answer.give(None, acked=False)
            log.info("envelope %s (%s) not handled: %s", req.envelope_id, req.type, resp.status)
            return
        answer.give(ack_payload(resp))
        _send(client, req.envelope_id, answer.payload)

    @staticmethod
    def _repeat(client: BaseSocketModeClient, req: SocketModeRequest, answer: Answer) -> None:
        """A delivery seen before: acked with the first answer, nothing run again."""
        log.info(
            "envelope %s (%s) delivered again (retry %s): answered, not handled twice",
            req.envelope_id,
            req.type,
            req.retry_attempt,
        )
        if answer.done.wait(REPEAT_WAIT) and answer.acked:
            _send(client, req.envelope_id, answer.payload)


def _send(client: BaseSocketModeClient, envelope_id: str, payload: dict[str, Any] | None) -> None:
    """The ack. If the connection went meanwhile, Slack delivers the envelope again on the
    next one, and the repeat is answered from memory."""
    try:
        client.send_socket_mode_response(SocketModeResponse(envelope_id, payload=payload))
    except Exception as exc:
        log.warning("could not ack envelope %s: %s", envelope_id, exc)


def connect(app: App, app_token: str) -> OnceHandler:
    """A connected handler. A refused app token raises slack_sdk's SlackApiError here."""
    handler = OnceHandler(app, app_token)
    handler.connect()
    log.info("connected to Slack over Socket Mode")
    return handler
