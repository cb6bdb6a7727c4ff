"""Working time, job requests and authority limits: the pure rules (CN 2026 calendar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.rules.approvals import Route
from bot.rules.authority import (
    DEFAULT_LIMITS,
    KINDS,
    RANK,
    Limit,
    LimitInput,
    covers,
    kind_of,
    read_limit,
    route,
    show_limit,
)
from bot.rules.jobs import (
    DEPARTMENTS,
    JOB_STATUSES,
    brief_problem,
    deadline_problem,
    department_of,
    due_soon,
    job_number,
    may_change_job,
    next_seq,
    parse_job_number,
)
from bot.rules.problems import Problem
from bot.rules.workdays import WorkCalendar
from bot.rules.working_time import (
    Duration,
    WorkingHours,
    add_working,
    add_working_days,
    format_duration,
    half_day_before,
    past,
    read_duration,
    working_between,
)

SH = ZoneInfo("Asia/Shanghai")
WH = WorkingHours(time(9), time(18), WorkCalendar("CN"))
H = timedelta(hours=1)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A moment of 2026 in Shanghai."""
    return datetime(2026, month, day, hour, minute, tzinfo=SH)


# --------------------------------------------------------------------- working time


def test_day_length_and_bad_hours() -> None:
    assert WH.day_length() == 9 * H
    with pytest.raises(ValueError):
        WorkingHours(time(18), time(9), WH.calendar)


def test_weekend_is_skipped() -> None:
    friday = at(11, 27, 15)
    assert friday.weekday() == 4
    assert add_working(friday, 4 * H, WH) == at(11, 30, 10)
    assert add_working_days(friday, 1, WH) == at(11, 30, 15)
    assert add_working(friday, 3 * H, WH) == at(11, 27, 18)  # the day's end is still Friday
    assert add_working(friday, 0 * H, WH) == friday


def test_result_keeps_the_zone() -> None:
    assert add_working(at(11, 27, 15), 4 * H, WH).tzinfo is SH
    assert add_working_days(at(11, 27, 15), 1, WH).tzinfo is SH


def test_outside_hours_counts_from_the_next_working_moment() -> None:
    assert add_working(at(11, 27, 7), H, WH) == at(11, 27, 10)  # before the start
    assert add_working(at(11, 26, 20), H, WH) == at(11, 27, 10)  # after the end
    assert add_working(at(11, 28, 12), H, WH) == at(11, 30, 10)  # Saturday
    assert add_working(at(11, 28, 12), -H, WH) == at(11, 27, 17)  # backwards: previous moment
    assert add_working(at(11, 27, 7), -H, WH) == at(11, 26, 17)


def test_national_day_holiday_is_skipped() -> None:
    assert add_working(at(9, 30, 17), 2 * H, WH) == at(10, 8, 10)
    assert add_working_days(at(9, 30, 11), 1, WH) == at(10, 8, 11)
    assert add_working(at(10, 8, 10), -2 * H, WH) == at(9, 30, 17)
    assert working_between(at(9, 30, 17), at(10, 8, 10), WH) == 2 * H


def test_make_up_saturday_counts_as_working() -> None:
    saturday = date(2026, 10, 10)
    assert saturday.weekday() == 5 and WH.calendar.is_working_day(saturday)
    assert add_working(at(10, 9, 17), 2 * H, WH) == at(10, 10, 10)
    assert add_working(at(10, 10, 17), 2 * H, WH) == at(10, 12, 10)  # Sunday 11th is off
    assert add_working_days(at(10, 9, 14), 1, WH) == at(10, 10, 14)


def test_negative_hours_go_back() -> None:
    assert add_working(at(11, 30, 10), -4 * H, WH) == at(11, 27, 15)
    assert add_working(at(11, 30, 9), -H, WH) == at(11, 27, 17)
    assert add_working(at(11, 27, 12), -2 * H, WH) == at(11, 27, 10)
    assert add_working(at(11, 30, 10), -H, WH) == at(11, 30, 9)


def test_many_days_at_once() -> None:
    start = at(11, 27, 15)
    assert add_working(start, 5 * WH.day_length(), WH) == at(12, 4, 15)
    assert add_working(at(12, 4, 15), -5 * WH.day_length(), WH) == start


def test_working_between() -> None:
    assert working_between(at(11, 27, 15), at(11, 30, 10), WH) == 4 * H
    assert working_between(at(11, 30, 10), at(11, 27, 15), WH) == timedelta(0)
    assert working_between(at(11, 27, 20), at(11, 29, 20), WH) == timedelta(0)
    assert working_between(at(11, 30, 0), at(12, 1, 0), WH) == 9 * H
    start = at(11, 27, 15)
    assert working_between(start, add_working(start, 13 * H, WH), WH) == 13 * H


def test_add_working_days_clamps_into_hours() -> None:
    assert add_working_days(at(11, 27, 20), 1, WH) == at(11, 30, 18)
    assert add_working_days(at(11, 27, 7), 1, WH) == at(11, 30, 9)
    assert add_working_days(at(11, 28, 12), 1, WH) == at(12, 1, 9)  # Saturday: Monday's start
    assert add_working_days(at(11, 30, 15), -1, WH) == at(11, 27, 15)
    assert add_working_days(at(11, 30, 15), 0, WH) == at(11, 30, 15)


def test_half_day_before() -> None:
    assert half_day_before(at(11, 27, 18), WH) == at(11, 27, 13, 30)
    monday = at(11, 30, 10)
    assert monday.weekday() == 0
    assert half_day_before(monday, WH) == at(11, 27, 14, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4h", Duration(hours=4)),
        ("4 h", Duration(hours=4)),
        ("4H", Duration(hours=4)),
        ("4小时", Duration(hours=4)),
        ("4 hours", Duration(hours=4)),
        ("1 hour", Duration(hours=1)),
        ("1d", Duration(days=1)),
        ("1 day", Duration(days=1)),
        ("2 days", Duration(days=2)),
        ("1天", Duration(days=1)),
        ("1个工作日", Duration(days=1)),
        ("３天", Duration(days=3)),
        ("1d4h", Duration(hours=4, days=1)),
        ("999h", Duration(hours=999)),
        ("", None),
        ("0h", None),
        ("1000h", None),
        ("4", None),
        ("h", None),
        ("4 weeks", None),
        ("4h soon", None),
        ("4h4h", None),
        ("-4h", None),
    ],
)
def test_read_duration(text: str, expected: Duration | None) -> None:
    assert read_duration(text) == expected


def test_format_duration_round_trips() -> None:
    for d in (Duration(hours=4), Duration(days=1), Duration(hours=2, days=3)):
        assert read_duration(format_duration(d)) == d
    assert format_duration(Duration(hours=4)) == "4h"
    assert format_duration(Duration(days=1)) == "1d"
    with pytest.raises(ValueError):
        Duration(hours=-1)


def test_past() -> None:
    start = at(11, 27, 15)
    assert not past(start, Duration(hours=4), at(11, 30, 9, 59), WH)
    assert past(start, Duration(hours=4), at(11, 30, 10), WH)
    assert not past(start, Duration(days=1), at(11, 30, 14), WH)
    assert past(start, Duration(days=1), at(11, 30, 15), WH)
    assert not past(start, Duration(hours=1, days=1), at(11, 30, 15), WH)
    assert past(start, Duration(hours=1, days=1), at(11, 30, 16), WH)


# --------------------------------------------------------------------- job requests


def test_departments() -> None:
    assert list(DEPARTMENTS) == ["creative", "design", "production", "media", "planning", "other"]
    assert list(DEPARTMENTS.values()) == ["CR", "DS", "PR", "MD", "PL", "OT"]
    assert department_of("creative") == "creative"
    assert department_of(" Media ") == "media"
    assert department_of("CR") == department_of("cr") == "creative"
    assert department_of("设计") == "design"
    assert department_of("制作") == "production"
    assert department_of("媒介") == "media"
    assert department_of("策划") == "planning"
    assert department_of("其他") == "other"
    assert department_of("创意") == department_of("创意部") == "creative"
    assert department_of("finance") is None
    assert department_of("") is None


def test_job_number() -> None:
    assert job_number("creative", 2026, 11, 7) == "CR-202611-07"
    assert job_number("DS", 2026, 3, 12) == "DS-202603-12"
    assert job_number("creative", 2026, 11, 100) == "CR-202611-100"
    assert job_number("media", 2026, 1, 7, revision=1) == "MD-202601-07-R1"
    assert job_number("media", 2026, 1, 7, revision=2) == "MD-202601-07-R2"
    for bad in [("creative", 2026, 13, 1), ("creative", 2026, 0, 1), ("creative", 2026, 5, 0)]:
        with pytest.raises(ValueError):
            job_number(*bad)
    with pytest.raises(ValueError):
        job_number("finance", 2026, 5, 1)


def test_parse_job_number_round_trips() -> None:
    for args in [
        ("creative", 2026, 11, 7, 0),
        ("other", 2027, 1, 100, 0),
        ("media", 2026, 2, 3, 2),
    ]:
        text = job_number(*args)
        assert parse_job_number(text) == args
        assert parse_job_number(f"  {text.lower()} ") == args
    parsed = parse_job_number("PL-202604-09-R1")
    assert parsed is not None and parsed.department == "planning" and parsed.revision == 1
    for junk in [
        "",
        "CR-2026-07",
        "XX-202611-07",
        "CR-202613-07",
        "CR-202611-00",
        "CR-202611-07-R0",
    ]:
        assert parse_job_number(junk) is None, junk


def test_next_seq_never_reuses() -> None:
    assert next_seq([]) == 1
    assert next_seq([1, 2, 3]) == 4
    assert next_seq([1, 5]) == 6  # the gap at 2..4 stays unused
    assert next_seq(iter([99])) == 100


def test_brief_problem() -> None:
    assert brief_problem("   ", 30) == Problem("job.brief_empty")
    short = "为双十一活动设计一张主视觉海报"  # 15 Chinese characters
    assert brief_problem(f"  {short}  ", 30) == Problem("job.brief_too_short", {"n": 15, "min": 30})
    assert brief_problem(short * 2, 30) is None
    assert brief_problem("x" * 29, 30) == Problem("job.brief_too_short", {"n": 29, "min": 30})


def test_deadline_problem() -> None:
    now = at(11, 27, 15)
    assert deadline_problem(now, now) == Problem("job.deadline_past", {})
    assert deadline_problem(now - H, now) == Problem("job.deadline_past", {})
    assert deadline_problem(now + H, now) is None


def test_may_change_job() -> None:
    assert "open" in JOB_STATUSES and "closed" in JOB_STATUSES
    assert may_change_job("U1", "U1", "U2", False)
    assert may_change_job("U2", "U1", "U2", False)
    assert may_change_job("U9", "U1", "U2", True)
    assert not may_change_job("U9", "U1", "U2", False)
    assert not may_change_job("U9", "U1", None, False)


@dataclass(frozen=True)
class Job:
    name: str
    internal_deadline: datetime
    status: str = "open"


def test_due_soon() -> None:
    now = at(11, 27, 15)  # Friday: one working day reaches Monday 15:00
    jobs = [
        Job("monday-late", at(11, 30, 16)),
        Job("monday", at(11, 30, 15)),
        Job("friday", at(11, 27, 17)),
        Job("late", at(11, 26, 10)),
        Job("later", at(11, 20, 10)),
        Job("closed-late", at(11, 26, 10), "closed"),
        Job("pending", at(11, 27, 16), "pending"),
        Job("now", now),
    ]
    soon, overdue = due_soon(jobs, now, WH)
    assert [j.name for j in soon] == ["now", "friday", "monday"]
    assert [j.name for j in overdue] == ["later", "late"]


# --------------------------------------------------------------------- authority limits


@dataclass(frozen=True)
class P:
    user_id: str
    role: str


AE, AM, AD, GM = P("UAE", "ae"), P("UAM", "am"), P("UAD", "ad"), P("UGM", "gm")
AE_CHAIN = [AM, AD, GM]


def test_kinds() -> None:
    assert [k.code for k in KINDS] == [
        "commission",
        "make-good-platform",
        "make-good-database",
        "discount",
        "payment-terms",
        "free-test",
    ]
    assert kind_of("佣金") == kind_of("Commission") == kind_of("客户佣金") == KINDS[0]
    assert kind_of("makegood") == kind_of("补量") == kind_of("MAKE-GOOD") == KINDS[1]
    assert kind_of("数据库补量") == kind_of("make-good-db") == KINDS[2]
    terms = kind_of("账期")
    assert terms is not None and terms.code == "payment-terms" and terms.unit == "days"
    assert kind_of("免费测试") == kind_of("free-test") == KINDS[5]
    assert kind_of("bonus") is None
    assert RANK["ae"] < RANK["am"] < RANK["ad"] < RANK["gm"]


def test_default_limits_cover_each_kind_up_to_the_gm() -> None:
    for kind in KINDS:
        gm = [lim for lim in DEFAULT_LIMITS if lim.kind == kind.code and lim.role == "gm"]
        assert gm == [Limit(kind.code, "gm", None)]
    assert not any(lim.role in ("ae", "aae") for lim in DEFAULT_LIMITS)


def test_covers() -> None:
    assert not covers(None, Decimal(1))
    assert covers(Limit("commission", "gm", None), Decimal(99))
    assert covers(Limit("commission", "am", Decimal(5)), Decimal(5))
    assert not covers(Limit("commission", "am", Decimal(5)), Decimal("5.01"))
    assert covers(Limit("commission", "ad", Decimal(10), True), Decimal("9.99"))
    assert not covers(Limit("commission", "ad", Decimal(10), True), Decimal(10))


@pytest.mark.parametrize(
    ("amount", "approver", "top"),
    [("3", "UAM", False), ("5", "UAM", False), ("7", "UAD", False), ("10", "UGM", False)]
    + [("12", "UGM", False)],
)
def test_commission_routes_up_the_chain(amount: str, approver: str, top: bool) -> None:
    assert route("commission", Decimal(amount), AE, AE_CHAIN, DEFAULT_LIMITS) == Route(
        (approver,), False, top
    )


def test_route_self_approval_top_and_empty_chain() -> None:
    assert route("commission", Decimal(3), AM, [AD, GM], DEFAULT_LIMITS) == Route((), True)
    assert route("commission", Decimal(7), AM, [AD, GM], DEFAULT_LIMITS) == Route(("UAD",))
    assert route("discount", Decimal(8), AE, AE_CHAIN, DEFAULT_LIMITS) == Route(("UAD",))
    assert route("payment-terms", Decimal(90), AE, AE_CHAIN, DEFAULT_LIMITS).signers == ("UAD",)
    assert route("payment-terms", Decimal(120), AE, AE_CHAIN, DEFAULT_LIMITS).signers == ("UGM",)
    assert route("make-good-platform", Decimal(1), AE, AE_CHAIN, DEFAULT_LIMITS).signers == ("UAM",)
    assert route("make-good-database", Decimal(2), AE, AE_CHAIN, DEFAULT_LIMITS).signers == ("UAM",)
    # No one covers it (a team without a GM): the highest in the chain decides.
    assert route("commission", Decimal(12), AE, [AM, AD], DEFAULT_LIMITS) == Route(
        ("UAD",), top_reached=True
    )
    assert route("commission", Decimal(12), AE, [], DEFAULT_LIMITS) == Route((), top_reached=True)
    assert route("commission", Decimal(12), GM, [], DEFAULT_LIMITS) == Route((), True)
    # Limits are data: an admin's table replaces the defaults.
    custom = [Limit("commission", "ae", Decimal(2))]
    assert route("commission", Decimal(2), AE, AE_CHAIN, custom).self_approved


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5", LimitInput(Decimal(5))),
        ("<=5", LimitInput(Decimal(5))),
        ("≤5%", LimitInput(Decimal(5))),
        ("<10", LimitInput(Decimal(10), strict=True)),
        ("<10%", LimitInput(Decimal(10), strict=True)),
        ("＜10％", LimitInput(Decimal(10), strict=True)),
        ("≤90d", LimitInput(Decimal(90))),
        ("90天", LimitInput(Decimal(90))),
        ("any", LimitInput(None)),
        ("unlimited", LimitInput(None)),
        ("不限", LimitInput(None)),
        ("no", LimitInput(None, denied=True)),
        ("不可", LimitInput(None, denied=True)),
        ("—", LimitInput(None, denied=True)),
        ("-", LimitInput(None, denied=True)),
        ("none", None),
        (">5", None),
        ("lots", None),
        ("", None),
    ],
)
def test_read_limit(text: str, expected: LimitInput | None) -> None:
    assert read_limit(text) == expected


def test_show_limit_round_trips() -> None:
    assert show_limit(Limit("commission", "am", Decimal(5)), "%") == "≤5%"
    assert show_limit(Limit("commission", "ad", Decimal(10), True), "%") == "<10%"
    assert show_limit(Limit("payment-terms", "ad", Decimal(90)), "days") == "≤90d"
    assert show_limit(Limit("commission", "am", Decimal("7.50")), "%") == "≤7.5%"
    assert show_limit(Limit("commission", "gm", None), "%") == "any"
    assert show_limit(None, "%") == "—"
    for lim in DEFAULT_LIMITS:
        unit = next(k.unit for k in KINDS if k.code == lim.kind)
        typed = read_limit(show_limit(lim, unit))
        assert typed == LimitInput(lim.limit, lim.strict), lim
    assert read_limit(show_limit(None, "%")) == LimitInput(None, denied=True)
