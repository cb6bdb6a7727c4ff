"""The holiday rules (bot/rules/holidays.py): the next holiday period on a calendar, with its
weekend and its make-up working days (调休), the day its notice is due, and whether an admin
confirmed its days."""

from __future__ import annotations

from datetime import date

import pytest

from bot.rules import holidays as rules
from bot.rules.workdays import WorkCalendar

# 2027's Spring Festival as an admin would enter it from the official notice (the library only
# computes 2027: days off 2/5–2/10, no make-up days): off from the eve (Fri 5 Feb) to Saturday
# 13 Feb, Sunday 31 Jan and Sunday 14 Feb worked.
SPRING_2027 = {
    date(2027, 2, 11): (False, "春节"),
    date(2027, 2, 12): (False, "春节"),
    date(2027, 1, 31): (True, None),
    date(2027, 2, 14): (True, None),
}


@pytest.fixture(scope="module")
def cn() -> WorkCalendar:
    return WorkCalendar("CN")


@pytest.fixture(scope="module")
def corrected() -> WorkCalendar:
    return WorkCalendar("CN", SPRING_2027)


def test_2026_spring_festival_with_its_make_up_saturdays(cn: WorkCalendar) -> None:
    h = rules.next_holiday(cn, date(2026, 1, 20))
    assert h is not None
    assert (h.first, h.last, h.days, h.back) == (
        date(2026, 2, 15),  # a Sunday: the weekend glued to the festival belongs to it
        date(2026, 2, 23),
        9,
        date(2026, 2, 24),
    )
    assert h.kinds == ("spring",) and h.names == ("农历除夕", "春节")  # no "休息日"
    assert h.make_up == (date(2026, 2, 14), date(2026, 2, 28))
    assert rules.notice_day(cn, h.first, 5) == date(2026, 2, 10)  # the make-up Saturday counts
    assert rules.confirmed(cn, h)


def test_make_up_days_belong_to_the_nearest_holiday(cn: WorkCalendar) -> None:
    mid_autumn = rules.next_holiday(cn, date(2026, 9, 1))
    national = rules.next_holiday(cn, date(2026, 9, 28))
    assert mid_autumn is not None and national is not None
    assert (mid_autumn.first, mid_autumn.last, mid_autumn.kinds) == (
        date(2026, 9, 25),
        date(2026, 9, 27),
        ("mid-autumn",),
    )
    assert mid_autumn.make_up == (date(2026, 9, 20),)  # 10 Oct is National Day's
    assert (national.first, national.last) == (date(2026, 10, 1), date(2026, 10, 7))
    assert national.kinds == ("national",) and national.make_up == (date(2026, 10, 10),)


def test_2027_spring_festival_from_the_corrections(
    cn: WorkCalendar, corrected: WorkCalendar
) -> None:
    guessed = rules.next_holiday(cn, date(2027, 1, 10))
    assert guessed is not None
    assert (guessed.first, guessed.last, guessed.make_up) == (
        date(2027, 2, 5),
        date(2027, 2, 10),
        (),
    )
    assert not rules.confirmed(cn, guessed)  # the library's guess: the DM says to check
    assert rules.notice_day(cn, guessed.first, 5) == date(2027, 1, 29)

    h = rules.next_holiday(corrected, date(2027, 1, 10))
    assert h is not None
    assert (h.first, h.last, h.days, h.back) == (
        date(2027, 2, 5),
        date(2027, 2, 13),
        9,
        date(2027, 2, 14),
    )
    assert h.make_up == (date(2027, 1, 31), date(2027, 2, 14))
    assert h.period == "2027-02-05" and h.kinds == ("spring",)
    assert rules.confirmed(corrected, h)
    # 4, 3, 2, 1 Feb and the make-up Sunday: five working days before
    assert rules.notice_day(corrected, h.first, 5) == date(2027, 1, 31)
    assert rules.notice_day(corrected, h.first, 1) == date(2027, 2, 4)


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2027, 1, 29), False),  # six working days before
        (date(2027, 1, 31), True),  # the make-up Sunday: five
        (date(2027, 2, 1), True),  # still due (a run finds what was decided)
        (date(2027, 2, 4), True),  # the last working day before
        (date(2027, 2, 14), False),  # after it: the next one is far
    ],
)
def test_due_from_n_working_days_before_to_the_eve(
    corrected: WorkCalendar, today: date, due: bool
) -> None:
    h = rules.due(corrected, today, 5)
    assert (h is not None and h.first == date(2027, 2, 5)) is due


def test_within_a_week_for_the_agenda(corrected: WorkCalendar) -> None:
    assert rules.within_week(corrected, date(2027, 1, 25)) is None  # 11 days ahead
    near = rules.within_week(corrected, date(2027, 2, 1))
    assert near is not None and near.first == date(2027, 2, 5)


def test_an_ordinary_weekend_is_no_holiday(cn: WorkCalendar) -> None:
    assert rules.holiday_from(cn, date(2026, 11, 28)) is None
    assert rules.holiday_from(cn, date(2026, 11, 27)) is None  # a working day
    h = rules.next_holiday(cn, date(2026, 11, 23))
    assert h is not None and h.first == date(2027, 1, 1)  # 元旦, past the weekends between


def test_an_admins_day_off_is_a_holiday_and_names_are_read_in_both_languages() -> None:
    cal = WorkCalendar("CN", {date(2026, 11, 24): (False, "公司周年")})
    h = rules.holiday_from(cal, date(2026, 11, 24))
    assert h is not None and (h.names, h.kinds) == (("公司周年",), ())
    assert rules.kinds_of(["Chinese New Year (Spring Festival)", "元旦"]) == ("spring", "new-year")
    assert rules.kinds_of(["中秋节", "国庆节（补假）", "Labor Day"]) == (
        "labour",
        "mid-autumn",
        "national",
    )
