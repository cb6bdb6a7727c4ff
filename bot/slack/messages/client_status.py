"""Texts of a client's life: `/client status`, `/client show`, `/client end` (合约结束) and
what the list, the App Home and the Monday agenda say of it."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- the statuses --------------------------------------------------------------------
    "cstatus.active": zh_en("在服务", "active"),
    "cstatus.prospect": zh_en("潜在客户", "prospect"),
    "cstatus.paused": zh_en("暂停", "paused"),
    "cstatus.ended": zh_en("已结束", "ended"),
    "cstatus.meaning.active": zh_en(
        "按它的联络周期提醒联络。", "Call reminders follow its cadence again."
    ),
    "cstatus.meaning.prospect": zh_en(
        "每 {cadence} 个工作日提醒联络一次。", "A call reminder every {cadence} working days."
    ),
    "cstatus.meaning.paused": zh_en(
        "不再提醒联络，周报也不计联络不足，直到你把它设回“在服务”"
        "（`/client status {name} 在服务`）。",
        "No call reminders, and no missed calls in the Friday report, until you set it active "
        "again (`/client status {name} active`).",
    ),
    "cstatus.meaning.ended": zh_en(
        "不再提醒联络，周报也不计联络不足。",
        "No more call reminders, and no missed calls in the Friday report.",
    ),
    # --- /client status --------------------------------------------------------------------
    "cstatus.usage": zh_en(
        "用法：`/client status 客户名 状态 [原因]`，状态：{stages}。\n"
        "例如 `/client status 耐克 暂停 客户内部调整`",
        "Usage: `/client status CLIENT STATUS [why]`, the statuses: {stages}.\n"
        "E.g. `/client status Nike paused client reorganising`",
    ),
    "cstatus.unknown": zh_en(
        "“{word}”不是客户状态。可用的状态：{stages}。没有改动。",
        "“{word}” isn't a client status. The statuses: {stages}. Nothing was changed.",
    ),
    "cstatus.too_long": zh_en(
        "原因最多 {max} 个字，请写短一些。没有改动。",
        "The reason may have at most {max} characters; please shorten it. Nothing was changed.",
    ),
    "cstatus.not_allowed": zh_en(
        "只有负责人、后备负责人、负责人的主管或管理员可以设定 *{name}* 的状态。没有改动。",
        "Only the owner, the backup owner, the owner's manager or an admin can set the status of "
        "*{name}*. Nothing was changed.",
    ),
    "cstatus.same": zh_en(
        "*{name}* 已经是“{status}”，没有改动。", "*{name}* is {status} already; nothing changed."
    ),
    "cstatus.set": zh_en(
        "*{name}*（`{code}`）的状态：{was} → *{status}*。{meaning}",
        "*{name}* (`{code}`) is now *{status}* (was {was}). {meaning}",
    ),
    "cstatus.meanwhile": zh_en(
        "*{name}* 的状态刚被别人改过，没有保存；请看一下现在的状态再试。",
        "Someone else has just changed the status of *{name}*, so nothing was saved; check it "
        "and try again.",
    ),
    "cstatus.why": zh_en("原因：{note}", "Why: {note}"),
    "cstatus.by_stage": zh_en(
        "客户状态随之改为 *{status}*：{meaning}", "The client is now *{status}*: {meaning}"
    ),
    # --- how a client's status is shown -----------------------------------------------------
    "cstatus.line": zh_en("状态：*{status}*，{day} 起", "status: *{status}* since {day}"),
    "cstatus.line_undated": zh_en("状态：*{status}*", "status: *{status}*"),
    "cstatus.line_ahead": zh_en("{day} 起为“{status}”", "{status} from {day}"),
    "cstatus.line_why": zh_en("（{note}）", " ({note})"),
    "cstatus.group": zh_en("*{status}*", "*{status}*"),
    "cstatus.home_title": zh_en(
        "*不在服务中的客户*（不提醒联络或按潜在客户周期）",
        "*Clients not active* (no call reminders, or a prospect's cadence)",
    ),
    "cstatus.home_line": zh_en("• *{name}* · {status}", "• *{name}* · {status}"),
    # --- /client show ----------------------------------------------------------------------
    "cstatus.show_usage": zh_en("用法：`/client show 客户名`", "Usage: `/client show CLIENT`"),
    "cstatus.last_end": zh_en(
        "合约结束：{day}，尚未收回服务费 {amount}，已开票 {invoiced}（<@{by}> 登记）",
        "Contract end: {day}, service fees not yet received {amount}, invoiced {invoiced} "
        "(recorded by <@{by}>)",
    ),
    # --- /client end (合约结束) --------------------------------------------------------------
    "cend.not_allowed": zh_en(
        "只有负责人、负责人的主管或管理员可以登记 *{name}* 的合约结束。没有改动。",
        "Only the owner, the owner's manager or an admin can record the end of *{name}*'s "
        "contract. Nothing was changed.",
    ),
    "cend.none_yours": zh_en(
        "只有负责人、负责人的主管或管理员可以登记合约结束；你没有可以登记的客户。没有改动。",
        "Only the owner, the owner's manager or an admin records a contract's end, and no client "
        "is yours to end. Nothing was changed.",
    ),
    "cend.modal.title": zh_en("合约结束", "Contract end"),
    "cend.modal.send": zh_en("提交", "Send"),
    "cend.intro": zh_en(
        "提交后通知财务和负责人的主管；客户从结束日期起为“已结束”，不再提醒联络。",
        "Finance and the owner's manager are told; from the end date the client is ended and "
        "gets no call reminders.",
    ),
    "cend.f.client": zh_en("客户", "Client"),
    "cend.f.end_on": zh_en("合约结束日期", "Contract end date"),
    "cend.f.unreceived": zh_en("尚未收回的服务费（元）", "Service fees not yet received (yuan)"),
    "cend.f.invoiced": zh_en("已开票金额（元）", "Amount invoiced (yuan)"),
    "cend.f.amount_ph": zh_en("例如 120000 或 12万；没有写 0", "e.g. 120,000 or 120k; none: 0"),
    "cend.f.note": zh_en("备注（给财务）", "Note (for finance)"),
    "cend.need_client": zh_en("请选择客户。", "Please choose the client."),
    "cend.need_day": zh_en("请选择合约结束日期。", "Please choose the contract's end date."),
    "cend.need_amount": zh_en(
        "请写金额（元），没有写 0。", "Please give the amount in yuan (none: 0)."
    ),
    "cend.note_too_long": zh_en(
        "备注最多 {max} 个字，请写短一些。", "The note may have at most {max} characters."
    ),
    "cend.done": zh_en(
        "已登记 *{name}*（`{code}`）的合约结束：{day} 结束，尚未收回服务费 {amount}，"
        "已开票 {invoiced}。",
        "Recorded the end of *{name}*'s (`{code}`) contract: it ends {day}, service fees not yet "
        "received {amount}, invoiced {invoiced}.",
    ),
    "cend.told": zh_en("已通知：{people}。", "Told: {people}."),
    "cend.told_nobody": zh_en(
        "团队里没有财务、管理员或你的主管可以通知，请直接告知财务部。",
        "The team has no finance, admin or manager to tell: please tell finance yourself.",
    ),
    "cend.ended_from": zh_en(
        "从 {day} 起 *{name}* 为“已结束”：不再提醒联络，周报也不计联络不足；在此之前照常。",
        "From {day} *{name}* is ended: no call reminders and no missed calls in the Friday "
        "report; until then as before.",
    ),
    "cend.receivable": zh_en(
        "尚未收回的 {amount} 已登记为应收账款 #{id}，收回后用 `/aebot receivable paid {id}` 标记；"
        "在此之前它在每周一的例会议程上。",
        "The {amount} not yet received is recorded as receivable #{id}; mark it with "
        "`/aebot receivable paid {id}` once paid. Until then it is on every Monday agenda.",
    ),
    "cend.notice_text": zh_en("合约结束：{name}，{day}", "Contract end: {name}, {day}"),
    "cend.notice": zh_en(
        "*合约结束通知*（财务）\n<@{owner}> 的客户 *{name}*（`{code}`）合约于 {day} 结束。\n"
        "• 尚未收回的服务费：{amount}\n• 已开票金额：{invoiced}\n• 登记人：<@{by}>",
        "*Contract end* (for finance)\n<@{owner}>'s client *{name}* (`{code}`): the contract "
        "ends {day}.\n• Service fees not yet received: {amount}\n• Amount invoiced: {invoiced}\n"
        "• Recorded by <@{by}>",
    ),
    "cend.notice_note": zh_en("• 备注：{note}", "• Note: {note}"),
    "cend.receivable_note": zh_en("合约结束", "contract end"),
    # --- the Monday agenda -----------------------------------------------------------------
    "cend.agenda_title": zh_en(
        "_已结束客户仍未收回的款项_", "_Receivables still open on ended clients_"
    ),
    "cend.agenda_line": zh_en(
        "• *{client}*（{day} 结束）#{id} {amount}，{due} 到期 — {name}",
        "• *{client}* (ended {day}) #{id} {amount}, due {due} — {name}",
    ),
}
