"""The worker for what runs after Slack has its ack, and the hold that keeps it after the answer.

A listener hands its after-ack work (store and send a report, open a modal, redraw the Home) to
the worker while it acks. Started then, that work competes for the interpreter with the thread
that is still answering Slack, and the answer waits its turn (bench/bench_report_form.py, one
run each: the report form's median ack 5.0 ms before, 4.6 ms after, beside the bare app's
3.1–3.2 ms in the same runs). So while the server answers a request (`holding`), what is
handed to the worker waits, and goes once the answer is sent or sending it has failed
(`Held.release`). Anywhere else (Socket Mode, the timetable, the worker's own work) it goes at
once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

log = logging.getLogger("aebot.after_ack")

_holding: ContextVar[Held | None] = ContextVar("aebot_after_ack_held", default=None)


class AfterAck(ThreadPoolExecutor):
    """A thread pool whose work, handed over while a request is answered, waits for the
    answer to be sent. It knows how much of its work is not done yet, held or not. Work handed
    over once it has shut down (the process is stopping) runs in place: never lost, and no
    error for work that was already done (a reply stored, its delivery handed over)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._undone = 0
        self._counting = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self._counting:
            self._undone += 1
        future.add_done_callback(self._done)
        held = _holding.get()
        if held is None:
            self.start(future, fn, args, kwargs)
        else:
            held.add(self, future, fn, args, kwargs)
        return future

    def start(self, future: Future[Any], fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        """Run `fn` on the pool, or here once the pool has shut down; `future` tells how it went."""
        try:
            super().submit(_run, future, fn, args, kwargs)
        except RuntimeError:  # the pool has shut down (the process is stopping): not lost
            log.warning("the after-ack worker has stopped; running %s here", _name(fn))
            _run(future, fn, args, kwargs)

    def _done(self, _: Future[Any]) -> None:
        with self._counting:
            self._undone -= 1

    def idle(self) -> bool:
        """Nothing handed over is waiting, held or running (a moment's answer: work may be
        handed over the next instant)."""
        with self._counting:
            return self._undone == 0


class Held:
    """The work one request handed over, in order, until its answer is sent."""

    def __init__(self) -> None:
        self._work: list[tuple[AfterAck, Future[Any], Callable[..., Any], tuple, dict]] = []

    def add(
        self, pool: AfterAck, future: Future[Any], fn: Callable[..., Any], args: tuple, kwargs: dict
    ) -> None:
        self._work.append((pool, future, fn, args, kwargs))

    def release(self) -> None:
        """Hand the held work to its pool (once: what is released is no longer held)."""
        work, self._work = self._work, []
        for pool, future, fn, args, kwargs in work:
            pool.start(future, fn, args, kwargs)


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__name__", type(fn).__name__)


def _run(future: Future[Any], fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        future.set_result(fn(*args, **kwargs))
    except BaseException as e:  # the future carries it, as the pool's own futures do
        future.set_exception(e)


@contextmanager
def holding() -> Iterator[Held]:
    """Within: work handed to an `AfterAck` pool is held. If what is inside raises, the held
    work goes at once (there will be no answer to wait for)."""
    held = Held()
    token = _holding.set(held)
    try:
        yield held
    except BaseException:
        held.release()
        raise
    finally:
        _holding.reset(token)
