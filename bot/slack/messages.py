"""The text catalogue: every user-visible string, whole, in Chinese and English."""

from __future__ import annotations

from typing import NamedTuple


class Plural(NamedTuple):
    """An English text with a count: `one` when the value named `count` is 1, else `other`."""

    one: str
    other: str
    count: str = "n"


M = dict[str, "str | Plural"]


def _m(zh: str, en: str | Plural) -> M:
    return {"zh": zh, "en": en}


MESSAGES: dict[str, M] = {
    # --- common -----------------------------------------------------------------------
    "common.save": _m("保存", "Save"),
    "common.cancel": _m("取消", "Cancel"),
    "common.edit": _m("修改", "Edit"),
    "common.undo": _m("撤销", "Undo"),
    "common.more": _m("……另有 {n} 项未列出。", "…and {n} more not shown."),
    "error.generic": _m(
        "抱歉，出了点问题，这次操作没有保存任何内容。请稍后再试；如果反复出现，请联系管理员。",
        "Sorry, something went wrong and nothing was changed. Please try again; if it keeps "
        "happening, tell your admin.",
    ),
    # --- kinds and roles --------------------------------------------------------------
    "kind.call": _m("电话", "call"),
    "kind.visit": _m("拜访", "visit"),
    "kind.meeting": _m("会议", "meeting"),
    "kind.wechat": _m("微信", "WeChat"),
    "kind.email": _m("邮件", "email"),
    "role.aae": _m("助理客户执行 (AAE)", "assistant account executive (AAE)"),
    "role.ae": _m("客户执行 (AE)", "account executive (AE)"),
    "role.am": _m("客户经理 (AM)", "account manager (AM)"),
    "role.ad": _m("客户总监 (AD)", "account director (AD)"),
    "role.ped": _m("项目执行总监", "project execution director"),
    "role.gm": _m("总经理 (GM)", "general manager (GM)"),
    # --- /contact ---------------------------------------------------------------------
    "contact.help": _m(
        "*/contact — 联络记录*\n"
        "• `/contact` 打开表单：客户、方式（电话/拜访/会议/微信/邮件）、时间、摘要、下一步、跟进日期\n"
        "• `/contact 客户名 摘要…` 直接记一次刚才的电话，例如 `/contact 可口可乐 确认了双十二方案`\n"
        "• 客户可写名称、客户代码或不会混淆的开头几个字\n"
        "• 时间可以写“昨天下午3点”“yesterday 3pm”；会议和拜访从发生起计 48 小时联络报告时限\n"
        "• 记录后 15 分钟内可撤销；随时可修改",
        "*/contact — client contact log*\n"
        "• `/contact` opens the form: client, kind (call/visit/meeting/WeChat/email), when, summary, next steps, "
        "follow-up date\n"
        "• `/contact CLIENT SUMMARY…` logs a call just now, e.g. `/contact Coca Cola agreed the 12.12 plan`\n"
        "• A client can be given by name, by code or by an unambiguous first few letters\n"
        "• Times like “yesterday 3pm” or “昨天下午3点” work; meetings and visits start the 48-hour contact-report clock\n"
        "• You can undo within 15 minutes, and edit any time",
    ),
    "contact.modal.title": _m("记录联络", "Log a contact"),
    "contact.modal.edit_title": _m("修改联络记录", "Edit contact"),
    "contact.f.client": _m("客户", "Client"),
    "contact.f.client_ph": _m("选择客户", "Choose a client"),
    "contact.f.kind": _m("方式", "Kind"),
    "contact.f.when": _m("时间（留空即现在）", "When (empty = now)"),
    "contact.f.when_ph": _m("例如：昨天下午3点、今天上午10点", "e.g. yesterday 3pm, today 10:00"),
    "contact.f.summary": _m("摘要：结论与重要讨论", "Summary: conclusions and key discussion"),
    "contact.f.next": _m("下一步", "Next steps"),
    "contact.f.follow_up": _m(
        "跟进日期（当天提醒你）", "Follow-up date (you are reminded that day)"
    ),
    "contact.f.follow_up_ph": _m("例如：下周五、12月3日", "e.g. next friday, Dec 3"),
    "contact.no_clients": _m(
        "团队里还没有客户。先用 `/client add` 添加客户。",
        "Your team has no clients yet. Add one first with `/client add`.",
    ),
    "contact.logged": _m(
        "已记录：与 *{client}*（{code}）的{kind}，时间 {when}。",
        "Logged: {kind} with *{client}* ({code}) at {when}.",
    ),
    "contact.updated": _m(
        "已更新：与 *{client}*（{code}）的{kind}，时间 {when}。",
        "Updated: {kind} with *{client}* ({code}) at {when}.",
    ),
    "contact.logged_text": _m("已记录与 {client} 的联络", "Contact with {client} logged"),
    "contact.summary_line": _m("*摘要*\n{summary}", "*Summary*\n{summary}"),
    "contact.next_line": _m("*下一步*\n{next}", "*Next steps*\n{next}"),
    "contact.follow_up_line": _m(
        "*跟进*：{date} 会提醒你。", "*Follow-up*: you will be reminded on {date}."
    ),
    "contact.report_clock": _m(
        "联络报告须在 48 小时内（{due} 前）发给客户和服务团队；发出后请点“报告已发”。",
        "The contact report is due to the client and the team within 48 hours (by {due}); "
        "click “Report sent” once it is out.",
    ),
    "contact.report_sent_btn": _m("报告已发", "Report sent"),
    "contact.need_summary": _m(
        "请补上与 *{client}* 联络的摘要。", "Please add a summary of the contact with *{client}*."
    ),
    "contact.too_long": _m(
        "摘要有 {n} 个字，上限是 {limit}。表单里是前 {limit} 个字，请精简或分两条记录。",
        "The summary is {n} characters; the limit is {limit}. The form holds the first {limit}: "
        "please shorten it or log it as two contacts.",
    ),
    "contact.unknown_client": _m(
        "找不到名为“{name}”的客户，请在下面选择客户。若是新客户，请先用 `/client add` 添加。",
        "No client is called “{name}”. Pick the client below, or add a new one first with "
        "`/client add`.",
    ),
    "contact.ambiguous": _m(
        "“{name}”可能是这几个客户：{names}。请在下面选择。",
        "“{name}” could be any of: {names}. Please pick one below.",
    ),
    "contact.not_saved": _m(
        "抱歉，数据库这会儿没有响应，这条联络记录*没有*保存。请稍后再试一次。",
        "Sorry, the database did not answer in time: this contact was *not* saved. Please try again "
        "in a moment.",
    ),
    "contact.pick_client": _m("请选择客户。", "Please choose a client."),
    "contact.bad_kind": _m("请选择联络方式。", "Please choose a kind of contact."),
    "contact.empty_summary": _m(
        "摘要不能为空：写下结论和重要讨论。",
        "The summary can't be empty: note the conclusions and key points.",
    ),
    "contact.future": _m(
        "联络时间 {when} 还没到。记录的是已发生的联络；计划请写在“跟进日期”。",
        "{when} is still in the future. Log contacts that happened; put plans in the follow-up date.",
    ),
    "contact.follow_up_past": _m(
        "跟进日期 {when} 已经过去，请填今天或以后的日期。",
        "The follow-up date {when} has passed; give today or a later date.",
    ),
    "contact.gone": _m(
        "这条联络记录已撤销或不存在。", "That contact has been undone or no longer exists."
    ),
    "contact.not_author": _m(
        "只有记录人本人可以修改或撤销这条联络记录。",
        "Only the person who logged this contact can change or undo it.",
    ),
    "contact.undo_expired": _m(
        "记录超过 15 分钟后不能撤销了；可以点“修改”更正。",
        "It is over 15 minutes since this was logged, so it can't be undone; use Edit to correct it.",
    ),
    "contact.already_undone": _m(
        "这条记录已经撤销过了，没有再做改动。", "This contact was already undone; nothing changed."
    ),
    "contact.undone": _m(
        "已撤销与 *{client}* 的这条联络记录。",
        "Undone: the contact with *{client}* is removed from the log.",
    ),
    "contact.report_not_yours": _m(
        "只有记录人、客户负责人或管理员可以标记联络报告。",
        "Only the author, the client's owner or an admin can mark the contact report.",
    ),
    "contact.report_already": _m(
        "联络报告已于 {when} 标记为已发，没有再做改动。",
        "The contact report was already marked sent on {when}; nothing changed.",
    ),
    "contact.report_marked": _m(
        "已记录：与 *{client}* 的联络报告于 {when} 发出。",
        "Recorded: the contact report for *{client}* was sent at {when}.",
    ),
    # --- nudges -----------------------------------------------------------------------
    "nudge.text": _m(
        "今天有 {n} 个客户该联络了，{f} 项跟进。",
        "Clients due a call today: {n}; follow-ups: {f}.",
    ),
    "nudge.intro": _m(
        "早上好！今天该联络的客户（{n} 个，最久未联络的在前）：",
        "Good morning! Clients due a call today ({n}, longest without contact first):",
    ),
    "nudge.sweep_intro": _m(
        "下班前提醒：这些客户今天还没联络（{n} 个）：",
        "Before you leave: these clients are still due a call today ({n}):",
    ),
    "nudge.sweep_text": _m(
        "还有 {n} 个客户今天没联络。",
        Plural("1 client is still due a call today.", "{n} clients are still due a call today."),
    ),
    "nudge.line": _m(
        "*{client}* · {code}\n{where} · {last}", "*{client}* · {code}\n{where} · {last}"
    ),
    "nudge.never": _m("还没有联络记录", "no contact logged yet"),
    "nudge.last": _m(
        "上次联络 {when}（{days} 个工作日前）",
        Plural(
            "last contact {when} ({days} working day ago)",
            "last contact {when} ({days} working days ago)",
            "days",
        ),
    ),
    "nudge.log_call": _m("记一次电话", "Log a call"),
    "followup.intro": _m("今天要跟进的事项（{n} 项）：", "Follow-ups for today ({n}):"),
    "followup.line": _m("*{client}* · {code}\n{next}", "*{client}* · {code}\n{next}"),
    "sweep.escalate_text": _m(
        "你团队有 {n} 个客户逾期未联络。",
        Plural(
            "1 of your team's clients is overdue for contact.",
            "{n} of your team's clients are overdue for contact.",
        ),
    ),
    "sweep.escalate_intro": _m(
        "以下客户已超过联络周期 {limit} 个工作日以上：",
        Plural(
            "These clients are more than {limit} working day past their contact cadence:",
            "These clients are more than {limit} working days past their contact cadence:",
            "limit",
        ),
    ),
    "sweep.escalate_line": _m(
        "• *{client}*（{code}）— 负责人 {owner}，逾期 {days} 个工作日",
        Plural(
            "• *{client}* ({code}) — owner {owner}, {days} working day overdue",
            "• *{client}* ({code}) — owner {owner}, {days} working days overdue",
            "days",
        ),
    ),
    # --- contact reports --------------------------------------------------------------
    "report.text": _m("联络报告提醒", "Contact report reminder"),
    "report.remind": _m(
        "与 *{client}*（{code}）的{kind}（{when}）已过 24 小时，联络报告还没标记发出。请在 48 小时内发给客户和服务团队。",
        "It is 24 hours since your {kind} with *{client}* ({code}, {when}) and its contact report is not "
        "marked sent. It is due to the client and the team within 48 hours.",
    ),
    "report.overdue": _m(
        "与 *{client}*（{code}）的{kind}（{when}）已过 48 小时，联络报告仍未发出，已告知你的主管。",
        "It is 48 hours since your {kind} with *{client}* ({code}, {when}) and its contact report is still not "
        "sent; your manager has been told.",
    ),
    "report.manager": _m(
        "<@{author}> 与 *{client}*（{code}）的{kind}（{when}）已过 48 小时，联络报告仍未发出。",
        "<@{author}>'s {kind} with *{client}* ({code}, {when}) is 48 hours old and its contact report is "
        "still not sent.",
    ),
    # --- /client ----------------------------------------------------------------------
    "client.help": _m(
        "*/client — 客户档案*\n• `/client` 列出我负责的客户，`/client list all` 列出全部\n"
        "• `/client add` 新增客户（名称、城市、市内/市外、联系人、负责人、备份负责人）\n"
        "• `/client edit 客户名` 修改\n• `/client reassign 客户名 @同事` 转交客户（负责人的主管或管理员）\n"
        "客户代码格式：城市-年月-客户名-年度编号，例如 上海-202611-可口可乐-001",
        "*/client — client records*\n• `/client` lists your clients, `/client list all` everyone's\n"
        "• `/client add` adds one (name, city, in-city or not, contact person, owner, backup owner)\n"
        "• `/client edit NAME` edits one\n• `/client reassign NAME @someone` hands it over (the owner's manager or an "
        "admin)\nClient code format: CITY-YYYYMM-NAME-NNN, e.g. Shanghai-202611-CocaCola-001",
    ),
    "client.in_city": _m("市内", "in-city"),
    "client.out_of_city": _m("市外", "out-of-city"),
    "client.backup": _m("备份", "backup"),
    "client.line": _m(
        "*{name}* · `{code}`\n{city} · {where} · 联系人 {person} · 负责人 <@{owner}>{backup} · 每 {cadence} 个工作日联络",
        Plural(
            "*{name}* · `{code}`\n{city} · {where} · contact {person} · owner <@{owner}>{backup} · call "
            "every working day ({cadence})",
            "*{name}* · `{code}`\n{city} · {where} · contact {person} · owner <@{owner}>{backup} · call "
            "every {cadence} working days",
            "cadence",
        ),
    ),
    "client.list_mine": _m("你负责的客户（{n} 个）：", "Your clients ({n}):"),
    "client.list_all": _m("团队全部客户（{n} 个）：", "All the team's clients ({n}):"),
    "client.none": _m(
        "你还没有负责的客户。用 `/client add` 添加，或请主管转交。",
        "You have no clients yet. Add one with `/client add`, or ask your manager to reassign one.",
    ),
    "client.modal.add": _m("新增客户", "Add a client"),
    "client.modal.edit": _m("修改客户", "Edit client"),
    "client.f.name": _m("客户名称", "Client name"),
    "client.f.city": _m("城市", "City"),
    "client.f.in_city": _m("市内还是市外", "In-city or out-of-city"),
    "client.f.person": _m("客户联系人", "Contact person"),
    "client.f.owner": _m("负责人", "Owner"),
    "client.f.backup": _m("备份负责人", "Backup owner"),
    "client.f.cadence": _m("联络周期（工作日）", "Call every N working days"),
    "client.f.cadence_ph": _m("留空：市内 1，市外 3", "Empty: 1 in-city, 3 out-of-city"),
    "client.code_note": _m(
        "客户代码 `{code}` 保持不变。", "The client code `{code}` stays as it is."
    ),
    "client.added": _m(
        "已新增客户 *{name}*，客户代码 `{code}`。", "Added client *{name}* with code `{code}`."
    ),
    "client.updated": _m(
        "已更新客户 *{name}*（`{code}`）。", "Updated client *{name}* (`{code}`)."
    ),
    "client.name_taken": _m(
        "已有同名客户（{code}）。", "A client with this name exists already ({code})."
    ),
    "client.need_name": _m(
        "请写客户名称，例如 `/client edit 可口可乐`。",
        "Please give the client's name, e.g. `/client edit Coca Cola`.",
    ),
    "client.need_city": _m("请写城市。", "Please give the city."),
    "client.bad_cadence": _m(
        "联络周期是 1 到 60 之间的整数（工作日）。",
        "The cadence is a whole number of working days from 1 to 60.",
    ),
    "client.owner_unknown": _m(
        "这个人还不在团队名单里；请管理员先用 `aebot team import` 或 `/aebot role` 添加。",
        "That person is not on the team yet; an admin can add them with `aebot team import` or "
        "`/aebot role`.",
    ),
    "client.unknown": _m(
        "找不到客户“{name}”。用 `/client list all` 查看全部客户。",
        "No client matches “{name}”. `/client list all` shows every client.",
    ),
    "client.ambiguous": _m(
        "“{name}”可能是：{names}。请写完整名称或客户代码。",
        "“{name}” could be: {names}. Please give the full name or the code.",
    ),
    "client.not_allowed_edit": _m(
        "只有负责人、备份负责人、负责人的主管或管理员可以修改 *{name}*。",
        "Only the owner, the backup owner, the owner's manager or an admin can edit *{name}*.",
    ),
    "client.not_allowed_reassign": _m(
        "只有负责人的主管或管理员可以转交 *{name}*。",
        "Only the owner's manager or an admin can reassign *{name}*.",
    ),
    "client.reassign_usage": _m(
        "用法：`/client reassign 客户名 @同事`", "Usage: `/client reassign CLIENT @someone`"
    ),
    "client.already_owner": _m(
        "<@{user}> 已经是 *{name}* 的负责人，没有改动。",
        "<@{user}> already owns *{name}*; nothing changed.",
    ),
    "client.reassigned": _m(
        "已将 *{name}*（`{code}`）从 <@{old}> 转交给 <@{new}>，联络记录全部保留。",
        "*{name}* (`{code}`) is now owned by <@{new}> instead of <@{old}>; its contact history stays.",
    ),
    "client.now_yours": _m(
        "<@{by}> 把客户 *{name}*（`{code}`）转交给了你；它的联络记录都在，之后的联络提醒会发给你。",
        "<@{by}> has handed client *{name}* (`{code}`) to you; its contact history comes with it, and its "
        "call reminders now come to you.",
    ),
    "client.unknown_sub": _m(
        "不认识“{sub}”。`/client help` 列出可用的写法。",
        "“{sub}” isn't a /client command. `/client help` lists them.",
    ),
    # --- /aebot -----------------------------------------------------------------------
    "aebot.help": _m(
        "*aebot — 客户部助手*\n• `/contact` 联络记录　• `/client` 客户档案\n"
        "• `/aebot team` 团队架构　• `/aebot language zh|en` 语言\n"
        "• `/aebot role @同事 am` 设置角色（管理员）：aae, ae, am, ad, ped, gm\n"
        "• `/aebot calendar` 工作日历（管理员可录入调休和明年的节假日）\n"
        "• `/aebot dates 下周五下午3点` 看看 aebot 怎么理解一个日期；不带内容则列出写法\n"
        "• `/aebot settings` 本工作区的设置（提醒时间等；管理员可修改）\n"
        "每个工作日（默认）9:30 提醒今天该联络的客户，17:30 汇总仍未联络的客户。",
        "*aebot — the account department's assistant*\n• `/contact` contact log　• `/client` client records\n"
        "• `/aebot team` the org chart　• `/aebot language zh|en` your language\n"
        "• `/aebot role @someone am` set a role (admins): aae, ae, am, ad, ped, gm\n"
        "• `/aebot calendar` the working-day calendar (admins add make-up days and next year's holidays)\n"
        "• `/aebot dates next friday 3pm` shows how aebot reads a date; alone, it lists the ways to write one\n"
        "• `/aebot settings` this workspace's settings (reminder times and more; admins change them)\n"
        "Every working day (by default) at 9:30 you hear which clients are due a call, and at 17:30 which "
        "are still due.",
    ),
    "aebot.unknown_sub": _m(
        "不认识“{sub}”。`/aebot help` 列出可用的写法。",
        "“{sub}” isn't an /aebot command. `/aebot help` lists them.",
    ),
    "team.title": _m(
        "团队架构（{n} 人）", Plural("The team ({n} person)", "The team ({n} people)")
    ),
    "team.empty": _m(
        "还没有团队名单。管理员可以用 `aebot team import team.csv` 导入。",
        "No team is loaded yet. An admin can load one with `aebot team import team.csv`.",
    ),
    "role.admin_only": _m("只有管理员可以设置角色。", "Only an admin can set roles."),
    "role.usage": _m(
        "用法：`/aebot role @同事 角色`，角色是 {roles} 之一。",
        "Usage: `/aebot role @someone ROLE`, where ROLE is one of {roles}.",
    ),
    "role.set": _m("已将 <@{user}> 的角色设为{role}。", "<@{user}> is now {role}."),
    "language.usage": _m(
        "用法：`/aebot language zh` 或 `/aebot language en`",
        "Usage: `/aebot language zh` or `/aebot language en`",
    ),
    "language.set": _m("好的，以后用中文和你交流。", "Done: aebot will talk to you in English."),
    "language.not_member": _m(
        "你还不在团队名单里，请管理员先添加你。",
        "You are not on the team yet; ask an admin to add you.",
    ),
    "dates.read_as": _m("“{phrase}” 读作 {when}。", "“{phrase}” reads as {when}."),
    "dates.refused": _m("{message}", "{message}"),
    # --- /aebot calendar ----------------------------------------------------------------
    "calendar.usage": _m(
        "用法：`/aebot calendar [年份]` 查看；`/aebot calendar check` 检查未来 60 天；管理员："
        "`/aebot calendar set 2027-02-06 workday`、`/aebot calendar set 2027-02-10 holiday 春节`、"
        "`/aebot calendar unset 2027-02-10`",
        "Usage: `/aebot calendar [YEAR]` to look; `/aebot calendar check` for the next 60 days; admins: "
        "`/aebot calendar set 2027-02-06 workday`, `/aebot calendar set 2027-02-10 holiday Spring Festival`, "
        "`/aebot calendar unset 2027-02-10`",
    ),
    "calendar.admin_only": _m(
        "只有管理员可以修改工作日历。", "Only an admin can change the working-day calendar."
    ),
    "calendar.title_official": _m(
        "*{year} 年*：国家公布的节假日安排（含调休）",
        "*{year}*: the government's announced calendar (make-up days included)",
    ),
    "calendar.title_corrected": _m(
        "*{year} 年*：日历库的推算，加上这里录入的 {n} 处修正",
        Plural(
            "*{year}*: the library's guess with {n} correction entered here",
            "*{year}*: the library's guess with {n} corrections entered here",
        ),
    ),
    "calendar.title_guessed": _m(
        "*{year} 年*：还没有官方安排，只是日历库推算的固定节日，没有调休。公布后请管理员录入。",
        "*{year}*: no official calendar yet, only the library's guess of fixed holidays without make-up "
        "working days. An admin should enter it once it is announced.",
    ),
    "calendar.line_off": _m(
        "{day} {weekday} 休息 {name}{mark}", "{day} {weekday} off {name}{mark}"
    ),
    "calendar.line_work": _m(
        "{day} {weekday} 上班 {name}{mark}", "{day} {weekday} working {name}{mark}"
    ),
    "calendar.mark": _m(" ✎ 修正", " ✎ correction"),
    "calendar.set_work": _m(
        "已设置：{day} {weekday} 为工作日，提醒照常发送。",
        "Done: {day} {weekday} is a working day; reminders go out.",
    ),
    "calendar.set_off": _m(
        "已设置：{day} {weekday} 休息 {name}，当天不发提醒。",
        "Done: {day} {weekday} is a day off {name}; no reminders that day.",
    ),
    "calendar.unset": _m(
        "已取消 {day} 的修正，恢复日历库的安排。",
        "The correction for {day} is gone; the library's calendar applies.",
    ),
    "calendar.unset_none": _m(
        "{day} 没有修正，没有改动。", "{day} had no correction; nothing changed."
    ),
    "calendar.check_ok": _m(
        "未来 60 天都有官方节假日安排。", "The next 60 days are covered by the official calendar."
    ),
    "calendar.check_missing": _m(
        "注意：{years} 年还没有官方节假日安排，提醒可能在调休日漏发或在假日误发。公布后请管理员用 "
        "`/aebot calendar set` 录入。",
        "Note: there is no official holiday calendar for {years} yet, so reminders may skip make-up working "
        "days or go out on holidays. An admin should enter it with `/aebot calendar set` once announced.",
    ),
    # --- App Home ---------------------------------------------------------------------
    "home.title": _m("我的一天 · {date}", "My day · {date}"),
    "home.not_member": _m(
        "你还不在团队名单里；请管理员用 `aebot team import` 或 `/aebot role` 添加你。",
        "You are not on the team yet; an admin can add you with `aebot team import` or `/aebot role`.",
    ),
    "home.day_off": _m("今天休息，不发提醒。", "Today is a day off: no reminders go out."),
    "home.none_due": _m("今天没有该联络的客户了。", "No client is due a call today."),
    "home.recent": _m("*最近 10 条联络记录*", "*Your last 10 contacts*"),
    "home.no_recent": _m(
        "还没有联络记录。用 `/contact` 记录第一条。",
        "No contacts logged yet. Log one with `/contact`.",
    ),
    "home.recent_line": _m(
        "{when} · {kind} · *{client}* · {code} — {summary}",
        "{when} · {kind} · *{client}* · {code} — {summary}",
    ),
    # --- /aebot settings -------------------------------------------------------------
    "settings.title": _m("*本工作区的设置*", "*This workspace's settings*"),
    "settings.line_default": _m(
        "`{key}` = `{value}`（默认）— {meaning}", "`{key}` = `{value}` (default) — {meaning}"
    ),
    "settings.line_set": _m(
        "`{key}` = `{value}`（默认 `{default}`）— {meaning}",
        "`{key}` = `{value}` (default `{default}`) — {meaning}",
    ),
    "settings.usage": _m(
        "管理员可以修改：`/aebot settings set 名称 值`，例如 `/aebot settings set contact_nudge_at 09:00`；"
        "`/aebot settings unset 名称` 恢复默认。",
        "Admins change one with `/aebot settings set KEY VALUE`, e.g. "
        "`/aebot settings set contact_nudge_at 09:00`; `/aebot settings unset KEY` restores the default.",
    ),
    "settings.admin_only": _m("只有管理员可以修改设置。", "Only an admin can change settings."),
    "settings.unknown_key": _m(
        "没有名为“{key}”的设置。可以设置的有：{keys}。",
        "There is no setting called “{key}”. The settings are: {keys}.",
    ),
    "settings.bad_time": _m(
        "`{key}` 是一天中的时间，写成 时:分，例如 09:30。",
        "`{key}` is a time of day, written HH:MM, e.g. 09:30.",
    ),
    "settings.bad_hours": _m(
        "`{key}` 是一段时间，写成 开始-结束，例如 09:00-19:00。",
        "`{key}` is a span of hours, written START-END, e.g. 09:00-19:00.",
    ),
    "settings.bad_count": _m(
        "`{key}` 是 {low} 到 {high} 之间的整数。",
        "`{key}` is a whole number from {low} to {high}.",
    ),
    "settings.set": _m("已设置：`{key}` = `{value}`。", "Done: `{key}` is now `{value}`."),
    "settings.unset": _m(
        "`{key}` 已恢复默认值 `{value}`。", "`{key}` is back to its default, `{value}`."
    ),
    "settings.unset_none": _m(
        "`{key}` 没有改过，仍是默认值 `{value}`。",
        "`{key}` was not changed; it is the default, `{value}`.",
    ),
    "setting.contact_nudge_at": _m(
        "每个工作日早上提醒 AE 今天该联络的客户的时间",
        "when each AE hears, every working morning, which clients are due a call",
    ),
    "setting.contact_sweep_at": _m(
        "下班前汇总仍未联络的客户（并告知主管逾期客户）的时间",
        "when the clients still due are listed before leaving (and long-overdue ones go to the manager)",
    ),
    "setting.hourly_window": _m(
        "每小时任务（联络报告提醒）在工作日的这段时间内整点运行",
        "hourly jobs (contact-report reminders) run on the hour within these hours of working days",
    ),
    "setting.contact_escalate_after": _m(
        "客户超过联络周期多少个工作日后告知主管",
        "working days past a client's cadence before the owner's manager is told",
    ),
    "setting.end_of_day": _m(
        "只写日期时（如“周五”）默认的时间",
        'the time a date typed without one ("friday") means',
    ),
}
