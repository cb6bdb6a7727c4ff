"""Texts of `/weekly` (weekly notes, 周报) and the weekly prompt."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- /weekly ----------------------------------------------------------------------
    "weekly.help": zh_en(
        "*/weekly — 周报*\n"
        "• `/weekly` 打开本周周报：每个本周活跃的客户一栏（最多 150 字，填入本周写过的，没写的填入"
        "上周的，改好再保存），另有“需要协调的问题”和“建议”\n"
        "• `/weekly 客户名 内容` 直接写下（或替换）这个客户本周的情况，例如 "
        "`/weekly 耐克 Q1提案已提交，等待客户反馈`\n"
        "• `/weekly show` 查看我本周写的\n"
        "每周最后一个工作日汇总周报，汇总之后本周的周报就不能再改了。",
        "*/weekly — weekly notes*\n"
        "• `/weekly` opens this week's notes: one field per client active this week (at most 150 "
        "characters, filled in with what you wrote this week, else last week's note to edit), "
        "plus “problems needing coordination” and “suggestions”\n"
        "• `/weekly CLIENT NOTE` writes (or replaces) that client's note for this week, e.g. "
        "`/weekly Nike Q1 proposal sent, waiting for feedback`\n"
        "• `/weekly show` shows what you wrote this week\n"
        "The week's report is compiled on its last working day; after that this week's notes "
        "can no longer change.",
    ),
    "weekly.modal.title": zh_en("本周周报", "This week's notes"),
    "weekly.modal.intro": zh_en(
        "本周（{first} 至 {last}）的周报：每个客户一栏，最多 {max} 字；已填入你本周写过的，没写的"
        "填入上周的，改好再保存。清空一栏就删除这一条。",
        "This week's notes ({first} to {last}): one field per client, at most {max} characters "
        "each, filled in with what you wrote this week, else last week's note to edit. Empty a "
        "field to remove that note.",
    ),
    "weekly.modal.no_clients": zh_en(
        "你本周没有活跃的客户，名下也没有客户；可以只写需要协调的问题和建议，或用 "
        "`/weekly 客户名 内容` 写某个客户。",
        "You have no client active this week and own none: you can write problems and "
        "suggestions alone, or `/weekly CLIENT NOTE` for a client.",
    ),
    "weekly.modal.more": zh_en(
        "还有 {n} 个客户放不下，请用 `/weekly 客户名 内容` 写。",
        Plural(
            "{n} more client does not fit here: write its note with `/weekly CLIENT NOTE`.",
            "{n} more clients do not fit here: write their notes with `/weekly CLIENT NOTE`.",
        ),
    ),
    "weekly.f.client": zh_en("{name}", "{name}"),
    "weekly.f.client_last_week": zh_en("{name}（已填入上周的）", "{name} (last week's, to edit)"),
    "weekly.f.note_ph": zh_en(
        "这个客户本周的情况，最多 {max} 字", "Where this client stands, at most {max} characters"
    ),
    "weekly.f.problems": zh_en("需要协调的问题", "Problems needing coordination"),
    "weekly.f.suggestions": zh_en("建议", "Suggestions"),
    "weekly.too_long": zh_en(
        "周报每个客户最多 {max} 字，这条有 {n} 字。",
        "A weekly note is at most {max} characters per client; this one has {n}.",
    ),
    "weekly.text_too_long": zh_en(
        "这一栏最多 {max} 字，现在有 {n} 字。",
        "This field is at most {max} characters; it has {n}.",
    ),
    "weekly.compiled": zh_en(
        "本周周报已在 {when} 汇总，不能再修改；新的内容请写进下周的周报（{next} 起）。",
        "This week's report was compiled {when}, so its notes can no longer change; anything new "
        "goes into next week's notes (from {next}).",
    ),
    "weekly.saved": zh_en(
        "已保存本周周报：{n} 个客户写了情况。",
        Plural(
            "Saved this week's notes: {n} client written up.",
            "Saved this week's notes: {n} clients written up.",
        ),
    ),
    "weekly.saved_none": zh_en(
        "已保存本周周报（没有写客户的情况）。", "Saved this week's notes (no client written up)."
    ),
    "weekly.saved_removed": zh_en(
        "删除了清空的 {n} 条。",
        Plural("{n} emptied note was removed.", "{n} emptied notes were removed."),
    ),
    "weekly.saved_extras": zh_en(
        "需要协调的问题：{problems}；建议：{suggestions}。",
        "Problems needing coordination: {problems}; suggestions: {suggestions}.",
    ),
    "weekly.written": zh_en("已写", "written"),
    "weekly.not_written": zh_en("未写", "none"),
    "weekly.quick.saved": zh_en(
        "已记下 *{name}* 本周的情况（{n} 字）。",
        Plural(
            "Saved this week's note on *{name}* ({n} character).",
            "Saved this week's note on *{name}* ({n} characters).",
        ),
    ),
    "weekly.quick.replaced": zh_en(
        "已更新 *{name}* 本周的情况（{n} 字），替换了之前写的。",
        Plural(
            "Replaced this week's note on *{name}* ({n} character).",
            "Replaced this week's note on *{name}* ({n} characters).",
        ),
    ),
    "weekly.quick.need_text": zh_en(
        "请在客户名后写这周的情况，例如 `/weekly {name} Q1提案已提交，等待客户反馈`。",
        "Write the note after the client's name, e.g. `/weekly {name} Q1 proposal sent, waiting "
        "for feedback`.",
    ),
    "weekly.show.none": zh_en(
        "你本周还没写周报。`/weekly` 打开周报表单。",
        "You haven't written any notes this week. `/weekly` opens the form.",
    ),
    "weekly.show.title": zh_en(
        "你本周（{first} 至 {last}）的周报：", "Your notes this week ({first} to {last}):"
    ),
    "weekly.show.client": zh_en("• *{name}*：{text}", "• *{name}*: {text}"),
    "weekly.show.problems": zh_en(
        "*需要协调的问题*：{text}", "*Problems needing coordination*: {text}"
    ),
    "weekly.show.suggestions": zh_en("*建议*：{text}", "*Suggestions*: {text}"),
    # --- weekly-prompt ----------------------------------------------------------------
    "weekly.prompt.text": zh_en(
        "周报提醒：你本周还没写周报，今天 {at} 汇总。",
        "Weekly notes: you haven't written this week's yet; the report is compiled today at {at}.",
    ),
    "weekly.prompt.body": zh_en(
        "你还没有写本周的周报：每个客户写一段本周情况（最多 150 字），另有需要协调的问题和建议。"
        "今天 *{at}* 汇总周报，之后就不能再改了。",
        "You haven't written this week's notes yet: where each client stands in at most 150 "
        "characters, plus problems needing coordination and suggestions. The report is compiled "
        "today at *{at}*; after that the notes can no longer change.",
    ),
    "weekly.prompt.write": zh_en("写本周周报", "Write this week's notes"),
}
