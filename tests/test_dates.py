"""bot.dates: the phrase table (tests/date_phrases.py), echo, refusals, robustness, zones."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

import bot.dates as dates
from bot.dates import DateRefusal, ParsedWhen, echo, help_examples, parse_when, warm_up
from tests.date_phrases import EN, NOWS, PHRASES, ZH, Row

MON = NOWS["MON"]


def test_table_is_big_and_bilingual() -> None:
    assert len(PHRASES) >= 90
    assert len(ZH) >= 45 and len(EN) >= 45


@pytest.mark.parametrize("row", PHRASES, ids=lambda r: f"{r.now}:{r.phrase[:20]}")
def test_phrase(row: Row) -> None:
    for lang in ("zh", "en"):  # both languages are accepted whatever the member's language
        got = parse_when(row.phrase, NOWS[row.now], lang=lang)
        if row.expected is None:
            assert isinstance(got, DateRefusal), f"{row.phrase!r} should be refused, got {got}"
            assert got.text == row.phrase
        else:
            assert isinstance(got, ParsedWhen), f"{row.phrase!r}: {got}"
            assert (got.at.isoformat(), got.has_time) == (row.expected, row.has_time)
            assert got.at.tzinfo == ZoneInfo("Asia/Shanghai")


def test_now_in_utc_answers_in_workspace_zone() -> None:
    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # = Monday 10:00 in Shanghai
    got = parse_when("明天下午3点", now)
    assert isinstance(got, ParsedWhen)
    assert got.at.isoformat() == "2026-11-24T15:00:00+08:00"
    assert got.at.tzinfo == ZoneInfo("Asia/Shanghai")
    # 17:00 UTC Monday is already 01:00 Tuesday in Shanghai: "tomorrow" is Wednesday.
    late = parse_when("tomorrow", datetime(2026, 11, 23, 17, 0, tzinfo=UTC), lang="en")
    assert isinstance(late, ParsedWhen)
    assert late.at.isoformat() == "2026-11-25T18:00:00+08:00"


def test_other_workspace_zone() -> None:
    # Monday 10:00 Shanghai is Sunday 21:00 in New York.
    got = parse_when("tomorrow 3pm", MON, tz="America/New_York", lang="en")
    assert isinstance(got, ParsedWhen)
    assert got.at.isoformat() == "2026-11-23T15:00:00-05:00"


def test_end_of_day_setting() -> None:
    got = parse_when("明天", MON, end_of_day=time(17, 30))
    assert isinstance(got, ParsedWhen)
    assert (got.at.isoformat(), got.has_time) == ("2026-11-24T17:30:00+08:00", False)
    # a weekday alone is today only while end_of_day is still ahead
    early = parse_when("monday", MON, lang="en", end_of_day=time(9, 30))
    assert isinstance(early, ParsedWhen)
    assert early.at.isoformat() == "2026-11-30T09:30:00+08:00"


def test_echo_forms_each_language_its_own() -> None:
    fri = datetime(2026, 11, 27, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert echo(fri, "zh", now=MON) == "周五 11月27日 17:00"
    assert echo(fri, "en", now=MON) == "Fri 27 Nov 17:00"
    assert echo(fri, "zh", now=MON, has_time=False) == "周五 11月27日"
    assert echo(fri, "en", now=MON, has_time=False) == "Fri 27 Nov"
    jan = datetime(2027, 1, 5, 9, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert echo(jan, "zh", now=MON) == "周二 2027年1月5日 09:05"
    assert echo(jan, "en", now=MON) == "Tue 5 Jan 2027 09:05"
    assert echo(jan, "en", now=MON, has_time=False) == "Tue 5 Jan 2027"
    sun = datetime(2026, 11, 29, 0, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert echo(sun, "zh", now=MON) == "周日 11月29日 00:00"


def test_echo_shows_the_year_by_the_callers_clock_not_the_machines() -> None:
    fri = datetime(2026, 11, 27, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    next_year = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert echo(fri, "en", now=next_year) == "Fri 27 Nov 2026 17:00"
    assert echo(fri, "zh", now=next_year) == "周五 2026年11月27日 17:00"


def test_echo_of_a_parse() -> None:
    got = parse_when("周五下午五点", MON)
    assert isinstance(got, ParsedWhen)
    assert echo(got.at, "zh", now=MON, has_time=got.has_time) == "周五 11月27日 17:00"


def test_refusal_messages() -> None:
    zh = parse_when("香蕉", MON, lang="zh")
    assert isinstance(zh, DateRefusal)
    assert zh.message == (
        "看不懂这个日期：“香蕉”。可以这样写：明天下午3点、下周五、11月30日、3天后、2026-12-01 14:00。"
    )
    en = parse_when("asap", MON, lang="en")
    assert isinstance(en, DateRefusal)
    assert en.message == (
        "Sorry, I couldn't read “asap” as a date. "
        "Try e.g. tomorrow 3pm, next friday, Nov 30, in 3 days, 2026-12-01 14:00."
    )
    today = MON.date()
    assert help_examples("zh", today) in zh.message and help_examples("en", today) in en.message


def test_refusal_truncates_the_echoed_text() -> None:
    long = "这不是日期" * 10  # 50 characters, under the length cap
    got = parse_when(long, MON)
    assert isinstance(got, DateRefusal)
    assert got.text == long
    assert "这不是日期" * 7 + "这不是日…”" in got.message
    huge = parse_when("x" * 10_000, MON, lang="en")
    assert isinstance(huge, DateRefusal)
    assert "“" + "x" * 39 + "…”" in huge.message


@pytest.mark.parametrize(
    "text",
    [
        "'; DROP TABLE contacts; --",
        "1 OR 1=1",
        "😀🎉",
        "明天😀",
        "\u202e\u200b\x00",
        "\n\t",
        "𝟏𝟐/𝟏",  # mathematical digits (NFKC makes them 12/1)
        "٣ pm",
        "9999年99月99日",
        "99999999999999999999 days ago",
        "in 999999999 days",
        "<script>alert(1)</script>",
        "%s %d {0} {text}",
        "Ｑ１",
    ],
)
def test_garbage_never_raises(text: str) -> None:
    for lang in ("zh", "en"):
        got = parse_when(text, MON, lang=lang)
        assert isinstance(got, ParsedWhen | DateRefusal)


def test_internal_errors_become_refusals(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(dates.read, "parse_zh", boom)
    got = parse_when("明天", MON)
    assert isinstance(got, DateRefusal)
    assert got.text == "明天"


def test_bad_zone_is_a_refusal_not_a_crash() -> None:
    assert isinstance(parse_when("明天", MON, tz="Mars/Olympus"), DateRefusal)


def test_naive_now_is_taken_as_workspace_time() -> None:
    got = parse_when("明天", datetime(2026, 11, 23, 10, 0))
    assert isinstance(got, ParsedWhen)
    assert got.at.isoformat() == "2026-11-24T18:00:00+08:00"


def test_result_is_a_real_offset_datetime() -> None:
    got = parse_when("in 2 hours", MON, lang="en")
    assert isinstance(got, ParsedWhen)
    assert got.at - MON == timedelta(hours=2)


def test_warm_up_reads_a_phrase_of_each_kind() -> None:
    # timing is reported by bench/bench_dates.py; here, that each phrase warm_up loads reads right
    assert warm_up() == [
        "2026-11-30T18:00+08:00",  # nov 30 (said on Mon 5 Jan 2026)
        "2026-01-07T18:00+08:00",  # in 2 days
        "2026-01-05T12:00+08:00",  # in 2 hours
        "2026-01-02T18:00+08:00",  # 3 days ago
        "2026-01-06T15:00+08:00",  # 明天下午3点
        "2026-01-09T17:00+08:00",  # friday 5pm
    ]


def test_past_mode_reads_a_time_or_weekday_alone_as_the_latest_occurrence() -> None:
    dt = datetime
    sh = ZoneInfo("Asia/Shanghai")
    mon17, mon10 = dt(2026, 11, 23, 17, 0, tzinfo=sh), dt(2026, 11, 23, 10, 0, tzinfo=sh)
    cases = [
        ("下午3点", mon17, dt(2026, 11, 23, 15, 0, tzinfo=sh), True),
        ("晚上8点", mon17, dt(2026, 11, 22, 20, 0, tzinfo=sh), True),
        ("3pm", mon10, dt(2026, 11, 22, 15, 0, tzinfo=sh), True),
        ("周五", mon10, dt(2026, 11, 20, 18, 0, tzinfo=sh), False),
        ("friday 3pm", mon10, dt(2026, 11, 20, 15, 0, tzinfo=sh), True),
        ("周一", mon10, dt(2026, 11, 23, 18, 0, tzinfo=sh), False),
        ("30号", mon10, dt(2026, 10, 30, 18, 0, tzinfo=sh), False),
        (
            "昨天下午3点",
            mon10,
            dt(2026, 11, 22, 15, 0, tzinfo=sh),
            True,
        ),  # fixed days are unchanged
    ]
    for text, now, at, has_time in cases:
        got = parse_when(text, now, past=True)
        assert (got.at, got.has_time) == (at, has_time), text
    assert parse_when("下午3点", mon10).at == dt(
        2026, 11, 23, 15, 0, tzinfo=sh
    )  # default: the next one
