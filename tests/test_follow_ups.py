"""Dates people mention in passing: a contact's notes offer a follow-up day (set only with a
click), and a job's brief proposes the deadline its form left empty."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import col, select

from scheduler.timetable import TASKS, run_task
from storage.models import ContactLog, Job
from tests.conftest import SH, World, wait_until
from tests.test_jobs import client_id, form, open_form


def contacts(w: World) -> list[ContactLog]:
    with w.bot.db.read() as s:
        return list(s.exec(select(ContactLog).order_by(col(ContactLog.id))))


def offer(blocks: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The follow-up offer's question and its button's value, if the confirmation has one."""
    for b in blocks:
        button = b.get("accessory") or {}
        if button.get("action_id") == "contact_set_follow_up":
            return b["text"]["text"], button["value"]
    return None


def test_a_date_in_the_summary_is_offered_and_set_with_one_click(world: World) -> None:
    r = world.slack.command("/contact", "Nike 客户要求下周五前给报价")
    question, value = offer(r.json()["blocks"]) or ("", "")
    assert question == "要把 周五 12月4日 设为跟进日期吗？"  # the weekday once
    [log] = contacts(world)
    assert log.follow_up_on is None  # nothing set without the click
    assert value == f"{log.id}:2026-12-04"
    world.slack.click("contact_set_follow_up", value, user="U0AE1")
    [answer] = world.slack.wait_for("response_url")
    assert answer.args["replace_original"] is True
    assert answer.args["text"] == "已设置跟进：周五 12月4日，那天早上的提醒会列出这条联络。"
    assert offer(answer.args["blocks"]) is None
    assert contacts(world)[0].follow_up_on == date(2026, 12, 4)
    run_task(TASKS["contact-nudge"], datetime(2026, 12, 4, 9, 30, tzinfo=SH), world.tasks)
    [nudge] = world.fake.dms("U0AE1")
    assert "客户要求下周五前给报价" in str(nudge["blocks"])  # that morning's nudge has it


def test_in_english_from_the_next_steps(world: World) -> None:
    r = world.slack.command(
        "/contact", "coca cola bottling agreed the plan. send the quote by Friday", user="U0AE2"
    )
    question, value = offer(r.json()["blocks"]) or ("", "")
    assert question == "Set Fri 27 Nov as the follow-up date?"
    assert value.endswith(":2026-11-27")


def test_ignored_the_offer_sets_nothing_and_no_date_no_offer(world: World) -> None:
    r = world.slack.command("/contact", "Nike Q1提案已提交，预算12万，CR-202611-07 进行中")
    assert offer(r.json()["blocks"]) is None
    world.slack.command("/contact", "可口可乐 明天再聊")
    run_task(TASKS["contact-nudge"], datetime(2026, 11, 24, 9, 30, tzinfo=SH), world.tasks)
    assert all(c.follow_up_on is None for c in contacts(world))
    assert "明天再聊" not in str(world.fake.dms("U0AE1"))


def test_only_the_author_sets_it_and_only_once(world: World) -> None:
    r = world.slack.command("/contact", "Nike 下周三再确认排期")
    _, value = offer(r.json()["blocks"]) or ("", "")
    world.slack.click("contact_set_follow_up", value, user="U0AE2")
    world.slack.wait_for("response_url")
    assert contacts(world)[0].follow_up_on is None
    world.slack.click("contact_set_follow_up", value, user="U0AE1")
    world.slack.wait_for("response_url", 2)
    world.slack.click("contact_set_follow_up", value, user="U0AE1")
    answers = [c.args["text"] for c in world.slack.wait_for("response_url", 3)]
    assert answers[0] == "Only the person who logged this contact can change or undo it."
    assert answers[2] == (
        "这条联络已经设置了跟进日期（周三 12月2日），没有改动。要修改请点“修改”。"
    )
    assert contacts(world)[0].follow_up_on == date(2026, 12, 2)
    for forged in ("x", f"{contacts(world)[0].id}:not-a-date", "999:2026-12-02"):
        world.slack.click("contact_set_follow_up", forged, user="U0AE1")
    world.slack.wait_for("response_url", 6)
    assert contacts(world)[0].follow_up_on == date(2026, 12, 2)


def test_the_edit_form_comes_pre_filled_with_the_mentioned_day(world: World) -> None:
    world.slack.command("/contact", "Nike 下周三再确认排期")
    [log] = contacts(world)
    world.slack.click("contact_edit", str(log.id), user="U0AE1")
    [call] = world.slack.wait_for("views.open")
    blocks = call.args["view"]["blocks"]
    assert blocks[0]["text"]["text"] == (
        "跟进日期已按记录里的“下周三”预填为 周三 12月2日，可修改或清空。"
    )
    field = next(b for b in blocks if b.get("block_id") == "follow_up")
    assert field["element"]["initial_value"] == "2026-12-02"
    assert contacts(world)[0].follow_up_on is None


def test_a_brief_that_mentions_the_deadline_proposes_it(world: World) -> None:
    view = open_form(world)
    brief = "目标：春季新品上市造势；受众：18-30岁城市跑步爱好者；交付物：主KV一张，客户要求下周五下午5点前交稿。"
    r = world.slack.submit(view, form(world, brief=brief, deadline=""), user="U0AE1")
    body = r.json()
    assert body["response_action"] == "update"
    shown = body["view"]
    assert shown["blocks"][0]["text"]["text"] == (
        "简报里提到“下周五下午5点”：已把客户截止时间填为 周五 12月4日 17:00，请确认或修改后再提交。"
    )
    fields = {b["block_id"]: b["element"] for b in shown["blocks"] if b["type"] == "input"}
    assert fields["deadline"]["initial_value"] == "2026-12-04 17:00"
    assert fields["brief"]["initial_value"] == brief
    assert fields["client"]["initial_option"]["value"] == str(client_id(world, "Nike"))
    with world.bot.db.read() as s:
        assert s.exec(select(Job)).all() == []  # nothing filed yet
    again = world.slack.submit(shown, {}, user="U0AE1")
    assert again.text == ""
    assert wait_until(lambda: len(world.fake.dms("U0AM1")) == 1)
    with world.bot.db.read() as s:
        [j] = s.exec(select(Job)).all()
    assert j.deadline == datetime(2026, 12, 4, 17, 0, tzinfo=SH)


def test_no_deadline_and_none_in_the_brief_is_asked_for(world: World) -> None:
    view = open_form(world, user="U0AE2")
    r = world.slack.submit(view, form(world, deadline=""), user="U0AE2")
    assert r.json()["errors"] == {
        "deadline": "Please give the client's deadline (the brief mentions no date), e.g. Dec 4 "
        "5pm, next Friday."
    }
