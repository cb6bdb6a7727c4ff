"""HTTP hosting: `POST /slack/events` and `GET /healthz` on uvicorn.

Bolt's dispatch runs in Starlette's thread pool so a slow database never stalls
the event loop; with `process_before_response=True` the ack is the HTTP answer.
"""

from __future__ import annotations

import gc
import socket
import threading

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from storage.db import Database


def asgi_app(bolt: App, db: Database) -> Starlette:
    async def events(request: Request) -> Response:
        body = await request.body()
        bolt_req = to_bolt_request(request, body)
        bolt_resp = await run_in_threadpool(bolt.dispatch, bolt_req)
        return to_starlette_response(bolt_resp)

    async def healthz(request: Request) -> Response:
        def ping() -> bool:
            try:
                with db.engine.connect() as conn:
                    conn.execute(text("SELECT 1"))
                return True
            except Exception:
                return False

        ok = await run_in_threadpool(ping)
        return JSONResponse(
            {"ok": ok, "database": "ok" if ok else "unreachable"}, status_code=200 if ok else 503
        )

    return Starlette(
        routes=[
            Route("/slack/events", events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )


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
    config = uvicorn.Config(asgi_app(bolt, db), log_level="info", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


class BackgroundServer:
    """The same server on a loopback port in a thread: tests, the demo and the benchmark."""

    def __init__(self, bolt: App, db: Database) -> None:
        self.sock = listening_socket("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(
            asgi_app(bolt, db), log_level="warning", access_log=False, lifespan="off"
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
