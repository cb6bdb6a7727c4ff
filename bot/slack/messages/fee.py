"""Texts of the commission payment (劳务费申请单, `/aebot request fee`)."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "approval.kind.fee": zh_en("劳务费申请（客户佣金支付）", "commission payment"),
    "request.usage.fee": zh_en(
        "用法：`/aebot request fee 客户 金额 [佣金比例] 事由`，例如 `/aebot request {example}`。"
        "每次支付客户佣金都要申请；不写比例时按该客户最近一次批准的佣金比例审批。",
        "Usage: `/aebot request fee CLIENT AMOUNT [RATE] REASON`, e.g. `/aebot request "
        "{example}`. Every payment of a client's commission needs one; without a rate, the "
        "client's last approved commission rate decides who signs.",
    ),
    "fee.f.client": zh_en("客户", "Client"),
    "fee.f.code": zh_en("客户代码", "Client code"),
    "fee.f.amount": zh_en("支付金额", "Payment"),
    "fee.f.rate": zh_en("佣金比例", "Commission rate"),
    "fee.paid_in_full": zh_en(
        "客户佣金必须全额支付给客户（002 第六条）：查实未付的，按未付金额 5 倍罚款，并按重大过失处理。",
        "Commission is paid to the client in full (002, art. 6): an unpaid commission is fined "
        "five times the amount and treated as gross misconduct.",
    ),
    "fee.need_rate": zh_en(
        "这个客户还没有批准过的佣金比例：请写上这次支付的比例，例如 7%。",
        "This client has no approved commission rate yet: please give the rate of this "
        "payment, like 7%.",
    ),
    "fee.no_approver": zh_en(
        "找不到审批人：你的汇报链上没有有权限的人。管理员可以用 "
        "`/aebot team set @同事 manager @主管` 设置汇报对象。",
        "Nobody can sign it: no one up your reporting line has the authority. An admin sets a "
        "manager with `/aebot team set @someone manager @someone`.",
    ),
}
