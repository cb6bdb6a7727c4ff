"""`/aebot requests [mine|waiting|all]`: where each request stands — which step, waiting for whom
since when — for the requester, the one deciding, their managers and the admins; money is for
managers, so `all` is refused to anyone else.

Team: U0AD1 (ad) ← U0AM1 (am) ← U0AE1 (ae, zh), U0AE2 (ae, en); U0AAE (aae) ← U0AE1.
"""

from __future__ import annotations

from datetime import datetime

from sandbox.driver import TEAM
from storage import queries
from storage.models import Approval
from tests.conftest import ADMIN, SH, World, wait_until

MON_10 = datetime(2026, 11, 23, 10, 0, tzinfo=SH)


def say(w: World, text: str, user: str = "U0AE1") -> dict:
    return w.slack.command("/aebot", text, user=user).json()


def lines(reply: dict) -> list[str]:
    return [b["text"]["text"] for b in reply.get("blocks") or [] if b["type"] == "section"]


def test_mine_waiting_and_all(world: World) -> None:
    world.clock.set(MON_10)
    say(world, "request commission Nike 3% 年框")  # AE1 → AM1
    say(world, "request commission Nike 7% year deal", user="U0AE2")  # AE2 → AD1
    mine = say(world, "requests")
    assert lines(mine) == [
        "*我的申请（1 项）*\n• <@U0AE1> 的客户佣金「Nike 3%」— 等 <@U0AM1> 审批，自 周一 11月23日 10:00 起"
    ]
    waiting = say(world, "requests waiting", user="U0AM1")
    assert lines(waiting) == [
        "*等你审批（1 项）*\n• <@U0AE1> 的客户佣金「Nike 3%」— 等 <@U0AM1> 审批，自 周一 11月23日 10:00 起"
    ]
    every = say(world, "requests all", user="U0AM1")  # the AM's people
    assert len(lines(every)[0].split("\n")) == 3
    assert say(world, "requests all", user="U0AE2")["text"] == (
        "Only managers and admins see the team's requests. `/aebot requests` shows your own."
    )
    assert say(world, "requests all", user=ADMIN)["text"] == "团队的申请（2 项）"


def test_a_chain_says_which_step_and_a_decision_what_it_was(world: World) -> None:
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0CS", MON_10, name="Xiang CS", role="cs")
    world.clock.set(MON_10)
    say(world, "request contract Nike payment terms to 60 days", user="U0AE2")
    reply = say(world, "requests", user="U0AE2")
    assert lines(reply) == [
        "*My requests (1)*\n• <@U0AE2>'s contract review “Nike” — waiting for <@U0AD1> (step 1 "
        "of 2) since Mon 23 Nov 10:00"
    ]
    assert say(world, "requests", user="U0AM1")["text"] == (
        "你最近 30 天没有申请，也没有在等审批的申请。"
    )
    assert say(world, "requests soon")["text"].startswith("用法：`/aebot requests`")


def sections(message: dict) -> str:
    return "\n".join(
        b["text"]["text"] for b in message.get("blocks") or [] if b["type"] == "section"
    )


def test_a_departments_requests_all_arrive_in_parts_and_none_is_cut(world: World) -> None:
    """An admin's `all` at a department's size: 300 pending requests with 100-character client
    names, each line once across the parts (the ack, then the response URL or the DM), every
    part within what the fake Slack, like Slack, accepts."""
    names = [f"{i:03d} " + "长" * 96 for i in range(300)]
    with world.bot.db.write() as s:
        s.add_all(
            Approval(
                team_id=TEAM,
                kind="commission",
                title=f"{name} 7%",
                requester_id="U0AE1",
                approver_id="U0AD1",
                status="pending",
                routed_at=MON_10,
                created_at=MON_10,
                updated_at=MON_10,
            )
            for name in names
        )
    world.clock.set(MON_10)
    for user, title in ((ADMIN, "团队的申请（300 项）"), ("U0AE2", None)):
        world.fake.reset()
        reply = world.slack.command("/aebot", "requests all", user=user).json()
        if title is None:  # an AE: money is for managers
            assert reply["text"].startswith("Only managers and admins")
            continue
        assert reply["text"].startswith(title)

        def everything(user: str = user, reply: dict = reply) -> str:
            later = [c.args for c in world.fake.calls_to("response_url")] + world.fake.dms(user)
            return "\n".join([sections(reply), *(sections(m) for m in later)])

        assert wait_until(lambda: all(n in everything() for n in names), timeout=20)
        assert all(everything().count(n) == 1 for n in names)
