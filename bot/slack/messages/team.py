"""Texts of `/aebot team add|set`: the team and its reporting lines, set from Slack."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "team.role_in": zh_en("{role}（{department}）", "{role} ({department})"),
    "team.department_not_for": zh_en(
        "<@{user}> 是{role}，不属于哪个部门：只有 `dh`（部门主管）和 `staff`（部门同事）有部门。"
        "没有做任何改动。",
        "<@{user}> is {role}, which belongs to no department: only dh (department head) and "
        "staff have one. Nothing was changed.",
    ),
    "team.help": zh_en(
        "*`/aebot team` — 团队与汇报关系*\n"
        "• `/aebot team` 团队架构\n"
        "• `/aebot team add @同事 ae manager @主管` 加入团队：角色和汇报对象（管理员）\n"
        "• `/aebot team set @同事 manager @主管` 改汇报对象（`manager none` 清除）（管理员）\n"
        "• `/aebot team set @同事 role am` 改角色（管理员）；部门的人带上部门："
        "`/aebot team add @同事 dh creative`、`/aebot team set @同事 department design`\n"
        "• `/aebot team remove @同事` 移出团队（管理员）\n"
        "角色：`aae` 助理客户执行、`ae` 客户执行、`am` 客户经理、`ad` 客户总监、`ped` 项目执行总监、"
        "`gm` 总经理、`cs` 客户支持主管、`fin` 财务、`dh` 部门主管、`staff` 部门同事"
        "（部门：`creative`、`design`、`production`、`media`、`planning`、`other`）。"
        "审批和加班单都沿汇报关系找人签字；整个团队也可以用 `aebot team import team.csv` 导入。",
        "*/aebot team — the team and who reports to whom*\n"
        "• `/aebot team` the org chart\n"
        "• `/aebot team add @someone ae manager @someone` adds someone, with their role and "
        "manager (admins)\n"
        "• `/aebot team set @someone manager @someone` changes whom they report to (`manager "
        "none` clears it) (admins)\n"
        "• `/aebot team set @someone role am` changes their role (admins); the departments' "
        "people come with their department: `/aebot team add @someone dh creative`, "
        "`/aebot team set @someone department design`\n"
        "• `/aebot team remove @someone` takes someone off the team (admins)\n"
        "Roles: aae, ae, am, ad, ped (project execution director), gm, cs (customer-support "
        "head), fin (finance), dh (a department's head), staff (a member of a department; "
        "departments: creative, design, production, media, planning, other). Approvals and overtime forms go up these reporting lines; a "
        "whole team can also be loaded with `aebot team import team.csv`.",
    ),
    "team.admin_only": zh_en(
        "只有管理员可以调整团队和汇报关系。`/aebot team` 可以查看团队架构。",
        "Only an admin can change the team and its reporting lines. `/aebot team` shows the "
        "org chart.",
    ),
    "team.add_usage": zh_en(
        "用法：`/aebot team add @同事 角色` 或 `/aebot team add @同事 角色 manager @主管`，"
        "角色是 {roles} 之一；`dh` 和 `staff` 后面跟部门，如 `/aebot team add @同事 staff design`。",
        "Usage: `/aebot team add @someone ROLE` or `/aebot team add @someone ROLE manager "
        "@someone`, where ROLE is one of {roles}; dh and staff take their department after "
        "them, as in `/aebot team add @someone staff design`.",
    ),
    "team.set_usage": zh_en(
        "用法：`/aebot team set @同事 manager @主管`（`manager none` 清除汇报对象）或 "
        "`/aebot team set @同事 role 角色`，角色是 {roles} 之一；`dh` 和 `staff` 后面跟部门，"
        "如 `role dh creative`，换部门用 `/aebot team set @同事 department design`。",
        "Usage: `/aebot team set @someone manager @someone` (`manager none` clears it) or "
        "`/aebot team set @someone role ROLE`, where ROLE is one of {roles}; dh and staff take "
        "their department after them (`role dh creative`), and `/aebot team set @someone "
        "department design` moves them.",
    ),
    "team.already": zh_en(
        "<@{user}> 已经在团队里（{role}），没有做任何改动。改角色用 `/aebot team set @同事 role am`，"
        "改汇报对象用 `/aebot team set @同事 manager @主管`。",
        "<@{user}> is on the team already ({role}); nothing was changed. Change a role with "
        "`/aebot team set @someone role am`, a manager with `/aebot team set @someone manager "
        "@someone`.",
    ),
    "team.added": zh_en(
        "已把 <@{user}> 加入团队：{role}，汇报对象 <@{manager}>。",
        "<@{user}> is on the team now: {role}, reporting to <@{manager}>.",
    ),
    "team.added_no_manager": zh_en(
        "已把 <@{user}> 加入团队：{role}，还没有汇报对象。审批和加班单要沿汇报关系找人签字，"
        "用 `/aebot team set @同事 manager @主管` 设置。",
        "<@{user}> is on the team now: {role}, reporting to nobody yet. Approvals and overtime "
        "forms go up the reporting line: set it with `/aebot team set @someone manager "
        "@someone`.",
    ),
    "team.not_member": zh_en(
        "<@{user}> 还不在团队里，没有做任何改动。先用 `/aebot team add @同事 角色 manager @主管` 加入。",
        "<@{user}> is not on the team; nothing was changed. Add them first with `/aebot team "
        "add @someone ROLE manager @someone`.",
    ),
    "team.role_unchanged": zh_en(
        "<@{user}> 的角色已经是{role}，没有改动。",
        "<@{user}> is {role} already; nothing was changed.",
    ),
    "team.role_set": zh_en("<@{user}> 的角色：{was} → {now}。", "<@{user}>'s role: {was} → {now}."),
    "team.manager_unchanged": zh_en(
        "<@{user}> 已经汇报给 <@{manager}>，没有改动。",
        "<@{user}> reports to <@{manager}> already; nothing was changed.",
    ),
    "team.manager_unchanged_none": zh_en(
        "<@{user}> 本来就没有汇报对象，没有改动。",
        "<@{user}> reports to nobody already; nothing was changed.",
    ),
    "team.manager_set": zh_en(
        "<@{user}> 的汇报对象：{was} → {now}。", "<@{user}> reports to: {was} → {now}."
    ),
    "team.no_manager": zh_en("（无）", "nobody"),
    "team.own_manager": zh_en(
        "<@{user}> 不能汇报给自己，没有做任何改动。",
        "<@{user}> cannot report to themselves; nothing was changed.",
    ),
    "team.manager_not_member": zh_en(
        "<@{manager}> 还不在团队里，不能做汇报对象，没有做任何改动。先用 `/aebot team add @同事 角色` "
        "把这位同事加入团队。",
        "<@{manager}> is not on the team, so nobody can report to them; nothing was changed. "
        "Add them first with `/aebot team add @someone ROLE`.",
    ),
    "team.cycle": zh_en(
        "这样会形成汇报循环：{cycle}，没有做任何改动。",
        "That would make a reporting cycle: {cycle}; nothing was changed.",
    ),
}
