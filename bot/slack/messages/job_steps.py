"""Texts of a job's steps after its handoff: `/job status` and the Update status form (进度、
内部审稿、校对、送客户、客户签发), `/job hours` (人员工时记录表), and the job's history in
`/job show`."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

JOB = "{eg_job}"  # a job number of this month (bot/dates/examples.py)

MESSAGES: dict[str, M] = {
    # --- `/job status` ------------------------------------------------------------------------
    "jobstep.usage": zh_en(
        f"用法：`/job status {JOB} 步骤 备注`。步骤：`progress`（制作中）、`review`（内部审稿，"
        f"写审稿意见）、`sent --proofread`（已校对，送客户）、`signed 王经理 昨天`（客户签发，"
        f"负责人记录）、`revise 客户的修改意见`（客户修改）。中文也可以：`进行中`、`审稿`、"
        f"`已送客户`、`签发`、`客户修改`。",
        f"Usage: `/job status {JOB} STEP note`. Steps: `progress`, `review` (the internal "
        f"review, with its comments), `sent --proofread` (proofread and sent to the client), "
        f"`signed Mr Wang yesterday` (the client's sign-off, recorded by the job's owner), "
        f"`revise the client's changes`.",
    ),
    "jobstep.unknown_step": zh_en(
        "看不懂“{word}”这一步。可以写：`progress`（制作中）、`review`（内部审稿）、`sent`（送客户）、"
        "`signed`（客户签发）、`revise`（客户修改），或 `进行中`、`审稿`、`已送客户`、`签发`、`客户修改`。",
        "“{word}” is no step. Write one of `progress`, `review`, `sent`, `signed`, `revise`.",
    ),
    "jobstep.not_on_job": zh_en(
        "只有 {number} 的负责人 <@{owner}>、部门主管和被安排的同事可以更新进度。没有做任何改动。",
        "Only the owner of {number}, <@{owner}>, its department's head and the people assigned "
        "to it can update it. Nothing was changed.",
    ),
    "jobstep.not_accepted": zh_en(
        "{number} 还没有接单：部门主管接单并安排人手之后，才能更新进度。没有做任何改动。",
        "{number} is not accepted yet: once its department's head accepts it and assigns people, "
        "it can be updated. Nothing was changed.",
    ),
    "jobstep.not_from": zh_en(
        "{number} 现在是“{status}”，不能直接改为“{to}”。现在可以改为：{choices}。没有做任何改动。",
        "{number} stands at {status} and cannot go straight to {to}. It can go to: {choices}. "
        "Nothing was changed.",
    ),
    "jobstep.choice": zh_en("`{word}`（{status}）", "`{word}` ({status})"),
    "jobstep.signed_close": zh_en(
        "{number} 客户已签发，没有下一步了：负责人可以消单，`/job close {job} 交付说明`。",
        "{number} is signed off; what is left is closing it: `/job close {job} delivery note` "
        "(its owner).",
    ),
    "jobstep.not_live": zh_en(
        "{number} 现在是“{status}”，不能更新进度。没有做任何改动。",
        "{number} stands at {status}; its status cannot be updated. Nothing was changed.",
    ),
    "jobstep.already": zh_en(
        "{number} 已经是“{status}”了。没有做任何改动。",
        "{number} stands at {status} already. Nothing was changed.",
    ),
    "jobstep.moved_meanwhile": zh_en(
        "{number} 刚刚被别人改成了“{status}”，你的更新没有保存。请看看现在的状态再决定。",
        "Someone has just moved {number} to {status}; your update was not saved. Please look at "
        "where it stands now, then decide.",
    ),
    "jobstep.review_needs_note": zh_en(
        "内部审稿要写下审稿意见，例如 `/job status {job} review 文案已审，标题再短一些`。没有做任何改动。",
        "An internal review needs its comments, e.g. `/job status {job} review copy checked, "
        "shorten the headline`. Nothing was changed.",
    ),
    "jobstep.sent_needs_review": zh_en(
        "{number} 还没有内部审稿记录，不能送客户：要由被安排的同事以外的人（部门主管或负责人）审稿并写下意见，"
        "`/job status {job} review 意见`。没有做任何改动。",
        "{number} has no internal review on record, so it cannot go to the client: someone other "
        "than the people assigned (the department's head or the owner) reviews it and writes "
        "their comments, `/job status {job} review comments`. Nothing was changed.",
    ),
    "jobstep.sent_needs_proofread": zh_en(
        "送客户之前要先校对：确认已校对后，在命令里加 `--proofread`（或 `已校对`），例如 "
        "`/job status {job} sent --proofread`。没有做任何改动。",
        "Proofread it before it goes to the client, then confirm with `--proofread`, e.g. "
        "`/job status {job} sent --proofread`. Nothing was changed.",
    ),
    "jobstep.signed_owner_only": zh_en(
        "客户签发由 {number} 的负责人 <@{owner}> 记录。没有做任何改动。",
        "The client's sign-off of {number} is recorded by its owner, <@{owner}>. Nothing was "
        "changed.",
    ),
    "jobstep.signed_needs_who": zh_en(
        "请写客户方的签发人，签发日期可选（默认今天），例如 `/job status {job} signed 王经理 昨天`。"
        "没有做任何改动。",
        "Please say who signed it off at the client, and optionally when (today if not said), "
        "e.g. `/job status {job} signed Mr Wang yesterday`. Nothing was changed.",
    ),
    "jobstep.signed_future": zh_en(
        "签发日期 {day} 还没到：请写客户已经签发的那一天。没有做任何改动。",
        "{day} has not come yet: please give the day the client signed it off. Nothing was "
        "changed.",
    ),
    "jobstep.signed_before_job": zh_en(
        "签发日期 {day} 在这张工作单开出之前，请检查日期。没有做任何改动。",
        "{day} is before the job was filed; please check the day. Nothing was changed.",
    ),
    "jobstep.signer_too_long": zh_en(
        "签发人最多 {max} 个字。没有做任何改动。",
        "Who signed it takes at most {max} characters. Nothing was changed.",
    ),
    "jobstep.note_too_long": zh_en(
        "备注最多 {max} 个字，请删短一些。没有做任何改动。",
        "A note takes at most {max} characters; please shorten it. Nothing was changed.",
    ),
    "jobstep.done": zh_en(
        "已记录：{number}「{project}」现在是“{status}”。",
        "Recorded: {number} “{project}” moved to {status}.",
    ),
    "jobstep.done_proofread": zh_en(
        "已记录：{number}「{project}」已校对，送客户了。",
        "Recorded: {number} “{project}” is proofread and sent to the client.",
    ),
    "jobstep.done_signed": zh_en(
        "已记录：{number}「{project}」由客户方 {who} 于 {day} 签发。负责人现在可以消单："
        "`/job close {job} 交付说明`。",
        "Recorded: {number} “{project}” was signed off by {who} at the client on {day}. Its owner "
        "can close it now: `/job close {job} delivery note`.",
    ),
    "jobstep.note_line": zh_en("备注：{note}", "Note: {note}"),
    "jobstep.told_owner": zh_en(
        "<@{by}> 把你的工作单 {number}「{project}」更新为“{status}”。",
        "<@{by}> moved your job {number} “{project}” to {status}.",
    ),
    "jobstep.told_owner_signed": zh_en(
        "<@{by}> 记录了你的工作单 {number}「{project}」的客户签发：{who}（{day}）。",
        "<@{by}> recorded the client's sign-off of your job {number} “{project}”: {who} ({day}).",
    ),
    # --- the Update status form ---------------------------------------------------------------
    "jobstep.form.title": zh_en("更新进度", "Update status"),
    "jobstep.form.submit": zh_en("保存", "Save"),
    "jobstep.form.head": zh_en(
        "*工作单 {number}*《{project}》· 现在：{status}",
        "*Job {number}* “{project}” · now: {status}",
    ),
    "jobstep.form.no_step": zh_en(
        "现在没有可以选的下一步；这里可以记你今天的工时。",
        "There is no next step to choose now; you can record your hours of today here.",
    ),
    "jobstep.form.step": zh_en("下一步", "Next step"),
    "jobstep.form.step_ph": zh_en("选择新的状态", "Choose the new status"),
    "jobstep.form.note": zh_en(
        "备注（审稿意见、客户要求的修改……）", "Note (review comments, the client's changes…)"
    ),
    "jobstep.form.proofread_label": zh_en("校对", "Proofreading"),
    "jobstep.form.proofread": zh_en("已校对", "Proofread"),
    "jobstep.form.hours": zh_en("我今天的工时（小时，可选）", "My hours today (optional)"),
    "jobstep.form.hours_ph": zh_en("例如 3.5", "e.g. 3.5"),
    "jobstep.form.signer": zh_en(
        "客户方签发人（记录签发时填写）", "Signed off by, at the client (for the sign-off)"
    ),
    "jobstep.form.signer_ph": zh_en("例如 王经理", "e.g. Mr Wang"),
    "jobstep.form.signed_on": zh_en(
        "签发日期（可选，默认今天）", "Day of the sign-off (optional, today if empty)"
    ),
    "jobstep.form.signed_on_ph": zh_en(
        "例如 昨天；不填就是今天", "e.g. yesterday; empty means today"
    ),
    "jobstep.form.nothing": zh_en(
        "请选择下一步，或者填写今天的工时。", "Please choose a next step, or give your hours."
    ),
    "jobstep.form.review_needs_note": zh_en(
        "内部审稿要写下审稿意见。", "An internal review needs its comments."
    ),
    "jobstep.form.proofread_needed": zh_en(
        "送客户之前要先校对，并勾选这里。",
        "Proofread it before it goes to the client, and tick this.",
    ),
    "jobstep.form.signer_needed": zh_en(
        "记录客户签发，要写客户方的签发人。", "A sign-off needs who signed it at the client."
    ),
    "jobstep.form.moved": zh_en(
        "这张工作单刚刚被改成了“{status}”，请关闭表单，看看现在的状态再决定。",
        "This job has just moved to {status}; please close the form and look at where it "
        "stands now.",
    ),
    # --- `/job hours` -------------------------------------------------------------------------
    "jobhours.usage": zh_en(
        f"用法：`/job hours {JOB} 3.5 [日期] [说明]`，日期默认今天，例如 `/job hours {JOB} 3.5 昨天 改主视觉`。",
        f"Usage: `/job hours {JOB} 3.5 [day] [note]`, the day today if not said, e.g. "
        f"`/job hours {JOB} 3.5 yesterday key visual changes`.",
    ),
    "jobhours.not_a_number": zh_en(
        "看不懂工时“{typed}”：请写小时数，例如 `3.5`。没有记录。",
        "“{typed}” is no number of hours: write it like `3.5`. Nothing was recorded.",
    ),
    "jobhours.out_of_bounds": zh_en(
        "工时“{typed}”不行：一次记 0.25 到 16 小时。没有记录。",
        "{typed} hours cannot be recorded: give from 0.25 to 16 hours at a time. Nothing was "
        "recorded.",
    ),
    "jobhours.future": zh_en(
        "这一天还没到，不能提前记工时。没有记录。",
        "That day has not come yet: hours are recorded once worked. Nothing was recorded.",
    ),
    "jobhours.before_job": zh_en(
        "这一天在工作单开出之前，不能记工时。没有记录。",
        "That day is before the job was filed. Nothing was recorded.",
    ),
    "jobhours.not_on_job": zh_en(
        "你不在 {number} 上：只有负责人、部门主管和被安排的同事可以记工时。没有记录。",
        "You are not on {number}: its owner, its department's head and the people assigned to "
        "it record hours on it. Nothing was recorded.",
    ),
    "jobhours.not_approved": zh_en(
        "{number} 现在是“{status}”：工作单批准之后才能记工时。没有记录。",
        "{number} stands at {status}: hours are recorded on approved jobs. Nothing was recorded.",
    ),
    "jobhours.recorded_today": zh_en(
        "记录了你今天的 {hours} 小时：{number}「{project}」。",
        "Recorded your {hours} h of today on {number} “{project}”.",
    ),
    "jobhours.recorded": zh_en(
        "记录了 {hours} 小时：{number}「{project}」，{day}。你在这张工作单上一共记了 {total} 小时。",
        "Recorded {hours} h on {number} “{project}” for {day}. Your hours on this job: {total} h.",
    ),
    # --- the history in `/job show` -------------------------------------------------------------
    "jobstep.show.title": zh_en("*进度记录*：", "*Progress*:"),
    "jobstep.show.line": zh_en(
        "• {when} · {actor} {action}{note}", "• {when} · {actor} {action}{note}"
    ),
    "jobstep.event.accepted": zh_en("接单", "accepted it"),
    "jobstep.event.assigned": zh_en("安排给 {people}", "assigned it to {people}"),
    "jobstep.event.moved": zh_en("改为“{status}”", "moved it to {status}"),
    "jobstep.event.sent": zh_en("已校对，送客户", "proofread it and sent it to the client"),
    "jobstep.event.signed": zh_en(
        "记录客户签发：{who}（{day}）", "recorded the client's sign-off: {who} ({day})"
    ),
    "jobstep.event.closed": zh_en("消单", "closed it"),
    "jobstep.event.closed_unsigned": zh_en(
        "未经客户签发结案", "closed it without the client's sign-off"
    ),
    "jobstep.show.hours_title": zh_en("*工时*：", "*Hours*:"),
    "jobstep.show.hours_line": zh_en("• <@{user}>：{hours} 小时", "• <@{user}>: {hours} h"),
    "jobstep.show.hours_total": zh_en("合计 {hours} 小时", "Total {hours} h"),
    "jobstep.show.no_hours": zh_en(
        "*工时*：还没有人记录（`/job hours {job} 3.5`）。",
        "*Hours*: none recorded yet (`/job hours {job} 3.5`).",
    ),
}
