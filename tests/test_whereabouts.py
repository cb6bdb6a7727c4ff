"""`/out` end to end: the whereabouts register (去向登记), the offer to log a visit once it is
over, `/out back`, `/out who`, and leave. Signed requests in, fake Slack out, rows in the
database; the clock is set for each step."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import select

from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import Client, ContactLog, Leave, Whereabouts
from tests.conftest import ADMIN, MONDAY_10, SH, TEAM, World

NIKE = "Beijing-202611-Nike-002"
COKE = "上海-202611-可口可乐-001"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SH)


def out(w: World, text: str, user: str = "U0AE1", when: datetime | None = None) -> dict[str, Any]:
    if when is not None:
        w.clock.set(when)
    reply = w.slack.command("/out", text, user=user)
    assert reply.status_code == 200
    return reply.json()


def said(w: World, text: str, user: str = "U0AE1", when: datetime | None = None) -> str:
    return str(out(w, text, user, when)["text"])


def shown(body: dict[str, Any]) -> str:
    """Everything the blocks of a reply say."""
    parts = []
    for b in body.get("blocks") or []:
        if b["type"] == "section":
            parts.append(b["text"]["text"])
        elif b["type"] == "context":
            parts += [e["text"] for e in b["elements"]]
    return "\n".join(parts)


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (e["action_id"], e["value"])
        for b in message.get("blocks") or []
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def visits(w: World) -> list[Whereabouts]:
    with w.bot.db.read() as s:
        return list(s.exec(select(Whereabouts).order_by(Whereabouts.id)))


def leaves(w: World) -> list[Leave]:
    with w.bot.db.read() as s:
        return list(s.exec(select(Leave).order_by(Leave.id)))


def client_id(w: World, name: str) -> int:
    with w.bot.db.read() as s:
        c = s.exec(select(Client).where(Client.name == name)).one()
    assert c.id is not None
    return c.id


def add_client(w: World, name: str, owner: str = "U0AE1") -> None:
    with w.bot.db.write() as s:
        queries.insert_client(
            s, TEAM, name=name, city="上海", in_city=True, owner_id=owner, created_local=MONDAY_10
        )


def offers(w: World, when: datetime) -> str:
    w.clock.set(when)
    [o] = run_task(TASKS["visit-log-offers"], when, w.tasks)
    return o.detail


# --- registering ----------------------------------------------------------------------------
def test_out_records_the_client_the_purpose_and_the_times(world: World) -> None:
    add_client(world, "耐克")
    body = out(world, "耐克 拜访提案 14:00-17:00")
    assert body["response_type"] == "ephemeral"
    code = "上海-202611-耐克-004"
    assert body["text"] == f"已登记去向：*耐克*（{code}），周一 11月23日 14:00–17:00。"
    assert shown(body) == (
        f"已登记去向：*耐克*（{code}），周一 11月23日 14:00–17:00。\n事由：拜访提案\n"
        "周一 11月23日 17:00 之后，aebot 会请你一键记录这次拜访。"
    )
    [v] = visits(world)
    assert (v.user_id, v.client_id, v.purpose) == ("U0AE1", client_id(world, "耐克"), "拜访提案")
    assert (v.start, v.end) == (at(23, 14), at(23, 17))
    assert not v.from_home and v.ended_at is None and v.log_offered_at is None


def test_until_an_end_alone_or_the_end_of_the_working_day(world: World) -> None:
    body = out(world, "Nike pitch until 5pm", user="U0AE2")
    assert body["text"] == f"Registered: you are out at *Nike* ({NIKE}), Mon 23 Nov 10:00–17:00."
    assert "Purpose: pitch" in shown(body)
    assert said(world, "可口可乐 送样品到17:00") == (
        f"已登记去向：*可口可乐*（{COKE}），周一 11月23日 10:00–17:00。"
    )
    assert said(world, "Nike 拜访", user="U0AD1") == (
        f"已登记去向：*Nike*（{NIKE}），周一 11月23日 10:00–18:00。"
    )
    assert said(world, "Nike pitch Dec 1 to Dec 3", user="U0AE2") == (  # a trip
        f"Registered: you are out at *Nike* ({NIKE}), Tue 1 Dec 09:00 to Thu 3 Dec 18:00."
    )
    rows = [(v.user_id, v.purpose, v.start, v.end) for v in visits(world)]
    assert rows == [
        ("U0AE2", "pitch", at(23, 10), at(23, 17)),
        ("U0AE1", "送样品", at(23, 10), at(23, 17)),
        ("U0AD1", "拜访", at(23, 10), at(23, 18)),
        (
            "U0AE2",
            "pitch",
            datetime(2026, 12, 1, 9, tzinfo=SH),
            datetime(2026, 12, 3, 18, tzinfo=SH),
        ),
    ]
    assert visits(world)[0].ended_at is None  # a later trip does not end today's visit


def test_a_client_named_inside_chinese_text_and_a_glued_time(world: World) -> None:
    assert said(world, "拜访可口可乐 谈合同 下午2点到5点").startswith(
        "已登记去向：*可口可乐*（上海-202611-可口可乐-001），周一 11月23日 14:00–17:00。"
    )
    [v] = visits(world)
    assert v.purpose == "拜访 谈合同"


def test_a_new_out_ends_the_one_open(world: World) -> None:
    out(world, "Nike 提案")
    body = out(world, "可口可乐 送样品 到16:00", when=at(23, 11, 30))
    assert "之前的登记已结束：Nike（周一 11月23日 10:00–18:00）。" in shown(body)
    nike, coke = visits(world)
    assert nike.ended_at == at(23, 11, 30) and coke.ended_at is None
    assert (coke.start, coke.end) == (at(23, 11, 30), at(23, 16))
    body = out(world, "Coca Cola Bottling review", user="U0AE2")
    assert "earlier entry" not in shown(body)  # someone else's entry is not theirs to end


def test_vague_whereabouts_are_refused_with_the_handbooks_reason(world: World) -> None:
    zh = (
        "没有登记：去向登记必须写明客户公司，“外出”“见客户”这样的登记视同未登记。"
        "请写上客户名称，例如 `/out 耐克 拜访提案 14:00-17:00`。"
    )
    en = (
        "Not registered: a whereabouts entry must name the client company; entries like "
        "“out” or “seeing a client” count as not registered. Name the client, e.g. "
        "`/out Nike proposal visit 14:00-17:00`."
    )
    for text in ("外出", "见客户", "出去见客户 14:00-17:00", "拜访客户", "出差", "外出 到17:00",
                 "去见客户 谈事", "14:00-17:00", "tomorrow 外出"):  # fmt: skip
        assert said(world, text) == zh, text
    for text in ("out", "client", "visit", "meeting", "seeing a client",
                 "going out to see a client 2-4pm", "Client meeting until 5pm"):  # fmt: skip
        assert said(world, text, user="U0AE2") == en, text
    assert visits(world) == []


def test_unknown_and_ambiguous_clients_are_refused_with_candidates(world: World) -> None:
    # the same words as every other command that finds a client (handlers/client_lookup.py)
    assert said(world, "百事可乐 提案 14:00-17:00") == (
        "找不到客户“百事可乐”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。"
    )
    assert said(world, "Pepsi pitch", user="U0AE2") == (
        "No client matches “Pepsi”. `/client list all` shows every client; `/client add` adds a "
        "new one."
    )
    add_client(world, "Nike Golf")
    golf = "上海-202611-NikeGolf-004"
    assert said(world, "Nik 提案") == (
        f"“Nik”可能是：Nike ({NIKE})、Nike Golf ({golf})。请写完整名称或客户代码。"
    )
    assert said(world, "nik pitch", user="U0AE2") == (
        f"“nik” could be: Nike ({NIKE}), Nike Golf ({golf}). Please give the full name or the code."
    )
    assert visits(world) == []
    out(world, "Nike Golf 试打 到15:00")  # the longest name wins, never a guess
    [v] = visits(world)
    assert (v.client_id, v.purpose) == (client_id(world, "Nike Golf"), "试打")


def test_times_that_cannot_be_are_refused(world: World) -> None:
    assert said(world, "Nike 提案 25:00-26:00").startswith(
        "没有登记：看不懂这个时间段：“25:00-26:00”。"
    )
    assert said(world, "Nike 提案 08:00-09:30") == (
        "没有登记：这个结束时间已经过了。请写上到几点，例如 `/out 耐克 晚宴 到21:00`。"
    )
    assert said(world, "Nike pitch 8-9:30am", user="U0AE2") == (
        "Not registered: that end time has already passed. Say until when, e.g. "
        "`/out Nike dinner until 9pm`."
    )
    assert said(world, "Nike 提案 到9:00") == (  # 9:00 has passed: tomorrow's is 23 hours away
        "没有登记：结束时间离出发超过16小时。请写当天的结束时间，例如 到17:00；"
        "跨天外出请写日期，例如 12月1日到12月3日。"
    )
    assert said(world, "Nike pitch until 9am", user="U0AE2").startswith(
        "Not registered: the end is more than 16 hours after the start."
    )
    assert said(world, "Nike 晚宴", when=at(23, 19)) == (  # the working day is over
        "没有登记：这个结束时间已经过了。请写上到几点，例如 `/out 耐克 晚宴 到21:00`。"
    )
    assert visits(world) == []


def test_out_tomorrow_starts_from_home_next_working_morning(world: World) -> None:
    out(world, "Nike 提案 到17:00")  # out today: stays open
    body = out(world, "tomorrow 可口可乐 提案", when=at(23, 15))
    assert body["text"] == (
        "已登记：周二 11月24日 从家直接去 *可口可乐*（上海-202611-可口可乐-001），"
        "周二 11月24日 09:00–18:00。手册要求第二天直接去客户处须在前一天登记——已在今天登记好。"
    )
    nike, coke = visits(world)
    assert nike.ended_at is None
    assert (coke.start, coke.end, coke.from_home) == (at(24, 9), at(24, 18), True)
    body = out(world, "明天 Nike 提案 到11:00", when=at(27, 16))  # a Friday: Monday then
    assert body["text"].startswith("已登记：周一 11月30日 从家直接去 *Nike*")
    assert "周一 11月30日 09:00–11:00" in body["text"]
    body = out(world, "tomorrow Nike pitch 10:00-12:00", user="U0AE2")
    assert body["text"] == (
        f"Registered: on Mon 30 Nov you go straight from home to *Nike* ({NIKE}), "
        "Mon 30 Nov 10:00–12:00. The handbook asks for this the day before: done today."
    )
    assert [(v.start, v.end) for v in visits(world)[2:]] == [
        (datetime(2026, 11, 30, 9, 0, tzinfo=SH), datetime(2026, 11, 30, 11, 0, tzinfo=SH)),
        (datetime(2026, 11, 30, 10, 0, tzinfo=SH), datetime(2026, 11, 30, 12, 0, tzinfo=SH)),
    ]


# --- the offer to log the visit -----------------------------------------------------------
def test_a_visit_over_is_offered_once_and_the_button_opens_the_contact_modal(
    world: World,
) -> None:
    out(world, "Nike 春季提案 10:00-12:00")
    [v] = visits(world)
    assert offers(world, at(23, 11)).startswith("0 visits offered")
    assert world.fake.dms("U0AE1") == []
    assert offers(world, at(23, 12)).startswith("1 visits offered")
    [dm] = world.fake.dms("U0AE1")
    assert dm["text"] == "你在 Nike 的拜访（周一 11月23日 10:00–12:00）已结束，记录一下？"
    assert buttons(dm) == [("visit_log", str(v.id))]
    offers(world, at(23, 13))  # the next hour: nothing again, and the visit is marked
    offers(world, at(24, 9))
    assert len(world.fake.dms("U0AE1")) == 1
    assert visits(world)[0].log_offered_at == at(23, 13)

    world.slack.click("visit_log", str(v.id), user="U0AE2", channel="D0U0AE2")
    refusal = world.slack.wait_for("response_url")[0].args["text"]
    assert refusal == "That is someone else's entry: only they can log this visit."
    world.slack.click("visit_log", str(v.id), channel="D0U0AE1", key="mine")
    view = world.slack.wait_for("views.open")[0].args["view"]
    by_id = {b.get("block_id"): b for b in view["blocks"]}
    assert by_id["client"]["element"]["initial_option"]["value"] == str(client_id(world, "Nike"))
    assert by_id["kind"]["element"]["initial_option"]["value"] == "visit"
    assert by_id["when"]["element"]["initial_value"] == "2026-11-23 10:00"
    assert by_id["summary"]["element"]["initial_value"] == "春季提案"
    world.slack.submit(view, {"summary": "春季提案：客户选了方案B"})
    world.slack.wait_for("chat.postEphemeral")
    with world.bot.db.read() as s:
        [c] = s.exec(select(ContactLog)).all()
    assert (c.kind, c.at, c.summary) == ("visit", at(23, 10), "春季提案：客户选了方案B")


def test_no_offer_when_the_visit_was_logged_or_replaced_before_it_began(world: World) -> None:
    out(world, "Nike 提案 10:00-11:00")
    world.slack.command("/contact", "Nike 提案顺利")  # logged already
    out(world, "可口可乐 提案 14:00-15:00", user="U0AE2")
    out(world, "可口可乐 提案 14:30-16:00", user="U0AE2")  # replaces it before it began
    first, replaced, second = visits(world)
    assert replaced.ended_at == MONDAY_10 < replaced.start
    offers(world, at(23, 17))
    assert world.fake.dms("U0AE1") == []
    [dm] = world.fake.dms("U0AE2")
    assert dm["text"] == "Your visit to 可口可乐 (Mon 23 Nov 14:30–16:00) has ended: log it?"
    assert buttons(dm) == [("visit_log", str(second.id))]
    assert visits(world)[0].log_offered_at == at(23, 17)


def test_a_click_on_an_entry_that_is_not_there(world: World) -> None:
    world.slack.click("visit_log", "999")
    assert world.slack.wait_for("response_url")[0].args["text"] == "这条外出登记不存在。"


# --- back and who -----------------------------------------------------------------------------
def test_out_back_ends_mine_and_offers_to_log_it_in_the_reply(world: World) -> None:
    out(world, "Nike 提案")
    body = out(world, "back", when=at(23, 11, 30))
    [v] = visits(world)
    assert body["text"] == "欢迎回来。已结束外出登记：*Nike*，周一 11月23日 10:00–11:30。"
    assert "记录这次在 *Nike* 的拜访？" in shown(body) and "事由：提案" in shown(body)
    assert buttons(body) == [("visit_log", str(v.id))]
    assert v.ended_at == at(23, 11, 30) and v.log_offered_at == at(23, 11, 30)
    offers(world, at(23, 19))
    assert world.fake.dms("U0AE1") == []  # offered in the reply already
    assert said(world, "back") == "你现在没有进行中的外出登记，没有改动。"
    assert said(world, "back", user="U0AE2") == "You have no entry open now; nothing changed."


def test_who_is_out_and_on_leave_for_managers_only(world: World) -> None:
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0PED", MONDAY_10, name="Ma PED", role="ped", language="en")
    out(world, "Nike 春季提案 到16:00")
    out(world, "Coca Cola Bottling review", user="U0AE2", when=at(23, 9))
    out(world, "leave 11月23日 病假", user="U0AAE")
    out(world, "back", user="U0AE2", when=at(23, 10, 30))
    body = out(world, "who", user="U0AM1")
    assert shown(body) == (
        "*现在外出（1 人）*\n<@U0AE1> 在 *Nike*（春季提案），到 周一 11月23日 16:00\n"
        "*今天请假（1 人）*\n<@U0AAE> · 病假 · 周一 11月23日"
    )
    assert shown(out(world, "who", user="U0PED")) == (
        "*Out now (1 person)*\n<@U0AE1> at *Nike* (春季提案) until Mon 23 Nov 16:00\n"
        "*On leave today (1 person)*\n<@U0AAE> · sick leave · Mon 23 Nov"
    )
    for user in ("U0AD1", ADMIN):  # an admin need not be on the team
        assert "<@U0AE1> 在 *Nike*" in shown(out(world, "who", user=user)), user
    assert said(world, "who") == (
        "抱歉，大家的去向只有客户经理、客户总监、项目执行总监、总经理和管理员可以查看。"
        "你自己的登记用 `/out back` 结束。"
    )
    assert said(world, "who", user="U0AE2").startswith(
        "Sorry, only account managers, account directors, the project execution director"
    )
    assert shown(out(world, "who", user="U0AM1", when=at(23, 16, 30))) == (
        "现在没有人登记外出。\n*今天请假（1 人）*\n<@U0AAE> · 病假 · 周一 11月23日"
    )


# --- leave ------------------------------------------------------------------------------------
def test_leave_in_chinese_and_english_with_exact_dates(world: World) -> None:
    assert said(world, "leave 12月1日 到 12月3日 年假") == (
        "已登记请假：年假，周二 12月1日 至 周四 12月3日（3 个工作日）。这几天不会收到提醒。"
    )
    assert said(world, "leave Dec 7 to Dec 9 annual", user="U0AE2") == (
        "Leave registered: annual leave, Mon 7 Dec to Wed 9 Dec (3 working days). "
        "You get no reminders then."
    )
    assert said(world, "leave 12月10日 病假 看牙") == (
        "已登记请假：病假，周四 12月10日（1 个工作日）。这几天不会收到提醒。\n备注：看牙"
    )
    assert said(world, "leave Dec 4 sick", user="U0AE2") == (
        "Leave registered: sick leave, Fri 4 Dec (1 working day). You get no reminders then."
    )
    assert said(world, "请假 11月27日 到 11月30日 事假") == (  # a weekend between
        "已登记请假：事假，周五 11月27日 至 周一 11月30日（2 个工作日）。这几天不会收到提醒。"
    )
    rows = [(x.user_id, x.first_day, x.last_day, x.kind, x.note) for x in leaves(world)]
    assert rows == [
        ("U0AE1", date(2026, 12, 1), date(2026, 12, 3), "annual", ""),
        ("U0AE2", date(2026, 12, 7), date(2026, 12, 9), "annual", ""),
        ("U0AE1", date(2026, 12, 10), date(2026, 12, 10), "sick", "看牙"),
        ("U0AE2", date(2026, 12, 4), date(2026, 12, 4), "sick", ""),
        ("U0AE1", date(2026, 11, 27), date(2026, 11, 30), "personal", ""),
    ]
    body = out(world, "leave list")
    assert body["text"] == "*我的请假（3 次）*"
    assert shown(body) == (
        "*我的请假（3 次）*\n事假 · 周五 11月27日 至 周一 11月30日\n"
        "年假 · 周二 12月1日 至 周四 12月3日\n病假 · 周四 12月10日 · 看牙"
    )
    assert said(world, "leave cancel") == "已取消请假：事假，周五 11月27日 至 周一 11月30日。"
    assert leaves(world)[4].cancelled_at == MONDAY_10
    assert "Your leave (2 entries)" in said(world, "leave list", user="U0AE2")


def test_leave_refusals_in_chinese_and_english(world: World) -> None:
    assert said(world, "leave 11月20日 病假") == (
        "没有登记：周五 11月20日 已经过去了。请假只能登记今天或以后的日期。"
    )
    assert said(world, "leave Nov 20 sick", user="U0AE2") == (
        "Not registered: Fri 20 Nov is in the past. Leave can only be registered from today on."
    )
    said(world, "leave 12月1日 到 12月3日 年假")
    assert said(world, "leave 12月3日 到 12月4日 事假") == (
        "没有登记：和你已登记的请假重叠（年假，周二 12月1日 至 周四 12月3日）。"
        "要更改，先 `/out leave cancel` 取消它，再重新登记。"
    )
    said(world, "leave Dec 2 annual", user="U0AE2")
    assert said(world, "leave Dec 2 sick", user="U0AE2") == (
        "Not registered: it overlaps leave you already registered (annual leave, Wed 2 Dec). "
        "To change it, `/out leave cancel` it first, then register again."
    )
    assert said(world, "leave 12月7日 9:00-12:00 病假") == (
        "没有登记：请假按整天登记，请只写日期，例如 `/out leave 12月1日 病假`。"
    )
    assert said(world, "leave Dec 7 9am-noon sick", user="U0AE2").startswith(
        "Not registered: leave is taken in whole days"
    )
    assert said(world, "leave 香蕉 年假") == (
        "没有登记：看不懂请假日期“香蕉”。例如 `/out leave 12月1日到12月3日 年假`、"
        "`/out leave 12月1日 病假`。"
    )
    assert said(world, "leave <!channel>", user="U0AE2") == (
        "Not registered: I couldn't read the dates in “&lt;!channel&gt;”. E.g. "
        "`/out leave Dec 1 to Dec 3 annual`, `/out leave Dec 1 sick`."
    )
    assert said(world, "leave cancel", user="U0AM1") == "你没有可以取消的请假，没有改动。"
    assert said(world, "leave list", user="U0AM1") == "你没有今天或以后的请假登记。"
    assert said(world, "leave cancel", user="U0AD1") == "你没有可以取消的请假，没有改动。"
    assert len(leaves(world)) == 2


def test_leave_cancelled_after_it_began_ends_yesterday(world: World) -> None:
    said(world, "leave 今天 到 11月25日 病假")
    assert said(world, "leave cancel", when=at(24, 9)) == (
        "请假提前结束：病假，现在是 周一 11月23日；今天起不再算请假。"
    )
    [x] = leaves(world)
    assert (x.first_day, x.last_day, x.cancelled_at) == (
        date(2026, 11, 23),
        date(2026, 11, 23),
        None,
    )
    assert (
        said(world, "leave cancel", user="U0AE2") == "You have no leave to cancel; nothing changed."
    )


# --- help and who may use it ---------------------------------------------------------------
def test_help_in_both_languages_and_only_for_the_team(world: World) -> None:
    assert said(world, "help").startswith("*/out — 去向登记与请假*")
    assert said(world, "").startswith("*/out — 去向登记与请假*")
    assert said(world, "help", user="U0AE2").startswith("*/out — whereabouts register and leave*")
    assert said(world, "Nike 提案", user="U0NOBODY") == (
        "aebot 只为客户部的同事服务。如需使用，请联系管理员：<@U0ADMIN>。"
    )
    assert visits(world) == []


def test_what_was_typed_is_shown_escaped(world: World) -> None:
    body = out(world, "Nike <!channel> 提案 <@U0AD1>")
    assert "事由：&lt;!channel&gt; 提案 &lt;@U0AD1&gt;" in shown(body)
    assert visits(world)[0].purpose == "<!channel> 提案 <@U0AD1>"
    assert "“&lt;!channel&gt;”" in said(world, "<!channel> 提案")
