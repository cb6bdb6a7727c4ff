"""Texts of the month-end summaries (每月月底需向客户提交一份本月工作总结及下月工作时间计划表): the DM
to the AE in the AE's language, and the draft and the sheet for each client in the client's
(`month_end.c.*`, `month_end.x.*`, `month_end.kind.*`)."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- the DM to the AE ------------------------------------------------------------------------
    "month_end.text": zh_en(
        "月末：{n} 个客户的本月工作总结和下月工作计划草稿，核对后发给客户，发出后点“已发送给客户”。",
        Plural(
            "Month end: the draft of this month's summary and next month's plan for {n} client; "
            "check it, send it, then click “Sent”.",
            "Month end: drafts of this month's summary and next month's plan for {n} clients; "
            "check each, send it, then click “Sent”.",
        ),
    ),
    "month_end.intro": zh_en(
        "*{month}工作总结及{plan_month}工作计划*（草稿）\n每个客户一份，已按客户使用的语言写好，"
        "核对后可直接复制发送；同样的内容在线程里的 Excel 表中，每个客户一页。请在 {until} 前发给"
        "客户，发出后点“已发送给客户”。",
        "*{month} summary and {plan_month} plan* (drafts)\nOne per client, written in the "
        "client's language, ready to paste once checked; the same is in the Excel file in the "
        "thread, a sheet per client. Send each by {until}, then click “Sent”.",
    ),
    "month_end.client": zh_en("*{client}*（{language}）", "*{client}* ({language})"),
    "month_end.lang.zh": zh_en("中文", "in Chinese"),
    "month_end.lang.en": zh_en("英文", "in English"),
    "month_end.sent_button": zh_en("已发送给客户", "Sent"),
    "month_end.sent": zh_en("✅ 已发送给客户（{when}）", "✅ Sent to the client ({when})"),
    "month_end.xlsx_title": zh_en(
        "{month}工作总结及{plan_month}工作计划（Excel，每个客户一页）",
        "{month} summary and {plan_month} plan (Excel, a sheet per client)",
    ),
    # --- the draft for the client, in the client's language -----------------------------------
    "month_end.c.title": zh_en(
        "{client}：{month}工作总结及{plan_month}工作计划",
        "{client}: {month} work summary and {plan_month} plan",
    ),
    "month_end.c.month": zh_en("一、{month}工作总结", "1. This month ({month})"),
    "month_end.c.plan": zh_en("二、{plan_month}工作计划", "2. Next month ({plan_month})"),
    "month_end.c.nothing": zh_en("（本月没有需要汇报的工作）", "(nothing to report this month)"),
    "month_end.c.no_plan": zh_en(
        "（暂无排定的工作，如有新的需求请随时告诉我们）",
        "(nothing scheduled yet; tell us whenever something new comes up)",
    ),
    "month_end.c.close": zh_en(
        "以上如有需要调整之处，请随时告诉我们。", "Let us know if anything needs changing."
    ),
    "month_end.c.line": zh_en("{i}. {item}", "{i}. {item}"),
    "month_end.c.details": zh_en("{i}. {item}（{details}）", "{i}. {item} ({details})"),
    "month_end.c.submitted": zh_en("提交 {day}", "submitted {day}"),
    "month_end.c.completed": zh_en("完成 {day}", "completed {day}"),
    "month_end.c.final": zh_en("定稿 {day}", "final {day}"),
    "month_end.c.due": zh_en("交付 {day}", "due {day}"),
    "month_end.c.by": zh_en("截止 {day}", "by {day}"),
    "month_end.c.on": zh_en("{day}", "{day}"),
    "month_end.c.owner": zh_en("负责：{name}", "with {name}"),
    "month_end.c.sent": zh_en("发出 {day}", "sent {day}"),
    "month_end.c.confirmed": zh_en("客户确认 {day}", "confirmed {day}"),
    "month_end.c.job": zh_en("{number} {project}", "{number} {project}"),
    "month_end.c.contact": zh_en("{kind}：{summary}", "{kind}: {summary}"),
    "month_end.c.calls": zh_en("{kind}沟通 {n} 次", Plural("{n} {kind}", "{n} {kind}s")),
    "month_end.c.span": zh_en("{first}—{last}", "{first} – {last}"),
    "month_end.c.report": zh_en("联络报告：{summary}", "Contact report: {summary}"),
    "month_end.c.item": zh_en("待办：{text}", "To do: {text}"),
    "month_end.c.follow": zh_en("跟进：{text}", "Follow-up: {text}"),
    # --- the sheet, in the client's language ----------------------------------------------------
    "month_end.x.item": zh_en("工作项目", "Item"),
    "month_end.x.kind": zh_en("类别", "Kind"),
    "month_end.x.submitted": zh_en("提交", "Submitted"),
    "month_end.x.completed": zh_en("完成", "Completed"),
    "month_end.x.final": zh_en("定稿", "Final"),
    "month_end.x.next": zh_en("下一步", "Next step"),
    "month_end.x.due": zh_en("截止", "Due"),
    "month_end.kind.job": zh_en("工作单", "job"),
    "month_end.kind.contact": zh_en("联络", "contact"),
    "month_end.kind.calls": zh_en("日常沟通", "day-to-day contact"),
    "month_end.kind.report": zh_en("联络报告", "contact report"),
    "month_end.kind.item": zh_en("待办事项", "action item"),
    "month_end.kind.follow": zh_en("跟进", "follow-up"),
}
