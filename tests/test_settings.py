"""Team settings: `/aebot settings`, `aebot settings`, and the timetable running at each team's times."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import select

from bot.cli import main
from scheduler.timetable import TASKS, run_task, tick
from storage import queries
from storage.models import Job, TaskRun, TeamSetting
from storage.team_settings import store
from tests.conftest import ADMIN, SH, TEAM, World
from tests.test_jobs import file_job


def stored(w: World) -> dict[str, str]:
    with w.bot.db.read() as s:
        return {r.key: r.value for r in s.exec(select(TeamSetting))}


def text(w: World, command: str, user: str = ADMIN) -> str:
    return w.slack.command("/aebot", command, user=user).json()["text"]


def test_settings_list_each_with_its_value_default_and_meaning(world: World) -> None:
    r = world.slack.command("/aebot", "settings", user="U0AE1").json()
    shown = str(r["blocks"])
    assert "本工作区的设置" in r["text"]
    assert "`contact_nudge_at` = `09:30`（默认）" in shown and "早上提醒" in shown
    en = str(world.slack.command("/aebot", "settings", user="U0AE2").json()["blocks"])
    assert "`contact_sweep_at` = `17:30` (default)" in en and "hourly jobs" in en


def test_only_admins_change_settings(world: World) -> None:
    assert "只有管理员" in text(world, "settings set contact_nudge_at 10:00", "U0AE1")
    assert "Only an admin" in text(world, "settings unset contact_nudge_at", "U0AE2")
    assert stored(world) == {}


@pytest.mark.parametrize(
    ("command", "zh", "en"),
    [
        ("settings set contact_nudge_at 25:00", "写成 时:分", "written HH:MM"),
        ("settings set hourly_window 19:00-09:00", "开始-结束", "START-END"),
        ("settings set contact_escalate_after many", "0 到 60", "from 0 to 60"),
        ("settings set contact_escalate_after 61", "0 到 60", "from 0 to 60"),
        ("settings set bedtime 22:00", "没有名为“bedtime”的设置", "no setting called “bedtime”"),
        ("settings set contact_nudge_at", "管理员可以修改", "Admins change one"),
    ],
)
def test_bad_values_are_refused_in_both_languages_and_nothing_stored(
    world: World, command: str, zh: str, en: str
) -> None:
    assert zh in text(world, command)  # the admin is not on the team: the workspace's Chinese
    with world.bot.db.write() as s:  # now an English-reading member too
        queries.upsert_member(s, TEAM, ADMIN, world.clock.now(), name="Admin", language="en")
    assert en in text(world, command)
    assert stored(world) == {}


def test_set_is_normalised_unset_goes_back_to_the_default(world: World) -> None:
    assert "`contact_nudge_at` = `09:05`" in text(world, "settings set contact_nudge_at 9:05")
    assert "`hourly_window` = `08:00-20:00`" in text(
        world, "settings set hourly_window 8:00 - 20:00"
    )
    assert stored(world) == {"contact_nudge_at": "09:05", "hourly_window": "08:00-20:00"}
    shown = str(world.slack.command("/aebot", "settings", user="U0AE2").json()["blocks"])
    assert "`contact_nudge_at` = `09:05` (default `09:30`)" in shown
    assert "恢复默认值 `09:30`" in text(world, "settings unset contact_nudge_at")
    assert "仍是默认值 `09:30`" in text(world, "settings unset contact_nudge_at")
    assert stored(world) == {"hourly_window": "08:00-20:00"}


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=SH)  # a Monday


def ran(w: World) -> set[tuple[str, str]]:
    with w.bot.db.read() as s:
        return {(r.job, r.period) for r in s.exec(select(TaskRun))}


def test_the_timetable_runs_each_job_at_the_teams_own_time(world: World) -> None:
    text(world, "settings set monday_agenda_at 12:00")  # the Monday tasks are not this test's
    text(world, "settings set action_items_at 12:00")  # nor the overdue action items
    text(world, "settings set month_end_at 12:00")  # nor the holiday notices
    text(world, "settings set day_digest_at 12:00")  # nor the managers' digest
    text(world, "settings set contact_nudge_at 10:00")
    text(world, "settings set hourly_window 11:00-12:00")
    # the default 09:30 is not this team's nudge time; job-deadlines' 09:00 has come
    assert [name for name, _ in tick(world.tasks, at(9, 30))] == ["job-deadlines"]
    assert [name for name, _ in tick(world.tasks, at(10, 0))] == ["contact-nudge"]
    assert {c.args["channel"] for c in world.fake.calls_to("chat.postMessage")} == {
        "U0AE1",
        "U0AE2",
    }
    assert tick(world.tasks, at(10, 1)) == []  # ran for today: nothing again
    assert [name for name, _ in tick(world.tasks, at(11, 0))] == [
        "contact-report-due",
        "approval-reminders",
        "visit-log-offers",
        "meeting-reconfirm",
        "meeting-reports",
        "job-accept-reminders",
        "job-internal-reminders",
        "job-overdue-notices",
    ]
    assert ran(world) == {
        ("contact-nudge", "2026-11-23"),
        ("job-deadlines", "2026-11-23"),
        ("contact-report-due", "2026-11-23T11"),
        ("approval-reminders", "2026-11-23T11"),
        ("visit-log-offers", "2026-11-23T11"),
        ("meeting-reconfirm", "2026-11-23T11:00"),
        ("meeting-reports", "2026-11-23T11:00"),
        ("job-accept-reminders", "2026-11-23T11:00"),
        ("job-internal-reminders", "2026-11-23T11:00"),
        ("job-overdue-notices", "2026-11-23T11:00"),
    }
    assert len(world.fake.calls_to("chat.postMessage")) == 2


def test_a_time_moved_earlier_today_runs_at_the_next_tick_once(world: World) -> None:
    text(world, "settings set monday_agenda_at 12:00")  # the Monday tasks are not this test's
    assert [name for name, _ in tick(world.tasks, at(9, 15))] == [
        "contact-report-due",
        "approval-reminders",
        "visit-log-offers",
        "meeting-reconfirm",
        "meeting-reports",
        "job-deadlines",
        "job-accept-reminders",
        "job-internal-reminders",
        "job-overdue-notices",
        "day-digest",
    ]
    text(world, "settings set contact_nudge_at 09:00")
    assert [(n, o.status) for n, o in tick(world.tasks, at(9, 16))] == [("contact-nudge", "sent")]
    text(world, "settings set contact_nudge_at 09:20")
    assert tick(world.tasks, at(9, 21)) == []  # the period (today) has its run


def test_no_tick_runs_anything_on_a_day_off(world: World) -> None:
    saturday = datetime(2026, 11, 28, 17, 30, tzinfo=SH)
    assert tick(world.tasks, saturday) == []
    assert world.fake.calls_to("chat.postMessage") == []


def test_cli_settings_list_set_unset(cli_env: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["settings", "set", "contact_sweep_at", "18:0", "--team", TEAM])
    assert r.exit_code == 1 and "is a time of day, written HH:MM" in r.output
    r = runner.invoke(
        main, ["settings", "set", "contact_sweep_at", "18:05", "--team", TEAM, "--new"]
    )
    assert r.exit_code == 0 and r.output.strip() == "contact_sweep_at is now 18:05"
    out = runner.invoke(main, ["settings", "list", "--team", TEAM]).output
    assert "contact_sweep_at         18:05" in out and "(default 17:30)" in out
    assert "contact_nudge_at         09:30" in out
    r = runner.invoke(main, ["settings", "unset", "contact_sweep_at", "--team", TEAM])
    assert r.output.strip() == "contact_sweep_at is back to its default 17:30"
    r = runner.invoke(main, ["settings", "unset", "nope", "--team", TEAM])
    assert r.exit_code == 1 and "no setting called “nope”" in r.output


def test_cli_jobs_list_shows_the_default_times(cli_env: Path) -> None:
    out = CliRunner().invoke(main, ["jobs", "list"]).output
    assert "contact-nudge          working days 09:30" in out
    assert "contact-report-due     hourly 09:00-19:00, working days" in out


# --- the working day must end after it starts ------------------------------------------------
def test_end_of_day_at_or_before_start_of_day_is_refused(world: World) -> None:
    assert "工作日要先开始后结束" in text(world, "settings set end_of_day 09:00")
    assert "`end_of_day` 是 08:00" in text(world, "settings set end_of_day 08:00")
    assert stored(world) == {}
    assert "已设置" in text(world, "settings set start_of_day 10:00")
    assert "`start_of_day` 是 10:00" in text(world, "settings set end_of_day 9:00")
    assert "工作日要先开始后结束" not in text(world, "settings set end_of_day 10:30")
    # back to 18:00 would be fine; start_of_day back to 09:00 too
    assert "恢复默认" in text(world, "settings unset end_of_day")
    assert stored(world) == {"start_of_day": "10:00"}
    text(world, "settings set end_of_day 11:00")
    assert "工作日要先开始后结束" in text(world, "settings set start_of_day 12:00")
    assert stored(world) == {"start_of_day": "10:00", "end_of_day": "11:00"}


def test_cli_end_of_day_before_start_of_day_is_refused(cli_env: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["settings", "set", "start_of_day", "10:00", "--team", TEAM, "--new"])
    r = runner.invoke(main, ["settings", "set", "end_of_day", "10:00", "--team", TEAM])
    assert r.exit_code == 1 and "A working day must end after it starts" in r.output
    assert "`start_of_day` 10:00 and `end_of_day` 10:00" in r.output
    r = runner.invoke(main, ["settings", "set", "start_of_day", "18:30", "--team", TEAM])
    assert r.exit_code == 1 and "`end_of_day` 18:00" in r.output


def test_a_backwards_day_stored_by_an_older_release_falls_back_to_the_defaults(
    world: World,
) -> None:
    """What an older release accepted: jobs are still filed and reminders still run."""
    with world.bot.db.write() as s:
        store(s, TEAM, "start_of_day", "18:00", ADMIN, world.clock.now())
        store(s, TEAM, "end_of_day", "09:00", ADMIN, world.clock.now())
    values = world.bot.team_settings.of(TEAM)
    assert (f"{values.start_of_day:%H:%M}", f"{values.end_of_day:%H:%M}") == ("09:00", "18:00")
    assert file_job(world) == {}  # accepted, no "something went wrong"
    with world.bot.db.read() as s:
        [job] = s.exec(select(Job)).all()
    assert job.internal_deadline.astimezone(SH).time() <= values.end_of_day
    [o] = run_task(TASKS["approval-reminders"], datetime(2026, 11, 24, 15, tzinfo=SH), world.tasks)
    assert o.status != "failed", o


# --- a channel given by its name --------------------------------------------------------------
def test_a_channel_given_by_its_name_is_looked_up_in_slack(world: World) -> None:
    world.fake.channels["C0CREATIVE"] = {"name": "creative-jobs"}
    world.fake.channels["C0SECRET"] = {"name": "board", "is_private": True}
    r = world.slack.command("/aebot", "settings set team_channel #general", user=ADMIN)
    assert r.status_code == 200 and r.text == ""  # Slack is asked after the ack
    [said] = world.slack.wait_for("response_url")
    assert said.args["text"] == "已设置：`team_channel` = `C0GENERAL`。"
    [listed] = world.fake.calls_to("conversations.list")
    assert listed.args["types"] == "public_channel"
    world.slack.command("/aebot", "settings set job_channel_creative Creative-Jobs", user=ADMIN)
    world.slack.wait_for("response_url", 2)
    world.slack.command("/aebot", "settings set report_channel #board", user=ADMIN)
    answers = [c.args["text"] for c in world.slack.wait_for("response_url", 3)]
    assert answers[1] == "已设置：`job_channel_creative` = `C0CREATIVE`。"
    assert answers[2].startswith(
        "没有找到名为 #board 的公开频道，没有做任何改动。私有频道请写它的 ID"
    )
    assert stored(world) == {"team_channel": "C0GENERAL", "job_channel_creative": "C0CREATIVE"}
    del world.fake.channels["C0CREATIVE"], world.fake.channels["C0SECRET"]


def test_without_channels_read_the_lookup_says_so_and_nothing_changes(world: World) -> None:
    granted = world.fake.scopes
    assert granted is not None and "channels:read" in granted  # manifest.yml asks for it
    world.fake.scopes = [x for x in granted if x != "channels:read"]
    try:
        world.slack.command("/aebot", "settings set team_channel #general", user=ADMIN)
        [said] = world.slack.wait_for("response_url")
    finally:
        world.fake.scopes = granted
    assert said.args["text"] == (
        "Slack 没有给出频道列表（missing_scope），找不到 #general，没有做任何改动。请写频道 ID，例如 `C0123ABCD`。"
    )
    assert stored(world) == {}


def test_cli_a_channel_given_by_its_name_is_looked_up(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", world.bot.settings.database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", world.fake.token)
    monkeypatch.setenv("SLACK_API_URL", world.fake.url)
    runner = CliRunner()
    r = runner.invoke(main, ["settings", "set", "team_channel", "#general"])
    assert r.exit_code == 0 and r.output.strip() == "team_channel is now C0GENERAL"
    r = runner.invoke(main, ["settings", "set", "report_channel", "#nowhere"])
    assert r.exit_code == 1 and "There is no public channel called #nowhere" in r.output
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-revoked")
    r = runner.invoke(main, ["settings", "set", "report_channel", "#general"])
    assert r.exit_code == 1 and "Slack did not list the channels (invalid_auth)" in r.output
    assert stored(world) == {"team_channel": "C0GENERAL"}
