"""Texts of `/overtime`: overtime forms (加班单), late filing, the later start after a night's
work (顺延), the month's list and report."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- help ---------------------------------------------------------------------------
    "overtime.help": zh_en(
        "*/overtime — 加班单*\n"
        "• `/overtime` 打开加班单：工作单或客户、加班人员（默认自己）、日期（默认今天）、计划时间、原因\n"
        "• `/overtime 19:00-22:00 {eg_job} 赶提案` 直接为自己提交今天的加班单（先写时间，再写工作号或客户，最后写原因）\n"
        "• 时间可以写 `19:00-22:30`、`晚上8点到凌晨1点`，或只写结束 `到晚上十点`（从下班时间算起）\n"
        "• `/overtime list` 我本月的加班单和每周时长 · `/overtime report {eg_month}` 月度加班统计和 Excel 表（经理和管理员）\n"
        "每天 17:00 前提交；之后提交的算迟交，审批人会看到。加班单由项目执行总监审批。"
        "加班超过 23:00，下一个工作日早上顺延上班（批准后生效，经理会收到通知）。",
        "*/overtime — overtime forms*\n"
        "• `/overtime` opens a form: the job or client, who stays (you by default), the day "
        "(today by default), the planned time, the reason\n"
        "• `/overtime 19:00-22:00 {eg_job} pitch deck` files today's form for you at once "
        "(the time first, then a job number or a client, then the reason)\n"
        "• Times like `19:00-22:30`, `8pm-1am`, or an end alone, `until 10pm` (from the end of "
        "the working day)\n"
        "• `/overtime list` my forms this month and hours per week · `/overtime report {eg_month}` "
        "the month's overtime, with an Excel file (managers and admins)\n"
        "File before 17:00 each day; later forms are marked late, and the approver sees it. The "
        "project execution director signs the forms. Work past 23:00 defers the next working "
        "morning's start (once approved; managers are told).",
    ),
    "approval.kind.overtime": zh_en("加班单", "overtime form"),
    "overtime.status.pending": zh_en("待审批", "waiting"),
    "overtime.status.approved": zh_en("已批准", "approved"),
    "overtime.status.rejected": zh_en("已驳回", "rejected"),
    "overtime.status.withdrawn": zh_en("已撤回", "withdrawn"),
    # --- the form -----------------------------------------------------------------------
    "overtime.modal.title": zh_en("加班单", "Overtime form"),
    "overtime.form.submit": zh_en("提交审批", "Submit"),
    "overtime.f.target": zh_en("工作单或客户", "Job or client"),
    "overtime.form.target_ph": zh_en("选择工作单或客户", "Choose a job or a client"),
    "overtime.option.client": zh_en("客户：{name}", "Client: {name}"),
    "overtime.f.members": zh_en("加班人员", "Who stays"),
    "overtime.f.day": zh_en("日期", "Day"),
    "overtime.form.day_ph": zh_en(
        "留空即今天；例如 明天、{eg_day}", "Empty = today; e.g. tomorrow, {eg_day}"
    ),
    "overtime.f.time": zh_en("计划时间", "Planned time"),
    "overtime.form.time_ph": zh_en(
        "例如 19:00-22:30、晚上8点到凌晨1点、到晚上十点", "e.g. 19:00-22:30, 8pm-1am, until 10pm"
    ),
    "overtime.f.reason": zh_en("加班原因", "Reason"),
    "overtime.form.reason_ph": zh_en("例如：赶明早的提案", "e.g. the pitch due tomorrow morning"),
    "overtime.no_targets": zh_en(
        "你没有进行中的工作单，团队也还没有客户。请先用 `/job` 开工作单或用 `/client add` 添加客户。",
        "You have no open job and the team has no client yet. File a job with `/job` or add a "
        "client with `/client add` first.",
    ),
    "overtime.refile": zh_en("修改后重新提交", "Edit and file again"),
    "overtime.refiling": zh_en(
        "按被驳回的加班单填好了，修改后重新提交。",
        "Filled in from the rejected form: change it and submit.",
    ),
    # --- what the approver sees ---------------------------------------------------------
    "overtime.f.late": zh_en("⚠️ 迟交（截止后提交于）", "⚠️ Filed late, at"),
    "overtime.f.time_range": zh_en("时间", "Time"),
    "overtime.f.hours": zh_en("时长（小时）", "Hours"),
    "overtime.f.member": zh_en("加班人员", "Staying"),
    "overtime.f.job": zh_en("工作单", "Job"),
    "overtime.f.client": zh_en("客户", "Client"),
    "overtime.f.deferred": zh_en("次日顺延上班", "Next working morning starts at"),
    # --- refusals -----------------------------------------------------------------------
    "overtime.need_target": zh_en("请选择工作单或客户。", "Choose the job or client."),
    "overtime.need_members": zh_en("请选择加班人员。", "Choose who stays."),
    "overtime.too_many_members": zh_en(
        "一张加班单最多 {max} 人。", "A form has at most {max} people."
    ),
    "overtime.not_on_team": zh_en(
        "{users} 不在团队名单里，不能加入加班单。管理员可以用 `/aebot team add @同事 角色 manager @主管` 添加。",
        "Not on the team: {users}. Nobody can be on an overtime form before an admin adds them "
        "(`/aebot team add @someone ROLE manager @someone`).",
    ),
    "overtime.need_time": zh_en(
        "请填写计划加班时间，例如 19:00-22:30、晚上8点到凌晨1点，或 到晚上十点。",
        "Give the planned time, e.g. 19:00-22:30, 8pm-1am, or until 10pm.",
    ),
    "overtime.need_times": zh_en(
        "加班单要写几点到几点，不是几天，例如 19:00-22:30、晚上8点到凌晨1点。",
        "An overtime form needs times, not days, e.g. 19:00-22:30, 8pm-1am.",
    ),
    "overtime.end_before_close": zh_en(
        "只写结束时间时从下班时间 {close} 算起，{end} 不在下班之后。请写出开始和结束，例如 14:00-{end}。",
        "An end alone counts from the end of the working day, {close}, and {end} is not after "
        "it. Give a start and an end, e.g. 14:00-{end}.",
    ),
    "overtime.need_reason": zh_en("请填写加班原因。", "Give the reason for the overtime."),
    "overtime.reason_too_long": zh_en(
        "加班原因最多 {max} 个字。", "The reason is at most {max} characters."
    ),
    "overtime.no_approver": zh_en(
        "找不到审批人：团队里没有项目执行总监（角色 `ped`），你的汇报链上也没有主管。管理员可以用 "
        "`/aebot team set @同事 role ped` 指定项目执行总监，或用 `/aebot team set @同事 manager @主管` 设置汇报对象。",
        "Nobody can sign this: the team has no project execution director (role `ped`) and no "
        "one up your reporting line is a manager. An admin names one with `/aebot team set "
        "@someone role ped`, or sets a manager with `/aebot team set @someone manager @someone`.",
    ),
    "overtime.target_gone": zh_en(
        "所选的工作单或客户已不存在，请重新选择。",
        "The chosen job or client no longer exists; choose again.",
    ),
    "overtime.job_not_open": zh_en(
        "工作单 {number} 的状态是“{status}”：只能为进行中的工作单加班。",
        "Job {number} is {status}: overtime is filed for open jobs only.",
    ),
    "overtime.gone": zh_en("这张加班单不存在了。", "That overtime form no longer exists."),
    "overtime.refile_not_yours": zh_en(
        "这张加班单是 <@{filer}> 提交的，只有提交人可以重新提交。",
        "<@{filer}> filed that form; only they can file it again.",
    ),
    # --- the quick path: what is missing, above the form ----------------------------------
    "overtime.quick.time": zh_en(
        "{problem}\n请在下面补全后提交。", "{problem}\nComplete the form below and submit."
    ),
    "overtime.quick.time_first": zh_en(
        "请先写加班时间，例如 `/overtime 19:00-22:00 {eg_job} 赶提案`。请在下面补全后提交。",
        "Write the time first, e.g. `/overtime 19:00-22:00 {eg_job} pitch deck`. Complete "
        "the form below and submit.",
    ),
    "overtime.quick.unknown_number": zh_en(
        "没有编号为 {number} 的工作单。请在下面选择工作单或客户。",
        "There is no job numbered {number}. Choose the job or client below.",
    ),
    "overtime.quick.job_not_open": zh_en(
        "工作单 {number} 的状态是“{status}”：只能为进行中的工作单加班。请在下面选择。",
        "Job {number} is {status}: overtime is filed for open jobs only. Choose below.",
    ),
    "overtime.quick.choose_below": zh_en(
        "请在下面选择工作单或客户。", "Choose the job or the client below."
    ),
    "overtime.quick.need_target": zh_en(
        "还缺工作号或客户。请在下面选择。", "The job number or client is missing. Choose below."
    ),
    "overtime.quick.need_reason": zh_en(
        "还缺加班原因。请在下面填写后提交。", "The reason is missing. Write it below and submit."
    ),
    # --- the filer's confirmation -------------------------------------------------------
    "overtime.filed": zh_en(
        "已提交加班单：{day} {time}（{hours} 小时），{members}，{target}。按时提交（{cutoff} 前），等 <@{approver}> 审批。",
        "Overtime form filed: {day} {time} ({hours} h), {members}, {target}. Filed on time "
        "(before {cutoff}); waiting for <@{approver}>.",
    ),
    "overtime.filed_late": zh_en(
        "已提交加班单：{day} {time}（{hours} 小时），{members}，{target}。⚠️ 迟交：在 {cutoff} 截止之后提交，审批人会看到迟交标记。等 <@{approver}> 审批。",
        "Overtime form filed: {day} {time} ({hours} h), {members}, {target}. ⚠️ Filed late: "
        "after the {cutoff} cut-off, and the approver sees it. Waiting for <@{approver}>.",
    ),
    "overtime.filed_deferred": zh_en(
        "加班超过 {after}：批准后，下一个工作日 {day} {start} 上班。",
        "Work past {after}: once approved, the next working day, {day}, starts at {start}.",
    ),
    # --- after approval: the later start ------------------------------------------------
    "overtime.deferred.manager": zh_en(
        "<@{user}> 加班到 {end}（加班单已批准），{day} {start} 上班。",
        "<@{user}> worked until {end} (overtime approved); starts at {start} on {day}.",
    ),
    "overtime.deferred.member": zh_en(
        "你的加班单（到 {end}）已批准：{day} {start} 上班即可。",
        "Your overtime until {end} is approved: you start at {start} on {day}.",
    ),
    # --- /overtime list -----------------------------------------------------------------
    "overtime.list.none": zh_en("你本月还没有加班单。", "You have no overtime form this month."),
    "overtime.list.title": zh_en(
        "{month}我的加班单（{n} 张）",
        Plural("My overtime in {month} ({n} form)", "My overtime in {month} ({n} forms)"),
    ),
    "overtime.list.week": zh_en(
        "*第{week}周*（{first} – {last}）：已批准 {approved} 小时，待审批 {waiting} 小时",
        "*Week {week}* ({first} – {last}): {approved} h approved, {waiting} h waiting",
    ),
    "overtime.list.line": zh_en(
        "• {day} {time} · {hours} 小时 · {target} · {status}",
        "• {day} {time} · {hours} h · {target} · {status}",
    ),
    "overtime.list.line_late": zh_en(
        "• {day} {time} · {hours} 小时 · {target} · {status} · 迟交",
        "• {day} {time} · {hours} h · {target} · {status} · late",
    ),
    # --- /overtime report ---------------------------------------------------------------
    "overtime.report.not_allowed": zh_en(
        "只有经理（AM、AD、GM、项目执行总监）和管理员可以查看加班统计。",
        "Only managers (AM, AD, GM, project execution director) and admins can see the overtime "
        "report.",
    ),
    "overtime.report.bad_month": zh_en(
        "看不懂这个月份：“{text}”。例如 `/overtime report {eg_month}` 或 "
        "`/overtime report {eg_month_typed}`。",
        "Sorry, I couldn't read the month “{text}”. E.g. `/overtime report {eg_month}` or "
        "`/overtime report {eg_month_typed}`.",
    ),
    "overtime.report.none": zh_en(
        "{month}没有已批准的加班单。", "No approved overtime in {month}."
    ),
    "overtime.report.title": zh_en(
        "*{month}加班统计*（已批准）：{n} 张加班单，共 {hours} 小时",
        Plural(
            "*Overtime in {month}* (approved): {n} form, {hours} h in all",
            "*Overtime in {month}* (approved): {n} forms, {hours} h in all",
        ),
    ),
    "overtime.report.people": zh_en("*按人员*", "*By person*"),
    "overtime.report.person_line": zh_en(
        "• <@{user}> {hours} 小时（{n} 张）",
        Plural("• <@{user}> {hours} h ({n} form)", "• <@{user}> {hours} h ({n} forms)"),
    ),
    "overtime.report.jobs": zh_en(
        "*按工作单或客户*（人·小时）", "*By job or client* (person-hours)"
    ),
    "overtime.report.target_line": zh_en(
        "• {target}：{hours} 小时（{n} 张）",
        Plural("• {target}: {hours} h ({n} form)", "• {target}: {hours} h ({n} forms)"),
    ),
    "overtime.report.file_note": zh_en(
        "Excel 表（“人员”“工作单和客户”和“工时”三页）正在发到你和 aebot 的私信。",
        "The Excel file (sheets “People”, “Jobs and clients” and “Hours”) is on its way to your "
        "DM with aebot.",
    ),
    "overtime.report.file_failed": zh_en(
        "{month}加班统计的 Excel 文件没能发到你的私信，管理员已收到通知。"
        "请稍后再用 `/overtime report {typed}` 取一次。",
        "The Excel file of the {month} overtime report could not be sent to your DM, and the "
        "admins have been told. Please ask again later with `/overtime report {typed}`.",
    ),
    "overtime.xlsx.title": zh_en("{month}加班统计", "Overtime in {month}"),
    "overtime.sheet.people": zh_en("人员", "People"),
    "overtime.sheet.jobs": zh_en("工作单和客户", "Jobs and clients"),
    "overtime.xlsx.person": zh_en("人员", "Person"),
    "overtime.xlsx.user": zh_en("Slack ID", "Slack ID"),
    "overtime.xlsx.hours": zh_en("小时", "Hours"),
    "overtime.xlsx.person_hours": zh_en("人·小时", "Person-hours"),
    "overtime.xlsx.forms": zh_en("加班单数", "Forms"),
    "overtime.xlsx.target": zh_en("工作单或客户", "Job or client"),
    "overtime.xlsx.total": zh_en("合计", "Total"),
}
