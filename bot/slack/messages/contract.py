"""Texts of contract review (合同审核, `/aebot request contract`)."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "approval.kind.contract": zh_en("合同审核", "contract review"),
    "request.usage.contract": zh_en(
        "用法：`/aebot request contract 客户 修改内容`，例如 `/aebot request {example}`。"
        "先由客户总监审核，再由客户支持主管做最终审核。",
        "Usage: `/aebot request contract CLIENT WHAT CHANGES`, e.g. `/aebot request {example}`. "
        "The account director reviews it first, then the customer-support head gives the final "
        "review.",
    ),
    "contract.f.client": zh_en("客户", "Client"),
    "contract.f.code": zh_en("客户代码", "Client code"),
    "contract.need_changes": zh_en(
        "请在客户后面写上合同改了什么。",
        "Please say what changes in the contract after the client.",
    ),
    "contract.no_director": zh_en(
        "找不到审核人：你的汇报链上没有客户总监或总经理。管理员可以用 "
        "`/aebot team set @同事 manager @主管` 设置汇报对象。",
        "Nobody can review it: no account director or general manager is up your reporting "
        "line. An admin sets a manager with `/aebot team set @someone manager @someone`.",
    ),
    "contract.no_cs": zh_en(
        "合同要由客户支持主管做最终审核，但团队里还没有客户支持主管。管理员可以用 `/aebot team set @同事 role cs` 指定。",
        "A contract's final review is the customer-support head's, and the team has none yet. "
        "An admin names one with `/aebot team set @someone role cs`.",
    ),
}
