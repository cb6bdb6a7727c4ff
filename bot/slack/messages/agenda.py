"""Texts of the Monday meeting's agenda, agenda items, receivables, the Monday status drafts
to clients, the expense reminder and the buttons of the duties (the month-end texts:
month_end.py)."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- the agenda in the team channel ---------------------------------------------------------
    "agenda.text": zh_en("周例会议程 · {day} {at}", "Weekly meeting agenda · {day} {at}"),
    "agenda.title": zh_en("周例会议程 · {day}", "Weekly meeting agenda · {day}"),
    "agenda.meeting": zh_en(
        "🕤 *{at}* 开会，限时 *{minutes} 分钟*。",
        "🕤 Starts at *{at}*, *{minutes} minutes* at most.",
    ),
    "agenda.meeting_at": zh_en(
        "🕤 *{at}* 开会，限时 *{minutes} 分钟*，地点：{place}。",
        "🕤 Starts at *{at}*, *{minutes} minutes* at most, in {place}.",
    ),
    "agenda.part1": zh_en(
        "*1. 工作进度汇报*（{week}那周的周报）",
        "*1. Progress per person* (notes of the week of {week})",
    ),
    "agenda.person": zh_en("*{name}*", "*{name}*"),
    "agenda.note": zh_en("• {client}：{note}", "• {client}: {note}"),
    "agenda.no_notes": zh_en("*{name}*：上周没有写周报", "*{name}*: no notes last week"),
    "agenda.nobody": zh_en("• 没有人写周报。", "• Nobody wrote notes."),
    "agenda.part2": zh_en("*2. 本周工作*", "*2. This week*"),
    "agenda.jobs": zh_en("_本周到期的工作单（{n}）_", "_Jobs due this week ({n})_"),
    "agenda.job": zh_en(
        "• `{number}` {client} · {project} — {owner}，内部 {internal}，交客户 {deadline}",
        "• `{number}` {client} · {project} — {owner}, internal {internal}, client {deadline}",
    ),
    "agenda.job_overdue": zh_en(
        "• ⚠️ 已逾期 `{number}` {client} · {project} — {owner}，内部 {internal}，交客户 {deadline}",
        "• ⚠️ overdue `{number}` {client} · {project} — {owner}, internal {internal}, "
        "client {deadline}",
    ),
    "agenda.no_jobs": zh_en("• 本周没有到期的工作单。", "• No job is due this week."),
    "agenda.waiting": zh_en("_待审批（{n}）_", "_Waiting for approval ({n})_"),
    "agenda.wait": zh_en(
        "• {requester} 等 {approver} 审批{kind}：{title}（自 {since}）",
        "• {requester} waits for {approver} on a {kind}: {title} (since {since})",
    ),
    "agenda.no_waiting": zh_en("• 没有待审批的申请。", "• Nothing waits for approval."),
    "agenda.problems": zh_en("_需要协调的问题_", "_Problems needing coordination_"),
    "agenda.said": zh_en("• {name}：{text}", "• {name}: {text}"),
    "agenda.none": zh_en("• 没有。", "• None."),
    "agenda.part3": zh_en("*3. 上周不足*", "*3. Last week's shortfalls*"),
    "agenda.all_done": zh_en("• 上周没有不足。👍", "• No shortfalls last week. 👍"),
    "agenda.missed": zh_en("_联络不足的客户_", "_Clients called less often than their cadence_"),
    "agenda.missed_client": zh_en(
        "{client}（差 {n} 天）", Plural("{client} (1 day short)", "{client} ({n} days short)")
    ),
    "agenda.person_list": zh_en("• {name}：{items}", "• {name}: {items}"),
    "agenda.reports": zh_en(
        "_联络报告超过 48 小时未发_", "_Contact reports not sent within 48 hours_"
    ),
    "agenda.report_count": zh_en(
        "• {name}：{n} 份（{clients}）",
        Plural("• {name}: {n} report ({clients})", "• {name}: {n} reports ({clients})"),
    ),
    "agenda.late_forms": zh_en("_加班单迟交（17:00 后）_", "_Overtime forms filed late_"),
    "agenda.late_form_count": zh_en(
        "• {name}：{n} 张", Plural("• {name}: {n} form", "• {name}: {n} forms")
    ),
    "agenda.no_notes_title": zh_en("_没有写周报_", "_No weekly notes_"),
    "agenda.names": zh_en("• {names}", "• {names}"),
    "agenda.unsent": zh_en("_工作周报表未发给客户_", "_Weekly status reports not sent to clients_"),
    "agenda.part4": zh_en("*4. 建议与反思*", "*4. Suggestions and reflections*"),
    "agenda.items": zh_en("*其他议题*", "*Other items*"),
    "agenda.item": zh_en("• {text} — {name}", "• {text} — {name}"),
    "agenda.owed": zh_en(
        "*应收账款：逾期超过 4 个月*（每周例会通报，直到收回或核销）",
        "*Receivables over 4 months overdue* (reported every Monday until paid or written off)",
    ),
    "agenda.owed_line": zh_en(
        "• #{id} {client} {amount}，{due} 到期，已逾期 {months} 个月",
        Plural(
            "• #{id} {client} {amount}, due {due}, {months} month overdue",
            "• #{id} {client} {amount}, due {due}, {months} months overdue",
            "months",
        ),
    ),
    "agenda.owed_flagged": zh_en(
        "• 🚩 #{id} {client} {amount}，{due} 到期，已逾期 {months} 个月——超过 6 个月，上报管理层",
        "• 🚩 #{id} {client} {amount}, due {due}, {months} months overdue — over 6 months: "
        "flagged for management",
    ),
    "agenda.calendar": zh_en("⚠️ {warning}", "⚠️ {warning}"),
    "agenda.no_channel": zh_en(
        "本周的周例会议程没有发出：还没有设置团队频道。请用 "
        "`/aebot settings set team_channel C0123ABCD` 设置，并把 aebot 拉进频道。",
        "This week's meeting agenda was not posted: no team channel is set. Set one with "
        "`/aebot settings set team_channel C0123ABCD` and invite aebot to it.",
    ),
    "agenda.flagged_text": zh_en(
        "🚩 应收账款逾期超过 6 个月：{client} {amount}",
        "🚩 Receivable over 6 months overdue: {client} {amount}",
    ),
    "agenda.flagged": zh_en(
        "🚩 按坏账管理规定上报管理层：*{client}* 的 {amount} 于 {due} 到期，已逾期 {months} 个月"
        "（#{id}，<@{by}> 登记），由董事会决定是否作为坏账。收回后用 `/aebot receivable paid {id}` "
        "标记；董事会决定核销的，由总经理用 `/aebot receivable writeoff {id} 决定日期` 记录；"
        "在此之前每周一例会都会通报。",
        "🚩 Flagged for management (bad-debt rules): *{client}* owes {amount}, due {due}, now "
        "{months} months overdue (#{id}, recorded by <@{by}>); the board decides whether it is "
        "a bad debt. Once paid, mark it with `/aebot receivable paid {id}`; if the board writes "
        "it off, the general manager records it with `/aebot receivable writeoff {id} DAY`. "
        "Until then it is on every Monday agenda.",
    ),
    # --- /aebot agenda ------------------------------------------------------------------------
    "agenda.usage": zh_en(
        "用法：`/aebot agenda add 议题`（加入下一次周例会的议程）、`/aebot agenda list`、"
        "`/aebot agenda remove 编号`。",
        "Usage: `/aebot agenda add TOPIC` (for the next weekly meeting), `/aebot agenda list`, "
        "`/aebot agenda remove ID`.",
    ),
    "agenda.too_long": zh_en(
        "议题最多 {max} 个字，现在是 {n} 个。没有添加。",
        "An item is at most {max} characters; this one has {n}. Nothing was added.",
    ),
    "agenda.added": zh_en(
        "已加入 {day} 的周例会议程：#{id} {text}",
        "Added to the agenda of the meeting on {day}: #{id} {text}",
    ),
    "agenda.list_title": zh_en(
        "{day} 周例会的议题（{n}）：", "Items for the meeting on {day} ({n}):"
    ),
    "agenda.list_line": zh_en("• #{id} {text} — <@{by}>", "• #{id} {text} — <@{by}>"),
    "agenda.list_empty": zh_en(
        "{day} 的周例会还没有议题。用 `/aebot agenda add 议题` 添加。",
        "No items yet for the meeting on {day}. Add one with `/aebot agenda add TOPIC`.",
    ),
    "agenda.need_id": zh_en(
        "请写上编号，例如 `/aebot agenda remove 3`。", "Give its id, e.g. `/aebot agenda remove 3`."
    ),
    "agenda.unknown_item": zh_en(
        "没有编号为 #{id} 的议题。`/aebot agenda list` 列出下次例会的议题。",
        "There is no item #{id}. `/aebot agenda list` lists the next meeting's items.",
    ),
    "agenda.not_yours": zh_en(
        "#{id} 是 <@{by}> 加的，只有本人或管理员可以删除。没有做任何改动。",
        "#{id} was added by <@{by}>; only they or an admin can remove it. Nothing was changed.",
    ),
    "agenda.past": zh_en(
        "#{id} 已经在 {day} 的议程里发出，不能再删除。",
        "#{id} was already on the agenda of {day}; it cannot be removed now.",
    ),
    "agenda.removed": zh_en(
        "已从议程中删除 #{id}：{text}", "Removed #{id} from the agenda: {text}"
    ),
    # --- /aebot receivable --------------------------------------------------------------------
    "receivable.usage": zh_en(
        "用法：`/aebot receivable add 客户 金额 due {eg_due} [备注]`（也可写 `到期 {eg_due_typed}`）、"
        "`/aebot receivable list`、`/aebot receivable paid 编号`、`/aebot receivable writeoff 编号 董事会决定日期`（总经理或管理员）。",
        "Usage: `/aebot receivable add CLIENT AMOUNT due {eg_due} [note]` (or `due {eg_due_typed}`), "
        "`/aebot receivable list`, `/aebot receivable paid ID`, `/aebot receivable writeoff ID BOARD-DAY` (the general manager or an admin).",
    ),
    "receivable.bad_amount": zh_en(
        "“{amount}”不是金额。写成 120000、120,000 或 12万。没有登记。",
        "“{amount}” is not an amount. Write 120000 or 120,000. Nothing was recorded.",
    ),
    "receivable.need_client": zh_en(
        "请写上客户名称，例如 `/aebot receivable add 耐克 120000 到期 {eg_due_typed}`。没有登记。",
        "Name the client, e.g. `/aebot receivable add Nike 120,000 due {eg_due_typed}`. Nothing was "
        "recorded.",
    ),
    "receivable.bad_due": zh_en(
        "“{due}”不是日期。写成 {eg_due} 或 {eg_due_typed}。没有登记。",
        "“{due}” is not a date. Write {eg_due} or {eg_due_typed}. Nothing was recorded.",
    ),
    "receivable.note_too_long": zh_en(
        "备注最多 {max} 个字，现在是 {n} 个。没有登记。",
        "A note is at most {max} characters; this one has {n}. Nothing was recorded.",
    ),
    "receivable.managers_only": zh_en(
        "只有客户经理、客户总监、总经理、项目执行总监和管理员可以登记或结清应收账款。没有做任何改动。",
        "Only account managers, account directors, the general manager, the project execution "
        "director and admins can record or close receivables. Nothing was changed.",
    ),
    "receivable.added": zh_en(
        "已登记应收账款 #{id}：*{client}* {amount}，{due} 到期（{stage}）。",
        "Recorded receivable #{id}: *{client}* {amount}, due {due} ({stage}).",
    ),
    "receivable.stage.not-due": zh_en("还没到期", "not yet due"),
    "receivable.stage.overdue": zh_en("已逾期，不到 2 个月", "overdue, under 2 months"),
    "receivable.stage.monitored": zh_en(
        "逾期超过 2 个月：在周五周报中跟踪", "over 2 months overdue: monitored in the Friday report"
    ),
    "receivable.stage.agenda": zh_en(
        "逾期超过 4 个月：每周一例会通报", "over 4 months overdue: on every Monday agenda"
    ),
    "receivable.stage.management": zh_en(
        "🚩 逾期超过 6 个月：上报管理层", "🚩 over 6 months overdue: flagged for management"
    ),
    "receivable.list_title": zh_en("未结应收账款（{n}）：", "Open receivables ({n}):"),
    "receivable.line": zh_en(
        "• #{id} *{client}* {amount}，{due} 到期 · {stage}",
        "• #{id} *{client}* {amount}, due {due} · {stage}",
    ),
    "receivable.none": zh_en("没有未结的应收账款。", "No open receivables."),
    "receivable.list_title_mine": zh_en(
        "你负责（或任后备负责人）的客户的未结应收账款（{n}）：",
        "Open receivables of the clients you own or back up ({n}):",
    ),
    "receivable.none_mine": zh_en(
        "你负责（或任后备负责人）的客户没有未结的应收账款。",
        "The clients you own or back up have no open receivables.",
    ),
    "receivable.need_id": zh_en(
        "请写上编号，例如 `/aebot receivable paid 3`。`/aebot receivable list` 列出编号。",
        "Give its id, e.g. `/aebot receivable paid 3`. `/aebot receivable list` shows the ids.",
    ),
    "receivable.unknown": zh_en(
        "没有编号为 #{id} 的应收账款。`/aebot receivable list` 列出未结的。",
        "There is no receivable #{id}. `/aebot receivable list` lists the open ones.",
    ),
    "receivable.closed.paid": zh_en(
        "#{id} *{client}* {amount} 已标记为已收款，不再列入例会。",
        "#{id} *{client}* {amount} is marked paid; it leaves the agenda.",
    ),
    "receivable.closed.written-off": zh_en(
        "#{id} *{client}* {amount} 已核销，不再列入例会。",
        "#{id} *{client}* {amount} is written off; it leaves the agenda.",
    ),
    "receivable.writeoff_gm_only": zh_en(
        "坏账由董事会决定，由总经理或管理员记录。没有做任何改动。",
        "A bad debt is the board's decision, recorded by the general manager or an admin. "
        "Nothing was changed.",
    ),
    "receivable.writeoff_too_early": zh_en(
        "这笔应收账款 {due} 到期，逾期还不到 6 个月：逾期超过 6 个月未收回的，才由董事会决定是否作为坏账。"
        "没有做任何改动。",
        "This amount was due {due}, less than 6 months ago: only one overdue more than 6 months "
        "can be written off, as the board decides. Nothing was changed.",
    ),
    "receivable.writeoff_need_board": zh_en(
        "请写上董事会决定的日期，例如 `/aebot receivable writeoff 12 {today}`。没有做任何改动。",
        "Please give the day the board decided it, e.g. `/aebot receivable writeoff 12 {today}`. "
        "Nothing was changed.",
    ),
    "receivable.writeoff_bad_board": zh_en(
        "董事会决定的日期 {day} 不对：应在到期日之后、不晚于今天。没有做任何改动。",
        "The board's day {day} cannot be right: it is after the due date and not after today. "
        "Nothing was changed.",
    ),
    "receivable.written_off": zh_en(
        "#{id} *{client}* {amount} 已按董事会 {day} 的决定作为坏账核销，计入 <@{owner}> 和客户部的负收入，"
        "不再列入例会。",
        "#{id} *{client}* {amount} is written off as a bad debt, as the board decided on {day}: "
        "it counts as negative revenue for <@{owner}> and the department, and leaves the agenda.",
    ),
    "receivable.already.paid": zh_en(
        "#{id} 已于 {when} 标记为已收款，没有改动。",
        "#{id} was already marked paid on {when}; nothing changed.",
    ),
    "receivable.already.written-off": zh_en(
        "#{id} 已于 {when} 核销，没有改动。",
        "#{id} was already written off on {when}; nothing changed.",
    ),
    # --- Monday: the weekly status report to each client (工作周报表) ------------------------
    "status.text": zh_en(
        "本周工作周报表：{n} 个客户的草稿，发给客户后请点“已发送”。",
        Plural(
            "This week's status report: a draft for {n} client; click “Sent” once it is sent.",
            "This week's status reports: drafts for {n} clients; click “Sent” once each is sent.",
        ),
    ),
    "status.intro": zh_en(
        "*本周工作周报表*（{start}—{end}）\n根据工作单整理的草稿：请核对后发给客户，发出后点"
        "“已发送”。没有发出的会列入下周例会的“上周不足”。",
        "*This week's status reports* ({start}–{end})\nDrafts from the job requests: check each, "
        "send it to the client, then click “Sent”. Those not sent are listed in next Monday's "
        "shortfalls.",
    ),
    "status.client": zh_en("*{client}* · 工作周报表", "*{client}* · weekly status report"),
    "status.no_jobs": zh_en("• 本周没有进行中的工作单。", "• No job in progress this week."),
    "status.job": zh_en("• `{number}` {project}：{step}", "• `{number}` {project}: {step}"),
    "status.step.pending": zh_en(
        "待内部审批，交付 {deadline}", "waiting for internal approval, due {deadline}"
    ),
    "status.step.delivered": zh_en("已完成（{closed}）", "delivered ({closed})"),
    "status.step.overdue": zh_en(
        "进行中，已过交付时间 {deadline}，请与客户确认新的时间",
        "in progress, past its due time {deadline}: agree a new date with the client",
    ),
    "status.step.deliver": zh_en(
        "进行中，本周交付：{deadline}", "in progress, due this week: {deadline}"
    ),
    "status.step.internal": zh_en(
        "进行中，本周内部完成 {internal}，交付 {deadline}",
        "in progress, internal review {internal} this week, due {deadline}",
    ),
    "status.step.ongoing": zh_en("进行中，交付 {deadline}", "in progress, due {deadline}"),
    "status.next": zh_en("下一步（最近联络）：{text}", "Next steps (last contact): {text}"),
    "status.sent_button": zh_en("已发送", "Sent"),
    "status.sent": zh_en("✅ 已发送（{when}）", "✅ Sent ({when})"),
    "expenses.reminder": zh_en(
        "报销提醒：本月费用请在 {day} 前提交报销。每种发票填一张支出申请单，例如 "
        "`/aebot request expense 680 耐克 sales 客户晚餐`（`sales` 记销售费用账户，"
        "`commission` 记销售个人佣金账户）。",
        "Expenses: this month's are claimed by {day}. One expense claim per kind of invoice, e.g. "
        "`/aebot request expense 680 Nike sales client dinner` (sales: the sales-expense "
        "account; commission: the personal sales-commission account).",
    ),
    # --- the buttons --------------------------------------------------------------------------
    "duty.not_yours": zh_en(
        "这条是给 <@{user}> 的，只有本人或管理员可以标记。没有做任何改动。",
        "This is for <@{user}>; only they or an admin can mark it. Nothing was changed.",
    ),
    "duty.already": zh_en(
        "{client} 已由 <@{by}> 在 {when} 标记过了，没有改动。",
        "{client} was already marked by <@{by}> on {when}; nothing changed.",
    ),
    "duty.unknown": zh_en(
        "找不到这条提醒，没有做任何改动。", "This reminder no longer exists; nothing was changed."
    ),
}
