"""bot.dates.parse_range: time and date ranges in both languages, refusals, robustness, zones.

Every expected value is worked out by hand from the conventions in bot/dates/ranges.py and
bot/dates/read.py, relative to the fixed "now"s of tests/date_phrases.py (Asia/Shanghai):
MON = Mon 2026-11-23 10:00, FRI = Fri 2026-11-27 16:00, SUN = Sun 2026-11-29 21:00.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest

import bot.dates.range_sides as range_sides
from bot.dates import (
    MAX_LEN,
    DateRange,
    DateRefusal,
    TimeRange,
    help_text,
    parse_range,
    range_refusal,
)
from tests.date_phrases import NOWS, SHANGHAI

MON = NOWS["MON"]


class Row(NamedTuple):
    phrase: str
    start: str | None  # "2026-12-01": DateRange; "2026-11-23T19:00": TimeRange; None: refused
    end: str  # the end, or (refused) the kind of refusal
    now: str = "MON"


def _no(phrase: str, kind: str = "unreadable", now: str = "MON") -> Row:
    return Row(phrase, None, kind, now)


TIME: list[Row] = [
    # 24-hour clock, each separator; no day named = today
    Row("19:00-22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("19:00 - 22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("19:00–22:30", "2026-11-23T19:00", "2026-11-23T22:30"),  # en dash
    Row("19:00—22:30", "2026-11-23T19:00", "2026-11-23T22:30"),  # em dash
    Row("19:00~22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("19:00～22:30", "2026-11-23T19:00", "2026-11-23T22:30"),  # full-width tilde
    Row("19：00－22：30", "2026-11-23T19:00", "2026-11-23T22:30"),  # full-width colon and dash
    Row("19:00到22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("19:00至22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("19:00 to 22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("from 19:00 to 22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("从19:00到22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("between 19:00 and 22:30", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("9:00-18:00", "2026-11-23T09:00", "2026-11-23T18:00"),  # today even though 09:00 is past
    # across midnight: a time-only end not after the start is the next day
    Row("20:00-01:00", "2026-11-23T20:00", "2026-11-24T01:00"),
    Row("22:00-02:30", "2026-11-23T22:00", "2026-11-24T02:30"),
    Row("8pm-1am", "2026-11-23T20:00", "2026-11-24T01:00"),
    Row("晚上8点到凌晨1点", "2026-11-23T20:00", "2026-11-24T01:00"),
    Row("晚上11点到1点", "2026-11-23T23:00", "2026-11-24T01:00"),  # 晚上 carried: 晚上1点
    Row("晚上12点到凌晨2点", "2026-11-24T00:00", "2026-11-24T02:00"),  # 晚上12点 = midnight
    Row("midnight to 6am", "2026-11-24T00:00", "2026-11-24T06:00"),
    Row("8pm to 8am", "2026-11-23T20:00", "2026-11-24T08:00"),  # 12 hours
    Row("06:00-22:00", "2026-11-23T06:00", "2026-11-23T22:00"),  # exactly 16 hours is fine
    # Chinese periods and numerals; the end takes the start's period when it fits
    Row("晚上八点到十点半", "2026-11-23T20:00", "2026-11-23T22:30"),
    Row("晚上8点到10点", "2026-11-23T20:00", "2026-11-23T22:00"),
    Row("下午2点-4点", "2026-11-23T14:00", "2026-11-23T16:00"),
    Row("下午2-4点", "2026-11-23T14:00", "2026-11-23T16:00"),  # the bare start takes 点
    Row("晚上8-10点", "2026-11-23T20:00", "2026-11-23T22:00"),
    Row("上午10点到2点", "2026-11-23T10:00", "2026-11-23T14:00"),  # bare 2 = 14:00
    Row("上午9点到12点", "2026-11-23T09:00", "2026-11-23T12:00"),
    Row("中午12点到2点", "2026-11-23T12:00", "2026-11-23T14:00"),
    Row("2点到4点", "2026-11-23T14:00", "2026-11-23T16:00"),  # bare 1..6 is afternoon
    Row("晚上7点半到10点一刻", "2026-11-23T19:30", "2026-11-23T22:15"),
    Row("下午两点到三点三刻", "2026-11-23T14:00", "2026-11-23T15:45"),
    Row("二十点到二十二点", "2026-11-23T20:00", "2026-11-23T22:00"),
    Row("今晚8点到11点", "2026-11-23T20:00", "2026-11-23T23:00"),  # 今晚 carries 晚上
    Row("下午到晚上", "2026-11-23T15:00", "2026-11-23T20:00"),  # periods alone: their defaults
    Row("晚上8点至凌晨1點", "2026-11-23T20:00", "2026-11-24T01:00"),  # traditional 點
    # am/pm: "2-4pm" shares the suffix (the shorter reading), "7pm-10" carries it
    Row("2-4pm", "2026-11-23T14:00", "2026-11-23T16:00"),
    Row("2:30-4pm", "2026-11-23T14:30", "2026-11-23T16:00"),
    Row("9-5pm", "2026-11-23T09:00", "2026-11-23T17:00"),
    Row("11-1pm", "2026-11-23T11:00", "2026-11-23T13:00"),
    Row("8-11pm", "2026-11-23T20:00", "2026-11-23T23:00"),
    Row("7pm-10", "2026-11-23T19:00", "2026-11-23T22:00"),
    Row("from 7pm to 10:30pm", "2026-11-23T19:00", "2026-11-23T22:30"),
    Row("7:30pm - 10:15pm", "2026-11-23T19:30", "2026-11-23T22:15"),
    Row("9am to 5pm", "2026-11-23T09:00", "2026-11-23T17:00"),
    Row("noon to 2", "2026-11-23T12:00", "2026-11-23T14:00"),
    Row("7PM-10PM", "2026-11-23T19:00", "2026-11-23T22:00"),
    # on a given day: the end naming no day is on the start's day
    Row("明天19:00-22:00", "2026-11-24T19:00", "2026-11-24T22:00"),
    Row("明天 9:00 - 18:00", "2026-11-24T09:00", "2026-11-24T18:00"),
    Row("明天上午9点到下午6点", "2026-11-24T09:00", "2026-11-24T18:00"),
    Row("明晚8点到凌晨2点", "2026-11-24T20:00", "2026-11-25T02:00"),
    Row("12月5日 19:00-22:00", "2026-12-05T19:00", "2026-12-05T22:00"),
    Row("2026-12-05 19:00-22:00", "2026-12-05T19:00", "2026-12-05T22:00"),
    Row("周五晚上7点到11点", "2026-11-27T19:00", "2026-11-27T23:00"),
    Row("周五 19:00 ~ 22:00", "2026-11-27T19:00", "2026-11-27T22:00"),
    Row("昨天19:00-22:00", "2026-11-22T19:00", "2026-11-22T22:00"),  # overtime already done
    Row("tomorrow 19:00-22:00", "2026-11-24T19:00", "2026-11-24T22:00"),
    Row("tomorrow 2-4pm", "2026-11-24T14:00", "2026-11-24T16:00"),
    Row("tomorrow from 7pm to 10pm", "2026-11-24T19:00", "2026-11-24T22:00"),
    Row("friday 7pm to 11pm", "2026-11-27T19:00", "2026-11-27T23:00"),
    Row("Dec 5 7pm-10pm", "2026-12-05T19:00", "2026-12-05T22:00"),
    Row("yesterday 8pm-1am", "2026-11-22T20:00", "2026-11-23T01:00"),
    # an end naming its own day
    Row("周五19:00到周六01:00", "2026-11-27T19:00", "2026-11-28T01:00"),
    Row("friday 7pm to saturday 1am", "2026-11-27T19:00", "2026-11-28T01:00"),
    Row("20:00到明天01:00", "2026-11-23T20:00", "2026-11-24T01:00"),
    Row("2小时后到4小时后", "2026-11-23T12:00", "2026-11-23T14:00"),
    # a day written after the range is both ends' day, whichever way round it is typed
    Row("9:00-11:30 tomorrow", "2026-11-24T09:00", "2026-11-24T11:30"),
    Row("14:00-15:30 tomorrow", "2026-11-24T14:00", "2026-11-24T15:30"),
    Row("tomorrow 14:00-15:30", "2026-11-24T14:00", "2026-11-24T15:30"),
    Row("明天14:00-15:30", "2026-11-24T14:00", "2026-11-24T15:30"),
    Row("14:00-15:30 明天", "2026-11-24T14:00", "2026-11-24T15:30"),
    Row("14:00-15:30明天", "2026-11-24T14:00", "2026-11-24T15:30"),
    Row("下午2点到4点明天", "2026-11-24T14:00", "2026-11-24T16:00"),
    Row("2-4pm tomorrow", "2026-11-24T14:00", "2026-11-24T16:00"),
    Row("7pm-10pm friday", "2026-11-27T19:00", "2026-11-27T22:00"),
    Row("14:00-15:30 周五", "2026-11-27T14:00", "2026-11-27T15:30"),
    Row("19:00-22:00 下周一", "2026-11-30T19:00", "2026-11-30T22:00"),
    Row("14:00-15:30 12月5日", "2026-12-05T14:00", "2026-12-05T15:30"),
    Row("20:00-01:00 tomorrow", "2026-11-24T20:00", "2026-11-25T01:00"),
    # refused: over 16 hours, or an end that names a day before the start
    _no("19:00-19:00", "too_long"),  # the end rolls to tomorrow: 24 hours
    _no("06:00-22:01", "too_long"),
    _no("8am-1am", "too_long"),
    _no("晚上8点到明天1点", "too_long"),  # 明天1点 = tomorrow 13:00 (bare 1 is afternoon)
    _no("明天19:00到后天19:00", "too_long"),
    _no("明天22:00到明天19:00", "time_end_before_start"),
    _no("明天19:00到今天22:00", "time_end_before_start"),
    # other nows: a time range alone is today even when already past; a weekday is the coming one
    Row("19:00-22:30", "2026-11-29T19:00", "2026-11-29T22:30", "SUN"),
    Row("today 9am to 5pm", "2026-11-29T09:00", "2026-11-29T17:00", "SUN"),
    Row("下午2点-4点", "2026-11-29T14:00", "2026-11-29T16:00", "SUN"),
    Row("20:00-01:00", "2026-11-29T20:00", "2026-11-30T01:00", "SUN"),
    Row("周五晚上7点到11点", "2026-11-27T19:00", "2026-11-27T23:00", "FRI"),  # still ahead today
    Row("周五下午2点-4点", "2026-12-04T14:00", "2026-12-04T16:00", "FRI"),  # today's 14:00 past
]

DATES: list[Row] = [
    Row("12月1日到12月3日", "2026-12-01", "2026-12-03"),
    Row("12月1日至12月3日", "2026-12-01", "2026-12-03"),
    Row("12月1日 - 12月3日", "2026-12-01", "2026-12-03"),
    Row("从12月1日到12月3日", "2026-12-01", "2026-12-03"),
    Row("12月1日到12月3日之间", "2026-12-01", "2026-12-03"),
    Row("11月30日到12月2日", "2026-11-30", "2026-12-02"),
    Row("12月30日到1月2日", "2026-12-30", "2027-01-02"),  # across the year
    Row("12月1日到12月1日", "2026-12-01", "2026-12-01"),  # one day
    # the month carried over to a bare day
    Row("12月1日至3日", "2026-12-01", "2026-12-03"),
    Row("12月1日-3日", "2026-12-01", "2026-12-03"),
    Row("12月1日到3号", "2026-12-01", "2026-12-03"),
    Row("12月1-3日", "2026-12-01", "2026-12-03"),
    Row("12月1日-3", "2026-12-01", "2026-12-03"),
    Row("1月5日到8日", "2027-01-05", "2027-01-08"),  # the start's year too
    Row("下个月5号到8号", "2026-12-05", "2026-12-08"),
    Row("1-3日", "2026-12-01", "2026-12-03"),  # the 1st of this month is past
    Row("Dec 1-3", "2026-12-01", "2026-12-03"),
    Row("Dec 1 to 3", "2026-12-01", "2026-12-03"),
    Row("Dec 1st to 3rd", "2026-12-01", "2026-12-03"),
    Row("1-3 Dec", "2026-12-01", "2026-12-03"),
    Row("Dec 1 - Dec 3", "2026-12-01", "2026-12-03"),
    Row("from Dec 1 to Dec 3", "2026-12-01", "2026-12-03"),
    Row("between Dec 1 and Dec 3", "2026-12-01", "2026-12-03"),
    Row("December 30 to January 2", "2026-12-30", "2027-01-02"),
    # numeric
    Row("2026-12-01 to 2026-12-03", "2026-12-01", "2026-12-03"),
    Row("2026-12-01到2026-12-03", "2026-12-01", "2026-12-03"),
    Row("2026-12-01 - 2026-12-03", "2026-12-01", "2026-12-03"),
    Row("2026-12-01-2026-12-03", "2026-12-01", "2026-12-03"),  # the cut where both sides read
    Row("12/1-12/3", "2026-12-01", "2026-12-03"),
    Row("12/1-3", "2026-12-01", "2026-12-03"),
    Row("11/30 - 12/2", "2026-11-30", "2026-12-02"),
    # weeks: a bare weekday on the end is the first on or after the start
    Row("下周一到周三", "2026-11-30", "2026-12-02"),
    Row("下周一至周三", "2026-11-30", "2026-12-02"),
    Row("下周一到下周三", "2026-11-30", "2026-12-02"),
    Row("下下周一到周三", "2026-12-07", "2026-12-09"),
    Row("本周一到周三", "2026-11-23", "2026-11-25"),
    Row("周一到周三", "2026-11-23", "2026-11-25"),  # today is Monday, 18:00 still ahead
    Row("周一到三", "2026-11-23", "2026-11-25"),
    Row("周五到周一", "2026-11-27", "2026-11-30"),  # over the weekend
    Row("周五到下周一", "2026-11-27", "2026-11-30"),
    Row("下週一到週三", "2026-11-30", "2026-12-02"),  # traditional
    Row("Monday to Wednesday next week", "2026-11-30", "2026-12-02"),
    Row("monday to wednesday of next week", "2026-11-30", "2026-12-02"),
    Row("mon-wed next week", "2026-11-30", "2026-12-02"),
    Row("next monday to wednesday", "2026-11-30", "2026-12-02"),
    Row("monday to wednesday this week", "2026-11-23", "2026-11-25"),
    Row("from monday to wednesday", "2026-11-23", "2026-11-25"),
    Row("tue-thu", "2026-11-24", "2026-11-26"),
    Row("friday to monday", "2026-11-27", "2026-11-30"),
    # relative days
    Row("明天到后天", "2026-11-24", "2026-11-25"),
    Row("今天到周五", "2026-11-23", "2026-11-27"),
    Row("tomorrow to friday", "2026-11-24", "2026-11-27"),
    Row("月底到下月初", "2026-11-30", "2026-12-01"),
    # other nows
    Row("周一到周三", "2026-11-30", "2026-12-02", "FRI"),  # the coming Monday
    Row("周一到周三", "2026-11-30", "2026-12-02", "SUN"),
    Row("下周一到周三", "2026-11-30", "2026-12-02", "SUN"),
    Row("本周一到周三", "2026-11-23", "2026-11-25", "SUN"),  # this week's, even if past
    Row("Monday to Wednesday next week", "2026-11-30", "2026-12-02", "FRI"),
    # refused: the end before the start
    _no("12月3日到12月1日", "end_before_start"),
    _no("12月3日到1日", "end_before_start"),  # 1日 = 1 Dec
    _no("Dec 3 - Dec 1", "end_before_start"),
    _no("2026-12-03 to 2026-12-01", "end_before_start"),
    _no("后天到明天", "end_before_start"),
    _no("下周三到本周一", "end_before_start"),
]

REFUSED: list[Row] = [
    # a single date or time is not a range
    _no("12月1日"),
    _no("Dec 1"),
    _no("2026-12-01"),
    _no("19:00"),
    _no("晚上8点"),
    _no("明天"),
    # junk, or a side that does not read
    _no(""),
    _no("   "),
    _no("-"),
    _no("到"),
    _no("to"),
    _no("~~"),
    _no("香蕉"),
    _no("香蕉到苹果"),
    _no("banana - apple"),
    _no("明天到香蕉"),
    _no("asap to eod"),
    _no("9-5"),  # two bare numbers: neither a time nor a date
    _no("1-3"),
    _no("Q1-Q3"),
    _no("CR-202611-07"),
    _no("13:00-25:00"),
    _no("12月1日到12月32日"),
    _no("11月28日到31日"),  # 31 Nov does not exist
    _no("明天到后天下午3点"),  # a time range needs a start time
    _no("明天下午3点到后天"),
    _no("x" * (MAX_LEN + 1), "too_long_text"),
    _no("12月1日到12月3日" + " " * 100, "too_long_text"),
]

ROWS: list[Row] = TIME + DATES + REFUSED


def _iso(x: datetime) -> str:
    return x.isoformat(timespec="minutes").removesuffix("+08:00")


def test_table_is_big() -> None:
    assert len(TIME) >= 60 and len(DATES) >= 50 and len(REFUSED) >= 20


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.now}:{r.phrase[:24]}")
def test_range(row: Row) -> None:
    for lang in ("zh", "en"):  # both languages are read whatever the member's language
        got = parse_range(row.phrase, NOWS[row.now], lang=lang)
        if row.start is None:
            assert isinstance(got, DateRefusal), f"{row.phrase!r} should be refused, got {got}"
            today = NOWS[row.now].date()
            assert got == range_refusal(row.phrase, lang, row.end, today=today), got.message
        elif len(row.start) == 10:
            assert isinstance(got, DateRange), f"{row.phrase!r}: {got}"
            assert (got.start, got.end) == (
                date.fromisoformat(row.start),
                date.fromisoformat(row.end),
            )
        else:
            assert isinstance(got, TimeRange), f"{row.phrase!r}: {got}"
            assert (_iso(got.start), _iso(got.end)) == (row.start, row.end)
            assert got.start.tzinfo == SHANGHAI and got.end.tzinfo == SHANGHAI


def test_end_before_start_message() -> None:
    zh = parse_range("12月3日到12月1日", MON, lang="zh")
    assert isinstance(zh, DateRefusal)
    assert zh.text == "12月3日到12月1日"
    assert zh.message == (
        "结束日期早于开始日期：“12月3日到12月1日”。请先写开始日期，例如 12月1日到12月3日。"
    )
    en = parse_range("Dec 3 - Dec 1", MON, lang="en")
    assert isinstance(en, DateRefusal)
    assert en.message == (
        "The end date is before the start date in “Dec 3 - Dec 1”. "
        "Write the start first, e.g. Dec 1 to Dec 3."
    )


def test_other_refusal_messages() -> None:
    assert parse_range("12月1日", MON).message == (
        "看不懂这个时间段：“12月1日”。请写出开始和结束，"
        "例如 19:00-22:30、晚上8点到凌晨1点、12月1日到12月3日、下周一到周三。"
    )
    assert parse_range("Dec 1", MON, lang="en").message == (
        "Sorry, I couldn't read “Dec 1” as a range. Give a start and an end, "
        "e.g. 19:00-22:30, 8pm-1am, Dec 1-3, Monday to Wednesday next week."
    )
    assert parse_range("8am-1am", MON).message == (
        "这个时间段超过16小时：“8am-1am”。时间段最长16小时，例如 19:00-22:30、晚上8点到凌晨1点；"
        "整天请写日期，例如 12月1日到12月3日。"
    )
    assert parse_range("8am-1am", MON, lang="en").message == (
        "“8am-1am” is longer than 16 hours. A time range is at most 16 hours, "
        "e.g. 19:00-22:30, 8pm-1am; for whole days write dates, e.g. Dec 1 to Dec 3."
    )
    assert parse_range("明天22:00到明天19:00", MON).message == (
        "结束时间早于开始时间：“明天22:00到明天19:00”。例如 明天19:00-22:00、晚上8点到凌晨1点。"
    )
    long = "y" * 101
    assert parse_range(long, MON).message == (
        "太长了：时间段最多100个字，例如 19:00-22:30、晚上8点到凌晨1点、12月1日到12月3日、下周一到周三。"
    )
    assert parse_range(long, MON, lang="en").message == (
        "That is too long: a range is at most 100 characters, "
        "e.g. 19:00-22:30, 8pm-1am, Dec 1-3, Monday to Wednesday next week."
    )
    assert parse_range(long, MON).text == long


def test_refusal_truncates_the_echoed_text() -> None:
    text = "不是时间段" * 10  # 50 characters, under the length cap
    got = parse_range(text, MON)
    assert isinstance(got, DateRefusal)
    assert got.text == text
    assert "“" + "不是时间段" * 7 + "不是时间…”" in got.message


@pytest.mark.parametrize(
    "text",
    [
        "😀",
        "😀-😀",
        "明天😀到后天",
        "-",
        "到",
        "–—~～至到-",
        "x" * 10_000,
        "到" * 10_000,
        "-" * 100,
        "到" * 100,
        "1-" * 50,
        "'; DROP TABLE overtime; --",
        "\u202e\u200b\x00-\x00",
        "\n\t",
        "9999年99月99日到9999年99月99日",
        "99999999999999999999 days ago to in 999999999 days",
        "2026-12-01-",
        "-2026-12-01",
        "from to",
        "between and",
        "从到",
        "<script>alert(1)</script>",
        "%s %d {0} {text}",
        "𝟏𝟗:𝟎𝟎-𝟐𝟐:𝟑𝟎",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    for lang in ("zh", "en"):
        got = parse_range(text, MON, lang=lang)
        assert isinstance(got, TimeRange | DateRange | DateRefusal)


def test_not_a_string_is_refused() -> None:
    got = parse_range(None, MON)  # type: ignore[arg-type]
    assert isinstance(got, DateRefusal)
    assert got.text == ""


def test_internal_errors_become_refusals(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(range_sides, "parse_zh", boom)
    got = parse_range("明天到后天", MON)
    assert isinstance(got, DateRefusal)
    assert got.text == "明天到后天"


def test_bad_zone_is_a_refusal_not_a_crash() -> None:
    assert isinstance(parse_range("19:00-22:00", MON, tz="Mars/Olympus"), DateRefusal)


def test_now_in_utc_answers_in_workspace_zone() -> None:
    now = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # Tuesday 01:00 in Shanghai
    got = parse_range("19:00-22:00", now)
    assert isinstance(got, TimeRange)
    assert got.start.isoformat() == "2026-11-24T19:00:00+08:00"
    assert got.start.tzinfo == ZoneInfo("Asia/Shanghai")


def test_naive_now_is_taken_as_workspace_time() -> None:
    got = parse_range("明天到后天", datetime(2026, 11, 23, 10, 0))
    assert got == DateRange(date(2026, 11, 24), date(2026, 11, 25))


def test_other_workspace_zone_and_elapsed_hours_across_a_clock_change() -> None:
    ny = "America/New_York"
    sat = datetime(2026, 10, 31, 12, 0, tzinfo=ZoneInfo(ny))  # clocks go back at 02:00 Sunday
    got = parse_range("20:00-06:00", sat, tz=ny, lang="en")
    assert isinstance(got, TimeRange)
    assert got.start.isoformat() == "2026-10-31T20:00:00-04:00"
    assert got.end.isoformat() == "2026-11-01T06:00:00-05:00"
    assert got.end.astimezone(UTC) - got.start.astimezone(UTC) == timedelta(hours=11)
    # the limit is on elapsed hours: 15 on the wall clock are 16 that night (allowed), 15.5 are 16.5
    fine = parse_range("15:00-06:00", sat, tz=ny, lang="en")
    assert isinstance(fine, TimeRange)
    refused = parse_range("15:00-06:30", sat, tz=ny, lang="en")
    assert isinstance(refused, DateRefusal)
    assert "longer than 16 hours" in refused.message


def test_end_of_day_setting_moves_a_weekday_start() -> None:
    # said on Monday 10:00: with the day ending at 09:30, "monday" is next Monday
    got = parse_range("monday to wednesday", MON, lang="en", end_of_day=time(9, 30))
    assert got == DateRange(date(2026, 11, 30), date(2026, 12, 2))


def test_help_shows_range_examples_that_read() -> None:
    examples = {
        "zh": [
            "19:00-22:30",
            "晚上8点到凌晨1点",
            "下午2点-4点",
            "明天19:00-22:00",
            "周五晚上7点到11点",
            "12月1日到12月3日",
            "12月1日至3日",
            "下周一到周三",
            "2026-12-01到2026-12-03",
        ],
        "en": [
            "19:00-22:30",
            "8pm-1am",
            "2-4pm",
            "from 7pm to 10:30pm",
            "tomorrow 19:00-22:00",
            "Dec 1-3",
            "from Dec 1 to Dec 3",
            "Monday to Wednesday next week",
            "2026-12-01 to 2026-12-03",
        ],
    }
    for lang, phrases in examples.items():
        for phrase in phrases:
            assert phrase in help_text(lang, MON.date()), phrase
            assert isinstance(parse_range(phrase, MON, lang=lang), TimeRange | DateRange), phrase
