"""The watchdog of PostgreSQL connections used under a deadline (storage/deadlines.py): it cuts
the socket of one still in use past its holder's deadline.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from typing import Any

import psycopg

log = logging.getLogger("aebot.storage")
CUT_GRACE = 0.3  # the watchdog cuts this long after the deadline: server-side timeouts go first


class Watchdog:
    """Cuts the socket of a PostgreSQL connection still in use past its holder's deadline.

    A server that accepts connections but never answers (frozen, or a network that drops
    packets) leaves psycopg waiting for ever: statement_timeout needs a server that runs. Cutting
    the socket makes the waiting call fail at once; SQLAlchemy takes it as a disconnect and
    replaces the pool's connections, so the process recovers by itself when the server does."""

    def __init__(self) -> None:
        self._armed: dict[int, tuple[float, Any]] = {}
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def arm(self, dbapi_conn: Any, at: float) -> None:
        with self._wake:
            self._armed[id(dbapi_conn)] = (at + CUT_GRACE, dbapi_conn)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._watch, name="aebot-db-watchdog", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def disarm(self, dbapi_conn: Any) -> None:
        with self._wake:
            self._armed.pop(id(dbapi_conn), None)

    def _watch(self) -> None:
        with self._wake:
            while True:
                now = time.monotonic()
                late = [k for k, (at, _) in self._armed.items() if at <= now]
                for key in late:
                    _cut(self._armed.pop(key)[1])
                soonest = min((at for at, _ in self._armed.values()), default=None)
                self._wake.wait(None if soonest is None else soonest - now)


def _cut(dbapi_conn: Any) -> None:
    """Shut the connection's socket down: whoever waits on it gets an error now."""
    try:
        with socket.socket(fileno=os.dup(dbapi_conn.fileno())) as sock:
            sock.shutdown(socket.SHUT_RDWR)
        log.warning("PostgreSQL did not answer in time; its connection was cut")
    except (OSError, psycopg.Error):
        pass  # already closed
