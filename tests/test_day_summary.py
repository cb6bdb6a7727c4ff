"""The AE's day (issue 21 parts 1 and 5): the 17:30 `day-summary` DM (today's and tomorrow's
lists, the clients still due folded in from the sweep, Register tomorrow, Write summary), the
form pre-filled from the lists, `/daily` and its quick path, silence on days off and on leave,
and a Slack fault on one DM; in zh and en, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import select

from scheduler import day_tasks
from scheduler.run import Run
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import (
    ActionItem,
    Client,
    ContactLog,
    DaySummary,
    Job,
    JobEvent,
    Leave,
    Meeting,
    Whereabouts,
)
from tests.conftest import ADMIN, SH, TEAM, World
from tests.test_imports import count_statements

MON_1730 = datetime(2026, 11, 23, 17, 30, tzinfo=SH)
TUE = date(2026, 11, 24)
OK = "delivered {d}, pending 0, failed 0, expired 0"


def cid(w: World, name: str) -> int:
    with w.bot.db.read() as s:
        c = s.exec(select(Client).where(Client.name == name)).one()
    assert c.id is not None
    return c.id


def a_day(w: World) -> int:
    """Monday 23 Nov for Sun AE (U0AE1, zh) and Li AE (U0AE2, en): Sun called Nike at 10:00,
    moved a job and did an action item; 可口可乐 is still due. Tomorrow Sun has a follow-up
    with Nike, the job's client deadline, and attends Li's meeting at Nike's office, which holds
    Li's whereabouts but not Sun's. Returns the meeting's id."""
    w.clock.set(MON_1730)
    nike, ccb = cid(w, "Nike"), cid(w, "Coca Cola Bottling")
    with w.bot.db.write() as s:
        for client, author, at in ((nike, "U0AE1", 10), (ccb, "U0AE2", 11)):
            s.add(
                ContactLog(
                    team_id=TEAM,
                    client_id=client,
                    author_id=author,
                    kind="call",
                    at=datetime(2026, 11, 23, at, tzinfo=SH),
                    summary="确认双十二方案",
                )
            )
        s.add(
            ContactLog(
                team_id=TEAM,
                client_id=nike,
                author_id="U0AE1",
                kind="call",
                at=datetime(2026, 11, 20, 10, tzinfo=SH),
                summary="报价",
                next_steps="寄报价单",
                follow_up_on=TUE,
            )
        )
        job = Job(
            team_id=TEAM,
            number="CR-202611-01",
            department="creative",
            month=202611,
            seq=1,
            client_id=nike,
            project="春季上新",
            job_type="KV",
            brief="b" * 40,
            deadline=datetime(2026, 11, 24, 18, tzinfo=SH),
            internal_deadline=datetime(2026, 11, 24, 12, tzinfo=SH),
            owner_id="U0AE1",
            issued_by="U0AE1",
            status="progress",
        )
        s.add(job)
        s.flush()
        s.add(
            JobEvent(
                team_id=TEAM,
                job_id=job.id or 0,
                actor="U0AE1",
                action="progress",
                at=datetime(2026, 11, 23, 15, tzinfo=SH),
                from_status="accepted",
                to_status="progress",
            )
        )
        s.add(
            ActionItem(
                team_id=TEAM,
                client_id=nike,
                author_id="U0AE1",
                owner_id="U0AE1",
                text="发排期给客户",
                done_at=datetime(2026, 11, 23, 16, tzinfo=SH),
                done_by="U0AE1",
            )
        )
        start, end = (
            datetime(2026, 11, 24, 14, tzinfo=SH),
            datetime(2026, 11, 24, 15, 30, tzinfo=SH),
        )
        m = Meeting(
            team_id=TEAM,
            client_id=ccb,
            organiser_id="U0AE2",
            starts_at=start,
            ends_at=end,
            topic="Q1提案",
            place="耐克上海办公室",
            our_attendees='["U0AE1"]',
        )
        s.add(m)
        s.add(
            Whereabouts(
                team_id=TEAM, user_id="U0AE2", client_id=ccb, purpose="Q1提案", start=start, end=end
            )
        )
        s.flush()
        return m.id or 0


def sections(dm: dict) -> list[str]:
    return [b["text"]["text"] for b in dm["blocks"] if b["type"] == "section"]


def buttons(dm: dict) -> list[tuple[str, str]]:
    out = [
        (b["accessory"]["action_id"], b["accessory"]["value"])
        for b in dm["blocks"]
        if "accessory" in b
    ]
    for b in dm["blocks"]:
        if b["type"] == "actions":
            out += [(e["action_id"], e["value"]) for e in b["elements"]]
    return out


def test_the_1730_dm_lists_the_day_and_tomorrow_and_the_clients_still_due(world: World) -> None:
    meeting = a_day(world)
    [o] = run_task(TASKS["day-summary"], MON_1730, world.tasks)
    assert (o.status, o.detail) == (
        "sent",
        "3 DMs, 3 asked, 1 clients still due · " + OK.format(d=3),
    )
    [zh] = world.fake.dms("U0AE1")  # one DM: the summary and the sweep's part together
    assert zh["text"] == "下班前：今天的工作小结和明天的安排"
    text = "\n".join(sections(zh))
    assert "*今天（周一 11月23日）aebot 记下的：*" in text
    assert "• 10:00 电话 Nike：确认双十二方案" in text
    assert "• 工作单 CR-202611-01 春季上新 → 制作中" in text
    assert "• 完成待办：发排期给客户（Nike）" in text
    assert "*明天（周二 11月24日）：*" in text
    assert "• 14:00–15:30 会议：Coca Cola Bottling · Q1提案（耐克上海办公室）" in text
    assert "• 跟进 Nike：寄报价单" in text
    assert "• 工作单 CR-202611-01（Nike）内部截止 12:00" in text
    assert "• 工作单 CR-202611-01（Nike）客户截止 18:00" in text
    assert "下班前提醒：以下 1 个客户今天还没联络：" in text and "可口可乐" in text
    assert ("day_register", f"{meeting}:U0AE1") in buttons(zh)
    assert ("day_write", "2026-11-23:U0AE1") in buttons(zh)
    assert ("contact_log_call", str(cid(world, "可口可乐"))) in buttons(zh)
    [en] = world.fake.dms("U0AE2")
    text = "\n".join(sections(en))
    assert en["text"] == "Before you leave: today's summary, tomorrow's plan"
    assert "• 11:00 call Coca Cola Bottling: 确认双十二方案" in text
    assert "• 14:00–15:30 meeting: Coca Cola Bottling · Q1提案 (耐克上海办公室)" in text
    assert not any(a == "day_register" for a, _ in buttons(en))  # Li's whereabouts hold it
    assert "still due" not in text
    [aae] = world.fake.dms("U0AAE")
    assert (
        "aebot 今天没有你的记录。" in sections(aae)[1] and "还没有明天的安排。" in sections(aae)[3]
    )
    assert world.fake.dms("U0AM1") == [] and world.fake.dms("U0AD1") == []
    again = run_task(TASKS["day-summary"], MON_1730 + timedelta(minutes=5), world.tasks)
    assert again[0].status == "already-ran" and len(world.fake.calls_to("chat.postMessage")) == 3


def test_the_sweep_then_tells_only_managers_one_dm_per_ae_at_1730(world: World) -> None:
    a_day(world)
    with world.bot.db.write() as s:  # 可口可乐 last called on the 13th: overdue for the AM
        s.add(
            ContactLog(
                team_id=TEAM,
                client_id=cid(world, "可口可乐"),
                author_id="U0AE1",
                kind="call",
                at=datetime(2026, 11, 13, 10, tzinfo=SH),
                summary="s",
            )
        )
    run_task(TASKS["contact-sweep"], MON_1730, world.tasks)
    run_task(TASKS["day-summary"], MON_1730, world.tasks)
    [ae] = world.fake.dms("U0AE1")
    assert "可口可乐" in str(ae["blocks"]) and "day_write" in str(ae["blocks"])
    [am] = world.fake.dms("U0AM1")
    assert "可口可乐" in str(am["blocks"]) and "Sun AE" in str(am["blocks"])


def test_an_owner_not_asked_for_a_summary_still_gets_the_clients_still_due(world: World) -> None:
    world.clock.set(MON_1730)
    with world.bot.db.write() as s:
        c = s.exec(select(Client).where(Client.name == "Nike")).one()
        c.owner_id = "U0AM1"
        s.add(c)
    run_task(TASKS["day-summary"], MON_1730, world.tasks)
    [am] = world.fake.dms("U0AM1")
    assert am["text"] == "今天还有 1 个客户没联络。" and "day_write" not in str(am["blocks"])


def test_silence_on_a_day_off_and_for_people_on_leave(world: World) -> None:
    saturday = datetime(2026, 11, 28, 17, 30, tzinfo=SH)
    world.clock.set(saturday)
    [o] = run_task(TASKS["day-summary"], saturday, world.tasks)
    assert o.status == "day-off" and world.fake.calls_to("chat.postMessage") == []
    world.clock.set(MON_1730)
    with world.bot.db.write() as s:
        s.add(
            Leave(
                team_id=TEAM,
                user_id="U0AE1",
                first_day=date(2026, 11, 23),
                last_day=date(2026, 11, 23),
                kind="annual",
            )
        )
    [o] = run_task(TASKS["day-summary"], MON_1730, world.tasks)
    assert o.detail.startswith("2 DMs, 2 asked")
    assert world.fake.dms("U0AE1") == [] and len(world.fake.dms("U0AE2")) == 1


def test_a_slack_500_on_one_dm_each_person_gets_exactly_one(world: World) -> None:
    a_day(world)
    world.fake.inject("chat.postMessage", "http500", times=1, channels=["U0AE2"])
    [o] = run_task(TASKS["day-summary"], MON_1730, world.tasks)
    assert (o.status, o.detail) == (
        "sent",
        "3 DMs, 3 asked, 1 clients still due · " + OK.format(d=3),
    )
    assert [len(world.fake.dms(u)) for u in ("U0AE1", "U0AE2", "U0AAE")] == [1, 1, 1]
    failed = [c for c in world.fake.calls_to("chat.postMessage") if not c.ok]
    assert [c.args["channel"] for c in failed] == ["U0AE2"]


# --- Register tomorrow -------------------------------------------------------------------------
def test_register_tomorrow_registers_the_meeting_once(world: World) -> None:
    meeting = a_day(world)
    run_task(TASKS["day-summary"], MON_1730, world.tasks)
    value = f"{meeting}:U0AE1"
    said = []
    for user, v in (
        ("U0AE2", value),
        ("U0AE2", f"{meeting}:U0AE2"),
        ("U0AE1", value),
        ("U0AE1", value),
    ):  # not theirs; theirs, held by the meeting; twice
        world.slack.click("day_register", v, user=user)
        said.append(world.slack.wait_for("response_url", len(said) + 1)[-1].args["text"])
    assert said[0] == "This was sent to <@U0AE1>: only they or an admin can use it."
    assert said[1].startswith("Already registered: <@U0AE2> Tue 24 Nov 14:00–15:30")
    assert (
        said[2] == "已登记去向：周二 11月24日 14:00–15:30，Coca Cola Bottling（耐克上海办公室）。"
    )
    assert said[3].startswith("去向已经登记过了：<@U0AE1> 周二 11月24日 14:00–15:30")
    with world.bot.db.read() as s:
        mine = s.exec(select(Whereabouts).where(Whereabouts.user_id == "U0AE1")).all()
    assert [(w.start, w.end, w.purpose) for w in mine] == [
        (
            datetime(2026, 11, 24, 14, tzinfo=SH),
            datetime(2026, 11, 24, 15, 30, tzinfo=SH),
            "Q1提案 · 耐克上海办公室",
        )
    ]
    world.slack.click("day_register", "999:U0AE1")
    assert world.slack.wait_for("response_url", 5)[-1].args["text"].startswith("这个会议已经取消")


# --- the form and the quick path ---------------------------------------------------------------
def stored(w: World, user: str = "U0AE1") -> list[tuple[date, str, str]]:
    with w.bot.db.read() as s:
        rows = s.exec(select(DaySummary).where(DaySummary.user_id == user)).all()
    return [(d.day, d.today_text, d.tomorrow_text) for d in rows]


def test_write_summary_opens_the_form_pre_filled_and_stores_it(world: World) -> None:
    a_day(world)
    run_task(TASKS["day-summary"], MON_1730, world.tasks)
    world.slack.click("day_write", "2026-11-23:U0AE1", user="U0AE2")
    [refused] = world.slack.wait_for("response_url")
    assert refused.args["text"].startswith("This was sent to")
    world.slack.click("day_write", "2026-11-23:U0AE1", channel="D0U0AE1")
    [opened] = world.slack.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "day_form" and view["title"]["text"] == "工作小结"
    boxes = {
        b["block_id"]: b["element"].get("initial_value")
        for b in view["blocks"]
        if b["type"] == "input"
    }
    assert boxes["today"] == (
        "• 10:00 电话 Nike：确认双十二方案\n• 工作单 CR-202611-01 春季上新 → 制作中\n"
        "• 完成待办：发排期给客户（Nike）"
    )
    assert boxes["tomorrow"].startswith("• 14:00–15:30 会议：Coca Cola Bottling · Q1提案")
    assert "• 跟进 Nike：寄报价单" in boxes["tomorrow"]
    r = world.slack.submit(view, {"today": "  ", "tomorrow": "x" * 3001})
    assert r.json()["errors"] == {
        "today": "请写一点内容。",
        "tomorrow": "每一栏最多 3000 字，这一栏有 3001 字。",
    }
    assert stored(world) == []
    r = world.slack.submit(view, {"tomorrow": "跟进耐克报价"})
    assert r.text == ""
    assert stored(world) == [(date(2026, 11, 23), boxes["today"], "跟进耐克报价")]
    [told] = world.slack.wait_for("chat.postEphemeral")
    assert told.args["text"].startswith("已保存 周一 11月23日 的工作小结。\n*今天*：• 10:00 电话")
    assert told.args["text"].endswith("*明天*：跟进耐克报价")
    # Opened again: what was written, to edit; saved again, it is replaced.
    world.slack.command("/daily", "")
    view = world.slack.wait_for("views.open", 2)[1].args["view"]
    assert [b["element"]["initial_value"] for b in view["blocks"] if b["type"] == "input"] == [
        boxes["today"],
        "跟进耐克报价",
    ]
    world.slack.submit(view, {"today": "改过了"})
    told = world.slack.wait_for("chat.postEphemeral", 2)[1]
    assert told.args["text"].startswith("已更新 周一 11月23日 的工作小结（替换了之前写的）。")
    assert stored(world) == [(date(2026, 11, 23), "改过了", "跟进耐克报价")]


def test_daily_quick_path_in_zh_and_en_and_what_is_missing(world: World) -> None:
    world.clock.set(MON_1730)
    r = world.slack.command("/daily", "今天：耐克提案已发 明天：跟进可口可乐排期")
    assert r.json()["text"] == (
        "已保存 周一 11月23日 的工作小结。\n*今天*：耐克提案已发\n*明天*：跟进可口可乐排期"
    )
    r = world.slack.command(
        "/daily", "today: Nike proposal sent; tomorrow: chase CCB", user="U0AE2"
    )
    assert r.json()["text"] == (
        "Saved your summary of Mon 23 Nov.\n*Today*: Nike proposal sent\n*Tomorrow*: chase CCB"
    )
    assert (
        world.slack.command("/daily", "今天：写了提案")
        .json()["text"]
        .startswith("还缺“明天”的部分")
    )
    assert (
        world.slack.command("/daily", "tomorrow: calls", user="U0AE2")
        .json()["text"]
        .startswith("The “today” part is missing")
    )
    assert world.slack.command("/daily", "开了两个会").json()["text"].startswith("没看到“今天：”")
    r = world.slack.command("/daily", "明天：再改 今天：改了")
    assert r.json()["text"].startswith("已更新 周一 11月23日 的工作小结")
    assert stored(world) == [(date(2026, 11, 23), "改了", "再改")]
    assert stored(world, "U0AE2") == [(date(2026, 11, 23), "Nike proposal sent", "chase CCB")]


def test_daily_on_a_day_off_is_the_last_working_days(world: World) -> None:
    world.clock.set(datetime(2026, 11, 28, 11, 0, tzinfo=SH))  # Saturday
    r = world.slack.command("/daily", "今天：补写周五的 明天：周一开会")
    assert r.json()["text"].startswith("已保存 周五 11月27日 的工作小结。")
    world.slack.command("/daily", "")
    view = world.slack.wait_for("views.open")[0].args["view"]
    assert "周五 11月27日 的工作小结，和下一个工作日（周一 11月30日）的安排" in str(view["blocks"])


def test_the_day_summary_decides_in_a_constant_number_of_statements(world: World) -> None:
    a_day(world)

    def decide() -> tuple[int, int]:
        r = Run(TEAM, MON_1730, "day-summary", "2026-11-23")
        seen = count_statements(world.bot.db)
        day_tasks.day_summary(r, world.tasks)
        return len(seen), len(r.decided)

    decide()  # the team's settings are read once, then cached
    few = decide()
    with world.bot.db.write() as s:
        for i in range(20):
            queries.upsert_member(s, TEAM, f"U1AE{i:02d}", MON_1730, name=f"AE {i}", role="ae")
    many = decide()
    assert (few[1], many[1]) == (3, 23)
    assert many[0] == few[0]


def test_an_admin_may_open_someones_form(world: World) -> None:
    world.clock.set(MON_1730)
    world.slack.click("day_write", "2026-11-23:U0AE1", user=ADMIN)
    [opened] = world.slack.wait_for("views.open")
    world.slack.submit(opened.args["view"], {"today": "代写", "tomorrow": "计划"}, user=ADMIN)
    assert stored(world) == [(date(2026, 11, 23), "代写", "计划")]
