"""Delivery through the outbox under Slack's faults: every recipient gets exactly one message,
after at most one rerun or start-up, and the run's report tells the truth.

A crowd of AEs, each with two clients due a call, gets the 09:30 nudge while the fake Slack
answers 500, 429, loses answers, hangs, refuses connections or rate-limits the workspace.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from threading import Thread

import pytest
from click.testing import CliRunner
from sqlalchemy import update
from sqlmodel import select

from bot.cli import main
from scheduler.timetable import TASKS, catch_up, run_task
from storage import outbox_leases as leases
from storage import queries
from storage.imports import import_clients, import_team
from storage.models import Client, ContactLog, OutboxMessage, TaskRun
from tests.conftest import ADMIN, SH, TEAM, World, wait_until

NUDGE = TASKS["contact-nudge"]
MONDAY_0930 = datetime(2026, 11, 23, 9, 30, tzinfo=SH)


def crowd(w: World, n: int) -> list[str]:
    """n AEs under one AM, two clients each, none ever contacted (so both due today)."""
    users = [f"U1AE{i:03d}" for i in range(n)]
    team = [
        {"user_id": "U1AM", "name": "Crowd AM", "role": "am", "manager_id": "", "language": "zh"}
    ]
    team += [
        {"user_id": u, "name": f"AE {u}", "role": "ae", "manager_id": "U1AM", "language": "zh"}
        for u in users
    ]
    clients = [
        {"name": f"客户{u}-{k}", "city": "上海", "in_city": "true", "owner_id": u,
         "contact_person": "", "cadence_days": ""}
        for u in users
        for k in (1, 2)
    ]  # fmt: skip
    at = datetime(2026, 11, 2, 9, 0, tzinfo=SH)
    with w.bot.db.write() as s:
        import_team(s, TEAM, team, at)
        import_clients(s, TEAM, clients, at)
    w.bot.directory.reload_clients(TEAM)
    w.fake.reset()
    w.bot.courier.backoff = 0.05  # retries in tests come quickly; the policy is the same
    return users


def received(w: World, users: list[str]) -> list[int]:
    """How many DMs each user holds in the fake Slack (what people actually see)."""
    return [len(w.fake.dms(u)) for u in users]


def posts_to(w: World, user: str) -> int:
    return len([c for c in w.fake.calls_to("chat.postMessage") if c.args["channel"] == user])


def rows(w: World) -> list[OutboxMessage]:
    with w.bot.db.read() as s:
        return list(s.exec(select(OutboxMessage).order_by(OutboxMessage.id)))


def meeting_with_nike(w: World) -> ContactLog:
    """U0AE1 met Nike on Monday at 10:00: a contact report is due within 48 hours."""
    with w.bot.db.write() as s:
        c = s.exec(select(Client).where(Client.name == "Nike")).one()
        return queries.add_contact(s, ContactLog(
            team_id=TEAM, client_id=c.id or 0, author_id="U0AE1", kind="meeting", summary="s",
            at=datetime(2026, 11, 23, 10, 0, tzinfo=SH), report_due=True,
        ))  # fmt: skip


@pytest.fixture
def fake_reset(world: World) -> Iterator[None]:
    yield
    world.fake.reset()  # no fault of this test reaches the next


# ---------------------------------------------------------------- Slack's faults


def test_a_500_for_five_aes_is_retried_and_each_gets_exactly_one(
    world: World, fake_reset: None
) -> None:
    users = crowd(world, 50)
    world.fake.inject("chat.postMessage", "http500", times=5, channels=users[:5])
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert o.status == "sent"
    assert "delivered 52, pending 0, failed 0, expired 0" in o.detail  # + U0AE1 and U0AE2
    assert received(world, users) == [1] * 50
    assert [posts_to(world, u) for u in users[:5]] == [2] * 5  # the 500, then the message
    [again] = run_task(NUDGE, MONDAY_0930 + timedelta(minutes=1), world.tasks)
    assert again.status == "already-ran" and received(world, users) == [1] * 50


def test_a_429_four_times_running_holds_everyone_and_drops_nothing(
    world: World, fake_reset: None
) -> None:
    users = crowd(world, 12)
    world.fake.inject("chat.postMessage", "ratelimited", times=4, channels=users[:1])
    world.fake.inject("chat.postMessage", "ratelimited", times=4, channels=users[1:3])
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert o.status == "sent" and "failed 0" in o.detail
    assert received(world, users) == [1] * 12


@pytest.mark.parametrize(("per_second", "aes"), [(2, 6), (5, 15)])
def test_a_workspace_rate_limit_delays_but_loses_nothing(
    world: World, fake_reset: None, per_second: int, aes: int
) -> None:
    users = crowd(world, aes)
    world.fake.rate_limit("chat.postMessage", per_second, burst=per_second)
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert o.status == "sent" and f"delivered {aes + 2}, pending 0, failed 0" in o.detail
    assert received(world, users) == [1] * aes
    refused = [c for c in world.fake.calls_to("chat.postMessage") if c.error == "ratelimited"]
    assert refused  # Slack did push back, and every message still arrived once


def test_an_answer_lost_after_slack_took_the_message_is_not_sent_twice(
    world: World, fake_reset: None
) -> None:
    users = crowd(world, 20)
    world.fake.inject("chat.postMessage", "lost_answer", times=5, channels=users[:5])
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert o.status == "sent" and "delivered 22, pending 0, failed 0" in o.detail
    assert received(world, users) == [1] * 20
    assert [posts_to(world, u) for u in users[:5]] == [1] * 5  # found in the history instead
    looked = world.fake.calls_to("conversations.history")
    assert len(looked) == 5 and all(c.args.get("include_all_metadata") for c in looked)


def test_a_hanging_slack_costs_one_message_a_timeout_not_the_job(
    world: World, fake_reset: None
) -> None:
    users = crowd(world, 10)
    world.bot.courier.web.timeout = 0.3
    world.bot.courier.backoff = 1.0  # the hung post lands while we wait, and is found
    world.fake.inject("chat.postMessage", "hang", times=2, channels=users[:2], seconds=0.6)
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert o.status == "sent" and "delivered 12, pending 0, failed 0" in o.detail
    assert received(world, users) == [1] * 10


def test_three_seconds_of_refused_connections_lose_nothing(world: World, fake_reset: None) -> None:
    users = crowd(world, 50)
    world.bot.courier.backoff = 0.4  # 0.4 + 0.8 + 1.6 + 3.2: past the outage within a pass
    world.fake.refuse_connections(3)
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert o.status == "sent" and "delivered 52, pending 0" in o.detail
    assert received(world, users) == [1] * 50
    [again] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert again.status == "already-ran" and received(world, users) == [1] * 50


def test_a_run_that_cannot_deliver_says_so_and_a_rerun_delivers_the_rest(
    world: World, fake_reset: None
) -> None:
    users = crowd(world, 6)
    world.bot.courier.tries = 2
    world.fake.inject("chat.postMessage", "http500", times=4, channels=users[:2])
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert o.status == "pending" and "delivered 6, pending 2, failed 0" in o.detail
    assert received(world, users) == [0, 0, 1, 1, 1, 1]
    with world.bot.db.read() as s:
        [run] = s.exec(select(TaskRun)).all()
    assert run.status == "sending"
    [again] = run_task(NUDGE, MONDAY_0930, world.tasks)  # the rerun: what is undelivered, only
    assert again.status == "resumed" and "delivered 8, pending 0" in again.detail
    assert received(world, users) == [1] * 6


def test_a_permanent_refusal_fails_the_row_and_tells_an_admin_once(
    world: World, fake_reset: None
) -> None:
    users = crowd(world, 4)
    world.fake.fail_next("chat.postMessage", "account_inactive")
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert "delivered 5, pending 0, failed 1" in o.detail
    [gone] = [u for u in (*users, "U0AE1", "U0AE2") if not world.fake.dms(u)]
    [notice] = world.fake.dms(ADMIN)
    assert f"<@{gone}>（nudge）：account_inactive" in notice["text"]
    run_task(NUDGE, MONDAY_0930, world.tasks)
    assert len(world.fake.dms(ADMIN)) == 1 and len(world.fake.dms(gone)) == 0


# ------------------------------------------------------------ processes that die


def _expire_leases(w: World) -> None:
    """What a minute after a kill looks like to the database: the dead sender's leases over."""
    with w.bot.db.write() as s:
        s.exec(  # type: ignore[call-overload]
            update(OutboxMessage)
            .where(OutboxMessage.status == "sending")
            .values(lease_until=datetime(2000, 1, 1, tzinfo=SH))
        )


def test_a_crash_after_sending_before_recording_is_taken_over_without_resending(
    world: World, fake_reset: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database refused the run's last writes (what was delivered, the follow-ups marked):
    the next start finds the messages in Slack's history, marks them, and sends nothing."""
    users = crowd(world, 10)
    world.slack.command("/aebot", "settings set monday_agenda_at 12:00", user=ADMIN)  # not ours
    world.slack.command("/aebot", "settings set day_digest_at 12:00", user=ADMIN)  # nor this
    with world.bot.db.write() as s:
        c = s.exec(select(Client).where(Client.owner_id == users[0])).first()
        assert c is not None and c.id is not None
        queries.add_contact(s, ContactLog(
            team_id=TEAM, client_id=c.id, author_id=users[0], kind="call", summary="s",
            at=datetime(2026, 11, 20, 10, 0, tzinfo=SH), follow_up_on=MONDAY_0930.date(),
        ))  # fmt: skip
    real_finish = leases.finish

    def refused(*args: object, **kw: object) -> None:
        raise ConnectionError("database refused")

    monkeypatch.setattr(leases, "finish", refused)
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert o.status == "pending"
    assert received(world, users) == [1] * 10
    monkeypatch.setattr(leases, "finish", real_finish)
    _expire_leases(world)
    world.clock.set(MONDAY_0930 + timedelta(minutes=3))
    catch_up(world.tasks)  # the next start
    assert received(world, users) == [1] * 10
    assert world.fake.calls_to("chat.postMessage").__len__() == 12  # nothing posted again
    with world.bot.db.read() as s:
        [contact] = s.exec(select(ContactLog)).all()
        statuses = {r.status for r in s.exec(select(OutboxMessage))}
    assert contact.follow_up_sent_at is not None and statuses == {"delivered"}
    world.fake.reset()
    run_task(NUDGE, MONDAY_0930 + timedelta(days=1), world.tasks)  # Tuesday: not repeated
    [tuesday] = world.fake.dms(users[0])
    assert tuesday["text"] == "今天有 2 个客户该联络。"  # Monday's follow-up was marked sent


def test_a_crash_before_sending_is_delivered_at_the_next_start(
    world: World, fake_reset: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = crowd(world, 8)

    class Died(BaseException):
        """The process is gone right after deciding: nothing after this line runs."""

    def die(**kw: object) -> None:
        raise Died

    monkeypatch.setattr(world.bot.courier, "drain", die)
    with pytest.raises(Died):
        run_task(NUDGE, MONDAY_0930, world.tasks)
    monkeypatch.undo()
    assert received(world, users) == [0] * 8
    world.clock.set(MONDAY_0930 + timedelta(minutes=5))
    catch_up(world.tasks)
    assert received(world, users) == [1] * 8
    with world.bot.db.read() as s:
        [run] = s.exec(select(TaskRun).where(TaskRun.job == "contact-nudge")).all()
    assert run.status == "done"


def test_a_nudge_not_delivered_by_the_end_of_the_day_is_dropped_not_sent_late(
    world: World, fake_reset: None, caplog: pytest.LogCaptureFixture
) -> None:
    users = crowd(world, 3)
    world.bot.courier.tries = 1
    world.fake.inject("chat.postMessage", "http500", times=100)
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert "pending 5" in o.detail
    world.fake.reset()
    world.clock.set(datetime(2026, 11, 23, 18, 1, tzinfo=SH))
    with caplog.at_level("WARNING", logger="aebot.courier"):
        [late] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert "delivered 0, pending 0, failed 0, expired 5" in late.detail
    assert received(world, users) == [0, 0, 0]
    assert sum("no longer useful" in r.getMessage() for r in caplog.records) == 5


def test_a_24_hour_report_reminder_that_meets_a_500_is_sent_and_only_then_marked(
    world: World, fake_reset: None
) -> None:
    contact = meeting_with_nike(world)
    world.bot.courier.backoff = 0.05
    world.fake.reset()
    world.fake.inject("chat.postMessage", "http500", times=1, channels=["U0AE1"])
    world.bot.courier.tries = 1
    at = datetime(2026, 11, 24, 11, 0, tzinfo=SH)
    [o] = run_task(TASKS["contact-report-due"], at, world.tasks)
    assert o.status == "pending" and world.fake.dms("U0AE1") == []
    with world.bot.db.read() as s:
        assert queries.get_contact(s, TEAM, contact.id or 0).report_reminded_at is None  # type: ignore[union-attr]
    world.bot.courier.tries = 6
    [o2] = run_task(TASKS["contact-report-due"], at + timedelta(hours=1), world.tasks)
    assert o2.status == "sent"  # the next hour's run: the earlier reminder goes, no second one
    assert len(world.fake.dms("U0AE1")) == 1
    with world.bot.db.read() as s:
        assert queries.get_contact(s, TEAM, contact.id or 0).report_reminded_at is not None  # type: ignore[union-attr]


def test_two_couriers_on_one_database_send_each_message_once(
    world: World, fake_reset: None
) -> None:
    users = crowd(world, 30)
    run = TASKS["contact-nudge"]
    second = world.bot.courier.__class__(
        world.bot.db, world.bot.courier.web, world.clock, world.bot.settings, batch=4
    )
    world.bot.courier.batch = 4
    world.fake.rate_limit("chat.postMessage", 200, burst=5)  # slow enough for both to take part
    t = Thread(target=lambda: run_task(run, MONDAY_0930, world.tasks))
    t.start()
    wait_until(lambda: len(world.fake.messages()) > 0, 5)
    second.drain(now_or_later=True)
    t.join(30)
    second.close()
    assert received(world, users) == [1] * 30


# ----------------------------------------------------------------------- kill -9


def _aebot(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_kill_9_mid_send_loses_nothing_and_doubles_nothing(
    world: World, fake_reset: None, tmp_path: Path
) -> None:
    users = crowd(world, 50)
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "AEBOT_", "DATABASE"))
    }
    env |= {
        "DATABASE_URL": world.bot.settings.database_url,
        "SLACK_BOT_TOKEN": world.fake.token,
        "SLACK_API_URL": world.fake.url,
        "AEBOT_TZ": "Asia/Shanghai",
        "AEBOT_OUTBOX_LEASE_SECONDS": "5",
        "SLACK_SIGNING_SECRET": "unused-by-jobs",
    }
    # a slow Slack (0.3 s a post), so that the kill finds posts sent, in flight and not begun
    world.fake.inject("chat.postMessage", "hang", times=40, seconds=0.3)
    first = _aebot(["jobs", "run", "contact-nudge", "--at", "2026-11-23T09:30"], env)
    try:
        started = wait_until(lambda: len(world.fake.messages()) >= 20, 30)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    assert started, first.stdout.read() if first.stdout else ""
    got = sum(received(world, users))
    assert 10 <= got < 50  # killed mid-send
    time.sleep(5.1)  # the dead process's lease runs out (45 s in production)
    second = _aebot(["jobs", "run", "contact-nudge", "--at", "2026-11-23T09:31"], env)
    out, _ = second.communicate(timeout=60)
    assert second.returncode == 0, out
    assert "contact-nudge T0AEBOT: resumed" in out and "pending 0, failed 0" in out
    assert received(world, users) == [1] * 50
    assert len(world.fake.dms("U0AE1")) == 1 and len(world.fake.dms("U0AE2")) == 1
    assert world.fake.calls_to("conversations.history")  # posts in flight at the kill: looked up


# ------------------------------------------------------------------- the operator


def test_aebot_outbox_lists_what_waits_and_retry_sends_it(
    world: World, fake_reset: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = crowd(world, 3)
    world.fake.fail_next("chat.postMessage", "user_not_found")
    run_task(NUDGE, MONDAY_0930, world.tasks)
    [gone] = [u for u in (*users, "U0AE1", "U0AE2") if not world.fake.dms(u)]
    monkeypatch.setenv("DATABASE_URL", world.bot.settings.database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", world.fake.token)
    monkeypatch.setenv("SLACK_API_URL", world.fake.url)
    monkeypatch.setenv("AEBOT_TZ", "Asia/Shanghai")
    runner = CliRunner()
    listed = runner.invoke(main, ["outbox"])
    assert listed.exit_code == 0, listed.output
    [line] = [ln for ln in listed.output.splitlines() if gone in ln]
    assert "failed" in line and "nudge" in line and "user_not_found" in line
    assert listed.output.rstrip().endswith(
        "0 pending, 1 failed; `aebot outbox retry ID` or `--all` sends again"
    )
    row_id = line.split()[0]
    retried = runner.invoke(main, ["outbox", "retry", row_id])
    assert retried.exit_code == 0, retried.output
    assert "1 queued again; delivered 1, pending 0, failed 0, expired 0" in retried.output
    assert len(world.fake.dms(gone)) == 1 and received(world, users) == [1, 1, 1]
    assert "nothing pending or failed" in runner.invoke(main, ["outbox"]).output
    unknown = runner.invoke(main, ["outbox", "retry", "99999", row_id, "99998"])
    assert unknown.exit_code == 1
    assert "no outbox row 99998, 99999: nothing queued again" in unknown.output
    again = runner.invoke(main, ["outbox", "retry", row_id])
    assert again.exit_code == 0 and f"delivered already, not sent again: {row_id}" in again.output
    assert "0 queued again" in again.output and len(world.fake.dms(gone)) == 1


def test_a_report_reminder_still_pending_is_dropped_once_the_report_is_sent(
    world: World, fake_reset: None
) -> None:
    contact = meeting_with_nike(world)
    world.fake.reset()
    world.bot.courier.tries = 1
    world.fake.inject("chat.postMessage", "http500", times=1, channels=["U0AE1"])
    at = datetime(2026, 11, 24, 11, 0, tzinfo=SH)
    assert run_task(TASKS["contact-report-due"], at, world.tasks)[0].status == "pending"
    world.slack.click("contact_report_sent", str(contact.id))
    assert wait_until(lambda: world.fake.calls_to("response_url"))
    [o] = run_task(TASKS["contact-report-due"], at + timedelta(hours=1), world.tasks)
    assert o.status == "sent" and world.fake.dms("U0AE1") == []
    assert [r.status for r in rows(world)] == ["expired"]


def test_a_message_whose_sender_died_counts_as_delivered_even_once_no_longer_useful(
    world: World, fake_reset: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sent at 09:30, its process killed before recording it; found after the day's end: it is
    delivered (found in Slack's history), not dropped as expired, and not sent again."""
    users = crowd(world, 3)

    def refused(*args: object, **kw: object) -> None:
        raise ConnectionError("database refused")

    monkeypatch.setattr(leases, "finish", refused)
    run_task(NUDGE, MONDAY_0930, world.tasks)
    monkeypatch.undo()
    _expire_leases(world)
    world.clock.set(datetime(2026, 11, 23, 18, 30, tzinfo=SH))
    [o] = run_task(NUDGE, MONDAY_0930, world.tasks)
    assert "delivered 5, pending 0, failed 0, expired 0" in o.detail
    assert received(world, users) == [1, 1, 1]
