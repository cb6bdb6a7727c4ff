"""Action items in the timetable: due today in the owner's morning nudge (no extra DM) and App
Home; a working day overdue, the report's author told once; two, the owner's manager once;
across a weekend and a 调休 Saturday, with a Slack fault on one delivery."""

from __future__ import annotations

from datetime import date, datetime

from scheduler.timetable import TASKS, run_task
from storage import action_items
from tests.action_item_setup import item, line, report_with
from tests.conftest import SH, TEAM, World, wait_until

AUTHOR, OWNER, MANAGER = "U0AE1", "U0AE2", "U0AM1"  # Li AE (en) reports to Qian AM (zh)
ITEMS, NUDGE = TASKS["action-items"], TASKS["contact-nudge"]


def at(w: World, *when: int) -> datetime:
    moment = datetime(*when, tzinfo=SH)  # type: ignore[misc]
    w.clock.set(moment)
    return moment


def texts(w: World, user: str) -> list[str]:
    return [m["text"] + str(m.get("blocks") or "") for m in w.fake.dms(user)]


def test_due_today_in_the_morning_nudge_and_the_home(world: World) -> None:
    _, (quote,) = report_with(world, [line(OWNER, "send the quote", date(2026, 11, 23))])
    report_with(world, [line("U0AAE", "整理素材", date(2026, 11, 23))])
    report_with(world, [line(OWNER, "book the studio", date(2026, 11, 24))])
    [o] = run_task(NUDGE, at(world, 2026, 11, 23, 9, 30), world.tasks)
    assert o.status == "sent"
    [dm] = texts(world, OWNER)  # one DM: the calls due and the item
    assert "Action items due today" in dm and "send the quote" in dm and "Coca Cola" in dm
    assert "book the studio" not in dm
    [only_items] = world.fake.dms("U0AAE")  # no clients of their own: still one nudge
    assert only_items["text"] == "今天有 1 项待办到期。" and "整理素材" in str(only_items["blocks"])
    world.slack.home_opened(user=OWNER)
    assert wait_until(lambda: "send the quote" in str(world.fake.home_view(OWNER) or ""))
    assert "book the studio" not in str(world.fake.home_view(OWNER))
    world.slack.click("todo_done", str(quote), user=OWNER)  # on the Home: drawn again without it
    assert wait_until(lambda: "send the quote" not in str(world.fake.home_view(OWNER)))


def test_overdue_across_a_weekend_author_then_manager_once_each(world: World) -> None:
    _, (friday,) = report_with(world, [line(OWNER, "send the quote", date(2026, 11, 20))])
    _, (done,) = report_with(world, [line(OWNER, "done already", date(2026, 11, 19))])
    item_done(world, done)
    [o] = run_task(ITEMS, at(world, 2026, 11, 21, 9, 30), world.tasks)  # Saturday
    assert o.status == "day-off"
    world.fake.inject("chat.postMessage", "http500", times=1, channels=[AUTHOR])
    [o] = run_task(ITEMS, at(world, 2026, 11, 23, 9, 30), world.tasks)  # Monday: 1 working day
    assert o.status == "sent" and "delivered 1, pending 0, failed 0" in o.detail
    [told] = texts(world, AUTHOR)
    assert "send the quote" in told and "<@U0AE2>" in told and "已经逾期" in told
    assert "done already" not in told
    assert texts(world, MANAGER) == []
    assert wait_until(lambda: item(world, friday).author_told_at is not None)
    [again] = run_task(ITEMS, at(world, 2026, 11, 23, 9, 31), world.tasks)
    assert again.status == "already-ran"

    world.fake.inject("chat.postMessage", "lost_answer", times=1, channels=[MANAGER])
    run_task(ITEMS, at(world, 2026, 11, 24, 9, 30), world.tasks)  # Tuesday: 2 working days
    [boss] = texts(world, MANAGER)
    assert "send the quote" in boss and "两个工作日" in boss
    assert len(texts(world, AUTHOR)) == 1  # the author was told once
    assert wait_until(lambda: item(world, friday).manager_told_at is not None)
    run_task(ITEMS, at(world, 2026, 11, 25, 9, 30), world.tasks)  # Wednesday: nobody again
    assert len(texts(world, AUTHOR)) == 1 and len(texts(world, MANAGER)) == 1


def test_a_make_up_saturday_counts_and_a_holiday_does_not(world: World) -> None:
    _, (due_fri,) = report_with(world, [line(OWNER, "confirm the media plan", date(2026, 2, 13))])
    [o] = run_task(ITEMS, at(world, 2026, 2, 14, 9, 30), world.tasks)  # 调休 Saturday, worked
    assert o.status == "sent"
    assert len(texts(world, AUTHOR)) == 1 and texts(world, MANAGER) == []
    for day in (16, 20, 23):  # the Spring Festival: days off
        [o] = run_task(ITEMS, at(world, 2026, 2, day, 9, 30), world.tasks)
        assert o.status == "day-off"
    run_task(ITEMS, at(world, 2026, 2, 24, 9, 30), world.tasks)  # the next working day: 2
    assert len(texts(world, MANAGER)) == 1 and len(texts(world, AUTHOR)) == 1
    assert wait_until(lambda: item(world, due_fri).manager_told_at is not None)


def test_one_dm_for_someone_told_as_author_and_as_manager(world: World) -> None:
    report_with(world, [line(OWNER, "quote one", date(2026, 11, 19))], author=MANAGER)
    report_with(world, [line(OWNER, "quote two", date(2026, 11, 20))], author=MANAGER)
    run_task(ITEMS, at(world, 2026, 11, 23, 9, 30), world.tasks)  # Thu item: 2, Fri item: 1
    [dm] = texts(world, MANAGER)
    assert "quote one" in dm and "quote two" in dm and "有 2 项待办已逾期" in dm


def item_done(w: World, item_id: int) -> None:
    with w.bot.db.write() as s:
        action_items.mark_done(s, TEAM, item_id, OWNER, w.clock.now())
