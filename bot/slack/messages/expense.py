"""Texts of the expense claim (支出申请单, `/aebot request expense`)."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "approval.kind.expense": zh_en("支出申请", "expense claim"),
    "request.usage.expense": zh_en(
        "用法：`/aebot request expense 金额 客户 sales|commission 事由`，例如 "
        "`/aebot request {example}`。`sales` 记销售费用账户，`commission` 记销售个人佣金账户；"
        "每种发票一张，由你的上级（AE 由客户经理）审批，批准后抄送财务。每月 25 日至 30 日报销。",
        "Usage: `/aebot request expense AMOUNT CLIENT sales|commission REASON`, e.g. "
        "`/aebot request {example}`. sales is the sales-expense account, commission the "
        "personal sales-commission account; one claim per kind of invoice, signed by your "
        "supervisor (an AE's by their account manager), finance copied once approved. Claims "
        "are made from the 25th to the 30th.",
    ),
    "expense.f.amount": zh_en("金额", "Amount"),
    "expense.f.client": zh_en("客户", "Client"),
    "expense.f.code": zh_en("客户代码", "Client code"),
    "expense.f.account": zh_en("账户", "Account"),
    "expense.account.sales": zh_en("销售费用账户", "sales-expense account"),
    "expense.account.commission": zh_en("销售个人佣金账户", "personal sales-commission account"),
    "expense.need_account": zh_en(
        "请在客户后面写明记哪个账户：`sales`（销售费用账户）或 `commission`（销售个人佣金账户）。",
        "Please say which account after the client: sales (the sales-expense account) or "
        "commission (the personal sales-commission account).",
    ),
    "expense.no_supervisor": zh_en(
        "找不到审批人：你的汇报链上没有客户经理或以上的人。管理员可以用 "
        "`/aebot team set @同事 manager @主管` 设置汇报对象。",
        "Nobody can sign it: no account manager or above is up your reporting line. An admin "
        "sets a manager with `/aebot team set @someone manager @someone`.",
    ),
}
