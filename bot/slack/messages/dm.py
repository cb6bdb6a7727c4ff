"""Texts of a DM to aebot: it works by slash commands, typed here or in any channel."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "dm.help": zh_en(
        "aebot 用斜杠命令工作，在这里或任何频道的输入框里输入 `/` 就能用：\n"
        "• `/contact 客户 摘要` 记一次联络　• `/client` 我的客户\n"
        "• `/job` 开工作单　• `/overtime` 加班单　• `/out` 去向登记、请假\n"
        "• `/weekly` 写周报　• `/aebot help` 全部命令\n"
        "直接发给 aebot 的消息不会被记录，也不会转给别人。",
        "aebot works by slash commands: type `/` here or in any channel.\n"
        "• `/contact CLIENT SUMMARY` logs a contact　• `/client` your clients\n"
        "• `/job` a job request　• `/overtime` an overtime form　• `/out` whereabouts and leave\n"
        "• `/weekly` your weekly notes　• `/aebot help` every command\n"
        "A message sent to aebot is not recorded or passed on to anyone.",
    ),
    "dm.help_admin": zh_en(
        "aebot 用斜杠命令工作，在这里或任何频道的输入框里输入 `/` 就能用。你是管理员，但还不在团队名单里：\n"
        "• `/aebot team add @同事 ae manager @主管` 把同事（也可以是你自己）加入团队\n"
        "• `/client add` 添加客户　• `/aebot settings` 本工作区的设置\n"
        "• `/aebot help` 全部命令\n"
        "直接发给 aebot 的消息不会被记录，也不会转给别人。",
        "aebot works by slash commands: type `/` here or in any channel. You are an admin, not "
        "on the team yourself:\n"
        "• `/aebot team add @someone ae manager @someone` adds a colleague (or you) to the team\n"
        "• `/client add` adds a client　• `/aebot settings` this workspace's settings\n"
        "• `/aebot help` every command\n"
        "A message sent to aebot is not recorded or passed on to anyone.",
    ),
}
