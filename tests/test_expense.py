"""The expense claim (支出申请单, 002 第九条、第十条) through signed requests and the fake Slack:
signed by the requester's supervisor, charged to one of the two accounts, finance copied once
approved; a rejection ends it and finance hears nothing.

Team: U0AD1 (ad) ← U0AM1 (am) ← U0AE1 (ae, zh), U0AE2 (ae, en); U0FIN (fin).
"""

from __future__ import annotations

from datetime import datetime

from sandbox.driver import TEAM
from storage import queries
from tests.asking import dms, requests, say
from tests.conftest import SH, World, wait_until
from tests.messages import buttons, text_of

MON_10 = datetime(2026, 11, 23, 10, 0, tzinfo=SH)


def finance(w: World) -> None:
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0FIN", MON_10, name="Qin FIN", role="fin")


def test_an_aes_expense_goes_to_their_account_manager_and_finance_is_copied(
    world: World,
) -> None:
    finance(world)
    assert say(world, "request expense 680 Nike sales 客户晚餐") == (
        "已提交给 <@U0AM1> 审批：支出申请「Nike ¥680」。有结果时会私信告诉你。"
    )
    [a] = requests(world)
    assert (a.kind, a.amount, a.client_id, a.reason) == ("expense", "680", 2, "客户晚餐")
    [ask] = dms(world, "U0AM1", 1)
    assert "*账户*：销售费用账户" in text_of(ask)
    world.slack.click("approval_approve", str(a.id), user="U0AM1")
    [copy] = dms(world, "U0FIN", 1)
    assert text_of(copy).startswith("抄送：<@U0AE1> 的支出申请「Nike ¥680」已批准。")
    assert "*账户*：销售费用账户" in text_of(copy) and buttons(copy) == []


def test_in_english_each_reader_sees_the_account_in_their_language(world: World) -> None:
    finance(world)
    said = say(world, "request expense 1,200元 Nike commission client gift", user="U0AE2")
    assert said == (
        "Sent to <@U0AM1> for approval: expense claim “Nike ¥1,200”. You will hear the "
        "decision in a DM."
    )
    copy = dms(world, "U0AE2", 1)[0]  # the requester's own copy, in English
    assert "*Account*: personal sales-commission account" in text_of(copy)
    ask = dms(world, "U0AM1", 1)[0]  # the manager reads Chinese
    assert "*账户*：销售个人佣金账户" in text_of(ask)


def test_a_rejected_expense_ends_there_and_finance_hears_nothing(world: World) -> None:
    finance(world)
    say(world, "request expense 680 Nike sales 客户晚餐")
    [a] = requests(world)
    world.slack.click("approval_reject", str(a.id), user="U0AM1")
    assert wait_until(lambda: len(world.fake.views()) == 1)
    view = world.fake.views()[-1]
    world.slack.submit(view, {"reason": "发票不对"}, user="U0AM1")
    assert wait_until(lambda: requests(world)[0].status == "rejected")
    told = dms(world, "U0AE1", 2)[-1]
    assert told["text"] == "❌ <@U0AM1> 驳回了你的支出申请「Nike ¥680」。\n理由：发票不对"
    world.bot.courier.drain()
    assert world.fake.dms("U0FIN") == []


def test_refusals_store_nothing(world: World) -> None:
    cases = {
        "request expense 680 Nike 客户晚餐": (
            "请在客户后面写明记哪个账户：`sales`（销售费用账户）或 `commission`（销售个人佣金账户）。"
        ),
        "request expense Nike 680 sales 晚餐": "请写上数额（金额（元），如 3000、3,000元、¥3000、3千 或 1.5万）。",
        "request expense 680 Adidas sales 晚餐": "找不到客户“Adidas”。",
        "request expense 5% Nike sales 晚餐": "“5%”的单位不对：这里要写金额（元）",
    }
    for text, start in cases.items():
        said = say(world, text)
        assert said.startswith(start), said
        usage = "用法：`/aebot request expense 金额 客户 sales|commission 事由`"
        assert (usage in said) == ("Adidas" not in text), said  # a client: as everywhere
    assert requests(world) == []


def test_an_account_managers_own_expense_goes_to_their_director(world: World) -> None:
    say(world, "request expense 300 Nike sales 打车", user="U0AM1")
    assert requests(world)[0].approver_id == "U0AD1"
