"""Texts of `/job`: job requests (工作单), their numbers (工作号), revisions, closing."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

NUMBER_EXAMPLE = "{eg_job}"  # a job number of this month (bot/dates/examples.py)

MESSAGES: dict[str, M] = {
    # --- help ---------------------------------------------------------------------------
    "job.help": zh_en(
        "*/job — 工作单*\n"
        "• `/job` 或 `/job new` 开工作单（客户、项目、部门、工作类型、创意简报、客户截止时间、资料链接）\n"
        "• `/job 耐克 创意 春季KV` 直接带上客户、部门和项目名称打开表单\n"
        "• `/job revise {eg_job}` 后续修改工作单，编号为 `{eg_job}-R1`、`-R2`…\n"
        "• `/job status {eg_job} progress 备注` 更新进度：`progress`（制作中）、`review`（内部审稿，写审稿意见）、"
        "`sent --proofread`（已校对，送客户；先要有被安排的同事以外的人审稿）、`signed 王经理 昨天`"
        "（客户签发，负责人记录）、`revise 修改意见`（客户修改）；也可以点卡片上的“更新进度”\n"
        "• `/job hours {eg_job} 3.5 [日期] [说明]` 记工时（0.25–16 小时，日期默认今天）\n"
        "• `/job close {eg_job} 交付说明` 消单：客户签发之后由负责人消单；未经签发结案只能由负责人的主管或管理员写明原因："
        "`/job close {eg_job} 未签发结案：原因`（或 `--unsigned 原因`）\n"
        "• `/job list` 我的未完成工作单 · `/job show {eg_job}` 查看一张工作单、修改单、进度记录和工时\n"
        "工作号：部门代码-年月-当月序号（创意 `CR`、设计 `DS`、制作 `PR`、媒介 `MD`、策划 `PL`、其他 `OT`），"
        "每个部门每月从 01 重新编号，永不重复使用。工作单由你的营业主管审批；内部截止时间比客户要求早半个工作日。",
        "*/job — job requests*\n"
        "• `/job` or `/job new` opens a job request (client, project, department, job type, "
        "creative brief, the client's deadline, a link to materials)\n"
        "• `/job Nike creative Spring KV` opens it with the client, department and project filled in\n"
        "• `/job revise {eg_job}` files a follow-up modification, numbered {eg_job}-R1, -R2…\n"
        "• `/job status {eg_job} progress note` updates a job: `progress`, `review` (the internal "
        "review, with comments), `sent --proofread` (proofread and sent to the client; someone "
        "other than the people assigned must have reviewed it), `signed Mr Wang yesterday` (the "
        "client's sign-off, recorded by the owner), `revise the client's changes`; or Update "
        "status on the job's card\n"
        "• `/job hours {eg_job} 3.5 [day] [note]` records your hours (0.25–16, today if no day)\n"
        "• `/job close {eg_job} delivery note` closes a signed-off job (its owner); closing one "
        "the client did not sign off takes the owner's manager or an admin, with the reason: "
        "`/job close {eg_job} --unsigned reason`\n"
        "• `/job list` my open jobs · `/job show {eg_job}` one job, its revisions, history and "
        "hours\n"
        "Job numbers: department code-year and month-sequence (creative CR, design DS, production "
        "PR, media MD, planning PL, other OT); each department starts again at 01 every month, and "
        "a number is never reused. Your business supervisor approves each job; the internal "
        "deadline is half a working day before the client's.",
    ),
    # --- departments and statuses -------------------------------------------------------
    "job.dept.creative": zh_en("创意", "Creative"),
    "job.dept.design": zh_en("设计", "Design"),
    "job.dept.production": zh_en("制作", "Production"),
    "job.dept.media": zh_en("媒介", "Media"),
    "job.dept.planning": zh_en("策划", "Planning"),
    "job.dept.other": zh_en("其他", "Other"),
    "job.dept_label": zh_en("{name}（{prefix}）", "{name} ({prefix})"),
    "job.status.pending": zh_en("待审批", "waiting for approval"),
    "job.status.open": zh_en("已批准，待接单", "approved, not yet accepted"),
    "job.status.accepted": zh_en("已接单", "accepted"),
    "job.status.progress": zh_en("制作中", "in progress"),
    "job.status.review": zh_en("内部审稿", "internal review"),
    "job.status.sent": zh_en("已送客户", "sent to the client"),
    "job.status.revising": zh_en("客户修改中", "client revisions"),
    "job.status.signed": zh_en("客户已签发", "signed off"),
    "job.status.rejected": zh_en("已驳回", "rejected"),
    "job.status.withdrawn": zh_en("已撤回", "withdrawn"),
    "job.status.closed": zh_en("已消单", "closed"),
    # --- the modal ----------------------------------------------------------------------
    "job.modal.new": zh_en("开工作单", "New job request"),
    "job.modal.revise": zh_en("后续修改工作单", "Job modification"),
    "job.modal.resubmit": zh_en("修改后重新提交", "Edit and resubmit"),
    "job.form.submit": zh_en("提交审批", "Submit"),
    "job.form.client_ph": zh_en("选择客户", "Choose the client"),
    "job.form.department_ph": zh_en("选择部门", "Choose the department"),
    "job.form.job_type_ph": zh_en(
        "例如：平面、视频、活动、媒介排期", "e.g. print, video, event, media plan"
    ),
    "job.form.brief": zh_en(
        "创意简报（目标、受众、交付物）", "Creative brief (objective, audience, deliverables)"
    ),
    "job.form.brief_ph": zh_en(
        "目标：…… 受众：…… 交付物：……", "Objective: … Audience: … Deliverables: …"
    ),
    "job.form.deadline": zh_en("客户要求的截止时间", "The client's deadline"),
    "job.form.deadline_ph": zh_en(
        "例如：{eg_deadline}、下周五；留空则从简报里找",
        "e.g. {eg_deadline}, next Friday; empty: from the brief",
    ),
    "job.need_deadline": zh_en(
        "请填写客户要求的截止时间（简报里也没有提到日期），例如：{eg_deadline}、下周五。",
        "Please give the client's deadline (the brief mentions no date), e.g. {eg_deadline}, "
        "next Friday.",
    ),
    "job.deadline_proposed": zh_en(
        "简报里提到“{words}”：已把客户截止时间填为 {when}，请确认或修改后再提交。",
        "The brief mentions “{words}”: the client's deadline is filled in as {when}; check it, "
        "then submit.",
    ),
    "job.form.original": zh_en("修改原工作单 {number}", "Modifies job {number}"),
    "job.form.resubmitting": zh_en(
        "重新提交 {number}（工作号不变）", "Resubmitting {number} (the number stays)"
    ),
    "job.f.client": zh_en("客户", "Client"),
    "job.f.project": zh_en("项目名称", "Project"),
    "job.f.department": zh_en("部门", "Department"),
    "job.f.job_type": zh_en("工作类型", "Job type"),
    "job.f.brief": zh_en("创意简报", "Brief"),
    "job.f.deadline": zh_en("客户截止", "Client's deadline"),
    "job.f.internal_deadline": zh_en("内部截止", "Internal deadline"),
    "job.f.link": zh_en("资料链接（可选）", "Link to materials (optional)"),
    "job.f.original": zh_en("原工作单", "Original job"),
    "job.no_clients": zh_en(
        "团队还没有客户档案，请先用 `/client add` 添加客户。",
        "The team has no client records yet: add one with `/client add` first.",
    ),
    # --- refusals in the modal ----------------------------------------------------------
    "job.brief_empty": zh_en(
        "请写创意简报：目标、受众、交付物。每张工作单都要调动整个团队、花钱：没有清晰的创意简报不开单。",
        "Please write the creative brief: objective, audience, deliverables. Every job request "
        "mobilises the whole team and costs money: no job is opened without a clear creative "
        "brief.",
    ),
    "job.brief_too_short": zh_en(
        "创意简报至少 {min} 个字（现在 {n} 个）。每张工作单都要调动整个团队、花钱：没有清晰的创意简报不开单。"
        "请写明目标、受众和交付物。",
        "The brief needs at least {min} characters (it has {n}). Every job request mobilises the "
        "whole team and costs money: no job is opened without a clear creative brief. Please give "
        "the objective, the audience and the deliverables.",
    ),
    "job.deadline_past": zh_en(
        "客户截止时间已经过去了，请写一个将来的时间。",
        "The client's deadline has already passed: please give a time in the future.",
    ),
    "job.need_project": zh_en("请写项目名称。", "Please give the project's name."),
    "job.need_job_type": zh_en(
        "请写工作类型，例如平面、视频、活动。",
        "Please give the job type, e.g. print, video, event.",
    ),
    "job.need_department": zh_en("请选择部门。", "Please choose the department."),
    "job.need_client": zh_en("请选择客户。", "Please choose the client."),
    "job.unknown_client_picked": zh_en(
        "找不到这个客户（可能刚被删除），请重新选择。",
        "This client could not be found (it may have just been removed); please choose again.",
    ),
    "job.bad_link": zh_en(
        "资料链接要以 `http://` 或 `https://` 开头，不能有空格。",
        "The link must start with http:// or https:// and have no spaces.",
    ),
    "job.revise_not_allowed": zh_en(
        "只有工作单 {number} 的负责人 <@{owner}>、其经理或管理员可以提交后续修改。",
        "Only the owner of {number}, <@{owner}>, their manager or an admin can file a "
        "modification of it.",
    ),
    "job.no_supervisor": zh_en(
        "工作单要由你的营业主管（客户经理或以上）审批，但你的汇报链上没有这样的人。管理员可以用 "
        "`/aebot team set @同事 manager @主管` 设置汇报对象。没有保存任何内容。",
        "A job request is approved by your business supervisor (an account manager or above), "
        "and there is none up your reporting line. An admin sets a manager with `/aebot team "
        "set @someone manager @someone`. Nothing was saved.",
    ),
    "job.gone": zh_en(
        "找不到这张工作单。没有做任何改动。", "This job could not be found. Nothing was changed."
    ),
    # --- quick path ---------------------------------------------------------------------
    "job.choose_client": zh_en("请在下面选择客户。", "Please choose the client below."),
    # --- filed ----------------------------------------------------------------------------
    "job.filed": zh_en(
        "工作单 {number}「{project}」已开出，等 <@{approver}> 审批。\n"
        "客户截止：{deadline} · 内部截止：{internal}（提前半个工作日）",
        "Job {number} “{project}” is filed and waits for <@{approver}>'s approval.\n"
        "Client's deadline: {deadline} · internal deadline: {internal} (half a working day "
        "earlier)",
    ),
    "job.revision_filed": zh_en(
        "后续修改工作单 {number}（修改 {original}）「{project}」已开出，等 <@{approver}> 审批。\n"
        "客户截止：{deadline} · 内部截止：{internal}（提前半个工作日）",
        "Job modification {number} (of {original}) “{project}” is filed and waits for "
        "<@{approver}>'s approval.\nClient's deadline: {deadline} · internal deadline: {internal} "
        "(half a working day earlier)",
    ),
    "job.resubmit": zh_en("修改后重新提交", "Edit and resubmit"),
    "job.resubmit_not_owner": zh_en(
        "{number} 是 <@{owner}> 的工作单，只有负责人本人可以重新提交。没有做任何改动。",
        "{number} is <@{owner}>'s job; only they can resubmit it. Nothing was changed.",
    ),
    "job.resubmit_not_rejected": zh_en(
        "{number} 现在是“{status}”，不需要重新提交。没有做任何改动。",
        "{number} is {status} now; there is nothing to resubmit. Nothing was changed.",
    ),
    # --- the card and the lines -----------------------------------------------------------
    "job.card.head": zh_en(
        "✅ 工作单 {number} 已批准，开始执行：*{project}*",
        "✅ Job {number} is approved and open: *{project}*",
    ),
    "job.card.revision": zh_en(
        "✅ 后续修改工作单 {number}（修改 {original}）已批准：*{project}*",
        "✅ Job modification {number} (of {original}) is approved: *{project}*",
    ),
    "job.card.text": zh_en(
        "工作单 {number} 已批准：{project}", "Job {number} is approved: {project}"
    ),
    "job.line.client": zh_en("*客户*：{client}", "*Client*: {client}"),
    "job.line.department": zh_en("*部门*：{department}", "*Department*: {department}"),
    "job.line.job_type": zh_en("*工作类型*：{job_type}", "*Job type*: {job_type}"),
    "job.line.deadlines": zh_en(
        "*客户截止*：{deadline} · *内部截止*：{internal}",
        "*Client's deadline*: {deadline} · *internal deadline*: {internal}",
    ),
    "job.line.owner": zh_en(
        "*负责人*：<@{owner}> · *开单人*：<@{issued_by}>",
        "*Owner*: <@{owner}> · *issued by*: <@{issued_by}>",
    ),
    "job.line.link": zh_en("*资料*：{link}", "*Materials*: {link}"),
    "job.line.brief": zh_en("*创意简报*：", "*Brief*:"),
    "job.line.approved_by": zh_en("*审批*：<@{by}>", "*Approved by*: <@{by}>"),
    # --- list and show --------------------------------------------------------------------
    "job.list.title": zh_en(
        "你的未完成工作单（{n} 张）：",
        Plural("Your open job (1):", "Your open jobs ({n}):"),
    ),
    "job.list.none": zh_en(
        "你没有未完成的工作单。用 `/job` 开一张。",
        "You have no open jobs. `/job` files one.",
    ),
    "job.list.line": zh_en(
        "{number} *{project}* · {client} · {status}\n　客户截止 {deadline} · 内部截止 {internal}",
        "{number} *{project}* · {client} · {status}\n    client's deadline {deadline} · "
        "internal {internal}",
    ),
    "job.show.head": zh_en(
        "工作单 {number}：*{project}* · {status}", "Job {number}: *{project}* · {status}"
    ),
    "job.show.original": zh_en(
        "*原工作单*：{number}（{status}）", "*Modifies*: {number} ({status})"
    ),
    "job.show.revisions": zh_en("*后续修改*：{revisions}", "*Modifications*: {revisions}"),
    "job.show.closed": zh_en(
        "*消单*：<@{by}> · {when}\n*交付说明*：{note}",
        "*Closed* by <@{by}> · {when}\n*Delivery note*: {note}",
    ),
    "job.show.history": zh_en("*审批记录*：", "*History*:"),
    "job.event.line": zh_en(
        "• {when} · {number} · {actor} {action}{note}",
        "• {when} · {number} · {actor} {action}{note}",
    ),
    "job.event.filed": zh_en("提交", "filed it"),
    "job.event.routed": zh_en("转给审批人", "sent it for approval"),
    "job.event.approved": zh_en("批准", "approved"),
    "job.event.rejected": zh_en("驳回", "rejected"),
    "job.event.withdrawn": zh_en("撤回", "withdrew it"),
    "job.event.reminded": zh_en("提醒审批人", "reminded the approver"),
    "job.event.escalated": zh_en("升级给上级", "escalated it"),
    "job.event.rerouted": zh_en("改由他人审批", "rerouted it"),
    "job.event.self-approved": zh_en("在自己的权限内批准", "approved within own authority"),
    "job.need_number": zh_en(
        f"请写工作号，例如 `{NUMBER_EXAMPLE}`。",
        f"Please give the job number, e.g. `{NUMBER_EXAMPLE}`.",
    ),
    "job.unknown_number": zh_en(
        f"找不到工作单“{{number}}”。工作号的格式是 部门代码-年月-序号，例如 `{NUMBER_EXAMPLE}`"
        f"（修改单 `{NUMBER_EXAMPLE}-R1`）；`/job list` 列出你的工作单。",
        f"No job numbered “{{number}}”. A job number is DEPT-YYYYMM-NN, e.g. `{NUMBER_EXAMPLE}` "
        f"(a modification `{NUMBER_EXAMPLE}-R1`); `/job list` shows your jobs.",
    ),
    "job.revise_not_open": zh_en(
        "{number} 现在是“{status}”：只有已批准（进行中或已消单）的工作单可以开后续修改单。",
        "{number} is {status}: only an approved job (open or closed) can have a follow-up "
        "modification.",
    ),
    # --- close ----------------------------------------------------------------------------
    "job.close_usage": zh_en(
        f"用法：`/job close {NUMBER_EXAMPLE} 交付说明`（客户签发之后）；未经客户签发结案："
        f"`/job close {NUMBER_EXAMPLE} 未签发结案：原因`（负责人的主管或管理员）",
        f"Usage: `/job close {NUMBER_EXAMPLE} delivery note` (once the client signed it off); "
        f"closing without the client's sign-off: `/job close {NUMBER_EXAMPLE} --unsigned reason` "
        f"(the owner's manager or an admin)",
    ),
    "job.close_need_note": zh_en(
        "请写交付说明，例如 `/job close {job} 已交付终稿`。",
        "Please add a delivery note, e.g. `/job close {job} final files delivered`.",
    ),
    "job.close_not_allowed": zh_en(
        "只有负责人 <@{owner}>、其主管或管理员可以给 {number} 消单。没有做任何改动。",
        "Only the owner <@{owner}>, their manager or an admin can close {number}. Nothing was "
        "changed.",
    ),
    "job.close_not_open": zh_en(
        "{number} 现在是“{status}”，不能消单：只有已批准、还没消单的工作单可以消单。没有做任何改动。",
        "{number} is {status}; only an approved job not yet closed can be closed. Nothing was "
        "changed.",
    ),
    "job.close_needs_sign_off": zh_en(
        "{number} 还没有客户签发，不能消单。先记录签发：`/job status {job} signed 客户方签发人 日期`。"
        "确实要未经签发结案，由负责人的主管或管理员写明原因：`/job close {job} 未签发结案：原因`。"
        "没有做任何改动。",
        "{number} is not signed off by the client, so it cannot be closed. Record the sign-off "
        "first: `/job status {job} signed WHO DAY`. To close it without a sign-off, the "
        "owner's manager or an admin gives the reason: `/job close {job} --unsigned reason`. "
        "Nothing was changed.",
    ),
    "job.close_needs_reason": zh_en(
        "{number} 还没有客户签发。未经签发结案要写明原因：`/job close {job} 未签发结案：原因`"
        "（或 `--unsigned 原因`）。没有做任何改动。",
        "{number} is not signed off by the client. Closing it without a sign-off needs the "
        "reason: `/job close {job} --unsigned reason`. Nothing was changed.",
    ),
    "job.closed_unsigned": zh_en(
        "已消单 {number}「{project}」，未经客户签发。原因：{note}",
        "Closed {number} “{project}” without the client's sign-off. Reason: {note}",
    ),
    "job.closed_unsigned_by_other": zh_en(
        "<@{by}> 给你的工作单 {number}「{project}」消单了，未经客户签发。原因：{note}",
        "<@{by}> closed your job {number} “{project}” without the client's sign-off. Reason: "
        "{note}",
    ),
    "job.closed": zh_en(
        "已消单 {number}「{project}」。交付说明：{note}",
        "Closed {number} “{project}”. Delivery note: {note}",
    ),
    "job.closed_by_other": zh_en(
        "<@{by}> 给你的工作单 {number}「{project}」消单了。交付说明：{note}",
        "<@{by}> closed your job {number} “{project}”. Delivery note: {note}",
    ),
}
