"""Corrections to the working-day calendar: rules, the CLI, `/aebot calendar`, and the tasks obeying them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.rules.calendar import coverage, day_kind, special_days, uncovered_years
from bot.rules.workdays import WorkCalendar
from scheduler.timetable import TASKS, run_task
from storage import calendars
from tests.conftest import ADMIN, SH, TEAM, World


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("workday", True),
        ("上班", True),
        ("holiday", False),
        ("休息", False),
        ("HOLIDAY", False),
        ("maybe", None),
        ("", None),
    ],
)
def test_day_kind(word: str, kind: bool | None) -> None:
    assert day_kind(word) is kind


def test_special_days_lists_holidays_make_up_days_and_corrections() -> None:
    cal = WorkCalendar("CN")
    days = {d.day: d for d in special_days(cal, 2026, {})}
    assert days[date(2026, 2, 14)].working and days[date(2026, 2, 14)].name == "调休上班"
    assert not days[date(2026, 10, 1)].working and days[date(2026, 10, 1)].name == "国庆节"
    assert date(2026, 11, 28) not in days  # an ordinary Saturday is not special
    overrides = {date(2027, 2, 6): (True, None), date(2027, 2, 10): (False, "春节")}
    cal27 = WorkCalendar("CN", overrides)
    days27 = {d.day: d for d in special_days(cal27, 2027, overrides)}
    assert days27[date(2027, 2, 6)].source == "override" and days27[date(2027, 2, 6)].working
    assert days27[date(2027, 2, 10)].name == "春节" and not days27[date(2027, 2, 10)].working


def test_uncovered_years_and_coverage() -> None:
    cal = WorkCalendar("CN")
    assert uncovered_years(cal, date(2026, 10, 1)) == []
    assert uncovered_years(cal, date(2026, 11, 23)) == [2027]  # +60 days reaches January 2027
    assert uncovered_years(
        WorkCalendar("CN", {date(2027, 1, 1): (False, "元旦")}), date(2026, 11, 23)
    ) == [2027]  # one correction is not the year's calendar (tests/test_imports.py)
    assert (coverage(True, 0), coverage(False, 3), coverage(False, 0)) == (
        "official",
        "corrected",
        "guessed",
    )


def test_slack_calendar_set_is_admin_only_and_changes_the_tasks(world: World) -> None:
    r = world.slack.command("/aebot", "calendar set 2026-11-24 holiday 公司周年")
    assert "只有管理员" in r.json()["text"]
    r = world.slack.command("/aebot", "calendar set 2026-11-24 holiday 公司周年", user=ADMIN)
    assert "2026-11-24 周二 休息 公司周年" in r.json()["text"]
    [o] = run_task(TASKS["contact-nudge"], datetime(2026, 11, 24, 9, 30, tzinfo=SH), world.tasks)
    assert o.status == "day-off"
    world.slack.command("/aebot", "calendar set 2026-11-28 workday", user=ADMIN)
    [o] = run_task(TASKS["contact-nudge"], datetime(2026, 11, 28, 9, 30, tzinfo=SH), world.tasks)
    assert o.status == "sent"
    text = str(world.slack.command("/aebot", "calendar show 2026").json()["blocks"])
    assert "2026-11-24 周二 休息 公司周年 ✎ 修正" in text and "2026-11-28 周六 上班" in text
    r = world.slack.command("/aebot", "calendar unset 2026-11-24", user=ADMIN)
    assert "已取消" in r.json()["text"]
    [o] = run_task(TASKS["contact-nudge"], datetime(2026, 11, 24, 9, 30, tzinfo=SH), world.tasks)
    assert o.status == "sent"


def test_slack_calendar_check_and_bad_input(world: World) -> None:
    assert (
        "2027 年还没有官方节假日安排"
        in world.slack.command("/aebot", "calendar check").json()["text"]
    )
    r = world.slack.command("/aebot", "calendar check", user="U0AE2")
    assert "no official holiday calendar for 2027" in r.json()["text"]
    for bad in (
        "calendar set 2027-02-30 holiday",
        "calendar set 2027-02-10 maybe",
        "calendar show 1800",
        "calendar frobnicate",
    ):
        assert "/aebot calendar" in world.slack.command("/aebot", bad, user=ADMIN).json()["text"]
    with world.bot.db.read() as s:
        assert calendars.overrides(s, TEAM) == {}
    title = world.slack.command("/aebot", "calendar 2027", user="U0AE2").json()["text"]
    assert "no official calendar yet" in title


def test_slack_dates_reads_a_phrase_and_lists_the_conventions(world: World) -> None:
    r = world.slack.command("/aebot", "dates 明天下午3点")
    assert "“明天下午3点” 理解为 周二 11月24日 15:00。" in r.json()["text"]
    assert "下周五 = 下一周的周五" in world.slack.command("/aebot", "dates").json()["text"]
    assert (
        "Sorry, I couldn't read"
        in world.slack.command("/aebot", "dates asap", user="U0AE2").json()["text"]
    )


def test_end_of_day_setting_applies_to_a_date_alone(world: World) -> None:
    # Monday 10:00: "monday" is today while the end of the day is still ahead
    assert (
        "Mon 23 Nov" in world.slack.command("/aebot", "dates monday", user="U0AE2").json()["text"]
    )
    r = world.slack.command("/aebot", "settings set end_of_day 09:30", user=ADMIN)
    assert "`end_of_day` = `09:30`" in r.json()["text"]
    assert (
        "Mon 30 Nov" in world.slack.command("/aebot", "dates monday", user="U0AE2").json()["text"]
    )


def test_cli_calendar_set_show_unset(cli_env: Path) -> None:
    runner = CliRunner()
    new = ["--team", TEAM, "--new"]  # the first correction of a workspace with no team yet
    r = runner.invoke(main, ["calendar", "set", "2027-02-06", "workday", *new])
    assert r.exit_code == 0 and r.output.strip() == "2027-02-06 Sat is now a working day"
    r = runner.invoke(main, ["calendar", "set", "2027-02-10", "holiday", "春节", "--team", TEAM])
    assert "2027-02-10 Wed is now a day off (春节)" in r.output
    out = runner.invoke(main, ["calendar", "show", "2027", "--team", TEAM]).output
    assert "the library's guess with 2 corrections entered here" in out
    assert "2027-02-06 Sat  working" in out and "[correction]" in out
    assert (
        "government's announced calendar"
        in runner.invoke(main, ["calendar", "show", "2026", "--team", TEAM]).output
    )
    r = runner.invoke(main, ["calendar", "unset", "2027-02-10", "--team", TEAM])
    assert "follows the library again" in r.output
    r = runner.invoke(main, ["calendar", "set", "2027-02-30", "holiday", "--team", TEAM])
    assert r.exit_code == 2 and "is not a date like" in r.output


def test_cli_dates_parse(cli_env: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["dates", "parse", "下周五下午五点", "--now", "2026-11-23T10:00"])
    assert r.exit_code == 0 and r.output.strip() == "2026-12-04T17:00+08:00"
    r = runner.invoke(main, ["dates", "parse", "11月30日", "--now", "2026-11-23T10:00+08:00"])
    assert r.output.strip() == "2026-11-30T18:00+08:00  (date only)"
    r = runner.invoke(
        main, ["dates", "parse", "next friday 5pm", "--now", "2026-11-23T10:00", "--lang", "en"]
    )
    assert r.output.strip() == "2026-12-04T17:00+08:00"
    r = runner.invoke(main, ["dates", "parse", "香蕉", "--lang", "en"])
    assert r.exit_code == 1 and "couldn't read “香蕉”" in r.output


@pytest.mark.parametrize("command", ["parse", "range", "find"])
def test_cli_dates_name_the_now_option_in_its_errors(cli_env: Path, command: str) -> None:
    r = CliRunner().invoke(main, ["dates", command, "明天", "--now", "tuesday"])
    assert r.exit_code == 2 and "Invalid value for --now: 'tuesday' is not ISO-8601" in r.output
    assert "--at" not in r.output


def test_cli_dates_range(cli_env: Path) -> None:
    runner = CliRunner()
    at = ["--now", "2026-11-23T10:00"]
    r = runner.invoke(main, ["dates", "range", "晚上8点到凌晨1点", *at])
    assert r.exit_code == 0 and r.output == "2026-11-23T20:00+08:00 2026-11-24T01:00+08:00\n"
    r = runner.invoke(main, ["dates", "range", "12月1日至3日", *at])
    assert r.exit_code == 0 and r.output == "2026-12-01 2026-12-03\n"
    r = runner.invoke(
        main, ["dates", "range", "Monday to Wednesday next week", *at, "--lang", "en"]
    )
    assert r.output == "2026-11-30 2026-12-02\n"
    r = runner.invoke(main, ["dates", "range", "12月3日到12月1日", *at])
    assert r.exit_code == 1 and r.output.startswith("结束日期早于开始日期")
    r = runner.invoke(main, ["dates", "range", "6am-11pm", *at, "--lang", "en"])
    assert r.exit_code == 1 and r.output.startswith("“6am-11pm” is longer than 16 hours.")


def test_cli_dates_find(cli_env: Path) -> None:
    runner = CliRunner()
    at = ["--now", "2026-11-23T10:00"]
    r = runner.invoke(
        main, ["dates", "find", "客户要求下周五前给报价，Q1预算12万，明天下午3点再通电话", *at]
    )
    assert r.exit_code == 0
    assert r.output == "2026-12-04\t下周五\n2026-11-24T15:00+08:00\t明天下午3点\n"
    r = runner.invoke(main, ["dates", "find", "CR-202611-07 v2.3 13812345678 7% 2 posters", *at])
    assert r.exit_code == 1 and r.output == ""


def test_aebot_dates_reads_a_range_too(world: World) -> None:
    r = world.slack.command("/aebot", "dates 晚上8点到凌晨1点")
    assert r.json()["text"] == (
        "“晚上8点到凌晨1点” 理解为 周一 11月23日 20:00 到 周二 11月24日 01:00。"
    )
    r = world.slack.command("/aebot", "dates Dec 1-3", user="U0AE2")
    assert r.json()["text"] == "“Dec 1-3” reads as Tue 1 Dec to Thu 3 Dec."


def test_cli_calendar_check(cli_env: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["settings", "set", "meeting_place", "3F", "--team", TEAM, "--new"])
    r = runner.invoke(main, ["calendar", "check", "--team", TEAM, "--today", "2026-10-01"])
    assert r.exit_code == 0 and "covered by official holiday data" in r.output
    r = runner.invoke(main, ["calendar", "check", "--team", TEAM, "--today", "2026-11-23"])
    assert r.exit_code == 1 and "no official holiday data for 2027" in r.output
    runner.invoke(main, ["calendar", "set", "2027-01-01", "holiday", "元旦", "--team", TEAM])
    r = runner.invoke(main, ["calendar", "check", "--team", TEAM, "--today", "2026-11-23"])
    assert r.exit_code == 1  # one correction is not the year's calendar (tests/test_imports.py)
