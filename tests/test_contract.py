"""Contract review (合同审核, 002 第二条: 先经客户总监审核，再请客户支持主管做最终审核) through
signed requests and the fake Slack: a chain of two signatures, step by step — each step's
signer gets the buttons once the one before approved, the requester is told at each step, a
rejection at any step ends it, and reminders and escalation run per step.

Team: U0GM (gm) ← U0AD1 (ad) ← U0AM1 (am) ← U0AE1 (ae, zh), U0AE2 (ae, en); U0CS (cs) ← U0GM.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from sandbox.driver import TEAM
from scheduler.timetable import TASKS, run_task
from storage import approvals, queries
from storage.models import Approval, OutboxMessage
from tests.asking import dms, say
from tests.conftest import SH, World, wait_until
from tests.messages import buttons, text_of

MON_10 = datetime(2026, 11, 23, 10, 0, tzinfo=SH)


def team(w: World) -> None:
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0GM", MON_10, name="Wu GM", role="gm")
        queries.upsert_member(s, TEAM, "U0AD1", MON_10, manager_id="U0GM")
        queries.upsert_member(
            s, TEAM, "U0CS", MON_10, name="Xiang CS", role="cs", manager_id="U0GM"
        )


def request(w: World) -> Approval:
    with w.bot.db.read() as s:
        [a] = s.exec(select(Approval).order_by(col(Approval.id))).all()
    return a


def file_contract(w: World) -> Approval:
    team(w)
    w.clock.set(MON_10)
    assert say(w, "request contract Nike 付款期改为60天，增加违约条款") == (
        "已提交给 <@U0AD1> 审批：合同审核「Nike」。有结果时会私信告诉你。\n"
        "审批顺序：<@U0AD1> → <@U0CS>，前一位批准后才交给下一位。"
    )
    return request(w)


def history(w: World, a: Approval) -> list[tuple[str, str]]:
    with w.bot.db.read() as s:
        return [(e.actor, e.action) for e in approvals.events(s, TEAM, [a.id or 0])]


def test_the_director_then_the_customer_support_head_each_signs_in_turn(world: World) -> None:
    a = file_contract(world)
    [to_ad] = dms(world, "U0AD1", 1)
    assert [b[0] for b in buttons(to_ad)] == ["批准", "驳回"]
    assert "审批进度（第 1/2 步）：⏳ <@U0AD1> → · <@U0CS>" in text_of(to_ad)
    assert world.fake.dms("U0CS") == []  # not before the director approved
    world.slack.click("approval_approve", str(a.id), user="U0AD1")
    [to_cs] = dms(world, "U0CS", 1)
    assert [b[0] for b in buttons(to_cs)] == ["批准", "驳回"]
    assert "审批进度（第 2/2 步）：✅ <@U0AD1> → ⏳ <@U0CS>" in text_of(to_cs)
    step = request(world)
    assert (step.status, step.step, step.approver_id) == ("pending", 1, "U0CS")
    told = dms(world, "U0AE1", 2)[-1]
    assert told["text"] == (
        "✍️ <@U0AD1> 已签署你的合同审核「Nike」（第 1/2 步），现在等 <@U0CS> 审批。"
    )
    # the director's DM is redrawn: signed, no buttons, where it is now
    assert wait_until(lambda: buttons(world.fake.dms("U0AD1")[0]) == [])
    assert "✍️ 你已签署，现在等 <@U0CS> 审批。" in text_of(world.fake.dms("U0AD1")[0])
    # a second click of the director changes nothing
    world.slack.click("approval_approve", str(a.id), user="U0AD1")
    assert wait_until(lambda: len(world.fake.calls_to("response_url")) >= 1)
    assert request(world).step == 1
    world.slack.click("approval_approve", str(a.id), user="U0CS")
    assert wait_until(lambda: request(world).status == "approved")
    final = dms(world, "U0AE1", 3)[-1]
    assert final["text"] == "✅ <@U0CS> 批准了你的合同审核「Nike」。"
    assert history(world, a) == [
        ("U0AE1", "filed"),
        ("aebot", "routed"),
        ("U0AD1", "signed"),
        ("aebot", "routed"),
        ("U0CS", "approved"),
    ]


def test_a_rejection_at_the_second_step_ends_it(world: World) -> None:
    a = file_contract(world)
    world.slack.click("approval_approve", str(a.id), user="U0AD1")
    dms(world, "U0CS", 1)
    world.slack.click("approval_reject", str(a.id), user="U0CS")
    assert wait_until(lambda: len(world.fake.views()) == 1)
    world.slack.submit(world.fake.views()[-1], {"reason": "违约条款需律师看"}, user="U0CS")
    assert wait_until(lambda: request(world).status == "rejected")
    told = dms(world, "U0AE1", 3)[-1]
    assert told["text"] == "❌ <@U0CS> 驳回了你的合同审核「Nike」。\n理由：违约条款需律师看"


def test_a_rejection_at_the_first_step_never_reaches_the_second(world: World) -> None:
    a = file_contract(world)
    world.slack.click("approval_reject", str(a.id), user="U0AD1")
    assert wait_until(lambda: len(world.fake.views()) == 1)
    world.slack.submit(world.fake.views()[-1], {"reason": "先和客户谈"}, user="U0AD1")
    assert wait_until(lambda: request(world).status == "rejected")
    world.bot.courier.drain()
    assert world.fake.dms("U0CS") == []


def test_the_customer_support_head_cannot_sign_before_the_director(world: World) -> None:
    a = file_contract(world)
    world.slack.click("approval_approve", str(a.id), user="U0CS")
    assert wait_until(lambda: len(world.fake.calls_to("response_url")) >= 1)
    said = world.fake.calls_to("response_url")[0].args["text"]
    assert said == "这项申请在等 <@U0AD1> 审批，你不能决定。没有做任何改动。"
    assert (request(world).status, request(world).step) == ("pending", 0)


def test_reminders_and_escalation_run_per_step(world: World) -> None:
    a = file_contract(world)
    tue_10 = datetime(2026, 11, 24, 10, 0, tzinfo=SH)
    world.clock.set(tue_10)
    [run] = run_task(TASKS["approval-reminders"], tue_10, world.tasks)
    assert run.detail.startswith("1 reminded, 1 escalated"), run.detail  # the director, to the GM
    world.bot.courier.drain()
    world.slack.click("approval_approve", str(a.id), user="U0AD1")
    assert wait_until(lambda: request(world).step == 1)
    dms(world, "U0CS", 1)  # the second step's ask is out before its reminder (after the ack)
    signed_at = request(world).routed_at
    assert signed_at == tue_10.astimezone(signed_at.tzinfo)
    at = datetime(2026, 11, 24, 15, 0, tzinfo=SH)  # five working hours on: the second step's clock
    world.clock.set(at)
    [run] = run_task(TASKS["approval-reminders"], at, world.tasks)
    assert run.detail.startswith("1 reminded, 0 escalated"), run.detail
    world.bot.courier.drain()
    reminder = dms(world, "U0CS", 2)[-1]
    assert reminder["text"] == "提醒：<@U0AE1> 的合同审核等你审批"
    wed_11 = datetime(2026, 11, 25, 11, 0, tzinfo=SH)
    world.clock.set(wed_11)
    [run] = run_task(TASKS["approval-reminders"], wed_11, world.tasks)
    assert run.detail.startswith("0 reminded, 1 escalated"), run.detail
    world.bot.courier.drain()  # (a drain on the worker may hold the row a moment longer)
    assert wait_until(lambda: request(world).escalated_to == "U0GM")
    with world.bot.db.read() as s:
        keys = sorted(m.key for m in s.exec(select(OutboxMessage)) if m.job == "approval-reminders")
    assert keys == [
        f"approval-reminders:{a.id}:escalate:U0GM",
        f"approval-reminders:{a.id}:escalate:U0GM:s1",
        f"approval-reminders:{a.id}:remind:U0AD1",
        f"approval-reminders:{a.id}:remind:U0CS:s1",
    ]


def test_a_slack_500_on_each_signers_dm_still_delivers_each_once(world: World) -> None:
    team(world)
    world.fake.inject("chat.postMessage", "http500", times=1, channels=["U0AD1"])
    world.fake.inject("chat.postMessage", "http500", times=1, channels=["U0CS"])
    say(world, "request contract Nike 付款期改为60天")
    a = request(world)
    world.bot.courier.drain()
    assert wait_until(lambda: len(world.fake.dms("U0AD1")) == 1)
    world.slack.click("approval_approve", str(a.id), user="U0AD1")
    assert wait_until(lambda: request(world).step == 1)
    world.bot.courier.drain()
    assert wait_until(lambda: len(world.fake.dms("U0CS")) == 1)
    world.bot.courier.drain()
    assert len(world.fake.dms("U0AD1")) == 1 and len(world.fake.dms("U0CS")) == 1


def test_without_a_customer_support_head_nothing_is_stored(world: World) -> None:
    assert say(world, "request contract Nike 改付款期", user="U0AE2") == (
        "A contract's final review is the customer-support head's, and the team has none yet. "
        "An admin names one with `/aebot team set @someone role cs`."
    )
    with world.bot.db.read() as s:
        assert s.exec(select(Approval)).all() == []
