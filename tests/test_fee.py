"""The commission payment (劳务费申请单, 002 第六条) through signed requests and the fake Slack:
routed like a commission at the rate it pays (typed, or the client's last approved rate), never
recorded without a signature, its signers told that commission is paid in full.

Team: U0AD1 (ad) ← U0AM1 (am) ← U0AE1 (ae, zh), U0AE2 (ae, en).
"""

from __future__ import annotations

from tests.asking import requests, say
from tests.conftest import World, wait_until
from tests.messages import text_of


def test_a_payment_at_3_and_at_7_percent_goes_where_a_commission_would(world: World) -> None:
    assert say(world, "request fee Nike 12000 3% 第四季度佣金") == (
        "已提交给 <@U0AM1> 审批：劳务费申请（客户佣金支付）「Nike ¥12,000」。有结果时会私信告诉你。"
    )
    say(world, "request fee Nike 12000 7% 第四季度佣金")
    rows = requests(world)
    assert [(a.kind, a.amount, a.approver_id) for a in rows] == [
        ("fee", "12000", "U0AM1"),
        ("fee", "12000", "U0AD1"),
    ]
    assert wait_until(lambda: len(world.fake.dms("U0AM1")) == 1)
    ask = world.fake.dms("U0AM1")[0]
    assert "*佣金比例*：3%" in text_of(ask)
    assert "客户佣金必须全额支付给客户（002 第六条）" in text_of(ask)


def test_without_a_rate_the_clients_last_approved_commission_decides(world: World) -> None:
    said = say(world, "request fee Nike 12000 Q4 commission", user="U0AE2")
    assert said == (
        "This client has no approved commission rate yet: please give the rate of this payment, "
        "like 7%."
    )
    assert requests(world) == []
    say(world, "request commission Nike 7% 年框")  # approved by the AD
    [c] = requests(world)
    world.slack.click("approval_approve", str(c.id), user="U0AD1")
    assert wait_until(lambda: requests(world)[0].status == "approved")
    say(world, "request fee Nike 12000 第四季度佣金")
    assert requests(world)[-1].approver_id == "U0AD1"


def test_a_payment_within_ones_own_limit_still_needs_a_signature(world: World) -> None:
    said = say(world, "request fee Nike 5000 3% 佣金", user="U0AM1")
    assert said.startswith("已提交给 <@U0AD1> 审批")
    [a] = requests(world)
    assert (a.status, a.approver_id) == ("pending", "U0AD1")
