"""The one clock: real by default, settable in tests and `aebot jobs run --at`."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class Clock:
    """Wall-clock time as an aware UTC datetime."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock(Clock):
    """A clock that stands still until told otherwise (tests, demo, replays)."""

    def __init__(self, at: datetime) -> None:
        self._lock = threading.Lock()
        self.set(at)

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        with self._lock:
            self._at = at.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._at += delta

    def now(self) -> datetime:
        with self._lock:
            return self._at
