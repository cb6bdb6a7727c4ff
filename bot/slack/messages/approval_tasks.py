"""Texts of the timetable's job-deadline DM and of the App Home's jobs and approvals."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- job-deadlines: one DM a working morning to each owner with something due --------------
    # the DM's notification: overdue jobs and those due soon, each said only when some
    "job_deadlines.text": zh_en(
        "工作单提醒：{soon} 个一个工作日内到期，{overdue} 个已逾期。",
        "Jobs: {soon} due within one working day, {overdue} overdue.",
    ),
    "job_deadlines.text_overdue": zh_en(
        "工作单提醒：{n} 个已逾期。", Plural("Jobs: 1 overdue.", "Jobs: {n} overdue.")
    ),
    "job_deadlines.text_soon": zh_en(
        "工作单提醒：{n} 个一个工作日内到期。",
        Plural("Jobs: 1 due within one working day.", "Jobs: {n} due within one working day."),
    ),
    "job_deadlines.intro": zh_en(
        "以下工作单需要跟进（按内部截止时间排序）：",
        "These jobs of yours need attention (by internal deadline):",
    ),
    "job_deadlines.overdue": zh_en(
        "*已逾期（{n} 个）*",
        Plural("*Overdue ({n} job)*", "*Overdue ({n} jobs)*"),
    ),
    "job_deadlines.soon": zh_en(
        "*一个工作日内到期（{n} 个）*",
        Plural("*Due within one working day ({n} job)*", "*Due within one working day ({n} jobs)*"),
    ),
    "job_deadlines.line": zh_en(
        "`{number}` {project} · {client} — 内部截止 {internal}，客户截止 {deadline}",
        "`{number}` {project} · {client} — internal deadline {internal}, client's deadline "
        "{deadline}",
    ),
    "job_deadlines.close_hint": zh_en(
        "交付后用 `/job close 工作号` 消单。",
        "Once delivered, close a job with `/job close NUMBER`.",
    ),
    # --- App Home ----------------------------------------------------------------------------
    "home.waiting": zh_en(
        "*等你审批（{n} 项）*",
        "*Waiting for your decision ({n})*",
    ),
    "home.waiting_none": zh_en("没有等你审批的申请。", "Nothing is waiting for your decision."),
    "home.on_behalf": zh_en("你代 <@{user}> 审批。", "You decide this on behalf of <@{user}>."),
}
