"""Services' small mechanisms: coalesced after-ack work."""

from __future__ import annotations

import threading
import time

from tests.conftest import World


def test_a_burst_of_redraw_requests_shares_one_run(world: World) -> None:
    ran: list[str] = []
    lock = threading.Lock()

    def redraw(who: str) -> None:
        with lock:
            ran.append(who)

    for _ in range(5):
        world.sv.coalesce(("home", "T", "U1"), 0.2, redraw, "U1")
    world.sv.coalesce(("home", "T", "U2"), 0.2, redraw, "U2")
    deadline = time.monotonic() + 5
    while len(ran) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)  # room for a wrong second U1 run to show up
    assert sorted(ran) == ["U1", "U2"]
    world.sv.coalesce(
        ("home", "T", "U1"), 0, redraw, "U1"
    )  # once it has run, a new change redraws again
    world.sv.worker.shutdown(wait=True)
    assert sorted(ran) == ["U1", "U1", "U2"]
