"""Texts of a job's card as it moves: the department's head, the assignees, the owner and the
department's channel see one card, redrawn at each step."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "jobcard.text": zh_en(
        "工作单 {number}《{project}》：{status}", "Job {number} “{project}”: {status}"
    ),
    "jobcard.head": zh_en(
        "*工作单 {number}*《{project}》· {status}", "*Job {number}* “{project}” · {status}"
    ),
    "jobcard.to_head": zh_en(
        "这张工作单已批准，交给{department}部。请接单并安排人手。",
        "This job is approved and handed to {department}. Please accept it and assign people.",
    ),
    "jobcard.to_assignee": zh_en(
        "<@{by}> 把这张工作单交给了你。以下是完整的简报和资料。",
        "<@{by}> assigned this job to you. The whole brief and the materials are below.",
    ),
    "jobcard.accepted_by": zh_en(
        "*接单*：<@{user}>（{when}）", "*Accepted by*: <@{user}> ({when})"
    ),
    "jobcard.assignees": zh_en("*执行人*：{people}", "*Assigned to*: {people}"),
    "jobcard.nobody_yet": zh_en("*执行人*：尚未安排", "*Assigned to*: nobody yet"),
    "jobcard.signed": zh_en(
        "*客户签发*：{who}（{day}）", "*Signed off by the client*: {who} ({day})"
    ),
    "jobcard.revision_of": zh_en(
        "后续修改工作单（修改 {original}）", "A job modification (of {original})"
    ),
    "jobcard.accept_btn": zh_en("接单", "Accept"),
    "jobcard.assign_btn": zh_en("安排人手", "Assign"),
    "jobcard.kickoff_btn": zh_en("召集开工会", "Call a kick-off"),
    "jobcard.step_btn": zh_en("更新进度", "Update status"),
}
