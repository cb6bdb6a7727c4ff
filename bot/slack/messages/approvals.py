"""Texts of the approval engine: the request DM and its buttons, decisions, refusals."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- kinds ----------------------------------------------------------------------------
    "approval.kind.job": zh_en("工作单", "job request"),
    "approval.kind.job-revision": zh_en("后续修改工作单", "job modification"),
    "approval.kind.commission": zh_en("客户佣金", "client commission"),
    "approval.kind.make-good-platform": zh_en("平台补量", "make-good volume (platform)"),
    "approval.kind.make-good-database": zh_en("数据库客户补量", "make-good volume (database)"),
    "approval.kind.discount": zh_en("折扣", "discount"),
    "approval.kind.payment-terms": zh_en("账期", "payment terms"),
    "approval.kind.free-test": zh_en("免费测试量", "free test volume"),
    # --- the request ----------------------------------------------------------------------
    "approval.asks": zh_en(
        "<@{requester}> 请你审批{kind}：*{title}*",
        "<@{requester}> asks you to approve a {kind}: *{title}*",
    ),
    "approval.asks_text": zh_en(
        "<@{requester}> 请你审批{kind}：{title}",
        "<@{requester}> asks you to approve a {kind}: {title}",
    ),
    "approval.on_behalf": zh_en(
        "你代 <@{user}> 审批（委托至 {until}）。",
        "You decide this on behalf of <@{user}> (delegated until {until}).",
    ),
    "approval.on_leave_note": zh_en(
        "<@{user}> 休假中（到 {until}），这项申请转给你审批。",
        "<@{user}> is on leave (until {until}), so this comes to you to decide.",
    ),
    "approval.escalated_note": zh_en(
        "<@{approver}> 自 {since} 起一直没有处理，现转给你，你可以直接决定。",
        "<@{approver}> has not decided since {since}; it now comes to you as well, and you may "
        "decide it.",
    ),
    "approval.reminder": zh_en(
        "提醒：这项申请自 {since} 起等你审批。",
        "Reminder: this has been waiting for you since {since}.",
    ),
    "approval.reminder_text": zh_en(
        "提醒：<@{requester}> 的{kind}等你审批", "Reminder: <@{requester}>'s {kind} waits for you"
    ),
    "approval.escalated_text": zh_en(
        "升级：<@{requester}> 的{kind}等 <@{approver}> 审批已超时",
        "Escalated: <@{requester}>'s {kind} has waited too long for <@{approver}>",
    ),
    "approval.mine": zh_en("你的{kind}：{title}", "Your {kind}: {title}"),
    "approval.reason_line": zh_en("理由：{reason}", "Reason: {reason}"),
    "approval.approve": zh_en("批准", "Approve"),
    "approval.reject": zh_en("驳回", "Reject"),
    "approval.withdraw": zh_en("撤回", "Withdraw"),
    "approval.filed": zh_en(
        "你的{kind}「{title}」已提交给 <@{approver}> 审批。",
        "Your {kind} “{title}” is waiting for <@{approver}>.",
    ),
    "approval.filed_on_behalf": zh_en(
        "你的{kind}「{title}」已提交给 <@{approver}>（代 <@{user}> 审批）。",
        "Your {kind} “{title}” is waiting for <@{approver}> (on behalf of <@{user}>).",
    ),
    "approval.self_approved": zh_en(
        "你的{kind}「{title}」在你自己的审批权限内，已记录为批准，无需他人审批。",
        "Your {kind} “{title}” is within your own authority: recorded as approved, no one else "
        "was asked.",
    ),
    "approval.no_approver": zh_en(
        "找不到可以审批这项申请的人：你的汇报链上没有有权限的人。管理员可以用 "
        "`/aebot team set @同事 manager @主管` 设置汇报对象；`/aebot authority` 查看审批权限表。",
        "Nobody can approve this: no one up your reporting line has the authority. An admin "
        "sets a manager with `/aebot team set @someone manager @someone`; `/aebot authority` "
        "shows the authority limits.",
    ),
    # --- decisions ------------------------------------------------------------------------
    "approval.decided.approved": zh_en(
        "✅ <@{by}> 已批准 · {when}", "✅ Approved by <@{by}> · {when}"
    ),
    "approval.decided.rejected": zh_en(
        "❌ <@{by}> 已驳回 · {when}\n理由：{note}",
        "❌ Rejected by <@{by}> · {when}\nReason: {note}",
    ),
    "approval.decided.withdrawn": zh_en(
        "↩️ <@{by}> 已撤回 · {when}", "↩️ Withdrawn by <@{by}> · {when}"
    ),
    "approval.decided.self": zh_en(
        "✅ 在申请人自己的权限内，已批准 · {when}",
        "✅ Within the requester's own authority: approved · {when}",
    ),
    "approval.told.approved": zh_en(
        "✅ <@{by}> 批准了你的{kind}「{title}」。", "✅ <@{by}> approved your {kind} “{title}”."
    ),
    "approval.told.rejected": zh_en(
        "❌ <@{by}> 驳回了你的{kind}「{title}」。\n理由：{note}",
        "❌ <@{by}> rejected your {kind} “{title}”.\nReason: {note}",
    ),
    "approval.already": zh_en(
        "这项申请已经处理过了：{decision}。没有做任何改动。",
        "This was already decided: {decision}. Nothing was changed.",
    ),
    "approval.not_found": zh_en(
        "找不到这项申请，可能已被删除。没有做任何改动。",
        "This request could not be found. Nothing was changed.",
    ),
    "approval.not_yours": zh_en(
        "这项申请在等 <@{approver}> 审批，你不能决定。没有做任何改动。",
        "This is waiting for <@{approver}>; you cannot decide it. Nothing was changed.",
    ),
    "approval.own_request": zh_en(
        "不能审批自己提交的申请。它在等 <@{approver}> 审批。",
        "You cannot approve your own request. It is waiting for <@{approver}>.",
    ),
    "approval.only_requester": zh_en(
        "只有申请人 <@{requester}> 可以撤回。没有做任何改动。",
        "Only <@{requester}>, who asked, can withdraw it. Nothing was changed.",
    ),
    "approval.withdrawn_ok": zh_en(
        "已撤回你的{kind}「{title}」，并通知了 <@{approver}>。",
        "Your {kind} “{title}” is withdrawn; <@{approver}> has been told.",
    ),
    "approval.rerouted": zh_en(
        "<@{old}> 已不在团队中，你的{kind}「{title}」改由 <@{new}> 审批。",
        "<@{old}> is no longer on the team: your {kind} “{title}” now goes to <@{new}>.",
    ),
    "approval.rerouted_to_you": zh_en(
        "<@{old}> 已不在团队中，这项申请改由你审批。",
        "<@{old}> is no longer on the team, so this now comes to you.",
    ),
    # --- the reject modal -----------------------------------------------------------------
    "approval.reject_title": zh_en("驳回申请", "Reject"),
    "approval.reject_submit": zh_en("驳回", "Reject"),
    "approval.reject_reason": zh_en("驳回理由（申请人会看到）", "Reason (the requester sees it)"),
    "approval.reject_what": zh_en(
        "驳回 <@{requester}> 的{kind}：*{title}*", "Reject <@{requester}>'s {kind}: *{title}*"
    ),
    "approval.reason_required": zh_en(
        "请写明驳回理由：申请人需要知道要改什么。",
        "Please give a reason: the requester needs to know what to change.",
    ),
    # --- chains and copies ------------------------------------------------------------------
    "approval.progress": zh_en(
        "审批进度（第 {n}/{total} 步）：{steps}", "Signatures (step {n} of {total}): {steps}"
    ),
    "approval.now_with": zh_en(
        "✍️ 你已签署，现在等 <@{approver}> 审批。", "✍️ Signed; it now waits for <@{approver}>."
    ),
    "approval.told.signed": zh_en(
        "✍️ <@{by}> 已签署你的{kind}「{title}」（第 {n}/{total} 步），现在等 <@{approver}> 审批。",
        "✍️ <@{by}> signed your {kind} “{title}” (step {n} of {total}); it now waits for "
        "<@{approver}>.",
    ),
    "approval.copy.filed": zh_en(
        "抄送：<@{requester}> 提交了{kind}「{title}」，由 <@{approver}> 审批。",
        "For your information: <@{requester}> filed a {kind} “{title}”; <@{approver}> decides it.",
    ),
    "approval.copy.approved": zh_en(
        "抄送：<@{requester}> 的{kind}「{title}」已批准。",
        "For your information: <@{requester}>'s {kind} “{title}” is approved.",
    ),
    "approval.copy.note": zh_en(
        "抄送给你知悉，你不需要审批。", "You are copied to know of it; there is nothing to decide."
    ),
    "approval.moved_on": zh_en(
        "这项申请已经有人处理，现在等 <@{approver}> 审批。没有做任何改动。",
        "Someone has acted on this already; it now waits for <@{approver}>. Nothing was changed.",
    ),
    "approval.not_member": zh_en(
        "你是管理员，但不在团队名单里：申请要沿申请人的汇报关系审批，所以还不能提交。先用 "
        "`/aebot team add @你自己 角色 manager @主管` 把自己加入团队。",
        "You are an admin, not on the team: a request goes up its filer's reporting line, so you "
        "cannot file one yet. Add yourself first with `/aebot team add @yourself ROLE manager "
        "@someone`.",
    ),
    "approval.reason_too_long": zh_en(
        "理由最多 1000 字。", "A reason is at most 1,000 characters."
    ),
}
