"""The Friday report's picture and .xlsx read in the reader's language with people's names: the
picture is drawn in the CJK font the package ships (not whatever the server has), so 孙小明 is
孙小明 and never his Slack id; the files name whoever changed a client's stage."""

from __future__ import annotations

import io
from datetime import date, datetime

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font
from openpyxl import load_workbook

from bot.rules.week_input import ClientRow, Person, StageChange
from bot.rules.week_report import AeWeek, ClientWeek, Totals, WeekReport
from bot.slack.texts import Reader
from scheduler import report_files as files
from tests.conftest import SH

MON = date(2026, 11, 23)
NOW = datetime(2026, 11, 27, 15, 30, tzinfo=SH)
NAMES = {"U0AE1": "孙小明", "U0AE2": "李娜", "U0AE3": "Zhou AE", "U0AM1": "钱经理"}


def week() -> WeekReport:
    client = ClientRow(1, "可口可乐", "上海-202611-可口可乐-001", "U0AE1", 1, MON)
    change = StageChange(1, "contacted", "proposal", "U0AM1", datetime(2026, 11, 25, 10, tzinfo=SH))
    aes = [
        AeWeek(
            Person(user, NAMES[user], "ae", "U0AM1"),
            clients=[ClientWeek(client, 5, days, days, None)],
            changes=[(change, "可口可乐")] if user == "U0AE1" else [],
        )
        for user, days in (("U0AE1", 4), ("U0AE2", 5), ("U0AE3", 1))
    ]
    totals = Totals(3, 0, 10, 15, 10, 2, 0, 0, 0, 0, 0, 0, 0, 0)
    return WeekReport(MON, (MON,), aes, {}, totals, None, [], dict(NAMES))


def font_file(text) -> str:  # noqa: ANN001 - a matplotlib Text
    return font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)


def test_the_chart_draws_peoples_names_in_the_packaged_cjk_font() -> None:
    fig = files.chart(Reader("zh", SH, NOW), week())
    [ax] = fig.axes
    labels = ax.get_yticklabels()
    assert [t.get_text() for t in labels] == ["孙小明", "李娜", "Zhou AE"]  # names, not ids
    texts = [*labels, ax.title, ax.xaxis.label, *fig.legends[0].get_texts()]
    assert ax.title.get_text() == "本周联络天数与应联络天数（第48周）"  # Chinese, not English
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["应联络（天）", "已联络（天）"]
    for text in texts:
        assert font_file(text).endswith(files.FONT_FILE), text.get_text()
    font = FT2Font(font_file(ax.title))
    drawn = "".join(t.get_text() for t in texts)
    assert {ord(c) for c in drawn} <= set(font.get_charmap())  # every character has a glyph
    png = files.chart_png(Reader("zh", SH, NOW), week())
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_the_chart_in_english_for_an_english_reader() -> None:
    fig = files.chart(Reader("en", SH, NOW), week())
    [ax] = fig.axes
    assert ax.title.get_text() == "Contact days against the cadence (week 48)"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["孙小明", "李娜", "Zhou AE"]


def test_the_files_name_whoever_changed_a_stage_even_someone_not_in_the_report() -> None:
    book = load_workbook(io.BytesIO(files.workbook(Reader("zh", SH, NOW), week())))
    funnel = list(book.worksheets[1].iter_rows(values_only=True))
    [change] = [row for row in funnel if row and row[0] == "可口可乐"]
    assert change[:5] == ("可口可乐", "孙小明", "已接触", "提案", "钱经理")  # the AM, by name
