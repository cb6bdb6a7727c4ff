"""Texts of the contact report (联络报告): an important contact, the report form, the report as
sent to the service team and as plain text for the client, Client confirmed, corrections, the
report reminders of the timetable, a client's language."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- an important contact ---------------------------------------------------------
    "contact.f.important": zh_en("重要联络", "Important"),
    "contact.f.important_box": zh_en(
        "重要：须在 48 小时内发联络报告", "Important: a contact report is due within 48 hours"
    ),
    # --- the form ---------------------------------------------------------------------
    "creport.write_btn": zh_en("写报告", "Write report"),
    "creport.modal.title": zh_en("联络报告", "Contact report"),
    "creport.modal.edit_title": zh_en("修改联络报告", "Edit contact report"),
    "creport.modal.submit": zh_en("发送", "Send"),
    "creport.modal.head": zh_en(
        "*{client}*（{code}）· {kind} · {when}", "*{client}* ({code}) · {kind} · {when}"
    ),
    "creport.modal.topic": zh_en("议题：{text}", "Topic: {text}"),
    "creport.modal.edit_note": zh_en(
        "修改后会作为更正重新发给原来和新加的收件人。",
        "Your changes are sent again, marked as a correction, to everyone it went to and anyone added.",
    ),
    "creport.f.ours": zh_en("我方参加人员", "Our attendees"),
    "creport.f.theirs": zh_en("客户方参加人员", "The client's attendees"),
    "creport.f.theirs_ph": zh_en("例如：王经理、市场部李总", "e.g. Ms Wu, Mr Ho (marketing)"),
    "creport.f.conclusions": zh_en("结论（每行一条）", "Conclusions (one per line)"),
    "creport.f.items": zh_en("行动项（每行一条）", "Action items (one per line)"),
    "creport.f.items_ph": zh_en("例如：@小王 周五前提供报价", "e.g. @Dan send the quote by Friday"),
    "creport.f.sent_to": zh_en("发送给（服务团队）", "Send to (the service team)"),
    "creport.empty_conclusions": zh_en(
        "请至少写一条结论：报告要记下每一条结论。",
        "Write at least one conclusion: the report records every conclusion.",
    ),
    "creport.too_long": zh_en(
        "太长了：{n} 个字，最多 {limit} 个。", "Too long: {n} characters, at most {limit}."
    ),
    "creport.no_recipients": zh_en(
        "请至少选一位收件人。", "Choose at least one person to send it to."
    ),
    "creport.too_many": zh_en(
        "最多选 {limit} 人，请删掉一些。", "At most {limit} people; please remove some."
    ),
    "creport.bad_user": zh_en(
        "这里只能选 Slack 里的同事。", "Only people in Slack can be chosen here."
    ),
    # --- refusals ---------------------------------------------------------------------
    "creport.gone": zh_en(
        "找不到这份联络报告（或它的联络记录已撤销），没有改动。",
        "That contact report (or its contact) no longer exists; nothing changed.",
    ),
    "creport.not_yours_write": zh_en(
        "只有联络的记录人、客户负责人（含备份）或管理员可以写这份联络报告。",
        "Only the contact's author, the client's owner or backup, or an admin can write this report.",
    ),
    "creport.already_written": zh_en(
        "这次联络的报告已经写过了（{when} 发出）。要修改，请点你那份报告上的“修改报告”。",
        "This contact's report was already written (sent {when}). To change it, use Edit report on "
        "your copy.",
    ),
    "creport.not_author": zh_en(
        "只有报告的作者 <@{author}> 可以修改这份联络报告。",
        "Only the report's author, <@{author}>, can edit it.",
    ),
    "creport.edit_confirmed": zh_en(
        "客户已于 {when} 确认这份报告（<@{user}> 记录），不能再修改。",
        "The client confirmed this report on {when} (recorded by <@{user}>); it can no longer be "
        "edited.",
    ),
    "creport.not_allowed_confirm": zh_en(
        "只有报告作者、客户负责人（含备份）、他们的主管或管理员可以记录客户确认。",
        "Only the report's author, the client's owner or backup, their managers or an admin can "
        "record the client's confirmation.",
    ),
    "creport.already_confirmed": zh_en(
        "这份联络报告已于 {when} 由 <@{user}> 记录为客户已确认，没有改动。",
        "<@{user}> already recorded this report as confirmed by the client on {when}; nothing "
        "changed.",
    ),
    "creport.confirmed_ok": zh_en(
        "已记录：*{client}* 的联络报告客户已确认（{when}）。",
        "Recorded: the client confirmed the contact report for *{client}* ({when}).",
    ),
    "creport.not_saved": zh_en(
        "联络报告没有发出（保存失败），请再试一次。",
        "The contact report was not sent (it could not be stored); please try again.",
    ),
    # --- the report as sent -----------------------------------------------------------
    "creport.text": zh_en("联络报告：{client}", "Contact report: {client}"),
    "creport.text_correction": zh_en(
        "联络报告更正：{client}", "Correction of a contact report: {client}"
    ),
    "creport.header": zh_en(
        "*联络报告* · *{client}*（{code}）· {kind} · {when}",
        "*Contact report* · *{client}* ({code}) · {kind} · {when}",
    ),
    "creport.header_correction": zh_en(
        "*联络报告 · 更正（第 {i} 版）* · *{client}*（{code}）· {kind} · {when}",
        "*Contact report · correction (version {i})* · *{client}* ({code}) · {kind} · {when}",
    ),
    "creport.ours_line": zh_en("*我方参加*：{members}", "*Our attendees*: {members}"),
    "creport.theirs_line": zh_en("*客户方参加*：{names}", "*The client's attendees*: {names}"),
    "creport.conclusions_head": zh_en("*结论*", "*Conclusions*"),
    "creport.items_head": zh_en("*行动项*", "*Action items*"),
    "creport.item_owner": zh_en("{text}（<@{owner}>）", "{text} (<@{owner}>)"),
    "creport.item_owner_due": zh_en(
        "{text}（<@{owner}>，{due} 前）", "{text} (<@{owner}>, by {due})"
    ),
    "creport.by_line": zh_en(
        "<@{author}> 写于 {when} · 发给 {members}",
        "Written by <@{author}> at {when} · sent to {members}",
    ),
    "creport.for_client": zh_en(
        "*给客户的文本*（复制到邮件或微信里，请客户确认）：",
        "*For the client* (paste it into an e-mail or WeChat and ask the client to confirm):",
    ),
    "creport.confirm_btn": zh_en("客户已确认", "Client confirmed"),
    "creport.edit_btn": zh_en("修改报告", "Edit report"),
    "creport.confirmed_line": zh_en(
        "✅ 客户已确认：<@{user}> 记录于 {when}。",
        "✅ Confirmed with the client: recorded by <@{user}> at {when}.",
    ),
    # --- the plain text for the client, in the client's language ----------------------
    "creport.client.head": zh_en(
        "【联络报告】{client} · {when}", "Contact report: {client}, {when}"
    ),
    "creport.client.head_correction": zh_en(
        "【联络报告 · 更正】{client} · {when}", "Contact report (corrected): {client}, {when}"
    ),
    "creport.client.ours": zh_en("我方：{names}", "Our side: {names}"),
    "creport.client.theirs": zh_en("贵方：{names}", "Your side: {names}"),
    "creport.client.conclusions": zh_en("结论：", "Conclusions:"),
    "creport.client.items": zh_en("后续行动：", "Next steps:"),
    "creport.client.item_due": zh_en("{text}（{due} 前）", "{text} (by {due})"),
    "creport.client.ask": zh_en(
        "以上内容如有出入，请回复告知。谢谢！",
        "Please let us know if anything above differs. Thank you!",
    ),
    # --- the report clock: one DM per person per run ----------------------------------
    "creport.due.text": zh_en("联络报告提醒", "Contact report reminder"),
    "creport.due.remind": zh_en(
        "以下联络已过 24 小时，联络报告还没发出。请在时限前写好发给服务团队：",
        "These contacts are 24 hours old and their contact reports are not sent yet. Write them "
        "and send them to the service team before their deadlines:",
    ),
    "creport.due.overdue": zh_en(
        "以下联络报告已过 48 小时时限（遇休息日顺延），仍未发出，已告知你的主管：",
        "These contact reports are past their 48-hour limit (days off not counted) and still not "
        "sent; your manager has been told:",
    ),
    "creport.due.manager": zh_en(
        "你团队里这些联络报告已过 48 小时时限（遇休息日顺延），仍未发出：",
        "These contact reports of your team are past their 48-hour limit (days off not counted) "
        "and still not sent:",
    ),
    "creport.due.line": zh_en(
        "{kind} · *{client}*（{code}）· {when} · 时限 {deadline}",
        "{kind} · *{client}* ({code}) · {when} · due {deadline}",
    ),
    "creport.due.line_days_off": zh_en(
        "{kind} · *{client}*（{code}）· {when} · 中间隔了休息日，时限顺延到 {deadline}",
        "{kind} · *{client}* ({code}) · {when} · days off came in between: due {deadline}",
    ),
    "creport.due.manager_line": zh_en(
        "<@{author}> · {kind} · *{client}*（{code}）· {when}",
        "<@{author}> · {kind} · *{client}* ({code}) · {when}",
    ),
    # --- the App Home and the Monday agenda -------------------------------------------
    "creport.home_owing": zh_en("*待写的联络报告*", "*Contact reports you owe*"),
    "creport.home_line": zh_en(
        "{kind} · *{client}*（{code}）· {when} · 时限 {deadline}",
        "{kind} · *{client}* ({code}) · {when} · due {deadline}",
    ),
    "creport.agenda_title": zh_en(
        "*联络报告：发出超过 2 个工作日，客户仍未确认*",
        "*Contact reports sent over 2 working days ago, not yet confirmed by the client*",
    ),
    "creport.agenda_item": zh_en("{client}（{since} 发出）", "{client} (sent {since})"),
    # --- a client's language ----------------------------------------------------------
    "client.language.usage": zh_en(
        "用法：`/client language 客户 zh|en`，设定给客户的联络报告文本用中文还是英文。",
        "Usage: `/client language CLIENT zh|en`: the language of the contact report text for the "
        "client.",
    ),
    "client.language.unknown": zh_en(
        "不认识语言“{word}”：请写 `zh`（中文）或 `en`（英文）。",
        "Unknown language “{word}”: write `zh` (Chinese) or `en` (English).",
    ),
    "client.language.not_allowed": zh_en(
        "只有 *{client}* 的负责人（含备份）、负责人的主管或管理员可以修改它的语言。",
        "Only the owner or backup of *{client}*, the owner's manager or an admin can change its "
        "language.",
    ),
    "client.language.zh": zh_en("中文", "Chinese"),
    "client.language.en": zh_en("英文", "English"),
    "client.language.set": zh_en(
        "已设定：给 *{client}*（{code}）的联络报告文本用{value}。",
        "Set: the contact report text for *{client}* ({code}) is in {value}.",
    ),
}
