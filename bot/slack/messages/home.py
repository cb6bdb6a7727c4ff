"""Texts of the App Home."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- App Home ---------------------------------------------------------------------
    "home.title": zh_en("我的一天 · {date}", "My day · {date}"),
    "home.not_member": zh_en(
        "你是管理员，但不在团队名单里，所以这里没有你的客户和提醒。加入同事（也可以是你自己）："
        "`/aebot team add @同事 ae manager @主管`，或在服务器上用 `aebot team import team.csv` 导入整个团队。",
        "You are an admin, not on the team, so there are no clients or reminders of yours here. "
        "Add colleagues (or yourself) with `/aebot team add @someone ae manager @someone`, or "
        "load the whole team on the server with `aebot team import team.csv`.",
    ),
    "home.day_off": zh_en("今天休息，不发提醒。", "Today is a day off: no reminders go out."),
    "home.none_due": zh_en("今天没有该联络的客户了。", "No client is due a call today."),
    "home.recent": zh_en("*最近 10 条联络记录*", "*Your last 10 contacts*"),
    "home.no_recent": zh_en(
        "还没有联络记录。用 `/contact` 记录第一条。",
        "No contacts logged yet. Log one with `/contact`.",
    ),
    "home.recent_line": zh_en(
        "{when} · {kind} · *{client}* · {code} — {summary}",
        "{when} · {kind} · *{client}* · {code} — {summary}",
    ),
    # --- my jobs, with their state (bot/slack/views/home.py) ---------------------------------
    "home.jobs_assigned": zh_en("*我手上的工作单*", "*Jobs I am working on*"),
    "home.jobs_asked": zh_en("*我发起的工作单*", "*Jobs I asked for*"),
    "home.jobs_department": zh_en(
        "*本部门的工作单 · {department}*", "*My department's jobs · {department}*"
    ),
    "home.job_state": zh_en(
        "`{number}` {project} · {client} · *{state}* · 内部截止 {internal}",
        "`{number}` {project} · {client} · *{state}* · internal deadline {internal}",
    ),
    "home.job_state_overdue": zh_en(
        "`{number}` {project} · {client} · *{state}* · 内部截止 {internal} · *已逾期*",
        "`{number}` {project} · {client} · *{state}* · internal deadline {internal} · *overdue*",
    ),
    "home.job_people": zh_en("负责：{people}", "with {people}"),
    "home.job_nobody": zh_en("尚未分派", "not assigned yet"),
}
