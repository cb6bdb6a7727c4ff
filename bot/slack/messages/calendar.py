"""Texts of `/aebot calendar`."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- /aebot calendar ----------------------------------------------------------------
    "calendar.usage": zh_en(
        "用法：`/aebot calendar [年份]` 查看，例如 `/aebot calendar {eg_year}`；"
        "`/aebot calendar check` 检查未来 60 天；管理员录入调休上班和放假："
        "`/aebot calendar set {eg_workday} 上班`、`/aebot calendar set {eg_holiday} 休息 年会`，"
        "`/aebot calendar unset {eg_holiday}` 撤销",
        "Usage: `/aebot calendar [YEAR]` to look, e.g. `/aebot calendar {eg_year}`; "
        "`/aebot calendar check` for the next 60 days; admins enter make-up working days and "
        "days off: `/aebot calendar set {eg_workday} workday`, "
        "`/aebot calendar set {eg_holiday} holiday Company day`, and "
        "`/aebot calendar unset {eg_holiday}` undoes one",
    ),
    "calendar.admin_only": zh_en(
        "只有管理员可以修改工作日历。", "Only an admin can change the working-day calendar."
    ),
    "calendar.title_official": zh_en(
        "*{year} 年*：国家公布的节假日安排（含调休）",
        "*{year}*: the government's announced calendar (make-up days included)",
    ),
    "calendar.title_corrected": zh_en(
        "*{year} 年*：日历库的推算，加上这里录入的 {n} 处修正",
        Plural(
            "*{year}*: the library's guess with {n} correction entered here",
            "*{year}*: the library's guess with {n} corrections entered here",
        ),
    ),
    "calendar.title_guessed": zh_en(
        "*{year} 年*：还没有官方安排，只是日历库推算的固定节日，没有调休。公布后请管理员录入。",
        "*{year}*: no official calendar yet, only the library's guess of fixed holidays without make-up "
        "working days. An admin should enter it once it is announced.",
    ),
    "calendar.line_off": zh_en(
        "{day} {weekday} 休息 {name}{mark}", "{day} {weekday} off {name}{mark}"
    ),
    "calendar.line_work": zh_en(
        "{day} {weekday} 上班 {name}{mark}", "{day} {weekday} working {name}{mark}"
    ),
    "calendar.mark": zh_en(" ✎ 修正", " ✎ correction"),
    "calendar.set_work": zh_en(
        "已设置：{day} {weekday} 为工作日，提醒照常发送。",
        "Done: {day} {weekday} is a working day; reminders go out.",
    ),
    "calendar.set_off": zh_en(
        "已设置：{day} {weekday} 休息 {name}，当天不发提醒。",
        "Done: {day} {weekday} is a day off {name}; no reminders that day.",
    ),
    "calendar.unset": zh_en(
        "已取消 {day} 的修正，恢复日历库的安排。",
        "The correction for {day} is gone; the library's calendar applies.",
    ),
    "calendar.unset_none": zh_en(
        "{day} 没有修正，没有改动。", "{day} had no correction; nothing changed."
    ),
    "calendar.check_ok": zh_en(
        "未来 60 天都有官方节假日安排。", "The next 60 days are covered by the official calendar."
    ),
    "calendar.check_missing": zh_en(
        "注意：{years} 年还没有官方节假日安排，提醒可能在调休日漏发或在假日误发。公布后请管理员用 "
        "`/aebot calendar set` 录入。",
        "Note: there is no official holiday calendar for {years} yet, so reminders may skip make-up working "
        "days or go out on holidays. An admin should enter it with `/aebot calendar set` once announced.",
    ),
}
