"""Texts of `/client`."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- /client ----------------------------------------------------------------------
    "client.help": zh_en(
        "*/client — 客户档案*\n• `/client` 列出我负责的客户，`/client list all` 列出全部\n"
        "• `/client add` 新增客户（名称、城市、市内/市外、联系人、负责人、后备负责人）\n"
        "• `/client edit 客户名` 修改\n• `/client reassign 客户名 @同事` 转交客户（负责人的主管或管理员）\n"
        "• `/client stage 客户名 阶段` 设定销售漏斗阶段：潜在、已接触、提案、谈判、赢单、丢单（负责人、负责人的主管"
        "或管理员）\n"
        "• `/client status 客户名 状态 [原因]` 设定客户状态：在服务、潜在、暂停、结束（暂停和结束的客户不再提醒联络）\n"
        "• `/client show 客户名` 查看客户档案和状态\n"
        "• `/client end 客户名 结束日期` 登记合约结束，通知财务和负责人的主管\n"
        "客户代码格式：城市-年月-客户名-年度编号，例如 上海-202611-可口可乐-001",
        "*/client — client records*\n• `/client` lists your clients, `/client list all` everyone's\n"
        "• `/client add` adds one (name, city, in-city or not, contact person, owner, backup owner)\n"
        "• `/client edit NAME` edits one\n• `/client reassign NAME @someone` hands it over (the owner's manager or an "
        "admin)\n• `/client stage NAME STAGE` sets its sales-funnel stage: prospect, contacted, proposal, "
        "negotiation, won, lost (the owner, the owner's manager or an admin)\n"
        "• `/client status NAME STATUS [why]` sets its status: active, prospect, paused, ended "
        "(paused and ended clients get no call reminders)\n• `/client show NAME` shows one client\n"
        "• `/client end NAME DATE` records the end of its contract and tells finance and the owner's "
        "manager\nClient code format: CITY-YYYYMM-NAME-NNN, e.g. Shanghai-202611-CocaCola-001",
    ),
    "client.in_city": zh_en("市内", "in-city"),
    "client.out_of_city": zh_en("市外", "out-of-city"),
    "client.backup": zh_en("后备", "backup"),
    "client.line": zh_en(
        "*{name}* · `{code}`\n{city} · {where} · 联系人 {person} · 负责人 <@{owner}>{backup} · "
        "{cadence} · 漏斗阶段：{stage}",
        "*{name}* · `{code}`\n{city} · {where} · contact {person} · owner <@{owner}>{backup} · "
        "{cadence} · funnel stage: {stage}",
    ),
    "client.cadence.daily": zh_en("每个工作日联络", "call every working day"),
    "client.cadence.every": zh_en("每 {n} 个工作日联络", "call every {n} working days"),
    "client.list_mine": zh_en("你负责的客户（{n} 个）：", "Your clients ({n}):"),
    "client.list_all": zh_en("团队全部客户（{n} 个）：", "All the team's clients ({n}):"),
    "client.none": zh_en(
        "你还没有负责的客户。用 `/client add` 添加，或请主管转交。",
        "You have no clients yet. Add one with `/client add`, or ask your manager to reassign one.",
    ),
    "client.modal.add": zh_en("新增客户", "Add a client"),
    "client.modal.edit": zh_en("修改客户", "Edit client"),
    "client.f.name": zh_en("客户名称", "Client name"),
    "client.f.city": zh_en("城市", "City"),
    "client.f.in_city": zh_en("市内还是市外", "In-city or out-of-city"),
    "client.f.person": zh_en("客户联系人", "Contact person"),
    "client.f.owner": zh_en("负责人", "Owner"),
    "client.f.backup": zh_en("后备负责人", "Backup owner"),
    "client.f.cadence": zh_en("联络周期（工作日）", "Call every N working days"),
    "client.f.cadence_ph": zh_en("留空：市内 1，市外 3", "Empty: 1 in-city, 3 out-of-city"),
    "client.code_note": zh_en(
        "客户代码 `{code}` 保持不变。", "The client code `{code}` stays as it is."
    ),
    "client.added": zh_en(
        "已新增客户 *{name}*，客户代码 `{code}`。", "Added client *{name}* with code `{code}`."
    ),
    "client.updated": zh_en(
        "已更新客户 *{name}*（`{code}`）。", "Updated client *{name}* (`{code}`)."
    ),
    "client.name_taken": zh_en(
        "已有同名客户（{code}）。", "A client with this name exists already ({code})."
    ),
    # --- finding a client by what was typed: every feature says it in these words -------
    "client.need_name": zh_en(
        "请写客户名称或客户代码，例如 `可口可乐`。",
        "Please give the client's name or code, e.g. `Coca Cola`.",
    ),
    "client.unknown": zh_en(
        "找不到客户“{name}”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。",
        "No client matches “{name}”. `/client list all` shows every client; `/client add` adds "
        "a new one.",
    ),
    "client.ambiguous": zh_en(
        "“{name}”可能是：{names}。请写完整名称或客户代码。",
        "“{name}” could be: {names}. Please give the full name or the code.",
    ),
    "client.need_city": zh_en("请写城市。", "Please give the city."),
    "client.bad_cadence": zh_en(
        "联络周期是 1 到 60 之间的整数（工作日）。",
        "The cadence is a whole number of working days from 1 to 60.",
    ),
    "client.owner_unknown": zh_en(
        "这个人还不在团队名单里。管理员可以用 `/aebot team add @同事 角色 manager @主管` 添加。",
        "That person is not on the team yet; an admin adds them with `/aebot team add @someone "
        "ROLE manager @someone`.",
    ),
    "client.not_allowed_edit": zh_en(
        "只有负责人、后备负责人、负责人的主管或管理员可以修改 *{name}*。",
        "Only the owner, the backup owner, the owner's manager or an admin can edit *{name}*.",
    ),
    "client.not_allowed_reassign": zh_en(
        "只有负责人的主管或管理员可以转交 *{name}*。",
        "Only the owner's manager or an admin can reassign *{name}*.",
    ),
    "client.reassign_usage": zh_en(
        "用法：`/client reassign 客户名 @同事`", "Usage: `/client reassign CLIENT @someone`"
    ),
    "client.already_owner": zh_en(
        "<@{user}> 已经是 *{name}* 的负责人，没有改动。",
        "<@{user}> already owns *{name}*; nothing changed.",
    ),
    "client.reassigned": zh_en(
        "已将 *{name}*（`{code}`）从 <@{old}> 转交给 <@{new}>，联络记录全部保留。",
        "*{name}* (`{code}`) is now owned by <@{new}> instead of <@{old}>; its contact history stays.",
    ),
    "client.now_yours": zh_en(
        "<@{by}> 把客户 *{name}*（`{code}`）转交给了你；它的联络记录都在，之后的联络提醒会发给你。",
        "<@{by}> has handed client *{name}* (`{code}`) to you; its contact history comes with it, and its "
        "call reminders now come to you.",
    ),
    # --- the sales funnel (漏斗) ---------------------------------------------------------
    "funnel.prospect": zh_en("潜在", "prospect"),
    "funnel.contacted": zh_en("已接触", "contacted"),
    "funnel.proposal": zh_en("提案", "proposal"),
    "funnel.negotiation": zh_en("谈判", "negotiation"),
    "funnel.won": zh_en("赢单", "won"),
    "funnel.lost": zh_en("丢单", "lost"),
    "client.stage.usage": zh_en(
        "用法：`/client stage 客户名 阶段`，阶段：{stages}。",
        "Usage: `/client stage CLIENT STAGE`, the stages: {stages}.",
    ),
    "client.stage.unknown": zh_en(
        "“{word}”不是销售漏斗的阶段。可用的阶段：{stages}。",
        "“{word}” isn't a sales-funnel stage. The stages: {stages}.",
    ),
    "client.stage.not_allowed": zh_en(
        "只有负责人、负责人的主管或管理员可以设定 *{name}* 的漏斗阶段。没有做任何改动。",
        "Only the owner, the owner's manager or an admin can set the funnel stage of *{name}*. "
        "Nothing was changed.",
    ),
    "client.stage.same": zh_en(
        "*{name}* 已经在“{stage}”阶段，没有改动。",
        "*{name}* is at “{stage}” already; nothing changed.",
    ),
    "client.stage.meanwhile": zh_en(
        "*{name}* 的漏斗阶段刚被别人改过，没有保存；请看一下现在的阶段再试。",
        "Someone else has just changed the funnel stage of *{name}*, so nothing was saved; check "
        "its stage and try again.",
    ),
    "client.stage.set": zh_en(
        "*{name}*（`{code}`）的销售漏斗阶段：{was} → *{stage}*。",
        "*{name}* (`{code}`) moved in the sales funnel: {was} → *{stage}*.",
    ),
}
