"""The timetable's approval reminders and escalations, the 09:00 job-deadline DM, and the App
Home's open jobs and requests waiting for a decision (with their buttons)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlmodel import select

from bot.rules.approvals import Shown
from forms.leaving import reroute_from
from scheduler.timetable import TASKS, run_task
from storage import approvals, outbox, queries
from storage.approvals import Filing
from storage.models import Approval, Client, Job
from tests.conftest import SH, TEAM, World, ask, wait_until

FRI_15 = datetime(2026, 11, 27, 15, 0, tzinfo=SH)
FRI_18 = datetime(2026, 11, 27, 18, 0, tzinfo=SH)
SAT_10 = datetime(2026, 11, 28, 10, 0, tzinfo=SH)
MON_09 = datetime(2026, 11, 30, 9, 0, tzinfo=SH)
MON_10 = datetime(2026, 11, 30, 10, 0, tzinfo=SH)
MON_11 = datetime(2026, 11, 30, 11, 0, tzinfo=SH)
MON_15 = datetime(2026, 11, 30, 15, 0, tzinfo=SH)


def file_request(
    w: World,
    at: datetime,
    requester: str = "U0AE1",
    approver: str = "U0AM1",
    title: str = "Nike 7%",
) -> int:
    """A commission request filed through the engine at `at`, its DMs delivered."""
    w.clock.set(at)
    filing = Filing(
        TEAM, "commission", requester, title,
        fields=[Shown("authority.f.client", "Nike"), Shown("authority.f.amount", "7%")],
        reason="x", amount=Decimal("7"),
    )  # fmt: skip
    with w.bot.db.write() as s:
        a = ask(w.bot, s, filing, approver, at)
    w.bot.courier.drain()
    assert a.id is not None
    return a.id


def reminders(w: World, at: datetime) -> tuple[str, str]:
    w.clock.set(at)
    [o] = run_task(TASKS["approval-reminders"], at, w.tasks)
    return o.status, o.detail


def deadlines(w: World, at: datetime) -> tuple[str, str]:
    w.clock.set(at)
    [o] = run_task(TASKS["job-deadlines"], at, w.tasks)
    return o.status, o.detail


def stored(w: World, approval_id: int) -> Approval:
    with w.bot.db.read() as s:
        a = approvals.get(s, TEAM, approval_id)
    assert a is not None
    return a


def actions(message: dict) -> list[tuple[str, str]]:
    return [
        (e["action_id"], e["value"])
        for b in message.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def contexts(message: dict) -> list[str]:
    return [e["text"] for b in message["blocks"] if b["type"] == "context" for e in b["elements"]]


def answers(w: World) -> list[str]:
    return [c.args["text"] for c in w.fake.calls_to("response_url")]


def history(w: World, approval_id: int) -> list[tuple[str, str, str]]:
    with w.bot.db.read() as s:
        return [(e.actor, e.action, e.note) for e in approvals.events(s, TEAM, [approval_id])]


# --- approval-reminders -----------------------------------------------------------------------
def test_reminded_once_after_4_working_hours_then_escalated_after_a_working_day(
    world: World,
) -> None:
    aid = file_request(world, FRI_15)
    assert len(world.fake.dms("U0AM1")) == 1 and len(world.fake.dms("U0AE1")) == 1
    ok = "· delivered 0, pending 0, failed 0, expired 0"
    assert reminders(world, FRI_18) == ("sent", f"0 reminded, 0 escalated {ok}")  # 3 h
    assert reminders(world, SAT_10) == ("day-off", "2026-11-28")
    assert len(world.fake.dms("U0AM1")) == 1

    # Monday 10:00: 3 h on Friday and 1 h on Monday
    assert reminders(world, MON_10) == (
        "sent", "1 reminded, 0 escalated · delivered 1, pending 0, failed 0, expired 0"
    )  # fmt: skip
    reminder = world.fake.dms("U0AM1")[1]
    assert reminder["text"] == "提醒：<@U0AE1> 的客户佣金等你审批"
    assert reminder["blocks"][0]["text"]["text"].startswith("<@U0AE1> 请你审批客户佣金：*Nike 7%*")
    assert contexts(reminder) == ["提醒：这项申请自 周五 11月27日 15:00 起等你审批。"]
    assert actions(reminder) == [("approval_approve", str(aid)), ("approval_reject", str(aid))]
    a = stored(world, aid)
    assert a.reminded_at is not None and a.escalated_at is None
    assert reminders(world, MON_11)[1].startswith("0 reminded, 0 escalated")
    assert len(world.fake.dms("U0AM1")) == 2  # once

    # Before the escalation, the approver's manager may not decide.
    world.slack.click("approval_approve", str(aid), user="U0AD1")
    world.slack.wait_for("response_url")
    assert answers(world) == ["这项申请在等 <@U0AM1> 审批，你不能决定。没有做任何改动。"]

    # Monday 15:00: one working day since Friday 15:00
    assert reminders(world, MON_15)[1].startswith("0 reminded, 1 escalated · delivered 1")
    [escalation] = world.fake.dms("U0AD1")
    assert escalation["text"] == "升级：<@U0AE1> 的客户佣金等 <@U0AM1> 审批已超时"
    assert contexts(escalation) == [
        "<@U0AM1> 自 周五 11月27日 15:00 起一直没有处理，现转给你，你可以直接决定。"
    ]
    assert actions(escalation) == [("approval_approve", str(aid)), ("approval_reject", str(aid))]
    assert len(world.fake.dms("U0AE1")) == 1  # the requester hears nothing more
    assert len(world.fake.dms("U0AM1")) == 2
    a = stored(world, aid)
    assert (a.escalated_at is not None, a.escalated_to) == (True, "U0AD1")
    assert [h for h in history(world, aid) if h[0] == "aebot" and h[1] != "routed"] == [
        ("aebot", "reminded", "U0AM1"),
        ("aebot", "escalated", "U0AD1"),
    ]
    assert reminders(world, datetime(2026, 11, 30, 16, 0, tzinfo=SH))[1].startswith("0 reminded")

    # Someone else still may not; the manager now may.
    world.slack.click("approval_approve", str(aid), user="U0AE2")
    world.slack.wait_for("response_url", 2)
    assert answers(world)[1] == (
        "This is waiting for <@U0AM1>; you cannot decide it. Nothing was changed."
    )
    assert stored(world, aid).status == "pending"
    world.slack.click("approval_approve", str(aid), user="U0AD1", channel="D0U0AD1")
    assert wait_until(lambda: stored(world, aid).status == "approved")
    assert stored(world, aid).decided_by == "U0AD1"
    assert wait_until(lambda: len(world.fake.dms("U0AE1")) == 2)
    assert world.fake.dms("U0AE1")[1]["text"] == "✅ <@U0AD1> 批准了你的客户佣金「Nike 7%」。"
    # the escalation and the reminder are redrawn: buttons gone
    assert wait_until(lambda: actions(world.fake.dms("U0AD1")[0]) == [])
    assert wait_until(lambda: all(actions(m) == [] for m in world.fake.dms("U0AM1")))


def test_a_request_decided_before_the_reminder_gets_none(world: World) -> None:
    aid = file_request(world, FRI_15)
    world.clock.set(datetime(2026, 11, 27, 16, 0, tzinfo=SH))
    world.slack.click("approval_approve", str(aid), user="U0AM1", channel="D0U0AM1")
    assert wait_until(lambda: stored(world, aid).status == "approved")
    assert reminders(world, MON_10)[1].startswith("0 reminded, 0 escalated")
    assert reminders(world, MON_15)[1].startswith("0 reminded, 0 escalated")
    assert len(world.fake.dms("U0AM1")) == 1 and world.fake.dms("U0AD1") == []


def test_both_limits_past_at_once_and_an_approver_with_no_manager(world: World) -> None:
    """An AM's request waits for the AD, who has no manager: reminded, not escalated; once the
    AD reports to a GM, the GM gets it (in English when that is the GM's language)."""
    aid = file_request(world, FRI_15, requester="U0AM1", approver="U0AD1", title="Coke 12%")
    assert reminders(world, MON_15)[1].startswith(
        "1 reminded, 0 escalated, 1 with no manager to escalate to ·"
    )
    assert len(world.fake.dms("U0AD1")) == 2
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0GM", MON_15, name="Wu GM", role="gm", language="en")
        queries.upsert_member(s, TEAM, "U0AD1", MON_15, manager_id="U0GM")
    assert reminders(world, datetime(2026, 11, 30, 16, 0, tzinfo=SH))[1].startswith(
        "0 reminded, 1 escalated"
    )
    [to_gm] = world.fake.dms("U0GM")
    assert (
        to_gm["text"] == "Escalated: <@U0AM1>'s client commission has waited too long for <@U0AD1>"
    )
    assert actions(to_gm) == [("approval_approve", str(aid)), ("approval_reject", str(aid))]


def test_after_a_reroute_the_new_approver_is_reminded_in_turn(world: World) -> None:
    """The reminder's outbox key is the request's and the recipient's: a decision cancels it by
    the request's prefix, and a request rerouted from someone who left is reminded again."""
    aid = file_request(world, FRI_15)
    reminders(world, MON_10)
    with world.bot.db.read() as s:
        keys = [m.key for m in outbox.listing(s, ("delivered",)) if m.job == "approval-reminders"]
    assert keys == [f"approval-reminders:{aid}:remind:U0AM1"]
    rerouted_at = datetime(2026, 11, 30, 10, 30, tzinfo=SH)
    world.clock.set(rerouted_at)
    with world.bot.db.write() as s:
        assert reroute_from(world.bot.engine, s, TEAM, "U0AM1", "U0AD1", rerouted_at) == 1
    world.bot.courier.drain()
    assert len(world.fake.dms("U0AD1")) == 1  # the request, rerouted
    assert reminders(world, MON_15)[1].startswith("1 reminded, 0 escalated")  # 4.5 h later
    reminder = world.fake.dms("U0AD1")[1]
    assert reminder["text"] == "提醒：<@U0AE1> 的客户佣金等你审批"
    assert contexts(reminder) == ["提醒：这项申请自 周一 11月30日 10:30 起等你审批。"]
    assert stored(world, aid).reminded_at is not None


def test_no_reminder_is_sent_on_a_day_off_even_long_after(world: World) -> None:
    file_request(world, FRI_15)
    assert reminders(world, SAT_10) == ("day-off", "2026-11-28")
    assert reminders(world, datetime(2026, 11, 29, 15, 0, tzinfo=SH)) == ("day-off", "2026-11-29")
    assert len(world.fake.dms("U0AM1")) == 1 and world.fake.dms("U0AD1") == []


# --- job-deadlines ----------------------------------------------------------------------------
def add_job(
    w: World, number: str, owner: str, client: str, internal: datetime, deadline: datetime,
    status: str = "open", project: str = "春季KV",
) -> int:  # fmt: skip
    with w.bot.db.write() as s:
        c = s.exec(select(Client).where(Client.name == client)).one()
        dept = {"CR": "creative", "DS": "design", "PR": "production"}[number[:2]]
        job = Job(
            team_id=TEAM, number=number, department=dept, month=int(number[3:9]),
            seq=int(number[10:12]), client_id=c.id, project=project, job_type="KV",
            brief="目标：春季上新；受众：18-30 岁；交付：主视觉 3 稿", deadline=deadline,
            internal_deadline=internal, owner_id=owner, issued_by=owner, status=status,
        )  # fmt: skip
        s.add(job)
        s.flush()
        assert job.id is not None
        return job.id


def test_each_owner_gets_one_dm_with_jobs_due_within_a_working_day_and_overdue(
    world: World,
) -> None:
    tue_09, tue_1330 = (
        datetime(2026, 12, 1, 9, 0, tzinfo=SH),
        datetime(2026, 12, 1, 13, 30, tzinfo=SH),
    )
    add_job(world, "CR-202611-01", "U0AE1", "Nike", tue_09, tue_1330)  # due tomorrow
    add_job(world, "DS-202611-01", "U0AE1", "可口可乐", datetime(2026, 11, 27, 12, 0, tzinfo=SH),
            datetime(2026, 11, 27, 16, 30, tzinfo=SH), project="门店海报")  # fmt: skip
    add_job(world, "PR-202611-01", "U0AE1", "Nike", datetime(2026, 12, 7, 12, 0, tzinfo=SH),
            datetime(2026, 12, 7, 16, 30, tzinfo=SH))  # next week  # fmt: skip
    add_job(world, "CR-202611-02", "U0AE1", "Nike", datetime(2026, 11, 20, 12, 0, tzinfo=SH),
            datetime(2026, 11, 20, 16, 30, tzinfo=SH), status="closed")  # fmt: skip
    add_job(world, "CR-202611-03", "U0AE2", "Coca Cola Bottling",
            datetime(2026, 12, 8, 12, 0, tzinfo=SH), datetime(2026, 12, 8, 16, 30, tzinfo=SH))  # fmt: skip
    add_job(world, "CR-202611-04", "U0AM1", "Nike", datetime(2026, 11, 26, 12, 0, tzinfo=SH),
            datetime(2026, 11, 26, 16, 30, tzinfo=SH), status="pending")  # fmt: skip

    assert deadlines(world, datetime(2026, 11, 28, 9, 0, tzinfo=SH)) == ("day-off", "2026-11-28")
    assert world.fake.calls_to("chat.postMessage") == []

    assert deadlines(world, MON_09) == (
        "sent", "1 DMs, 1 due soon, 1 overdue · delivered 1, pending 0, failed 0, expired 0"
    )  # fmt: skip
    [dm] = world.fake.dms("U0AE1")
    assert dm["text"] == "工作单提醒：1 个一个工作日内到期，1 个已逾期。"
    body = dm["blocks"][0]["text"]["text"].split("\n")
    assert body == [
        "以下工作单需要跟进（按内部截止时间排序）：",
        "",
        "*已逾期（1 个）*",
        "`DS-202611-01` 门店海报 · 可口可乐 — 内部截止 周五 11月27日 12:00，客户截止 周五 11月27日 16:30",
        "",
        "*一个工作日内到期（1 个）*",
        "`CR-202611-01` 春季KV · Nike — 内部截止 周二 12月1日 09:00，客户截止 周二 12月1日 13:30",
    ]
    assert contexts(dm) == ["交付后用 `/job close 工作号` 消单。"]
    assert world.fake.dms("U0AE2") == [] and world.fake.dms("U0AM1") == []
    assert deadlines(world, datetime(2026, 11, 30, 9, 5, tzinfo=SH))[0] == "already-ran"
    assert len(world.fake.dms("U0AE1")) == 1


def test_the_deadline_dm_in_english(world: World) -> None:
    add_job(world, "CR-202611-03", "U0AE2", "Coca Cola Bottling",
            datetime(2026, 11, 30, 17, 0, tzinfo=SH), datetime(2026, 12, 1, 12, 30, tzinfo=SH))  # fmt: skip
    assert deadlines(world, MON_09)[1].startswith("1 DMs, 1 due soon, 0 overdue")
    [dm] = world.fake.dms("U0AE2")
    assert dm["text"] == "Jobs: 1 due within one working day."  # no "0 overdue"
    assert dm["blocks"][0]["text"]["text"].split("\n")[2:] == [
        "*Due within one working day (1 job)*",
        "`CR-202611-03` 春季KV · Coca Cola Bottling — internal deadline Mon 30 Nov 17:00, "
        "client's deadline Tue 1 Dec 12:30",
    ]


# --- App Home ---------------------------------------------------------------------------------
def home_blocks(w: World, user: str, n: int = 1) -> list[dict]:
    w.slack.home_opened(user)
    calls = [c for c in w.slack.wait_for("views.publish", n) if c.args["user_id"] == user]
    return calls[-1].args["view"]["blocks"]


def test_an_approver_sees_what_waits_with_the_buttons_and_their_open_jobs(world: World) -> None:
    world.clock.set(MON_10)
    aid = file_request(world, MON_10)
    add_job(world, "CR-202611-05", "U0AM1", "Nike", datetime(2026, 12, 2, 12, 0, tzinfo=SH),
            datetime(2026, 12, 2, 16, 30, tzinfo=SH), project="年会视频")  # fmt: skip
    blocks = home_blocks(world, "U0AM1")
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert "*等你审批（1 项）*" in texts
    assert any(t.startswith("<@U0AE1> 请你审批客户佣金：*Nike 7%*") for t in texts)
    assert actions({"blocks": blocks}) == [
        ("approval_approve", str(aid)), ("approval_reject", str(aid))
    ]  # fmt: skip
    assert texts[2] == (
        "*我发起的工作单*\n`CR-202611-05` 年会视频 · Nike · *已批准，待接单* · "
        "内部截止 周三 12月2日 12:00 · 尚未分派"
    )
    world.slack.click("approval_approve", str(aid), user="U0AM1", channel="D0U0AM1")
    assert wait_until(lambda: stored(world, aid).status == "approved")
    after = home_blocks(world, "U0AM1", 2)
    assert "没有等你审批的申请。" in str(after) and actions({"blocks": after}) == []


def test_an_ae_sees_no_approvals_section_and_escalated_ones_reach_the_manager_s_home(
    world: World,
) -> None:
    aid = file_request(world, FRI_15)
    ae = home_blocks(world, "U0AE1")
    assert "等你审批" not in str(ae) and "没有等你审批" not in str(ae)
    reminders(world, MON_15)
    blocks = home_blocks(world, "U0AD1", 2)
    assert actions({"blocks": blocks}) == [
        ("approval_approve", str(aid)), ("approval_reject", str(aid))
    ]  # fmt: skip
    assert "现转给你" in str(blocks)


def test_a_delegate_sees_what_was_delegated_to_them(world: World) -> None:
    world.clock.set(MON_10)
    aid = file_request(world, MON_10)
    with world.bot.db.write() as s:
        approvals.delegate(s, TEAM, "U0AM1", "U0AE2", datetime(2026, 12, 4).date(), MON_10)
    blocks = home_blocks(world, "U0AE2")
    assert actions({"blocks": blocks}) == [
        ("approval_approve", str(aid)), ("approval_reject", str(aid))
    ]  # fmt: skip
    assert "You decide this on behalf of <@U0AM1>." in str(blocks)


def test_the_home_stays_within_100_blocks_with_many_waiting(world: World) -> None:
    world.clock.set(MON_10)
    with world.bot.db.write() as s:
        for i in range(60):
            ask(world.bot, s,
                Filing(TEAM, "commission", "U0AE1", f"Nike {i}%", reason="x",
                       amount=Decimal("7")), "U0AM1", MON_10)  # fmt: skip
    blocks = home_blocks(world, "U0AM1")
    assert len(blocks) <= 100
    assert "*等你审批（60 项）*" in str(blocks)
    shown = len(actions({"blocks": blocks})) // 2
    assert 20 < shown < 60
    assert f"……另有 {60 - shown} 项未列出。" in str(blocks)
