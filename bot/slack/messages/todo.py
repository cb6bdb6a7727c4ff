"""Texts of `/todo`: my open action items, done, add, my people's."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    "todo.help": zh_en(
        "*/todo — 待办（督促落实）*\n"
        "• `/todo` 列出我未完成的待办：编号、截止日期、客户、来自哪份联络报告\n"
        "• `/todo done 12` 把第 12 号待办标为完成\n"
        "• `/todo add 耐克 周三前发排期 @Dan` 在联络报告之外添加一项：客户、要做的事、截止日期和负责人（不写即自己）\n"
        "• `/todo team` 主管查看下属未完成的待办，逾期的在前\n"
        "• 联络报告里的待办每行一项，例如 `@Dan 周五前提供报价`；到期当天早上提醒负责人，"
        "逾期一个工作日告诉报告作者，逾期两个工作日告诉负责人的上级",
        "*/todo — action items*\n"
        "• `/todo` lists my open items: number, due date, client, the contact report it came from\n"
        "• `/todo done 12` marks item 12 done\n"
        "• `/todo add Nike send the schedule by Wednesday @Dan` adds one outside a report: the client, "
        "the work, the due day and the owner (nobody named: you)\n"
        "• `/todo team` for managers: your people's open items, overdue first\n"
        "• A contact report's action items are one a line, e.g. `@Dan send the quote by Friday`; "
        "the owner is reminded the morning it is due, the report's author a working day after, "
        "the owner's manager two working days after",
    ),
    "todo.mine_title": zh_en(
        "你有 {n} 项未完成的待办：",
        Plural("You have {n} open action item:", "You have {n} open action items:"),
    ),
    "todo.mine_none": zh_en(
        "你没有未完成的待办。用 `/todo add 客户 要做的事` 添加一项。",
        "You have no open action items. Add one with `/todo add CLIENT WHAT`.",
    ),
    "todo.team_title": zh_en(
        "你的下属有 {n} 项未完成的待办（逾期的在前）：",
        Plural(
            "Your people have {n} open action item (overdue first):",
            "Your people have {n} open action items (overdue first):",
        ),
    ),
    "todo.team_none": zh_en("你的下属没有未完成的待办。", "Your people have no open action items."),
    "todo.team_not_allowed": zh_en(
        "`/todo team` 供主管查看下属的待办。你的待办请用 `/todo` 查看。",
        "`/todo team` is for managers, to see their people's items. See yours with `/todo`.",
    ),
    "todo.line": zh_en(
        "`#{id}` · {due} · *{client}* · {text}\n{source}",
        "`#{id}` · {due} · *{client}* · {text}\n{source}",
    ),
    "todo.line_owner": zh_en(
        "`#{id}` · <@{owner}> · {due} · *{client}* · {text}\n{source}",
        "`#{id}` · <@{owner}> · {due} · *{client}* · {text}\n{source}",
    ),
    "todo.overdue_mark": zh_en("⚠️ 已逾期（{day}）", "⚠️ overdue ({day})"),
    "todo.done_usage": zh_en(
        "用法：`/todo done 编号`，例如 `/todo done 12`。编号见 `/todo`。",
        "Usage: `/todo done NUMBER`, e.g. `/todo done 12`. The numbers are in `/todo`.",
    ),
    "todo.add_usage": zh_en(
        "用法：`/todo add 客户 要做的事 [截止日期] [@负责人]`，例如 `/todo add 耐克 周三前发排期 @Dan`。",
        "Usage: `/todo add CLIENT WHAT [DUE] [@OWNER]`, e.g. `/todo add Nike send the schedule by Wednesday @Dan`.",
    ),
    "todo.add_one_line": zh_en(
        "`/todo add` 一次添加一项；多项待办请写在联络报告里。",
        "`/todo add` adds one item at a time; several belong in a contact report.",
    ),
    "todo.added": zh_en(
        "已添加待办 `#{id}`（*{client}*）：{text}\n负责人 <@{owner}> · {due}",
        "Added action item `#{id}` (*{client}*): {text}\nOwner <@{owner}> · {due}",
    ),
    "todo.owner_not_member": zh_en(
        "<@{owner}> 不在团队里，待办只能交给团队成员。",
        "<@{owner}> is not on the team; an action item goes to a team member.",
    ),
}
