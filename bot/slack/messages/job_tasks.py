"""Texts of the timetable's reminders in a job's life: a job not accepted half a working day
after its approval, an internal deadline half a working day away with the job not yet sent,
a job past the client's deadline and not signed off (to its owner and the owner's manager,
and on Monday's agenda); and the assignees' part of the 09:00 job-deadlines DM."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- not accepted: the department's heads, then the owner --------------------------------
    "jobremind.accept_text": zh_en(
        "工作单待接单：已批准超过半个工作日，还没有人接单。",
        "Jobs to accept: approved over half a working day ago, nobody has taken them yet.",
    ),
    "jobremind.accept_intro": zh_en(
        "以下交给你部门的工作单已批准超过半个工作日，还没有人接单。"
        "请在各自的工作单卡片上点“接单”，并安排人手：",
        "These jobs handed to your department were approved over half a working day ago and "
        "nobody has accepted them yet. Accept each on its card and assign people:",
    ),
    "jobremind.accept_line": zh_en(
        "`{number}` {project} · {client} — 批准于 {since}，内部截止 {internal}",
        "`{number}` {project} · {client} — approved {since}, internal deadline {internal}",
    ),
    "jobremind.accept_owner_text": zh_en(
        "你的工作单还没有人接单。", "Jobs you asked for are not accepted yet."
    ),
    "jobremind.accept_owner_intro": zh_en(
        "以下你的工作单已批准超过半个工作日，部门还没有接单：",
        "These jobs of yours were approved over half a working day ago and their department "
        "has not accepted them yet:",
    ),
    "jobremind.accept_owner_line": zh_en(
        "`{number}` {project} · {client} — {department}部，已提醒主管 {people}",
        "`{number}` {project} · {client} — {department}: {people} reminded to accept it",
    ),
    "jobremind.accept_owner_no_head": zh_en(
        "`{number}` {project} · {client} — {department}部没有主管可提醒，"
        "请管理员在团队名单中设置（角色 `dh`）",
        "`{number}` {project} · {client} — {department} has no head to remind: ask an admin "
        "to set one in the team list (role `dh`)",
    ),
    # --- the internal deadline half a working day away, not yet sent --------------------------
    "jobremind.internal_text": zh_en(
        "工作单内部截止时间快到了，还没有送客户。",
        "Internal deadlines are near: jobs not yet sent to the client.",
    ),
    "jobremind.internal_intro": zh_en(
        "以下工作单半个工作日内到内部截止时间，还没有送客户。送客户前要先内部审稿并校对：",
        "These jobs reach their internal deadline within half a working day and are not yet "
        "sent to the client. Before they go, hold the internal review and proofread them:",
    ),
    "jobremind.internal_line": zh_en(
        "`{number}` {project} · {client} — 内部截止 {internal}，客户截止 {deadline} · {status}",
        "`{number}` {project} · {client} — internal deadline {internal}, client's deadline "
        "{deadline} · {status}",
    ),
    "jobremind.step_hint": zh_en(
        "更新进度：`/job status 工作号 progress|review|sent 说明`，或点工作单卡片上的“更新进度”。",
        "Say how far a job is with `/job status NUMBER progress|review|sent note`, or with "
        "Update status on its card.",
    ),
    # --- past the client's deadline, not signed off: the owner and the owner's manager ---------
    "jobremind.overdue_text": zh_en(
        "工作单已过客户截止时间，客户还没有签发。",
        "Jobs past the client's deadline, not signed off by the client.",
    ),
    "jobremind.overdue_intro": zh_en(
        "以下你的工作单已过客户截止时间，客户还没有签发：",
        "These jobs of yours are past the client's deadline and the client has not signed "
        "them off:",
    ),
    "jobremind.overdue_team_intro": zh_en(
        "以下你团队的工作单已过客户截止时间，客户还没有签发：",
        "These jobs of your team are past the client's deadline and the client has not signed "
        "them off:",
    ),
    "jobremind.overdue_line": zh_en(
        "`{number}` {project} · {client} — 客户截止 {deadline} · {status}",
        "`{number}` {project} · {client} — client's deadline {deadline} · {status}",
    ),
    "jobremind.overdue_team_line": zh_en(
        "`{number}` {project} · {client} — <@{owner}>，客户截止 {deadline} · {status}",
        "`{number}` {project} · {client} — <@{owner}>, client's deadline {deadline} · {status}",
    ),
    "jobremind.overdue_hint": zh_en(
        "客户签发后用 `/job status 工作号 signed` 记录；这些工作单也会列在周一例会的议程上。",
        "Once the client signs off, record it with `/job status NUMBER signed`; these jobs are "
        "on Monday's agenda too.",
    ),
    # --- the 09:00 job-deadlines DM, with the jobs someone is assigned ---------------------------
    "jobremind.deadlines_owned": zh_en("*你跟进的工作单*", "*Jobs you asked for*"),
    "jobremind.deadlines_assigned": zh_en("*交给你做的工作单*", "*Jobs assigned to you*"),
    # --- Monday's agenda, problems needing coordination ----------------------------------------
    "jobremind.agenda_title": zh_en(
        "_已过客户截止时间、客户未签发的工作单_",
        "_Jobs past the client's deadline, not signed off_",
    ),
    "jobremind.agenda_line": zh_en(
        "• ⚠️ `{number}` {client} · {project} — {owner}，交客户 {deadline} · {status}",
        "• ⚠️ `{number}` {client} · {project} — {owner}, client {deadline} · {status}",
    ),
}
