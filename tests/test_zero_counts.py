"""Where a count can be 0, people read "没有…/no …", never "0 项…": the places that could say it
before (the morning nudge's line, `/out who` with nobody out, leave on days off only, weekly
notes saved with no client written up, `/aebot team` on an empty team), through Slack."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import delete

from scheduler.timetable import TASKS, run_task
from storage.models import Member
from tests.conftest import ADMIN, MONDAY_10, SH, World

ZERO = ("0 项", "0 个", "0 人", "0 张", "0 条", "（0）", "(0)", " 0 ")


def said(w: World, command: str, text: str, user: str = "U0AE1") -> str:
    return str(w.slack.command(command, text, user=user).json()["text"])


def test_out_who_with_nobody_out_says_so_in_its_notification(world: World) -> None:
    reply = world.slack.command("/out", "who", user="U0AM1").json()
    assert reply["text"] == "现在没有人登记外出。"
    assert not any(z in str(reply) for z in ZERO)


def test_leave_on_days_off_only_says_no_working_day_is_in_it(world: World) -> None:
    assert said(world, "/out", "leave 11月28日到11月29日 事假") == (
        "已登记请假：事假，周六 11月28日 至 周日 11月29日（这几天都不是工作日）。"
    )
    assert said(world, "/out", "leave 12月1日 年假", user="U0AE2") == (
        "Leave registered: annual leave, Tue 1 Dec (1 working day). You get no reminders then."
    )


def test_weekly_notes_saved_without_a_client_say_none(world: World) -> None:
    world.slack.command("/weekly", "")
    view = world.slack.wait_for("views.open")[0].args["view"]
    assert world.slack.submit(view, {"problems": "排期冲突"}).text == ""
    [told] = world.slack.wait_for("chat.postEphemeral")
    assert told.args["text"] == (
        "已保存本周周报（没有写客户的情况）。\n需要协调的问题：已写；建议：未写。"
    )


def test_the_morning_line_names_only_what_is_due(world: World) -> None:
    """Tuesday: clients due and no follow-up, so no "0 项跟进"."""
    run_task(TASKS["contact-nudge"], datetime(2026, 11, 24, 9, 30, tzinfo=SH), world.tasks)
    texts = {m["channel"]: m["text"] for m in world.fake.messages()}
    assert texts and all("跟进" not in t and "follow-up" not in t for t in texts.values())
    assert not any(z in t for t in texts.values() for z in ZERO)


def test_an_empty_team_is_not_a_team_of_0(world: World) -> None:
    with world.bot.db.write() as s:
        s.exec(delete(Member))  # type: ignore[call-overload]
    world.clock.set(MONDAY_10 + timedelta(minutes=1))
    text = said(world, "/aebot", "team", user=ADMIN)
    assert "0 人" not in text and text.startswith("还没有团队名单。")
