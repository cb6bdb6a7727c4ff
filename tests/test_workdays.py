"""Tests for scheduler.workdays.WorkCalendar (CN 2026 facts come from holidays 0.109's data)."""

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import holidays
import pytest

from bot.rules import workdays
from bot.rules.workdays import WorkCalendar

D = date


@pytest.fixture(scope="module")
def cn() -> WorkCalendar:
    return WorkCalendar()


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "aebot.calendar" and r.levelno == logging.WARNING
    ]


# --------------------------------------------------------------------- CN 2026 facts


def test_makeup_saturdays_are_working_days(cn: WorkCalendar) -> None:
    for d in (D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 10, 10)):
        assert d.weekday() >= 5
        assert cn.is_working_day(d), d
    assert cn.is_working_day(D(2026, 9, 20))  # Sunday make-up day before National Day
    assert cn.holiday_name(D(2026, 2, 14)) is None


def test_spring_festival_2026_off(cn: WorkCalendar) -> None:
    festival = [D(2026, 2, 15) + timedelta(i) for i in range(9)]  # Feb 15 (Sun) .. Feb 23 (Mon)
    assert festival[-1] == D(2026, 2, 23)
    assert not any(cn.is_working_day(d) for d in festival)
    assert cn.is_working_day(D(2026, 2, 13)) and cn.is_working_day(D(2026, 2, 24))
    assert cn.holiday_name(D(2026, 2, 17)) == "春节"
    assert cn.holiday_name(D(2026, 2, 20)) == "休息日（由 2026-02-14 调休）"


def test_national_day_2026(cn: WorkCalendar) -> None:
    golden_week = [D(2026, 10, 1) + timedelta(i) for i in range(7)]
    assert not any(cn.is_working_day(d) for d in golden_week)
    assert cn.holiday_name(D(2026, 10, 1)) == "国庆节"
    assert cn.is_working_day(D(2026, 9, 20))  # Sunday worked
    assert cn.is_working_day(D(2026, 10, 8)) and cn.is_working_day(D(2026, 10, 9))
    assert cn.is_working_day(D(2026, 10, 10))  # Saturday worked
    assert not cn.is_working_day(D(2026, 10, 11))
    assert not cn.is_working_day(D(2026, 9, 25))  # Mid-Autumn Festival


def test_plain_weekend(cn: WorkCalendar) -> None:
    assert cn.is_working_day(D(2026, 3, 6))
    assert not cn.is_working_day(D(2026, 3, 7)) and not cn.is_working_day(D(2026, 3, 8))
    assert cn.holiday_name(D(2026, 3, 7)) is None
    assert cn.is_working_day(D(2026, 3, 9))


def test_matches_library_day_by_day(cn: WorkCalendar) -> None:
    lib = holidays.country_holidays("CN", years=range(2024, 2028))
    d = D(2024, 1, 1)
    while d.year < 2028:
        assert cn.is_working_day(d) == lib.is_working_day(d), d
        d += timedelta(1)


def test_cross_year_makeup_day(cn: WorkCalendar) -> None:
    # Saturday 2001-12-29 was worked for the 2002 New Year holiday.
    assert cn.is_working_day(D(2001, 12, 29))


# --------------------------------------------------------------------- navigation


def test_next_previous_across_spring_festival(cn: WorkCalendar) -> None:
    assert cn.next_working_day(D(2026, 2, 13)) == D(2026, 2, 14)
    assert cn.next_working_day(D(2026, 2, 14)) == D(2026, 2, 24)
    assert cn.next_working_day(D(2026, 2, 18)) == D(2026, 2, 24)
    assert cn.previous_working_day(D(2026, 2, 24)) == D(2026, 2, 14)
    assert cn.previous_working_day(D(2026, 2, 14)) == D(2026, 2, 13)
    assert cn.next_working_day(D(2025, 12, 31)) == D(2026, 1, 4)  # Jan 1-3 off, Sun 4 worked
    assert cn.previous_working_day(D(2026, 1, 4)) == D(2025, 12, 31)


def test_working_days_between(cn: WorkCalendar) -> None:
    assert cn.working_days_between(D(2026, 3, 9), D(2026, 3, 10)) == 1  # Mon -> Tue
    assert cn.working_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1  # Fri -> Mon
    assert cn.working_days_between(D(2026, 3, 6), D(2026, 3, 6)) == 0
    assert cn.working_days_between(D(2026, 3, 9), D(2026, 3, 6)) == -1
    # Thu Feb 12 -> Fri Feb 27: Feb 13, 14 (Sat), 24, 25, 26, 27.
    assert cn.working_days_between(D(2026, 2, 12), D(2026, 2, 27)) == 6
    assert cn.working_days_between(D(2026, 2, 27), D(2026, 2, 12)) == -6
    assert cn.working_days_between(D(2026, 2, 14), D(2026, 2, 23)) == 0


def test_working_days_between_long_spans(cn: WorkCalendar) -> None:
    lib = holidays.country_holidays("CN", years=range(2023, 2028))
    for start, end in [(D(2025, 12, 31), D(2026, 12, 31)), (D(2023, 6, 15), D(2027, 3, 2))]:
        expected = lib.get_working_days_count(start + timedelta(1), end)
        assert cn.working_days_between(start, end) == expected
        assert cn.working_days_between(end, start) == -expected
        assert len(cn.working_days_in(start + timedelta(1), end)) == expected


def test_add_working_days(cn: WorkCalendar) -> None:
    assert cn.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert cn.add_working_days(D(2026, 2, 13), 2) == D(2026, 2, 24)
    assert cn.add_working_days(D(2026, 2, 24), -1) == D(2026, 2, 14)
    assert cn.add_working_days(D(2026, 2, 24), -2) == D(2026, 2, 13)
    assert cn.add_working_days(D(2026, 2, 17), 0) == D(2026, 2, 17)  # n == 0: unchanged
    assert cn.add_working_days(D(2026, 2, 17), 1) == D(2026, 2, 24)
    assert cn.add_working_days(D(2026, 2, 17), -1) == D(2026, 2, 14)
    start = D(2025, 11, 3)
    for n in (1, 17, 250, 400, -3, -250):
        target = cn.add_working_days(start, n)
        assert cn.is_working_day(target)
        assert cn.working_days_between(start, target) == n


def test_week_starting_with_holiday(cn: WorkCalendar) -> None:
    # Week of Mon 2026-10-05: 5-7 off, Thu 8 / Fri 9 / Sat 10 worked, Sun 11 off.
    for d in (D(2026, 10, 5), D(2026, 10, 8), D(2026, 10, 11)):
        assert cn.first_working_day_of_week(d) == D(2026, 10, 8)
        assert cn.last_working_day_of_week(d) == D(2026, 10, 10)
    # Week of Mon 2026-02-16 is entirely off.
    assert cn.first_working_day_of_week(D(2026, 2, 18)) is None
    assert cn.last_working_day_of_week(D(2026, 2, 18)) is None
    # Ordinary week.
    assert cn.first_working_day_of_week(D(2026, 3, 8)) == D(2026, 3, 2)
    assert cn.last_working_day_of_week(D(2026, 3, 8)) == D(2026, 3, 6)


def test_last_working_day_of_month(cn: WorkCalendar) -> None:
    assert cn.last_working_day_of_month(D(2026, 5, 10)) == D(2026, 5, 29)  # May 31 is Sunday
    assert cn.last_working_day_of_month(D(2026, 1, 1)) == D(2026, 1, 30)  # Jan 31 is Saturday
    assert cn.last_working_day_of_month(D(2026, 2, 1)) == D(2026, 2, 28)  # make-up Saturday


def test_working_days_in(cn: WorkCalendar) -> None:
    assert cn.working_days_in(D(2026, 2, 13), D(2026, 2, 24)) == [
        D(2026, 2, 13),
        D(2026, 2, 14),
        D(2026, 2, 24),
    ]
    assert cn.working_days_in(D(2026, 2, 15), D(2026, 2, 15)) == []
    assert cn.working_days_in(D(2026, 3, 9), D(2026, 3, 6)) == []
    assert cn.working_days_in(D(2025, 12, 31), D(2026, 1, 5)) == [
        D(2025, 12, 31),
        D(2026, 1, 4),
        D(2026, 1, 5),
    ]


# --------------------------------------------------------------------- overrides / official data


def test_overrides_beat_library_both_ways() -> None:
    plain = WorkCalendar()
    assert not plain.is_working_day(D(2027, 2, 9))  # library's guessed "observed" day
    assert plain.is_working_day(D(2027, 2, 11))
    cal = WorkCalendar(
        overrides={
            D(2027, 2, 9): (True, None),
            D(2027, 2, 11): (False, "春节"),
            D(2027, 2, 20): (True, "春节调休上班"),
            D(2026, 3, 9): (False, None),
        }
    )
    assert cal.is_working_day(D(2027, 2, 9)) and cal.holiday_name(D(2027, 2, 9)) is None
    assert not cal.is_working_day(D(2027, 2, 11))
    assert cal.holiday_name(D(2027, 2, 11)) == "春节"
    assert cal.is_working_day(D(2027, 2, 20))  # Saturday
    assert not cal.is_working_day(D(2026, 3, 9)) and cal.holiday_name(D(2026, 3, 9)) is None
    # Feb 8 and 10 stay off (library), 9 is worked, 11 is off (override), 12 is worked.
    assert cal.working_days_in(D(2027, 2, 8), D(2027, 2, 12)) == [D(2027, 2, 9), D(2027, 2, 12)]
    assert cal.working_days_between(D(2027, 2, 7), D(2027, 2, 12)) == 2
    assert cal.next_working_day(D(2027, 2, 9)) == D(2027, 2, 12)


def test_has_official_data() -> None:
    cal = WorkCalendar()
    assert cal.has_official_data(2026)
    assert cal.has_official_data(2001)
    assert not cal.has_official_data(2027)
    assert not cal.has_official_data(1990)
    # one correction is not the year's calendar (tests/test_imports.py: what covers a year)
    assert not WorkCalendar(overrides={D(2027, 10, 8): (False, "国庆节")}).has_official_data(2027)


def test_unofficial_year_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    cal = WorkCalendar()
    with caplog.at_level(logging.WARNING, logger="aebot.calendar"):
        cal.is_working_day(D(2026, 5, 6))
        assert _warnings(caplog) == []
        for i in range(40):
            cal.is_working_day(D(2027, 1, 1) + timedelta(i))
        cal.working_days_between(D(2027, 1, 1), D(2027, 6, 1))
    msgs = _warnings(caplog)
    assert len(msgs) == 1 and "2027" in msgs[0]
    assert not cal.is_working_day(D(2027, 10, 1))  # fixed holidays are still computed


# --------------------------------------------------------------------- failure paths


def test_unknown_country() -> None:
    with pytest.raises(ValueError, match=r"^unknown country code 'XX'$"):
        WorkCalendar("XX")
    with pytest.raises(ValueError, match="unknown country code"):
        WorkCalendar("China")


def test_library_failure_falls_back_to_weekends(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    cal = WorkCalendar()

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no data")

    monkeypatch.setattr(workdays.holidays, "country_holidays", boom)
    with caplog.at_level(logging.WARNING, logger="aebot.calendar"):
        assert not cal.is_working_day(D(2026, 2, 14))  # make-up Saturday unknown: weekend
        assert cal.is_working_day(D(2026, 2, 17))  # Spring Festival unknown: weekday
        assert cal.holiday_name(D(2026, 2, 17)) is None
        assert cal.working_days_between(D(2026, 2, 13), D(2026, 2, 16)) == 1
        cal.next_working_day(D(2026, 6, 5))
    msgs = _warnings(caplog)
    assert len(msgs) == 1 and "2026" in msgs[0] and "weekends only" in msgs[0]


def test_year_outside_library_range(caplog: pytest.LogCaptureFixture) -> None:
    cal = WorkCalendar()
    with caplog.at_level(logging.WARNING, logger="aebot.calendar"):
        assert cal.is_working_day(D(1949, 10, 3))  # Monday, before the PRC calendar exists
        assert not cal.is_working_day(D(1949, 10, 1))  # Saturday
        cal.is_working_day(D(1949, 12, 30))
    msgs = _warnings(caplog)
    assert len(msgs) == 1 and "1949" in msgs[0]


def test_year_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    cal = WorkCalendar()
    calls: list[object] = []
    real = holidays.country_holidays

    def counting(*args: object, **kwargs: object) -> holidays.HolidayBase:
        calls.append(kwargs.get("years"))
        return real(*args, **kwargs)

    monkeypatch.setattr(workdays.holidays, "country_holidays", counting)
    for i in range(365):
        d = D(2026, 1, 1) + timedelta(i)
        cal.is_working_day(d)
        cal.working_days_between(D(2026, 1, 1), d)
        cal.holiday_name(d)
    assert len(calls) == 1


def test_concurrent_readers() -> None:
    cal = WorkCalendar()
    starts = [D(2026, 1, 1) + timedelta(i * 7) for i in range(52)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda s: cal.working_days_between(s, D(2026, 12, 31)), starts))
    assert results == [cal.working_days_between(s, D(2026, 12, 31)) for s in starts]


# --------------------------------------------------------------------- other countries


def test_us_calendar() -> None:
    us = WorkCalendar("US")
    assert not us.is_working_day(D(2025, 7, 4))  # Friday
    assert us.holiday_name(D(2025, 7, 4)) == "Independence Day"
    assert not us.is_working_day(D(2026, 7, 3))  # observed Friday for Saturday July 4
    assert not us.is_working_day(D(2026, 7, 4))
    assert us.next_working_day(D(2025, 7, 3)) == D(2025, 7, 7)
    assert us.is_working_day(D(2026, 2, 14)) is False  # no 调休 outside China
    assert us.has_official_data(2027)
