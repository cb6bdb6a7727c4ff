"""Texts of the AE's day (当日工作小结和次日工作安排): the day-summary DM, its form, `/daily`, the
managers' digest and **Register tomorrow**."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "daily.help": zh_en(
        "*/daily — 当日工作小结和次日工作安排*\n"
        "• `/daily` 打开表单：今天的小结和明天的安排，已按 aebot 的记录填好，改一改再提交\n"
        "• `/daily 今天：… 明天：…` 直接写下（再写一次就替换），例如 "
        "`/daily 今天：耐克提案已发 明天：跟进可口可乐排期`\n"
        "• `/daily team [日期]` 我手下的人的小结（经理可用），默认是上一个工作日的\n"
        "每个工作日下班前 aebot 会私信你当天的记录；第二天早上经理会收到汇总。",
        "*/daily — the day's summary and tomorrow's plan*\n"
        "• `/daily` opens the form: today's summary and tomorrow's plan, filled in from what "
        "aebot logged, to edit and submit\n"
        "• `/daily today: … tomorrow: …` writes it at once (written again, it is replaced), "
        "e.g. `/daily today: Nike proposal sent tomorrow: chase Coca Cola's schedule`\n"
        "• `/daily team [day]` my people's summaries (managers), the last working day's unless "
        "a day is given\n"
        "Each working day before you leave aebot DMs you the day's record; the next morning "
        "your manager gets the summaries.",
    ),
    # --- the 17:30 DM ----------------------------------------------------------------------
    "day.text": zh_en(
        "下班前：今天的工作小结和明天的安排", "Before you leave: today's summary, tomorrow's plan"
    ),
    "day.today_title": zh_en("*今天（{day}）aebot 记下的：*", "*Today ({day}), aebot logged:*"),
    "day.tomorrow_title": zh_en("*明天（{day}）：*", "*Tomorrow ({day}):*"),
    "day.nothing_today": zh_en("aebot 今天没有你的记录。", "Nothing of yours logged today."),
    "day.nothing_tomorrow": zh_en("还没有明天的安排。", "Nothing planned yet."),
    "day.contact": zh_en("{time} {kind} {client}：{summary}", "{time} {kind} {client}: {summary}"),
    "day.report": zh_en("发出联络报告：{client}", "Contact report sent: {client}"),
    "day.move": zh_en("工作单 {job} → {state}", "Job {job} → {state}"),
    "day.done": zh_en("完成待办：{text}（{client}）", "Action item done: {text} ({client})"),
    "day.follow_up": zh_en("跟进 {client}：{summary}", "Follow up {client}: {summary}"),
    "day.meeting": zh_en("{time} 会议：{client} · {what}", "{time} meeting: {client} · {what}"),
    "day.meeting_at": zh_en(
        "{time} 会议：{client} · {what}（{place}）", "{time} meeting: {client} · {what} ({place})"
    ),
    "day.deadline": zh_en(
        "工作单 {job}（{client}）客户截止 {time}", "Job {job} ({client}) due to the client {time}"
    ),
    "day.deadline_internal": zh_en(
        "工作单 {job}（{client}）内部截止 {time}", "Job {job} ({client}) due internally {time}"
    ),
    "day.deferred": zh_en("昨晚加班，明早 {time} 上班", "A later start after overtime: {time}"),
    "day.ask": zh_en(
        "点 *写小结*：两栏已按上面的记录填好，改一改就能提交。也可以直接 "
        "`/daily 今天：… 明天：…`。",
        "Click *Write summary*: both boxes are filled in from the lists above, to edit, not "
        "retype. Or `/daily today: … tomorrow: …`.",
    ),
    "day.written": zh_en(
        "你已在 {when} 写了今天的小结；点 *写小结* 可以修改。",
        "You wrote today's summary {when}; *Write summary* edits it.",
    ),
    "day.write": zh_en("写小结", "Write summary"),
    "day.register_line": zh_en(
        "明天 {time} 在 *{place}* 见 {client}，还没有登记去向。",
        "Tomorrow {time} you are at *{place}* for {client}, and your whereabouts are not "
        "registered.",
    ),
    "day.register": zh_en("登记明天去向", "Register tomorrow"),
    # --- the form and the quick path -----------------------------------------------------
    "day.modal.title": zh_en("工作小结", "Day summary"),
    "day.modal.intro": zh_en(
        "{day} 的工作小结，和下一个工作日（{until}）的安排。已按 aebot 的记录填好，改好再提交；"
        "再写一次就替换。",
        "The summary of {day} and the plan for the next working day ({until}), filled in from "
        "what aebot logged: edit and submit. Written again, it is replaced.",
    ),
    "day.f.today": zh_en("今天的工作小结", "Today's summary"),
    "day.f.tomorrow": zh_en("明天的工作安排", "Tomorrow's plan"),
    "day.saved": zh_en(
        "已保存 {day} 的工作小结。\n*今天*：{text}\n*明天*：{plan}",
        "Saved your summary of {day}.\n*Today*: {text}\n*Tomorrow*: {plan}",
    ),
    "day.replaced": zh_en(
        "已更新 {day} 的工作小结（替换了之前写的）。\n*今天*：{text}\n*明天*：{plan}",
        "Updated your summary of {day} (what you wrote before is replaced).\n"
        "*Today*: {text}\n*Tomorrow*: {plan}",
    ),
    "day.too_long": zh_en(
        "每一栏最多 {max} 字，这一栏有 {n} 字。",
        "Each box is at most {max} characters; this one has {n}.",
    ),
    "day.empty": zh_en("请写一点内容。", "Please write something here."),
    "day.missing_today": zh_en(
        "还缺“今天”的部分：请写成 `/daily 今天：… 明天：…`，或只打 `/daily` 打开表单。",
        "The “today” part is missing: write `/daily today: … tomorrow: …`, or `/daily` alone "
        "for the form.",
    ),
    "day.missing_tomorrow": zh_en(
        "还缺“明天”的部分：请写成 `/daily 今天：… 明天：…`，或只打 `/daily` 打开表单。",
        "The “tomorrow” part is missing: write `/daily today: … tomorrow: …`, or `/daily` "
        "alone for the form.",
    ),
    "day.missing_both": zh_en(
        "没看到“今天：”和“明天：”两部分：请写成 `/daily 今天：… 明天：…`，或只打 `/daily` "
        "打开表单。",
        "Neither “today:” nor “tomorrow:” was found: write `/daily today: … tomorrow: …`, or "
        "`/daily` alone for the form.",
    ),
    "day.not_yours": zh_en(
        "这条是发给 <@{user}> 的，只有本人或管理员可以点。",
        "This was sent to <@{user}>: only they or an admin can use it.",
    ),
    # --- Register tomorrow -----------------------------------------------------------------
    "day.registered": zh_en(
        "已登记去向：{time}，{client}（{place}）。",
        "Whereabouts registered: {time}, {client} ({place}).",
    ),
    "day.registered_already": zh_en(
        "去向已经登记过了：<@{user}> {time}，{client}（{when} 登记）。",
        "Already registered: <@{user}> {time}, {client} (registered {when}).",
    ),
    "day.register_gone": zh_en(
        "这个会议已经取消、改到办公室或已经结束，不用登记了。",
        "That meeting was cancelled, moved to the office or is over: nothing to register.",
    ),
    # --- the digest and /daily team --------------------------------------------------------
    "day.digest.text": zh_en("{day} 的工作小结", "Summaries of {day}"),
    "day.digest.title": zh_en(
        "*{day} 团队的工作小结和次日安排*", "*Your people's summaries of {day}*"
    ),
    "day.digest.person": zh_en(
        "*{name}*\n今天：{text}\n明天：{plan}", "*{name}*\nToday: {text}\nTomorrow: {plan}"
    ),
    "day.digest.nobody_wrote": zh_en("还没有人写小结。", "Nobody has written one yet."),
    "day.digest.missing": zh_en("没写小结：{names}", "Wrote none: {names}"),
    "day.digest.leave": zh_en("请假：{names}", "On leave: {names}"),
    "day.team_not_allowed": zh_en(
        "`/daily team` 给经理看手下的人的小结；你可以用 `/daily` 写自己的。",
        "`/daily team` is for managers, to read their people's summaries; `/daily` writes yours.",
    ),
    "day.team_none": zh_en(
        "你手下没有要写工作小结的人（AE、AAE）。",
        "Nobody below you is asked for a day summary (AEs, AAEs).",
    ),
}
