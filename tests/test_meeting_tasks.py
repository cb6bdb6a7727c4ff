"""The meeting tasks: the notice the working day before (a Monday meeting on the Friday), the
reconfirmation about an hour before, Postponed (moved, told again), the report prompt when it
ends (its contact logged once), and a Slack fault on one delivery."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime

import pytest
from sqlmodel import select

from bot.rules.meetings import people
from handlers import meeting_buttons
from handlers.reports import ReportPrefill
from scheduler.timetable import TASKS, run_task, tick
from storage.models import Client, ContactLog, Meeting, OutboxMessage, Whereabouts
from tests.conftest import SH, TEAM, World, outbox_settled, wait_until

WED_10 = datetime(2026, 11, 25, 10, 0, tzinfo=SH)
THU = datetime(2026, 11, 26, 0, 0, tzinfo=SH)


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute)


def the_meeting(w: World) -> Meeting:
    with w.bot.db.read() as s:
        return s.exec(select(Meeting)).one()


def record(w: World, when: str, user: str = "U0AE1", **more: object) -> Meeting:
    """The form, submitted: Nike, our attendee U0AE2 (English), a place."""
    opened = len(w.fake.calls_to("views.open"))
    w.slack.command("/meeting", "", user=user)
    call = w.slack.wait_for("views.open", opened + 1)[-1]
    with w.bot.db.read() as s:
        nike = s.exec(select(Client).where(Client.name == "Nike")).one()
    values = {"client": str(nike.id), "when": when, "topic": "Q1提案", "place": "耐克上海"}
    values |= {"ours": ["U0AE2"], "theirs": "吴女士", "purpose": "确认方案", "agenda": "讲解"}
    reply = w.slack.submit(call.args["view"], values | more, user=user)
    assert "errors" not in reply.text, reply.text
    assert wait_until(lambda: the_meeting(w))
    return the_meeting(w)


def run(w: World, task: str, when: datetime) -> str:
    """The task run, and every message of it delivered: a drain on the worker (after a form's
    ack) may have claimed some of them first, and delivers them a moment later."""
    w.clock.set(when)
    [o] = run_task(TASKS[task], when, w.tasks)
    assert wait_until(lambda: outbox_settled(w))
    return o.detail


def buttons(dm: dict) -> list[tuple[str, str]]:
    return [
        (e["action_id"], e["value"])
        for b in dm["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def test_a_monday_meeting_is_announced_on_the_friday(world: World) -> None:
    world.clock.set(WED_10)
    with world.bot.db.write() as s:
        nike = s.exec(select(Client).where(Client.name == "Nike")).one()
        nike.language = "en"
        s.add(nike)
    m = record(world, "2026-11-30 14:00-15:30")
    assert run(world, "meeting-notices", at(THU, 16)).startswith("0 meetings")
    fri = datetime(2026, 11, 27, 16, 0, tzinfo=SH)
    detail = run(world, "meeting-notices", fri)
    assert (
        detail == "1 meetings announced to 2 people · delivered 2, pending 0, failed 0, expired 0"
    )
    [mine] = world.fake.dms("U0AE1")
    text = "\n".join(b["text"]["text"] for b in mine["blocks"] if b["type"] == "section")
    for line in ("*会议通知* · Nike", "参加人（谁）：我方 <@U0AE1>、<@U0AE2>；客户方 吴女士"):
        assert line in text
    assert "地点（何地）：耐克上海" in text and "目的（为何）：确认方案" in text
    assert "We look forward to meeting you on 2026-11-30 (Mon) 14:00-15:30 about Q1提案." in text
    assert buttons(mine) == [("meeting_sent_to_client", str(m.id))]
    [theirs] = world.fake.dms("U0AE2")
    assert "*Meeting notice* · Nike" in theirs["blocks"][0]["text"]["text"]
    assert buttons(theirs) == []
    assert wait_until(lambda: the_meeting(world).notice_sent_at is not None)
    assert people(the_meeting(world).told) == ["U0AE1", "U0AE2"]
    assert run(world, "meeting-notices", at(fri, 17)).endswith(
        "delivered 2, pending 0, failed 0, expired 0"
    )
    assert len(world.fake.dms("U0AE1")) == 1  # already ran: nothing twice
    # Sent to client: the organiser's, once
    world.slack.click("meeting_sent_to_client", str(m.id), user="U0AE2")
    world.slack.click("meeting_sent_to_client", "99999")  # forged: changes nothing
    world.slack.click("meeting_sent_to_client", str(m.id))
    assert wait_until(lambda: the_meeting(world).client_notified_at is not None)
    first = the_meeting(world).client_notified_at
    world.slack.click("meeting_sent_to_client", str(m.id))
    assert the_meeting(world).client_notified_at == first


def test_the_reconfirmation_about_an_hour_before(world: World) -> None:
    world.clock.set(WED_10)
    m = record(world, "明天14:00-15:30")
    assert run(world, "meeting-reconfirm", at(THU, 12, 45)).startswith("0 meetings")
    assert run(world, "meeting-reconfirm", at(THU, 13)).startswith("1 meetings to reconfirm")
    [dm] = [d for d in world.fake.dms("U0AE1") if d["text"].startswith("请电话")]
    assert "*请电话向客户再确认*：Nike · " in dm["blocks"][0]["text"]["text"]
    assert buttons(dm) == [("meeting_confirmed", str(m.id)), ("meeting_postponed", str(m.id))]
    assert wait_until(lambda: the_meeting(world).reconfirm_sent_at is not None)
    assert run(world, "meeting-reconfirm", at(THU, 13, 15)).startswith("0 meetings")
    world.slack.click("meeting_confirmed", str(m.id), user="U0AE2")  # not the organiser
    world.slack.click("meeting_confirmed", str(m.id))
    assert wait_until(lambda: the_meeting(world).reconfirmed_at is not None)


def test_a_morning_meeting_is_reconfirmed_at_the_first_run_of_the_day(world: World) -> None:
    """09:30: no run an hour before (the runs start at 09:00); the 09:00 run asks, once."""
    world.clock.set(WED_10)
    m = record(world, "明天9:30-10:30")
    assert run(world, "meeting-reconfirm", at(THU, 9)).startswith("1 meetings to reconfirm")
    assert wait_until(lambda: the_meeting(world).reconfirm_sent_at is not None)
    assert run(world, "meeting-reconfirm", at(THU, 9, 15)).startswith("0 meetings")
    asked = [d for d in world.fake.dms("U0AE1") if d["text"].startswith("请电话")]
    assert len(asked) == 1 and ("meeting_confirmed", str(m.id)) in buttons(asked[0])


def test_postponed_moves_the_meeting_and_tells_everyone_told_again(world: World) -> None:
    world.clock.set(at(THU, 10))  # after its notice time: told at once
    m = record(world, "今天14:00-15:30")
    assert wait_until(lambda: len(world.fake.dms("U0AE2")) == 1)
    run(world, "meeting-reconfirm", at(THU, 13))
    world.slack.click("meeting_postponed", str(m.id), user="U0AAE")  # a stranger: refused
    world.slack.click("meeting_postponed", str(m.id))
    opened = world.slack.wait_for("views.open", 2)[-1].args["view"]
    assert opened["callback_id"] == "meeting_form"
    reply = world.slack.submit(opened, {"when": "2026-11-30 10:00-11:00"})
    assert "errors" not in reply.text, reply.text
    assert wait_until(lambda: the_meeting(world).starts_at.astimezone(SH).day == 30)
    moved = the_meeting(world)
    assert (moved.notice_sent_at, moved.reconfirm_sent_at, moved.reconfirmed_at) == (None,) * 3
    assert wait_until(lambda: len(world.fake.dms("U0AE2")) == 2)
    assert world.fake.dms("U0AE2")[-1]["blocks"][0]["text"]["text"].startswith(
        "Meeting moved: Nike · Q1提案 is now Mon 30 Nov 10:00–11:00"
    )
    with world.bot.db.read() as s:
        [entry] = s.exec(select(Whereabouts)).all()
    assert (entry.start, entry.end) == (moved.starts_at, moved.ends_at)
    # announced again for the new time, on the Friday
    fri = datetime(2026, 11, 27, 16, 0, tzinfo=SH)
    assert run(world, "meeting-notices", fri).startswith("1 meetings announced to 2 people")


def test_the_report_prompt_when_it_ends_logs_the_contact_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.clock.set(WED_10)
    m = record(world, "明天14:00-15:30")
    assert run(world, "meeting-reports", at(THU, 15, 15)).startswith("0 meetings")
    detail = run(world, "meeting-reports", at(THU, 15, 30))
    assert detail.startswith("1 meetings ended, 1 organisers asked for reports")
    [dm] = [d for d in world.fake.dms("U0AE1") if d["text"] == "请写联络报告（会议纪要）"]
    assert buttons(dm) == [("meeting_write_report", str(m.id))]
    assert wait_until(lambda: the_meeting(world).report_prompted_at is not None)
    run(world, "meeting-reports", at(THU, 15, 45))
    run(world, "meeting-reports", at(THU, 17))
    with world.bot.db.read() as s:
        [contact] = s.exec(select(ContactLog)).all()
    assert (contact.kind, contact.summary, contact.report_due, contact.author_id) == (
        "meeting",
        "Q1提案",
        True,
        "U0AE1",
    )
    assert contact.at == the_meeting(world).ends_at and the_meeting(world).contact_id == contact.id
    assert len([d for d in world.fake.dms("U0AE1") if d["text"] == "请写联络报告（会议纪要）"]) == 1
    # Write report reaches the report form with the meeting's prefill
    got: list[ReportPrefill] = []
    monkeypatch.setattr(meeting_buttons, "open_report_form", lambda req, deps, p: got.append(p))
    world.slack.click("meeting_write_report", str(m.id), user="U0AE2")  # not the organiser
    world.slack.click("meeting_write_report", str(m.id))
    assert wait_until(lambda: got)
    assert got == [
        ReportPrefill(
            contact_id=contact.id or 0,
            meeting_id=m.id,
            our_attendees=("U0AE2",),
            client_attendees="吴女士",
            topic="Q1提案",
        )
    ]


def test_a_slack_fault_on_one_notice_is_retried_and_each_gets_exactly_one(world: World) -> None:
    world.clock.set(WED_10)
    record(world, "明天14:00-15:30", ours=["U0AE2", "U0AAE"])
    world.fake.inject("chat.postMessage", "http500", times=1, channels=["U0AAE"])
    try:
        detail = run(world, "meeting-notices", at(datetime(2026, 11, 25, 0, 0, tzinfo=SH), 16))
        assert detail == (
            "1 meetings announced to 3 people · delivered 3, pending 0, failed 0, expired 0"
        )
        assert [len(world.fake.dms(u)) for u in ("U0AE1", "U0AE2", "U0AAE")] == [1, 1, 1]
        failed = [c for c in world.fake.calls_to("chat.postMessage") if not c.ok]
        assert len(failed) == 1 and failed[0].args["channel"] == "U0AAE"
    finally:
        world.fake.reset()  # no fault of this test reaches the next


def test_a_run_whose_notices_another_drain_took_says_what_became_of_them(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A drain on the worker (after some form's ack) claims the run's notices between its
    decision and its own delivery, and is slow to send the first: the run waits for it, and
    says they were delivered, not that they are pending."""
    world.clock.set(WED_10)
    record(world, "明天14:00-15:30", ours=["U0AE2", "U0AAE"])
    assert wait_until(lambda: outbox_settled(world))
    courier = world.tasks.courier
    own_drain, others = courier.drain, []

    def after_another(**which: object) -> object:
        if which.get("task") != "meeting-notices":  # a drain on the worker goes as it does
            return own_drain(**which)
        world.fake.inject("chat.postMessage", "hang", seconds=0.3)
        other = threading.Thread(target=own_drain)  # the worker's, claiming everything
        other.start()
        assert wait_until(lambda: states(world) == {"sending": 3})  # claimed, the first held
        others.append(other)
        return own_drain(**which)

    monkeypatch.setattr(courier, "drain", after_another)
    when = at(datetime(2026, 11, 25, 0, 0, tzinfo=SH), 16)
    world.clock.set(when)
    [o] = run_task(TASKS["meeting-notices"], when, world.tasks)
    [other] = others
    other.join()
    assert (o.status, o.detail) == (
        "sent",
        "1 meetings announced to 3 people · delivered 3, pending 0, failed 0, expired 0",
    )
    assert [len(world.fake.dms(u)) for u in ("U0AE1", "U0AE2", "U0AAE")] == [1, 1, 1]


def states(w: World) -> dict[str, int]:
    """How many messages of the outbox are in each state (delivered ones left out)."""
    with w.bot.db.read() as s:
        rows = s.exec(select(OutboxMessage).where(OutboxMessage.status != "delivered")).all()
    return dict(Counter(m.status for m in rows))


def test_a_monday_meeting_after_a_working_saturday_is_announced_that_saturday(
    world: World,
) -> None:
    world.clock.set(datetime(2026, 10, 9, 10, 0, tzinfo=SH))  # Friday; Saturday 10-10 is worked
    record(world, "2026-10-12 14:00-15:30")
    assert run(world, "meeting-notices", datetime(2026, 10, 9, 16, 0, tzinfo=SH)).startswith(
        "0 meetings"
    )
    sat = datetime(2026, 10, 10, 16, 0, tzinfo=SH)
    assert run(world, "meeting-notices", sat).startswith("1 meetings announced to 2 people")


def test_quarter_hour_tasks_are_claimed_once_each_quarter(world: World) -> None:
    task = TASKS["meeting-reconfirm"]
    values = world.bot.team_settings.of(TEAM)
    assert task.period(at(THU, 13, 7)) == "2026-11-26T13:00"
    assert task.period(at(THU, 13, 59)) == "2026-11-26T13:45"
    assert task.slot(at(THU, 13, 20), values) == at(THU, 13, 15)
    assert task.slot(at(THU, 7, 0), values) is None  # outside working hours
    quarter = {"meeting-reconfirm", "meeting-reports"}

    def ran(when: datetime) -> set[str]:
        world.clock.set(when)
        return {name for name, _ in tick(world.tasks, when)} & quarter

    assert ran(at(THU, 13, 7)) == quarter
    assert ran(at(THU, 13, 10)) == set()
    assert ran(at(THU, 13, 15)) == quarter


def test_buttons_refuse_the_wrong_clicker_a_second_click_and_a_forged_value(world: World) -> None:
    world.clock.set(WED_10)
    m = record(world, "明天14:00-15:30", topic="<!channel> 提案 🎉")
    run(world, "meeting-notices", at(datetime(2026, 11, 25, 0, 0, tzinfo=SH), 16))
    [mine] = world.fake.dms("U0AE1")
    shown = str(mine["blocks"])
    assert "&lt;!channel&gt; 提案 🎉" in shown and "<!channel>" not in shown
    world.fake.reset()

    def answers(n: int) -> list[str]:
        return [c.args["text"] for c in world.slack.wait_for("response_url", n)]

    world.slack.click("meeting_sent_to_client", str(m.id), user="U0AE2")
    assert "That button is for the meeting's organiser." in answers(1)[0]
    world.slack.click("meeting_sent_to_client", "12345678")
    assert "找不到这次会议" in answers(2)[1]
    world.slack.click("meeting_sent_to_client", str(m.id))
    assert "已记录：会议通知已发给客户" in answers(3)[2]
    world.slack.click("meeting_sent_to_client", str(m.id))
    assert "已经记录过发给客户了" in answers(4)[3]
    world.slack.click("meeting_confirmed", str(m.id))
    assert answers(5)[4].startswith("已确认：Nike")
    world.slack.click("meeting_confirmed", str(m.id))
    assert "已经确认过了" in answers(6)[5]
    world.slack.click("meeting_postponed", "abc", user="U0AE2")
    assert answers(7)[6] == "That meeting is not there (perhaps cancelled)."
    assert world.fake.calls_to("views.open") == []
