"""Texts of whereabouts: `/out` (the whereabouts register, 去向登记), the offer to log a visit,
`/out who`, `/out back`, and leave (`/out leave`)."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- help ---------------------------------------------------------------------------
    "out.help": zh_en(
        "*/out — 去向登记与请假*\n"
        "• `/out 耐克 拜访提案 14:00-17:00` 登记外出：哪个客户、什么事、到几点"
        "（也可写 `到17:00`；不写时间 = 到下班）\n"
        "• `/out tomorrow 耐克 提案`（或 `/out 明天 …`）第二天从家直接去客户处：按手册须在前一天登记\n"
        "• `/out back` 回来了，结束外出登记，并可一键记录这次拜访\n"
        "• `/out who` 现在谁在外、在哪里，今天谁请假（客户经理、客户总监、项目执行总监、总经理和管理员）\n"
        "• `/out leave {eg_span} 年假` 登记请假（年假、病假、事假或其他；一天也可以）· "
        "`/out leave list` 我的请假 · `/out leave cancel` 取消最近的一次请假\n"
        "去向必须写明客户公司，“外出”“见客户”这样的登记视同未登记。拜访结束后，aebot 会请你一键记录这次拜访。",
        "*/out — whereabouts register and leave*\n"
        "• `/out Nike proposal visit 14:00-17:00` registers that you are out: which client, "
        "why, until when (or `until 5pm`; no time = until the end of the working day)\n"
        "• `/out tomorrow Nike proposal` going straight from home to a client next morning: the "
        "handbook asks you to register it the day before\n"
        "• `/out back` you are back: ends your entry, with one click to log the visit\n"
        "• `/out who` who is out now and where, and who is on leave today (account managers, "
        "account directors, the project execution director, the GM and admins)\n"
        "• `/out leave {eg_span} annual` registers leave (annual, sick, personal or other; "
        "one day is fine) · `/out leave list` your leave · `/out leave cancel` cancels your next "
        "leave\n"
        "An entry must name the client company: “out” or “seeing a client” counts as not "
        "registered. When a visit ends, aebot offers to log it in one click.",
    ),
    # --- refusals -----------------------------------------------------------------------
    "out.vague": zh_en(
        "没有登记：去向登记必须写明客户公司，“外出”“见客户”这样的登记视同未登记。"
        "请写上客户名称，例如 `/out 耐克 拜访提案 14:00-17:00`。",
        "Not registered: a whereabouts entry must name the client company; entries like "
        "“out” or “seeing a client” count as not registered. Name the client, e.g. "
        "`/out Nike proposal visit 14:00-17:00`.",
    ),
    "out.purpose_too_long": zh_en(
        "没有登记：事由最多 {limit} 个字（现在 {n} 个）。",
        "Not registered: the purpose is at most {limit} characters (this one has {n}).",
    ),
    "out.already_over": zh_en(
        "没有登记：这个结束时间已经过了。请写上到几点，例如 `/out 耐克 晚宴 到21:00`。",
        "Not registered: that end time has already passed. Say until when, e.g. "
        "`/out Nike dinner until 9pm`.",
    ),
    "out.end_before_start": zh_en(
        "没有登记：结束时间早于出发时间。例如 `/out tomorrow 耐克 提案 到11:00`。",
        "Not registered: the end is before the start. E.g. `/out tomorrow Nike pitch until 11am`.",
    ),
    "out.until_too_far": zh_en(
        "没有登记：结束时间离出发超过16小时。请写当天的结束时间，例如 到17:00；"
        "跨天外出请写日期，例如 {eg_span}。",
        "Not registered: the end is more than 16 hours after the start. Give the end on the "
        "same day, e.g. until 5pm; for several days give dates, e.g. {eg_span}.",
    ),
    "out.unreadable": zh_en("没有登记：{message}", "Not registered: {message}"),
    # --- registered -----------------------------------------------------------------------
    "out.registered": zh_en(
        "已登记去向：*{client}*（{code}），{span}。",
        "Registered: you are out at *{client}* ({code}), {span}.",
    ),
    "out.registered_from_home": zh_en(
        "已登记：{day} 从家直接去 *{client}*（{code}），{span}。"
        "手册要求第二天直接去客户处须在前一天登记——已在今天登记好。",
        "Registered: on {day} you go straight from home to *{client}* ({code}), {span}. "
        "The handbook asks for this the day before: done today.",
    ),
    "out.purpose_line": zh_en("事由：{purpose}", "Purpose: {purpose}"),
    "out.ended_line": zh_en(
        "之前的登记已结束：{visits}。", "Your earlier entry has ended: {visits}."
    ),
    "out.visit_short": zh_en("{client}（{span}）", "{client} ({span})"),
    "out.span": zh_en("{start}–{end}", "{start}–{end}"),
    "out.span_days": zh_en("{start} 至 {end}", "{start} to {end}"),
    "out.offer_note": zh_en(
        "{end} 之后，aebot 会请你一键记录这次拜访。",
        "After {end}, aebot will offer to log this visit in one click.",
    ),
    # --- back, and the offer to log the visit ------------------------------------------
    "out.back": zh_en(
        "欢迎回来。已结束外出登记：*{client}*，{span}。",
        "Welcome back. Your entry has ended: *{client}*, {span}.",
    ),
    "out.back_none": zh_en(
        "你现在没有进行中的外出登记，没有改动。", "You have no entry open now; nothing changed."
    ),
    "out.offer": zh_en(
        "记录这次在 *{client}* 的拜访？表单已填好客户、时间和事由。",
        "Log this visit to *{client}*? The form comes filled in with the client, the time and "
        "the purpose.",
    ),
    "out.offer_text": zh_en(
        "你在 {client} 的拜访（{span}）已结束，记录一下？",
        "Your visit to {client} ({span}) has ended: log it?",
    ),
    "out.offer_btn": zh_en("记录这次拜访", "Log this visit"),
    "out.visit_gone": zh_en("这条外出登记不存在。", "That whereabouts entry does not exist."),
    "out.visit_not_yours": zh_en(
        "这是别人的外出登记，只有登记人可以记录这次拜访。",
        "That is someone else's entry: only they can log this visit.",
    ),
    # --- who ----------------------------------------------------------------------------
    "out.who_not_allowed": zh_en(
        "抱歉，大家的去向只有客户经理、客户总监、项目执行总监、总经理和管理员可以查看。"
        "你自己的登记用 `/out back` 结束。",
        "Sorry, only account managers, account directors, the project execution director, "
        "the GM and admins see everyone's whereabouts. `/out back` ends your own entry.",
    ),
    "out.who_title": zh_en(
        "*现在外出（{n} 人）*", Plural("*Out now (1 person)*", "*Out now ({n} people)*")
    ),
    "out.who_line": zh_en(
        "<@{user}> 在 *{client}*，到 {until}", "<@{user}> at *{client}* until {until}"
    ),
    "out.who_line_purpose": zh_en(
        "<@{user}> 在 *{client}*（{purpose}），到 {until}",
        "<@{user}> at *{client}* ({purpose}) until {until}",
    ),
    "out.who_none": zh_en("现在没有人登记外出。", "Nobody is registered out now."),
    "out.leave_title": zh_en(
        "*今天请假（{n} 人）*",
        Plural("*On leave today (1 person)*", "*On leave today ({n} people)*"),
    ),
    "out.leave_line": zh_en("<@{user}> · {kind} · {days}", "<@{user}> · {kind} · {days}"),
    "out.leave_none": zh_en("今天没有人请假。", "Nobody is on leave today."),
    # --- leave --------------------------------------------------------------------------
    "leave.kind.annual": zh_en("年假", "annual leave"),
    "leave.kind.sick": zh_en("病假", "sick leave"),
    "leave.kind.personal": zh_en("事假", "personal leave"),
    "leave.kind.other": zh_en("其他假", "other leave"),
    "leave.days_range": zh_en("{first} 至 {last}", "{first} to {last}"),
    "leave.unreadable": zh_en(
        "没有登记：看不懂请假日期“{text}”。例如 `/out leave {eg_span} 年假`、"
        "`/out leave {eg_day} 病假`。",
        "Not registered: I couldn't read the dates in “{text}”. E.g. "
        "`/out leave {eg_span} annual`, `/out leave {eg_day} sick`.",
    ),
    "leave.whole_days": zh_en(
        "没有登记：请假按整天登记，请只写日期，例如 `/out leave {eg_day} 病假`。",
        "Not registered: leave is taken in whole days; give dates only, e.g. "
        "`/out leave {eg_day} sick`.",
    ),
    "leave.past": zh_en(
        "没有登记：{day} 已经过去了。请假只能登记今天或以后的日期。",
        "Not registered: {day} is in the past. Leave can only be registered from today on.",
    ),
    "leave.overlap": zh_en(
        "没有登记：和你已登记的请假重叠（{kind}，{days}）。"
        "要更改，先 `/out leave cancel` 取消它，再重新登记。",
        "Not registered: it overlaps leave you already registered ({kind}, {days}). To change "
        "it, `/out leave cancel` it first, then register again.",
    ),
    "leave.recorded": zh_en(
        "已登记请假：{kind}，{days}（{n} 个工作日）。这几天不会收到提醒。",
        Plural(
            "Leave registered: {kind}, {days} (1 working day). You get no reminders then.",
            "Leave registered: {kind}, {days} ({n} working days). You get no reminders then.",
        ),
    ),
    "leave.recorded_off": zh_en(
        "已登记请假：{kind}，{days}（这几天都不是工作日）。",
        "Leave registered: {kind}, {days} (none of these is a working day).",
    ),
    "leave.note_line": zh_en("备注：{note}", "Note: {note}"),
    "leave.list_title": zh_en(
        "*我的请假（{n} 次）*", Plural("*Your leave (1 entry)*", "*Your leave ({n} entries)*")
    ),
    "leave.list_line": zh_en("{kind} · {days}", "{kind} · {days}"),
    "leave.list_line_note": zh_en("{kind} · {days} · {note}", "{kind} · {days} · {note}"),
    "leave.list_none": zh_en(
        "你没有今天或以后的请假登记。", "You have no leave registered from today on."
    ),
    "leave.cancelled": zh_en("已取消请假：{kind}，{days}。", "Leave cancelled: {kind}, {days}."),
    "leave.cut_short": zh_en(
        "请假提前结束：{kind}，现在是 {days}；今天起不再算请假。",
        "Leave ended early: {kind}, now {days}; from today you are no longer on leave.",
    ),
    "leave.cancel_none": zh_en(
        "你没有可以取消的请假，没有改动。", "You have no leave to cancel; nothing changed."
    ),
}
