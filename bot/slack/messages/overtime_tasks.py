"""Texts of the overtime timetable: the 16:30 reminder and its "No overtime today", the 17:00
cut-off list to the project execution director and its "Approve all on time"."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- overtime-reminder: 16:30, to each AE / AAE with an open job and no form today --------
    "overtime_reminder.text": zh_en(
        "加班单提醒：今天要加班的话，请在 {cutoff} 前填加班单。",
        "Overtime today? File the form before {cutoff}.",
    ),
    "overtime_reminder.body": zh_en(
        "你有 {n} 个进行中的工作单，今天还没有加班单。要加班的话请在 *{cutoff} 前* 填加班单"
        "并交项目执行总监签批（之后提交算迟交）；不加班就点“今天不加班”。",
        Plural(
            "You have {n} open job and no overtime form today. If you will stay late, file the "
            "form *before {cutoff}* for the project execution director to sign (after that it "
            "is late); if not, click “No overtime today”.",
            "You have {n} open jobs and no overtime form today. If you will stay late, file the "
            "form *before {cutoff}* for the project execution director to sign (after that it "
            "is late); if not, click “No overtime today”.",
        ),
    ),
    "overtime_reminder.file": zh_en("填加班单", "File overtime"),
    "overtime_reminder.none_today": zh_en("今天不加班", "No overtime today"),
    "overtime_reminder.silenced": zh_en(
        "好的，今天不加班——今天不再提醒你。",
        "OK, no overtime today — no more reminders today.",
    ),
    "overtime_reminder.not_yours": zh_en(
        "这条提醒是发给 <@{user}> 的，只有本人可以关掉。没有做任何改动。",
        "This reminder is for <@{user}>; only they can silence it. Nothing was changed.",
    ),
    # --- overtime-cutoff: 17:00, one DM to the project execution director -------------------
    "overtime_cutoff.text": zh_en(
        "加班单截止：{day} 还有 {n} 张加班单等你审批。",
        Plural(
            "Overtime cut-off: {n} form of {day} is waiting for your decision.",
            "Overtime cut-off: {n} forms of {day} are waiting for your decision.",
        ),
    ),
    "overtime_cutoff.intro": zh_en(
        "*{day} 的加班单还有 {n} 张等你审批*（{cutoff} 截止）。",
        Plural(
            "*{n} overtime form of {day} is waiting for your decision* (cut-off {cutoff}).",
            "*{n} overtime forms of {day} are waiting for your decision* (cut-off {cutoff}).",
        ),
    ),
    "overtime_cutoff.late_count": zh_en(
        "其中 {n} 张在截止后提交，已标为迟交，请逐张审批。",
        Plural(
            "{n} of them was filed after the cut-off and is marked late: decide it on its own.",
            "{n} of them were filed after the cut-off and are marked late: decide them one by one.",
        ),
    ),
    "overtime_cutoff.no_ped": zh_en(
        "团队里没有项目执行总监，所以发给管理员。",
        "The team has no project execution director, so this comes to the admins.",
    ),
    "overtime_cutoff.approve_all": zh_en(
        "批准全部按时提交的（{n} 张）",
        "Approve all on time ({n})",
    ),
    "overtime_cutoff.late_note": zh_en(
        "⏰ 迟交：{when} 提交，晚于 {cutoff} 截止。",
        "⏰ Late: filed {when}, after the {cutoff} cut-off.",
    ),
    "overtime_cutoff.all_done": zh_en(
        "{day} 的加班单都已处理，没有等你审批的了。",
        "Every overtime form of {day} has been decided; nothing is waiting for you.",
    ),
    # --- "Approve all on time" ------------------------------------------------------------
    "overtime_bulk.only_ped": zh_en(
        "只有项目执行总监或管理员可以一键批准加班单。没有做任何改动。",
        "Only the project execution director or an admin can approve overtime forms all at "
        "once. Nothing was changed.",
    ),
    "overtime_bulk.approved": zh_en(
        "已批准 {n} 张按时提交的加班单。",
        Plural(
            "Approved {n} overtime form filed on time.",
            "Approved {n} overtime forms filed on time.",
        ),
    ),
    "overtime_bulk.none": zh_en(
        "没有按时提交、还在等审批的加班单了。",
        "No overtime form filed on time is waiting any more.",
    ),
    "overtime_bulk.late_wait": zh_en(
        "还有 {n} 张迟交的加班单需要逐张审批。",
        Plural(
            "{n} late form still waits to be decided on its own.",
            "{n} late forms still wait to be decided one by one.",
        ),
    ),
    "overtime_bulk.not_yours": zh_en(
        "{n} 张按时提交的加班单在等别人审批，你不能决定，没有改动。",
        Plural(
            "{n} on-time form is waiting for someone else's decision and was not changed.",
            "{n} on-time forms are waiting for someone else's decision and were not changed.",
        ),
    ),
}
