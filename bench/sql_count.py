"""Counting a benchmark's SQL statements and their seconds: the figure that must not grow with
the number of people or clients."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event


class Counter:
    """SQL statements (and their seconds) on an engine, from the moment it is attached."""

    def __init__(self, engine: sa.Engine) -> None:
        self.seconds: list[float] = []
        starts: dict[int, float] = {}

        @event.listens_for(engine, "before_cursor_execute")
        def _before(conn, cursor, statement, params, context, executemany) -> None:  # noqa: ANN001
            starts[id(cursor)] = time.perf_counter()

        @event.listens_for(engine, "after_cursor_execute")
        def _after(conn, cursor, statement, params, context, executemany) -> None:  # noqa: ANN001
            self.seconds.append(time.perf_counter() - starts.pop(id(cursor), time.perf_counter()))

    def measure(self, fn: Callable[[], Any]) -> tuple[Any, float, int]:
        """What `fn()` returns, its seconds and its statements."""
        n, t = len(self.seconds), time.perf_counter()
        out = fn()
        return out, time.perf_counter() - t, len(self.seconds) - n
