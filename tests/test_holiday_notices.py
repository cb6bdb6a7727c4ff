"""The holiday notices through the timetable and the fake Slack (如遇重大节假日，需提前书面通知客户):
2027's Spring Festival as the admins enter it (`/aebot calendar set`: the library only guesses
2027, without its make-up days), each AE's one DM five working days before (a 调休 Saturday),
nothing on the other days nor on the holiday, only active clients, each client's notice in its
own language, Notified by the AE, refused to anyone else, said once; a Slack 500; the Monday
agenda's line within a week of the holiday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from sqlmodel import select

from scheduler.timetable import TASKS, run_task
from storage.imports import import_clients
from storage.models import Client, Duty, Leave
from tests.conftest import ADMIN, SH, TEAM, World

NOTICES, AGENDA = TASKS["holiday-notices"], TASKS["monday-agenda"]
AE1, AE2 = "U0AE1", "U0AE2"  # Sun AE (zh) owns 可口可乐 and Nike; Li AE (en) Coca Cola Bottling
CHANNEL = "C0TEAM0001"
OK = "delivered {d}, pending 0, failed 0, expired 0"


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=SH)


def run(w: World, when: datetime, task: str = "holiday-notices") -> tuple[str, str]:
    w.clock.set(when)
    [o] = run_task(TASKS[task], when, w.tasks)
    return o.status, o.detail


def texts(message: dict) -> list[str]:
    out = []
    for b in message.get("blocks", []):
        if b["type"] in ("section", "header"):
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out += [e["text"] for e in b["elements"]]
    return "\n".join(out).split("\n")


def buttons(message: dict) -> list[tuple[str, str, str]]:
    return [
        (b["accessory"]["text"]["text"], b["accessory"]["action_id"], b["accessory"]["value"])
        for b in message.get("blocks", [])
        if b.get("accessory")
    ]


def answers(w: World) -> list[str]:
    return [c.args["text"] for c in w.fake.calls_to("response_url")]


def duties(w: World) -> dict[str, Duty]:
    with w.bot.db.read() as s:
        rows = s.exec(select(Duty, Client).join(Client, Client.id == Duty.client_id)).all()
    return {c.name: d for d, c in rows if d.kind == "holiday"}


@pytest.fixture
def spring(world: World) -> Iterator[World]:
    """The admins enter 2027's Spring Festival from the official notice: off from the eve (Fri
    5 Feb, as the library has it) to Sun 14 Feb, the 调休 Saturdays 30 Jan and 20 Feb worked. Nike reads
    English, 可口可乐 has Li AE as its backup, 百事 (Sun AE's) is paused."""
    world.clock.set(datetime(2027, 1, 11, 10, 0, tzinfo=SH))
    for typed in (
        "calendar set 2027-02-11 holiday 春节",
        "calendar set 2027-02-12 holiday 春节",
        "calendar set 2027-01-30 workday",
        "calendar set 2027-02-20 workday",
    ):
        assert "2027" in world.slack.command("/aebot", typed, user=ADMIN).json()["text"]
    assert "英文" in world.slack.command("/client", "language Nike en").json()["text"]
    pepsi = {"name": "百事", "city": "上海", "in_city": "true", "owner_id": AE1}
    with world.bot.db.write() as s:
        import_clients(
            s, TEAM, [{**pepsi, "contact_person": "", "cadence_days": ""}], world.clock.now()
        )
    with world.bot.db.write() as s:
        for c in s.exec(select(Client).where(Client.team_id == TEAM)):
            if c.name == "可口可乐":
                c.backup_owner_id = AE2
            if c.name == "百事":
                c.status, c.status_since = "paused", date(2027, 1, 4)
            s.add(c)
    world.fake.reset()
    yield world
    world.fake.reset()  # no fault of a test reaches the next


ZH_DM = [
    "*春节放假安排*：周五 2月5日 至 周日 2月14日 放假，共 10 天，周一 2月15日 起正常上班。",
    "调休上班：周六 1月30日、周六 2月20日。",
    "如遇重大节假日，需提前书面通知客户：请把下面每位客户的通知（已按客户的语言写好）复制到邮件或微信"
    "发出，发出后点“已通知”。",
    "放假第一天（周五 2月5日）可以再给客户发一句节日问候：春节快乐，新春大吉！",
    "*Nike* · 英文通知",
    "```Dear Ms Wu,",
    "Our office will be closed for Spring Festival from Friday 5 February to Sunday 14 "
    "February (10 days), and open again on Monday 15 February.",
    "We will work as usual on Saturday 30 January, Saturday 20 February (make-up working days).",
    "We will settle the work in hand before the holiday; please tell us early of anything that "
    "must be done before it.",
    "For anything urgent during the holiday, please call Sun AE.",
    "Happy Spring Festival, and best wishes!",
    "",
    "Sun AE```",
    "*可口可乐* · 中文通知",
    "```尊敬的王经理：",
    "您好！",
    "根据春节放假安排，我司将于2月5日（周五）至2月14日（周日）放假，共10天，2月15日（周一）起正常上班。",
    "1月30日（周六）、2月20日（周六）调休，正常上班。",
    "放假前我们会把手头的工作安排妥当；如有需要在假期前完成的事项，请尽早告知。",
    "放假期间如有紧急事务，请联系Sun AE，或Li AE。",
    "提前祝您春节快乐，新春大吉！",
    "",
    "Sun AE```",
]


def test_five_working_days_before_the_spring_festival_each_ae_gets_one_dm(spring: World) -> None:
    w = spring
    assert run(w, at(1, 29)) == (
        "sent",
        "no public holiday to notify clients of · " + OK.format(d=0),
    )
    assert w.fake.calls_to("chat.postMessage") == []
    # Saturday 30 Jan, a 调休 working day: five working days before Friday 5 Feb
    assert run(w, at(1, 30)) == (
        "sent",
        "2027-02-05: 2 AEs, 3 clients, 2 DMs · " + OK.format(d=2),
    )
    [zh] = w.fake.dms(AE1)
    assert zh["text"] == "春节放假（周五 2月5日 至 周日 2月14日）：请在放假前书面通知你的客户。"
    assert texts(zh) == ZH_DM  # the paused 百事 is not in it
    made = duties(w)
    assert sorted(made) == ["Coca Cola Bottling", "Nike", "可口可乐"]
    assert {d.period for d in made.values()} == {"2027-02-05"}
    assert all(d.done_at is None for d in made.values())
    assert buttons(zh) == [
        ("已通知", "holiday_notified", str(made["Nike"].id)),
        ("已通知", "holiday_notified", str(made["可口可乐"].id)),
    ]
    [en] = w.fake.dms(AE2)  # Li AE reads English; the client reads Chinese
    assert en["text"] == (
        "Spring Festival (Fri 5 Feb to Sun 14 Feb): notify your clients in writing before the "
        "holiday."
    )
    shown = texts(en)
    assert shown[:2] == [
        "*Spring Festival*: days off from Fri 5 Feb to Sun 14 Feb (10 days); back at work on "
        "Mon 15 Feb.",
        "Make-up working days: Sat 30 Jan, Sat 20 Feb.",
    ]
    greeting = "On the first day off (Fri 5 Feb), send your clients a greeting too: Happy Spring"
    assert f"{greeting} Festival!" in shown
    assert "*Coca Cola Bottling* · notice in Chinese" in shown
    assert "```尊敬的Mr Ho：" in shown and "放假期间如有紧急事务，请联系Li AE。" in shown
    assert buttons(en) == [("Notified", "holiday_notified", str(made["Coca Cola Bottling"].id))]

    # Later working days find it decided; the holiday itself is a day off.
    for day in ((2, 1), (2, 4)):
        assert run(w, at(*day))[1].startswith("2027-02-05: 0 AEs, 0 clients, 0 DMs")
    assert run(w, at(1, 31)) == ("day-off", "2027-01-31")  # an ordinary Sunday
    assert run(w, at(2, 5)) == ("day-off", "2027-02-05")
    assert run(w, at(2, 15))[1].startswith("no public holiday")  # back at work
    assert run(w, at(2, 20))[1].startswith("no public holiday")  # the 调休 Saturday after
    assert len(w.fake.calls_to("chat.postMessage")) == 2


def test_notified_by_the_ae_refused_to_anyone_else_and_said_once(spring: World) -> None:
    w = spring
    run(w, at(1, 30))
    made = duties(w)
    nike, coke = str(made["Nike"].id), str(made["Coca Cola Bottling"].id)
    w.clock.set(at(1, 30, 10, 5))
    w.slack.click("holiday_notified", nike, user=AE2, channel="D0U0AE2")  # not theirs
    w.slack.wait_for("response_url")
    assert answers(w) == [
        "This is for <@U0AE1>; only they or an admin can mark it. Nothing was changed."
    ]
    assert duties(w)["Nike"].done_at is None
    for forged in ("0", "abc", "99999999"):  # no such duty: nothing changes
        w.slack.click("holiday_notified", forged, user=AE1, channel="D0U0AE1")
    w.slack.wait_for("response_url", 4)
    assert answers(w)[1:] == ["找不到这条提醒，没有做任何改动。"] * 3

    w.slack.click("holiday_notified", nike, user=AE1, channel="D0U0AE1")
    redrawn = w.slack.wait_for("response_url", 5)[4]
    assert redrawn.args["replace_original"] is True
    lines = texts(redrawn.args)
    assert lines[4:6] == ["*Nike* · 英文通知", "✅ 已通知（周六 1月30日 10:05）"]
    assert buttons(redrawn.args) == [("已通知", "holiday_notified", str(made["可口可乐"].id))]
    assert duties(w)["Nike"].done_at == at(1, 30, 10, 5)

    w.clock.set(at(2, 1, 9, 30))
    w.slack.click("holiday_notified", nike, user=AE1, channel="D0U0AE1")
    w.slack.wait_for("response_url", 6)
    assert answers(w)[5] == (
        "Nike 的节日通知已由 <@U0AE1> 在 周六 1月30日 10:05 标记为已通知，没有改动。"
    )
    assert duties(w)["Nike"].done_at == at(1, 30, 10, 5)
    # An admin may mark it for them.
    w.slack.click("holiday_notified", coke, user=ADMIN, channel="D0ADMIN")
    assert w.slack.wait_for("response_url", 7)[6].args["replace_original"] is True
    assert duties(w)["Coca Cola Bottling"].done_at == at(2, 1, 9, 30)
    assert (duties(w)["Nike"].done_by, duties(w)["Coca Cola Bottling"].done_by) == (AE1, ADMIN)
    w.slack.click("holiday_notified", coke, user="U0AE2", channel="D0U0AE2")  # its AE
    w.slack.wait_for("response_url", 8)
    assert answers(w)[7] == (
        f"Coca Cola Bottling was already marked notified by <@{ADMIN}> on Mon 1 Feb 09:30;"
        " nothing changed."
    )


def test_a_slack_500_on_one_ae_and_the_rerun_delivers_the_rest(spring: World) -> None:
    w = spring
    w.bot.courier.tries = 2
    w.fake.inject("chat.postMessage", "http500", times=2, channels=[AE1])
    status, detail = run(w, at(1, 30))
    assert (status, detail) == (
        "pending",
        "2027-02-05: 2 AEs, 3 clients, 2 DMs · delivered 1, pending 1, failed 0, expired 0",
    )
    assert (len(w.fake.dms(AE1)), len(w.fake.dms(AE2))) == (0, 1)
    status, detail = run(w, at(1, 30, 10, 1))
    assert status == "resumed" and "delivered 2, pending 0, failed 0" in detail
    assert (len(w.fake.dms(AE1)), len(w.fake.dms(AE2))) == (1, 1)
    posts = [c.args["channel"] for c in w.fake.calls_to("chat.postMessage")]
    assert (posts.count(AE1), posts.count(AE2)) == (3, 1)  # two 500s, then the one DM
    assert len(duties(w)) == 3


def test_an_ae_on_leave_hears_the_day_they_are_back_and_nobody_twice(spring: World) -> None:
    w = spring
    with w.bot.db.write() as s:
        s.add(
            Leave(
                team_id=TEAM,
                user_id=AE2,
                first_day=date(2027, 1, 28),
                last_day=date(2027, 1, 31),
            )
        )
    assert run(w, at(1, 30))[1].startswith("2027-02-05: 1 AEs, 2 clients, 1 DMs")
    assert w.fake.dms(AE2) == [] and sorted(duties(w)) == ["Nike", "可口可乐"]
    assert run(w, at(2, 1))[1].startswith("2027-02-05: 1 AEs, 1 clients, 1 DMs")
    [en] = w.fake.dms(AE2)
    assert "*Coca Cola Bottling* · notice in Chinese" in texts(en)
    assert len(w.fake.dms(AE1)) == 1


def test_the_monday_agenda_lists_who_has_not_notified_within_a_week(spring: World) -> None:
    w = spring
    w.slack.command("/aebot", f"settings set team_channel {CHANNEL}", user=ADMIN)
    assert run(w, at(1, 25, 9), "monday-agenda")[0] == "sent"  # 11 days ahead: not yet
    [far] = w.fake.messages(CHANNEL)
    assert not any("节日通知" in line for line in texts(far))
    run(w, at(1, 30))
    w.clock.set(at(1, 30, 10, 5))
    w.slack.click("holiday_notified", str(duties(w)["Nike"].id), user=AE1, channel="D0U0AE1")
    w.slack.wait_for("response_url")
    assert run(w, at(2, 1, 9), "monday-agenda")[0] == "sent"
    near = w.fake.messages(CHANNEL)[1]["blocks"]
    [part] = [b["text"]["text"] for b in near if "节日通知" in str(b)]  # one section
    assert part.split("\n") == [
        "*节日通知还没发的客户*（春节，周五 2月5日 起放假）：",
        "• Li AE：Coca Cola Bottling",
        "• Sun AE：可口可乐",
    ]  # names, not ids; Nike notified, 百事 paused
