"""Texts of `/aebot`: help, team, roles, language, typed dates."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- /aebot -----------------------------------------------------------------------
    "aebot.help": zh_en(
        "*aebot — 客户部助手*\n• `/contact` 联络记录　• `/client` 客户档案　• `/job` 工作单\n"
        "• `/overtime` 加班单（17:00 前）　• `/out` 去向登记、请假\n"
        "• 会议、拜访和重要电话（`/contact ! 耐克 价格谈判`）后 48 小时内写联络报告：点“写报告”，发给服务团队，客户确认后点“客户已确认”\n"
        "• `/meeting 耐克 明天14:00-15:30 Q1提案` 登记会议：前一个工作日通知与会人（时间、地点、目的、议程），会前约一小时提醒电话再确认，会后提醒写报告；`/meeting list`、`/meeting cancel 编号`\n"
        "• `/todo` 我的待办（联络报告里的行动项）；`/todo done 编号` 完成；`/todo add 耐克 周三前发排期 @同事` 新增；`/todo team` 团队的（主管）\n"
        "• `/daily` 当日工作小结和次日工作安排：每个工作日 17:30 私信今天记下的事和明天的安排，点“写小结”即可（已按记录预填）；`/daily 今天：… 明天：…` 一句话写完；主管 `/daily team` 看组员的\n"
        "• `/client status 耐克 暂停 原因` 设定客户状态（在服务、潜在、暂停、结束；暂停和结束的客户不再提醒联络）；`/client show 耐克` 查看；`/client end 耐克 {eg_due_typed}` 合约结束，通知财务\n"
        "• 公众假期前 5 个工作日，私信放假和调休安排，以及给每位客户的书面通知（按客户的语言），发出后点“已通知”；每月倒数第三个工作日，各客户本月工作总结和下月计划草稿（文字和 Excel），发出后点“已发送给客户”\n"
        "• `/aebot team` 团队架构；管理员：`/aebot team add @同事 ae manager @主管` 加入团队，"
        "`/aebot team set @同事 manager @主管` 改汇报对象，`/aebot team set @同事 role am` 改角色，"
        "`/aebot team remove @同事` 移出团队\n"
        "• `/aebot language zh|en` 语言\n"
        "• `/aebot calendar` 工作日历（管理员可录入调休和明年的节假日）\n"
        "• `/aebot dates 下周五下午3点` 看看 aebot 怎么理解一个日期；不带内容则列出写法\n"
        "• `/aebot settings` 本工作区的设置（提醒时间等；管理员可修改）\n"
        "• `/aebot request 佣金 耐克 7% 客户要求提高一季度返点` 提交审批：佣金、补量、折扣、账期、免费测试按审批权限沿汇报链审批；还有差旅费（`travel`）、支出申请（`expense`）、劳务费（`fee`）、合同审核（`contract`）。`/aebot request` 列出每种的写法\n"
        "• `/aebot requests` 查看我的申请到了哪一步；`waiting` 等我审批的；`all` 团队的（经理）\n"
        "• `/aebot delegate @同事 until {eg_until}` 把你的审批委托给同事；`/aebot delegate off` 结束\n"
        "• `/aebot authority` 审批权限表（管理员可用 `/aebot authority set commission am 8` 修改）\n"
        "• `/aebot agenda add 议题` 加入下次周例会的议程；`/aebot agenda list`、`/aebot agenda remove 编号`\n"
        "• `/aebot receivable add 耐克 120000 到期 {eg_due_typed}` 登记逾期应收账款（经理、总监和管理员）；`list`、`paid 编号`、`writeoff 编号`\n"
        "• `/aebot report` 预览本周到目前为止的周报（自己的，或主管看团队的）\n"
        "每个工作日（默认）9:30 提醒今天该联络的客户，17:30 的当日小结里列出仍未联络的客户。",
        "*aebot — the account department's assistant*\n• `/contact` contact log　• `/client` client "
        "records　• `/job` job requests\n• `/overtime` overtime forms (before 17:00)　• `/out` "
        "whereabouts and leave\n"
        "• After a meeting, a visit or an important call (`/contact ! Nike price talks`), the contact report within 48 hours: Write report sends it to the service team; Client confirmed once the client agrees\n"
        "• `/meeting Nike tomorrow 14:00-15:30 Q1 pitch` records a meeting: its people are told the working day before (5W1H), you are asked to reconfirm by phone about an hour before, and to write the report after; `/meeting list`, `/meeting cancel ID`\n"
        "• `/todo` my action items (from contact reports); `/todo done ID` marks one done; `/todo add Nike send the schedule by Wednesday @someone` adds one; `/todo team` your people's (managers)\n"
        "• `/daily` today's summary and tomorrow's plan: at 17:30 each working day a DM lists what was logged today and what tomorrow holds; Write summary opens it filled in from those; `/daily today: … tomorrow: …` in one line; managers `/daily team`\n"
        "• `/client status Nike paused why` sets a client's status (active, prospect, paused, ended: paused and ended clients get no call reminders); `/client show Nike`; `/client end Nike {eg_due_typed}` records a contract's end and tells finance\n"
        "• 5 working days before a public holiday you get the days off, the make-up working days and a written notice per client in the client's language (Notified once sent); on the last working day but two of the month, each client's month summary and next month's plan as drafts (text and Excel; Sent once sent)\n"
        "• `/aebot team` the org chart; admins: `/aebot team add @someone ae manager @someone` "
        "adds someone, `/aebot team set @someone manager @someone` changes their manager, "
        "`/aebot team set @someone role am` their role, `/aebot team remove @someone` takes "
        "them off\n"
        "• `/aebot language zh|en` your language\n"
        "• `/aebot calendar` the working-day calendar (admins add make-up days and next year's holidays)\n"
        "• `/aebot dates next friday 3pm` shows how aebot reads a date; alone, it lists the ways to write one\n"
        "• `/aebot settings` this workspace's settings (reminder times and more; admins change them)\n"
        "• `/aebot request commission Nike 7% client asks for a higher Q1 rebate` asks for approval (commission, make-good, discount, payment terms, free test go up your reporting line to whoever's authority covers it); also travel, expense, fee and contract. `/aebot request` shows how to write each\n"
        "• `/aebot requests` shows where your requests stand; `waiting`, what waits for you; `all`, your people's (managers)\n"
        "• `/aebot delegate @someone until {eg_until}` hands your decisions to someone; `/aebot delegate off` ends it\n"
        "• `/aebot authority` the authority limits (admins change one with `/aebot authority set commission am 8`)\n"
        "• `/aebot agenda add TOPIC` adds an item to the next weekly meeting's agenda; `/aebot agenda list`, `/aebot agenda remove ID`\n"
        "• `/aebot receivable add Nike 120,000 due {eg_due_typed}` records an overdue receivable (managers and admins); `list`, `paid ID`, `writeoff ID`\n"
        "• `/aebot report` previews this week's report so far (yours, or your team's)\n"
        "Every working day (by default) at 9:30 you hear which clients are due a call, and at 17:30, with "
        "the day's summary, which are still due.",
    ),
    "team.title": zh_en(
        "团队架构（{n} 人）", Plural("The team ({n} person)", "The team ({n} people)")
    ),
    "team.empty": zh_en(
        "还没有团队名单。管理员可以用 `/aebot team add @同事 ae manager @主管` 逐个加入，"
        "或在服务器上用 `aebot team import team.csv` 导入整个团队。",
        "No team is loaded yet. An admin adds people one by one with `/aebot team add @someone "
        "ae manager @someone`, or loads the whole team on the server with `aebot team import "
        "team.csv`.",
    ),
    "team.remove_admin_only": zh_en(
        "只有管理员可以把同事移出团队。", "Only an admin can take someone off the team."
    ),
    "team.remove_usage": zh_en(
        "用法：`/aebot team remove @同事`", "Usage: `/aebot team remove @someone`"
    ),
    "team.remove_not_member": zh_en(
        "<@{user}> 不在团队名单里，没有做任何改动。",
        "<@{user}> is not on the team; nothing was changed.",
    ),
    "team.removed_no_clients": zh_en(
        "已将 <@{user}> 移出团队（名下没有客户）。",
        "<@{user}> is off the team (they owned no clients).",
    ),
    "team.removed": zh_en(
        "已将 <@{user}> 移出团队。名下 {n} 个客户现在没有负责人，已通知 {told} 重新指定。",
        Plural(
            "<@{user}> is off the team. The {n} client they owned has no owner now; {told} "
            "has been told to reassign it.",
            "<@{user}> is off the team. The {n} clients they owned have no owner now; {told} "
            "has been told to reassign them.",
        ),
    ),
    "team.nobody": zh_en(
        "（没有人：`AEBOT_ADMINS` 没有设置）", "nobody (`AEBOT_ADMINS` names no one)"
    ),
    "team.ownerless": zh_en(
        "<@{by}> 已将 <@{user}> 移出团队。以下 {n} 个客户现在没有负责人，不会再出现在任何提醒里，"
        "请用 `/client reassign 客户名 @同事` 指定新负责人：",
        Plural(
            "<@{by}> took <@{user}> off the team. The client below has no owner now and is in "
            "no reminder until you reassign it with `/client reassign NAME @someone`:",
            "<@{by}> took <@{user}> off the team. The {n} clients below have no owner now and "
            "are in no reminder until you reassign them with `/client reassign NAME @someone`:",
        ),
    ),
    "role.admin_only": zh_en("只有管理员可以设置角色。", "Only an admin can set roles."),
    "role.usage": zh_en(
        "用法：`/aebot role @同事 角色`。角色：{roles}。",
        "Usage: `/aebot role @someone ROLE`. The roles: {roles}.",
    ),
    "role.set": zh_en("已将 <@{user}> 的角色设为{role}。", "<@{user}> is now {role}."),
    "language.usage": zh_en(
        "用法：`/aebot language zh` 或 `/aebot language en`",
        "Usage: `/aebot language zh` or `/aebot language en`",
    ),
    "language.set": zh_en("好的，以后用中文和你交流。", "Done: aebot will talk to you in English."),
    "language.not_member": zh_en(
        "你是管理员，但不在团队名单里，aebot 用工作区的语言和你交流。先用 "
        "`/aebot team add @你自己 角色` 把自己加入团队，再选择语言。",
        "You are an admin, not on the team, so aebot talks to you in the workspace's language. "
        "Add yourself with `/aebot team add @yourself ROLE` first, then choose one.",
    ),
    "dates.read_as": zh_en("“{phrase}” 理解为 {when}。", "“{phrase}” reads as {when}."),
    "dates.range_read_as": zh_en(
        "“{phrase}” 理解为 {start} 到 {end}。", "“{phrase}” reads as {start} to {end}."
    ),
    "dates.refused": zh_en("{message}", "{message}"),
}
