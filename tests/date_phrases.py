"""The date phrase table shared by tests/test_dates.py and bench/bench_dates.py.

Every expected value is worked out by hand from the conventions in bot/dates.py, relative to
one of three fixed "now"s in Asia/Shanghai (+08:00):

    MON = Monday    2026-11-23 10:00   (this week: Mon 23 .. Sun 29 Nov; next: Mon 30 Nov .. Sun 6 Dec)
    FRI = Friday    2026-11-27 16:00
    SUN = Sunday    2026-11-29 21:00   (last day of the week, one day before month end)

A row is (phrase, expected ISO-8601 with offset or None for a refusal, has_time, now key).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOWS: dict[str, datetime] = {
    "MON": datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI),
    "FRI": datetime(2026, 11, 27, 16, 0, tzinfo=SHANGHAI),
    "SUN": datetime(2026, 11, 29, 21, 0, tzinfo=SHANGHAI),
}


class Row(NamedTuple):
    phrase: str
    expected: str | None  # ISO-8601 with offset; None = must be refused
    has_time: bool | None
    now: str = "MON"


def _d(day: str, now: str = "MON") -> tuple[str, bool, str]:
    """A date without a time: that day at end_of_day (18:00), has_time False."""
    return f"{day}T18:00:00+08:00", False, now


def _t(moment: str, now: str = "MON") -> tuple[str, bool, str]:
    """A date with a time of day."""
    return f"{moment}:00+08:00", True, now


def _row(phrase: str, exp: tuple[str, bool, str]) -> Row:
    return Row(phrase, *exp)


def _no(phrase: str) -> Row:
    return Row(phrase, None, None)


ZH: list[Row] = [
    # day words; a date alone is 18:00 with has_time False
    _row("今天", _d("2026-11-23")),
    _row("明天", _d("2026-11-24")),
    _row("后天", _d("2026-11-25")),
    _row("大后天", _d("2026-11-26")),
    _row("昨天", _d("2026-11-22")),  # past forms are allowed
    _row("前天", _d("2026-11-21")),
    _row("今早", _t("2026-11-23T09:00")),  # 早 = 09:00, even though already past
    _row("今晚", _t("2026-11-23T20:00")),  # 晚 = 20:00
    _row("明早", _t("2026-11-24T09:00")),
    _row("明晚", _t("2026-11-24T20:00")),
    # periods and clock times
    _row("明天下午3点", _t("2026-11-24T15:00")),
    _row("明天下午", _t("2026-11-24T15:00")),  # 下午 without an hour = 15:00
    _row("明天上午", _t("2026-11-24T09:00")),  # 上午 = 09:00
    _row("下午3点", _t("2026-11-23T15:00")),  # time alone, still ahead today
    _row("晚上8点", _t("2026-11-23T20:00")),
    _row("中午12点", _t("2026-11-23T12:00")),
    _row("凌晨2点", _t("2026-11-24T02:00")),  # today's 02:00 is past -> tomorrow
    _row("中午", _t("2026-11-23T12:00")),
    _row("傍晚", _t("2026-11-23T18:00")),
    _row("早上", _t("2026-11-24T09:00")),  # today's 09:00 is past -> tomorrow
    _row("3点", _t("2026-11-23T15:00")),  # a bare hour 1..6 is afternoon
    _row("9点", _t("2026-11-24T09:00")),  # 09:00 today is past -> tomorrow
    _row("10点半", _t("2026-11-23T10:30")),
    _row("明天3点一刻", _t("2026-11-24T15:15")),
    _row("明天3点三刻", _t("2026-11-24T15:45")),
    _row("明天下午3点20分", _t("2026-11-24T15:20")),
    _row("14:30", _t("2026-11-23T14:30")),
    _row("10：30", _t("2026-11-23T10:30")),  # full-width colon
    _row("两点", _t("2026-11-23T14:00")),
    _row("二十三点", _t("2026-11-23T23:00")),
    _row("晚上12点", _t("2026-11-24T00:00")),  # midnight ends the day
    # weekdays: alone = next occurrence (today counts if still ahead)
    _row("周五", _d("2026-11-27")),
    _row("星期三", _d("2026-11-25")),
    _row("礼拜天", _d("2026-11-29")),
    _row("周一", _d("2026-11-23")),  # today, 18:00 still ahead
    _row("周一上午9点", _t("2026-11-30T09:00")),  # today's 09:00 is past -> next Monday
    _row("周五下午五点", _t("2026-11-27T17:00")),
    _row("下周五", _d("2026-12-04")),  # Friday of next Mon..Sun week
    _row("下周五下午五点", _t("2026-12-04T17:00")),
    _row("本周一", _d("2026-11-23")),
    _row("这周日", _d("2026-11-29")),
    _row("这个周三", _d("2026-11-25")),
    _row("下个周二", _d("2026-12-01")),
    _row("下下周一", _d("2026-12-07")),
    _row("上周五", _d("2026-11-20")),
    # offsets
    _row("3天后", _d("2026-11-26")),
    _row("两天后", _d("2026-11-25")),
    _row("一周后", _d("2026-11-30")),
    _row("2个星期后", _d("2026-12-07")),
    _row("3天前", _d("2026-11-20")),
    _row("2小时后", _t("2026-11-23T12:00")),
    _row("半小时后", _t("2026-11-23T10:30")),
    # calendar dates
    _row("11月30日", _d("2026-11-30")),
    _row("11月30号", _d("2026-11-30")),
    _row("11月30日上午10点", _t("2026-11-30T10:00")),
    _row("30号", _d("2026-11-30")),
    _row("5号", _d("2026-12-05")),  # the 5th of this month is past -> next month's
    _row("2026年12月1日", _d("2026-12-01")),
    _row("2027年1月5日下午2点", _t("2027-01-05T14:00")),
    _row("1月5日", _d("2027-01-05")),  # 2026-01-05 is over 183 days ago -> next year
    _row("11月13日", _d("2026-11-13")),  # 10 days ago: stays this year
    _row("12/1", _d("2026-12-01")),  # two numbers <= 12: month first
    _row("月底", _d("2026-11-30")),
    _row("下月初", _d("2026-12-01")),
    _row("下个月5号", _d("2026-12-05")),
    _row("下个月底", _d("2026-12-31")),
    _row("周末", _d("2026-11-28")),  # the coming Saturday
    _row("下周末", _d("2026-12-05")),
    _row("后天晚上8点半", _t("2026-11-25T20:30")),
    _row("周五前", _d("2026-11-27")),  # "by Friday" = Friday
    _row("明晚12点", _t("2026-11-25T00:00")),  # tomorrow night's midnight
    _row("下午3:30", _t("2026-11-23T15:30")),
    _row("下週五下午5點", _t("2026-12-04T17:00")),  # traditional characters
    # refusals
    _no("香蕉"),
    _no("13月45日"),
    _no("2月30日"),
    _no("25点"),
    _no("下午25点"),
    _no("周八"),
    _no("明天香蕉"),
    _no("几天后"),
]

EN: list[Row] = [
    _row("tomorrow 3pm", _t("2026-11-24T15:00")),
    _row("next friday 5pm", _t("2026-12-04T17:00")),  # Friday of next week, 11 days on
    _row("next friday", _d("2026-12-04")),
    _row("in 2 days", _d("2026-11-25")),  # offsets in days carry no time
    _row("Nov 30", _d("2026-11-30")),
    _row("30/11", _d("2026-11-30")),  # 30 cannot be a month: day first
    _row("11/30", _d("2026-11-30")),
    _row("1/12", _d("2027-01-12")),  # month first; 2026-01-12 is over 183 days ago
    _row("2026-12-01 14:00", _t("2026-12-01T14:00")),
    _row("yesterday 3pm", _t("2026-11-22T15:00")),
    _row("monday", _d("2026-11-23")),  # today, its 18:00 still ahead
    _row("friday 17:00", _t("2026-11-27T17:00")),
    _row("end of month", _d("2026-11-30")),
    _row("eom", _d("2026-11-30")),
    _row("noon tomorrow", _t("2026-11-24T12:00")),
    _row("tomorrow noon", _t("2026-11-24T12:00")),
    _row("eod", _d("2026-11-23")),
    _row("eow", _d("2026-11-27")),  # this week's Friday
    _row("end of week", _d("2026-11-27")),
    _row("tonight", _t("2026-11-23T20:00")),
    _row("3 days ago", _d("2026-11-20")),
    _row("3pm", _t("2026-11-23T15:00")),
    _row("9am", _t("2026-11-24T09:00")),
    _row("10am", _t("2026-11-24T10:00")),  # exactly now is not "still ahead"
    _row("noon", _t("2026-11-23T12:00")),
    _row("midnight", _t("2026-11-24T00:00")),
    _row("today", _d("2026-11-23")),
    _row("tomorrow", _d("2026-11-24")),
    _row("in 2 weeks", _d("2026-12-07")),
    _row("in 2 hours", _t("2026-11-23T12:00")),
    _row("in 30 minutes", _t("2026-11-23T10:30")),
    _row("Dec 1", _d("2026-12-01")),
    _row("1 December", _d("2026-12-01")),
    _row("December 1st 2027", _d("2027-12-01")),
    _row("tomorrow at 15:00", _t("2026-11-24T15:00")),
    _row("next monday", _d("2026-11-30")),
    _row("last friday", _d("2026-11-20")),
    _row("this friday", _d("2026-11-27")),
    _row("5pm on friday", _t("2026-11-27T17:00")),
    _row("friday afternoon", _t("2026-11-27T15:00")),
    _row("tomorrow morning", _t("2026-11-24T09:00")),
    _row("this afternoon", _t("2026-11-23T15:00")),
    _row("day after tomorrow", _d("2026-11-25")),
    _row("Jan 5", _d("2027-01-05")),
    _row("Nov 13", _d("2026-11-13")),
    _row("Nov 30 at 2:30pm", _t("2026-11-30T14:30")),
    _row("1 week from now", _d("2026-11-30")),
    _row("at 3", _t("2026-11-23T15:00")),  # bare hour 1..6 is afternoon
    _row("tonight at 9", _t("2026-11-23T21:00")),
    _row("by friday", _d("2026-11-27")),
    _row("weekend", _d("2026-11-28")),
    _row("next week", _d("2026-11-30")),  # next week's Monday
    _row("in 2 days at 3pm", _t("2026-11-25T15:00")),
    _row("sunday 9pm", _t("2026-11-29T21:00")),
    _row("TOMORROW 3PM", _t("2026-11-24T15:00")),
    # refusals
    _no(""),
    _no("   "),
    _no("asap"),
    _no("Q1"),
    _no("JOB-2611-03"),
    _no("banana"),
    _no("may"),
    _no("2026"),
    _no("13/13"),
    _no("31/11"),
    _no("25:00"),
    _no("tomorrow 13pm"),
    _no("friday nov 30"),  # 30 Nov 2026 is a Monday
    _no("x" * 10_000),
]

OTHER_NOWS: list[Row] = [
    # Friday 16:00
    _row("3pm", _t("2026-11-28T15:00", "FRI")),  # 15:00 today is past -> tomorrow
    _row("5pm", _t("2026-11-27T17:00", "FRI")),
    _row("friday", _d("2026-11-27", "FRI")),  # today: 18:00 still ahead
    _row("周五", _d("2026-11-27", "FRI")),
    _row("周五下午3点", _t("2026-12-04T15:00", "FRI")),  # today's 15:00 is past
    _row("下午", _t("2026-11-28T15:00", "FRI")),
    _row("eow", _d("2026-11-27", "FRI")),
    _row("next friday", _d("2026-12-04", "FRI")),
    _row("今天", _d("2026-11-27", "FRI")),
    # Sunday 21:00
    _row("sunday", _d("2026-12-06", "SUN")),  # today's 18:00 is past -> next Sunday
    _row("周日", _d("2026-12-06", "SUN")),
    _row("周末", _d("2026-12-05", "SUN")),
    _row("月底", _d("2026-11-30", "SUN")),
    _row("eom", _d("2026-11-30", "SUN")),
    _row("下月初", _d("2026-12-01", "SUN")),
    _row("1号", _d("2026-12-01", "SUN")),
    _row("tonight", _t("2026-11-29T20:00", "SUN")),  # past, but said explicitly
    _row("今晚10点", _t("2026-11-29T22:00", "SUN")),
    _row("晚上8点", _t("2026-11-30T20:00", "SUN")),
    _row("3天后", _d("2026-12-02", "SUN")),
    _row("this friday", _d("2026-11-27", "SUN")),  # this week's, even if past
    _row("本周五", _d("2026-11-27", "SUN")),
    _row("下周一", _d("2026-11-30", "SUN")),
    _row("next monday", _d("2026-11-30", "SUN")),
    _row("eod", _d("2026-11-29", "SUN")),
]

PHRASES: list[Row] = ZH + EN + OTHER_NOWS
