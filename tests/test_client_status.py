"""A client's life through signed requests and the fake Slack, on SQLite and PostgreSQL, in
Chinese and English: `/client status` set and refused, shown in `/client list`, `/client show`
and the App Home; the cadence per status through the real 09:30 nudge (a paused client never,
a prospect every 5 working days, `lost` ends a client, `won` makes a prospect active); paused
clients never missed in the Friday report."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import select

from bot.rules import week as rules
from scheduler.timetable import TASKS, run_task
from storage.models import Client
from storage.week import read_week
from tests.conftest import ADMIN, SH, TEAM, World, wait_until

NUDGE = TASKS["contact-nudge"]


def client(w: World, name: str) -> Client:
    with w.bot.db.read() as s:
        return s.exec(select(Client).where(Client.name == name)).one()


def say(w: World, text: str, user: str = "U0AE1") -> str:
    return str(w.slack.command("/client", text, user=user).json().get("text"))


def blocks_text(w: World, text: str, user: str = "U0AE1") -> str:
    answer = w.slack.command("/client", text, user=user).json()
    return "\n".join(str(b.get("text", {}).get("text", "")) for b in answer.get("blocks", []))


def nudged(w: World, when: datetime, user: str = "U0AE1") -> str:
    """What `user`'s 09:30 nudge of that day says (empty: no DM)."""
    w.clock.set(when)
    w.fake.reset()
    [o] = run_task(NUDGE, when, w.tasks)
    assert o.status == "sent", o
    return "\n".join(m["text"] + str(m.get("blocks") or "") for m in w.fake.dms(user))


def test_status_set_in_chinese_stored_and_shown_in_the_list_show_and_home(world: World) -> None:
    said = say(world, "status Nike 暂停 客户内部调整到1月")
    assert said.startswith("*Nike*（`Beijing-202611-Nike-002`）的状态：在服务 → *暂停*。")
    assert "不再提醒联络，周报也不计联络不足，直到你把它设回“在服务”" in said
    assert said.endswith("原因：客户内部调整到1月")
    nike = client(world, "Nike")
    assert (nike.status, nike.status_since, nike.status_note) == (
        "paused",
        date(2026, 11, 23),
        "客户内部调整到1月",
    )
    assert say(world, "status Nike paused") == "*Nike* 已经是“暂停”，没有改动。"

    listed = blocks_text(world, "list")
    order = [line for line in listed.split("\n") if line.startswith("*")]
    assert order[:4] == [
        "*在服务*",
        "*可口可乐* · `上海-202611-可口可乐-001`",
        "*暂停*",
        "*Nike* · `Beijing-202611-Nike-002`",
    ]
    assert "状态：*暂停*，周一 11月23日 起（客户内部调整到1月）" in listed
    assert "状态" not in listed.split("*暂停*")[0].split("可口可乐-001`")[1]  # active: unsaid
    shown = blocks_text(world, "show Nike")
    assert "状态：*暂停*，周一 11月23日 起（客户内部调整到1月）" in shown

    world.slack.home_opened(user="U0AE1")
    assert wait_until(lambda: "不在服务中的客户" in str(world.fake.home_view("U0AE1") or ""))
    home = str(world.fake.home_view("U0AE1"))
    assert "• *Nike* · 状态：*暂停*，周一 11月23日 起（客户内部调整到1月）" in home
    assert "• *可口可乐*" not in home


def test_status_in_english_by_the_owners_manager_and_an_admin(world: World) -> None:
    said = say(world, "status Coca Cola Bottling prospect", user="U0AE2")
    assert said == (
        "*Coca Cola Bottling* (`Shanghai-202611-CocaColaBottling-003`) is now *prospect* "
        "(was active). A call reminder every 5 working days."
    )
    listed = blocks_text(world, "list", user="U0AE2")
    assert "*prospect*" in listed and "status: *prospect* since Mon 23 Nov" in listed
    assert "*active*" not in listed  # no empty group is named
    assert say(world, "status 可口可乐 结束 客户不再续约", user="U0AM1").startswith(  # manager
        "*可口可乐*（`上海-202611-可口可乐-001`）的状态：在服务 → *已结束*。"
    )
    assert "已结束 → *在服务*" in say(
        world, "status 可口可乐 active", user=ADMIN
    )  # not on the team
    assert client(world, "可口可乐").status == "active"


def test_refusals_change_nothing(world: World) -> None:
    assert say(world, "status Nike 暂停", user="U0AE2") == (
        "Only the owner, the backup owner, the owner's manager or an admin can set the status "
        "of *Nike*. Nothing was changed."
    )
    assert say(world, "status 耐克克 暂停").startswith("找不到客户“耐克克”")
    assert say(world, "status Nike maybe").startswith("“maybe”不是客户状态。可用的状态：`在服务`")
    assert say(world, "status Nike").startswith("用法：`/client status 客户名 状态 [原因]`")
    assert say(world, "status Nike 暂停 " + "长" * 10_000) == (
        "原因最多 300 个字，请写短一些。没有改动。"
    )
    assert (
        say(world, "status Nike 暂停 " + "长" * 301) == "原因最多 300 个字，请写短一些。没有改动。"
    )
    assert say(world, "status '; DROP TABLE client; -- paused").startswith("找不到客户")
    nike = client(world, "Nike")
    assert (nike.status, nike.status_since, nike.status_note) == ("active", None, "")
    # what is typed is stored as typed and shown harmless
    said = say(world, "status Nike paused <!channel> *urgent* <https://x.example|click>")
    assert "&lt;!channel&gt;" in said and "<!channel>" not in said
    assert client(world, "Nike").status_note == "<!channel> *urgent* <https://x.example|click>"


def test_the_cadence_per_status_through_the_morning_nudge(world: World) -> None:
    monday = datetime(2026, 11, 23, 9, 30, tzinfo=SH)
    first = nudged(world, monday)
    assert "Nike" in first and "可口可乐" in first  # never contacted: both due at once

    world.clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    say(world, "status Nike paused 客户内部调整到1月")
    say(world, "status 可口可乐 潜在")
    world.slack.command("/contact", "可口可乐 电话沟通Q1预算")  # the prospect called Monday
    for day in (24, 25, 26, 27):  # Tue–Fri: neither (paused; prospect within 5 working days)
        said = nudged(world, datetime(2026, 11, day, 9, 30, tzinfo=SH))
        assert "Nike" not in said and "可口可乐" not in said
    monday_next = nudged(world, datetime(2026, 11, 30, 9, 30, tzinfo=SH))
    assert "可口可乐" in monday_next and "Nike" not in monday_next  # 5 working days on

    world.clock.set(datetime(2026, 11, 30, 10, 0, tzinfo=SH))
    won = say(world, "stage 可口可乐 won")
    assert "潜在 → *赢单*" in won and "客户状态随之改为 *在服务*：按它的联络周期提醒联络。" in won
    assert client(world, "可口可乐").status == "active"
    say(world, "status Nike active")
    tuesday = nudged(world, datetime(2026, 12, 1, 9, 30, tzinfo=SH))
    assert "可口可乐" in tuesday and "Nike" in tuesday  # in-city daily again; Nike back

    world.clock.set(datetime(2026, 12, 1, 10, 0, tzinfo=SH))
    lost = say(world, "stage Nike lost")
    assert "客户状态随之改为 *已结束*：不再提醒联络，周报也不计联络不足。" in lost
    nike = client(world, "Nike")
    assert (nike.status, nike.status_since, nike.funnel_stage) == (
        "ended",
        date(2026, 12, 1),
        "lost",
    )
    assert "Nike" not in nudged(world, datetime(2026, 12, 2, 9, 30, tzinfo=SH))


def test_lost_in_english_says_the_client_is_ended(world: World) -> None:
    said = say(world, "stage Coca Cola Bottling lost", user="U0AE2")
    assert said.endswith(
        "The client is now *ended*: No more call reminders, and no missed calls in the Friday "
        "report."
    )


def test_a_paused_client_is_not_missed_in_the_friday_report(world: World) -> None:
    friday = datetime(2026, 11, 27, 15, 30, tzinfo=SH)

    def missed() -> list[str]:
        calendar = world.bot.calendars.for_team(TEAM)
        monday, days, log = rules.week_days(calendar, friday.date())
        with world.bot.db.read() as s:
            week, _ = read_week(s, TEAM, monday=monday, days=days, now=friday, zone=SH)
        [ae] = [a for a in rules.compile_week(week).aes if a.user_id == "U0AE1"]
        return sorted(c.client.name for c in ae.missed)

    assert missed() == ["Nike", "可口可乐"]
    world.clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=SH))
    say(world, "status Nike 暂停")
    assert missed() == ["可口可乐"]
