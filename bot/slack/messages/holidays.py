"""Texts of the holiday notices (如遇重大节假日，需提前书面通知客户): each AE's DM with the days
off, the make-up working days and a notice per client, the notice itself in the client's
language, the Notified button, and the Monday agenda's line of clients not yet notified."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- the holidays' names and greetings (bot/rules/holidays.py KINDS) ----------------------
    "holiday.name.spring": zh_en("春节", "Spring Festival"),
    "holiday.name.new-year": zh_en("元旦", "New Year's Day"),
    "holiday.name.qingming": zh_en("清明节", "Qingming Festival"),
    "holiday.name.labour": zh_en("劳动节", "Labour Day"),
    "holiday.name.dragon-boat": zh_en("端午节", "Dragon Boat Festival"),
    "holiday.name.mid-autumn": zh_en("中秋节", "Mid-Autumn Festival"),
    "holiday.name.national": zh_en("国庆节", "National Day"),
    "holiday.greeting.spring": zh_en("春节快乐，新春大吉", "Happy Spring Festival"),
    "holiday.greeting.new-year": zh_en("元旦快乐", "Happy New Year"),
    "holiday.greeting.qingming": zh_en("清明安康", "A peaceful Qingming Festival"),
    "holiday.greeting.labour": zh_en("劳动节快乐", "Happy Labour Day"),
    "holiday.greeting.dragon-boat": zh_en("端午安康", "A happy Dragon Boat Festival"),
    "holiday.greeting.mid-autumn": zh_en("中秋快乐，阖家团圆", "Happy Mid-Autumn Festival"),
    "holiday.greeting.national": zh_en("国庆快乐", "Happy National Day"),
    "holiday.greeting.other": zh_en("节日快乐", "Happy holidays"),
    # --- the DM to each AE ----------------------------------------------------------------------
    "holiday.text": zh_en(
        "{holiday}放假（{first} 至 {last}）：请在放假前书面通知你的客户。",
        "{holiday} ({first} to {last}): notify your clients in writing before the holiday.",
    ),
    "holiday.intro": zh_en(
        "*{holiday}放假安排*：{first} 至 {last} 放假，共 {total} 天，{day} 起正常上班。",
        "*{holiday}*: days off from {first} to {last} ({total} days); back at work on {day}.",
    ),
    "holiday.make_up": zh_en("调休上班：{make_up}。", "Make-up working days: {make_up}."),
    "holiday.no_make_up": zh_en("这次没有调休上班日。", "No make-up working days this time."),
    "holiday.ask": zh_en(
        "如遇重大节假日，需提前书面通知客户：请把下面每位客户的通知（已按客户的语言写好）复制到"
        "邮件或微信发出，发出后点“已通知”。",
        "Clients are told of a major holiday in writing beforehand: copy each client's notice "
        "below (written in the client's language) into an e-mail or WeChat, send it, then click "
        "“Notified”.",
    ),
    "holiday.greet": zh_en(
        "放假第一天（{first}）可以再给客户发一句节日问候：{greeting}！",
        "On the first day off ({first}), send your clients a greeting too: {greeting}!",
    ),
    "holiday.unconfirmed": zh_en(
        "⚠️ {year} 年的这个假期还没有管理员按国务院通知确认，上面的日期是推算的：发出前请核对"
        "（`/aebot calendar {year}`）。",
        "⚠️ This {year} holiday is not yet confirmed by an admin from the official notice; the "
        "days above are computed: check them before sending (`/aebot calendar {year}`).",
    ),
    "holiday.client.zh": zh_en("*{client}* · 中文通知", "*{client}* · notice in Chinese"),
    "holiday.client.en": zh_en("*{client}* · 英文通知", "*{client}* · notice in English"),
    "holiday.notified_button": zh_en("已通知", "Notified"),
    "holiday.notified": zh_en("✅ 已通知（{when}）", "✅ Notified ({when})"),
    "holiday.already": zh_en(
        "{client} 的节日通知已由 <@{by}> 在 {when} 标记为已通知，没有改动。",
        "{client} was already marked notified by <@{by}> on {when}; nothing changed.",
    ),
    # --- the notice, in the client's language -----------------------------------------------
    "holiday.draft.to": zh_en("尊敬的{person}：\n您好！", "Dear {person},"),
    "holiday.draft.off": zh_en(
        "根据{holiday}放假安排，我司将于{first}至{last}放假，共{total}天，{day}起正常上班。",
        "Our office will be closed for {holiday} from {first} to {last} ({total} days), and "
        "open again on {day}.",
    ),
    "holiday.draft.make_up": zh_en(
        "{make_up}调休，正常上班。", "We will work as usual on {make_up} (make-up working days)."
    ),
    "holiday.draft.plan": zh_en(
        "放假前我们会把手头的工作安排妥当；如有需要在假期前完成的事项，请尽早告知。",
        "We will settle the work in hand before the holiday; please tell us early of anything "
        "that must be done before it.",
    ),
    "holiday.draft.call": zh_en(
        "放假期间如有紧急事务，请联系{name}。",
        "For anything urgent during the holiday, please call {name}.",
    ),
    "holiday.draft.call_backup": zh_en(
        "放假期间如有紧急事务，请联系{name}，或{backup_name}。",
        "For anything urgent during the holiday, please call {name}, or {backup_name}.",
    ),
    "holiday.draft.close": zh_en("提前祝您{greeting}！", "{greeting}, and best wishes!"),
    # --- the Monday agenda -----------------------------------------------------------------------
    "holiday.agenda_title": zh_en(
        "*节日通知还没发的客户*（{holiday}，{first} 起放假）：",
        "*Clients not yet notified of the holiday* ({holiday}, days off from {first}):",
    ),
}
