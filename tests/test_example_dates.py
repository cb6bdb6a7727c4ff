"""Examples never in the past: help and refusals show example dates computed from today, in the
reader's language, as they are typed; on any day each reads back as a day ahead (an overdue
receivable's due date behind), and a refusal never suggests the day it has just refused. No
text of the catalogue carries a fixed date of its own."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest

from bot.dates import DateRange, ParsedWhen, examples, help_text, parse_range, parse_when
from bot.slack.messages import MESSAGES, Plural
from tests.conftest import SH, World

DAYS = [date(2026, 11, 23) + timedelta(days=n) for n in range(0, 800, 3)]  # every weekday, 2 years
FIXED_DATE = re.compile(
    r"\d{1,2}月\d{1,2}[日号]|\b20\d\d-\d\d\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]* \d{1,2}\b|\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)


def read_day(typed: str, today: date, lang: str) -> date:
    got = parse_when(typed, datetime.combine(today, time(10), SH), lang=lang)
    assert isinstance(got, ParsedWhen), (typed, today)
    return got.at.date()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_example_day_reads_as_a_day_ahead_whatever_today_is(lang: str) -> None:
    for today in DAYS:
        eg = examples(today, lang)
        for name in ("eg_day", "eg_monday", "eg_end", "eg_until", "eg_deadline", "eg_iso"):
            assert read_day(eg[name], today, lang) > today, (name, eg[name], today)
        for name in ("eg_span", "eg_span_short"):
            span = parse_range(eg[name], datetime.combine(today, time(10), SH), lang=lang)
            assert isinstance(span, DateRange) and today < span.start < span.end, (eg[name], today)
        assert date.fromisoformat(eg["eg_workday"]) > today
        assert date.fromisoformat(eg["eg_holiday"]) > today
        assert read_day(eg["eg_due"], today, lang) <= today - timedelta(days=89)  # 3 months overdue
        assert eg["eg_month"] == f"{today:%Y-%m}" and eg["eg_job"] == f"CR-{today:%Y%m}-07"


def test_the_examples_are_written_as_each_reader_types_a_date() -> None:
    today = date(2026, 12, 30)  # next week is in January of the next year
    assert {k: v for k, v in examples(today, "zh").items() if k in ("eg_day", "eg_span")} == {
        "eg_day": "1月5日",
        "eg_span": "1月5日到1月7日",
    }
    assert examples(today, "en")["eg_span_short"] == "Jan 5-7"
    assert examples(today, "en")["eg_deadline"] == "Jan 8 5pm"
    assert read_day("1月5日", today, "zh") == date(2027, 1, 5)  # no year: the coming one


def test_no_text_has_a_fixed_date_of_its_own() -> None:
    fixed = {}
    for key, entry in MESSAGES.items():
        for text in entry.values():
            for form in (text.one, text.other) if isinstance(text, Plural) else (text,):
                if found := FIXED_DATE.search(form):
                    fixed[key] = found.group()
    assert fixed == {}


def test_the_ways_to_write_a_date_show_days_ahead() -> None:
    for today in (date(2026, 11, 23), date(2027, 6, 14)):
        for lang in ("zh", "en"):
            shown = help_text(lang, today)
            assert examples(today, lang)["eg_span"] in shown
            assert str(today.year - 1) not in shown


def say(w: World, text: str, user: str) -> str:
    return str(w.slack.command("/aebot", text, user=user).json()["text"])


@pytest.mark.parametrize(
    "today", [datetime(2026, 12, 8, 10, tzinfo=SH), datetime(2027, 5, 19, 10, tzinfo=SH)]
)
def test_a_refused_day_is_never_the_example_offered(world: World, today: datetime) -> None:
    """The refusal of a day gone suggests a day ahead, in both languages, on any day."""
    world.clock.set(today)
    gone = today.date() - timedelta(days=3)
    zh = say(world, f"delegate <@U0AE1|sun> until {gone.month}月{gone.day}日", user="U0AD1")
    [suggested] = re.findall(r"until (\d+月\d+日)", zh)
    assert zh.endswith(
        "已经过去了。请写今天或以后的日期，例如 " + f"`/aebot delegate @同事 until {suggested}`。"
    )
    assert read_day(suggested, today.date(), "zh") > today.date()
    world.slack.command("/aebot", "language en", user="U0AM1")
    en = say(world, f"delegate <@U0AE1|sun> until {gone.month}/{gone.day}", user="U0AM1")
    [typed] = re.findall(r"until ([A-Z][a-z]{2} \d+)`", en)
    assert read_day(typed, today.date(), "en") > today.date()


def test_leave_refusals_and_help_suggest_days_ahead(world: World) -> None:
    world.clock.set(datetime(2027, 3, 10, 10, tzinfo=SH))
    refused = str(world.slack.command("/out", "leave 香蕉 年假").json()["text"])
    spans = re.findall(r"`/out leave (\S+) 年假`", refused)
    assert spans == ["3月16日到3月18日"]  # next week's Tuesday to Thursday
    helped = str(world.slack.command("/out", "help").json()["text"])
    assert "`/out leave 3月16日到3月18日 年假`" in helped
    assert "12月" not in helped
