"""The Friday report (周报): a seeded week (contacts, jobs opened, revised, closed and overdue,
overtime on time and late, notes of some AEs, one AE on leave all week, a receivable, a funnel
change) compiled on Friday 2026-11-27 15:30 into the report channel (a headline, a thread
message per AE, the .xlsx and the picture) and each manager's DM; a holiday Friday; a second
run; no channel; a channel the bot is not in; and `/aebot report`'s preview. A department at
full size, against Slack's limits: tests/test_limits.py."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time, timedelta

from openpyxl import load_workbook
from sqlmodel import select

from bot.rules import week as rules
from bot.slack.texts import Reader
from bot.slack.views import report as view
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import (
    Client,
    ContactLog,
    FunnelChange,
    Job,
    Leave,
    OutboxMessage,
    OvertimeForm,
    Receivable,
    WeeklyNote,
)
from storage.week import read_week
from tests.conftest import ADMIN, SH, TEAM, World

CHANNEL = "C0REPORT"
MON = date(2026, 11, 23)
FRI_1530 = datetime(2026, 11, 27, 15, 30, tzinfo=SH)
THU_1530 = datetime(2026, 12, 31, 15, 30, tzinfo=SH)  # Fri 2027-01-01 is New Year's Day
REPORT = TASKS["friday-report"]


# --- the week ----------------------------------------------------------------------------------
def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), SH)


def client_ids(w: World) -> dict[str, int]:
    with w.bot.db.read() as s:
        return {c.name: c.id for c in s.exec(select(Client)) if c.id is not None}


def set_channel(w: World) -> None:
    typed = f"settings set report_channel <#{CHANNEL}|report>"
    reply = w.slack.command("/aebot", typed, user=ADMIN).json()
    assert CHANNEL in reply["text"], reply


def contact(
    w: World, client: int, author: str, kind: str, when: datetime, *, report_sent: bool = True
) -> ContactLog:
    due = kind in ("visit", "meeting")
    return ContactLog(
        team_id=TEAM, client_id=client, author_id=author, kind=kind, at=when, summary="谈了方案",
        report_due=due, report_sent_at=when + timedelta(hours=2) if due and report_sent else None,
    )  # fmt: skip


def job(
    number: str, owner: str, client: int, *, status: str = "open", revision: int = 0,
    created: datetime, closed: datetime | None = None, internal: datetime | None = None,
) -> Job:  # fmt: skip
    prefix, yyyymm, seq = number.split("-")[:3]
    department = {"CR": "creative", "DS": "design", "PR": "production"}[prefix]
    deadline = internal or at(date(2026, 12, 4), 18)
    return Job(
        team_id=TEAM, number=number, department=department, month=int(yyyymm), seq=int(seq),
        revision=revision, client_id=client, project="春季上新", job_type="KV", brief="主视觉",
        deadline=deadline, internal_deadline=deadline, owner_id=owner, issued_by=owner,
        status=status, created_at=created, updated_at=created, closed_at=closed,
    )  # fmt: skip


def overtime(members: list[str], day: date, start: int, end: tuple[int, int], *, late: bool,
             status: str = "approved") -> OvertimeForm:  # fmt: skip
    return OvertimeForm(
        team_id=TEAM, filer_id=members[0], members=json.dumps(members), day=day,
        start=at(day, start), end=at(day, *end), reason="赶提案", late=late, status=status,
    )  # fmt: skip


def seed_week(w: World) -> None:
    """U0AE1 (孙, zh) works the week and writes notes; U0AE2 (Li, en) contacts every day and
    writes none; U0AE3 is on leave all week."""
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0AE3", w.clock.now(), name="Zhou AE", role="ae",
                              manager_id="U0AM1", language="zh")  # fmt: skip
        s.add(Client(team_id=TEAM, code="上海-202611-Adidas-099", code_year=2026, serial=99,
                     name="Adidas", city="上海", owner_id="U0AE3",
                     created_at=at(date(2026, 11, 2)), updated_at=at(date(2026, 11, 2))))  # fmt: skip
    ids = client_ids(w)
    with w.bot.db.write() as s:
        coke, nike, bottling = ids["可口可乐"], ids["Nike"], ids["Coca Cola Bottling"]
        days = [MON + timedelta(days=i) for i in range(5)]
        s.add_all([
            contact(w, coke, "U0AE1", "call", at(days[0])),
            contact(w, coke, "U0AE1", "call", at(days[1])),
            contact(w, coke, "U0AE1", "visit", at(days[2], 14)),
            contact(w, coke, "U0AE1", "wechat", at(days[3])),
            contact(w, nike, "U0AE1", "call", at(days[2], 16)),
            # last week's meeting with Nike: its report is still not sent (overdue)
            contact(w, nike, "U0AE1", "meeting", at(date(2026, 11, 20), 15), report_sent=False),
            *(contact(w, bottling, "U0AE2", "email", at(d, 11)) for d in days),
        ])  # fmt: skip
        undone = contact(w, nike, "U0AE1", "call", at(days[3]))
        undone.deleted_at = at(days[3], 10, 5)
        s.add(undone)
        s.add_all([
            job("CR-202611-01", "U0AE1", coke, created=at(days[0], 11)),
            job("CR-202611-01-R1", "U0AE1", coke, revision=1, created=at(days[1], 11)),
            job("DS-202611-02", "U0AE1", nike, status="closed", created=at(date(2026, 11, 10)),
                closed=at(days[2], 17)),
            job("PR-202611-03", "U0AE1", nike, created=at(date(2026, 11, 16)),
                internal=at(days[3], 12)),
            job("CR-202611-04", "U0AE1", coke, status="rejected", created=at(days[1], 15)),
        ])  # fmt: skip
        s.add_all([
            overtime(["U0AE1"], days[0], 19, (22, 0), late=False),
            overtime(["U0AE1", "U0AE2"], days[1], 19, (21, 30), late=True),
            overtime(["U0AE2"], days[2], 19, (23, 0), late=False, status="pending"),
        ])  # fmt: skip
        s.add_all([
            WeeklyNote(team_id=TEAM, user_id="U0AE1", week=MON, kind="client", client_id=coke,
                       text="双十二方案已确认，下周拍摄"),
            WeeklyNote(team_id=TEAM, user_id="U0AE1", week=MON, kind="client", client_id=nike,
                       text="Q1提案已提交，等待客户反馈"),
            WeeklyNote(team_id=TEAM, user_id="U0AE1", week=MON, kind="problems", client_id=None,
                       text="拍摄场地需要行政协调"),
            WeeklyNote(team_id=TEAM, user_id="U0AE1", week=MON, kind="suggestions",
                       client_id=None, text="周报模板可以再简化"),
            # last week's note does not count
            WeeklyNote(team_id=TEAM, user_id="U0AE2", week=MON - timedelta(days=7),
                       kind="client", client_id=bottling, text="old"),
        ])  # fmt: skip
        s.add(Leave(team_id=TEAM, user_id="U0AE3", first_day=MON, last_day=days[4],
                    kind="annual"))  # fmt: skip
        s.add(Receivable(team_id=TEAM, client_id=nike, amount="120000", due=date(2026, 7, 31),
                         added_by="U0AM1"))  # fmt: skip
        # not yet 2 months overdue: not listed
        s.add(Receivable(team_id=TEAM, client_id=coke, amount="5000", due=date(2026, 10, 31),
                         added_by="U0AM1"))  # fmt: skip
        # exactly 2 months overdue on the report's Friday: not yet *more than* 2, not listed
        s.add(Receivable(team_id=TEAM, client_id=coke, amount="7000", due=date(2026, 9, 27),
                         added_by="U0AM1"))  # fmt: skip
        nike_row = s.get(Client, nike)
        assert nike_row is not None
        nike_row.funnel_stage = "proposal"
        s.add(nike_row)
        s.add(FunnelChange(team_id=TEAM, client_id=nike, from_stage="contacted",
                           to_stage="proposal", by="U0AE1", at=at(days[2], 18)))  # fmt: skip


def run(w: World, when: datetime = FRI_1530) -> tuple[str, str]:
    w.clock.set(when)
    [o] = run_task(REPORT, when, w.tasks)
    return o.status, o.detail


def texts(message: dict) -> list[str]:
    return [b["text"]["text"] for b in message.get("blocks") or [] if b["type"] == "section"]


def lines(message: dict) -> list[str]:
    return [line for t in texts(message) for line in t.split("\n")]


def thread(w: World) -> tuple[dict, list[dict]]:
    [head] = [m for m in w.fake.messages(CHANNEL) if not m.get("thread_ts")]
    replies = [m for m in w.fake.messages(CHANNEL) if m.get("thread_ts") == head["ts"]]
    return head, replies


def by_text(replies: list[dict]) -> dict[str, dict]:
    return {m["text"]: m for m in replies if "text" in m}


HEADLINE = [
    "*周报 · 第48周（11月23日–11月27日）*",
    "已交周报（1/3）：Sun AE",
    "未交周报：<@U0AE2>",
    "全周休假：<@U0AE3>",
    "本周合计：联络记录 10 · 联络天数 10/12（按联络周期） · 联络不足的客户 2 · 逾期的联络报告 1",
    "工作单：新开 1 · 修改 1 · 完成 1 · 逾期 1",
    "加班：按时 3 小时 · 迟交 5 小时",
    "应收账款监控（逾期两个月以上）：1 笔",
    "每位 AE 的周报在本帖回复中，附 Excel 表和联络图。",
]
SUN = [
    "*Sun AE*",
    "*客户联络*",
    "• Nike：联络天数 1/2（联络记录 1）— 差 1 天",
    "• 可口可乐：联络天数 4/5（联络记录 4）— 差 1 天",
    "联络不足：Nike（差 1 天）、可口可乐（差 1 天）",
    "联络记录：电话 3 · 拜访 1 · 微信 1",
    "联络报告逾期：Nike 会议（11月20日）",
    "工作单：新开 1（CR-202611-01） · 修改 1（CR-202611-01-R1） · 完成 1（DS-202611-02） · "
    "逾期 1（PR-202611-03）",
    "加班：按时 3 小时 · 迟交 2.5 小时",
    "应收账款监控：Nike 120000（7月31日到期，逾期 3 个月）",
    "漏斗变化：Nike 已接触→提案",
    "*周报*",
    "• Nike：Q1提案已提交，等待客户反馈",
    "• 可口可乐：双十二方案已确认，下周拍摄",
    "*需要协调的问题*：拍摄场地需要行政协调",
    "*建议*：周报模板可以再简化",
]
LI = [
    "*Li AE*",
    "*客户联络*",
    "• Coca Cola Bottling：联络天数 5/5（联络记录 5）",
    "联络不足：无",
    "联络记录：邮件 5",
    "联络报告逾期：无",
    "工作单：新开 0 · 修改 0 · 完成 0 · 逾期 0",
    "加班：按时 0 小时 · 迟交 2.5 小时",
    "*周报*：未交",
]
ZHOU = [
    "*Zhou AE*（全周休假）",
    "*客户联络*",
    "• Adidas：联络天数 0/0（联络记录 0）",
    "联络不足：无",
    "联络记录：无",
    "联络报告逾期：无",
    "工作单：新开 0 · 修改 0 · 完成 0 · 逾期 0",
    "加班：按时 0 小时 · 迟交 0 小时",
    "*周报*：未交",
]
TEAM_ZH = [
    "*你团队的周报 · 第48周（11月23日–11月27日）*",
    "• *Li AE*：联络记录 5 · 联络不足 0 · 逾期的联络报告 0 · 工作单 新开 0/修改 0/完成 0/逾期 0 · "
    "加班 2.5 小时（迟交 2.5）· 周报：未交",
    "• *Sun AE*：联络记录 5 · 联络不足 2（Nike、可口可乐） · 逾期的联络报告 1 · "
    "工作单 新开 1/修改 1/完成 1/逾期 1 · 加班 5.5 小时（迟交 2.5）· 周报：已交",
    "• *Zhou AE*：联络记录 0 · 联络不足 0 · 逾期的联络报告 0 · 工作单 新开 0/修改 0/完成 0/逾期 0 · "
    "加班 0 小时（迟交 0）· 周报：全周休假",
    "完整周报见 <#C0REPORT>。",
]
TEAM_EN = [
    "*Your team's weekly report · week 48 (23 Nov – 27 Nov)*",
    "• *Li AE*: contacts 5 · short: 0 · reports overdue 0 · jobs opened 0/revised 0/closed 0/"
    "overdue 0 · overtime 2.5 h (late 2.5 h) · notes: missing",
    "• *Sun AE*: contacts 5 · short: 2 (Nike, 可口可乐) · reports overdue 1 · jobs opened 1/"
    "revised 1/closed 1/overdue 1 · overtime 5.5 h (late 2.5 h) · notes: in",
    "• *Zhou AE*: contacts 0 · short: 0 · reports overdue 0 · jobs opened 0/revised 0/closed 0/"
    "overdue 0 · overtime 0 h (late 0 h) · notes: on leave all week",
    "The full report is in <#C0REPORT>.",
]


def english(w: World, user: str) -> None:
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, user, w.clock.now(), language="en")


# --- the report --------------------------------------------------------------------------------
def test_the_week_goes_to_the_report_channel_as_a_headline_and_a_thread_per_ae(
    world: World,
) -> None:
    world.clock.set(FRI_1530)
    set_channel(world)
    seed_week(world)
    status, detail = run(world)
    assert status == "sent"
    assert detail == ("3 AEs, 4 messages, 2 files, 2 managers told, notes 1/3 · "
                      "delivered 8, pending 0, failed 0, expired 0")  # fmt: skip
    head, replies = thread(world)
    assert head["text"] == "周报 · 第48周（11月23日–11月27日）"
    assert lines(head) == HEADLINE
    messages = by_text(replies)
    assert sorted(messages) == ["Li AE · 第48周周报", "Sun AE · 第48周周报", "Zhou AE · 第48周周报"]
    assert lines(messages["Sun AE · 第48周周报"]) == SUN
    assert lines(messages["Li AE · 第48周周报"]) == LI
    assert lines(messages["Zhou AE · 第48周周报"]) == ZHOU
    files = sorted(world.fake.files.values(), key=lambda f: f["name"])
    assert [(f["name"], f["title"], f["thread_ts"], f["channels"]) for f in files] == [
        ("contacts-2026-W48.png", "本周联络天数与应联络天数（第48周）", head["ts"], [CHANNEL]),
        ("weekly-report-2026-W48.xlsx", "周报（第48周）", head["ts"], [CHANNEL]),
    ]


def test_each_manager_gets_their_people_in_their_own_language(world: World) -> None:
    world.clock.set(FRI_1530)
    set_channel(world)
    seed_week(world)
    english(world, "U0AD1")
    run(world)
    [am] = world.fake.dms("U0AM1")
    assert am["text"] == "你团队的周报 · 第48周（11月23日–11月27日）"
    assert lines(am) == TEAM_ZH
    [ad] = world.fake.dms("U0AD1")  # everyone below the AD, through the AM
    assert ad["text"] == "Your team's weekly report · week 48 (23 Nov – 27 Nov)"
    assert lines(ad) == TEAM_EN
    assert world.fake.dms("U0AE1") == [] and world.fake.dms("U0AAE") == []  # nobody below them


def test_the_xlsx_has_the_work_and_funnel_sheets_with_charts_and_the_picture_is_a_png(
    world: World,
) -> None:
    world.clock.set(FRI_1530)
    set_channel(world)
    seed_week(world)
    run(world)
    uploads = {f["name"]: world.fake.uploads[i] for i, f in world.fake.files.items()}
    assert uploads["contacts-2026-W48.png"].startswith(b"\x89PNG\r\n\x1a\n")
    book = load_workbook(io.BytesIO(uploads["weekly-report-2026-W48.xlsx"]))
    assert book.sheetnames == ["工作", "漏斗"]  # not the month's last week: no client log
    work = [row[:16] for row in book["工作"].iter_rows(values_only=True)]
    assert work[0] == ("AE", "用户 ID", "客户", "客户代码", "联络频率（工作日）", "应联络（天）",
                       "已联络（天）", "联络次数", "联络不足（天）", "漏斗阶段", "新开工作单",
                       "修改工作单", "完成工作单", "逾期工作单", "本周工时（小时）",
                       "周报")  # fmt: skip
    assert [r[:3] + r[4:14] for r in work[1:]] == [
        ("Li AE", "U0AE2", "Coca Cola Bottling", 1, 5, 5, 5, 0, "潜在", 0, 0, 0, 0),
        ("Sun AE", "U0AE1", "Nike", 3, 2, 1, 1, 1, "提案", 0, 0, 1, 1),
        ("Sun AE", "U0AE1", "可口可乐", 1, 5, 4, 4, 1, "潜在", 1, 1, 0, 0),
        ("Zhou AE", "U0AE3", "Adidas", 1, 0, 0, 0, 0, "潜在", 0, 0, 0, 0),
    ]
    assert work[2][15] == "Q1提案已提交，等待客户反馈"
    per_ae = [row[17:21] for row in book["工作"].iter_rows(values_only=True)][:4]
    assert per_ae == [("AE", "应联络（天）", "已联络（天）", "联络次数"), ("Li AE", 5, 5, 5),
                      ("Sun AE", 7, 5, 5), ("Zhou AE", 0, 0, 0)]  # fmt: skip
    funnel = list(book["漏斗"].iter_rows(values_only=True))
    assert funnel[:4] == [
        ("AE", "潜在", "已接触", "提案", "谈判", "赢单", "丢单", "合计", "本周变化"),
        ("Li AE", 1, 0, 0, 0, 0, 0, 1, 0),
        ("Sun AE", 1, 0, 1, 0, 0, 0, 2, 1),
        ("Zhou AE", 1, 0, 0, 0, 0, 0, 1, 0),
    ]
    assert funnel[5][:6] == ("客户", "AE", "原阶段", "新阶段", "操作人", "时间")
    assert funnel[6][:6] == (
        "Nike",
        "Sun AE",
        "已接触",
        "提案",
        "Sun AE",
        datetime(2026, 11, 25, 18),
    )
    for sheet in ("工作", "漏斗"):  # native Excel charts
        assert [type(c).__name__ for c in book[sheet]._charts] == ["BarChart"]


FORMULA = '=HYPERLINK("http://x","y")'


def test_what_people_typed_is_text_in_the_xlsx_never_a_formula(world: World) -> None:
    """A client named like a formula and a weekly note `=1+1`, typed in Slack, are text cells."""
    world.clock.set(FRI_1530 - timedelta(hours=5))
    set_channel(world)
    world.slack.command("/client", "add")
    view = world.slack.wait_for("views.open")[0].args["view"]
    typed = {"name": FORMULA, "city": "上海", "in_city": "true"}
    assert world.slack.submit(view, typed).text == ""
    reply = world.slack.command("/weekly", "Nike =1+1").json()["text"]
    assert reply == "已记下 *Nike* 本周的情况（4 字）。"
    run(world)
    [xlsx] = [world.fake.uploads[i] for i, f in world.fake.files.items() if ".xlsx" in f["name"]]
    work = load_workbook(io.BytesIO(xlsx))["工作"]
    [client] = [row[2] for row in work.iter_rows(min_row=2) if row[2].value == FORMULA]
    [note] = [row[15] for row in work.iter_rows(min_row=2) if row[2].value == "Nike"]
    for cell in (client, note):
        assert cell.data_type == "s"
    assert (client.value, note.value) == (FORMULA, "=1+1")
    [code] = [row[3] for row in work.iter_rows(min_row=2) if row[2].value == FORMULA]
    assert code.data_type == "s" and FORMULA.split("(")[0] in str(code.value)
    assert work.freeze_panes == "A2"
    numbers = [row[5] for row in work.iter_rows(min_row=2) if row[2].value == "Nike"]
    assert [c.data_type for c in numbers] == ["n"]  # numbers stay numbers


def test_a_holiday_friday_moves_it_to_thursday_with_the_months_client_log(world: World) -> None:
    set_channel(world)
    with world.bot.db.write() as s:
        ids = client_ids(world)
        s.add_all([
            contact(world, ids["可口可乐"], "U0AE1", "call", at(date(2026, 12, 3))),
            contact(world, ids["可口可乐"], "U0AE1", "call", at(date(2026, 12, 29))),
            contact(world, ids["Nike"], "U0AE1", "email", at(date(2026, 12, 30), 9)),
            contact(world, ids["Nike"], "U0AE1", "call", at(date(2026, 11, 30))),  # November
        ])  # fmt: skip
    assert run(world, datetime(2027, 1, 1, 15, 30, tzinfo=SH))[0] == "day-off"
    status, _ = run(world, THU_1530)
    assert status == "sent"
    head, _ = thread(world)
    assert lines(head)[0] == "*周报 · 第53周（12月28日–12月31日）*"
    [xlsx] = [world.fake.uploads[i] for i, f in world.fake.files.items()
              if f["name"].endswith(".xlsx")]  # fmt: skip
    book = load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames == ["工作", "漏斗", "客户日志"]
    assert list(book["客户日志"].iter_rows(values_only=True)) == [
        ("客户", "客户代码", "负责 AE", "本月联络次数", "最近联络"),
        ("Coca Cola Bottling", "Shanghai-202611-CocaColaBottling-003", "Li AE", 0, None),
        ("Nike", "Beijing-202611-Nike-002", "Sun AE", 1, datetime(2026, 12, 30)),
        ("可口可乐", "上海-202611-可口可乐-001", "Sun AE", 2, datetime(2026, 12, 29)),
    ]


def test_a_second_run_of_the_same_week_posts_nothing(world: World) -> None:
    world.clock.set(FRI_1530)
    set_channel(world)
    seed_week(world)
    run(world)
    posted = len(world.fake.calls_to("chat.postMessage"))
    uploaded = len(world.fake.files)
    assert run(world, FRI_1530 + timedelta(minutes=20))[0] == "already-ran"
    assert len(world.fake.calls_to("chat.postMessage")) == posted
    assert len(world.fake.files) == uploaded


def test_the_report_is_posted_when_nobody_wrote_notes(world: World) -> None:
    world.clock.set(FRI_1530)
    set_channel(world)
    assert run(world)[0] == "sent"
    head, replies = thread(world)
    assert lines(head)[:3] == [
        "*周报 · 第48周（11月23日–11月27日）*",
        "已交周报（0/2）：无",
        "未交周报：<@U0AE2>、<@U0AE1>",  # by name: Li, Sun
    ]
    assert sorted(by_text(replies)) == ["Li AE · 第48周周报", "Sun AE · 第48周周报"]
    assert len(world.fake.files) == 2


def test_with_no_report_channel_the_managers_still_hear_and_each_admin_is_told(
    world: World,
) -> None:
    world.clock.set(FRI_1530)
    seed_week(world)
    status, detail = run(world)
    assert status == "sent"
    assert detail.startswith("no report channel: 2 managers told, 1 admins told, notes 1/3")
    assert world.fake.messages(CHANNEL) == [] and world.fake.files == {}
    assert lines(world.fake.dms("U0AM1")[0]) == TEAM_ZH[:-1]  # no channel to point to
    [told] = world.fake.dms(ADMIN)
    assert told["text"].startswith("本周周报没有发到频道：还没有设置 `report_channel`。")


def test_a_report_channel_the_bot_is_not_in_is_told_to_an_admin_once(world: World) -> None:
    world.clock.set(FRI_1530)
    set_channel(world)
    with world.bot.db.write() as s:  # no managers: the headline is the run's first post
        for user in ("U0AE1", "U0AE2"):
            queries.upsert_member(s, TEAM, user, world.clock.now(), manager_id=None)
    world.fake.fail_next("chat.postMessage", "not_in_channel")
    status, detail = run(world)
    assert status == "pending" and "0 managers told" in detail
    with world.bot.db.read() as s:
        rows = {r.key: r for r in s.exec(select(OutboxMessage))}
    head = rows["friday-report:2026-11-27:head"]
    assert (head.status, head.error) == ("failed", "not_in_channel")
    assert rows["friday-report:2026-11-27:ae:U0AE1"].status == "pending"  # waits for it
    world.bot.courier.drain(now_or_later=True)
    [told] = world.fake.dms(ADMIN)
    assert "not_in_channel" in told["text"]
    world.bot.courier.drain(now_or_later=True)
    assert len(world.fake.dms(ADMIN)) == 1  # once
    assert world.fake.messages(CHANNEL) == []


# --- /aebot report ------------------------------------------------------------------------------
def preview(w: World, user: str) -> tuple[str, list[str]]:
    reply = w.slack.command("/aebot", "report", user=user).json()
    assert reply.get("response_type") == "ephemeral"
    return reply["text"], lines(reply)


def test_aebot_report_previews_the_week_so_far_for_me_and_my_team_and_posts_nothing(
    world: World,
) -> None:
    set_channel(world)
    seed_week(world)
    world.clock.set(datetime(2026, 11, 26, 11, 0, tzinfo=SH))  # Thursday: Mon-Thu so far
    text, shown = preview(world, "U0AE1")
    assert text == "本周周报预览（截至现在，未发送）"
    assert shown[0] == "_本周周报预览 · 截至 周四 11月26日 11:00 · 不会发送_"
    assert shown[1:7] == [
        "*Sun AE*",
        "*客户联络*",
        "• Nike：联络天数 1/2（联络记录 1）— 差 1 天",
        "• 可口可乐：联络天数 4/4（联络记录 4）",
        "联络不足：Nike（差 1 天）",
        "联络记录：电话 3 · 拜访 1 · 微信 1",
    ]
    assert shown[8] == (
        "工作单：新开 1（CR-202611-01） · 修改 1（CR-202611-01-R1） · "
        "完成 1（DS-202611-02） · 逾期 0"
    )  # PR-202611-03 is due at noon
    assert shown[9:] == SUN[8:]
    text, shown = preview(world, "U0AE2")
    assert text == "Preview of this week's report (so far, not posted)"
    assert shown == [
        "_Preview of this week's report · as of Thu 26 Nov 11:00 · not posted_",
        "*Li AE*",
        "*Clients contacted*",
        "• Coca Cola Bottling: contact days 4/4 (contacts logged: 4)",
        "Short of calls: none",
        "Contacts logged: email 4",
        "Contact reports overdue: none",
        "Jobs: opened 0 · revised 0 · closed 0 · overdue 0",
        "Overtime: 0 h on time · 2.5 h late",
        "*Notes*: not submitted",
    ]
    _, shown = preview(world, "U0AM1")
    assert shown[1:] == [
        "*你的团队*",
        "• *Li AE*：联络记录 4 · 联络不足 0 · 逾期的联络报告 0 · 工作单 新开 0/修改 0/完成 0/逾期 0 · "
        "加班 2.5 小时（迟交 2.5）· 周报：未交",
        "• *Sun AE*：联络记录 5 · 联络不足 1（Nike） · 逾期的联络报告 1 · 工作单 新开 1/修改 1/完成 1/逾期 0 · "
        "加班 5.5 小时（迟交 2.5）· 周报：已交",
        "• *Zhou AE*：联络记录 0 · 联络不足 0 · 逾期的联络报告 0 · 工作单 新开 0/修改 0/完成 0/逾期 0 · "
        "加班 0 小时（迟交 0）· 周报：全周休假",
    ]
    text, shown = preview(world, "U0AAE")
    assert text == "你名下没有客户，也没有下属 AE，没有可预览的周报。" and shown == []
    english(world, "U0AAE")
    assert preview(world, "U0AAE")[0] == (
        "You have no clients and no AEs report to you: there is no report to preview."
    )
    assert world.fake.calls_to("chat.postMessage") == []  # nothing posted, nothing queued
    with world.bot.db.read() as s:
        assert s.exec(select(OutboxMessage)).all() == []


def test_the_channels_texts_in_english(world: World) -> None:
    """The channel is written in the workspace's language; in English it reads so."""
    seed_week(world)
    world.clock.set(FRI_1530)
    monday, days, log = rules.week_days(world.bot.calendars.for_team(TEAM), FRI_1530.date())
    with world.bot.db.read() as s:
        week, _ = read_week(s, TEAM, monday=monday, days=days, now=FRI_1530, zone=SH,
                            log_month=log)  # fmt: skip
    rep = rules.compile_week(week)
    r = Reader("en", SH, FRI_1530)
    [(text, blocks)] = view.headline(r, rep)
    assert text == "Weekly report · week 48 (23 Nov – 27 Nov)"
    assert lines({"blocks": blocks}) == [
        "*Weekly report · week 48 (23 Nov – 27 Nov)*",
        "Notes submitted (1/3): Sun AE",
        "Not submitted: <@U0AE2>",
        "On leave all week: <@U0AE3>",
        "This week: contacts logged 10 · contact days 10/12 (as the cadences ask) · "
        "clients short of calls 2 · contact reports overdue 1",
        "Jobs: opened 1 · revised 1 · closed 1 · overdue 1",
        "Overtime: 3 h on time · 5 h late",
        "Receivables monitored (over 2 months overdue): 1",
        "Each AE's report is in this thread, with the Excel file and the contacts chart.",
    ]
    sun = rep.of("U0AE1")
    assert sun is not None
    [(text, blocks)] = view.ae_messages(r, rep, sun)
    assert text == "Sun AE · week 48"
    assert lines({"blocks": blocks}) == [
        "*Sun AE*",
        "*Clients contacted*",
        "• Nike: contact days 1/2 (contacts logged: 1) — 1 short",
        "• 可口可乐: contact days 4/5 (contacts logged: 4) — 1 short",
        "Short of calls: Nike (1 short), 可口可乐 (1 short)",
        "Contacts logged: call 3 · visit 1 · WeChat 1",
        "Contact reports overdue: Nike meeting (20 Nov)",
        "Jobs: opened 1 (CR-202611-01) · revised 1 (CR-202611-01-R1) · closed 1 (DS-202611-02) · "
        "overdue 1 (PR-202611-03)",
        "Overtime: 3 h on time · 2.5 h late",
        "Receivables monitored: Nike 120000 (due 31 Jul, 3 months overdue)",
        "Funnel changes: Nike contacted → proposal",
        "*Notes*",
        "• Nike: Q1提案已提交，等待客户反馈",
        "• 可口可乐: 双十二方案已确认，下周拍摄",
        "*Problems needing coordination*: 拍摄场地需要行政协调",
        "*Suggestions*: 周报模板可以再简化",
    ]
