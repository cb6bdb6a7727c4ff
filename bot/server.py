"""HTTP hosting: `POST /slack/events` and `GET /healthz` on uvicorn.

Bolt's dispatch runs in Starlette's thread pool so a slow database never stalls
the event loop; with `process_before_response=True` the ack is the HTTP answer.

Before Bolt sees a request, the server refuses what no one signed, cheaply and without a trace:
a body over 1 MB is refused before it is read (Slack's payloads are a few kB), a request whose
signature does not match is refused (401) without decoding, parsing or logging its body, whatever
its bytes, and a signed payload that is not what Slack sends (bot/slack/payloads.py) is answered
400 with one log line. A valid signature whose timestamp is more than 5 minutes away says so:
the server's clock is off. The listeners' database work runs under a deadline
(storage/deadlines.py) so a locked or silent database cannot hold the ack.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import logging
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_bolt.request import BoltRequest
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from bot.slack.after_ack import Held, holding
from bot.slack.delivery import SlackClock
from bot.slack.payloads import payload_problem
from storage.db import Database
from storage.deadlines import deadline

log = logging.getLogger("aebot.server")
MAX_BODY = 1024 * 1024  # bytes; Slack's payloads are a few kB
MAX_SKEW = 5 * 60  # seconds: Slack's (and Bolt's) limit on a request's timestamp
ACK_DB_SECONDS = 2.0  # the listeners' database work gives up by then: Slack wants 3 s
WARN_EVERY = 60.0  # seconds between two warnings about the server's clock


def asgi_app(bolt: App, db: Database, events: bool = True) -> Starlette:
    """`POST /slack/events` (unless not `events`: Socket Mode's health port) and `GET /healthz`."""
    gate = Gate(bolt._signing_secret)  # Bolt keeps the secret it checks with; so do we
    clock = SlackClock()
    bolt.client.retry_handlers.append(clock)  # sees every answer of the Slack Web API

    def dispatch(req: BoltRequest) -> tuple[Any, Held]:
        with deadline(ACK_DB_SECONDS), holding() as held:
            return bolt.dispatch(req), held

    async def slack_events(request: Request) -> Response | Then:
        body = await read_capped(request)
        if body is None:
            log.warning("refused a request body over %d bytes (not read)", MAX_BODY)
            return JSONResponse({"error": "request body too large"}, status_code=413)
        refusal = gate.refusal(request.headers, body)
        if refusal:
            log.warning("refused a Slack request: %s", refusal)
            return JSONResponse({"error": "invalid request"}, status_code=401)
        try:
            bolt_req = to_bolt_request(request, body)
            problem = payload_problem(bolt_req.body)
        except (ValueError, TypeError, AttributeError, RecursionError) as e:
            problem = f"unreadable payload ({type(e).__name__})"
        if problem:
            log.warning("refused a signed request: %s", problem)
            return JSONResponse({"error": "malformed payload"}, status_code=400)
        bolt_resp, held = await run_in_threadpool(dispatch, bolt_req)
        return Then(to_starlette_response(bolt_resp), held.release)

    async def healthz(request: Request) -> Response:
        ok, db_now = await run_in_threadpool(ping, db)
        skew = round(time.time() - db_now, 1) if db_now is not None else clock.skew()
        return JSONResponse(
            {
                "ok": ok,
                "database": "ok" if ok else "unreachable",
                "clock_skew_seconds": skew,
            },
            status_code=200 if ok else 503,
        )

    slack = [Route("/slack/events", slack_events, methods=["POST"])] if events else []
    return Starlette(routes=[*slack, Route("/healthz", healthz, methods=["GET"])])


class Then:
    """A response that, once sent (or if sending it fails), runs `after`: the listener's
    after-ack work waits for Slack's answer to leave (bot/slack/after_ack.py)."""

    def __init__(self, response: Response, after: Callable[[], None]) -> None:
        self.response = response
        self.after = after

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.response(scope, receive, send)
        finally:
            self.after()


async def read_capped(request: Request) -> bytes | None:
    """The body, or None when it is over MAX_BODY: refused by its Content-Length before
    anything is read, or (chunked) as soon as the part read passes the limit."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


class Gate:
    """Slack's request signature, checked before anything reads the body. Bolt checks it again;
    this check exists to refuse early, quietly (no body in the log), and to tell a wrong clock
    from a wrong secret. The signature is Slack's (HMAC-SHA256 of `v0:<timestamp>:<body>`),
    computed on the body's bytes as they came: slack_sdk's verifier decodes them as UTF-8 first,
    and bytes that are not UTF-8 made it raise, a 500 and a traceback for anyone who can reach
    the URL."""

    def __init__(self, secret: str) -> None:
        self._secret = secret.encode()
        self._warned = 0.0

    def refusal(self, headers: Any, body: bytes) -> str:
        """Why the request is refused ("" when it is signed and fresh)."""
        stamp = headers.get("x-slack-request-timestamp") or ""
        signature = headers.get("x-slack-signature") or ""
        if not signature:
            return "no signature"
        if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= 12):
            return "the timestamp header is not a number"
        if not hmac.compare_digest(
            self.signature(stamp, body), signature.encode("latin-1", "replace")
        ):
            return "the signature does not match (another app's request, or a wrong secret)"
        skew = time.time() - int(stamp)
        if abs(skew) > MAX_SKEW:
            self._warn_clock(skew)
            return f"signed, but {abs(skew):.0f} s away from this server's clock"
        return ""

    def signature(self, stamp: str, body: bytes) -> bytes:
        digest = hmac.new(self._secret, b"v0:%s:%s" % (stamp.encode(), body), hashlib.sha256)
        return b"v0=" + digest.hexdigest().encode()

    def _warn_clock(self, skew: float) -> None:
        """Once a minute at most: every Slack request is refused while the clock is off."""
        now = time.monotonic()
        if now - self._warned < WARN_EVERY:
            return
        self._warned = now
        log.warning(
            "this server's clock is %.0f s %s Slack's: signed requests more than 5 minutes off "
            "are refused; set the clock right (NTP)",
            abs(skew),
            "ahead of" if skew > 0 else "behind",
        )


def ping(db: Database) -> tuple[bool, float | None]:
    """Whether the database answers, and (PostgreSQL) its clock as a Unix time."""
    try:
        with deadline(ACK_DB_SECONDS), db.engine.connect() as conn:
            if db.is_sqlite:
                conn.execute(text("SELECT 1"))
                return True, None
            return True, float(conn.execute(text("SELECT extract(epoch FROM now())")).scalar_one())
    except Exception:
        return False, None


def settle() -> None:
    """Once started: what start-up built (dateparser's data, the app, the caches' first loads)
    lives as long as the process, so the garbage collector stops scanning it. Measured: a full
    collection over it took 59 ms, an ack's worth of delay for whoever was unlucky."""
    gc.collect()
    gc.freeze()


def listening_socket(host: str, port: int) -> socket.socket:
    """A listening socket with TCP_NODELAY: uvicorn's h11 server writes headers and body
    separately, and Nagle's algorithm then holds the body ~40 ms for the client's ACK."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    return sock


def serve(bolt: App, db: Database, port: int, host: str = "0.0.0.0") -> None:
    """Serve until interrupted (the production path)."""
    config = uvicorn.Config(
        asgi_app(bolt, db), log_config=None, log_level="info", access_log=False, lifespan="off"
    )  # log_config None: uvicorn's lines go through aebot's one-line log (bot/cli/logs.py)
    uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


class BackgroundServer:
    """The same server in a thread: on a loopback port for tests, the demo and the benchmark;
    `/healthz` alone on AEBOT_HEALTH_PORT beside Socket Mode (`events=False`)."""

    def __init__(
        self, bolt: App, db: Database, host: str = "127.0.0.1", port: int = 0, events: bool = True
    ) -> None:
        self.sock = listening_socket(host, port)
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(
            asgi_app(bolt, db, events),
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> BackgroundServer:
        self.thread.start()
        while not self.server.started:
            threading.Event().wait(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)
