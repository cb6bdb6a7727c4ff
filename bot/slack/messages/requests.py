"""Texts of `/aebot request` (every kind filed by command, the amounts typed on them) and of
`/aebot requests` (where each request stands)."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- /aebot request: the kinds and their usage --------------------------------------------
    "request.usage": zh_en(
        "用法：`/aebot request 类型 …`，每种申请的写法如下：",
        "Usage: `/aebot request KIND …`; each kind is written like this:",
    ),
    "request.usage_line": zh_en(
        "• {kind}：`/aebot request {example}`", "• {kind}: `/aebot request {example}`"
    ),
    "request.unknown_kind": zh_en(
        "不认识申请类型“{kind}”。\n{usage}",
        "“{kind}” is not a kind of request.\n{usage}",
    ),
    "request.usage.authority": zh_en(
        "用法：`/aebot request {code} 客户 数额 理由`，例如 `/aebot request {example}`",
        "Usage: `/aebot request {code} CLIENT AMOUNT REASON`, e.g. `/aebot request {example}`",
    ),
    "request.need_client": zh_en(
        "请写上客户名称或客户代码。", "Please name the client (or give its code)."
    ),
    "request.need_reason": zh_en(
        "请写上申请理由：审批人要知道为什么。",
        "Please give a reason: the approver needs to know why.",
    ),
    "request.reason_too_long": zh_en(
        "理由太长了（{n} 字），最多 {max} 字。",
        "The reason is too long ({n} characters); at most {max}.",
    ),
    # --- amounts ----------------------------------------------------------------------------
    "amount.unit.%": zh_en("百分比，如 7%", "a percentage, like 7%"),
    "amount.unit.days": zh_en("天数，如 60天", "a number of days, like 60 days"),
    "amount.unit.yuan": zh_en(
        "金额（元），如 3000、3,000元、¥3000、3千 或 1.5万", "yuan, like 3000, 3,000元, ¥3000 or 3k"
    ),
    "amount.missing": zh_en("请写上数额（{unit}）。", "Please give the amount ({unit})."),
    "amount.not_a_number": zh_en("“{typed}”不是数额。", "“{typed}” is not an amount."),
    "amount.wrong_unit": zh_en(
        "“{typed}”的单位不对：这里要写{unit}。",
        "“{typed}” has the wrong unit: this takes {unit}.",
    ),
    "amount.whole_days": zh_en(
        "账期按整天算：“{typed}”不是整数。", "Terms are whole days: “{typed}” is not."
    ),
    "amount.out_of_range": zh_en(
        "数额“{typed}”不合理：应大于 {low}、不超过 {high}（{unit}）。",
        "“{typed}” is out of range: above {low} and at most {high} ({unit}).",
    ),
    "amount.two_amounts": zh_en(
        "看不出数额是“{first}”还是“{second}”：客户名称里有数字时，请写客户代码，或写全客户名称。",
        "Is the amount “{first}” or “{second}”? When a client's name has a number in it, give the "
        "client's code or its full name.",
    ),
    # --- where a request went ---------------------------------------------------------------
    "request.filed": zh_en(
        "已提交给 <@{approver}> 审批：{kind}「{title}」。有结果时会私信告诉你。",
        "Sent to <@{approver}> for approval: {kind} “{title}”. You will hear the decision in a DM.",
    ),
    "request.filed_on_behalf": zh_en(
        "已提交给 <@{approver}>（代 <@{user}> 审批）：{kind}「{title}」。有结果时会私信告诉你。",
        "Sent to <@{approver}>, who decides on behalf of <@{user}>: {kind} “{title}”. You will "
        "hear the decision in a DM.",
    ),
    "request.chain": zh_en(
        "审批顺序：{order}，前一位批准后才交给下一位。",
        "Signed in this order: {order}; each gets it once the one before has approved.",
    ),
    "request.top_reached": zh_en(
        "{amount} 超出了你汇报链上每个人的审批权限，所以交给了最高一级 <@{approver}>。",
        "{amount} is beyond the authority of everyone up your reporting line, so it goes to "
        "the top of the line, <@{approver}>.",
    ),
    # --- /aebot requests --------------------------------------------------------------------
    "requests.usage": zh_en(
        "用法：`/aebot requests`（我的申请）、`/aebot requests waiting`（等我审批的）、"
        "`/aebot requests all`（我团队的，经理和管理员可用）。",
        "Usage: `/aebot requests` (mine), `/aebot requests waiting` (waiting for my decision), "
        "`/aebot requests all` (my people's, for managers and admins).",
    ),
    "requests.managers_only": zh_en(
        "只有经理和管理员可以查看团队的申请。`/aebot requests` 可以查看你自己的。",
        "Only managers and admins see the team's requests. `/aebot requests` shows your own.",
    ),
    "requests.none.mine": zh_en(
        "你最近 30 天没有申请，也没有在等审批的申请。",
        "You have no request waiting and none decided in the last 30 days.",
    ),
    "requests.none.waiting": zh_en("没有等你审批的申请。", "Nothing is waiting for your decision."),
    "requests.none.all": zh_en(
        "最近 30 天团队没有申请，也没有在等审批的申请。",
        "No request of the team is waiting, and none was decided in the last 30 days.",
    ),
    "requests.title.mine": zh_en(
        "我的申请（{n} 项）", Plural("My requests ({n})", "My requests ({n})")
    ),
    "requests.title.waiting": zh_en("等你审批（{n} 项）", "Waiting for your decision ({n})"),
    "requests.title.all": zh_en("团队的申请（{n} 项）", "The team's requests ({n})"),
    "requests.line.pending": zh_en(
        "• <@{requester}> 的{kind}「{title}」— 等 <@{approver}> 审批{step}，自 {since} 起",
        "• <@{requester}>'s {kind} “{title}” — waiting for <@{approver}>{step} since {since}",
    ),
    "requests.step": zh_en("（第 {n}/{total} 步）", " (step {n} of {total})"),
    "requests.line.decided": zh_en(
        "• <@{requester}> 的{kind}「{title}」— {decision}",
        "• <@{requester}>'s {kind} “{title}” — {decision}",
    ),
}
