"""Texts of meetings (`/meeting`): the form, the confirmation, the list, cancelling; the 5W1H
notice the working day before and its plain text for the client; the reconfirmation an hour
before; the report prompt when it ends."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    "meeting.help": zh_en(
        "*/meeting — 与客户开会*\n"
        "• `/meeting 耐克 明天14:00-15:30 Q1提案` 登记一次会议：客户、时间段、事由"
        "（时间段也可写 `14:00-15:30 明天`）\n"
        "• `/meeting` 打开表单：客户、时间、地点（不填 = 在公司）、我方参加人、客户方参加人、"
        "目的、议程和材料\n"
        "• `/meeting list` 我本周的会议 · `/meeting cancel 编号` 取消一次会议（组织者或管理员），"
        "已通知的人会收到取消通知\n"
        "会议前一个工作日 aebot 会把会议通知（何人、何事、何时、何地、为何、如何）发给参加人，并给组织者一份可发给客户的文字；"
        "开会前约一小时提醒组织者电话向客户再确认；会议结束后提醒组织者写联络报告（会议纪要）。",
        "*/meeting — meetings with a client*\n"
        "• `/meeting Nike tomorrow 14:00-15:30 Q1 pitch` records a meeting: the client, a time "
        "range, the topic (`14:00-15:30 tomorrow` works too)\n"
        "• `/meeting` opens the form: client, when, where (empty = in the office), our attendees, "
        "the client's attendees, purpose, agenda and materials\n"
        "• `/meeting list` my meetings this week · `/meeting cancel N` cancels one (the organiser "
        "or an admin); whoever was told is told it is off\n"
        "The working day before, aebot sends the attendees the notice (5W1H) and the organiser a "
        "text for the client; about an hour before, it reminds the organiser to reconfirm with "
        "the client by phone; when the meeting ends, it asks for the report.",
    ),
    # --- the form ---------------------------------------------------------------------------
    "meeting.modal.title": zh_en("登记会议", "New meeting"),
    "meeting.modal.move_title": zh_en("改期", "Move the meeting"),
    "meeting.f.client": zh_en("客户", "Client"),
    "meeting.f.client_ph": zh_en("选择客户", "Choose a client"),
    "meeting.f.when": zh_en("时间", "When"),
    "meeting.f.when_ph": zh_en("例如 明天14:00-15:30", "e.g. tomorrow 14:00-15:30"),
    "meeting.f.topic": zh_en("事由", "Topic"),
    "meeting.f.place": zh_en("地点（不填 = 在公司）", "Where (empty = in the office)"),
    "meeting.f.ours": zh_en("我方参加人", "Our attendees"),
    "meeting.f.theirs": zh_en("客户方参加人", "The client's attendees"),
    "meeting.f.purpose": zh_en("目的", "Purpose"),
    "meeting.f.agenda": zh_en("议程", "Agenda"),
    "meeting.f.materials": zh_en("需准备的材料", "Materials"),
    "meeting.no_clients": zh_en(
        "还没有客户：请先用 `/client add` 添加客户。",
        "No clients yet: add one first with `/client add`.",
    ),
    # --- refusals -------------------------------------------------------------------------
    "meeting.past": zh_en(
        "会议的开始时间已经过去了，没有登记。请写一个将来的时间，例如 明天14:00-15:30。",
        "That start time has passed: nothing was recorded. Give a time ahead, "
        "e.g. tomorrow 14:00-15:30.",
    ),
    "meeting.end_before_start": zh_en(
        "结束时间早于开始时间，没有登记。", "The end is before the start: nothing was recorded."
    ),
    "meeting.too_long": zh_en(
        "太长了：最多 {limit} 个字。",
        "Too long: at most {limit} characters.",
    ),
    "meeting.need_topic": zh_en("请写会议事由。", "Please give the meeting's topic."),
    "meeting.need_client": zh_en("请选择客户。", "Please choose a client."),
    "meeting.need_range": zh_en(
        "请写会议的开始和结束时间，例如 明天14:00-15:30。",
        "Give the meeting's start and end, e.g. tomorrow 14:00-15:30.",
    ),
    "meeting.when_unread": zh_en("{message}", "{message}"),
    "meeting.cancel_usage": zh_en(
        "用法：`/meeting cancel 编号`（编号见 `/meeting list`）。",
        "Usage: `/meeting cancel N` (the number is in `/meeting list`).",
    ),
    "meeting.gone": zh_en(
        "找不到这次会议（可能已取消）。", "That meeting is not there (perhaps cancelled)."
    ),
    "meeting.not_yours": zh_en(
        "只有会议的组织者或管理员可以取消或改期。",
        "Only the meeting's organiser or an admin can cancel or move it.",
    ),
    "meeting.over": zh_en(
        "这次会议已经开始或结束，不能再取消或改期。",
        "That meeting has already started or ended: it can no longer be cancelled or moved.",
    ),
    "meeting.not_organiser": zh_en(
        "这是组织者的按钮。", "That button is for the meeting's organiser."
    ),
    # --- recorded, listed, cancelled ------------------------------------------------------
    "meeting.recorded": zh_en(
        "已登记会议 #{id}：{client} · {when} · {what}",
        "Meeting #{id} recorded: {client} · {when} · {what}",
    ),
    "meeting.moved": zh_en(
        "会议 #{id} 已改到 {when}：{client} · {what}",
        "Meeting #{id} moved to {when}: {client} · {what}",
    ),
    "meeting.recorded_out": zh_en(
        "已为你登记外出：{place}（{time}）。", "Your whereabouts are registered: {place} ({time})."
    ),
    "meeting.told_at_once": zh_en(
        "会议通知已发给参加人。", "The notice has gone to the attendees."
    ),
    "meeting.notice_later": zh_en(
        "会议通知将于 {when} 发给参加人。", "The notice goes to the attendees {when}."
    ),
    "meeting.list_title": zh_en(
        "你本周的会议（{n} 个）：",
        Plural("Your meeting this week:", "Your meetings this week ({n}):"),
    ),
    "meeting.list_none": zh_en("你本周没有会议。", "You have no meetings this week."),
    "meeting.list_line": zh_en(
        "`#{id}` {when} · {client} · {what}", "`#{id}` {when} · {client} · {what}"
    ),
    "meeting.cancelled": zh_en(
        "已取消会议 #{id}：{client} · {when}。", "Meeting #{id} cancelled: {client} · {when}."
    ),
    "meeting.cancelled_told": zh_en("已通知：{members}。", "Told: {members}."),
    "meeting.cancelled_dm": zh_en(
        "会议取消：{client} · {when} · {what}（<@{by}> 取消）",
        "Meeting cancelled: {client} · {when} · {what} (cancelled by <@{by}>)",
    ),
    "meeting.moved_dm": zh_en(
        "会议改期：{client} · {what} 改到 {when}。",
        "Meeting moved: {client} · {what} is now {when}.",
    ),
    # --- the notice (5W1H) ----------------------------------------------------------------
    "meeting.notice_text": zh_en("会议通知", "Meeting notice"),
    "meeting.notice_title": zh_en(
        "*会议通知* · {client} · {when}", "*Meeting notice* · {client} · {when}"
    ),
    "meeting.w.who": zh_en(
        "• 参加人（谁）：我方 {members}；客户方 {person}",
        "• Who: ours {members}; the client's {person}",
    ),
    "meeting.w.what": zh_en("• 事由（什么）：{what}", "• What: {what}"),
    "meeting.w.when": zh_en("• 时间（何时）：{when}", "• When: {when}"),
    "meeting.w.where": zh_en("• 地点（何地）：{place}", "• Where: {place}"),
    "meeting.w.why": zh_en("• 目的（为何）：{purpose}", "• Why: {purpose}"),
    "meeting.w.how": zh_en("• 议程（如何）：{text}", "• How (agenda): {text}"),
    "meeting.w.materials": zh_en("• 材料：{note}", "• Materials: {note}"),
    "meeting.in_office": zh_en("公司", "our office"),
    "meeting.unsaid": zh_en("未写", "not given"),
    "meeting.for_client": zh_en(
        "*发给客户的文字*（复制到邮件或微信）：",
        "*For the client* (paste into an e-mail or WeChat):",
    ),
    "meeting.sent_to_client": zh_en("已发给客户", "Sent to client"),
    "meeting.client_notified": zh_en(
        "已记录：会议通知已发给客户（{when}）。",
        "Recorded: the notice went to the client ({when}).",
    ),
    "meeting.client_already": zh_en(
        "已经记录过发给客户了（{when}）。", "Already recorded as sent to the client ({when})."
    ),
    # the plain text for the client, in the client's language
    "meeting.client.greeting": zh_en("您好！", "Hello,"),
    "meeting.client.when": zh_en(
        "谨定于 {when} 与贵司会面，事由：{what}。",
        "We look forward to meeting you on {when} about {what}.",
    ),
    "meeting.client.where": zh_en("地点：{place}。", "Place: {place}."),
    "meeting.client.ours": zh_en("我方参加人员：{names}。", "From our side: {names}."),
    "meeting.client.purpose": zh_en("会议目的：{purpose}。", "Purpose: {purpose}."),
    "meeting.client.agenda": zh_en("议程：{text}", "Agenda: {text}"),
    "meeting.client.close": zh_en(
        "如有变动请随时告知，谢谢！", "Please let us know if anything changes. Thank you!"
    ),
    # --- the reconfirmation ---------------------------------------------------------------
    "meeting.reconfirm_text": zh_en(
        "请电话向客户再确认会议", "Please reconfirm the meeting with the client by phone"
    ),
    "meeting.reconfirm": zh_en(
        "*请电话向客户再确认*：{client} · {when} · {what}",
        "*Reconfirm with the client by phone*: {client} · {when} · {what}",
    ),
    "meeting.confirm_button": zh_en("已确认", "Confirmed"),
    "meeting.postpone_button": zh_en("改期", "Postponed"),
    "meeting.reconfirmed": zh_en(
        "已确认：{client} · {when} · {what}（{by}）",
        "Confirmed: {client} · {when} · {what} ({by})",
    ),
    "meeting.reconfirmed_already": zh_en(
        "这次会议已经确认过了。", "That meeting was already confirmed."
    ),
    # --- the report prompt ----------------------------------------------------------------
    "meeting.report_text": zh_en("请写联络报告（会议纪要）", "Please write the meeting's report"),
    "meeting.report": zh_en(
        "*会议结束了*：{client} · {when} · {what}\n请在 48 小时内写联络报告（会议纪要），发给服务团队。",
        "*The meeting has ended*: {client} · {when} · {what}\n"
        "Please write its report and send it to the team within 48 hours.",
    ),
    "meeting.write_report": zh_en("写报告", "Write report"),
}
