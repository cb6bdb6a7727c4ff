"""Reading action-item lines (bot/rules/action_items.py read_item_lines): owners, due days,
refusals, in Chinese and English, at a fixed now."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.rules.action_items import ItemLine, read_item_lines
from bot.slack.texts import t

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=SH)  # a Monday
ME = "U0ME"
PEOPLE = {"dan": "U0DAN", "daniel": "U0DANL", "孙小明": "U0SUN", "孙小": "U0SUNX"}


def read(text: str, lang: str = "zh"):  # noqa: ANN201
    return read_item_lines(text, ME, PEOPLE, NOW, SH, lang, time(18, 0))


@pytest.mark.parametrize(
    ("line", "lang", "want"),
    [
        ("@Dan 周五前提供报价", "zh", ItemLine("U0DAN", "周五前提供报价", date(2026, 12, 11))),
        ("@孙小明周三前发排期", "zh", ItemLine("U0SUN", "周三前发排期", date(2026, 12, 9))),
        ("整理会议纪要 @孙小明", "zh", ItemLine("U0SUN", "整理会议纪要", None)),
        ("我：明天给客户回电", "zh", ItemLine(ME, "明天给客户回电", date(2026, 12, 8))),
        ("12月20日前确认排期", "zh", ItemLine(ME, "12月20日前确认排期", date(2026, 12, 20))),
        ("<@U0X> 下周一提交修改稿", "zh", ItemLine("U0X", "下周一提交修改稿", date(2026, 12, 14))),
        (
            "me send the schedule by Wednesday",
            "en",
            ItemLine(ME, "send the schedule by Wednesday", date(2026, 12, 9)),
        ),
        (
            "<@U0X|bob> call the client tomorrow",
            "en",
            ItemLine("U0X", "call the client tomorrow", date(2026, 12, 8)),
        ),
        (
            "@Daniel send the deck by Friday",
            "en",
            ItemLine("U0DANL", "send the deck by Friday", date(2026, 12, 11)),
        ),
        (
            "- @dan today: book the studio",
            "en",
            ItemLine("U0DAN", "today: book the studio", date(2026, 12, 7)),
        ),
        ("mail wu@client.com the quote", "en", ItemLine(ME, "mail wu@client.com the quote", None)),
        ("@me draft the brief", "en", ItemLine(ME, "draft the brief", None)),
    ],
)
def test_owner_words_and_due_day(line: str, lang: str, want: ItemLine) -> None:
    assert read(line, lang) == ([want], None)


def test_one_item_a_line_blank_lines_skipped() -> None:
    items, problem = read("@Dan 周五前提供报价\n\n  \n我 整理纪要\n")
    assert problem is None
    assert [i.owner_id for i in items] == ["U0DAN", ME]
    assert read("") == ([], None)


@pytest.mark.parametrize(
    ("text", "lang", "key", "i", "shown"),
    [
        ("@Dan 周五前提供报价\n昨天要发的报价", "zh", "items.past", 2, "周日 12月6日"),
        ("send the quote by 1 Dec", "en", "items.past", 1, "Tue 1 Dec"),
        ("2028年1月1日前交", "zh", "items.too_far", 1, "周六 2028年1月1日"),
        ("@Danny send it", "en", "items.unknown_name", 1, "Danny"),
        ("@dan", "en", "items.no_words", 1, None),
        ("x" * 3001, "en", "items.too_long", 1, None),
    ],
)
def test_a_refused_line_is_named_with_its_reason(
    text: str, lang: str, key: str, i: int, shown: str | None
) -> None:
    items, problem = read(text, lang)
    assert items == [] and problem is not None
    assert problem.key == key and problem.values["i"] == i
    said = t(lang, problem.key, **problem.values)
    assert f"{i}" in said
    if shown:
        assert shown in said
    assert len(str(problem.values["text"])) <= 40


def test_the_longest_name_wins_and_a_latin_name_is_whole() -> None:
    assert read("@孙小明 写纪要")[0][0].owner_id == "U0SUN"
    assert read("@孙小 写纪要")[0][0].owner_id == "U0SUNX"
    assert read("@Danny x", "en")[1] is not None
