"""The week's rhythm: the Monday meeting's agenda in the team channel (its four parts, the
items people added, receivables past 4 months, 🚩 past 6, the calendar warning), agenda items
and receivables by command, each AE's Monday drafts of their clients' weekly status reports
with "Sent", and the expense reminder (the month-end drafts: tests/test_month_end.py).

The seeded week is Mon 23 – Fri 27 Nov 2026; the meeting is Mon 30 Nov at 09:30, its agenda
posted at 09:00."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import select

from bot.rules import agenda as rules
from bot.rules.agenda import Agenda, Progress, Shortfalls
from bot.rules.problems import Problem
from bot.rules.receivables import (
    ReceivableText,
    months_overdue,
    parse_receivable,
    read_amount,
    stage,
)
from bot.rules.workdays import WorkCalendar
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views import agenda as view
from scheduler import agenda_tasks
from scheduler.run import Run
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.approvals import Filing
from storage.models import (
    Client,
    ContactLog,
    Duty,
    Job,
    Leave,
    OvertimeForm,
    Receivable,
    WeeklyNote,
)
from tests.conftest import ADMIN, SH, TEAM, World, ask
from tests.test_imports import count_statements

CHANNEL = "C0TEAM0001"
MON = date(2026, 11, 23)
NEXT_MON = date(2026, 11, 30)
AT_9 = datetime(2026, 11, 30, 9, 0, tzinfo=SH)
OK = "delivered {d}, pending 0, failed 0, expired 0"


def at(day: int, hour: int, month: int = 11, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=SH)


# --- the seeded week -----------------------------------------------------------------------------
def clients(w: World) -> dict[str, int]:
    with w.bot.db.read() as s:
        return {c.name: c.id for c in s.exec(select(Client)) if c.id is not None}


def contact(w: World, client: int, author: str, when: datetime, kind: str = "call",
            report: bool = False, sent: datetime | None = None) -> None:  # fmt: skip
    with w.bot.db.write() as s:
        s.add(ContactLog(team_id=TEAM, client_id=client, author_id=author, kind=kind, at=when,
                         summary="沟通进度", report_due=report, report_sent_at=sent,
                         created_at=when, updated_at=when))  # fmt: skip


def job(w: World, seq: int, client: int, owner: str, project: str, internal: datetime,
        deadline: datetime, status: str = "open", closed: datetime | None = None) -> int:  # fmt: skip
    with w.bot.db.write() as s:
        j = Job(team_id=TEAM, number=f"CR-202611-{seq:02d}", department="creative", month=202611,
                seq=seq, client_id=client, project=project, job_type="KV", brief="目标与交付物",
                deadline=deadline, internal_deadline=internal, owner_id=owner, issued_by=owner,
                status=status, closed_at=closed, created_at=at(20, 10), updated_at=at(20, 10))  # fmt: skip
        s.add(j)
        s.flush()
        assert j.id is not None
        return j.id


def note(w: World, user: str, kind: str, text: str, client: int | None = None,
         week: date = MON) -> None:  # fmt: skip
    with w.bot.db.write() as s:
        s.add(WeeklyNote(team_id=TEAM, user_id=user, week=week, kind=kind, client_id=client,
                         text=text))  # fmt: skip


def receivable(w: World, client: int, amount: str, due: date, closed: bool = False) -> int:
    with w.bot.db.write() as s:
        r = Receivable(team_id=TEAM, client_id=client, amount=amount, due=due, added_by="U0AM1",
                       closed_at=at(1, 9) if closed else None,
                       closed_as="paid" if closed else None)  # fmt: skip
        s.add(r)
        s.flush()
        assert r.id is not None
        return r.id


def gm(w: World, language: str = "zh") -> None:
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0GM", w.clock.now(), name="Wu GM", role="gm",
                              language=language)  # fmt: skip


def a_week(w: World) -> dict[str, int]:
    """Contacts, jobs, a request waiting, overtime forms, notes, last Monday's drafts, leave,
    receivables and two agenda items: what the agenda of Mon 30 Nov is made of."""
    c = clients(w)
    coke, nike, bottling = c["可口可乐"], c["Nike"], c["Coca Cola Bottling"]
    # 可口可乐 (in-city): none on Thu and Fri; its visit's report never sent
    for when in (at(20, 10), at(23, 10), at(25, 10)):
        contact(w, coke, "U0AE1", when)
    contact(w, coke, "U0AE1", at(24, 14), "visit", report=True)
    # Nike (out-of-city, every 3 working days): none Fri, Mon, Tue; its meeting's report late
    contact(w, nike, "U0AE1", at(19, 10))
    contact(w, nike, "U0AE1", at(25, 10), "meeting", report=True, sent=at(27, 11))
    # Coca Cola Bottling: none on Monday; Li AE on leave Thursday and Friday
    for when in (at(20, 10), at(24, 10)):
        contact(w, bottling, "U0AE2", when)
    contact(w, bottling, "U0AE2", at(25, 10), "meeting", report=True, sent=at(26, 9))
    ids = {
        "spring": job(w, 1, nike, "U0AE1", "春季上新", at(2, 18, 12), at(4, 18, 12)),
        "xmas": job(w, 2, coke, "U0AE1", "圣诞活动", at(27, 18), at(7, 18, 12)),
        "party": job(w, 3, bottling, "U0AE2", "Annual party", at(10, 18, 12), at(14, 18, 12)),
        "done": job(w, 5, coke, "U0AE1", "双十一复盘", at(25, 18), at(26, 18), "closed",
                    at(26, 16)),
    }  # fmt: skip
    ids["launch"] = job(w, 4, bottling, "U0AE2", "Product launch", at(9, 18, 12),
                        at(11, 18, 12), "pending")  # fmt: skip
    with w.bot.db.write() as s:
        filing = Filing(TEAM, "job", "U0AE2", "CR-202611-04 Coca Cola Bottling Product launch",
                        subject="job", subject_id=ids["launch"])  # fmt: skip
        ask(w.bot, s, filing, "U0AM1", at(27, 15))
        for filer, late, status in (("U0AE2", True, "pending"), ("U0AE1", True, "withdrawn"),
                                    ("U0AAE", False, "approved")):  # fmt: skip
            s.add(OvertimeForm(team_id=TEAM, filer_id=filer, members=json.dumps([filer]),
                               day=date(2026, 11, 24), start=at(24, 19), end=at(24, 22),
                               late=late, status=status))  # fmt: skip
        s.add(Leave(team_id=TEAM, user_id="U0AE2", first_day=date(2026, 11, 26),
                    last_day=date(2026, 11, 27), kind="annual"))  # fmt: skip
        for client, user, done in ((coke, "U0AE1", at(23, 10)), (nike, "U0AE1", None),
                                   (bottling, "U0AE2", None)):  # fmt: skip
            s.add(Duty(team_id=TEAM, kind="client-status", period=MON.isoformat(),
                       client_id=client, user_id=user, done_at=done))  # fmt: skip
    note(w, "U0AE1", "client", "Q1提案已提交，等待客户反馈", coke)
    note(w, "U0AE1", "client", "春季上新KV第二稿修改中", nike)
    note(w, "U0AE1", "problems", "设计部排期紧张，需要协调")
    note(w, "U0AE1", "suggestions", "建议统一周报模板")
    note(w, "U0AE2", "client", "old note", bottling, week=MON - timedelta(days=7))
    ids |= {
        "coke_4m": receivable(w, coke, "120000", date(2026, 7, 15)),
        "nike_4m_exactly": receivable(w, nike, "50000", date(2026, 7, 31)),
        "bottling_6m": receivable(w, bottling, "80000.5", date(2026, 5, 20)),
        "nike_paid": receivable(w, nike, "30000", date(2026, 3, 1), closed=True),
    }
    w.clock.set(at(27, 15))
    say(w, "agenda add 讨论年终客户答谢会安排", "U0AE1")
    w.clock.set(at(30, 8, minute=30))
    say(w, "agenda add Overtime rota for December", "U0AE2")
    w.clock.set(at(30, 9, minute=5))
    say(w, "agenda add 下周再议", "U0AM1")
    return ids


def say(w: World, text: str, user: str) -> str:
    return str(w.slack.command("/aebot", text, user=user).json().get("text"))


def set_channel(w: World, place: str = "3楼大会议室") -> None:
    say(w, f"settings set team_channel {CHANNEL}", ADMIN)
    if place:
        say(w, f"settings set meeting_place {place}", ADMIN)


def run(w: World, name: str, when: datetime) -> tuple[str, str]:
    w.clock.set(when)
    [o] = run_task(TASKS[name], when, w.tasks)
    return o.status, o.detail


def texts(message: dict) -> list[str]:
    out = []
    for b in message.get("blocks", []):
        if b["type"] in ("section", "header"):
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out += [e["text"] for e in b["elements"]]
    return out


def buttons(message: dict) -> list[tuple[str, str, str]]:
    return [
        (b["accessory"]["text"]["text"], b["accessory"]["action_id"], b["accessory"]["value"])
        for b in message.get("blocks", [])
        if b.get("accessory")
    ]


def answers(w: World) -> list[tuple[str, bool]]:
    return [(c.args["text"], bool(c.args.get("replace_original")))
            for c in w.fake.calls_to("response_url")]  # fmt: skip


# --- the agenda ----------------------------------------------------------------------------------
AGENDA_LINES = [
    "周例会议程 · 周一 11月30日",
    "🕤 *09:30* 开会，限时 *40 分钟*，地点：3楼大会议室。",
    "*1. 工作进度汇报*（周一 11月23日那周的周报）",
    "*Li AE*：上周没有写周报",
    "*Sun AE*",
    "• Nike：春季上新KV第二稿修改中",
    "• 可口可乐：Q1提案已提交，等待客户反馈",
    "*2. 本周工作*",
    "_本周到期的工作单（2）_",
    "• ⚠️ 已逾期 `CR-202611-02` 可口可乐 · 圣诞活动 — Sun AE，内部 周五 11月27日 18:00，"
    "交客户 周一 12月7日 18:00",
    "• `CR-202611-01` Nike · 春季上新 — Sun AE，内部 周三 12月2日 18:00，交客户 周五 12月4日 18:00",
    "_待审批（1）_",
    "• Li AE 等 Qian AM 审批工作单：CR-202611-04 Coca Cola Bottling Product launch"
    "（自 周五 11月27日 15:00）",
    "_需要协调的问题_",
    "• Sun AE：设计部排期紧张，需要协调",
    "*3. 上周不足*",
    "_联络不足的客户_",
    "• Li AE：Coca Cola Bottling（差 1 天）",
    "• Sun AE：Nike（差 1 天）、可口可乐（差 2 天）",
    "_联络报告超过 48 小时未发_",
    "• Sun AE：2 份（Nike、可口可乐）",
    "_加班单迟交（17:00 后）_",
    "• Li AE：1 张",
    "_没有写周报_",
    "• Li AE",
    "_工作周报表未发给客户_",
    "• Li AE：Coca Cola Bottling",
    "• Sun AE：Nike",
    "*4. 建议与反思*",
    "• Sun AE：建议统一周报模板",
    "*其他议题*",
    "• 讨论年终客户答谢会安排 — Sun AE",
    "• Overtime rota for December — Li AE",
    "*应收账款：逾期超过 4 个月*（每周例会通报，直到收回或核销）",
    "• 🚩 #3 Coca Cola Bottling 80,000.50，周三 5月20日 到期，已逾期 6 个月——超过 6 个月，上报管理层",
    "• #1 可口可乐 120,000，周三 7月15日 到期，已逾期 4 个月",
    "⚠️ 注意：2027 年还没有官方节假日安排，提醒可能在调休日漏发或在假日误发。公布后请管理员用 "
    "`/aebot calendar set` 录入。",
]
FLAG_DM = (
    "🚩 按坏账管理规定上报管理层：*Coca Cola Bottling* 的 80,000.50 于 周三 5月20日 到期，已逾期 "
    "6 个月（#3，<@U0AM1> 登记），由董事会决定是否作为坏账。收回后用 `/aebot receivable paid 3` "
    "标记；董事会决定核销的，由总经理用 `/aebot receivable writeoff 3 决定日期` 记录；"
    "在此之前每周一例会都会通报。"
)


def lines(message: dict) -> list[str]:
    return "\n".join(texts(message)).split("\n")


def test_the_agenda_names_the_right_people_numbers_and_clients_in_each_part(world: World) -> None:
    a_week(world)
    set_channel(world)
    gm(world)
    world.fake.reset()
    assert run(world, "monday-agenda", AT_9) == (
        "sent",
        f"posted to {CHANNEL} in 1 messages; 2 items, 2 receivables over 4 months (1 flagged, "
        "1 DMs) · " + OK.format(d=2),
    )
    [post] = world.fake.messages(CHANNEL)
    assert post["text"] == "周例会议程 · 周一 11月30日 09:30"
    assert post["blocks"][0]["type"] == "header"
    assert lines(post) == AGENDA_LINES
    [flag] = world.fake.dms("U0GM")  # the general manager, not the admins
    assert texts(flag) == [FLAG_DM] and flag["text"] == (
        "🚩 应收账款逾期超过 6 个月：Coca Cola Bottling 80,000.50"
    )
    assert world.fake.dms(ADMIN) == []

    # A second run of the same Monday posts nothing.
    assert run(world, "monday-agenda", AT_9.replace(minute=30))[0] == "already-ran"
    assert len(world.fake.calls_to("chat.postMessage")) == 2

    # Next Monday: still on the agenda with its flag, but management was told once.
    world.fake.reset()
    run(world, "monday-agenda", AT_9 + timedelta(days=7))
    [post] = world.fake.messages(CHANNEL)
    assert [x for x in lines(post) if "#3" in x or "#1" in x] == [
        "• 🚩 #3 Coca Cola Bottling 80,000.50，周三 5月20日 到期，已逾期 6 个月——超过 6 个月，上报管理层",
        "• #1 可口可乐 120,000，周三 7月15日 到期，已逾期 4 个月",
    ]
    assert world.fake.dms("U0GM") == []
    # …and the items of last Monday are gone; the one added after 09:00 is this week's.
    assert lines(post)[lines(post).index("*其他议题*") + 1] == "• 下周再议 — Qian AM"


def test_paid_and_written_off_receivables_leave_the_agenda(world: World) -> None:
    ids = a_week(world)
    set_channel(world, place="")
    with world.bot.db.write() as s:
        for rec in s.exec(select(Receivable)):
            if rec.id in (ids["coke_4m"], ids["bottling_6m"]):
                rec.closed_at, rec.closed_as = at(29, 9), "paid"
                s.add(rec)
    world.fake.reset()
    assert run(world, "monday-agenda", AT_9)[1].startswith(
        f"posted to {CHANNEL} in 1 messages; 2 items, 0 receivables over 4 months (0 flagged, 0 DMs)"
    )
    [post] = world.fake.messages(CHANNEL)
    assert lines(post)[1] == "🕤 *09:30* 开会，限时 *40 分钟*。"  # no place set
    assert not any("应收账款" in x for x in lines(post))


def test_with_no_team_channel_each_admin_is_told_once_a_week(world: World) -> None:
    a_week(world)
    world.fake.reset()
    status, detail = run(world, "monday-agenda", AT_9)
    assert (status, detail.split(";")[0]) == ("sent", "team_channel not set: 1 admins told")
    # with no general manager on the team, the 🚩 receivable goes to the admins too
    told = sorted(texts(m)[0] for m in world.fake.dms(ADMIN))
    assert told == [
        "本周的周例会议程没有发出：还没有设置团队频道。请用 "
        "`/aebot settings set team_channel C0123ABCD` 设置，并把 aebot 拉进频道。",
        FLAG_DM,
    ]
    assert run(world, "monday-agenda", AT_9.replace(hour=11))[0] == "already-ran"
    assert len(world.fake.dms(ADMIN)) == 2 and world.fake.messages(CHANNEL) == []
    run(world, "monday-agenda", AT_9 + timedelta(days=7))
    assert len(world.fake.dms(ADMIN)) == 3  # next week, told once more (the flag was once)


def test_a_holiday_monday_moves_the_agenda_to_the_first_working_day(world: World) -> None:
    set_channel(world)
    world.clock.set(datetime(2026, 10, 5, 10, 0, tzinfo=SH))  # 国庆: the week's first working
    said = say(world, "agenda add 节后复工安排", "U0AE1")  # day is Thursday 8 Oct
    assert said == "已加入 周四 10月8日 的周例会议程：#1 节后复工安排"
    world.fake.reset()
    assert run(world, "monday-agenda", datetime(2026, 10, 5, 9, 0, tzinfo=SH)) == (
        "day-off",
        "2026-10-05",
    )
    assert run(world, "client-status", datetime(2026, 10, 5, 9, 0, tzinfo=SH))[0] == "day-off"
    assert run(world, "monday-agenda", datetime(2026, 10, 8, 9, 0, tzinfo=SH))[0] == "sent"
    [post] = world.fake.messages(CHANNEL)
    shown = lines(post)
    assert shown[0] == "周例会议程 · 周四 10月8日"
    assert shown[2] == "*1. 工作进度汇报*（周一 9月28日那周的周报）"  # the week before the holiday
    assert "• 节后复工安排 — Sun AE" in shown
    assert TASKS["monday-agenda"].when(world.tasks.team_settings.of(TEAM)) == (
        "first working day of the week 09:00"
    )


def test_the_agenda_reads_the_team_in_a_constant_number_of_statements(world: World) -> None:
    a_week(world)
    set_channel(world)

    def decide() -> int:
        r = Run(TEAM, AT_9, "monday-agenda", "2026-11-30")
        seen = count_statements(world.bot.db)
        agenda_tasks.monday_agenda(r, world.tasks)
        return len(seen)

    decide()  # settings and calendars are read once, then cached
    few = decide()
    with world.bot.db.write() as s:
        for i in range(20):
            queries.upsert_member(s, TEAM, f"U1AE{i:02d}", at(20, 9), name=f"Zz {i:02d}",
                                  role="ae", manager_id="U0AM1")  # fmt: skip
            c = queries.insert_client(s, TEAM, name=f"Client {i:02d}", city="上海", in_city=True,
                                      owner_id=f"U1AE{i:02d}", created_local=at(2, 9))  # fmt: skip
            s.add(WeeklyNote(team_id=TEAM, user_id=f"U1AE{i:02d}", week=MON, kind="client",
                             client_id=c.id, text="进展顺利"))  # fmt: skip
    assert decide() == few == 15  # + the overdue action items, the unconfirmed reports


def test_a_long_agenda_is_split_into_a_thread_and_nothing_is_cut(world: World) -> None:
    set_channel(world)
    with world.bot.db.write() as s:
        made = [
            queries.insert_client(s, TEAM, name=f"客户{i:02d}", city="上海", in_city=True,
                                  owner_id="U0AE1", created_local=at(2, 9))
            for i in range(10)
        ]  # fmt: skip
        for u in range(8):
            user = f"U2AE{u:02d}"
            queries.upsert_member(s, TEAM, user, at(2, 9), name=f"AE {u:02d}", role="ae")
            s.add_all(
                WeeklyNote(team_id=TEAM, user_id=user, week=MON, kind="client", client_id=c.id,
                           text=f"{user}-{c.name}：" + "进" * 130)
                for c in made
            )  # fmt: skip
    world.fake.reset()
    status, detail = run(world, "monday-agenda", AT_9)
    assert status == "sent" and detail.startswith(f"posted to {CHANNEL} in 2 messages")
    world.bot.courier.drain(now_or_later=True)  # the reply waited for its first message
    head, *replies = world.fake.messages(CHANNEL)
    assert head.get("thread_ts") is None and len(replies) == 1
    assert replies[0]["thread_ts"] == head["ts"]
    assert texts(head)[-1] == "内容较长，其余 1 条在本消息的讨论串里。"
    assert texts(replies[0])[0] == "（续 2/2）"
    assert replies[0]["text"] == "周例会议程 · 周一 11月30日 09:30 （续 2/2）"
    for m in (head, *replies):
        assert len(m["blocks"]) <= 50
        assert bk.text_size(m["blocks"]) <= bk.TEXT_PER_MESSAGE
    everything = "\n".join(x for m in (head, *replies) for x in texts(m))
    for u in range(8):
        for c in made:
            assert everything.count(f"U2AE{u:02d}-{c.name}：" + "进" * 130) == 1


# --- agenda items ---------------------------------------------------------------------------------
def test_agenda_items_go_to_the_coming_meeting_and_only_their_author_removes_them(
    world: World,
) -> None:
    world.clock.set(at(28, 11))  # Saturday: next Monday's
    assert say(world, "agenda add 年终答谢会 <!channel>", "U0AE1") == (
        "已加入 周一 11月30日 的周例会议程：#1 年终答谢会 &lt;!channel&gt;"
    )
    world.clock.set(at(30, 8, minute=59))  # Monday before the agenda is out: today's
    assert say(world, "agenda add Budget review", "U0AE2") == (
        "Added to the agenda of the meeting on Mon 30 Nov: #2 Budget review"
    )
    world.clock.set(at(30, 9))  # out now: next week's
    assert (
        say(world, "议程 添加 下周议题", "U0AE1") == "已加入 周一 12月7日 的周例会议程：#3 下周议题"
    )
    assert say(world, "agenda list", "U0AE2") == "Items for the meeting on Mon 7 Dec (1):"
    r = world.slack.command("/aebot", "agenda list", user="U0AE1").json()
    assert texts(r) == ["周一 12月7日 周例会的议题（1）：\n• #3 下周议题 — <@U0AE1>"]
    assert say(world, "agenda remove 3", "U0AE2") == (
        "#3 was added by <@U0AE1>; only they or an admin can remove it. Nothing was changed."
    )
    assert (
        say(world, "agenda remove #1", "U0AE1")
        == "#1 已经在 周一 11月30日 的议程里发出，不能再删除。"
    )
    assert say(world, "agenda remove 3", ADMIN) == "已从议程中删除 #3：下周议题"
    assert say(world, "agenda remove 3", "U0AE1") == (
        "没有编号为 #3 的议题。`/aebot agenda list` 列出下次例会的议题。"
    )
    assert say(world, "agenda list", "U0AE1") == (
        "周一 12月7日 的周例会还没有议题。用 `/aebot agenda add 议题` 添加。"
    )
    assert (
        say(world, "agenda add " + "长" * 501, "U0AE1")
        == "议题最多 500 个字，现在是 501 个。没有添加。"
    )
    assert say(world, "agenda remove", "U0AE2") == "Give its id, e.g. `/aebot agenda remove 3`."
    assert say(world, "agenda add", "U0AE2").startswith("Usage: `/aebot agenda add TOPIC`")
    assert (
        say(world, "agenda add 外人", "U0OUT")
        == "aebot 只为客户部的同事服务。如需使用，请联系管理员：<@U0ADMIN>。"
    )
    zh, en = say(world, "help", "U0AE1"), say(world, "help", "U0AE2")
    assert "• `/aebot agenda add 议题` 加入下次周例会的议程" in zh
    assert "• `/aebot receivable add 耐克 120000 到期 7月31日` 登记逾期应收账款" in zh
    assert "• `/aebot agenda add TOPIC` adds an item to the next weekly meeting's agenda" in en
    assert "• `/aebot receivable add Nike 120,000 due Jul 31` records an overdue receivable" in en


# --- receivables ----------------------------------------------------------------------------------
def test_receivables_are_recorded_and_closed_by_managers_in_zh_and_en(world: World) -> None:
    gm(world, language="en")
    world.clock.set(at(30, 10))
    assert say(world, "receivable add 可口可乐 120000 due 2026-07-15", "U0AM1") == (
        "已登记应收账款 #1：*可口可乐* 120,000，周三 7月15日 到期（逾期超过 4 个月：每周一例会通报）。"
    )
    assert say(world, "receivable add Nike 120,000 due Jul 31 first half fees", "U0GM") == (
        "Recorded receivable #2: *Nike* 120,000, due Fri 31 Jul (over 2 months overdue: "
        "monitored in the Friday report)."
    )
    assert say(world, "应收 登记 Coca Cola 12万 到期 2026年5月20日", "U0AD1") == (
        "已登记应收账款 #3：*Coca Cola Bottling* 120,000，周三 5月20日 到期（🚩 逾期超过 6 个月：上报管理层）。"
    )
    with world.bot.db.read() as s:
        rows = {r.id: r for r in s.exec(select(Receivable))}
    assert (rows[2].amount, rows[2].due, rows[2].note, rows[2].added_by) == (
        "120000",
        date(2026, 7, 31),
        "first half fees",
        "U0GM",
    )
    assert rows[3].amount == "120000"
    r = world.slack.command("/aebot", "receivable list", user="U0AM1").json()  # managers: all
    assert texts(r) == [
        "未结应收账款（3）：\n"
        "• #3 *Coca Cola Bottling* 120,000，周三 5月20日 到期 · 🚩 逾期超过 6 个月：上报管理层\n"
        "• #1 *可口可乐* 120,000，周三 7月15日 到期 · 逾期超过 4 个月：每周一例会通报\n"
        "• #2 *Nike* 120,000，周五 7月31日 到期 · 逾期超过 2 个月：在周五周报中跟踪"
    ]
    r = world.slack.command("/aebot", "receivable list", user="U0AE1").json()  # an AE: theirs
    assert texts(r) == [
        "你负责（或任后备负责人）的客户的未结应收账款（2）：\n"
        "• #1 *可口可乐* 120,000，周三 7月15日 到期 · 逾期超过 4 个月：每周一例会通报\n"
        "• #2 *Nike* 120,000，周五 7月31日 到期 · 逾期超过 2 个月：在周五周报中跟踪"
    ]
    assert (
        say(world, "receivable paid 1", "U0AM1")
        == "#1 *可口可乐* 120,000 已标记为已收款，不再列入例会。"
    )
    world.clock.set(at(30, 11))
    assert say(world, "receivable paid 1", "U0AD1") == (
        "#1 已于 周一 11月30日 10:00 标记为已收款，没有改动。"
    )
    # a bad debt: the board's decision, recorded by the GM or an admin, past 6 months only
    assert say(world, "receivable writeoff #3 2026-11-27", "U0AM1") == (
        "坏账由董事会决定，由总经理或管理员记录。没有做任何改动。"
    )
    assert say(world, "receivable writeoff 2 2026-11-27", "U0GM") == (
        "This amount was due Fri 31 Jul, less than 6 months ago: only one overdue more than 6 "
        "months can be written off, as the board decides. Nothing was changed."
    )
    assert say(world, "receivable writeoff #3", "U0GM") == (
        "Please give the day the board decided it, e.g. `/aebot receivable writeoff 12 "
        "2026-11-30`. Nothing was changed."
    )
    assert say(world, "receivable writeoff #3 2026-12-01", "U0GM").startswith(
        "The board's day Tue 1 Dec cannot be right"
    )
    assert say(world, "receivable writeoff #3 2026-11-27", "U0GM") == (
        "#3 *Coca Cola Bottling* 120,000 is written off as a bad debt, as the board decided on "
        "Fri 27 Nov: it counts as negative revenue for <@U0AE2> and the department, and leaves "
        "the agenda."
    )
    assert say(world, "receivable writeoff 3 2026-11-27", "U0GM") == (
        "#3 was already written off on Mon 30 Nov 11:00; nothing changed."
    )
    with world.bot.db.read() as s:
        closed = {
            r.id: (r.closed_as, r.closed_at, r.closed_by, r.board_decided_on)
            for r in s.exec(select(Receivable))
        }
    assert closed[1] == ("paid", at(30, 10), "U0AM1", None)
    assert closed[3] == ("written-off", at(30, 11), "U0GM", date(2026, 11, 27))
    assert closed[2] == (None, None, None, None)


def test_receivable_refusals_in_zh_and_en(world: World) -> None:
    world.clock.set(at(30, 10))
    assert say(world, "receivable add Nike 100 due 2026-07-01", "U0AE1") == (
        "只有客户经理、客户总监、总经理、项目执行总监和管理员可以登记或结清应收账款。没有做任何改动。"
    )
    assert say(world, "receivable paid 1", "U0AE2") == (
        "Only account managers, account directors, the general manager, the project execution "
        "director and admins can record or close receivables. Nothing was changed."
    )
    assert say(world, "receivable add Nike lots due Jul 31", "U0AM1") == (
        "“lots”不是金额。写成 120000、120,000 或 12万。没有登记。"
    )
    assert say(world, "receivable add Nike 100 due someday", "U0AM1") == (
        "“someday”不是日期。写成 2026-07-31 或 7月31日。没有登记。"
    )
    assert say(world, "receivable add Nike 100 due 2026-02-30", "U0AM1").startswith(
        "“2026-02-30”不是日期"
    )
    assert say(world, "receivable add 100 due 2026-07-01", "U0AM1") == (
        "请写上客户名称，例如 `/aebot receivable add 耐克 120000 到期 7月31日`。没有登记。"
    )
    assert say(world, "receivable add Pepsi 100 due 2026-07-01", ADMIN) == (
        "找不到客户“Pepsi”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。"
    )
    assert say(world, "receivable add Nike 100", "U0AM1").startswith("用法：`/aebot receivable add")
    assert say(world, "receivable paid", "U0AM1").startswith("请写上编号")
    assert say(world, "receivable paid 9", "U0AM1") == (
        "没有编号为 #9 的应收账款。`/aebot receivable list` 列出未结的。"
    )
    assert say(world, "receivable list", "U0AE2") == (
        "The clients you own or back up have no open receivables."
    )
    assert say(world, "receivable list", "U0AM1") == "没有未结的应收账款。"
    with world.bot.db.read() as s:
        assert s.exec(select(Receivable)).all() == []


def test_receivable_rules() -> None:
    today = date(2026, 11, 30)
    assert parse_receivable("耐克 120000 due 2026-07-31", today) == rules_text(
        "耐克", "120000", date(2026, 7, 31)
    )
    assert parse_receivable("Nike 120,000 due Jul 31", today) == rules_text(
        "Nike", "120000", date(2026, 7, 31)
    )
    assert parse_receivable("Coca Cola 12.5万 到期 12月31日", today) == rules_text(
        "Coca Cola",
        "125000",
        date(2025, 12, 31),  # no year: the last one before today
    )
    assert parse_receivable("Nike ¥1,000.50 due 31 July 2026 Q2", today) == rules_text(
        "Nike", "1000.50", date(2026, 7, 31), "Q2"
    )
    assert parse_receivable("Nike 100 due 2026/7/1", today) == rules_text(
        "Nike", "100", date(2026, 7, 1)
    )
    assert parse_receivable("Nike 0 due 2026-07-01", today) == Problem(
        "receivable.bad_amount", {"amount": "0"}
    )
    assert read_amount("12万") == Decimal("120000") and read_amount("1e5") is None
    assert months_overdue(date(2026, 7, 31), today) == 4  # Nov 30 is 4 months on
    assert months_overdue(date(2026, 7, 15), today) == 4
    assert months_overdue(date(2026, 12, 1), today) == 0
    assert [stage(d, today) for d in (date(2026, 12, 1), date(2026, 11, 1), date(2026, 9, 29),
                                      date(2026, 9, 30), date(2026, 7, 31), date(2026, 7, 29),
                                      date(2026, 5, 29))] == [
        "not-due", "overdue", "monitored", "overdue", "monitored", "agenda", "management",
    ]  # fmt: skip


def rules_text(client: str, amount: str, due: date, note: str = "") -> ReceivableText:
    return ReceivableText(client, Decimal(amount), due, note)


# --- Monday, for clients: the weekly status report drafts ----------------------------------------
STATUS_ZH = [
    "*本周工作周报表*（周一 11月30日—周五 12月4日）",
    "根据工作单整理的草稿：请核对后发给客户，发出后点“已发送”。没有发出的会列入下周例会的“上周不足”。",
    "*Nike* · 工作周报表",
    "• `CR-202611-01` 春季上新：进行中，本周交付：周五 12月4日 18:00",
    "*可口可乐* · 工作周报表",
    "• `CR-202611-05` 双十一复盘：已完成（周四 11月26日 16:00）",
    "• `CR-202611-02` 圣诞活动：进行中，交付 周一 12月7日 18:00",
]


def duties(w: World, kind: str = "client-status") -> dict[tuple[str, str], datetime | None]:
    """(client, period) → when it was marked done."""
    names = {v: k for k, v in clients(w).items()}
    with w.bot.db.read() as s:
        rows = s.exec(select(Duty).where(Duty.kind == kind)).all()
    return {(names[d.client_id], d.period): d.done_at for d in rows}


def test_each_ae_gets_drafts_of_their_clients_status_reports_with_sent(world: World) -> None:
    a_week(world)
    world.fake.reset()
    assert run(world, "client-status", AT_9) == (
        "sent", "2 AEs, 3 clients, 2 DMs · " + OK.format(d=2)
    )  # fmt: skip
    [zh] = world.fake.dms("U0AE1")
    assert zh["text"] == "本周工作周报表：2 个客户的草稿，发给客户后请点“已发送”。"
    assert lines(zh) == STATUS_ZH
    c = clients(world)
    made = {k: done for k, done in duties(world).items() if k[1] == "2026-11-30"}
    assert made == {
        ("Coca Cola Bottling", "2026-11-30"): None,
        ("Nike", "2026-11-30"): None,
        ("可口可乐", "2026-11-30"): None,
    }  # last Monday's three are there too
    with world.bot.db.read() as s:
        ids = {d.client_id: d.id for d in s.exec(select(Duty).where(Duty.period == "2026-11-30"))}
    assert buttons(zh) == [
        ("已发送", "client_status_sent", str(ids[c["Nike"]])),
        ("已发送", "client_status_sent", str(ids[c["可口可乐"]])),
    ]
    [en] = world.fake.dms("U0AE2")
    assert en["text"] == (
        "This week's status report: a draft for 1 client; click “Sent” once it is sent."
    )
    assert lines(en)[2:] == [
        "*Coca Cola Bottling* · weekly status report",
        "• `CR-202611-04` Product launch: waiting for internal approval, due Fri 11 Dec 18:00",
        "• `CR-202611-03` Annual party: in progress, due Mon 14 Dec 18:00",
    ]
    # Deciding the run again makes no new duties.
    again = Run(TEAM, AT_9, "client-status", "2026-11-30")
    assert agenda_tasks.client_status(again, world.tasks) == "2 AEs, 3 clients, 2 DMs"
    assert len(duties(world)) == 6 and len(again.decided) == 2  # 3 of last Monday, 3 of this

    # Sent: only the AE it is for (or an admin); the second click changes nothing.
    nike = str(ids[c["Nike"]])
    world.clock.set(at(30, 10, minute=5))
    world.slack.click("client_status_sent", nike, user="U0AE2", channel="D0U0AE2")
    world.slack.wait_for("response_url")
    world.slack.click("client_status_sent", nike, user="U0AE1", channel="D0U0AE1")
    [redrawn] = [c for c in world.slack.wait_for("response_url", 2)[1:]]
    assert answers(world)[0] == (
        "This is for <@U0AE1>; only they or an admin can mark it. Nothing was changed.",
        False,
    )
    assert redrawn.args["replace_original"] is True
    assert lines(redrawn.args) == [
        *STATUS_ZH[:4],
        "✅ 已发送（周一 11月30日 10:05）",
        *STATUS_ZH[4:],
    ]
    assert buttons(redrawn.args) == [("已发送", "client_status_sent", str(ids[c["可口可乐"]]))]
    world.clock.set(at(30, 10, minute=30))
    world.slack.click("client_status_sent", nike, user="U0AE1", channel="D0U0AE1")
    world.slack.wait_for("response_url", 3)
    assert answers(world)[2] == (
        "Nike 已由 <@U0AE1> 在 周一 11月30日 10:05 标记过了，没有改动。",
        False,
    )
    assert duties(world)[("Nike", "2026-11-30")] == at(30, 10, minute=5)
    # An admin may mark it for them.
    world.slack.click("client_status_sent", str(ids[c["Coca Cola Bottling"]]), user=ADMIN,
                      channel="D0ADMIN")  # fmt: skip
    redrawn = world.slack.wait_for("response_url", 4)[3]
    assert lines(redrawn.args)[-1] == "✅ Sent (Mon 30 Nov 10:30)"  # in the AE's language

    # Next Monday's shortfalls name the drafts not sent.
    set_channel(world)
    world.fake.reset()
    run(world, "monday-agenda", AT_9 + timedelta(days=7))
    shown = lines(world.fake.messages(CHANNEL)[0])
    at_unsent = shown.index("_工作周报表未发给客户_")
    assert shown[at_unsent + 1 :][:2] == ["• Sun AE：可口可乐", "*4. 建议与反思*"]


def test_no_drafts_for_an_ae_on_leave_nor_for_quiet_clients(world: World) -> None:
    c = clients(world)
    contact(world, c["Nike"], "U0AE1", at(20, 10))  # before last Monday: not active
    contact(world, c["Coca Cola Bottling"], "U0AE2", at(26, 10))
    with world.bot.db.write() as s:
        s.add(Leave(team_id=TEAM, user_id="U0AE2", first_day=NEXT_MON, last_day=NEXT_MON))
    world.fake.reset()
    assert run(world, "client-status", AT_9)[1].startswith("0 AEs, 0 clients, 0 DMs")
    assert world.fake.calls_to("chat.postMessage") == [] and duties(world) == {}


# --- month end ------------------------------------------------------------------------------------
def test_the_expense_reminder_comes_on_the_first_working_day_on_or_after_the_25th(
    world: World,
) -> None:
    """002 第九条: expenses are claimed from the 25th to the 30th. 25 Nov 2026 is a Wednesday;
    on the last working day (30 Nov) the window would be all but over."""
    world.fake.reset()
    assert run(world, "expense-reminder", at(24, 10))[0] == "day-off"  # before the 25th
    status, detail = run(world, "expense-reminder", at(25, 10))
    assert (status, detail.split(" · ")[0]) == ("sent", "5 DMs")
    [zh] = world.fake.dms("U0AE1")
    assert zh["text"].startswith("报销提醒：本月费用请在 周一 11月30日 前提交报销。")
    [en] = world.fake.dms("U0AE2")
    assert en["text"].startswith("Expenses: this month's are claimed by Mon 30 Nov.")
    assert run(world, "expense-reminder", at(26, 10))[0] == "day-off"  # once a month
    assert run(world, "expense-reminder", at(30, 10))[0] == "day-off"


# --- rules and views without Slack ------------------------------------------------------------
def test_the_coming_meeting_and_the_week_looked_back_on() -> None:
    cal = WorkCalendar("CN")
    nine = time(9, 0)
    assert rules.meeting_week(at(27, 15), nine, cal) == NEXT_MON
    assert rules.meeting_week(at(30, 8, minute=59), nine, cal) == NEXT_MON
    assert rules.meeting_week(at(30, 9), nine, cal) == date(2026, 12, 7)
    holiday = datetime(2026, 10, 5, 12, 0, tzinfo=SH)  # Mon in 国庆; first working day Thu 8
    assert rules.meeting_week(holiday, nine, cal) == date(2026, 10, 5)
    assert rules.reported_week(date(2026, 10, 8), cal) == (
        date(2026, 9, 28), [date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30)]
    )  # fmt: skip


def test_missed_calls_follow_the_cadence_and_leave() -> None:
    class C:
        def __init__(self, id: int, name: str, cadence: int, status: str = "active") -> None:
            self.id, self.name, self.owner_id, self.cadence_days = id, name, "U1", cadence
            self.status, self.status_since = status, (MON if status != "active" else None)

    cal = WorkCalendar("CN")
    days = cal.working_days_in(MON, MON + timedelta(days=6))
    d = {n: MON + timedelta(days=n) for n in range(5)}
    missed = rules.missed_calls(
        [C(1, "in-city", 1), C(2, "out", 3), C(3, "new", 1), C(4, "fine", 1), C(5, "paused", 1, "paused")],
        {1: {d[0]}, 2: set(), 3: set(), 4: set(d.values()), 5: set()},
        {1: date(2026, 11, 20), 2: date(2026, 11, 20)},
        days, {"U1": {d[4]}}, cal, {1: date(2026, 1, 1), 2: date(2026, 1, 1), 3: d[2]},
    )  # fmt: skip
    # in-city: Tue, Wed, Thu (Fri on leave); out-of-city: Wed and Thu (3 days since Fri);
    # a new client from the day after it was added (Thu); a client paused on Monday never.
    assert missed == {"U1": [("in-city", 3), ("new", 1), ("out", 2)]}


def test_the_agenda_in_english_and_split_never_cut() -> None:
    r = Reader("en", SH, AT_9)
    notes = [("Nike", "x" * 150)] * 600
    a = Agenda(
        NEXT_MON, {"U0AE2": "Li AE"}, [Progress("U0AE2", notes)], [], [], [],
        Shortfalls(missed={"U0AE2": [("Nike", 1)]}, late_forms={"U0AE2": 2}),
        [], [], [], [],
    )  # fmt: skip
    posts = view.agenda_posts(r, a, NEXT_MON, time(9, 30), 40, "")
    assert len(posts) == 12
    for _, b in posts:
        assert len(b) <= 50 and bk.text_size(b) <= bk.TEXT_PER_MESSAGE
    shown = [x for _, b in posts for x in lines({"blocks": b})]
    assert shown.count("• Nike: " + "x" * 150) == 600
    assert [x for x in shown if x.startswith("(continued")] == [
        f"(continued, {i}/12)" for i in range(2, 13)
    ]
    assert shown[:3] == [
        "Weekly meeting agenda · Mon 30 Nov",
        "🕤 Starts at *09:30*, *40 minutes* at most.",
        "*1. Progress per person* (notes of the week of Mon 23 Nov)",
    ]
    assert "This is long: the rest is in this message's thread (11 more messages)." in shown
    assert posts[2][0] == "Weekly meeting agenda · Mon 30 Nov 09:30 (continued, 3/12)"
    tail = [x for x in shown[shown.index("*3. Last week's shortfalls*") :] if "(cont" not in x]
    assert tail == [
        "*3. Last week's shortfalls*",
        "_Clients called less often than their cadence_",
        "• Li AE: Nike (1 day short)",
        "_Overtime forms filed late_",
        "• Li AE: 2 forms",
        "*4. Suggestions and reflections*",
        "• None.",
    ]
