"""bot/rules/meetings.py: when a meeting is announced (the working day before, on the team
calendar: a weekend, a holiday, a 调休 Saturday), the reconfirmation window, what a meeting may
be and who may change it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from bot.rules.meetings import (
    as_json,
    check_texts,
    check_time,
    may_change,
    notice_moment,
    people,
    reconfirm_window,
    week_of,
)
from bot.rules.workdays import WorkCalendar
from tests.conftest import SH

CN = WorkCalendar()


@pytest.mark.parametrize(
    ("meeting", "announced"),
    [
        (date(2026, 11, 30), date(2026, 11, 27)),  # Monday: the Friday before
        (date(2026, 11, 26), date(2026, 11, 25)),  # Thursday: Wednesday
        (date(2026, 10, 12), date(2026, 10, 10)),  # after National Day: the 调休 Saturday
        (date(2026, 10, 8), date(2026, 9, 30)),  # after the golden week: the day before it
        (date(2026, 2, 24), date(2026, 2, 14)),  # after Spring Festival: the 调休 Saturday
        (date(2026, 11, 29), date(2026, 11, 27)),  # a Sunday meeting: the Friday
    ],
)
def test_a_meeting_is_announced_the_working_day_before(meeting: date, announced: date) -> None:
    start = datetime.combine(meeting, time(14, 0), tzinfo=SH)
    assert notice_moment(start, CN, time(16, 0)) == datetime.combine(
        announced, time(16, 0), tzinfo=SH
    )


def test_the_reconfirm_window_reaches_75_minutes_on_and_keeps_15_to_telephone() -> None:
    now = datetime(2026, 11, 26, 13, 0, tzinfo=SH)
    assert reconfirm_window(now) == (now + timedelta(minutes=15), now + timedelta(minutes=75))


def test_what_a_meeting_may_be() -> None:
    now = datetime(2026, 11, 26, 13, 0, tzinfo=SH)
    later = now + timedelta(hours=1)
    assert check_time(later, later + timedelta(hours=1), now) is None
    assert check_time(now - timedelta(hours=1), now, now).key == "meeting.past"  # type: ignore[union-attr]
    assert check_time(later, later, now).key == "meeting.end_before_start"  # type: ignore[union-attr]
    assert check_texts({"topic": "提案"}) == {}
    assert check_texts({"topic": " "})["topic"].key == "meeting.need_topic"
    assert check_texts({"topic": "x" * 301, "agenda": "y" * 3001}).keys() == {"topic", "agenda"}


def test_who_may_change_a_meeting_and_the_lists_of_people() -> None:
    assert may_change("U1", "U1", False) and may_change("U2", "U1", True)
    assert not may_change("U2", "U1", False)
    assert people(as_json(["U1", "U2", "U1"])) == ["U1", "U2"]
    assert people("not json") == [] and people('{"a": 1}') == [] and people('["U1", 3]') == ["U1"]
    assert week_of(date(2026, 11, 26)) == (date(2026, 11, 23), date(2026, 11, 29))
