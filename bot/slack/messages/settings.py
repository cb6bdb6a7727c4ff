"""Texts of `/aebot settings`, and what each setting means."""

from __future__ import annotations

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
        "只写日期时（如“周五”）默认的时间",
        'the time a date typed without one ("friday") means',
    ),
}
