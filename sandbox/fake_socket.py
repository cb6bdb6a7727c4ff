"""Slack's side of Socket Mode on 127.0.0.1: `apps.connections.open` on a FakeSlack, and the
websocket it hands out, delivering envelopes as Slack does (tests and tools).

What it copies from Slack: `apps.connections.open` takes only the app-level token and answers
a one-use URL; a connection is greeted with `hello`; each envelope (`slash_commands`,
`interactive`, `events_api`) carries an `envelope_id` that the app must ack, with a payload
where `accepts_response_payload`; an envelope not acked is delivered again with
`retry_attempt` + 1 (here when a test calls `redeliver`); a connection about to be refreshed is
warned with `disconnect` and closed soon after. It records every ack and how long it took.
It never contacts anything beyond the loopback interface.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.sync.server import Server, ServerConnection, serve

from sandbox.driver import (
    APP_ID,
    click_payload,
    command_form,
    event_payload,
    submit_payload,
)
from sandbox.fake_slack import FakeSlack

ENVELOPE_TYPES = ("slash_commands", "interactive", "events_api")


@dataclass(frozen=True)
class Ack:
    envelope_id: str
    payload: dict[str, Any] | None
    retry_attempt: int  # the delivery it answers (the latest one sent when it came)
    seconds: float | None  # from that delivery to this ack; None for an unknown envelope


@dataclass
class Envelope:
    envelope_id: str
    type: str
    payload: dict[str, Any]
    retry_attempt: int = 0
    sent_at: float = 0.0  # time.monotonic() of the latest delivery

    def message(self) -> dict[str, Any]:
        """The envelope as Slack sends it."""
        accepts = self.type == "slash_commands" or (
            self.type == "interactive" and self.payload.get("type") == "view_submission"
        )
        return {
            "envelope_id": self.envelope_id,
            "type": self.type,
            "payload": self.payload,
            "accepts_response_payload": accepts,
            "retry_attempt": self.retry_attempt,
            "retry_reason": "timeout" if self.retry_attempt else "",
        }


@dataclass
class _Link:
    """One websocket connection, from hello to close."""

    number: int
    ws: ServerConnection
    closed: threading.Event = field(default_factory=threading.Event)


class FakeSocketMode:
    """Serves Socket Mode for the app of `fake` (which must know its app-level token)."""

    def __init__(self, fake: FakeSlack, app_id: str = APP_ID) -> None:
        self.fake, self.app_id = fake, app_id
        self.acks: list[Ack] = []
        self.envelopes: dict[str, Envelope] = {}
        self.urls_issued = 0  # answers of apps.connections.open
        self.connections = 0  # websocket connections accepted, ever
        self._tickets: set[str] = set()
        self._links: list[_Link] = []  # open ones, oldest first
        self._changed = threading.Condition()
        self._ids = itertools.count(1)
        self._triggers = itertools.count(1)
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> FakeSocketMode:
        if self._server is None:
            self._server = serve(
                self._session,
                "127.0.0.1",
                0,
                process_request=self._check_ticket,
                compression=None,
                ping_interval=None,  # the app pings; Slack's own pings would only add noise
                close_timeout=1,
            )
            self._thread = threading.Thread(
                target=self._server.serve_forever, name="fake-socket-mode", daemon=True
            )
            self._thread.start()
        self.fake.add_method("apps.connections.open", self._open, app_token=True)
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        for link in self.links():
            self._abort(link)
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> FakeSocketMode:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeSocketMode is not started")
        return int(self._server.socket.getsockname()[1])

    # ----------------------------------------------------------- what Slack does
    def deliver(
        self,
        envelope_type: str,
        payload: dict[str, Any],
        *,
        retry_attempt: int = 0,
        envelope_id: str | None = None,
        timeout: float = 5.0,
    ) -> str:
        """Send an envelope on the newest open connection (waiting up to `timeout` for one);
        its envelope_id."""
        if envelope_type not in ENVELOPE_TYPES:
            raise ValueError(f"unknown envelope type {envelope_type!r}")
        envelope_id = envelope_id or f"env-{next(self._ids)}-{secrets.token_hex(4)}"
        envelope = Envelope(envelope_id, envelope_type, payload, retry_attempt)
        with self._changed:
            self.envelopes[envelope_id] = envelope
        self._send(envelope, timeout)
        return envelope_id

    def redeliver(self, envelope_id: str, timeout: float = 5.0) -> str:
        """Deliver an envelope again, acked or not, with retry_attempt + 1 (Slack retries an
        envelope whose ack it did not get)."""
        with self._changed:
            envelope = self.envelopes[envelope_id]
            envelope.retry_attempt += 1
        self._send(envelope, timeout)
        return envelope_id

    def disconnect(self, reason: str = "refresh_requested", grace: float = 2.0) -> None:
        """Warn the newest connection with `disconnect`, as Slack does before refreshing it;
        return once it is closed, by the app or, after `grace` seconds, by us."""
        link = self._newest(timeout=5.0)
        message = {"type": "disconnect", "reason": reason, "debug_info": {"host": "fake-applink"}}
        with contextlib.suppress(ConnectionClosed):
            link.ws.send(json.dumps(message))
        if not link.closed.wait(grace):
            link.ws.close(1001, "refresh")
            link.closed.wait(grace)

    def drop(self) -> None:
        """Close the newest connection without a word: no `disconnect`, no close frame."""
        self._abort(self._newest(timeout=5.0))

    # --------------------------------------------------------------- observing
    def links(self) -> list[_Link]:
        with self._changed:
            return list(self._links)

    def wait_connections(self, count: int, timeout: float = 10.0) -> bool:
        """Whether `count` connections were ever made and one is open, within `timeout`."""
        with self._changed:
            return self._changed.wait_for(
                lambda: self.connections >= count and bool(self._links), timeout
            )

    def wait_ack(self, envelope_id: str, timeout: float = 3.0) -> Ack:
        """The ack of the latest delivery of `envelope_id`, once it has come."""
        with self._changed:
            attempt = self.envelopes[envelope_id].retry_attempt

            def answered() -> Ack | None:
                return next(
                    (
                        a
                        for a in self.acks
                        if a.envelope_id == envelope_id and a.retry_attempt == attempt
                    ),
                    None,
                )

            if self._changed.wait_for(lambda: answered() is not None, timeout):
                ack = answered()
                assert ack is not None
                return ack
        raise AssertionError(
            f"envelope {envelope_id} (retry {attempt}) not acked within {timeout} s; "
            f"acks: {[a.envelope_id for a in self.acks]}"
        )

    # ------------------------------------------------- payloads, as Slack makes them
    def command(self, name: str, text: str = "", user: str = "U0AE1", **kw: Any) -> str:
        """A slash command; its envelope_id."""
        channel = kw.get("channel", "C0GENERAL")
        form = command_form(name, text, user, channel, self._trigger(), self.fake, self.app_id)
        return self.deliver("slash_commands", form)

    def click(
        self, action_id: str, value: str, user: str = "U0AE1", key: str = "act", **kw: Any
    ) -> str:
        """A click on a message's button; its envelope_id."""
        channel, trigger = kw.get("channel", "C0GENERAL"), self._trigger()
        payload = click_payload(
            action_id, value, user, channel, trigger, self.fake, key, self.app_id
        )
        return self.deliver("interactive", payload)

    def submit(self, view: dict[str, Any], values: dict[str, Any], user: str = "U0AE1") -> str:
        """A modal submitted as shown, with `values` typed over its initial values."""
        payload = submit_payload(view, values, user, self._trigger(), self.app_id)
        return self.deliver("interactive", payload)

    def event(self, event: dict[str, Any], event_id: str | None = None) -> str:
        """An Events API event (e.g. ``{"type": "app_home_opened", ...}``); its envelope_id."""
        event_id = event_id or f"Ev{next(self._triggers)}{secrets.token_hex(4)}"
        return self.deliver("events_api", event_payload(event, event_id, self.app_id))

    def _trigger(self) -> str:
        return f"{next(self._triggers)}.{secrets.token_hex(4)}.socket"

    # ---------------------------------------------------------------- internals
    def _open(self, args: dict[str, Any]) -> dict[str, Any]:
        """apps.connections.open: a URL good for one connection."""
        ticket = secrets.token_hex(8)
        with self._changed:
            self._tickets.add(ticket)
            self.urls_issued += 1
        return {"url": f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}&app_id={self.app_id}"}

    def _check_ticket(self, ws: ServerConnection, request: Request) -> Response | None:
        ticket = parse_qs(urlsplit(request.path).query).get("ticket", [""])[0]
        with self._changed:
            if ticket in self._tickets:
                self._tickets.discard(ticket)
                return None
        return ws.respond(HTTPStatus.UNAUTHORIZED, "invalid or used ticket\n")

    def _session(self, ws: ServerConnection) -> None:
        with self._changed:
            self.connections += 1
            link = _Link(self.connections, ws)
            open_now = len(self._links) + 1
        hello = {
            "type": "hello",
            "num_connections": open_now,
            "debug_info": {"host": "fake-applink", "approximate_connection_time": 18060},
            "connection_info": {"app_id": self.app_id},
        }
        try:
            ws.send(json.dumps(hello))
            with self._changed:
                self._links.append(link)
                self._changed.notify_all()
            for message in ws:
                self._on_message(message)
        except ConnectionClosed:
            pass
        finally:
            with self._changed:
                if link in self._links:
                    self._links.remove(link)
                link.closed.set()
                self._changed.notify_all()

    def _on_message(self, message: str | bytes) -> None:
        try:
            data = json.loads(message)
        except ValueError:
            return
        if not isinstance(data, dict) or "envelope_id" not in data:
            return
        with self._changed:
            envelope = self.envelopes.get(str(data["envelope_id"]))
            ack = Ack(
                str(data["envelope_id"]),
                data.get("payload"),
                envelope.retry_attempt if envelope else 0,
                time.monotonic() - envelope.sent_at if envelope else None,
            )
            self.acks.append(ack)
            self._changed.notify_all()

    def _newest(self, timeout: float) -> _Link:
        with self._changed:
            if not self._changed.wait_for(lambda: bool(self._links), timeout):
                raise AssertionError(f"no Socket Mode connection open within {timeout} s")
            return self._links[-1]

    def _send(self, envelope: Envelope, timeout: float) -> None:
        link = self._newest(timeout)
        with self._changed:
            envelope.sent_at = time.monotonic()
        link.ws.send(json.dumps(envelope.message()))

    @staticmethod
    def _abort(link: _Link) -> None:
        """Shut the TCP connection under the websocket: the app gets no close frame."""
        with contextlib.suppress(OSError):
            link.ws.socket.shutdown(socket.SHUT_RDWR)
        link.closed.wait(5)
