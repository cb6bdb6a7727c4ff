"""One sub-command dispatcher (issue 17, section 4): /aebot, /client, /out and /weekly read their
sub-command from one table of words in Chinese and English (bot/slack/subcommands.py), answer
help the same way, and an unknown word the same way, naming the command."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.slack.listeners import Reply, Request
from bot.slack.subcommands import Subcommands, says
from bot.slack.texts import Reader
from tests.conftest import ADMIN, World, wait_until


def said(w: World, command: str, text: str, user: str = "U0AE1") -> str:
    r = w.slack.command(command, text, user=user)
    assert r.status_code == 200
    return str(r.json().get("text"))


def test_an_unknown_sub_command_is_answered_the_same_way_by_each_command(world: World) -> None:
    assert said(world, "/aebot", "frobnicate now") == (
        "没有“frobnicate”这个写法。`/aebot help` 列出可用的写法。"
    )
    assert said(world, "/client", "Frobnicate", user="U0AE2") == (
        "“frobnicate” isn't one of the /client commands. `/client help` lists them."
    )
    assert said(world, "/aebot", "<!channel>", user="U0AE2") == (
        "“&lt;!channel&gt;” isn't one of the /aebot commands. `/aebot help` lists them."
    )


def test_help_words_and_nothing_typed(world: World) -> None:
    for command, start_zh in (
        ("/aebot", "*aebot — 客户部助手*"),
        ("/client", "*/client — 客户档案*"),
        ("/out", "*/out — 去向登记与请假*"),
        ("/weekly", "*/weekly — 周报*"),
    ):
        for word in ("help", "帮助", "?", "？", "HELP"):
            assert said(world, command, word).startswith(start_zh), (command, word)
    assert said(world, "/aebot", "").startswith("*aebot — 客户部助手*")  # nothing: the help
    assert said(world, "/out", "").startswith("*/out — 去向登记与请假*")
    assert said(world, "/client", "") == "你负责的客户（2 个）："  # nothing: my clients
    assert said(world, "/out", "leave 帮助").startswith("*/out — 去向登记与请假*")
    assert said(world, "/aebot", "agenda help").startswith("用法：`/aebot agenda add 议题`")
    assert said(world, "/aebot", "receivable ?").startswith("用法：`/aebot receivable add")


def test_chinese_and_english_words_name_the_same_sub_command(world: World) -> None:
    assert said(world, "/client", "列表 全部") == said(world, "/client", "list all")
    assert said(world, "/client", "LIST ALL") == "团队全部客户（3 个）："
    assert said(world, "/aebot", "团队", user=ADMIN) == said(world, "/aebot", "team", user=ADMIN)
    assert said(world, "/out", "请假 列表") == said(world, "/out", "leave list")
    assert said(world, "/out", "leave mine", user="U0AE2") == (
        "You have no leave registered from today on."
    )
    assert said(world, "/weekly", "查看") == said(world, "/weekly", "show")
    assert said(world, "/aebot", "应收 列表", user="U0AM1") == "没有未结的应收账款。"
    world.slack.command("/client", "修改 Nike")  # 修改 is edit: the form opens
    assert wait_until(lambda: len(world.fake.views()) == 1)
    assert "Nike" in str(world.fake.views()[0])


def test_a_first_word_that_is_no_sub_command_is_the_commands_text(world: World) -> None:
    # /weekly and /out take a client first: a word that names no sub-command is not refused
    assert said(world, "/weekly", "Nike 提案已提交") == "已记下 *Nike* 本周的情况（5 字）。"
    assert said(world, "/out", "Nike 提案 到17:00") == (
        "已登记去向：*Nike*（Beijing-202611-Nike-002），周一 11月23日 10:00–17:00。"
    )


# --- the table itself ------------------------------------------------------------------------
READER = Reader("en", ZoneInfo("Asia/Shanghai"), datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("UTC")))
REQ = Request("T", "U", "en", None, None, None, {})


def echo(name: str):  # type: ignore[no-untyped-def]
    return lambda r, req, deps, rest: Reply(text=f"{name}:{rest}")


def test_the_table_gives_each_function_the_rest_and_other_the_whole_text() -> None:
    table = Subcommands[None](
        "/x",
        help="aebot.help",
        subs={("go", "去"): echo("go")},
        empty=echo("empty"),
        other=echo("other"),
    )
    assert table.run(READER, REQ, None, "GO  far  away ").text == "go:far  away"
    assert table.run(READER, REQ, None, "去 远方").text == "go:远方"
    assert table.run(READER, REQ, None, "  ").text == "empty:"
    assert table.run(READER, REQ, None, "gone fishing").text == "other:gone fishing"
    assert table.run(READER, REQ, None, "help").text.startswith("*aebot")
    usage = Subcommands[None]("/x", help="aebot.help", subs={}, other=says("agenda.usage"))
    assert usage.run(READER, REQ, None, "what").text.startswith("Usage: `/aebot agenda add")


def test_a_word_named_twice_or_not_in_lower_case_is_refused_when_the_table_is_made() -> None:
    with pytest.raises(ValueError, match="named twice"):
        Subcommands[None]("/x", help="aebot.help", subs={("a",): echo("1"), ("b", "a"): echo("2")})
    with pytest.raises(ValueError, match="lower case"):
        Subcommands[None]("/x", help="aebot.help", subs={("Go",): echo("1")})
