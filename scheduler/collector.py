"""The garbage collector held off while a scheduled task decides its run.

A run reads a whole team at once: at 2,000 AEs the morning nudge builds some hundreds of
thousands of short-lived objects (rows, lines, blocks) that reference counting frees anyway,
and the collector's passes over them cost the run a fifth of its time (bench/bench_nudge.py).
The pause is bounded by the run; it is process-wide, so runs in parallel threads share it and
the collector comes back when the last of them ends, as it was before the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = True


@contextmanager
def held_off() -> Iterator[None]:
    """No collection while inside; on leaving, the collector as it was before."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
