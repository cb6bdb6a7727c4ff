"""Texts every feature uses: buttons, errors, contact kinds, roles."""

from __future__ import annotations

from bot.slack.messages.entry import M, Plural, zh_en

MESSAGES: dict[str, M] = {
    # --- common -----------------------------------------------------------------------
    "common.save": zh_en("保存", "Save"),
    "common.cancel": zh_en("取消", "Cancel"),
    "common.edit": zh_en("修改", "Edit"),
    "common.undo": zh_en("撤销", "Undo"),
    "common.more": zh_en("……另有 {n} 项未列出。", "…and {n} more not shown."),
    # a message too long for one, in parts (bot/slack/blocks.py `parts`)
    "common.continued": zh_en("（续 {i}/{n}）", "(continued, {i}/{n})"),
    "common.rest_in_thread": zh_en(
        "内容较长，其余 {n} 条在本消息的讨论串里。",
        Plural(
            "This is long: the rest is in this message's thread ({n} more message).",
            "This is long: the rest is in this message's thread ({n} more messages).",
        ),
    ),
    "common.rest_in_dm": zh_en(
        "内容较长，其余 {n} 条发到了你和 aebot 的私信里。",
        Plural(
            "This is long: the rest is in your DM with aebot ({n} more message).",
            "This is long: the rest is in your DM with aebot ({n} more messages).",
        ),
    ),
    "error.generic": zh_en(
        "抱歉，出了点问题，这次操作没有保存任何内容。请稍后再试；如果反复出现，请联系管理员。",
        "Sorry, something went wrong and nothing was changed. Please try again; if it keeps "
        "happening, tell your admin.",
    ),
    "command.unknown_sub": zh_en(
        "没有“{sub}”这个写法。`{command} help` 列出可用的写法。",
        "“{sub}” isn't one of the {command} commands. `{command} help` lists them.",
    ),
    # --- the door: aebot is for the team's members (and the admins) --------------------
    "gate.outsider": zh_en(
        "aebot 只为客户部的同事服务。如需使用，请联系管理员：{admins}。",
        "aebot serves the account department only. To use it, ask an admin: {admins}.",
    ),
    "gate.outsider_no_admins": zh_en(
        "aebot 只为客户部的同事服务。如需使用，请联系在本工作区安装 aebot 的同事。",
        "aebot serves the account department only. To use it, ask whoever installed aebot "
        "in this workspace.",
    ),
    # text holding a NUL character, refused at the door whatever the feature (listeners.py)
    "input.nul": zh_en(
        "内容里夹着一个看不见的空字符（常见于从别处复制粘贴的文字），无法保存，这次没有保存任何"
        "内容。请把这段文字重新输入一遍，再提交。",
        "What you sent holds an invisible null character (it often comes with text pasted from "
        "elsewhere) that can't be saved, so nothing was saved. Please type that text again and "
        "send it once more.",
    ),
    # --- kinds and roles --------------------------------------------------------------
    "kind.call": zh_en("电话", "call"),
    "kind.visit": zh_en("拜访", "visit"),
    "kind.meeting": zh_en("会议", "meeting"),
    "kind.wechat": zh_en("微信", "WeChat"),
    "kind.email": zh_en("邮件", "email"),
    "role.aae": zh_en("助理客户执行（AAE）", "assistant account executive (AAE)"),
    "role.ae": zh_en("客户执行（AE）", "account executive (AE)"),
    "role.am": zh_en("客户经理（AM）", "account manager (AM)"),
    "role.ad": zh_en("客户总监（AD）", "account director (AD)"),
    "role.ped": zh_en("项目执行总监", "project execution director"),
    "role.gm": zh_en("总经理（GM）", "general manager (GM)"),
    "role.cs": zh_en("客户支持主管", "customer-support head"),
    "role.fin": zh_en("财务", "finance"),
    "role.dh": zh_en("部门主管", "department head"),
    "role.staff": zh_en("部门同事", "department staff"),
}
