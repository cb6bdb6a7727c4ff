"""The workspace's rate limit, as the courier's sending threads share it (scheduler/courier.py)."""

from __future__ import annotations

import threading
import time


class Gate:
    """The workspace's rate limit, shared by every sending thread of the process.

    A 429 closes the gate for the `Retry-After` Slack gave, for everyone. Sends then pass one
    at a time, spaced: the spacing doubles with each 429 and shrinks with each success, so that
    the threads do not all rush the reopened gate and meet the limit again together."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open_at = 0.0
        self.spacing = 0.0

    def hold(self, seconds: float) -> None:
        with self._lock:
            now = time.monotonic()
            if now >= self._open_at:  # the first 429 since the gate opened: space sends more
                self.spacing = min(max(self.spacing * 2, 0.05), 2.0)
            self._open_at = max(self._open_at, now + seconds)

    def passed(self) -> None:
        with self._lock:
            self.spacing = 0.0 if self.spacing < 0.01 else self.spacing * 0.9

    def wait(self, stop: threading.Event) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                left = self._open_at - now
                if left <= 0:
                    self._open_at = now + self.spacing  # the next one waits its turn
                    return
            if stop.wait(left):
                return
