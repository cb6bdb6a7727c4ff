"""Coalesced after-ack work: a burst of changes to one person's Home draws it once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from bot.slack.listeners import Debouncer


def test_a_burst_of_redraw_requests_shares_one_run() -> None:
    worker = ThreadPoolExecutor(2)
    debouncer = Debouncer(worker)
    ran: list[str] = []
    done = threading.Semaphore(0)

    def redraw(who: str) -> None:
        ran.append(who)
        done.release()

    for _ in range(5):
        debouncer.run(("home", "T", "U1"), 0.2, redraw, "U1")
    debouncer.run(("home", "T", "U2"), 0.2, redraw, "U2")
    assert done.acquire(timeout=5) and done.acquire(timeout=5)
    assert not done.acquire(timeout=0.3)  # room for a wrong second U1 run to show up
    assert sorted(ran) == ["U1", "U2"]
    debouncer.run(("home", "T", "U1"), 0, redraw, "U1")  # once it has run, a change draws again
    worker.shutdown(wait=True)
    assert sorted(ran) == ["U1", "U1", "U2"]
