"""The fake Slack's listening socket on 127.0.0.1: start, stop, and refusing connections for a
while on the same port (what a client sees when Slack or the network is unreachable)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qsl

JSON_FIELDS = ("blocks", "attachments", "view", "metadata", "files")  # sent as JSON text


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True  # refuse_connections() rebinds the same port
    request_queue_size = 128  # the default 5 stalls bursts of concurrent clients for ~1 s
    owner: Listener


class Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep stderr quiet
        pass

    def do_POST(self) -> None:
        self.server.owner._serve(self)

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The `Date` of every answer, on Slack's clock (FakeSlack.set_clock)."""
        return super().date_time_string(
            self.server.owner.slack_time() if timestamp is None else timestamp
        )

    do_GET = do_POST


class Listener:
    """Mixed into FakeSlack: owns the server thread; `_serve` answers each request."""

    clock_offset = 0.0  # seconds Slack's clock is ahead of this machine's (FakeSlack.set_clock)

    def slack_time(self) -> float:
        """Slack's clock, in epoch seconds."""
        return time.time() + self.clock_offset

    def _init_listener(self) -> None:
        self._life = threading.RLock()  # start, stop, refuse, accept: one at a time
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None  # kept while connections are refused
        self._timer: threading.Timer | None = None

    def _serve(self, h: Handler) -> None:
        raise NotImplementedError

    def release(self) -> None:
        """Let go of requests held on purpose (FakeSlack's "hang")."""

    def start(self) -> Self:
        with self._life:
            if self._port is None:
                self._listen(0)
        return self

    def stop(self) -> None:
        """Stop listening; requests still held by a "hang" are let go at once."""
        with self._life:
            self._cancel_timer()
            self._close_listener()
            self._port = None
        self.release()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def refuse_connections(self, seconds: float | None = None) -> None:
        """Close the listening socket: clients get ConnectionRefusedError, as when Slack or the
        network is unreachable. After ``seconds`` (if given) or on accept_connections() the
        same port is listened on again, so ``url`` stays valid."""
        with self._life:
            if self._port is None:
                raise RuntimeError("FakeSlack is not started")
            self._cancel_timer()
            self._close_listener()
            if seconds is not None:
                self._timer = threading.Timer(seconds, self.accept_connections)
                self._timer.daemon = True
                self._timer.start()

    def accept_connections(self) -> None:
        """Listen again on the same port after refuse_connections()."""
        with self._life:
            self._cancel_timer()
            if self._server is None and self._port is not None:
                self._listen(self._port)

    @property
    def base(self) -> str:
        if self._port is None:
            raise RuntimeError("FakeSlack is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def url(self) -> str:
        return f"{self.base}/api/"

    def _listen(self, port: int) -> None:
        server = _Server(("127.0.0.1", port), Handler)
        server.owner = self
        self._server, self._port = server, server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="fake-slack", daemon=True
        )
        self._thread.start()

    def _close_listener(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = self._thread = None

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def decode_args(query: str, body: bytes, ctype: str) -> dict:
    """A Web API call's arguments, from its query and its form or JSON body (JSON fields such
    as `blocks` parsed; one that is no JSON left a string, for the checks to refuse)."""
    args: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    if body and "json" in ctype:
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        args.update(parsed if isinstance(parsed, dict) else {"_invalid_json": True})
    elif body:
        args.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    for key in JSON_FIELDS:
        if isinstance(args.get(key), str) and args[key]:
            with contextlib.suppress(ValueError):  # else left as a string for validation
                args[key] = json.loads(args[key])
    return args
