"""The garbage collector held off while a scheduled run decides (scheduler/collector.py)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from scheduler import collector


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_off_inside_and_back_after() -> None:
    gc.enable()
    with collector.held_off():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_after_a_failing_run() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector.held_off():
        raise RuntimeError("the task broke")
    assert gc.isenabled()


def test_left_off_when_it_was_off_before() -> None:
    gc.disable()
    with collector.held_off():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_runs_in_parallel_threads_share_the_pause() -> None:
    """The first run to end does not turn the collector back on under the other."""
    gc.enable()
    inside, finish = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_run() -> None:
        with collector.held_off():
            inside.set()
            finish.wait(5)
            seen.append(gc.isenabled())

    t = threading.Thread(target=other_run)
    with collector.held_off():
        t.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other run is still deciding
    finish.set()
    t.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_nested_holds() -> None:
    gc.enable()
    with collector.held_off():
        with collector.held_off():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
