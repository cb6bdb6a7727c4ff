"""The travel advance (差旅费申请, 001: 出差提前向行政财务人员申请差旅费，由总经理审核签字),
through signed requests and the fake Slack: always the general manager's, finance copied once
approved, the trip's days read and never in the past, in Chinese and English.

Team: U0GM (gm) ← U0AD1 (ad) ← U0AM1 (am) ← U0AE1 (ae, zh), U0AE2 (ae, en); U0FIN (fin).
"""

from __future__ import annotations

from datetime import datetime

from sandbox.driver import TEAM
from storage import queries
from tests.asking import dms, requests, say
from tests.conftest import SH, World, wait_until
from tests.messages import buttons, text_of

MON_10 = datetime(2026, 11, 23, 10, 0, tzinfo=SH)


def team(w: World, *, gm: bool = True) -> None:
    with w.bot.db.write() as s:
        if gm:
            queries.upsert_member(s, TEAM, "U0GM", MON_10, name="Wu GM", role="gm")
            queries.upsert_member(s, TEAM, "U0AD1", MON_10, manager_id="U0GM")
        queries.upsert_member(s, TEAM, "U0FIN", MON_10, name="Qin FIN", role="fin")


def test_a_travel_advance_goes_to_the_gm_and_finance_is_copied_once_approved(
    world: World,
) -> None:
    team(world)
    said = say(world, "request travel 3000 北京 12月9日到12月11日 耐克提案")
    assert said == "已提交给 <@U0GM> 审批：差旅费申请「北京 ¥3,000」。有结果时会私信告诉你。"
    [a] = requests(world)
    assert (a.kind, a.amount, a.approver_id, a.reason) == ("travel", "3000", "U0GM", "耐克提案")
    [ask] = dms(world, "U0GM", 1)
    assert ask["text"] == "<@U0AE1> 请你审批差旅费申请：北京 ¥3,000"
    assert text_of(ask) == (
        "<@U0AE1> 请你审批差旅费申请：*北京 ¥3,000*\n*金额*：¥3,000\n*目的地*：北京\n"
        "*出发*：周三 12月9日\n*返回*：周五 12月11日\n理由：耐克提案"
    )
    assert [b[0] for b in buttons(ask)] == ["批准", "驳回"]
    assert world.fake.dms("U0FIN") == []  # finance hears of it once approved
    world.slack.click("approval_approve", str(a.id), user="U0GM")
    [copy] = dms(world, "U0FIN", 1)
    assert text_of(copy).startswith("抄送：<@U0AE1> 的差旅费申请「北京 ¥3,000」已批准。")
    assert buttons(copy) == []
    told = dms(world, "U0AE1", 2)[-1]
    assert told["text"] == "✅ <@U0GM> 批准了你的差旅费申请「北京 ¥3,000」。"


def test_in_english_with_3k_and_a_range_in_words(world: World) -> None:
    team(world)
    said = say(world, "request travel 3k Beijing Dec 9-11 Nike pitch", user="U0AE2")
    assert said == (
        "Sent to <@U0GM> for approval: travel advance “Beijing ¥3,000”. You will hear the "
        "decision in a DM."
    )
    [a] = requests(world)
    assert (a.amount, a.reason) == ("3000", "Nike pitch")


def test_even_an_account_director_asks_the_gm(world: World) -> None:
    team(world)
    say(world, "request travel ¥5,000 广州 12月9日 客户年会", user="U0AD1")
    assert requests(world)[0].approver_id == "U0GM"


def test_refusals_in_both_languages_store_nothing(world: World) -> None:
    team(world)
    cases = {
        "request travel 3000 北京 11月20日到11月21日 耐克提案": (
            "周五 11月20日 已经过去了：差旅费要在出差前申请。",
            "Fri 20 Nov is in the past: a travel advance is asked for before the trip.",
        ),
        "request travel 3000 12月9日到12月11日 耐克提案": (
            "请在金额后面写上要去的城市（一个词），再写日期。",
            "Please give the city you travel to (one word) after the amount, then the dates.",
        ),
        "request travel 3000 北京 耐克提案": (
            "请在城市后面写上出差日期，例如 12月1日到12月3日 或 12月1日至3日，或一天：12月1日。",
            "Please give the dates of the trip after the city, like Dec 1 to Dec 3 or Dec 1-3, or "
            "one day: Dec 1.",
        ),
        "request travel 30% 北京 12月9日 提案": (
            "“30%”的单位不对：这里要写金额（元），如 3000、3,000元、¥3000、3千 或 1.5万。",
            "“30%” has the wrong unit: this takes yuan, like 3000, 3,000元, ¥3000 or 3k.",
        ),
        "request travel 3000 北京 12月9日": (
            "请写上申请理由：审批人要知道为什么。",
            "Please give a reason: the approver needs to know why.",
        ),
    }
    for text, (zh, en) in cases.items():
        assert say(world, text).startswith(zh + "\n用法：`/aebot request travel"), text
        assert say(world, text, user="U0AE2").startswith(en + "\nUsage:"), text
    assert requests(world) == []


def test_the_usage_example_is_never_in_the_past(world: World) -> None:
    team(world)
    usage = say(world, "request travel")
    # Monday 23 Nov: the example trip is next week, Tuesday to Thursday
    assert "`/aebot request travel 3000 北京 12月1日到12月3日 耐克提案`" in usage
    en = say(world, "request travel", user="U0AE2")
    assert "`/aebot request travel 3000 Beijing Dec 1-3 Nike pitch`" in en
    example = usage.split("例如 `/aebot request ")[1].split("`")[0]
    assert say(world, f"request {example}").startswith("已提交给 <@U0GM>")


def test_without_a_general_manager_nobody_can_sign_and_nothing_is_stored(world: World) -> None:
    team(world, gm=False)
    assert say(world, "request travel 3000 北京 12月9日 提案") == (
        "差旅费由总经理审批，但团队里没有（其他）总经理。管理员可以用 `/aebot team set @同事 role gm` 指定。"
    )
    assert requests(world) == []


def test_a_slack_500_on_the_gms_dm_still_delivers_it_exactly_once(world: World) -> None:
    team(world)
    world.fake.inject("chat.postMessage", "http500", times=1, channels=["U0GM"])
    say(world, "request travel 3000 北京 12月9日 提案")
    world.bot.courier.drain()
    assert wait_until(lambda: len(world.fake.dms("U0GM")) == 1)
    world.bot.courier.drain()
    posts = [
        c
        for c in world.fake.calls_to("chat.postMessage")
        if c.args.get("channel") in ("U0GM", "DU0GM", "D0U0GM")
    ]
    assert len(world.fake.dms("U0GM")) == 1 and len(posts) == 2  # the 500, then the DM
