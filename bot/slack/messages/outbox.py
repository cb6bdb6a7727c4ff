"""Texts of delivery: what admins hear when Slack will not take a message."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    "outbox.failed_text": zh_en(
        "有 {n} 条消息 Slack 拒收，已放弃发送（不会重试）。请检查这些成员的账号，处理后可用 "
        "`aebot outbox retry` 重发：",
        Plural(
            "Slack refused {n} message and it was given up (it will not be retried). Check the "
            "account below; `aebot outbox retry` sends it again once fixed:",
            "Slack refused {n} messages and they were given up (they will not be retried). "
            "Check the accounts below; `aebot outbox retry` sends them again once fixed:",
        ),
    ),
    "outbox.failed_line": zh_en("• <@{user}>（{what}）：{error}", "• <@{user}> ({what}): {error}"),
}
