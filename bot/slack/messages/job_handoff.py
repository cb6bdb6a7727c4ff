"""Texts of the handoff (工作单下发): the department's head accepts a job (接单), assigns people
(安排人手) and calls the creative team together (召集创作小组会议); the owner is told each step."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- refusals: to the one who clicked, nothing changed ---------------------------------
    "handoff.gone": zh_en(
        "找不到这张工作单，可能已撤回或已删除。请看 `/job list` 里的最新情况。",
        "That job can't be found: it may have been withdrawn. See `/job list` for where jobs "
        "stand now.",
    ),
    "handoff.not_head": zh_en(
        "工作单 {number} 由{department}部负责人接单和安排人手；你不是该部门负责人，这次没有任何改动。",
        "Job {number} is accepted and assigned by the head of {department}. You aren't one, so "
        "nothing was changed.",
    ),
    "handoff.already": zh_en(
        "工作单 {number} 已由 <@{user}> 于 {when} 接单，无需再接。",
        "Job {number} was already accepted by <@{user}> on {when}; there is nothing more to do.",
    ),
    "handoff.not_open": zh_en(
        "工作单 {number} 目前是“{status}”，不能接单。",
        "Job {number} is {status} now, so it can't be accepted.",
    ),
    "handoff.accept_first": zh_en(
        "工作单 {number} 还没有接单。请先点“接单”，再安排人手或召集开工会。",
        "Job {number} hasn't been accepted yet. Please click Accept first, then assign people "
        "or call a kick-off.",
    ),
    "handoff.closed": zh_en(
        "工作单 {number} 已消单，不能再安排人手或召集开工会。",
        "Job {number} is closed: no more people can be assigned and no kick-off called.",
    ),
    "handoff.kickoff_nobody": zh_en(
        "工作单 {number} 还没有安排负责人。请先点“安排人手”，再召集开工会。",
        "Nobody is assigned to job {number} yet. Please assign people first, then call the "
        "kick-off.",
    ),
    # --- the owner, told through the outbox ---------------------------------------------------
    "handoff.owner_accepted": zh_en(
        "<@{user}> 已接下你的工作单 {number}《{project}》（{department}部），接下来会安排人手。",
        "<@{user}> accepted your job {number} “{project}” for {department}; people will be "
        "assigned next.",
    ),
    "handoff.owner_assigned": zh_en(
        "你的工作单 {number}《{project}》已由 <@{by}> 安排给 {people}。",
        "Your job {number} “{project}” is now with {people} (assigned by <@{by}>).",
    ),
    # --- the assign form ------------------------------------------------------------------------
    "handoff.assign_title": zh_en("安排人手", "Assign people"),
    "handoff.assign_submit": zh_en("安排", "Assign"),
    "handoff.assign_intro": zh_en(
        "*工作单 {number}*《{project}》· {department}部\n选好负责这张单的人，他们会各自收到完整的"
        "简报和资料。",
        "*Job {number}* “{project}” · {department}\nPick who works on this job; each of them "
        "gets the whole brief and the materials.",
    ),
    "handoff.assign_people": zh_en("负责人", "Assigned to"),
    "handoff.assign_placeholder": zh_en("选择部门同事", "Pick people of the department"),
    "handoff.assign_kept": zh_en(
        "已在做的人会保留，不会因为取消勾选而撤下；已通知过的人不会再收到通知。",
        "People already on the job stay on it (unticking doesn't take them off), and nobody is "
        "told twice.",
    ),
    "handoff.assign_nobody_in_department": zh_en(
        "{department}部还没有登记任何同事。请管理员用 `/aebot team` 在团队名单里填上部门。",
        "Nobody is listed in {department} yet. Please ask an admin to add the department to "
        "the team list (`/aebot team`).",
    ),
    "handoff.assign_pick": zh_en("请至少选一位同事。", "Please pick at least one person."),
    "handoff.assign_not_member": zh_en(
        "{users} 不在{department}部的名单里，没有安排。请从列表中选择。",
        "Not listed in {department}: {users}. Nobody was assigned; please pick from the list.",
    ),
    "handoff.assign_nobody_new": zh_en(
        "选中的同事都已经在做这张单了，没有人需要再通知。要加人请选上新的同事，否则直接关闭即可。",
        "Everyone picked is already on this job, so nobody needs telling. Pick someone new to "
        "add them, or just close the form.",
    ),
    "handoff.assigned_ok": zh_en(
        "已把工作单 {number} 安排给 {people}，他们已收到完整的简报和资料。",
        "Job {number} is assigned to {people}; each has the whole brief and the materials.",
    ),
    # --- the kick-off (召集创作小组会议), on the /meeting form -----------------------------------
    "handoff.kickoff_notice": zh_en(
        "召集创作小组会议：工作单 {number} 的负责人、AE 和你已填在参会人里，填上时间和地点即可。",
        "Calling the creative team together: the people of job {number} (the assignees, the AE "
        "and you) are filled in; add the time and the place.",
    ),
    "handoff.kickoff_topic": zh_en("开工会：{project}", "Kick-off: {project}"),
    "handoff.kickoff_purpose": zh_en(
        "工作单 {number}《{project}》开工：过一遍简报，明确分工和时间。",
        "Kick-off of job {number} “{project}”: go through the brief, agree who does what and "
        "by when.",
    ),
}
