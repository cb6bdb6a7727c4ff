"""The outbox when clocks are wrong: the machine's clock stepping back (NTP, a restored VM) while
rows wait for a retry or sit under a lease, and a server whose clock is ten minutes ahead of
Slack's when answers get lost. Every recipient gets exactly one message, within the wait that
was meant, and the run's tally tells the truth."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from scheduler.courier import LEASE, RETRY_LATER
from scheduler.timetable import run_task
from storage import outbox
from storage import outbox_leases as leases
from storage.models import OutboxMessage
from storage.outbox import Message
from tests.conftest import TEAM, World
from tests.test_delivery import MONDAY_0930, NUDGE, crowd, posts_to, received

HOUR = timedelta(hours=1)


class MachineClock:
    """The machine's wall clock as storage.outbox reads it, stepped by the test; real time
    passes under it as usual."""

    def __init__(self) -> None:
        self.step = timedelta(0)
        self.real = outbox.machine_now

    def __call__(self) -> datetime:
        return self.real() + self.step


@pytest.fixture
def machine(world: World, monkeypatch: pytest.MonkeyPatch) -> Iterator[MachineClock]:
    clock = MachineClock()
    monkeypatch.setattr(outbox, "machine_now", clock)
    yield clock
    world.fake.reset()  # no fault or clock of this test reaches the next


def statuses(w: World) -> list[str]:
    with w.bot.db.read() as s:
        return [r.status for r in s.exec(select(OutboxMessage).order_by(OutboxMessage.id))]


def queue(w: World, users: list[str], key: str) -> None:
    messages = [Message(TEAM, f"{key}:{u}", "test", u, f"note for {u}") for u in users]
    with w.bot.db.write() as s:
        outbox.enqueue(s, messages, w.clock.now(), outbox.wall())


# ------------------------------------------------------------------ the clock steps back


def test_retries_waiting_when_the_clock_steps_back_an_hour_go_out_at_the_next_drain(
    world: World, machine: MachineClock
) -> None:
    users = crowd(world, 4)
    world.bot.courier.tries = 2
    world.fake.inject("chat.postMessage", "http500", times=4, channels=users[:2])
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert "delivered 4, pending 2" in o.detail and received(world, users) == [0, 0, 1, 1]
    queue(world, users[2:], "queued")  # decided just before the step, not yet tried
    machine.step = -HOUR
    world.bot.courier.drain()
    assert received(world, users) == [1, 1, 2, 2] and set(statuses(world)) == {"delivered"}


def test_after_a_step_back_a_row_failing_again_waits_its_minute_not_an_hour(
    world: World, machine: MachineClock
) -> None:
    users = crowd(world, 1)
    world.bot.courier.tries = 2
    machine.step = -HOUR
    world.fake.inject("chat.postMessage", "http500", times=2, channels=users)
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert "pending 1" in o.detail and posts_to(world, users[0]) == 2
    world.bot.courier.drain()  # its minute has not passed: not tried again
    assert posts_to(world, users[0]) == 2
    machine.step = -HOUR + RETRY_LATER + timedelta(seconds=1)
    world.bot.courier.drain()
    assert received(world, users) == [1] and posts_to(world, users[0]) == 3


def test_a_lease_of_a_sender_that_died_before_the_step_back_runs_out_within_one_lease(
    world: World, machine: MachineClock
) -> None:
    """A process died mid-send, then the clock went back an hour: its lease does not strand the
    rows for that hour. They wait one lease (its owner might be alive), then are taken over,
    looked up in Slack and sent once."""
    users = crowd(world, 3)
    queue(world, users, "dying")
    with world.bot.db.write() as s:
        at = outbox.wall()
        held = leases.claim(s, at, at + LEASE, "dead-1", 10, longest_wait=RETRY_LATER)
    assert len(held) == 3
    machine.step = -HOUR
    world.bot.courier.drain()
    assert received(world, users) == [0, 0, 0]  # its owner may still be sending: one lease
    machine.step = -HOUR + LEASE + timedelta(seconds=1)
    world.bot.courier.drain()
    assert received(world, users) == [1, 1, 1] and set(statuses(world)) == {"delivered"}
    assert len(world.fake.calls_to("conversations.history")) == 3  # looked before sending


def test_a_live_sender_keeps_its_rows_through_a_step_back(
    world: World, machine: MachineClock
) -> None:
    queue(world, ["U0AE1", "U0AE2"], "alive")
    with world.bot.db.write() as s:
        at = outbox.wall()
        mine = leases.claim(s, at, at + LEASE, "alive-1", 10, longest_wait=RETRY_LATER)
    machine.step = -HOUR
    with world.bot.db.write() as s:  # another process looks: the lease is cut to a fresh one
        at = outbox.wall()
        assert leases.claim(s, at, at + LEASE, "other", 10, longest_wait=RETRY_LATER) == []
    machine.step = -HOUR + LEASE / 3  # the live sender renews on time
    with world.bot.db.write() as s:
        leases.renew(s, [r.id for r in mine if r.id], "alive-1", outbox.wall() + LEASE)
    machine.step = -HOUR + LEASE + timedelta(seconds=1)
    with world.bot.db.write() as s:
        at = outbox.wall()
        assert leases.claim(s, at, at + LEASE, "other", 10, longest_wait=RETRY_LATER) == []
    assert statuses(world) == ["sending", "sending"]


# ------------------------------------------------------- a server ahead of Slack's clock


def test_a_server_10_minutes_ahead_of_slack_finds_lost_answers_and_sends_each_nudge_once(
    world: World, machine: MachineClock
) -> None:
    users = crowd(world, 4)
    world.fake.set_clock(-600)  # Slack's clock: ten minutes behind this server's
    world.fake.inject("chat.postMessage", "lost_answer", times=4, channels=users)
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert "delivered 6, pending 0, failed 0" in o.detail
    assert received(world, users) == [1] * 4
    assert [posts_to(world, u) for u in users] == [1] * 4  # found in the history instead
    assert world.bot.courier.slack_clock.skew() == pytest.approx(600, abs=1.5)


def test_a_lost_answer_in_a_channel_before_slack_was_ever_heard_is_still_found(
    world: World, machine: MachineClock
) -> None:
    """The first call of the process lost its answer, in a channel (no conversations.open to
    read Slack's clock from): the courier asks Slack the time before it reads the history."""
    world.fake.set_clock(-600)
    world.bot.courier.slack_clock.offset = None
    world.fake.inject("chat.postMessage", "lost_answer", times=1)
    queue(world, ["C0TEAM"], "channel")
    world.bot.courier.drain()
    assert len(world.fake.messages("C0TEAM")) == 1 and statuses(world) == ["delivered"]
