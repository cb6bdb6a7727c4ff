"""The plain rules: client codes, name matching, who is due a call, undo window, report clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.rules.agenda import late_reports
from bot.rules.clients import client_code, default_cadence, match_client, split_client_and_text
from bot.rules.contacts import can_undo, due_clients, escalations, report_clock, report_stage
from bot.rules.workdays import WorkCalendar
from bot.rules.working_time import WorkingHours

SH = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar("CN")


@dataclass
class C:
    name: str
    code: str = ""
    id: int = 0
    owner_id: str = "U1"
    cadence_days: int = 1
    created_at: datetime = field(default_factory=lambda: datetime(2026, 1, 5, 9, tzinfo=SH))
    status: str = "active"
    status_since: date | None = None


def test_client_code_has_two_digit_month_and_three_digit_serial() -> None:
    assert client_code("上海", 2026, 3, "可口可乐", 7) == "上海-202603-可口可乐-007"
    assert client_code("Beijing", 2026, 11, "Nike China", 123) == "Beijing-202611-NikeChina-123"
    assert client_code("Xi-an", 2027, 1, "A-B", 1) == "Xi_an-202701-A_B-001"
    with pytest.raises(ValueError):
        client_code("上海", 2026, 13, "x", 1)


def test_default_cadence() -> None:
    assert default_cadence(True) == 1 and default_cadence(False) == 3


CLIENTS = [
    C("可口可乐", "上海-202611-可口可乐-001"),
    C("可乐娱乐", "上海-202611-可乐娱乐-002"),
    C("Nike", "Beijing-202611-Nike-003"),
    C("Nikon", "Tokyo-202611-Nikon-004"),
    C("Coca Cola", "Shanghai-202611-CocaCola-005"),
]


@pytest.mark.parametrize(
    ("query", "found", "candidates"),
    [
        ("可口可乐", "可口可乐", []),
        ("可口", "可口可乐", []),
        ("nike", "Nike", []),
        ("NIKE", "Nike", []),
        ("Beijing-202611-Nike-003", "Nike", []),
        ("beijing-202611", "Nike", []),
        ("Nik", None, ["Nike", "Nikon"]),
        ("可", None, ["可乐娱乐", "可口可乐"]),
        ("百事", None, []),
        ("", None, []),
        ("'; DROP TABLE client; --", None, []),
    ],
)
def test_match_client(query: str, found: str | None, candidates: list[str]) -> None:
    m = match_client(CLIENTS, query)
    assert (m.client.name if m.client else None) == found
    assert [c.name for c in m.candidates] == candidates


def test_exact_name_wins_over_a_longer_name_with_that_prefix() -> None:
    cs = [C("Nike", "n1"), C("Nike Golf", "n2")]
    assert match_client(cs, "nike").client.name == "Nike"


@pytest.mark.parametrize(
    ("text", "client", "rest"),
    [
        ("可口可乐 确认方案", "可口可乐", "确认方案"),
        ("可口可乐确认方案", "可口可乐", "确认方案"),
        ("coca cola  agreed Q1", "Coca Cola", "agreed Q1"),
        ("Nike", "Nike", ""),
        ("nik talked", None, "talked"),
        ("Nikes talked", None, "talked"),
    ],
)
def test_split_client_and_text(text: str, client: str | None, rest: str) -> None:
    m, summary = split_client_and_text(CLIENTS, text)
    assert (m.client.name if m.client else None) == client
    assert summary == rest


def at(d: date, hour: int = 10) -> datetime:
    return datetime(d.year, d.month, d.day, hour, tzinfo=SH)


def test_in_city_client_is_due_until_contacted_today() -> None:
    monday = date(2026, 11, 23)
    c = C("A", id=1)
    assert [
        d.client.name for d in due_clients([c], {1: at(date(2026, 11, 20))}, monday, SH, CAL)
    ] == ["A"]
    assert due_clients([c], {1: at(monday, 9)}, monday, SH, CAL) == []


def test_out_of_city_cadence_counts_working_days() -> None:
    c = C("B", id=2, cadence_days=3)
    last = {2: at(date(2026, 11, 19))}  # Thursday
    assert due_clients([c], last, date(2026, 11, 23), SH, CAL) == []  # Fri, Mon = 2 working days
    [d] = due_clients([c], last, date(2026, 11, 24), SH, CAL)  # Fri, Mon, Tue = 3
    assert (d.days_since, d.overdue) == (3, 0)


def test_cadence_skips_spring_festival() -> None:
    c = C("B", id=2, cadence_days=3)
    last = {
        2: at(date(2026, 2, 13))
    }  # Friday before the festival; Sat 14 Feb is a make-up working day
    assert (
        due_clients([c], last, date(2026, 2, 24), SH, CAL) == []
    )  # 2/14 and 2/24 = 2 working days
    [d] = due_clients([c], last, date(2026, 2, 25), SH, CAL)
    assert d.days_since == 3


def test_never_contacted_is_due_first_and_order_is_oldest_first() -> None:
    cs = [C("Recent", id=1), C("Old", id=2), C("Never", id=3, created_at=at(date(2026, 11, 16)))]
    last = {1: at(date(2026, 11, 20)), 2: at(date(2026, 11, 10))}
    due = due_clients(cs, last, date(2026, 11, 23), SH, CAL)
    assert [d.client.name for d in due] == ["Never", "Old", "Recent"]
    assert due[0].last_day is None and due[0].days_since == 5


def test_the_last_contacts_day_is_the_workspaces() -> None:
    """A call at 07:30 in Shanghai is on the day before in UTC: its day, as the nudge says it
    ("last contact Tue 17 Nov"), is Shanghai's."""
    early = at(date(2026, 11, 17), hour=7).replace(minute=30).astimezone(UTC)
    assert early.date() == date(2026, 11, 16)
    [d] = due_clients([C("A", id=1)], {1: early}, date(2026, 11, 23), SH, CAL)
    assert (d.last_day, d.days_since) == (date(2026, 11, 17), 4)


def test_cadence_per_status() -> None:
    """A paused or ended client is never due; a prospect after 5 working days (the team's
    `prospect_cadence_days`), whatever its own cadence; an end dated ahead has not begun."""
    tue = date(2026, 11, 24)
    long_ago = {n: at(date(2026, 10, 1)) for n in range(1, 6)}
    cs = [
        C("Active", id=1),
        C("Paused", id=2, status="paused", status_since=date(2026, 11, 2)),
        C("Ended", id=3, status="ended", status_since=date(2026, 11, 20)),
        C("Ends later", id=4, status="ended", status_since=date(2026, 12, 31)),
        C("Prospect", id=5, status="prospect"),
    ]
    due = due_clients(cs, long_ago, tue, SH, CAL)
    assert [d.client.name for d in due] == ["Active", "Ends later", "Prospect"]
    prospect = [C("Prospect", id=5, status="prospect")]
    last_tue = {5: at(date(2026, 11, 17))}  # Tuesday a week before: Wed…Mon is 4, Tue is 5
    assert due_clients(prospect, last_tue, date(2026, 11, 23), SH, CAL) == []
    [d] = due_clients(prospect, last_tue, tue, SH, CAL)
    assert (d.days_since, d.overdue) == (5, 0)
    assert due_clients(prospect, last_tue, tue, SH, CAL, prospect_days=6) == []


def test_escalations_beyond_the_limit() -> None:
    cs = [C("A", id=1), C("B", id=2)]
    last = {1: at(date(2026, 11, 19)), 2: at(date(2026, 11, 20))}  # Thu: 2 days → overdue 1; Fri: 0
    due = due_clients(cs, last, date(2026, 11, 24), SH, CAL)
    assert {d.client.name: d.overdue for d in due} == {"A": 2, "B": 1}
    assert [d.client.name for d in escalations(due, 1)] == ["A"]
    assert escalations(due, 2) == []


def test_report_clock_and_undo_window() -> None:
    t0 = datetime(2026, 11, 23, 10, tzinfo=SH)
    wh = WorkingHours(time(9), time(18), WorkCalendar("CN"))
    assert report_stage(t0, t0 + timedelta(hours=23, minutes=59), wh) is None
    assert report_stage(t0, t0 + timedelta(hours=24), wh) == "remind"
    assert report_stage(t0, t0 + timedelta(hours=48), wh) == "escalate"
    assert can_undo("U1", "U1", t0, t0 + timedelta(minutes=15))
    assert not can_undo("U1", "U1", t0, t0 + timedelta(minutes=15, seconds=1))
    assert not can_undo("U1", "U2", t0, t0)


def test_a_weekend_or_holiday_does_not_eat_the_report_clock() -> None:
    """Friday 10:00: the 24-hour mark is Saturday, so the AE is reminded Monday at the start of
    the day and the manager told only at Monday's end; a 48-hour mark on a day off moves to the
    next working day's end; a holiday week counts as a weekend does."""
    wh = WorkingHours(time(9), time(18), WorkCalendar("CN"))

    def at(*args: int) -> datetime:
        return datetime(*args, tzinfo=SH)

    friday = report_clock(at(2026, 11, 20, 10), wh)
    assert friday == (at(2026, 11, 23, 9), at(2026, 11, 23, 18), True)
    assert report_stage(at(2026, 11, 20, 10), at(2026, 11, 23, 8, 59), wh) is None
    assert report_stage(at(2026, 11, 20, 10), at(2026, 11, 23, 9), wh) == "remind"
    assert report_stage(at(2026, 11, 20, 10), at(2026, 11, 23, 17, 59), wh) == "remind"
    assert report_stage(at(2026, 11, 20, 10), at(2026, 11, 23, 18), wh) == "escalate"
    thursday = report_clock(at(2026, 11, 19, 10), wh)
    assert thursday == (at(2026, 11, 20, 10), at(2026, 11, 23, 18), False)
    saturday = report_clock(at(2026, 11, 21, 11), wh)  # a meeting on a day off
    assert saturday == (at(2026, 11, 23, 9), at(2026, 11, 23, 18), True)
    monday = report_clock(at(2026, 11, 23, 10), wh)
    assert monday == (at(2026, 11, 24, 10), at(2026, 11, 25, 10), False)
    national_day = report_clock(at(2026, 9, 30, 10), wh)  # 国庆: 1-7 October off
    assert national_day == (at(2026, 10, 8, 9), at(2026, 10, 8, 18), True)


def test_the_agenda_and_the_report_count_a_report_late_by_the_same_clock() -> None:
    """A meeting on Friday 20 Nov at 10:00 whose report goes out on Monday at 12:00: the
    weekend did not eat the author's time, so it was not late (its deadline is Monday's end of
    day), on the Monday agenda as in the Friday report."""
    wh = WorkingHours(time(9), time(18), WorkCalendar("CN"))
    friday = datetime(2026, 11, 20, 10, 0, tzinfo=SH)
    monday_noon = datetime(2026, 11, 23, 12, 0, tzinfo=SH)
    week = (datetime(2026, 11, 16, 0, 0, tzinfo=SH), datetime(2026, 11, 30, 0, 0, tzinfo=SH))
    rows = [("U0AE1", "耐克", friday, monday_noon), ("U0AE2", "Nike", friday, None)]
    assert late_reports(rows, *week, wh) == {"U0AE2": ["Nike"]}
    assert report_stage(friday, monday_noon, wh) != "escalate"
    assert report_stage(friday, datetime(2026, 11, 23, 18, 0, tzinfo=SH), wh) == "escalate"
