"""`/meeting`: the quick path and the form in both languages, refusals, `/meeting list`,
cancelling (organiser, admin, stranger refused), the organiser's whereabouts held and moved,
and the visit-log offer never made for a meeting's whereabouts."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import select

from bot.rules.meetings import people
from scheduler.timetable import TASKS, run_task
from storage.models import Client, ContactLog, Meeting, Whereabouts
from tests.conftest import ADMIN, SH, World, wait_until

WED_10 = datetime(2026, 11, 25, 10, 0, tzinfo=SH)


def meetings(w: World) -> list[Meeting]:
    with w.bot.db.read() as s:
        return list(s.exec(select(Meeting).order_by(Meeting.id)))


def say(w: World, text: str, user: str = "U0AE1") -> str:
    reply = w.slack.command("/meeting", text, user=user)
    assert reply.status_code == 200
    return str(reply.json().get("text", ""))


def test_the_quick_path_records_a_meeting_typed_either_way_round(world: World) -> None:
    world.clock.set(WED_10)
    said = say(world, "可口可乐 明天14:00-15:30 Q1提案")
    assert said.startswith("已登记会议 #1：可口可乐 · ") and "14:00–15:30 · Q1提案" in said
    say(world, "可口可乐 14:00-15:30 明天 Q1提案")
    say(world, "Nike tomorrow 14:00-15:30 Q1 pitch", user="U0AE2")
    said = say(world, "Nike 14:00-15:30 tomorrow Q1 pitch", user="U0AE2")
    assert said.startswith("Meeting #4 recorded: Nike · Thu 26 Nov 14:00–15:30 · Q1 pitch")
    rows = meetings(world)
    assert len(rows) == 4
    for m in rows:
        start = m.starts_at.astimezone(SH)
        assert (start, m.ends_at.astimezone(SH) - start) == (
            datetime(2026, 11, 26, 14, 0, tzinfo=SH),
            timedelta(minutes=90),
        )
    assert [m.topic for m in rows] == ["Q1提案", "Q1提案", "Q1 pitch", "Q1 pitch"]
    assert [m.organiser_id for m in rows] == ["U0AE1", "U0AE1", "U0AE2", "U0AE2"]
    blocks = world.slack.command("/meeting", "可口可乐 明天14:00-15:30 Q1提案").json()["blocks"]
    assert blocks[1]["elements"][0]["text"] == "会议通知将于 周三 11月25日 16:00 发给参加人。"


def test_refusals_are_polite_and_change_nothing(world: World) -> None:
    world.clock.set(WED_10)
    assert "已经过去" in say(world, "可口可乐 今天8:00-9:00 早会")
    assert "passed" in say(world, "Nike today 8:00-9:00 stand-up", user="U0AE2")
    assert "最多 2000" in say(world, "可口可乐 明天14:00-15:30 " + "长" * 10_000)
    assert "/meeting" in say(world, "help")
    assert meetings(world) == []
    # an unknown client, or a time it cannot read: the form, saying why
    notices = []
    for n, text in enumerate(("香蕉公司 明天14:00-15:30 提案", "可口可乐 某天 提案"), 1):
        say(world, text)  # each form is open before the next command (they open on the worker)
        notices.append(world.slack.wait_for("views.open", n)[-1].args["view"]["blocks"][0])
    assert "香蕉公司" in notices[0]["text"]["text"]
    assert "开始和结束" in notices[1]["text"]["text"]
    assert meetings(world) == []


def form_view(w: World, user: str = "U0AE1") -> dict:
    w.slack.command("/meeting", "", user=user)
    [call] = w.slack.wait_for("views.open")
    return call.args["view"]


def client_id(w: World, name: str) -> str:
    with w.bot.db.read() as s:
        return str(s.exec(select(Client).where(Client.name == name)).one().id)


def test_the_form_records_everything_and_holds_the_organisers_whereabouts(world: World) -> None:
    world.clock.set(WED_10)
    view = form_view(world)
    assert view["callback_id"] == "meeting_form"
    values = {
        "client": client_id(world, "Nike"),
        "when": "明天14:00-15:30",
        "topic": "Q1提案",
        "place": "耐克上海办公室",
        "ours": ["U0AE2", "U0AAE"],
        "theirs": "吴女士",
        "purpose": "确认Q1方案",
        "agenda": "方案讲解；报价",
        "materials": "提案PPT",
    }
    reply = world.slack.submit(view, values)
    assert reply.status_code == 200 and "errors" not in reply.text
    wait_until(lambda: meetings(world))
    [m] = meetings(world)
    assert (m.place, people(m.our_attendees), m.client_attendees) == (
        "耐克上海办公室",
        ["U0AE2", "U0AAE"],
        "吴女士",
    )
    with world.bot.db.read() as s:
        [entry] = s.exec(select(Whereabouts)).all()
    assert (entry.user_id, entry.start, entry.end) == ("U0AE1", m.starts_at, m.ends_at)
    assert m.whereabouts_id == entry.id
    # the visit-log offer is not made for a meeting's whereabouts: its report prompt is
    world.clock.set(datetime(2026, 11, 26, 16, 0, tzinfo=SH))
    [o] = run_task(TASKS["visit-log-offers"], world.clock.now(), world.tasks)
    assert o.detail.startswith("0 visits offered")


def test_form_refusals_under_their_fields(world: World) -> None:
    world.clock.set(WED_10)
    view = form_view(world, user="U0AE2")
    values = {"client": client_id(world, "Nike"), "when": "昨天14:00-15:30", "topic": ""}
    errors = world.slack.submit(view, values, user="U0AE2").json()["errors"]
    assert set(errors) == {"when", "topic"} and "passed" in errors["when"]
    values |= {"when": "tomorrow 14:00-15:30", "topic": "x" * 301}
    errors = world.slack.submit(view, values, user="U0AE2").json()["errors"]
    assert errors == {"topic": "Too long: at most 300 characters."}
    values |= {"topic": "Q1", "theirs": "y" * 1001, "when": "someday"}
    errors = world.slack.submit(view, values, user="U0AE2").json()["errors"]
    assert errors["theirs"] == "Too long: at most 1000 characters."
    assert errors["when"].startswith("Sorry, I couldn't read “someday” as a range.")
    assert meetings(world) == []


def test_list_shows_mine_this_week(world: World) -> None:
    world.clock.set(WED_10)
    say(world, "可口可乐 明天14:00-15:30 Q1提案")
    say(world, "Nike 2026-12-01 10:00-11:00 next week", user="U0AE1")  # next week: not listed
    assert say(world, "list", user="U0AE2") == "You have no meetings this week."
    reply = world.slack.command("/meeting", "list").json()
    assert reply["text"] == "你本周的会议（1 个）："
    assert "`#1`" in reply["blocks"][1]["text"]["text"]


def test_cancel_by_the_organiser_tells_whoever_was_told_and_a_stranger_is_refused(
    world: World,
) -> None:
    world.clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=SH))  # after the notice time: told now
    view = form_view(world)
    values = {
        "client": client_id(world, "Nike"),
        "when": "今天14:00-15:30",
        "topic": "Q1提案",
        "place": "耐克",
        "ours": ["U0AE2"],
    }
    world.slack.submit(view, values)
    assert wait_until(lambda: len(world.fake.dms("U0AE2")) == 1)
    [m] = meetings(world)
    assert wait_until(lambda: meetings(world)[0].notice_sent_at is not None)
    assert people(meetings(world)[0].told) == ["U0AE1", "U0AE2"]
    assert "只有会议的组织者或管理员" in say(world, f"cancel {m.id}", user="U0AAE")
    assert "Only the meeting's organiser" in say(world, f"cancel {m.id}", user="U0AE2")
    assert "用法" in say(world, "cancel x")
    assert meetings(world)[0].cancelled_at is None
    said = say(world, f"cancel {m.id}")
    assert said.startswith(f"已取消会议 #{m.id}：Nike") and "<@U0AE2>" in said
    assert wait_until(lambda: len(world.fake.dms("U0AE2")) == 2)
    assert "Meeting cancelled: Nike" in world.fake.dms("U0AE2")[-1]["text"]
    assert "找不到" in say(world, f"cancel {m.id}")
    with world.bot.db.read() as s:
        [entry] = s.exec(select(Whereabouts)).all()
    assert entry.ended_at is not None
    # nothing further for a cancelled meeting
    for task, at in (
        ("meeting-reconfirm", datetime(2026, 11, 26, 13, 0, tzinfo=SH)),
        ("meeting-reports", datetime(2026, 11, 26, 16, 0, tzinfo=SH)),
    ):
        [o] = run_task(TASKS[task], at, world.tasks)
        assert o.detail.startswith("0 meetings"), o.detail
    with world.bot.db.read() as s:
        assert s.exec(select(ContactLog)).all() == []
    assert len(world.fake.dms("U0AE1")) == 1 and len(world.fake.dms("U0AE2")) == 2


def test_an_admin_may_cancel(world: World) -> None:
    world.clock.set(WED_10)
    say(world, "可口可乐 明天14:00-15:30 Q1提案")
    assert "#1" in say(world, "cancel 1", user=ADMIN)
    assert meetings(world)[0].cancelled_at is not None
