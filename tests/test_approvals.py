"""The approval engine, for every kind of request: the approver's DM and its buttons, the
decision stored once and shown in place, the requester told exactly once, and every click that
may not decide refused with nothing changed."""

from __future__ import annotations

import threading
from datetime import datetime
from decimal import Decimal

from sqlmodel import select

from bot.rules.approvals import Shown
from storage import approvals, queries
from storage.approvals import Filing
from storage.models import Approval, ApprovalEvent
from tests.conftest import ADMIN, SH, TEAM, World, ask, wait_until

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=SH)


def file_request(w: World, requester: str = "U0AE1", approver: str = "U0AM1") -> int:
    """A commission request filed through the engine, its DMs delivered."""
    filing = Filing(
        TEAM, "commission", requester, "Nike 4%",
        fields=[Shown("authority.f.client", "Nike"), Shown("authority.f.amount", "4%")],
        reason="客户要求提高一季度返点", amount=Decimal("4"), via="command",
    )  # fmt: skip
    with w.bot.db.write() as s:
        a = ask(w.bot, s, filing, approver, w.clock.now())
    w.bot.courier.drain()
    assert a.id is not None
    return a.id


def stored(w: World, approval_id: int) -> Approval:
    with w.bot.db.read() as s:
        a = approvals.get(s, TEAM, approval_id)
    assert a is not None
    return a


def buttons(message: dict) -> list[str]:
    return [
        e["text"]["text"]
        for b in message.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def answers(w: World) -> list[str]:
    return [c.args["text"] for c in w.fake.calls_to("response_url")]


def test_the_approver_gets_a_dm_with_approve_and_reject_and_the_requester_a_copy(
    world: World,
) -> None:
    file_request(world)
    [ask_dm] = world.fake.dms("U0AM1")
    assert ask_dm["text"] == "<@U0AE1> 请你审批客户佣金：Nike 4%"
    assert buttons(ask_dm) == ["批准", "驳回"]
    body = "\n".join(b["text"]["text"] for b in ask_dm["blocks"] if b["type"] == "section")
    assert "理由：客户要求提高一季度返点" in body
    [copy] = world.fake.dms("U0AE1")
    assert buttons(copy) == ["撤回"]
    assert "已提交给 <@U0AM1> 审批" in copy["text"]


def test_approve_updates_the_dm_in_place_and_tells_the_requester_once(world: World) -> None:
    aid = file_request(world)
    world.slack.click("approval_approve", str(aid), user="U0AM1", channel="D0U0AM1")
    assert wait_until(lambda: len(world.fake.dms("U0AE1")) == 2)
    a = stored(world, aid)
    assert (a.status, a.decided_by) == ("approved", "U0AM1")
    [ask_dm] = world.fake.dms("U0AM1")  # the same message, redrawn
    assert wait_until(lambda: buttons(world.fake.dms("U0AM1")[0]) == [])
    ask_dm = world.fake.dms("U0AM1")[0]
    assert "✅ <@U0AM1> 已批准" in ask_dm["blocks"][-1]["text"]["text"]
    told = world.fake.dms("U0AE1")[1]
    assert told["text"] == "✅ <@U0AM1> 批准了你的客户佣金「Nike 4%」。"
    assert wait_until(lambda: buttons(world.fake.dms("U0AE1")[0]) == [])  # copy: Withdraw gone
    copy = world.fake.dms("U0AE1")[0]
    assert copy["text"] == "你的客户佣金：Nike 4%"
    assert copy["blocks"][-1]["text"]["text"].startswith("✅ <@U0AM1> 已批准")
    with world.bot.db.read() as s:
        actions = [e.action for e in approvals.events(s, TEAM, [aid])]
    assert actions == ["filed", "routed", "approved"]


def test_a_second_click_changes_nothing_and_the_requester_hears_once(world: World) -> None:
    aid = file_request(world)
    world.slack.click("approval_approve", str(aid), user="U0AM1")
    assert wait_until(lambda: stored(world, aid).status == "approved")
    world.slack.click("approval_approve", str(aid), user="U0AM1")
    world.slack.wait_for("response_url")
    assert answers(world)[0].startswith("这项申请已经处理过了：✅ <@U0AM1> 已批准")
    assert wait_until(lambda: len(world.fake.dms("U0AE1")) == 2)
    world.bot.courier.drain()
    assert len(world.fake.dms("U0AE1")) == 2  # the copy, and one decision


def test_two_deciders_at_once_one_decision_stands(world: World) -> None:
    aid = file_request(world)
    clicks = [
        threading.Thread(target=world.slack.click, args=("approval_approve", str(aid)),
                         kwargs={"user": who})
        for who in ("U0AM1", ADMIN, "U0AM1", ADMIN)
    ]  # fmt: skip
    for c in clicks:
        c.start()
    for c in clicks:
        c.join()
    assert wait_until(lambda: len(world.fake.calls_to("response_url")) == 3)
    assert wait_until(lambda: len(world.fake.dms("U0AE1")) == 2)
    world.bot.courier.drain()
    assert len(world.fake.dms("U0AE1")) == 2
    with world.bot.db.read() as s:
        decided = s.exec(select(ApprovalEvent).where(ApprovalEvent.action == "approved")).all()
    assert len(decided) == 1
    assert all(t.startswith("这项申请已经处理过了") for t in answers(world))


def test_anyone_else_is_told_who_it_waits_for_and_nothing_changes(world: World) -> None:
    aid = file_request(world)
    world.slack.click("approval_approve", str(aid), user="U0AE2")
    world.slack.wait_for("response_url")
    assert answers(world) == [
        "This is waiting for <@U0AM1>; you cannot decide it. Nothing was changed."
    ]
    world.slack.click("approval_reject", str(aid), user="U0AAE")
    world.slack.wait_for("response_url", 2)
    assert answers(world)[1] == "这项申请在等 <@U0AM1> 审批，你不能决定。没有做任何改动。"
    assert world.fake.calls_to("views.open") == []
    assert stored(world, aid).status == "pending"


def test_the_requester_never_approves_their_own(world: World) -> None:
    aid = file_request(world, requester="U0AM1", approver="U0AD1")
    world.slack.click("approval_approve", str(aid), user="U0AM1")
    world.slack.wait_for("response_url")
    assert answers(world) == ["不能审批自己提交的申请。它在等 <@U0AD1> 审批。"]
    assert stored(world, aid).status == "pending"


def test_reject_asks_for_a_reason_and_refuses_a_blank_one(world: World) -> None:
    aid = file_request(world)
    world.slack.click("approval_reject", str(aid), user="U0AM1")
    [modal] = [v for v in world.slack.wait_for("views.open") and world.fake.views()]
    assert modal["callback_id"] == "approval_reject_form"
    blank = world.slack.submit(modal, {"reason": "   "}, user="U0AM1")
    assert blank.json()["errors"] == {"reason": "请写明驳回理由：申请人需要知道要改什么。"}
    assert stored(world, aid).status == "pending"
    ok = world.slack.submit(modal, {"reason": "返点超出本季度预算"}, user="U0AM1")
    assert ok.status_code == 200 and not ok.text
    a = stored(world, aid)
    assert (a.status, a.decision_note) == ("rejected", "返点超出本季度预算")
    assert wait_until(lambda: len(world.fake.dms("U0AE1")) == 2)
    told = world.fake.dms("U0AE1")[1]
    assert told["text"] == "❌ <@U0AM1> 驳回了你的客户佣金「Nike 4%」。\n理由：返点超出本季度预算"
    assert wait_until(lambda: "已驳回" in world.fake.dms("U0AM1")[0]["blocks"][-1]["text"]["text"])


def test_a_reject_form_submitted_after_someone_approved_says_so(world: World) -> None:
    aid = file_request(world)
    world.slack.click("approval_reject", str(aid), user="U0AM1")
    world.slack.wait_for("views.open")
    [modal] = world.fake.views()
    world.slack.click("approval_approve", str(aid), user=ADMIN)
    assert wait_until(lambda: stored(world, aid).status == "approved")
    late = world.slack.submit(modal, {"reason": "no"}, user="U0AM1")
    assert late.json()["errors"]["reason"].startswith("这项申请已经处理过了：✅ <@U0ADMIN> 已批准")
    assert stored(world, aid).decided_by == ADMIN


def test_the_requester_withdraws_while_pending(world: World) -> None:
    aid = file_request(world)
    world.slack.click("approval_withdraw", str(aid), user="U0AM1")
    world.slack.wait_for("response_url")
    assert answers(world) == ["只有申请人 <@U0AE1> 可以撤回。没有做任何改动。"]
    world.slack.click("approval_withdraw", str(aid), user="U0AE1")
    world.slack.wait_for("response_url", 2)
    assert answers(world)[1] == "已撤回你的客户佣金「Nike 4%」，并通知了 <@U0AM1>。"
    assert stored(world, aid).status == "withdrawn"
    assert wait_until(lambda: "已撤回" in world.fake.dms("U0AM1")[0]["blocks"][-1]["text"]["text"])
    assert buttons(world.fake.dms("U0AM1")[0]) == []
    world.slack.click("approval_approve", str(aid), user="U0AM1")
    world.slack.wait_for("response_url", 3)
    assert answers(world)[2].startswith("这项申请已经处理过了：↩️ <@U0AE1> 已撤回")


def test_forged_values_change_nothing(world: World) -> None:
    file_request(world)
    for value in ("", "abc", "999999", "-1", "1; DROP TABLE approval"):
        world.slack.click("approval_approve", value, user="U0AM1")
    world.slack.wait_for("response_url", 5)
    assert set(answers(world)) == {"找不到这项申请，可能已被删除。没有做任何改动。"}
    with world.bot.db.read() as s:
        assert [a.status for a in s.exec(select(Approval))] == ["pending"]


def test_an_approver_removed_from_the_team_hands_the_request_to_their_manager(
    world: World,
) -> None:
    aid = file_request(world)
    r = world.slack.command("/aebot", "team remove <@U0AM1|qian>", user=ADMIN)
    assert r.status_code == 200
    assert wait_until(lambda: len(world.fake.dms("U0AD1")) >= 1)
    a = stored(world, aid)
    assert a.approver_id == "U0AD1"
    [to_ad] = [m for m in world.fake.dms("U0AD1") if buttons(m) == ["批准", "驳回"]]
    assert "<@U0AM1> 已不在团队中，这项申请改由你审批。" in str(to_ad["blocks"])
    assert wait_until(lambda: any("改由 <@U0AD1> 审批" in m["text"]
                                  for m in world.fake.dms("U0AE1")))  # fmt: skip
    world.slack.click("approval_approve", str(aid), user="U0AD1")
    assert wait_until(lambda: stored(world, aid).status == "approved")


def test_an_approver_slack_says_is_inactive_never_holds_a_request(world: World) -> None:
    world.fake.deactivate("U0AM1")
    filing = Filing(TEAM, "commission", "U0AE1", "Nike 4%", reason="返点", amount=Decimal("4"))
    with world.bot.db.write() as s:
        a = ask(world.bot, s, filing, "U0AM1", world.clock.now())
    world.bot.courier.drain()
    assert wait_until(lambda: stored(world, a.id or 0).approver_id == "U0AD1")
    world.bot.courier.drain()  # (a drain on the worker may hold them a moment longer)
    assert wait_until(lambda: any(buttons(m) == ["批准", "驳回"] for m in world.fake.dms("U0AD1")))
    assert wait_until(
        lambda: any("<@U0AM1> 已不在团队中" in m["text"] for m in world.fake.dms("U0AE1"))
    )
    with world.bot.db.read() as s:
        assert queries.get_member(s, TEAM, "U0AM1") is not None  # Slack said so; not removed
