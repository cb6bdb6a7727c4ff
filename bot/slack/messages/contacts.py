"""Texts of `/contact`, the nudges and the contact-report reminders."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- /contact ---------------------------------------------------------------------
    "contact.help": zh_en(
        "*/contact — 联络记录*\n"
        "• `/contact` 打开表单：客户、方式（电话/拜访/会议/微信/邮件）、时间、摘要、下一步、跟进日期\n"
        "• `/contact 客户名 摘要…` 直接记一次刚才的电话，例如 `/contact 可口可乐 确认了双十二方案`\n"
        "• 客户可写名称、客户代码或不会混淆的开头几个字\n"
        "• 时间可以写“昨天下午3点”“今天上午10点”；会议和拜访之后，联络报告须在 48 小时内发出\n"
        "• 记录后 15 分钟内可撤销；随时可修改",
        "*/contact — client contact log*\n"
        "• `/contact` opens the form: client, kind (call/visit/meeting/WeChat/email), when, summary, next steps, "
        "follow-up date\n"
        "• `/contact CLIENT SUMMARY…` logs a call just now, e.g. `/contact Coca Cola agreed the 12.12 plan`\n"
        "• A client can be given by name, by code or by an unambiguous first few letters\n"
        "• Times like “yesterday 3pm” or “today 10am” work; after a meeting or a visit, the contact report is due within 48 hours\n"
        "• You can undo within 15 minutes, and edit any time",
    ),
    "contact.modal.title": zh_en("记录联络", "Log a contact"),
    "contact.modal.edit_title": zh_en("修改联络记录", "Edit contact"),
    "contact.f.client": zh_en("客户", "Client"),
    "contact.f.client_ph": zh_en("选择客户", "Choose a client"),
    "contact.f.kind": zh_en("方式", "Kind"),
    "contact.f.when": zh_en("时间（留空即现在）", "When (empty = now)"),
    "contact.f.when_ph": zh_en(
        "例如：昨天下午3点、今天上午10点", "e.g. yesterday 3pm, today 10:00"
    ),
    "contact.f.summary": zh_en("摘要：结论与重要讨论", "Summary: conclusions and key discussion"),
    "contact.f.next": zh_en("下一步", "Next steps"),
    "contact.f.follow_up": zh_en(
        "跟进日期（当天提醒你）", "Follow-up date (you are reminded that day)"
    ),
    "contact.f.follow_up_ph": zh_en("例如：下周五、{eg_end}", "e.g. next friday, {eg_end}"),
    "contact.no_clients": zh_en(
        "团队里还没有客户。先用 `/client add` 添加客户。",
        "Your team has no clients yet. Add one first with `/client add`.",
    ),
    "contact.logged": zh_en(
        "已记录：与 *{client}*（{code}）的{kind}，时间 {when}。",
        "Logged: {kind} with *{client}* ({code}) at {when}.",
    ),
    "contact.updated": zh_en(
        "已更新：与 *{client}*（{code}）的{kind}，时间 {when}。",
        "Updated: {kind} with *{client}* ({code}) at {when}.",
    ),
    "contact.logged_text": zh_en("已记录与 {client} 的联络", "Contact with {client} logged"),
    "contact.summary_line": zh_en("*摘要*\n{summary}", "*Summary*\n{summary}"),
    "contact.next_line": zh_en("*下一步*\n{next}", "*Next steps*\n{next}"),
    "contact.follow_up_line": zh_en(
        "*跟进*：{date} 会提醒你。", "*Follow-up*: you will be reminded on {date}."
    ),
    "contact.offer_follow_up": zh_en(
        "要把 {day} 设为跟进日期吗？", "Set {day} as the follow-up date?"
    ),
    "contact.offer_btn": zh_en("设为跟进日期", "Set follow-up"),
    "contact.follow_up_set": zh_en(
        "已设置跟进：{day}，那天早上的提醒会列出这条联络。",
        "Follow-up set for {day}: that morning's nudge will include this contact.",
    ),
    "contact.follow_up_already": zh_en(
        "这条联络已经设置了跟进日期（{day}），没有改动。要修改请点“修改”。",
        "This contact already has a follow-up ({day}); nothing was changed. Use Edit to change it.",
    ),
    "contact.follow_up_gone": zh_en(
        "这个日期已经过去了，没有设置跟进。", "That day has passed; no follow-up was set."
    ),
    "contact.follow_up_prefilled": zh_en(
        "跟进日期已按记录里的“{words}”预填为 {day}，可修改或清空。",
        "The follow-up is pre-filled with {day}, from “{words}” in your notes; change or clear it.",
    ),
    "contact.report_clock": zh_en(
        "联络报告须在 {due} 前发给服务团队并与客户确认（48 小时，遇休息日顺延）。点“写报告”在这里写好发出；"
        "已用其他方式发出的，请点“报告已发”。",
        "The contact report is due to the team, and to be confirmed with the client, by {due} "
        "(48 hours, more over days off). Click “Write report” to write and send it here; if it "
        "went out another way, click “Report sent”.",
    ),
    "contact.report_sent_btn": zh_en("报告已发", "Report sent"),
    "contact.need_summary": zh_en(
        "请补上与 *{client}* 联络的摘要。", "Please add a summary of the contact with *{client}*."
    ),
    "contact.too_long": zh_en(
        "摘要有 {n} 个字，上限是 {limit} 字。表单里保留了前 {limit} 个字，请精简，或分成两条记录。",
        "The summary is {n} characters; the limit is {limit}. The form holds the first {limit}: "
        "please shorten it or log it as two contacts.",
    ),
    "contact.not_saved": zh_en(
        "抱歉，数据库这会儿没有响应，这条联络记录*没有*保存。请稍后再试一次。",
        "Sorry, the database did not answer in time: this contact was *not* saved. Please try again "
        "in a moment.",
    ),
    "contact.pick_client": zh_en("请选择客户。", "Please choose a client."),
    "contact.bad_kind": zh_en("请选择联络方式。", "Please choose a kind of contact."),
    "contact.empty_summary": zh_en(
        "摘要不能为空：写下结论和重要讨论。",
        "The summary can't be empty: note the conclusions and key points.",
    ),
    "contact.future": zh_en(
        "联络时间 {when} 还没到。记录的是已发生的联络；计划请写在“跟进日期”。",
        "{when} is still in the future. Log contacts that happened; put plans in the follow-up date.",
    ),
    "contact.follow_up_past": zh_en(
        "跟进日期 {when} 已经过去，请填今天或以后的日期。",
        "The follow-up date {when} has passed; give today or a later date.",
    ),
    "contact.gone": zh_en(
        "这条联络记录已撤销或不存在。", "That contact has been undone or no longer exists."
    ),
    "contact.not_author": zh_en(
        "只有记录人本人可以修改或撤销这条联络记录。",
        "Only the person who logged this contact can change or undo it.",
    ),
    "contact.undo_expired": zh_en(
        "记录超过 15 分钟后不能撤销了；可以点“修改”更正。",
        "It is over 15 minutes since this was logged, so it can't be undone; use Edit to correct it.",
    ),
    "contact.already_undone": zh_en(
        "这条记录已经撤销过了，没有再做改动。", "This contact was already undone; nothing changed."
    ),
    "contact.undone": zh_en(
        "已撤销与 *{client}* 的这条联络记录。",
        "Undone: the contact with *{client}* is removed from the log.",
    ),
    "contact.report_not_yours": zh_en(
        "只有记录人、客户负责人或管理员可以标记联络报告。",
        "Only the author, the client's owner or an admin can mark the contact report.",
    ),
    "contact.report_already": zh_en(
        "联络报告已于 {when} 标记为已发，没有再做改动。",
        "The contact report was already marked sent on {when}; nothing changed.",
    ),
    "contact.report_marked": zh_en(
        "已记录：与 *{client}* 的联络报告于 {when} 发出。",
        "Recorded: the contact report for *{client}* was sent at {when}.",
    ),
    # --- nudges -----------------------------------------------------------------------
    # the morning DM's notification: clients to call and follow-ups, each said only when some
    "nudge.text": zh_en(
        "今天有 {n} 个客户该联络，另有 {f} 项跟进。",
        "Due today: clients to call {n} · follow-ups {f}.",
    ),
    "nudge.text_calls": zh_en(
        "今天有 {n} 个客户该联络。",
        Plural("1 client is due a call today.", "{n} clients are due a call today."),
    ),
    "nudge.text_follow_ups": zh_en(
        "今天有 {f} 项跟进。",
        Plural("1 follow-up is due today.", "{f} follow-ups are due today.", "f"),
    ),
    "nudge.intro": zh_en(
        "今天该联络的客户（{n} 个，最久未联络的排在前面）：",
        "Clients due a call today ({n}, longest without contact first):",
    ),
    "nudge.sweep_intro": zh_en(
        "下班前提醒：以下 {n} 个客户今天还没联络：",
        "Before you leave: these clients are still due a call today ({n}):",
    ),
    "nudge.sweep_text": zh_en(
        "今天还有 {n} 个客户没联络。",
        Plural("1 client is still due a call today.", "{n} clients are still due a call today."),
    ),
    "nudge.line": zh_en(
        "*{client}* · {code}\n{where} · {last}", "*{client}* · {code}\n{where} · {last}"
    ),
    "nudge.list_line": zh_en(
        "• *{client}* · {code} · {where} · {last}", "• *{client}* · {code} · {where} · {last}"
    ),
    "nudge.log_call_menu": zh_en("记一次电话：选客户…", "Log a call with…"),
    "nudge.never": zh_en("还没有联络记录", "no contact logged yet"),
    "nudge.last": zh_en(
        "上次联络 {when}（{days} 个工作日前）",
        Plural(
            "last contact {when} ({days} working day ago)",
            "last contact {when} ({days} working days ago)",
            "days",
        ),
    ),
    "nudge.log_call": zh_en("记一次电话", "Log a call"),
    "followup.intro": zh_en("今天要跟进的事项（{n} 项）：", "Follow-ups for today ({n}):"),
    "followup.line": zh_en("*{client}* · {code}\n{next}", "*{client}* · {code}\n{next}"),
    "sweep.escalate_text": zh_en(
        "你的团队有 {n} 个客户逾期未联络。",
        Plural(
            "1 of your team's clients is overdue for contact.",
            "{n} of your team's clients are overdue for contact.",
        ),
    ),
    "sweep.escalate_intro": zh_en(
        "以下客户逾期联络已超过 {limit} 个工作日：",
        Plural(
            "These clients are more than {limit} working day past their contact cadence:",
            "These clients are more than {limit} working days past their contact cadence:",
            "limit",
        ),
    ),
    "sweep.escalate_line": zh_en(
        "• *{client}*（{code}）— 负责人 {owner}，逾期 {days} 个工作日",
        Plural(
            "• *{client}* ({code}) — owner {owner}, {days} working day overdue",
            "• *{client}* ({code}) — owner {owner}, {days} working days overdue",
            "days",
        ),
    ),
    # --- contact reports --------------------------------------------------------------
    "report.text": zh_en("联络报告提醒", "Contact report reminder"),
    "report.remind": zh_en(
        "与 *{client}*（{code}）的{kind}（{when}）已过 24 小时，联络报告还没标记发出。请在 48 小时内发给客户和服务团队。",
        "It is 24 hours since your {kind} with *{client}* ({code}, {when}) and its contact report is not "
        "marked sent. It is due to the client and the team within 48 hours.",
    ),
    "report.remind_after_days_off": zh_en(
        "与 *{client}*（{code}）的{kind}（{when}）的联络报告还没标记发出。中间隔了休息日，时限顺延到"
        "{deadline}：请在此之前发给客户和服务团队，到时仍未发出会告知你的主管。",
        "The contact report of your {kind} with *{client}* ({code}, {when}) is not marked sent. "
        "Days off came in between, so you have until {deadline}: send it to the client and the team "
        "by then, or your manager is told.",
    ),
    "report.overdue": zh_en(
        "与 *{client}*（{code}）的{kind}（{when}）的联络报告已过 48 小时时限（遇休息日顺延），仍未发出，"
        "已告知你的主管。",
        "The contact report of your {kind} with *{client}* ({code}, {when}) is past its 48-hour "
        "limit (days off not counted) and still not sent; your manager has been told.",
    ),
    "report.manager": zh_en(
        "<@{author}> 与 *{client}*（{code}）的{kind}（{when}）的联络报告已过 48 小时时限（遇休息日顺延），"
        "仍未发出。",
        "The contact report of <@{author}>'s {kind} with *{client}* ({code}, {when}) is past its "
        "48-hour limit (days off not counted) and still not sent.",
    ),
}
