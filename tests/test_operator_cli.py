"""The operator's commands check what they are given as users' input is checked: a workspace
nobody knows, a run with nowhere to go. On both databases, through the `aebot` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from sandbox.fake_slack import FakeSlack
from tests.conftest import TEAM

TEAM_CSV = "user_id,name,role,manager_id,language\nU0AM1,钱,am,,zh\nU0AE1,孙,ae,U0AM1,\n"
CLIENTS_CSV = "name,city,in_city,owner_id,contact_person,cadence_days\n耐克,北京,false,U0AE1,,\n"


@pytest.fixture
def cli(fake: FakeSlack, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """`aebot` on the test's database, its token the fake Slack's (workspace T0AEBOT)."""
    for k in ("SLACK_APP_TOKEN", "AEBOT_LANG", "AEBOT_ADMINS", "AEBOT_COUNTRY", "PORT"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("SLACK_BOT_TOKEN", fake.token)
    monkeypatch.setenv("SLACK_API_URL", fake.url)
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("AEBOT_TZ", "Asia/Shanghai")
    monkeypatch.chdir(tmp_path)  # no stray .env
    (tmp_path / "team.csv").write_text(TEAM_CSV, encoding="utf-8")
    (tmp_path / "clients.csv").write_text(CLIENTS_CSV, encoding="utf-8")
    fake.reset()
    return CliRunner()


def test_a_team_nobody_knows_is_refused_unless_new(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = cli.invoke(main, ["team", "import", "team.csv", "--team", "TBOGUS"])
    assert r.exit_code == 1 and r.output.strip() == (
        "Error: no workspace TBOGUS here (the database knows: none yet; the bot token's is "
        "T0AEBOT): check --team, or pass --new to start a new workspace"
    )
    r = cli.invoke(main, ["team", "import", "team.csv", "--team", TEAM])  # the token's own
    assert r.exit_code == 0 and "members: 2 added" in r.output
    for command in (
        ["settings", "list"],
        ["settings", "set", "contact_nudge_at", "09:00"],
        ["settings", "unset", "contact_nudge_at"],
        ["authority", "show"],
        ["authority", "set", "commission", "am", "4"],
        ["calendar", "show", "2027"],
        ["calendar", "set", "2027-02-06", "workday"],
        ["clients", "import", "clients.csv"],
        ["team", "remove", "U0AE1"],
    ):
        r = cli.invoke(main, [*command, "--team", "TBOGUS"])
        assert r.exit_code == 1, (command, r.output)
        assert "no workspace TBOGUS here (the database knows: T0AEBOT;" in r.output, command
    r = cli.invoke(main, ["settings", "set", "contact_nudge_at", "09:00", "--team", "tbogus"])
    assert r.exit_code == 1 and "'tbogus' is not a Slack team id" in r.output
    assert "(default" not in cli.invoke(main, ["settings", "list"]).output  # nothing was set
    # a second workspace on purpose; then the database knows both
    r = cli.invoke(main, ["settings", "set", "meeting_place", "3F", "--team", "T0OTHER", "--new"])
    assert r.exit_code == 0, r.output
    monkeypatch.delenv("SLACK_BOT_TOKEN")  # no token to ask Slack with: the database alone
    r = cli.invoke(main, ["settings", "list", "--team", "T0OTHER"])
    assert r.exit_code == 0 and "3F" in r.output
    r = cli.invoke(main, ["authority", "show", "--team", "T0NONE"])
    assert "(the database knows: T0AEBOT, T0OTHER; the bot token's is unknown" in r.output


def test_monday_agenda_with_no_team_channel_and_no_admins_exits_1_and_says_so(
    cli: CliRunner, fake: FakeSlack
) -> None:
    assert cli.invoke(main, ["team", "import", "team.csv"]).exit_code == 0
    r = cli.invoke(main, ["jobs", "run", "monday-agenda", "--at", "2026-11-23T09:00"])
    assert r.exit_code == 1 and "Traceback" not in r.output  # the log has one line for it
    assert r.stdout.strip() == (
        "monday-agenda T0AEBOT: failed the agenda has nowhere to go: team_channel is not set "
        "and AEBOT_ADMINS names no one; set it with `aebot settings set team_channel #channel`"
    )
    assert fake.calls_to("chat.postMessage") == []


def test_an_import_lists_short_rows_with_the_others_in_file_order(cli: CliRunner) -> None:
    with open("team.csv", "w", encoding="utf-8") as f:
        f.write(
            "User_ID ; Name ; ROLE ; manager_id ; language\n"
            "U0AM1;钱;am;;zh\n"
            "U0AE1;孙;ae\n"
            "U0AE2;;ae;U0AM1;\n"
            "U0AE3;李;ae;U0AM1;en\n"
        )
    r = cli.invoke(main, ["team", "import", "team.csv", "--team", TEAM])
    assert r.exit_code == 1
    assert r.stdout == "members: 2 added, 0 updated, 0 unchanged, 2 skipped\n"
    assert r.stderr.splitlines() == [
        "  skipped line 3: short row: 3 of the header's 5 columns (no manager_id,language; an "
        "empty value still needs its separator)",
        "  skipped line 4: name is empty for U0AE2",
    ]
