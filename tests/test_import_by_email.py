"""Import by e-mail (issue 18): nobody knows their Slack member id, so a team file may name
people and their managers by address. aebot asks Slack (`users.lookupByEmail`, which needs the
scope `users:read.email`, as the fake Slack insists) once per address, and skips the rows whose
address Slack does not know, listing each with its line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.rules.imports import emails_to_look_up, with_slack_ids
from sandbox.fake_slack import FakeSlack
from sandbox.scopes import manifest_scopes
from storage import queries
from storage.db import Database
from tests.conftest import ROOT, TEAM

PEOPLE = {
    "U0AD1": "zhao.min@agency.cn",
    "U0AM1": "qian.lei@agency.cn",
    "U0AE1": "sun.xm@agency.cn",
    "U0AE2": "li.na@agency.cn",
}
FILE = (
    "user_id,email,name,role,manager_id,manager_email,language\n"
    ",zhao.min@agency.cn,赵敏,ad,,,zh\n"  # line 2
    ",qian.lei@agency.cn,钱磊,am,,zhao.min@agency.cn,\n"  # 3
    ",wang.gone@agency.cn,王走了,ae,,qian.lei@agency.cn,\n"  # 4: no one in Slack
    ",sun.xm@agency.cn,孙小明,ae,,boss@elsewhere.com,\n"  # 5: the manager is no one
    "U0AE2,li.na@agency.cn,Li Na,ae,,qian.lei@agency.cn,en\n"  # 6: the id wins
    ",,无名,ae,,,\n"  # 7: neither
)


@pytest.fixture
def cli(
    db_url: str, fake: FakeSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CliRunner]:
    """`aebot` on the test's database and the fake Slack, which knows the people by address."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("AEBOT_TZ", "Asia/Shanghai")
    monkeypatch.setenv("SLACK_BOT_TOKEN", fake.token)
    monkeypatch.setenv("SLACK_API_URL", fake.url)
    for k in ("AEBOT_LANG", "AEBOT_COUNTRY"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.chdir(tmp_path)
    for uid, address in PEOPLE.items():
        monkeypatch.setitem(fake.users, uid, {"email": address, "real_name": uid})
    fake.reset()
    yield CliRunner()


def members(db_url: str) -> dict[str, tuple[str, str, str | None]]:
    db = Database(db_url)
    with db.read() as s:
        found = {m.user_id: (m.name, m.role, m.manager_id) for m in queries.list_members(s, TEAM)}
    db.dispose()
    return found


def test_the_manifest_asks_for_the_scope() -> None:
    assert "users:read.email" in manifest_scopes(ROOT / "manifest.yml")


def test_people_and_managers_are_found_by_address_and_the_unknown_listed(
    cli: CliRunner, db_url: str, fake: FakeSlack, tmp_path: Path
) -> None:
    path = tmp_path / "team.csv"
    path.write_text(FILE, encoding="utf-8")
    r = cli.invoke(main, ["team", "import", str(path), "--team", TEAM])
    assert r.exit_code == 1
    assert r.stdout == "members: 3 added, 0 updated, 0 unchanged, 3 skipped\n"
    assert r.stderr.splitlines() == [
        "looking up 5 e-mail addresses in Slack",
        "  skipped line 4: email 'wang.gone@agency.cn' is no one in this Slack workspace",
        "  skipped line 5: manager_email 'boss@elsewhere.com' is no one in this Slack workspace",
        "  skipped line 7: neither user_id nor email is given",
    ]
    assert members(db_url) == {
        "U0AD1": ("赵敏", "ad", None),
        "U0AM1": ("钱磊", "am", "U0AD1"),
        "U0AE2": ("Li Na", "ae", "U0AM1"),
    }
    asked = [c.args["email"] for c in fake.calls_to("users.lookupByEmail")]
    assert sorted(asked) == sorted(  # each address once, however often it is named
        [
            "zhao.min@agency.cn",
            "qian.lei@agency.cn",
            "wang.gone@agency.cn",
            "sun.xm@agency.cn",
            "boss@elsewhere.com",
        ]
    )


def test_without_the_scope_nothing_is_imported_and_the_scope_is_named(
    cli: CliRunner, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scopes = [s for s in manifest_scopes(ROOT / "manifest.yml") if s != "users:read.email"]
    with FakeSlack(team_id=TEAM, scopes=scopes) as narrow:
        narrow.users["U0AD1"] = {"email": "zhao.min@agency.cn"}
        monkeypatch.setenv("SLACK_BOT_TOKEN", narrow.token)
        monkeypatch.setenv("SLACK_API_URL", narrow.url)
        path = tmp_path / "team.csv"
        path.write_text("email,name,role\nzhao.min@agency.cn,赵敏,ad\n", encoding="utf-8")
        r = cli.invoke(main, ["team", "import", str(path), "--team", TEAM])
        [call] = narrow.calls_to("users.lookupByEmail")
    assert (call.ok, call.error) == (False, "missing_scope")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        "Error: Slack refused users.lookupByEmail: the app lacks the scope users:read.email; "
        "add it (manifest.yml has it) and reinstall the app. Nothing was imported"
    )
    assert members(db_url) == {}


def test_addresses_need_the_bot_token_and_ids_alone_do_not(
    cli: CliRunner, db_url: str, fake: FakeSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    path = tmp_path / "team.csv"
    path.write_text("email,name,role\nzhao.min@agency.cn,赵敏,ad\n", encoding="utf-8")
    r = cli.invoke(main, ["team", "import", str(path), "--team", TEAM, "--new"])
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        "Error: the file gives e-mail addresses: looking them up in Slack needs SLACK_BOT_TOKEN"
    )
    path.write_text("user_id,name,role\nU0AD1,赵敏,ad\n", encoding="utf-8")
    r = cli.invoke(main, ["team", "import", str(path), "--team", TEAM, "--new"])
    assert (r.exit_code, r.stdout) == (0, "members: 1 added, 0 updated, 0 unchanged, 0 skipped\n")
    path.write_text("name,role\n赵敏,ad\n", encoding="utf-8")
    r = cli.invoke(main, ["team", "import", str(path), "--team", TEAM])
    assert r.stderr.splitlines()[-1] == (
        "Error: team.csv: the header needs user_id or email,name,role (missing: user_id or email)"
    )
    assert fake.calls_to("users.lookupByEmail") == []


def test_the_rows_get_their_ids_from_the_addresses() -> None:
    rows = [
        (2, {"email": "A@x.cn ", "manager_email": "b@x.cn"}),
        (3, {"user_id": "U0C", "email": "c@x.cn", "manager_email": "B@X.CN"}),
        (4, {"email": "d@x.cn"}),
    ]
    assert emails_to_look_up(rows) == ["A@x.cn", "b@x.cn", "d@x.cn"]
    found = {"a@x.cn": "U0A", "b@x.cn": "U0B", "d@x.cn": None}
    kept, skipped = with_slack_ids(rows, found)
    assert [(line, row.get("user_id"), row.get("manager_id")) for line, row in kept] == [
        (2, "U0A", "U0B"),
        (3, "U0C", "U0B"),
    ]
    assert [str(x) for x in skipped] == ["line 4: email 'd@x.cn' is no one in this Slack workspace"]
