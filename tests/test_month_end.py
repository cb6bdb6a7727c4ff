"""The month end (001, 002): on the last working day but two of the month, each AE gets per
active client the draft of the month's summary and next month's plan, in the client's language,
with "Sent" (已发送给客户), and one .xlsx with a sheet per client; the expense reminder on the
first working day on or after the 25th.

November 2026 ends Fri 27, Sat 28 (off), Sun 29 (off), Mon 30: its last working day but two
is Thu 26 Nov."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlmodel import select

from bot.rules.team_settings import TeamValues
from bot.rules.workdays import WorkCalendar
from scheduler import month_end_tasks
from scheduler.run import Run
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import ActionItem, Client, ContactLog, ContactReport, Duty, Job, JobEvent
from tests.conftest import ADMIN, SH, TEAM, World
from tests.test_imports import count_statements

OK = "delivered {d}, pending 0, failed 0, expired 0"
RUN_DAY = datetime(2026, 11, 26, 10, 0, tzinfo=SH)


def at(day: int, hour: int, month: int = 11, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SH)


def run(w: World, name: str, when: datetime) -> tuple[str, str]:
    w.clock.set(when)
    [o] = run_task(TASKS[name], when, w.tasks)
    return o.status, o.detail


def clients(w: World) -> dict[str, int]:
    with w.bot.db.read() as s:
        return {c.name: c.id for c in s.exec(select(Client)) if c.id is not None}


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


def contact(
    w: World,
    client: int,
    author: str,
    when: datetime,
    kind: str = "call",
    summary: str = "沟通进度",
    steps: str = "",
    follow: date | None = None,
) -> int:
    with w.bot.db.write() as s:
        c = ContactLog(
            team_id=TEAM,
            client_id=client,
            author_id=author,
            kind=kind,
            at=when,
            summary=summary,
            next_steps=steps,
            follow_up_on=follow,
            created_at=when,
            updated_at=when,
        )
        s.add(c)
        s.flush()
        assert c.id is not None
        return c.id


def job(
    w: World,
    seq: int,
    client: int,
    owner: str,
    project: str,
    filed: datetime,
    deadline: datetime,
    status: str = "progress",
    **more: object,
) -> int:
    with w.bot.db.write() as s:
        j = Job(
            team_id=TEAM,
            number=f"CR-202611-{seq:02d}",
            department="creative",
            month=202611,
            seq=seq,
            client_id=client,
            project=project,
            job_type="KV",
            brief="目标与交付物",
            deadline=deadline,
            internal_deadline=deadline,
            owner_id=owner,
            issued_by=owner,
            status=status,
            created_at=filed,
            updated_at=filed,
            **more,
        )
        s.add(j)
        s.flush()
        assert j.id is not None
        return j.id


def a_month(w: World) -> dict[str, int]:
    """November's work: 可口可乐 (zh) has a job filed, signed off and closed this month, one
    in progress due in December, calls, a meeting with its report, a follow-up in December and
    action items; Nike reads English; 百事 is paused (a contact this month, but no draft)."""
    c = clients(w)
    coke, nike, bottling = c["可口可乐"], c["Nike"], c["Coca Cola Bottling"]
    with w.bot.db.write() as s:
        s.get(Client, nike).language = "en"  # type: ignore[union-attr]
        pepsi = queries.insert_client(
            s,
            TEAM,
            name="百事",
            city="上海",
            in_city=True,
            owner_id="U0AE1",
            created_local=at(2, 9),
        )
        pepsi.status, pepsi.status_since = "paused", date(2026, 11, 10)
    ids = {"pepsi": pepsi.id or 0}
    ids["done"] = job(
        w,
        5,
        coke,
        "U0AE1",
        "双十一复盘",
        at(2, 10),
        at(18, 18),
        "closed",
        signed_on=date(2026, 11, 19),
        closed_at=at(25, 16),
    )
    ids["xmas"] = job(w, 2, coke, "U0AE1", "圣诞活动", at(10, 11), at(7, 18, 12))
    with w.bot.db.write() as s:
        s.add(
            JobEvent(
                team_id=TEAM,
                job_id=ids["done"],
                at=at(20, 15),
                actor="U0AE1",
                action="signed",
                from_status="sent",
                to_status="signed",
            )
        )
    contact(w, coke, "U0AE1", at(5, 10))
    contact(w, coke, "U0AE1", at(20, 10))
    meeting = contact(
        w, coke, "U0AE1", at(24, 14), "meeting", "确认圣诞活动方案", "寄送报价", date(2026, 12, 3)
    )
    contact(w, nike, "U0AE1", at(10, 10), summary="Spring launch kick-off")
    contact(w, bottling, "U0AE2", at(12, 10))
    contact(w, pepsi.id or 0, "U0AE1", at(12, 11))
    with w.bot.db.write() as s:
        report = ContactReport(
            team_id=TEAM,
            contact_id=meeting,
            client_id=coke,
            author_id="U0AE1",
            sent_at=at(24, 17),
            confirmed_at=at(25, 10),
        )
        s.add(report)
        s.add(
            ActionItem(
                team_id=TEAM,
                client_id=coke,
                author_id="U0AE1",
                owner_id="U0AE1",
                text="提供门店清单",
                due_on=date(2026, 12, 2),
            )
        )
        s.add(
            ActionItem(
                team_id=TEAM,
                client_id=coke,
                author_id="U0AE1",
                owner_id="U0AE2",
                text="确认预算",
                due_on=date(2026, 11, 20),
            )
        )
    return ids


COKE_ZH = [
    "可口可乐：11月工作总结及12月工作计划",
    "",
    "一、11月工作总结",
    "1. CR-202611-05 双十一复盘（提交 周一 11月2日；完成 周三 11月25日；定稿 周四 11月19日）",
    "2. CR-202611-02 圣诞活动（提交 周二 11月10日；制作中；交付 周一 12月7日）",
    "3. 会议：确认圣诞活动方案（周二 11月24日）",
    "4. 电话沟通 2 次（周四 11月5日—周五 11月20日）",
    "5. 联络报告：确认圣诞活动方案（发出 周二 11月24日；客户确认 周三 11月25日）",
    "6. 待办：确认预算（负责：Li AE；截止 周五 11月20日）",
    "",
    "二、12月工作计划",
    "1. 待办：提供门店清单（负责：Sun AE；截止 周三 12月2日）",
    "2. 跟进：寄送报价（截止 周四 12月3日）",
    "3. CR-202611-02 圣诞活动（制作中；交付 周一 12月7日）",
    "",
    "以上如有需要调整之处，请随时告诉我们。",
]
NIKE_EN = [
    "Nike: November work summary and December plan",
    "",
    "1. This month (November)",
    "1. 1 call (Tue 10 Nov)",
    "",
    "2. Next month (December)",
    "(nothing scheduled yet; tell us whenever something new comes up)",
    "",
    "Let us know if anything needs changing.",
]


def code(lines: list[str]) -> list[str]:
    """Lines as the DM's code block shows them."""
    return [f"```{lines[0]}", *lines[1:-1], f"{lines[-1]}```"]


def received(w: World) -> dict[str, object]:
    """Each DM's .xlsx, by user: the workbook."""
    out = {}
    for done in w.fake.calls_to("files.completeUploadExternal"):
        [entry] = done.args["files"]
        out[done.args["channel_id"]] = load_workbook(io.BytesIO(w.fake.uploads[entry["id"]]))
    return out


def test_the_drafts_of_active_clients_with_their_days_in_text_and_sheet(world: World) -> None:
    ids = a_month(world)
    world.fake.reset()
    assert run(world, "month-end", at(25, 10))[0] == "day-off"
    assert run(world, "month-end", RUN_DAY) == (
        "sent",
        "2 AEs, 3 clients, 2 DMs, 2 files · " + OK.format(d=4),
    )
    [zh] = world.fake.dms("U0AE1")
    assert zh["text"] == (
        "月末：2 个客户的本月工作总结和下月工作计划草稿，核对后发给客户，发出后点“已发送给客户”。"
    )
    assert texts(zh) == [
        "*11月工作总结及12月工作计划*（草稿）",
        "每个客户一份，已按客户使用的语言写好，核对后可直接复制发送；同样的内容在线程里的 Excel "
        "表中，每个客户一页。请在 周一 11月30日 前发给客户，发出后点“已发送给客户”。",
        "*Nike*（英文）",
        *code(NIKE_EN),
        "*可口可乐*（中文）",
        *code(COKE_ZH),
    ]
    assert [(label, action) for label, action, _ in buttons(zh)] == [
        ("已发送给客户", "month_end_sent"),
        ("已发送给客户", "month_end_sent"),
    ]
    [en] = world.fake.dms("U0AE2")
    assert texts(en)[:3] == [
        "*November summary and December plan* (drafts)",
        "One per client, written in the client's language, ready to paste once checked; the "
        "same is in the Excel file in the thread, a sheet per client. Send each by Mon 30 Nov, "
        "then click “Sent”.",
        "*Coca Cola Bottling* (in Chinese)",
    ]
    assert texts(en)[4:7] == ["", "一、11月工作总结", "1. 电话沟通 1 次（周四 11月12日）"]
    # the paused client is not drafted, and has no duty
    with world.bot.db.read() as s:
        made = {d.client_id for d in s.exec(select(Duty).where(Duty.kind == "month-end"))}
    assert ids["pepsi"] not in made and len(made) == 3

    # one .xlsx per AE, in its DM's thread: a sheet per client, by name, in its language
    books = received(world)
    assert set(books) == {"DU0AE1", "DU0AE2"}
    book = books["DU0AE1"]
    assert book.sheetnames == ["Nike", "可口可乐"]
    rows = [[c.value for c in r] for r in book["可口可乐"].iter_rows()]
    assert rows[0] == ["工作项目", "类别", "提交", "完成", "定稿", "下一步", "截止"]
    assert rows[1][0] == "一、11月工作总结"
    assert rows[2] == [
        "CR-202611-05 双十一复盘",
        "工作单",
        datetime(2026, 11, 2),
        datetime(2026, 11, 25),
        datetime(2026, 11, 19),
        "已消单",
        None,
    ]
    assert rows[3][:2] == ["CR-202611-02 圣诞活动", "工作单"]
    assert rows[3][5:] == ["制作中", datetime(2026, 12, 7)]
    assert book["可口可乐"]["C3"].number_format == 'yyyy"年"m"月"d"日"'
    plan = rows[rows.index(["二、12月工作计划", *[None] * 6]) + 1 :]
    assert [r[0] for r in plan] == ["待办：提供门店清单", "跟进：寄送报价", "CR-202611-02 圣诞活动"]
    assert book["Nike"]["A3"].value == "1 call" and book["Nike"]["A1"].value == "Item"
    assert books["DU0AE2"].sheetnames == ["Coca Cola Bottling"]
    [thread] = [
        c
        for c in world.fake.calls_to("files.completeUploadExternal")
        if c.args["channel_id"] == "DU0AE1"
    ]
    assert thread.args["thread_ts"] == zh["ts"]


def test_sent_by_the_ae_refused_to_a_stranger_and_said_once(world: World) -> None:
    a_month(world)
    run(world, "month-end", RUN_DAY)
    [zh] = world.fake.dms("U0AE1")
    coke = buttons(zh)[1][2]  # Nike's first
    world.fake.reset()
    world.clock.set(at(26, 15))
    world.slack.click("month_end_sent", coke, user="U0AE2", channel="D0U0AE2")
    [refused] = world.slack.wait_for("response_url")
    assert refused.args["text"] == (
        "This is for <@U0AE1>; only they or an admin can mark it. Nothing was changed."
    )
    world.slack.click("month_end_sent", coke, user="U0AE1", channel="D0U0AE1")
    redrawn = world.slack.wait_for("response_url", 2)[1]
    assert redrawn.args["replace_original"] is True
    shown = texts(redrawn.args)
    assert shown[-1] == "✅ 已发送给客户（周四 11月26日 15:00）"
    assert shown[-2] == "以上如有需要调整之处，请随时告诉我们。```"
    assert [b[0] for b in buttons(redrawn.args)] == ["已发送给客户"]  # Nike's still to send
    world.clock.set(at(26, 16))
    world.slack.click("month_end_sent", coke, user="U0AE1", channel="D0U0AE1")
    again = world.slack.wait_for("response_url", 3)[2]
    assert (
        again.args["text"] == "可口可乐 已由 <@U0AE1> 在 周四 11月26日 15:00 标记过了，没有改动。"
    )
    with world.bot.db.read() as s:
        duty = s.get(Duty, int(coke))
    assert duty is not None and duty.done_at == at(26, 15)
    # an admin may mark one for the AE (redrawn in the AE's language); an old "Done" still works
    nike = buttons(zh)[0][2]
    world.slack.click("month_end_done", nike, user=ADMIN, channel="D0ADMIN")
    redrawn = world.slack.wait_for("response_url", 4)[3]
    shown = texts(redrawn.args)
    after_nike = shown.index("Let us know if anything needs changing.```") + 1
    assert shown[after_nike] == "✅ 已发送给客户（周四 11月26日 16:00）"
    assert buttons(redrawn.args) == []
    world.slack.click("client_status_sent", nike, user="U0AE1", channel="D0U0AE1")  # wrong kind
    assert world.slack.wait_for("response_url", 5)[4].args["text"] == (
        "找不到这条提醒，没有做任何改动。"
    )
    assert run(world, "month-end", at(26, 17))[0] == "already-ran"


def test_the_run_day_is_the_last_working_day_but_two() -> None:
    cal = WorkCalendar("CN")
    task = TASKS["month-end"]

    def days(year: int, month: int) -> list[date]:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return [d for d in cal.working_days_in(date(year, month, 1), last) if task.runs_on(cal, d)]

    assert days(2026, 11) == [date(2026, 11, 26)]  # Mon 30, Fri 27, Thu 26
    # February 2026: Spring Festival to Mon 23; Sat 28 is a make-up working day (调休)
    assert days(2026, 2) == [date(2026, 2, 26)]  # Sat 28, Fri 27, Thu 26
    # September 2026: the Mid-Autumn Friday 25th off; Wed 30, Tue 29, Mon 28
    assert days(2026, 9) == [date(2026, 9, 28)]
    # January 2027 ends on a weekend: Fri 29, Thu 28, Wed 27
    assert days(2027, 1) == [date(2027, 1, 27)]
    defaults = TeamValues({})
    assert task.when(defaults) == "last working day but two of the month 10:00"
    assert TASKS["expense-reminder"].when(defaults) == (
        "first working day on or after the 25th 10:00"
    )


def test_the_run_day_through_the_timetable_in_a_month_ending_on_a_weekend(world: World) -> None:
    """January 2027 ends Sat 30, Sun 31: the drafts come Wed 27 Jan, not Fri 29."""
    c = clients(world)
    contact(world, c["Nike"], "U0AE1", at(6, 10, 1, year=2027))
    world.fake.reset()
    assert run(world, "month-end", at(29, 10, 1, year=2027))[0] == "day-off"
    status, detail = run(world, "month-end", at(27, 10, 1, year=2027))
    assert (status, detail.split(" · ")[0]) == ("sent", "1 AEs, 1 clients, 1 DMs, 1 files")
    [zh] = world.fake.dms("U0AE1")
    assert texts(zh)[0] == "*1月工作总结及2月工作计划*（草稿）"


def test_the_run_day_through_the_timetable_with_a_holiday_near_the_month_end(
    world: World,
) -> None:
    """February 2026: the Spring Festival off to Mon 23, Sat 28 a make-up working day (调休):
    the drafts come Thu 26 Feb (Sat 28, Fri 27, Thu 26), to send by Sat 28."""
    c = clients(world)
    contact(world, c["Coca Cola Bottling"], "U0AE2", at(10, 10, 2))
    world.fake.reset()
    assert run(world, "month-end", at(25, 10, 2))[0] == "day-off"
    assert run(world, "month-end", at(26, 10, 2))[1].startswith("1 AEs, 1 clients, 1 DMs")
    [en] = world.fake.dms("U0AE2")
    assert texts(en)[:2] == [
        "*February summary and March plan* (drafts)",
        "One per client, written in the client's language, ready to paste once checked; the "
        "same is in the Excel file in the thread, a sheet per client. Send each by Sat 28 Feb, "
        "then click “Sent”.",
    ]
    assert run(world, "month-end", at(27, 10, 2))[0] == "day-off"


def test_the_expense_reminder_on_a_saturday_25th_comes_monday_once(world: World) -> None:
    """25 Dec 2027 is a Saturday: the reminder comes Mon 27 Dec, and not again that month."""
    world.fake.reset()
    assert run(world, "expense-reminder", at(24, 10, 12, year=2027))[0] == "day-off"
    assert run(world, "expense-reminder", at(25, 10, 12, year=2027))[0] == "day-off"
    status, detail = run(world, "expense-reminder", at(27, 10, 12, year=2027))
    assert (status, detail.split(" · ")[0]) == ("sent", "5 DMs")
    [zh] = world.fake.dms("U0AE1")
    assert zh["text"].startswith("报销提醒：本月费用请在 周四 12月30日 前提交报销。")
    [en] = world.fake.dms("U0AE2")
    assert en["text"].startswith("Expenses: this month's are claimed by Thu 30 Dec.")
    for day in (28, 29, 30, 31):
        assert run(world, "expense-reminder", at(day, 10, 12, year=2027))[0] == "day-off"
    assert len(world.fake.dms("U0AE1")) == 1


def test_the_month_end_reads_the_team_in_a_constant_number_of_statements(world: World) -> None:
    a_month(world)

    def decide() -> int:
        r = Run(TEAM, RUN_DAY, "month-end", "2026-11-26")
        seen = count_statements(world.bot.db)
        month_end_tasks.month_end(r, world.tasks)
        return len(seen)

    decide()  # settings and calendars are read once, then cached
    few = decide()
    with world.bot.db.write() as s:
        for i in range(15):
            queries.upsert_member(
                s, TEAM, f"U1AE{i:02d}", at(2, 9), name=f"Zz {i:02d}", role="ae", manager_id="U0AM1"
            )
            client = queries.insert_client(
                s,
                TEAM,
                name=f"Client {i:02d}",
                city="上海",
                in_city=True,
                owner_id=f"U1AE{i:02d}",
                created_local=at(2, 9),
            )
            s.add(
                ContactLog(
                    team_id=TEAM,
                    client_id=client.id or 0,
                    author_id=f"U1AE{i:02d}",
                    kind="visit",
                    at=at(3, 10),
                    summary="拜访",
                    follow_up_on=date(2026, 12, 1),
                )
            )
            s.add(
                ActionItem(
                    team_id=TEAM,
                    client_id=client.id or 0,
                    author_id="U0AE1",
                    owner_id=f"U1AE{i:02d}",
                    text="报价",
                    due_on=date(2026, 12, 4),
                )
            )
    assert decide() == few


def test_a_slack_500_on_the_aes_dm_the_rerun_delivers_it_and_its_sheet_once(world: World) -> None:
    """Slack answers 500 twice to Sun AE's DM: the run leaves it (and the sheet in its thread)
    pending and delivers Li AE's; the rerun delivers both, and nobody gets anything twice."""
    a_month(world)
    world.bot.courier.tries = 2
    world.fake.inject("chat.postMessage", "http500", times=2, channels=["U0AE1"])
    status, detail = run(world, "month-end", RUN_DAY)
    assert status == "pending" and "pending 2" in detail, detail  # the DM, then its sheet
    assert (len(world.fake.dms("U0AE1")), len(world.fake.dms("U0AE2"))) == (0, 1)
    status, detail = run(world, "month-end", RUN_DAY + timedelta(minutes=1))
    assert status == "resumed" and "pending 0, failed 0" in detail, detail
    assert (len(world.fake.dms("U0AE1")), len(world.fake.dms("U0AE2"))) == (1, 1)
    posts = [c.args["channel"] for c in world.fake.calls_to("chat.postMessage")]
    assert (posts.count("U0AE1"), posts.count("U0AE2")) == (3, 1)  # two 500s, then the one DM
    uploaded = [c.args["channel_id"] for c in world.fake.calls_to("files.completeUploadExternal")]
    assert sorted(uploaded) == ["DU0AE1", "DU0AE2"]  # each sheet once, in the AE's DM
