"""Authority requests (`/aebot request`), delegation (`/aebot delegate`) and the authority
limits (`aebot authority`, `/aebot authority`) through signed requests and the fake Slack.

Team: U0GM (gm, added here) ← U0AD1 (ad) ← U0AM1 (am) ← U0AE1 (ae, zh), U0AE2 (ae, en).
Handbook limits for a commission: AM up to 5%, AD below 10%, GM any.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from click.testing import CliRunner
from sqlmodel import col, select

from bot.cli import main
from storage import queries
from storage.models import Approval, ApprovalEvent, AuthorityLimit, Delegation, OutboxMessage
from tests.conftest import ADMIN, SH, TEAM, World, wait_until
from tests.messages import buttons, text_of

REASON = "客户要求提高一季度返点"


def add_gm(w: World) -> None:
    with w.bot.db.write() as s:
        at = datetime(2026, 11, 2, 9, 0, tzinfo=SH)
        queries.upsert_member(s, TEAM, "U0GM", at, name="Wu GM", role="gm")
        queries.upsert_member(s, TEAM, "U0AD1", at, manager_id="U0GM")


def say(w: World, text: str, user: str = "U0AE1") -> str:
    return str(w.slack.command("/aebot", text, user=user).json()["text"])


def approvals(w: World) -> list[Approval]:
    with w.bot.db.read() as s:
        return list(s.exec(select(Approval).order_by(col(Approval.id))))


def outbox_keys(w: World) -> list[str]:
    with w.bot.db.read() as s:
        return sorted(m.key for m in s.exec(select(OutboxMessage)))


def dms_arrive(w: World, user: str, n: int) -> list[dict[str, Any]]:
    assert wait_until(lambda: len(w.fake.dms(user)) >= n), w.fake.dms(user)
    return w.fake.dms(user)


def answers(w: World, n: int) -> list[str]:
    """What aebot answered to clicks (through their response_url), once there are n."""
    return [c.args["text"] for c in w.slack.wait_for("response_url", n)]


# --- routing --------------------------------------------------------------------------------
def test_3_7_and_12_percent_go_to_the_am_the_ad_and_the_gm(world: World) -> None:
    add_gm(world)
    assert say(world, f"request commission Nike 3% {REASON}") == (
        "已提交给 <@U0AM1> 审批：客户佣金「Nike 3%」。有结果时会私信告诉你。"
    )
    [ask] = dms_arrive(world, "U0AM1", 1)
    a3 = approvals(world)[0]
    assert ask["text"] == "<@U0AE1> 请你审批客户佣金：Nike 3%"
    assert buttons(ask) == [
        ("批准", "approval_approve", str(a3.id)),
        ("驳回", "approval_reject", str(a3.id)),
    ]
    assert text_of(ask) == (
        "<@U0AE1> 请你审批客户佣金：*Nike 3%*\n*客户*：Nike\n*客户代码*：`Beijing-202611-Nike-002`\n"
        f"*数额*：3%\n理由：{REASON}"
    )
    assert say(world, f"request commission Nike 7% {REASON}") == (
        "已提交给 <@U0AD1> 审批：客户佣金「Nike 7%」。有结果时会私信告诉你。"
    )
    assert say(world, f"request 佣金 nike 12% {REASON}", user="U0AE2") == (
        "Sent to <@U0GM> for approval: client commission “Nike 12%”. You will hear the decision "
        "in a DM."
    )
    [to_ad] = dms_arrive(world, "U0AD1", 1)
    [to_gm] = dms_arrive(world, "U0GM", 1)
    assert [b[0] for b in buttons(to_ad)] == ["批准", "驳回"]
    assert to_gm["text"] == "<@U0AE2> 请你审批客户佣金：Nike 12%"
    rows = approvals(world)
    assert [(a.kind, a.amount, a.approver_id, a.status, a.on_behalf_of) for a in rows] == [
        ("commission", "3", "U0AM1", "pending", None),
        ("commission", "7", "U0AD1", "pending", None),
        ("commission", "12", "U0GM", "pending", None),
    ]
    assert {a.reason for a in rows} == {REASON} and {a.client_id for a in rows} == {2}
    # each requester has a copy with Withdraw
    copies = dms_arrive(world, "U0AE1", 2)
    assert [b[:2] for c in copies for b in buttons(c)] == [("撤回", "approval_withdraw")] * 2
    assert text_of(copies[0]).startswith("你的客户佣金「Nike 3%」已提交给 <@U0AM1> 审批。")


def test_within_the_requesters_own_authority_it_is_approved_and_no_one_is_asked(
    world: World,
) -> None:
    assert say(world, f"request commission Nike 3% {REASON}", user="U0AM1") == (
        "你的客户佣金「Nike 3%」在你自己的审批权限内，已记录为批准，无需他人审批。"
    )
    [a] = approvals(world)
    assert (a.status, a.approver_id, a.decided_by, a.requester_id) == (
        "approved",
        None,
        "U0AM1",
        "U0AM1",
    )
    with world.bot.db.read() as s:
        actions = [e.action for e in s.exec(select(ApprovalEvent))]
    assert actions == ["filed", "self-approved"]
    assert outbox_keys(world) == []  # nothing to send, to anyone
    assert world.fake.calls_to("chat.postMessage") == []


def test_beyond_everyones_authority_it_goes_to_the_top_of_the_line(world: World) -> None:
    # no GM: the AD's limit (below 10%) does not cover 12%, and the AD is the top
    assert say(world, f"request commission Nike 12% {REASON}") == (
        "已提交给 <@U0AD1> 审批：客户佣金「Nike 12%」。有结果时会私信告诉你。\n"
        "12% 超出了你汇报链上每个人的审批权限，所以交给了最高一级 <@U0AD1>。"
    )
    assert approvals(world)[0].approver_id == "U0AD1"
    assert say(world, "request payment-terms Nike 120 days 年框客户", user="U0AE2") == (
        "Sent to <@U0AD1> for approval: payment terms “Nike 120d”. You will hear the decision "
        "in a DM.\n120d is beyond the authority of everyone up your reporting line, so it goes "
        "to the top of the line, <@U0AD1>."
    )


def test_each_refusal_in_chinese_and_english(world: World) -> None:
    use_zh = "用法：`/aebot request commission 客户 数额 理由`，例如 `/aebot request commission 耐克 7% 客户要求提高一季度返点`"
    use_en = (
        "Usage: `/aebot request commission CLIENT AMOUNT REASON`, e.g. `/aebot request "
        "commission Nike 7% client asks a higher Q1 rebate`"
    )
    terms_zh = "用法：`/aebot request payment-terms 客户 数额 理由`，例如 `/aebot request payment-terms 耐克 60天 客户集团统一账期`"
    terms_en = (
        "Usage: `/aebot request payment-terms CLIENT AMOUNT REASON`, e.g. `/aebot request "
        "payment-terms Nike 60 days the group's standard terms`"
    )
    cases = {
        "request commission": (use_zh, use_en),
        "request commission Nike 客户要求": (
            f"请写上数额（百分比，如 7%）。\n{use_zh}",
            f"Please give the amount (a percentage, like 7%).\n{use_en}",
        ),
        "request 账期 Nike soon": (
            f"请写上数额（天数，如 60天）。\n{terms_zh}",
            f"Please give the amount (a number of days, like 60 days).\n{terms_en}",
        ),
        "request commission 7% 客户要求": (
            f"请写上客户名称或客户代码。\n{use_zh}",
            f"Please name the client (or give its code).\n{use_en}",
        ),
        "request commission Nike 7%  ": (
            f"请写上申请理由：审批人要知道为什么。\n{use_zh}",
            f"Please give a reason: the approver needs to know why.\n{use_en}",
        ),
        "request commission Nike 30d 年底": (
            f"“30d”的单位不对：这里要写百分比，如 7%。\n{use_zh}",
            f"“30d” has the wrong unit: this takes a percentage, like 7%.\n{use_en}",
        ),
        "request 账期 Nike 60% 年底": (
            f"“60%”的单位不对：这里要写天数，如 60天。\n{terms_zh}",
            f"“60%” has the wrong unit: this takes a number of days, like 60 days.\n{terms_en}",
        ),
        "request commission Nike 99999% 年底": (
            f"数额“99999%”不合理：应大于 0、不超过 100（百分比，如 7%）。\n{use_zh}",
            f"“99999%” is out of range: above 0 and at most 100 (a percentage, like 7%).\n{use_en}",
        ),
        f"request commission 耐克 7% {REASON}": (
            "找不到客户“耐克”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。",
            "No client matches “耐克”. `/client list all` shows every client; `/client add` adds a "
            "new one.",
        ),
        f"request commission 可乐 7% {REASON}": (
            "“可乐”可能是：可口可乐 (上海-202611-可口可乐-001)。请写完整名称或客户代码。",
            "“可乐” could be: 可口可乐 (上海-202611-可口可乐-001). Please give the full name or "
            "the code.",
        ),
    }
    for text in ("request", "request bonus Nike 7% 年底"):
        zh, en = say(world, text, user="U0AE1"), say(world, text, user="U0AE2")
        listed = [
            "• 客户佣金：`/aebot request commission 耐克 7% 客户要求提高一季度返点`",
            "• 平台补量：`/aebot request make-good-platform 耐克 1% 平台漏发补量`",
            "• 数据库客户补量：`/aebot request make-good-database 耐克 2% CPA 数据回传不全`",
            "• 折扣：`/aebot request discount 耐克 8% 年框续约`",
            "• 账期：`/aebot request payment-terms 耐克 60天 客户集团统一账期`",
            "• 免费测试量：`/aebot request free-test 耐克 3% 新客户首月测试`",
        ]
        assert all(line in zh.split("\n") for line in listed), zh
        assert "• client commission: `/aebot request commission Nike 7% client asks" in en
    assert say(world, "request bonus Nike 7% 年底").startswith("不认识申请类型“bonus”。\n用法：")
    for text, (zh, en) in cases.items():
        assert say(world, text, user="U0AE1") == zh, text
        assert say(world, text, user="U0AE2") == en, text
    assert say(world, f"request commission Nike 7% {REASON}", user="U0NOBODY") == (
        "aebot 只为客户部的同事服务。如需使用，请联系管理员：<@U0ADMIN>。"
    )
    # the AD has no one above them (no GM yet), and 12% is beyond their own limit
    assert say(world, f"request commission Nike 12% {REASON}", user="U0AD1") == (
        "找不到可以审批这项申请的人：你的汇报链上没有有权限的人。管理员可以用 "
        "`/aebot team set @同事 manager @主管` 设置汇报对象；`/aebot authority` 查看审批权限表。"
    )
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0AD1", datetime(2026, 11, 2, tzinfo=SH), language="en")
    assert say(world, f"request commission Nike 12% {REASON}", user="U0AD1") == (
        "Nobody can approve this: no one up your reporting line has the authority. An admin "
        "sets a manager with `/aebot team set @someone manager @someone`; `/aebot authority` "
        "shows the authority limits."
    )
    assert approvals(world) == [] and outbox_keys(world) == []


# --- the authority limits -------------------------------------------------------------------
@pytest.fixture
def cli(world: World, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", world.bot.settings.database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", world.fake.token)
    monkeypatch.setenv("SLACK_API_URL", world.fake.url)
    monkeypatch.setenv("AEBOT_ADMINS", ADMIN)
    return CliRunner()


def test_aebot_authority_set_changes_where_a_7_percent_request_goes(
    world: World, cli: CliRunner
) -> None:
    shown = cli.invoke(main, ["authority", "show", "--team", TEAM])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines()[:3] == [
        "kind                 unit  am      ad      gm",
        "commission           %     ≤5%     <10%    any",
        "make-good-platform   %     ≤1%     ≤5%     any",
    ]
    assert "discount             %     —       ≤10%    any" in shown.output
    r = cli.invoke(main, ["authority", "set", "commission", "am", "8", "--team", TEAM])
    assert r.exit_code == 0, r.output
    assert r.output == "commission am: ≤8% (was ≤5%)\n"
    with world.bot.db.read() as s:
        [row] = s.exec(select(AuthorityLimit))
    assert (row.kind, row.role, row.limit, row.strict, row.denied) == (
        "commission",
        "am",
        "8",
        False,
        False,
    )
    shown = cli.invoke(main, ["authority", "show", "--team", TEAM])
    assert "commission           %     ≤8%     <10%    any  *" in shown.output
    assert say(world, f"request commission Nike 7% {REASON}") == (
        "已提交给 <@U0AM1> 审批：客户佣金「Nike 7%」。有结果时会私信告诉你。"
    )
    # a wrong kind, role or limit: one line, exit 1, nothing stored
    for args, line in (
        (["bonus", "am", "8"], "Error: “bonus” is not a kind of request. Kinds: commission, "
         "make-good-platform, make-good-database, discount, payment-terms, free-test."),
        (["佣金", "boss", "8"], "Error: “boss” is not a role. Roles: aae, ae, am, ad, ped, gm, cs, fin, dh, staff."),
        (["佣金", "am", "lots"], "Error: “lots” is not a limit. Write 5 (up to 5), <10 (below "
         "10), any (no limit) or no (none)."),
    ):  # fmt: skip
        bad = cli.invoke(main, ["authority", "set", *args, "--team", TEAM])
        assert (bad.exit_code, bad.output) == (1, line + "\n"), args
    with world.bot.db.read() as s:
        assert len(s.exec(select(AuthorityLimit)).all()) == 1


def test_admins_show_and_set_limits_in_slack_and_others_may_only_look(world: World) -> None:
    r = world.slack.command("/aebot", "authority", user="U0AE2").json()
    lines = r["blocks"][0]["text"]["text"].splitlines()
    assert lines[:2] == [
        "*Authority limits*",
        "*client commission* (`commission`): AM ≤5% · AD <10% · GM any",
    ]
    assert "*discount* (`discount`): AM — · AD ≤10% · GM any" in lines
    assert "/aebot authority set" not in str(r["blocks"])  # how to change: admins only
    assert say(world, "authority set commission am 8", user="U0AE2") == (
        "Only an admin can change the authority limits. `/aebot authority` shows them."
    )
    assert say(world, "authority set commission am 8", user="U0AD1") == (
        "只有管理员可以修改审批权限。`/aebot authority` 可以查看。"
    )
    assert say(world, "authority set 佣金 am &lt;8", user=ADMIN) == (
        "已修改 客户佣金 · 客户经理（AM）的审批上限：≤5% → <8%。之后的申请按新上限分配。"
    )
    assert say(world, "authority set 账期 am any", user=ADMIN) == (
        "这样客户经理（AM）可审批的（any）会比上级客户总监（AD）（≤90d）还多：客户总监（AD）"
        "不能批的申请会停在客户经理（AM）那里。没有做任何改动；确实要这样设置，请在最后加上 `force`。"
    )
    assert say(world, "authority set 账期 am any force", user=ADMIN) == (
        "已修改 账期 · 客户经理（AM）的审批上限：— → 不限。之后的申请按新上限分配。"
    )
    assert say(world, "authority set commission am", user=ADMIN).startswith(
        "用法：`/aebot authority set 类型 角色 上限`"
    )
    assert say(world, "authority set commission boss 8", user=ADMIN) == (
        "不认识角色“boss”。可以用：`aae` 助理客户执行（AAE）、`ae` 客户执行（AE）、`am` 客户经理（AM）、"
        "`ad` 客户总监（AD）、`ped` 项目执行总监、`gm` 总经理（GM）、`cs` 客户支持主管、`fin` 财务、`dh` 部门主管、`staff` 部门同事。"
    )
    r = world.slack.command("/aebot", "authority", user=ADMIN).json()
    text = r["blocks"][0]["text"]["text"]
    assert "*客户佣金*（`commission`） *：AM <8% · AD <10% · GM 不限" in text
    assert "*账期*（`payment-terms`） *：AM 不限 · AD ≤90d · GM 不限" in text
    assert "/aebot authority set commission am 8" in str(r["blocks"])
    assert say(world, f"request commission Nike 7% {REASON}") == (
        "已提交给 <@U0AM1> 审批：客户佣金「Nike 7%」。有结果时会私信告诉你。"
    )
    assert say(world, f"request commission Nike 8% {REASON}") == (
        "已提交给 <@U0AD1> 审批：客户佣金「Nike 8%」。有结果时会私信告诉你。"
    )


# --- delegation -----------------------------------------------------------------------------
def test_a_delegate_decides_on_behalf_until_the_delegation_is_turned_off(world: World) -> None:
    assert say(world, "delegate <@U0AM1|qian> until 12月5日", user="U0AD1") == (
        "已委托 <@U0AM1> 代你审批，至 周六 12月5日（含当天）。期间交给你的新申请会发给 <@U0AM1>，"
        "并注明是代你审批。`/aebot delegate off` 可以提前结束。"
    )
    [told] = dms_arrive(world, "U0AM1", 1)
    assert told["text"] == (
        "<@U0AD1> 把审批委托给你，至 周六 12月5日（含当天）。这期间交给 <@U0AD1> 的申请会发给你，"
        "由你代为批准或驳回。"
    )
    with world.bot.db.read() as s:
        [d] = s.exec(select(Delegation))
    assert (d.user_id, d.delegate_id, d.until.isoformat(), d.ended_at) == (
        "U0AD1",
        "U0AM1",
        "2026-12-05",
        None,
    )
    assert f"delegation:{d.id}" in outbox_keys(world)
    assert say(world, "delegate", user="U0AD1") == (
        "你的审批委托给了 <@U0AM1>，至 周六 12月5日（含当天）。`/aebot delegate off` 可以提前结束。"
    )
    assert say(world, "delegate", user="U0AM1") == (
        "你现在没有委托别人审批。`/aebot delegate @同事 until 12月4日` 可以委托。\n"
        "你正代 <@U0AD1> 审批，至 周六 12月5日（含当天）。"
    )

    assert say(world, f"request commission Nike 7% {REASON}") == (
        "已提交给 <@U0AM1>（代 <@U0AD1> 审批）：客户佣金「Nike 7%」。有结果时会私信告诉你。"
    )
    [a] = approvals(world)
    assert (a.approver_id, a.on_behalf_of) == ("U0AM1", "U0AD1")
    _, ask = dms_arrive(world, "U0AM1", 2)
    assert text_of(ask).endswith("\n你代 <@U0AD1> 审批（委托至 周六 12月5日）。")
    assert [b[0] for b in buttons(ask)] == ["批准", "驳回"]
    world.slack.click("approval_approve", str(a.id), user="U0AM1")
    copy, decided = dms_arrive(world, "U0AE1", 2)
    assert decided["text"] == "✅ <@U0AM1> 批准了你的客户佣金「Nike 7%」。"
    assert approvals(world)[0].status == "approved"
    assert approvals(world)[0].decided_by == "U0AM1"

    assert say(world, "delegate off", user="U0AD1") == (
        "已结束对 <@U0AM1> 的委托，新的申请会直接交给你。"
    )
    assert say(world, "delegate off", user="U0AD1") == "你现在没有委托别人审批，没有做任何改动。"
    assert say(world, f"request commission Nike 7% {REASON}") == (
        "已提交给 <@U0AD1> 审批：客户佣金「Nike 7%」。有结果时会私信告诉你。"
    )
    assert (approvals(world)[1].approver_id, approvals(world)[1].on_behalf_of) == ("U0AD1", None)


def test_a_delegate_never_gets_their_own_request(world: World) -> None:
    say(world, "delegate <@U0AM1|qian> until 12月5日", user="U0AD1")
    assert say(world, f"request commission Nike 7% {REASON}", user="U0AM1") == (
        "已提交给 <@U0AD1> 审批：客户佣金「Nike 7%」。有结果时会私信告诉你。"
    )
    [a] = approvals(world)
    assert (a.approver_id, a.on_behalf_of) == ("U0AD1", None)
    [ask] = dms_arrive(world, "U0AD1", 1)
    assert [b[0] for b in buttons(ask)] == ["批准", "驳回"]


def test_a_delegation_past_its_last_day_no_longer_applies(world: World) -> None:
    assert say(world, "delegate <@U0AM1|qian> Dec 5", user="U0AD1").startswith(
        "已委托 <@U0AM1> 代你审批，至 周六 12月5日（含当天）。"
    )
    world.clock.set(datetime(2026, 12, 5, 17, 0, tzinfo=SH))  # the last day still counts
    assert say(world, f"request commission Nike 7% {REASON}").startswith(
        "已提交给 <@U0AM1>（代 <@U0AD1> 审批）"
    )
    world.clock.set(datetime(2026, 12, 7, 10, 0, tzinfo=SH))
    assert say(world, f"request commission Nike 6% {REASON}") == (
        "已提交给 <@U0AD1> 审批：客户佣金「Nike 6%」。有结果时会私信告诉你。"
    )
    assert say(world, "delegate", user="U0AD1") == (
        "你现在没有委托别人审批。`/aebot delegate @同事 until 12月18日` 可以委托。"
    )


def test_delegation_refusals_in_chinese_and_english(world: World) -> None:
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0AM1", datetime(2026, 11, 2, tzinfo=SH), language="en")
    cases = {
        "delegate <@U0AE1|sun>": (
            "用法：`/aebot delegate @同事 until 12月4日` 把你的审批委托给同事到某天（含当天）；"
            "`/aebot delegate off` 结束委托；`/aebot delegate` 查看。",
            "Usage: `/aebot delegate @someone until Dec 4` hands your decisions to them up to "
            "and including that day; `/aebot delegate off` ends it; `/aebot delegate` shows it.",
        ),
        "delegate sun until 12月5日": (
            "用法：`/aebot delegate @同事 until 12月4日` 把你的审批委托给同事到某天（含当天）；"
            "`/aebot delegate off` 结束委托；`/aebot delegate` 查看。",
            "Usage: `/aebot delegate @someone until Dec 4` hands your decisions to them up to "
            "and including that day; `/aebot delegate off` ends it; `/aebot delegate` shows it.",
        ),
        "delegate <@U0AE1|sun> until 11月20日": (
            "周五 11月20日 已经过去了。请写今天或以后的日期，例如 `/aebot delegate @同事 until 12月4日`。",
            "Fri 20 Nov is in the past. Give today or a later day, e.g. "
            "`/aebot delegate @someone until Dec 4`.",
        ),
        "delegate <@U0NOBODY|x> until 12月5日": (
            "<@U0NOBODY> 不在团队名单里，不能代你审批。没有做任何改动。",
            "<@U0NOBODY> is not on the team and cannot decide for you. Nothing was changed.",
        ),
        "delegate off": (
            "你现在没有委托别人审批，没有做任何改动。",
            "You have no delegation running; nothing was changed.",
        ),
    }
    for text, (zh, en) in cases.items():
        assert say(world, text, user="U0AD1") == zh, text
        assert say(world, text, user="U0AM1") == en, text
    assert say(world, "delegate <@U0AD1|zhao> until 12月5日", user="U0AD1") == (
        "不能委托给自己。请 @ 另一位同事。"
    )
    assert say(world, "delegate <@U0AM1|qian> until 12月5日", user="U0AM1") == (
        "You cannot delegate to yourself. Mention someone else."
    )
    assert say(world, "delegate <@U0AE1|sun> until someday", user="U0AD1").startswith(
        "看不懂这个日期：“someday”。"
    )
    assert say(world, "delegate <@U0AE1|sun> until 12月5日", user="U0NOBODY") == (
        "aebot 只为客户部的同事服务。如需使用，请联系管理员：<@U0ADMIN>。"
    )
    with world.bot.db.read() as s:
        assert s.exec(select(Delegation)).all() == []
    assert outbox_keys(world) == []


def test_a_new_delegation_replaces_the_running_one(world: World) -> None:
    say(world, "delegate <@U0AM1|qian> until 12月5日", user="U0AD1")
    assert say(world, "delegate <@U0AE2|li> 到 12月10日", user="U0AD1") == (
        "已委托 <@U0AE2> 代你审批，至 周四 12月10日（含当天）。期间交给你的新申请会发给 <@U0AE2>，"
        "并注明是代你审批。`/aebot delegate off` 可以提前结束。\n原来对 <@U0AM1> 的委托已结束。"
    )
    [told] = dms_arrive(world, "U0AE2", 1)
    assert told["text"] == (
        "<@U0AD1> has handed their decisions to you up to and including Thu 10 Dec: requests "
        "for <@U0AD1> come to you in that time, and you approve or reject them on their behalf."
    )
    assert say(world, f"request commission Nike 7% {REASON}").startswith(
        "已提交给 <@U0AE2>（代 <@U0AD1> 审批）"
    )


# --- the engine's safeguards, through /aebot request ----------------------------------------
def filed_7_percent(w: World) -> Approval:
    say(w, f"request commission Nike 7% {REASON}")
    dms_arrive(w, "U0AD1", 1)
    dms_arrive(w, "U0AE1", 1)  # the requester's copy

    def recorded() -> bool:  # both copies' timestamps stored: a decision redraws them
        with w.bot.db.read() as s:
            return all(m.status == "delivered" and m.ts for m in s.exec(select(OutboxMessage)))

    assert wait_until(recorded)
    return approvals(w)[0]


def test_someone_else_clicking_approve_is_told_whom_it_waits_for(world: World) -> None:
    a = filed_7_percent(world)
    world.slack.click("approval_approve", str(a.id), user="U0AE2")
    assert answers(world, 1) == [
        "This is waiting for <@U0AD1>; you cannot decide it. Nothing was changed."
    ]
    world.slack.click("approval_reject", str(a.id), user="U0AM1")
    assert answers(world, 2)[1] == "这项申请在等 <@U0AD1> 审批，你不能决定。没有做任何改动。"
    assert approvals(world)[0].status == "pending"
    assert world.fake.calls_to("views.open") == []


def test_the_requester_cannot_approve_their_own_request(world: World) -> None:
    a = filed_7_percent(world)
    world.slack.click("approval_approve", str(a.id), user="U0AE1")
    assert answers(world, 1) == ["不能审批自己提交的申请。它在等 <@U0AD1> 审批。"]
    assert approvals(world)[0].status == "pending"
    assert len(world.fake.dms("U0AE1")) == 1  # the copy only


def test_a_double_click_decides_once_and_the_requester_hears_once(world: World) -> None:
    a = filed_7_percent(world)
    world.slack.click("approval_approve", str(a.id), user="U0AD1", key="first")
    world.slack.click("approval_approve", str(a.id), user="U0AD1", key="second")
    [said] = answers(world, 1)
    assert said.startswith("这项申请已经处理过了：✅ <@U0AD1> 已批准 · ")
    copy, decided = dms_arrive(world, "U0AE1", 2)
    assert decided["text"] == "✅ <@U0AD1> 批准了你的客户佣金「Nike 7%」。"
    with world.bot.db.read() as s:
        events = [e.action for e in s.exec(select(ApprovalEvent).order_by(col(ApprovalEvent.id)))]
    assert events == ["filed", "routed", "approved"]
    assert [k for k in outbox_keys(world) if k.startswith("approval-told")] == [
        f"approval-told:{a.id}"
    ]
    assert len(world.fake.dms("U0AE1")) == 2


def test_the_requester_withdraws_while_it_is_pending(world: World) -> None:
    a = filed_7_percent(world)
    world.slack.click("approval_withdraw", str(a.id), user="U0AD1")
    assert answers(world, 1) == ["只有申请人 <@U0AE1> 可以撤回。没有做任何改动。"]
    world.slack.click("approval_withdraw", str(a.id), user="U0AE1")
    assert answers(world, 2)[1] == "已撤回你的客户佣金「Nike 7%」，并通知了 <@U0AD1>。"
    assert approvals(world)[0].status == "withdrawn"
    updates = world.slack.wait_for("chat.update", 2)
    texts = [str(u.args["blocks"]) for u in updates]
    assert all("↩️ <@U0AE1> 已撤回" in t for t in texts)
    assert all("approval_approve" not in t and "approval_withdraw" not in t for t in texts)
    world.slack.click("approval_approve", str(a.id), user="U0AD1")
    assert answers(world, 3)[2].startswith("这项申请已经处理过了：↩️ <@U0AE1> 已撤回 · ")
    assert len(world.fake.dms("U0AE1")) == 1  # no decision DM for a withdrawal


def test_a_limit_that_outranks_the_role_above_or_no_request_could_ask_is_refused(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def limits() -> dict[tuple[str, str], str | None]:
        with world.bot.db.read() as s:
            return {(x.kind, x.role): x.limit for x in s.exec(select(AuthorityLimit))}

    assert say(world, "authority set commission am 500", user=ADMIN) == (
        "上限 500% 超出了这类申请能写的范围（最多 100%）。没有做任何改动。"
    )
    assert "会比上级客户总监（AD）（<10%）还多" in say(
        world, "authority set commission am 12", user=ADMIN
    )
    assert "会比上级客户总监（AD）（<10%）还多" in say(
        world, "authority set commission am 10", user=ADMIN
    )  # up to 10 is more than below 10
    assert "客户经理（AM）可审批的（≤5%）会比上级客户总监（AD）（≤3%）还多" in say(
        world, "authority set commission ad 3", user=ADMIN
    )  # lowering the one above is the same disorder
    assert limits() == {}
    assert "已修改" in say(world, "authority set commission am <10", user=ADMIN)  # equal: fine
    assert "已修改" in say(world, "authority set commission ad no", user=ADMIN)  # decides none
    assert limits() == {("commission", "am"): "10", ("commission", "ad"): None}
    # the same from the shell, where --force goes ahead
    monkeypatch.setenv("DATABASE_URL", world.bot.settings.database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", world.fake.token)
    monkeypatch.setenv("SLACK_API_URL", world.fake.url)
    runner = CliRunner()
    r = runner.invoke(main, ["authority", "set", "make-good", "am", "8", "--team", TEAM])
    assert r.exit_code == 1 and r.output.strip() == (
        "Error: AM would then decide more (≤8%) than AD above them (≤5%): requests AD may not "
        "sign would stop at AM. Nothing was changed; if that is what you mean, add --force at "
        "the end."
    )
    r = runner.invoke(main, ["authority", "set", "commission", "am", "500", "--team", TEAM])
    assert r.exit_code == 1 and "more than any request of this kind can ask (at most 100%)" in (
        r.output
    )
    r = runner.invoke(main, ["authority", "set", "make-good", "am", "8", "--force", "--team", TEAM])
    assert r.exit_code == 0 and r.output.strip() == "make-good-platform am: ≤8% (was ≤1%)"
