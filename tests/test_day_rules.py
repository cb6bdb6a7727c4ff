"""The AE's day's rules (bot/rules/day.py): the quick path's two parts, which working day a
summary is of, tomorrow, a manager's people, whereabouts covering a meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.rules.day import covered, day_of, people_of, read_quick, sort_out, team_of, tomorrow_of
from bot.rules.workdays import WorkCalendar
from tests.conftest import SH

CN = WorkCalendar("CN")


def test_the_quick_path_reads_both_parts_in_either_order_and_names_what_is_missing() -> None:
    got = read_quick("今天：耐克提案已发 明天：跟进排期")
    assert (got.today, got.tomorrow, got.missing) == ("耐克提案已发", "跟进排期", ())
    got = read_quick("Tomorrow: calls; today: wrote the brief")
    assert (got.today, got.tomorrow) == ("wrote the brief", "calls")
    assert read_quick("今日:开会\n明日:出差").tomorrow == "出差"
    assert read_quick("今天：写了提案").missing == ("tomorrow",)
    assert read_quick("明天：开会").missing == ("today",)
    assert read_quick("今天： 明天：开会").missing == ("today",)
    assert read_quick("开了两个会").missing == ("today", "tomorrow")


def test_a_summary_is_of_the_last_working_day_and_tomorrow_the_next() -> None:
    assert day_of(date(2026, 11, 23), CN) == date(2026, 11, 23)
    assert day_of(date(2026, 11, 28), CN) == date(2026, 11, 27)  # Saturday → Friday
    assert tomorrow_of(date(2026, 11, 27), CN) == date(2026, 11, 30)
    assert tomorrow_of(date(2026, 2, 13), CN) == date(2026, 2, 14)  # a 调休 Saturday works


@dataclass
class P:
    user_id: str
    name: str
    role: str
    manager_id: str | None
    department: str | None = None


TEAM = [
    P("AD", "ad", "ad", None),
    P("AM", "am", "am", "AD"),
    P("E1", "e1", "ae", "AM"),
    P("A1", "a1", "aae", "E1"),
    P("E2", "e2", "ae", "AD"),
]


def test_a_managers_people_are_the_aes_and_aaes_down_their_line() -> None:
    bosses = {p.user_id: p.manager_id for p in TEAM}
    roles = {p.user_id: p.role for p in TEAM}
    assert people_of("AM", bosses, roles) == ["E1", "A1"]
    assert people_of("AD", bosses, roles) == ["E1", "A1", "E2"]
    assert [p.user_id for p in team_of("E1", TEAM)] == ["A1"]
    wrote, missing, away = sort_out(team_of("AD", TEAM), {"E1": "x"}, {"E2"})
    assert (wrote, missing, away) == ([("e1", "x")], ["a1"], ["e2"])


@dataclass
class V:
    user_id: str
    start: datetime
    end: datetime


def test_whereabouts_cover_a_meeting_only_whole() -> None:
    s, e = datetime(2026, 11, 24, 14, tzinfo=SH), datetime(2026, 11, 24, 15, 30, tzinfo=SH)
    assert covered("U1", s, e, [V("U1", s.replace(hour=13), e.replace(hour=17))])
    assert not covered("U1", s, e, [V("U1", s.replace(minute=30), e)])
    assert not covered("U1", s, e, [V("U2", s, e)])
