"""Texts of `/aebot settings`, and what each setting means."""

from __future__ import annotations

from bot.rules.jobs import DEPARTMENT_NAMES_ZH
from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- /aebot settings -------------------------------------------------------------
    "settings.title": zh_en("*本工作区的设置*", "*This workspace's settings*"),
    "settings.line_default": zh_en(
        "`{key}` = `{value}`（默认）— {meaning}", "`{key}` = `{value}` (default) — {meaning}"
    ),
    "settings.line_set": zh_en(
        "`{key}` = `{value}`（默认 `{default}`）— {meaning}",
        "`{key}` = `{value}` (default `{default}`) — {meaning}",
    ),
    "settings.usage": zh_en(
        "管理员可以修改：`/aebot settings set 名称 值`，例如 `/aebot settings set contact_nudge_at 09:00`；"
        "`/aebot settings unset 名称` 恢复默认。",
        "Admins change one with `/aebot settings set KEY VALUE`, e.g. "
        "`/aebot settings set contact_nudge_at 09:00`; `/aebot settings unset KEY` restores the default.",
    ),
    "settings.admin_only": zh_en("只有管理员可以修改设置。", "Only an admin can change settings."),
    "settings.unknown_key": zh_en(
        "没有名为“{key}”的设置。可以设置的有：{keys}。",
        "There is no setting called “{key}”. The settings are: {keys}.",
    ),
    "settings.bad_time": zh_en(
        "`{key}` 是一天中的时间，写成 时:分，例如 09:30。",
        "`{key}` is a time of day, written HH:MM, e.g. 09:30.",
    ),
    "settings.bad_hours": zh_en(
        "`{key}` 是一段时间，写成 开始-结束，例如 09:00-19:00。",
        "`{key}` is a span of hours, written START-END, e.g. 09:00-19:00.",
    ),
    "settings.bad_count": zh_en(
        "`{key}` 是 {low} 到 {high} 之间的整数。",
        "`{key}` is a whole number from {low} to {high}.",
    ),
    "settings.bad_duration": zh_en(
        "`{key}` 是一段工作时间，写成小时或工作日，例如 4小时、1天（也可写 `4h`、`1d`）。",
        "`{key}` is working time in hours or working days, e.g. 4h, 1d.",
    ),
    "settings.bad_channel": zh_en(
        "`{key}` 是一个频道，写成频道 ID（例如 `C0123ABCD`）或 #频道；写 `-` 表示不发。",
        "`{key}` is a channel: its id (e.g. C0123ABCD) or #channel; - for none.",
    ),
    "settings.day_backwards": zh_en(
        "工作日要先开始后结束：这样改，`start_of_day` 是 {start}，`end_of_day` 是 {end}。"
        "请让 `end_of_day` 晚于 `start_of_day`。",
        "A working day must end after it starts: this would make `start_of_day` {start} and "
        "`end_of_day` {end}. Set `end_of_day` later than `start_of_day`.",
    ),
    "settings.channel_not_found": zh_en(
        "没有找到名为 #{name} 的公开频道，没有做任何改动。私有频道请写它的 ID（频道详情的最下面，"
        "例如 `C0123ABCD`），并把 aebot 拉进频道。",
        "There is no public channel called #{name}; nothing was changed. For a private channel "
        "give its id (at the bottom of the channel's details, e.g. `C0123ABCD`) and invite aebot.",
    ),
    "settings.channel_lookup_failed": zh_en(
        "Slack 没有给出频道列表（{error}），找不到 #{name}，没有做任何改动。请写频道 ID，例如 `C0123ABCD`。",
        "Slack did not list the channels ({error}), so #{name} could not be found; nothing was "
        "changed. Give the channel's id instead, e.g. `C0123ABCD`.",
    ),
    "settings.bad_text": zh_en("`{key}` 最多 100 个字。", "`{key}` is at most 100 characters."),
    "settings.set": zh_en("已设置：`{key}` = `{value}`。", "Done: `{key}` is now `{value}`."),
    "settings.unset": zh_en(
        "`{key}` 已恢复默认值 `{value}`。", "`{key}` is back to its default, `{value}`."
    ),
    "settings.unset_none": zh_en(
        "`{key}` 没有改过，仍是默认值 `{value}`。",
        "`{key}` was not changed; it is the default, `{value}`.",
    ),
    "setting.contact_nudge_at": zh_en(
        "每个工作日早上提醒 AE 今天该联络的客户的时间",
        "when each AE hears, every working morning, which clients are due a call",
    ),
    "setting.contact_sweep_at": zh_en(
        "下班前汇总仍未联络的客户（并告知主管逾期客户）的时间",
        "when the clients still due are listed before leaving (and long-overdue ones go to the manager)",
    ),
    "setting.hourly_window": zh_en(
        "每小时任务（联络报告提醒）在工作日的这段时间内整点运行",
        "hourly jobs (contact-report reminders) run on the hour within these hours of working days",
    ),
    "setting.contact_escalate_after": zh_en(
        "客户超过联络周期多少个工作日后告知主管",
        "working days past a client's cadence before the owner's manager is told",
    ),
    "setting.end_of_day": zh_en(
        "工作日的下班时间：只写日期时（如“周五”）默认的时间，也是计算工作时长的终点",
        'the end of the working day: the time a date typed without one ("friday") means, and '
        "where working hours stop counting",
    ),
    "setting.start_of_day": zh_en(
        "工作日的上班时间：审批提醒和内部截止时间按 上班–下班 计算工作时长",
        "the start of the working day: approval reminders and internal deadlines count working "
        "hours from start to end of day",
    ),
    "setting.approval_remind_after": zh_en(
        "申请等待多久（工作时间，如 4小时）后提醒审批人一次",
        "how long (working time, e.g. 4h) a request waits before its approver is reminded once",
    ),
    "setting.approval_escalate_after": zh_en(
        "申请等待多久（如 1天 = 一个工作日）后也发给审批人的主管，主管可直接决定",
        "how long (e.g. 1d = one working day) a request waits before it also goes to the "
        "approver's manager, who may decide it",
    ),
    "setting.job_deadlines_at": zh_en(
        "每个工作日提醒负责人即将到期和已逾期工作单的时间",
        "when each owner hears, every working day, of jobs due within a working day and overdue",
    ),
    "setting.job_brief_min_chars": zh_en(
        "工作单创意简报的最少字数（没有清晰的简报不开单）",
        "the fewest characters a job's brief may have (no job without a clear brief)",
    ),
    "setting.overtime_reminder_at": zh_en(
        "每个工作日提醒有在办工作单的 AE 填加班单的时间",
        "when AEs with open jobs are reminded, every working day, to file overtime forms",
    ),
    "setting.overtime_cutoff": zh_en(
        "加班单的截止时间：之后提交的算迟交；这时把当天待签的加班单发给项目执行总监",
        "the overtime form cut-off: forms filed later are late; then the day's waiting forms go to "
        "the project execution director",
    ),
    "setting.overtime_defer_after": zh_en(
        "加班超过这个时间，第二个工作日早上顺延上班",
        "overtime past this time defers the next working morning's start",
    ),
    "setting.overtime_deferral_percent": zh_en(
        "顺延多久：超过上面时间后加班时长的百分之几（100 = 同样多的小时）",
        "how much later the next morning starts: this percent of the hours worked past that time "
        "(100 = as many hours)",
    ),
    "setting.team_channel": zh_en(
        "周一例会议程发到的频道（频道 ID，如 `C0123ABCD`；请先把 aebot 拉进频道）",
        "the channel for the Monday meeting agenda (C0123ABCD; invite aebot to it)",
    ),
    "setting.report_channel": zh_en(
        "周五周报发到的频道（频道 ID，如 `C0123ABCD`；请先把 aebot 拉进频道）",
        "the channel for the Friday weekly report (C0123ABCD; invite aebot to it)",
    ),
    "setting.monday_agenda_at": zh_en(
        "每周第一个工作日发例会议程的时间",
        "when the meeting agenda is posted, first working day of the week",
    ),
    "setting.meeting_notice_at": zh_en(
        "会议前一个工作日发会议通知（何人、何事、何时、何地、为何、如何）的时间",
        "when meetings with clients are announced (5W1H), the working day before",
    ),
    "setting.meeting_at": zh_en("周例会的时间", "when the weekly meeting starts"),
    "setting.meeting_place": zh_en("周例会的地点", "where the weekly meeting is held"),
    "setting.meeting_minutes": zh_en(
        "周例会最长多少分钟", "how many minutes the weekly meeting may last"
    ),
    "setting.weekly_prompt_at": zh_en(
        "每周最后一个工作日提醒 AE 写周报的时间",
        "when AEs are asked for their weekly notes, last working day of the week",
    ),
    "setting.friday_report_at": zh_en(
        "每周最后一个工作日汇总周报发到频道的时间",
        "when the weekly report is compiled and posted, last working day of the week",
    ),
    "setting.month_end_at": zh_en(
        "每月倒数第三个工作日给 AE 发各客户本月工作总结和下月工作计划草稿的时间（也是每月 25 日起"
        "第一个工作日报销提醒的时间）",
        "when each AE gets the drafts of their clients' month summaries and next month's plans, "
        "on the last working day but two of the month (and the expense reminder, on the first "
        "working day from the 25th)",
    ),
    "setting.day_summary_at": zh_en(
        "每个工作日请 AE、AAE 写当日小结和次日安排的时间（与傍晚的联络提醒合为一条）",
        "when AEs and AAEs are asked for the day's summary and tomorrow's plan, each working day"
        " (one DM with the evening's clients still due)",
    ),
    "setting.day_digest_at": zh_en(
        "次一工作日把组员的小结和安排汇总给 AM、AD 的时间",
        "when AMs and ADs get their people's summaries and plans, the next working day",
    ),
    "setting.prospect_cadence_days": zh_en(
        "潜在客户每隔几个工作日要联络一次",
        "every how many working days a prospect is due a call",
    ),
    "setting.holiday_notice_days": zh_en(
        "公众假期前几个工作日提醒 AE 书面通知客户",
        "how many working days before a public holiday AEs are asked to notify their clients",
    ),
    **{
        f"setting.job_channel_{d}": zh_en(
            f"{zh}类工作单批准后，工作单卡片发到的频道（`-` 表示不发）",
            f"the channel where approved {d} jobs are posted (- for none)",
        )
        for d, zh in DEPARTMENT_NAMES_ZH.items()
    },
}
