"""The rules of overtime forms: late at or after the cut-off, the later start after 23:00 on the
team calendar (a Friday defers Monday, a 调休 Saturday is a working day), hours, who signs,
the week totals of `/overtime list`, the report's tallies and the month a report reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.rules import overtime as rules
from bot.rules.overtime import Entry
from bot.rules.workdays import WorkCalendar

SH = ZoneInfo("Asia/Shanghai")
MON = date(2026, 11, 23)
CUTOFF, DEFER, START = time(17, 0), time(23, 0), time(9, 0)


def at(d: date, h: int, m: int = 0, s: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, h, m, s, tzinfo=SH)


def test_late_at_or_after_the_cut_off_of_its_day() -> None:
    assert not rules.is_late(at(MON, 16, 59), MON, CUTOFF, SH)
    assert not rules.is_late(at(MON, 16, 59, 59), MON, CUTOFF, SH)
    assert rules.is_late(at(MON, 17, 0), MON, CUTOFF, SH)  # at the cut-off: late
    assert rules.is_late(at(MON, 17, 1), MON, CUTOFF, SH)
    assert not rules.is_late(at(MON, 18), MON + timedelta(1), CUTOFF, SH)  # the day before
    assert rules.is_late(at(MON, 9), MON - timedelta(1), CUTOFF, SH)  # after the fact
    utc = at(MON, 16, 59).astimezone(ZoneInfo("UTC"))  # read in the workspace's zone
    assert not rules.is_late(utc, MON, CUTOFF, SH)


def next_start(cal: WorkCalendar, day: date) -> datetime:
    return datetime.combine(cal.next_working_day(day), START, SH)


@pytest.fixture(scope="module")
def cn() -> WorkCalendar:
    return WorkCalendar("CN")


def test_work_past_23_defers_the_next_working_morning(cn: WorkCalendar) -> None:
    # 19:00-00:30: 1 h 30 past 23:00 → Tuesday 09:00 + 1 h 30 = 10:30
    end = at(MON + timedelta(1), 0, 30)
    got = rules.deferred_start(MON, end, DEFER, 100, next_start(cn, MON))
    assert got == at(date(2026, 11, 24), 10, 30)
    # by 23:00 sharp: nothing; a minute later: a minute
    assert rules.deferred_start(MON, at(MON, 23), DEFER, 100, next_start(cn, MON)) is None
    assert rules.deferred_start(MON, at(MON, 22), DEFER, 100, next_start(cn, MON)) is None
    assert rules.deferred_start(MON, at(MON, 23, 1), DEFER, 100, next_start(cn, MON)) == at(
        date(2026, 11, 24), 9, 1
    )
    # the team's percent, rounded to the minute; 0 % is no deferral
    assert rules.deferred_start(MON, end, DEFER, 50, next_start(cn, MON)) == at(
        date(2026, 11, 24), 9, 45
    )
    assert rules.deferred_start(MON, at(MON, 23, 1), DEFER, 50, next_start(cn, MON)) is None
    assert rules.deferred_start(MON, end, DEFER, 0, next_start(cn, MON)) is None
    # a defer_after before noon is after midnight
    assert rules.deferred_start(MON, end, time(0, 0), 100, next_start(cn, MON)) == at(
        date(2026, 11, 24), 9, 30
    )


def test_a_friday_defers_monday_and_a_makeup_saturday_is_a_working_day(cn: WorkCalendar) -> None:
    fri = date(2026, 11, 27)
    got = rules.deferred_start(fri, at(date(2026, 11, 28), 0, 30), DEFER, 100, next_start(cn, fri))
    assert got == at(date(2026, 11, 30), 10, 30)  # Monday
    fri_before = date(2026, 10, 9)  # Saturday 10 Oct 2026 is worked (调休 for National Day)
    end = at(date(2026, 10, 10), 1, 0)
    got = rules.deferred_start(fri_before, end, DEFER, 100, next_start(cn, fri_before))
    assert got == at(date(2026, 10, 10), 11, 0)  # that Saturday, 2 h later


def test_hours_and_how_they_are_written() -> None:
    assert rules.hours(at(MON, 19), at(MON, 22, 30)) == 3.5
    assert rules.minutes(at(MON, 19), at(MON + timedelta(1), 0, 30)) == 330
    assert [rules.hours_text(m) for m in (210, 120, 15, 20, 0)] == ["3.5", "2", "0.25", "0.33", "0"]


def test_an_end_alone_counts_from_the_end_of_the_working_day() -> None:
    assert rules.end_only("到晚上十点") == "晚上十点"
    assert rules.end_only("until 10pm") == "10pm"
    assert rules.end_only("22:00") == "22:00"
    assert rules.end_only(" 到 ") is None
    close = time(18, 0)
    assert rules.from_close(MON, time(22), close, SH) == (at(MON, 18), at(MON, 22))
    assert rules.from_close(MON, time(1), close, SH) == (at(MON, 18), at(MON + timedelta(1), 1))
    assert rules.from_close(MON, time(10), close, SH) == (at(MON, 18), at(MON + timedelta(1), 10))
    assert rules.from_close(MON, time(17, 30), close, SH) is None  # over 16 h: not after work


@dataclass
class P:
    user_id: str
    name: str
    role: str
    manager_id: str | None = None


def test_the_project_execution_director_signs_else_the_supervisor() -> None:
    team = {
        "AD": P("AD", "Zhao", "ad"),
        "AM": P("AM", "Qian", "am", "AD"),
        "AE": P("AE", "Sun", "ae", "AM"),
    }
    assert rules.signer("AE", team).user_id == "AM"  # type: ignore[union-attr]
    team |= {"P2": P("P2", "Wu PED", "ped"), "P1": P("P1", "Ma PED", "ped")}
    assert rules.signer("AE", team).user_id == "P1"  # type: ignore[union-attr]  # by name
    assert rules.signer("P1", team).user_id == "P2"  # type: ignore[union-attr]  # never oneself
    alone = {"P1": P("P1", "Ma PED", "ped"), "X": P("X", "X", "ae")}
    assert rules.signer("P1", alone) is None
    assert rules.signer("X", {"X": P("X", "X", "ae")}) is None


def test_who_may_see_the_report() -> None:
    assert [rules.may_see_report(r, False) for r in ("aae", "ae", "am", "ad", "ped", "gm")] == [
        False, False, True, True, True, True,
    ]  # fmt: skip
    assert rules.may_see_report(None, True) and rules.may_see_report("ae", True)


def test_week_totals_are_per_iso_week_and_only_mine() -> None:
    entries = [
        Entry(date(2026, 11, 2), 180, "approved", ("A",), "job:1"),  # week 45
        Entry(date(2026, 11, 8), 60, "pending", ("A", "B"), "job:1"),  # Sunday, week 45
        Entry(date(2026, 11, 9), 90, "approved", ("A",), "client:2"),  # week 46
        Entry(date(2026, 11, 9), 600, "rejected", ("A",), "client:2"),
        Entry(date(2026, 11, 10), 120, "approved", ("B",), "client:2"),
    ]
    weeks = rules.weeks(entries, "A")
    assert [(w.week, w.monday, w.approved, w.waiting) for w in weeks] == [
        (45, date(2026, 11, 2), 180, 60),
        (46, date(2026, 11, 9), 90, 0),
    ]
    assert [(w.week, w.approved) for w in rules.weeks(entries, "B")] == [(45, 0), (46, 120)]


def test_the_report_counts_each_member_and_person_hours_per_job() -> None:
    entries = [
        Entry(date(2026, 11, 2), 180, "approved", ("A", "B"), "job:1"),
        Entry(date(2026, 11, 3), 90, "approved", ("A",), "client:2"),
        Entry(date(2026, 11, 4), 600, "pending", ("A",), "client:2"),  # not approved: left out
    ]
    rep = rules.report(entries)
    assert [(x.key, x.minutes, x.forms) for x in rep.people] == [("A", 270, 2), ("B", 180, 1)]
    assert [(x.key, x.minutes, x.forms) for x in rep.targets] == [
        ("job:1", 360, 1),
        ("client:2", 90, 1),
    ]
    assert (rep.minutes, rep.forms) == (450, 2)
    assert sum(x.minutes for x in rep.targets) == rep.minutes


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("", (2026, 11)),
        ("2026-11", (2026, 11)),
        ("2026/9", (2026, 9)),
        ("202611", (2026, 11)),
        ("2026年11月", (2026, 11)),
        ("10月", (2026, 10)),
        ("Nov 2025", (2025, 11)),
        ("october", (2026, 10)),
        ("2026-13", None),
        ("last month", None),
        ("香蕉", None),
    ],
)
def test_the_month_of_a_report(text: str, month: tuple[int, int] | None) -> None:
    assert rules.read_month(text, MON) == month


def test_month_days() -> None:
    assert rules.month_days(2026, 11) == (date(2026, 11, 1), date(2026, 11, 30))
    assert rules.month_days(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))
    assert rules.month_days(2028, 2) == (date(2028, 2, 1), date(2028, 2, 29))
