"""People away: on leave they get no reminders of any kind and their approvals go to their
manager; after overtime past 23:00 their morning reminders wait for the later start."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlmodel import select

from scheduler.timetable import TASKS, run_task
from storage.approvals import Filing
from storage.models import Approval, ContactLog, Job, Leave, OutboxMessage, OvertimeForm
from tests.conftest import SH, TEAM, World, ask

MONDAY = datetime(2026, 11, 23, 9, 30, tzinfo=SH)


def on_leave(w: World, user: str, first: date, last: date) -> None:
    with w.bot.db.write() as s:
        s.add(Leave(team_id=TEAM, user_id=user, first_day=first, last_day=last, kind="annual"))


def nudged(w: World) -> set[str]:
    return {c.args["channel"] for c in w.fake.calls_to("chat.postMessage")}


def test_on_leave_no_nudge_no_sweep_no_report_reminder(world: World) -> None:
    on_leave(world, "U0AE1", date(2026, 11, 23), date(2026, 11, 24))
    run_task(TASKS["contact-nudge"], MONDAY, world.tasks)
    assert nudged(world) == {"U0AE2"}
    run_task(TASKS["contact-sweep"], MONDAY.replace(hour=17, minute=30), world.tasks)
    run_task(TASKS["day-summary"], MONDAY.replace(hour=17, minute=30), world.tasks)
    assert "U0AE1" not in nudged(world)
    manager = str(world.fake.dms("U0AM1"))
    assert "Li AE" in manager and "Sun AE" not in manager  # nor their clients to the manager
    with world.bot.db.write() as s:
        nike = s.exec(select(ContactLog.client_id)).first()  # none yet: log a meeting
        s.add(
            ContactLog(team_id=TEAM, client_id=nike or 1, author_id="U0AE1", kind="meeting",
                       at=MONDAY - timedelta(days=1, hours=2), summary="方案讨论",
                       report_due=True)
        )  # fmt: skip
    run_task(TASKS["contact-report-due"], MONDAY.replace(hour=10, minute=0), world.tasks)
    assert "U0AE1" not in nudged(world)
    run_task(TASKS["contact-nudge"], MONDAY + timedelta(days=2), world.tasks)  # back on Wednesday
    assert "U0AE1" in nudged(world)


def test_on_leave_no_job_deadline_dm(world: World) -> None:
    with world.bot.db.write() as s:
        for owner, n in (("U0AE1", 1), ("U0AE2", 2)):
            s.add(
                Job(team_id=TEAM, number=f"CR-202611-0{n}", department="creative", month=202611,
                    seq=n, client_id=1, project="KV", job_type="平面", brief="b" * 40,
                    deadline=MONDAY + timedelta(hours=8), internal_deadline=MONDAY + timedelta(hours=4),
                    owner_id=owner, issued_by=owner, status="open")
            )  # fmt: skip
    on_leave(world, "U0AE1", date(2026, 11, 23), date(2026, 11, 23))
    run_task(TASKS["job-deadlines"], MONDAY.replace(hour=9, minute=0), world.tasks)
    assert nudged(world) == {"U0AE2"}


def test_a_request_for_an_approver_on_leave_goes_to_their_manager(world: World) -> None:
    on_leave(world, "U0AM1", date(2026, 11, 20), date(2026, 11, 27))
    filing = Filing(TEAM, "commission", "U0AE1", "Nike 4%", reason="返点", amount=Decimal("4"))
    with world.bot.db.write() as s:
        a = ask(world.bot, s, filing, "U0AM1", MONDAY)
    world.bot.courier.drain()
    assert (a.approver_id, a.on_behalf_of) == ("U0AD1", "U0AM1")
    [dm] = world.fake.dms("U0AD1")
    assert "<@U0AM1> 休假中（到 周五 11月27日），这项申请转给你审批。" in str(dm["blocks"])
    assert world.fake.dms("U0AM1") == []
    world.slack.click("approval_approve", str(a.id), user="U0AD1")
    world.slack.wait_for("chat.update")
    with world.bot.db.read() as s:
        assert s.get(Approval, a.id).status == "approved"  # type: ignore[union-attr]


def test_after_overtime_past_23_the_morning_nudge_waits_for_the_later_start(world: World) -> None:
    sunday_night = datetime(2026, 11, 20, 23, 0, tzinfo=SH)  # Friday's form, worked to 00:30
    with world.bot.db.write() as s:
        s.add(
            OvertimeForm(team_id=TEAM, filer_id="U0AE1", members=json.dumps(["U0AE1"]),
                         day=date(2026, 11, 20), start=sunday_night - timedelta(hours=4),
                         end=sunday_night + timedelta(minutes=90), reason="赶提案",
                         status="approved", deferred_until=MONDAY.replace(hour=10, minute=30))
        )  # fmt: skip
    [o] = run_task(TASKS["contact-nudge"], MONDAY, world.tasks)
    assert nudged(world) == {"U0AE2"}
    assert o.status == "pending"  # held, not lost
    with world.bot.db.read() as s:
        held = s.exec(select(OutboxMessage).where(OutboxMessage.recipient == "U0AE1")).one()
    assert held.not_before == MONDAY.replace(hour=10, minute=30)
    world.clock.set(MONDAY.replace(hour=10, minute=29))
    world.bot.courier.drain()
    assert "U0AE1" not in nudged(world)
    world.clock.set(MONDAY.replace(hour=10, minute=30))
    world.bot.courier.drain()
    assert nudged(world) == {"U0AE1", "U0AE2"}
    assert len(world.fake.dms("U0AE1")) == 1
