"""Texts of the requests routed by the authority limits, delegation (`/aebot delegate`) and the
authority limits (`/aebot authority`, `aebot authority`)."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- /aebot request: the fields of a request routed by the limits -----------------------
    "authority.f.client": zh_en("客户", "Client"),
    "authority.f.amount": zh_en("数额", "Amount"),
    "authority.f.code": zh_en("客户代码", "Client code"),
    # --- /aebot authority -------------------------------------------------------------------
    "authority.title": zh_en("审批权限", "Authority limits"),
    "authority.line": zh_en(
        "*{name}*（`{code}`）{mark}：{limits}", "*{name}* (`{code}`){mark}: {limits}"
    ),
    "authority.any": zh_en("不限", "any"),
    "authority.legend": zh_en(
        "≤ 含上限，< 不含；— 表示无权审批；* 表示管理员改过（与手册不同）。"
        "超出申请人自己权限的申请，沿汇报链交给第一个权限够的人。",
        "≤ up to and including, < below; — may decide none; * changed by an admin (differs "
        "from the handbook). A request beyond the requester's own authority goes up their "
        "reporting line to the first person whose limit covers it.",
    ),
    "authority.legend_admin": zh_en(
        "修改：`/aebot authority set 类型 角色 上限`，例如 `/aebot authority set commission am 8`"
        "（上限可写 `5`、`<10`、`any`（不限）或 `no`（无权））。",
        "To change one: `/aebot authority set KIND ROLE LIMIT`, e.g. "
        "`/aebot authority set commission am 8` (a limit is 5, <10, any, or no).",
    ),
    "authority.admin_only": zh_en(
        "只有管理员可以修改审批权限。`/aebot authority` 可以查看。",
        "Only an admin can change the authority limits. `/aebot authority` shows them.",
    ),
    "authority.set_usage": zh_en(
        "用法：`/aebot authority set 类型 角色 上限`，例如 `/aebot authority set commission am 8`。"
        "上限可写 `5`（≤5）、`<10`（低于 10）、`any`（不限）或 `no`（无权）。",
        "Usage: `/aebot authority set KIND ROLE LIMIT`, e.g. "
        "`/aebot authority set commission am 8`. A limit is 5 (up to 5), <10 (below 10), any "
        "(no limit) or no (none).",
    ),
    "authority.bad_kind": zh_en(
        "不认识申请类型“{kind}”。可以用：{kinds}。",
        "“{kind}” is not a kind of request. Kinds: {kinds}.",
    ),
    "authority.bad_role": zh_en(
        "不认识角色“{role}”。可以用：{roles}。",
        "“{role}” is not a role. Roles: {roles}.",
    ),
    "authority.bad_limit": zh_en(
        "看不懂上限“{limit}”。可以写 `5`（≤5）、`<10`（低于 10）、`any`（不限）或 `no`（无权）。",
        "“{limit}” is not a limit. Write 5 (up to 5), <10 (below 10), any (no limit) or no (none).",
    ),
    "authority.limit_too_high": zh_en(
        "上限 {limit} 超出了这类申请能写的范围（最多 {high}）。没有做任何改动。",
        "A limit of {limit} is more than any request of this kind can ask (at most {high}). "
        "Nothing was changed.",
    ),
    "authority.outranks": zh_en(
        "这样{low}可审批的（{low_limit}）会比上级{high}（{high_limit}）还多：{high}"
        "不能批的申请会停在{low}那里。没有做任何改动；确实要这样设置，请在最后加上 {force}。",
        "{low} would then decide more ({low_limit}) than {high} above them ({high_limit}): "
        "requests {high} may not sign would stop at {low}. Nothing was changed; if that is what "
        "you mean, add {force} at the end.",
    ),
    "authority.set_done": zh_en(
        "已修改 {name} · {role}的审批上限：{old} → {new}。之后的申请按新上限分配。",
        "{name} · {role}: the limit is now {new} (was {old}). New requests are routed by it.",
    ),
    # --- /aebot delegate --------------------------------------------------------------------
    "delegation.usage": zh_en(
        "用法：`/aebot delegate @同事 until {eg_until}` 把你的审批委托给同事到某天（含当天）；"
        "`/aebot delegate off` 结束委托；`/aebot delegate` 查看。",
        "Usage: `/aebot delegate @someone until {eg_until}` hands your decisions to them up to and "
        "including that day; `/aebot delegate off` ends it; `/aebot delegate` shows it.",
    ),
    "delegation.not_member": zh_en(
        "<@{user}> 不在团队名单里，不能代你审批。没有做任何改动。",
        "<@{user}> is not on the team and cannot decide for you. Nothing was changed.",
    ),
    "delegation.not_approver": zh_en(
        "<@{user}> 是助理客户执行，不审批任何申请，不能代你审批。没有做任何改动。",
        "<@{user}> is an assistant account executive, who approves nothing, and cannot decide "
        "for you. Nothing was changed.",
    ),
    "delegation.self": zh_en(
        "不能委托给自己。请 @ 另一位同事。",
        "You cannot delegate to yourself. Mention someone else.",
    ),
    "delegation.past": zh_en(
        "{day} 已经过去了。请写今天或以后的日期，例如 `/aebot delegate @同事 until {eg_until}`。",
        "{day} is in the past. Give today or a later day, e.g. "
        "`/aebot delegate @someone until {eg_until}`.",
    ),
    "delegation.set": zh_en(
        "已委托 <@{user}> 代你审批，至 {day}（含当天）。期间交给你的新申请会发给 <@{user}>，"
        "并注明是代你审批。`/aebot delegate off` 可以提前结束。",
        "<@{user}> now decides on your behalf up to and including {day}: new requests for you "
        "go to them, saying it is on your behalf. `/aebot delegate off` ends it early.",
    ),
    "delegation.replaced": zh_en(
        "原来对 <@{user}> 的委托已结束。", "Your delegation to <@{user}> has ended."
    ),
    "delegation.told": zh_en(
        "<@{user}> 把审批委托给你，至 {day}（含当天）。这期间交给 <@{user}> 的申请会发给你，"
        "由你代为批准或驳回。",
        "<@{user}> has handed their decisions to you up to and including {day}: requests for "
        "<@{user}> come to you in that time, and you approve or reject them on their behalf.",
    ),
    "delegation.off": zh_en(
        "已结束对 <@{user}> 的委托，新的申请会直接交给你。",
        "Your delegation to <@{user}> has ended; new requests come to you again.",
    ),
    "delegation.off_none": zh_en(
        "你现在没有委托别人审批，没有做任何改动。",
        "You have no delegation running; nothing was changed.",
    ),
    "delegation.show": zh_en(
        "你的审批委托给了 <@{user}>，至 {day}（含当天）。`/aebot delegate off` 可以提前结束。",
        "Your decisions are with <@{user}> up to and including {day}. `/aebot delegate off` "
        "ends it early.",
    ),
    "delegation.show_none": zh_en(
        "你现在没有委托别人审批。`/aebot delegate @同事 until {eg_until}` 可以委托。",
        "You have no delegation running. `/aebot delegate @someone until {eg_until}` starts one.",
    ),
    "delegation.held": zh_en(
        "你正代 <@{user}> 审批，至 {day}（含当天）。",
        "You decide on behalf of <@{user}> up to and including {day}.",
    ),
}
