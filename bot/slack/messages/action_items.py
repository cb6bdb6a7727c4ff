"""Texts of action items (督促落实): reading the lines, the owner's DM, Done, the reminders."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- reading the lines (bot/rules/action_items.py) ------------------------------------
    "items.past": zh_en(
        "待办第 {i} 行“{text}”：{day} 已经过去了，请写今天或以后的日期。",
        "Action item line {i} “{text}”: {day} has already passed; give today or a later day.",
    ),
    "items.too_far": zh_en(
        "待办第 {i} 行“{text}”：{day} 在一年以后，请检查日期。",
        "Action item line {i} “{text}”: {day} is more than a year away; check the date.",
    ),
    "items.unknown_name": zh_en(
        "待办第 {i} 行“{text}”：团队里没有“@{name}”。请用 Slack 的 @ 提及选人，或写团队里的名字。",
        "Action item line {i} “{text}”: no one on the team is called “@{name}”. "
        "Mention them with Slack's @, or write a name on the team.",
    ),
    "items.no_words": zh_en(
        "待办第 {i} 行“{text}”：只写了负责人，请写明要做的事。",
        "Action item line {i} “{text}”: it names an owner but no work; say what is to be done.",
    ),
    "items.too_long": zh_en(
        "待办第 {i} 行“{text}”太长（{n} 字，最多 {max} 字）。",
        "Action item line {i} “{text}” is too long ({n} characters, at most {max}).",
    ),
    # --- the owner's DM (bot/slack/views/action_items.py) ----------------------------------
    "item.dm_text": zh_en("新待办：{text}", "New action item: {text}"),
    "item.dm_intro": zh_en(
        "<@{author}> 给你一项待办（*{client}*）：",
        "<@{author}> gave you an action item (*{client}*):",
    ),
    "item.line": zh_en("• {text}", "• {text}"),
    "item.due": zh_en("截止：{day}", "Due: {day}"),
    "item.no_due": zh_en("没有截止日期", "No due date"),
    "item.from_report": zh_en(
        "来自 <@{author}> 的联络报告（{when}）", "From <@{author}>'s contact report ({when})"
    ),
    "item.from_todo": zh_en(
        "<@{author}> 用 `/todo add` 添加", "Added by <@{author}> with `/todo add`"
    ),
    "item.done_btn": zh_en("完成", "Done"),
    "item.done_line": zh_en("✅ <@{by}> 已于 {when} 完成", "✅ Done by <@{by}> on {when}"),
    "item.dropped_line": zh_en(
        "这项待办已从修改后的联络报告中删除。", "This item was removed when its report was edited."
    ),
    # --- Done --------------------------------------------------------------------------
    "item.done": zh_en("已标记完成：“{text}”", "Marked done: “{text}”"),
    "item.not_allowed": zh_en(
        "只有负责人、报告作者、他们的上级或管理员可以把这项待办标为完成。",
        "Only the owner, the report's author, their managers or an admin can mark this item done.",
    ),
    "item.gone": zh_en(
        "找不到这项待办（可能已被删除），什么都没有改。",
        "That action item can't be found (it may have been removed); nothing was changed.",
    ),
    "item.already_done": zh_en(
        "这项待办已经由 <@{by}> 于 {when} 标为完成，无需再点。",
        "This item was already marked done by <@{by}> on {when}; nothing more to do.",
    ),
    "item.told_author_text": zh_en("待办完成：{text}", "Action item done: {text}"),
    "item.told_author": zh_en(
        "✅ <@{by}> 完成了 *{client}* 的待办：{text}",
        "✅ <@{by}> finished an action item for *{client}*: {text}",
    ),
    "setting.action_items_at": zh_en(
        "每个工作日提醒逾期待办的时间（告诉报告作者和负责人的上级）",
        "when overdue action items are told each working day (to the report's author, then the owner's manager)",
    ),
    # --- the Monday agenda's problems part, the Friday report ---------------------------
    "agenda.items_overdue": zh_en("逾期未完成的待办（督促落实）：", "Action items overdue:"),
    "agenda.item_overdue": zh_en(
        "• {name} · *{client}* · {text}（截止 {day}）", "• {name} · *{client}* · {text} (due {day})"
    ),
    "friday.items": zh_en(
        "待办（督促落实）：本周完成 {done} · 未完成 {open} · 其中逾期 {overdue}",
        "Action items: done this week {done} · open {open} · of which overdue {overdue}",
    ),
    # --- the reminders (scheduler/action_item_tasks.py) ---------------------------------
    "items.due_today": zh_en("*今天到期和已逾期的待办*", "*Action items due today or overdue*"),
    "items.nudge_text": zh_en(
        "今天有 {n} 项待办到期。",
        Plural("1 action item is due today.", "{n} action items are due today."),
    ),
    "items.overdue_text": zh_en(
        "有 {n} 项待办已逾期。",
        Plural("1 action item is overdue.", "{n} action items are overdue."),
    ),
    "items.overdue_author_intro": zh_en(
        "这些待办来自你的联络报告，已经逾期，请跟进负责人：",
        "These action items from your contact reports are overdue; follow up with their owners:",
    ),
    "items.overdue_manager_intro": zh_en(
        "你团队成员的这些待办已逾期两个工作日以上：",
        "These action items of your people are two working days overdue or more:",
    ),
    "items.overdue_line": zh_en(
        "• <@{owner}> · *{client}* · {text}（截止 {day}）",
        "• <@{owner}> · *{client}* · {text} (due {day})",
    ),
}
