"""Texts of the Friday report (周报): the headline, each AE's section in its thread, the
managers' summaries, `/aebot report` (a preview), the .xlsx and the picture."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- the headline ------------------------------------------------------------------------
    "friday.text": zh_en("周报 · 第{week}周（{span}）", "Weekly report · week {week} ({span})"),
    "friday.title": zh_en(
        "*周报 · 第{week}周（{span}）*", "*Weekly report · week {week} ({span})*"
    ),
    "friday.submitted": zh_en("已交周报（{n}/{of}）：{who}", "Notes submitted ({n}/{of}): {who}"),
    "friday.not_submitted": zh_en("未交周报：{who}", "Not submitted: {who}"),
    "friday.on_leave": zh_en("全周休假：{who}", "On leave all week: {who}"),
    "friday.nobody": zh_en("无", "none"),
    "friday.totals": zh_en(
        "本周合计：联络记录 {logged} · 联络天数 {days}/{required}（按联络周期） · "
        "联络不足的客户 {missed} · 逾期的联络报告 {reports}",
        "This week: contacts logged {logged} · contact days {days}/{required} (as the cadences "
        "ask) · clients short of calls {missed} · contact reports overdue {reports}",
    ),
    "friday.jobs_total": zh_en(
        "工作单：新开 {opened} · 修改 {revised} · 完成 {closed} · 逾期 {overdue}",
        "Jobs: opened {opened} · revised {revised} · closed {closed} · overdue {overdue}",
    ),
    "friday.overtime_total": zh_en(
        "加班：按时 {on_time} 小时 · 迟交 {late} 小时",
        "Overtime: {on_time} h on time · {late} h late",
    ),
    "friday.owed_total": zh_en(
        "应收账款监控（逾期两个月以上）：{n} 笔",
        "Receivables monitored (over 2 months overdue): {n}",
    ),
    "friday.in_thread": zh_en(
        "每位 AE 的周报在本帖回复中，附 Excel 表和联络图。",
        "Each AE's report is in this thread, with the Excel file and the contacts chart.",
    ),
    # --- an AE's section ---------------------------------------------------------------------
    "friday.ae": zh_en("*{name}*", "*{name}*"),
    "friday.ae_on_leave": zh_en("*{name}*（全周休假）", "*{name}* (on leave all week)"),
    "friday.ae_text": zh_en("{name} · 第{week}周周报", "{name} · week {week}"),
    "friday.clients": zh_en("*客户联络*", "*Clients contacted*"),
    "friday.no_clients": zh_en("（名下没有客户）", "(no clients)"),
    "friday.client": zh_en(
        "• {client}：联络天数 {days}/{required}（联络记录 {n}）",
        "• {client}: contact days {days}/{required} (contacts logged: {n})",
    ),
    "friday.client_short": zh_en(
        "• {client}：联络天数 {days}/{required}（联络记录 {n}）— 差 {short} 天",
        "• {client}: contact days {days}/{required} (contacts logged: {n}) — {short} short",
    ),
    "friday.missed": zh_en("联络不足：{clients}", "Short of calls: {clients}"),
    "friday.missed_one": zh_en("{client}（差 {short} 天）", "{client} ({short} short)"),
    "friday.kinds": zh_en("联络记录：{kinds}", "Contacts logged: {kinds}"),
    "friday.reports": zh_en("联络报告逾期：{items}", "Contact reports overdue: {items}"),
    "friday.report_one": zh_en("{client} {kind}（{day}）", "{client} {kind} ({day})"),
    "friday.jobs": zh_en(
        "工作单：新开 {opened} · 修改 {revised} · 完成 {closed} · 逾期 {overdue}",
        "Jobs: opened {opened} · revised {revised} · closed {closed} · overdue {overdue}",
    ),
    "friday.overtime": zh_en(
        "加班：按时 {on_time} 小时 · 迟交 {late} 小时",
        "Overtime: {on_time} h on time · {late} h late",
    ),
    "friday.owed": zh_en("应收账款监控：{items}", "Receivables monitored: {items}"),
    "friday.owed_one": zh_en(
        "{client} {amount}（{due}到期，逾期 {months} 个月）",
        Plural(
            "{client} {amount} (due {due}, 1 month overdue)",
            "{client} {amount} (due {due}, {months} months overdue)",
            "months",
        ),
    ),
    "friday.notes": zh_en("*周报*", "*Notes*"),
    "friday.no_notes": zh_en("*周报*：未交", "*Notes*: not submitted"),
    "friday.note": zh_en("• {client}：{text}", "• {client}: {text}"),
    "friday.problems": zh_en("*需要协调的问题*：{text}", "*Problems needing coordination*: {text}"),
    "friday.suggestions": zh_en("*建议*：{text}", "*Suggestions*: {text}"),
    "friday.funnel_changes": zh_en("漏斗变化：{items}", "Funnel changes: {items}"),
    "friday.change_one": zh_en("{client} {from_}→{to}", "{client} {from_} → {to}"),
    # --- managers ----------------------------------------------------------------------------
    "friday.team_text": zh_en(
        "你团队的周报 · 第{week}周（{span}）", "Your team's weekly report · week {week} ({span})"
    ),
    "friday.team_title": zh_en(
        "*你团队的周报 · 第{week}周（{span}）*",
        "*Your team's weekly report · week {week} ({span})*",
    ),
    "friday.team_channel": zh_en(
        "完整周报见 <#{channel}>。", "The full report is in <#{channel}>."
    ),
    "friday.team_line": zh_en(
        "• *{name}*：联络记录 {logged} · 联络不足 {missed} · 逾期的联络报告 {reports} · "
        "工作单 新开 {opened}/修改 {revised}/完成 {closed}/逾期 {overdue} · "
        "加班 {hours} 小时（迟交 {late}）· 周报：{notes}",
        "• *{name}*: contacts {logged} · short: {missed} · reports overdue {reports} · "
        "jobs opened {opened}/revised {revised}/closed {closed}/overdue {overdue} · "
        "overtime {hours} h (late {late} h) · notes: {notes}",
    ),
    "friday.team_notes_yes": zh_en("已交", "in"),
    "friday.team_notes_no": zh_en("未交", "missing"),
    "friday.team_notes_leave": zh_en("全周休假", "on leave all week"),
    # --- no channel ----------------------------------------------------------------------------
    "friday.no_channel": zh_en(
        "本周周报没有发到频道：还没有设置 `report_channel`。各位经理已通过私信收到各自团队的摘要。"
        "请用 `/aebot settings set report_channel #频道` 设置（并把 aebot 拉进该频道）。",
        "This week's report was not posted to a channel: `report_channel` is not set. Each "
        "manager got their team's summary by DM. Set it with `/aebot settings set "
        "report_channel #channel` (and invite aebot to that channel).",
    ),
    # --- /aebot report -----------------------------------------------------------------------
    "friday.preview_text": zh_en(
        "本周周报预览（截至现在，未发送）", "Preview of this week's report (so far, not posted)"
    ),
    "friday.preview_title": zh_en(
        "_本周周报预览 · 截至 {now} · 不会发送_",
        "_Preview of this week's report · as of {now} · not posted_",
    ),
    "friday.preview_nothing": zh_en(
        "你名下没有客户，也没有下属 AE，没有可预览的周报。",
        "You have no clients and no AEs report to you: there is no report to preview.",
    ),
    "friday.preview_team": zh_en("*你的团队*", "*Your team*"),
    # --- the files -----------------------------------------------------------------------------
    "friday.xlsx_title": zh_en("周报（第{week}周）", "Weekly report (week {week})"),
    "friday.png_title": zh_en(
        "本周联络天数与应联络天数（第{week}周）", "Contact days against the cadence (week {week})"
    ),
    "friday.png_ylabel": zh_en("天", "days"),
    "friday.png_contacted": zh_en("已联络（天）", "contacted (days)"),
    "friday.png_required": zh_en("应联络（天）", "required (days)"),
    "friday.png_some": zh_en(
        "本周联络天数与应联络天数（第{week}周，差距最大的 {n} 位，共 {of} 位）",
        "Contact days against the cadence (week {week}: the {n} furthest behind of {of})",
    ),
    "friday.x.ae": zh_en("AE", "AE"),
    "friday.x.user": zh_en("用户 ID", "User ID"),
    "friday.x.client": zh_en("客户", "Client"),
    "friday.x.code": zh_en("客户代码", "Client code"),
    "friday.x.cadence": zh_en("联络频率（工作日）", "Cadence (working days)"),
    "friday.x.required": zh_en("应联络（天）", "Required (days)"),
    "friday.x.days": zh_en("已联络（天）", "Contacted (days)"),
    "friday.x.contacts": zh_en("联络次数", "Contacts"),
    "friday.x.short": zh_en("联络不足（天）", "Short (days)"),
    "friday.x.stage": zh_en("漏斗阶段", "Funnel stage"),
    "friday.x.note": zh_en("周报", "Note"),
    "friday.x.opened": zh_en("新开工作单", "Jobs opened"),
    "friday.x.revised": zh_en("修改工作单", "Jobs revised"),
    "friday.x.closed": zh_en("完成工作单", "Jobs closed"),
    "friday.x.overdue": zh_en("逾期工作单", "Jobs overdue"),
    "friday.x.total": zh_en("合计", "Total"),
    "friday.x.changes": zh_en("本周变化", "Changes this week"),
    "friday.x.from": zh_en("原阶段", "From"),
    "friday.x.to": zh_en("新阶段", "To"),
    "friday.x.by": zh_en("操作人", "By"),
    "friday.x.at": zh_en("时间", "When"),
    "friday.x.owner": zh_en("负责 AE", "Owner"),
    "friday.x.month_contacts": zh_en("本月联络次数", "Contacts this month"),
    "friday.x.last": zh_en("最近联络", "Last contact"),
    "friday.x.work_chart": zh_en("每位 AE 的联络（天）", "Contact days per AE"),
    "friday.x.funnel_chart": zh_en("每位 AE 的客户漏斗", "Clients per funnel stage per AE"),
    "friday.sheet.work": zh_en("工作", "Work"),
    "friday.sheet.funnel": zh_en("漏斗", "Funnel"),
    "friday.sheet.log": zh_en("客户日志", "Client log"),
    "friday.stage.prospect": zh_en("潜在", "prospect"),
    "friday.stage.contacted": zh_en("已接触", "contacted"),
    "friday.stage.proposal": zh_en("提案", "proposal"),
    "friday.stage.negotiation": zh_en("谈判", "negotiation"),
    "friday.stage.won": zh_en("赢单", "won"),
    "friday.stage.lost": zh_en("丢单", "lost"),
}
