"""Operators' commands under bad input: the team and client imports (bad rows skipped with their
line and reason, files from Excel on Chinese Windows, 20,000 clients in one bulk transaction),
what "covered" means for `aebot calendar check`, and why Slack could not be reached."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.error import URLError

import pytest
from click.testing import CliRunner
from sqlalchemy import event
from sqlmodel import select

from bot.cli import main
from bot.cli.data import progress_bar
from bot.cli.workspaces import unreachable_reason
from bot.rules.calendar import HolidayPeriod, holiday_periods, unconfirmed, uncovered_years
from bot.rules.imports import (
    ClientRow,
    MemberRow,
    Skipped,
    check_clients,
    check_team,
    reporting_cycles,
)
from bot.rules.workdays import WorkCalendar
from storage import queries
from storage.db import Database
from storage.imports import CLIENT_HEADER, TEAM_HEADER, import_clients, import_team, read_csv
from storage.models import Client, Member
from tests.conftest import SH, TEAM

NOV = datetime(2026, 11, 23, 10, tzinfo=SH)
DEC = datetime(2026, 12, 1, 9, tzinfo=SH)


def team_row(uid: str, manager: str = "", name: str | None = None, role: str = "ae") -> dict:
    return {
        "user_id": uid,
        "name": f"name of {uid}" if name is None else name,
        "role": role,
        "manager_id": manager,
        "language": "",
    }


def client_row(name: str, owner: str = "U0AE1", city: str = "上海", **more: str) -> dict:
    return {
        "name": name,
        "city": city,
        "in_city": "true",
        "owner_id": owner,
        "contact_person": "王经理",
        "cadence_days": "",
    } | more


def lines(rows: list[dict]) -> list[tuple[int, dict]]:
    return list(enumerate(rows, start=2))


# --- the rules of a team file ----------------------------------------------------------------
def test_team_rows_each_skipped_with_line_and_reason() -> None:
    rows = [
        team_row("U0AD1", role="ad"),
        team_row("U0AM1", "U0AD1", role="am"),
        team_row("U0AE1", "U0AM1", name=""),  # no name: not the id in its place
        team_row("U0AE2", "U0AE2"),  # their own manager
        team_row("U0AE3", "U0NOBODY"),
        team_row("U0AM1", "U0AD1", name="again"),  # a second row for U0AM1
        team_row("U0AE4", "U0AE5"),  # manager further down the file: known
        team_row("U0AE5", "U0AM1"),
        {**team_row("U0AE6", "U0AM1"), "role": "boss", "language": "fr"},
        {**team_row("U0AE7", "U0AM1"), "language": "fr"},
        team_row("not-an-id"),
        team_row("U0AE8", "U0AE1"),  # reports to the row skipped for its missing name
    ]
    good, skipped = check_team(lines(rows), {})
    assert [m.user_id for m in good] == ["U0AD1", "U0AM1", "U0AE4", "U0AE5"]
    assert good[1] == MemberRow(3, "U0AM1", "name of U0AM1", "am", "U0AD1", None)
    assert [str(s) for s in skipped] == [
        "line 4: name is empty for U0AE1",
        "line 5: manager_id U0AE2 is the member's own id",
        "line 6: manager_id 'U0NOBODY' is neither on the team nor in this file",
        "line 7: user_id U0AM1 is already on line 3",
        "line 10: role 'boss' is not one of aae, ae, am, ad, ped, gm, cs, fin, dh, staff",
        "line 11: language 'fr' must be zh, en or empty",
        "line 12: user_id 'not-an-id' is not a Slack user id (like U0123ABCD)",
        "line 13: manager_id U0AE1 is on line 4, which is skipped",
    ]


def test_a_department_goes_with_the_roles_dh_and_staff_and_old_files_have_none() -> None:
    rows = [
        {**team_row("U0CDH", role="dh"), "department": "创意部"},  # the Chinese name
        {**team_row("U0CW1", "U0CDH", role="staff"), "department": "CR"},  # the prefix
        {**team_row("U0CW2", "U0CDH", role="staff"), "department": ""},
        {**team_row("U0AE1", role="ae"), "department": "design"},
        {**team_row("U0DW1", role="staff"), "department": "sales"},
        team_row("U0AE2", role="ae"),  # a file without the column: no department
    ]
    good, skipped = check_team(lines(rows), {})
    assert [(m.user_id, m.role, m.department) for m in good] == [
        ("U0CDH", "dh", "creative"),
        ("U0CW1", "staff", "creative"),
        ("U0AE2", "ae", None),
    ]
    assert [str(x) for x in skipped] == [
        "line 4: role staff needs a department "
        "(creative, design, production, media, planning, other)",
        "line 5: department is for roles dh and staff, not ae",
        "line 6: department 'sales' is not one of "
        "creative, design, production, media, planning, other",
    ]


def test_a_manager_in_the_database_is_known_and_a_cycle_is_refused() -> None:
    stored = {"U0AD1": None, "U0AM1": "U0AD1", "U0AE9": "U0AM1"}
    rows = [
        team_row("U0AE1", "U0AM1"),  # manager stored: fine
        team_row("U0AE2", "U0AE3"),  # U0AE2 → U0AE3 → U0AE2
        team_row("U0AE3", "U0AE2"),
        team_row("U0AD1", "U0AE9"),  # with the stored rows: U0AD1 → U0AE9 → U0AM1 → U0AD1
        team_row("U0AE4", "U0AE3"),  # reported to a row skipped for the cycle
    ]
    good, skipped = check_team(lines(rows), stored)
    assert [m.user_id for m in good] == ["U0AE1"]
    assert skipped == [
        Skipped(3, "reporting cycle U0AE2 → U0AE3 → U0AE2"),
        Skipped(4, "reporting cycle U0AE3 → U0AE2 → U0AE3"),
        Skipped(5, "reporting cycle U0AD1 → U0AE9 → U0AM1 → U0AD1"),
        Skipped(6, "manager_id U0AE3 is on line 4, which is skipped"),
    ]


def test_skipping_a_cycle_can_reveal_another() -> None:
    # Stored: X reports to Y. The file moves X under Z and Z under X (a cycle: both skipped),
    # and Y under X: fine with the file's X, a cycle with the stored X that remains.
    stored = {"U0X": "U0Y", "U0Y": None}
    rows = [team_row("U0X", "U0Z"), team_row("U0Z", "U0X"), team_row("U0Y", "U0X")]
    good, skipped = check_team(lines(rows), stored)
    assert good == []
    assert [str(s) for s in skipped] == [
        "line 2: reporting cycle U0X → U0Z → U0X",
        "line 3: reporting cycle U0Z → U0X → U0Z",
        "line 4: reporting cycle U0Y → U0X → U0Y",
    ]


def test_reporting_cycles_are_found_in_one_pass() -> None:
    chain = {f"U{i}": f"U{i + 1}" for i in range(20_000)} | {"U20000": None}
    assert reporting_cycles(chain) == {}
    assert reporting_cycles({"UA": "UB", "UB": "UC", "UC": "UB", "UD": None}) == {
        "UB": "UB → UC → UB",
        "UC": "UC → UB → UC",
    }


# --- the rules of a client file --------------------------------------------------------------
def test_client_rows_each_skipped_with_line_and_reason() -> None:
    rows = [
        client_row("Nike", city="Beijing", in_city="false"),
        client_row("ＮＩＫＥ"),  # the same name in full width and capitals
        client_row("可口可乐", cadence_days="5"),
        client_row("百事", owner="U0GONE"),
        client_row("", city=""),
        client_row("Adidas", in_city="maybe"),
        client_row("Puma", cadence_days="61"),
        client_row("长" * 101),
        client_row("Asics", contact_person="x" * 101),
        client_row("nike  ", city="Beijing"),  # also a repeat of line 2
    ]
    good, skipped = check_clients(lines(rows), {"U0AE1"})
    assert good == [
        ClientRow(2, "Nike", "Beijing", False, "U0AE1", "王经理", 3),
        ClientRow(4, "可口可乐", "上海", True, "U0AE1", "王经理", 5),
    ]
    assert [str(s) for s in skipped] == [
        "line 3: name 'ＮＩＫＥ' is already on line 2",
        "line 5: owner_id 'U0GONE' is not on the team (import the team first)",
        "line 6: name and city are required",
        "line 7: in_city 'maybe' must be true or false",
        "line 8: cadence_days '61' must be a whole number 1-60",
        "line 9: name is longer than 100 characters",
        "line 10: contact_person is longer than 100 characters",
        "line 11: name 'nike' is already on line 2",
    ]


# --- reading files ---------------------------------------------------------------------------
def test_a_gbk_file_from_excel_reads_like_utf8(tmp_path: Path) -> None:
    text = "name,city,in_city,owner_id,contact_person,cadence_days\r\n张三贸易,上海,是,U0AE1,赵经理,\r\n"
    for encoding, path in (("gbk", "gbk.csv"), ("utf-8-sig", "bom.csv"), ("utf-8", "plain.csv")):
        (tmp_path / path).write_bytes(text.encode(encoding))
        table = read_csv(tmp_path / path, CLIENT_HEADER)
        assert table.rows == [
            {
                "name": "张三贸易",
                "city": "上海",
                "in_city": "是",
                "owner_id": "U0AE1",
                "contact_person": "赵经理",
                "cadence_days": "",
            }
        ]
        assert table.lines == [2]


def test_a_file_in_neither_encoding_names_its_line_and_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_bytes(
        b"name,city,in_city,owner_id,contact_person,cadence_days\nA,B,true,U1,,\nC\xff\xfe,D\n"
    )
    with pytest.raises(ValueError) as exc:
        read_csv(path, CLIENT_HEADER)
    assert str(exc.value) == (
        "clients.csv: line 3 is neither UTF-8 nor GB18030 text; in Excel use "
        'Save As "CSV UTF-8 (Comma delimited)" and import that file'
    )


def test_line_numbers_are_the_file_s_own(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text(
        "user_id,name,role,manager_id,language\n"
        'U0AD1,"Zhao\nthe director",ad,,\n'  # a quoted name over two lines: lines 2-3
        ",,,,\n"  # an empty row from Excel, line 4
        "\n"  # blank line 5
        "U0AE1,Sun,ae,U0AD1,zh\n"  # line 6
        "\n"  # blank line 7
        "U0AE2,Li,ae,U0AD1,\n",  # line 8, its language empty
        encoding="utf-8",
    )
    table = read_csv(path, TEAM_HEADER)
    assert table.lines == [2, 6, 8]
    assert [r["user_id"] for r in table.rows] == ["U0AD1", "U0AE1", "U0AE2"]
    assert table.rows[0]["name"] == "Zhao\nthe director" and table.rows[2]["language"] == ""


@pytest.mark.parametrize("separator", [",", "\t", ";"])
def test_headers_in_any_case_with_spaces_and_tab_or_semicolon_files(
    tmp_path: Path, separator: str
) -> None:
    path = tmp_path / "team.csv"
    header = ["User_ID ", " Name", "ROLE", " manager_id ", "Language"]
    rows = [["U0AD1", "Zhao, the director", "ad", "", "zh"], ["U0AE1", "Sun", "ae", "U0AD1", ""]]
    lines = [separator.join(header)] + [
        separator.join(f'"{v}"' if separator in v else v for v in r) for r in rows
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    table = read_csv(path, TEAM_HEADER)
    assert table.skipped == [] and table.lines == [2, 3]
    names = ["user_id", "name", "role", "manager_id", "language"]
    assert table.rows[0] == dict(zip(names, rows[0], strict=True))
    assert table.rows[1]["manager_id"] == "U0AD1"


def test_a_short_or_long_row_is_skipped_as_such_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text(
        "user_id,name,role,manager_id,language\n"
        "U0AD1,Zhao,ad,,zh\n"
        "U0AE1,Sun,ae\n"  # line 3: short
        "U0AE2,Li, Xiao,ae,U0AD1,en\n"  # line 4: an unquoted comma in the name
        "U0AE3,Wu,ae,U0AD1,,,\n",  # line 5: empty extra values, as Excel pads them
        encoding="utf-8",
    )
    table = read_csv(path, TEAM_HEADER)
    assert table.lines == [2, 5]
    assert [str(x) for x in table.skipped] == [
        "line 3: short row: 3 of the header's 5 columns (no manager_id,language; an empty "
        "value still needs its separator)",
        "line 4: 6 values for the header's 5 columns (a separator inside a value? put that "
        "value in quotes)",
    ]


def test_an_unclosed_quote_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text(
        'user_id,name,role,manager_id,language\nU0AD1,Zhao,ad,,zh\nU0AE1,"Sun,ae,U0AD1,\n'
        "U0AE2,Li,ae,U0AD1,en\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError) as exc:
        read_csv(path, TEAM_HEADER)
    assert str(exc.value).startswith('team.csv: line 3 opens a quote (") that is never closed')
    path.write_text('user_id,name,role,manager_id,language\nU0AD1,"Zhao"x,ad,,zh\n')
    with pytest.raises(ValueError, match="line 2 has a stray quote"):
        read_csv(path, TEAM_HEADER)


# --- the bulk load, on both databases --------------------------------------------------------
def count_statements(db: Database) -> list[str]:
    """The verbs of the SQL statements run from now on (not BEGIN, not PostgreSQL's NOTIFY)."""
    seen: list[str] = []

    def seen_one(_conn, _cursor, sql: str, *_rest) -> None:  # noqa: ANN001
        verb = sql.split()[0].upper()
        if verb != "BEGIN" and "pg_notify" not in sql:
            seen.append(verb)

    event.listen(db.engine, "before_cursor_execute", seen_one)
    return seen


def test_thousands_of_clients_load_in_a_few_statements_and_reload_only_changes(
    db_url: str,
) -> None:
    db = Database(db_url)
    with db.write() as s:
        import_team(s, TEAM, [team_row("U0AM1", role="am"), team_row("U0AE1", "U0AM1")], NOV)
        queries.insert_client(  # one added in Slack first: the import's serials follow it
            s,
            TEAM,
            name="可口可乐",
            city="上海",
            in_city=True,
            owner_id="U0AE1",
            contact_person="王经理",
            created_local=NOV,
        )
    rows = [client_row(f"客户 {i:04d}", city="北京" if i % 2 else "上海") for i in range(2500)]
    rows.append(client_row("可口可乐", city="上海 ", contact_person="王经理"))  # unchanged
    told: list[int] = []
    statements = count_statements(db)
    with db.write() as s:
        res = import_clients(s, TEAM, rows, DEC, progress=told.append)
    assert (res.created, res.updated, res.unchanged, res.errors) == (2500, 0, 1, [])
    assert sum(told) == 2501
    # the team, the clients and the year's last serial read once; 2,500 rows in three batches;
    # on SQLite the clients' cache stamp moved (storage/stamps.py), on PostgreSQL a NOTIFY
    stamp = ["INSERT"] if db.is_sqlite else []
    assert statements == ["SELECT", "SELECT", "SELECT", "INSERT", "INSERT", "INSERT", *stamp]
    with db.read() as s:
        stored = {c.name: c for c in s.exec(select(Client).where(Client.team_id == TEAM))}
    assert len(stored) == 2501
    assert stored["客户 0000"].code == "上海-202612-客户0000-002"  # as `client_code` makes it
    assert stored["客户 0001"].code == "北京-202612-客户0001-003"
    assert stored["客户 2499"].serial == 2501 and stored["可口可乐"].serial == 1
    assert stored["客户 0000"].cadence_days == 1 and stored["客户 0000"].created_at == DEC
    # again, with two rows changed: only those two are written
    rows[0] = client_row("客户 0000", in_city="false")
    rows[3] = client_row("客户\u30000003", contact_person="李总")  # an ideographic space
    later = datetime(2026, 12, 2, 9, tzinfo=SH)
    statements.clear()
    with db.write() as s:
        res = import_clients(s, TEAM, rows, later)
    assert (res.created, res.updated, res.unchanged) == (0, 2, 2499)
    assert statements == ["SELECT", "SELECT", "SELECT", "UPDATE", *stamp]
    with db.read() as s:
        again = {c.name: c for c in s.exec(select(Client).where(Client.team_id == TEAM))}
    assert len(again) == 2501
    assert (again["客户 0000"].in_city, again["客户 0000"].cadence_days) == (False, 3)
    assert again["客户 0003"].contact_person == "李总"
    assert again["客户 0000"].code == stored["客户 0000"].code  # a code never changes
    changed = sorted(n for n, c in again.items() if c.updated_at == later)
    assert changed == ["客户 0000", "客户 0003"]
    db.dispose()


def test_a_team_reimport_updates_only_who_changed(db_url: str) -> None:
    db = Database(db_url)
    rows = [team_row("U0AD1", role="ad"), team_row("U0AM1", "U0AD1", role="am")]
    with db.write() as s:
        first = import_team(s, TEAM, rows, NOV)
    rows.append(team_row("U0AE1", "U0AM1"))
    rows[1] = {**rows[1], "language": "en"}
    with db.write() as s:
        second = import_team(s, TEAM, [*rows, team_row("U0AE1", "U0AD1")], DEC)
    assert (first.created, first.updated, first.unchanged, first.errors) == (2, 0, 0, [])
    assert (second.created, second.updated, second.unchanged) == (1, 1, 1)
    assert second.errors == ["line 5: user_id U0AE1 is already on line 4"]
    with db.read() as s:
        members = {m.user_id: m for m in s.exec(select(Member).where(Member.team_id == TEAM))}
    assert sorted(members) == ["U0AD1", "U0AE1", "U0AM1"]
    assert members["U0AE1"].manager_id == "U0AM1"  # the first row, not the last
    assert (members["U0AM1"].language, members["U0AM1"].updated_at) == ("en", DEC)
    assert members["U0AD1"].updated_at == NOV
    db.dispose()


# --- the commands ----------------------------------------------------------------------------
@pytest.fixture
def cli(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """`aebot` on the test's database, no Slack (every command gets --team)."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("AEBOT_TZ", "Asia/Shanghai")
    for k in ("AEBOT_LANG", "AEBOT_COUNTRY", "SLACK_BOT_TOKEN", "SLACK_API_URL"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_team_import_lists_each_skipped_row(cli: CliRunner, db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text(
        "user_id,name,role,manager_id,language\n"
        "U0AD1,Zhao,ad,,zh\n"
        "U0AE1,,ae,U0AD1,\n"
        "U0AE2,Li,ae,U0AE2,\n"
        "U0AE3,Wu,ae,U0MISSING,\n"
        "U0AD1,Zhao again,ad,,en\n",
        encoding="utf-8",
    )
    r = cli.invoke(main, ["team", "import", str(path), "--team", TEAM, "--new"])
    assert r.exit_code == 1
    assert r.stdout == "members: 1 added, 0 updated, 0 unchanged, 4 skipped\n"
    assert r.stderr.splitlines() == [
        "  skipped line 3: name is empty for U0AE1",
        "  skipped line 4: manager_id U0AE2 is the member's own id",
        "  skipped line 5: manager_id 'U0MISSING' is neither on the team nor in this file",
        "  skipped line 6: user_id U0AD1 is already on line 2",
    ]
    db = Database(db_url)
    with db.read() as s:
        assert [(m.user_id, m.name) for m in queries.list_members(s, TEAM)] == [("U0AD1", "Zhao")]
    db.dispose()


def test_clients_import_reads_gbk_and_refuses_what_it_cannot_read(
    cli: CliRunner, db_url: str, tmp_path: Path
) -> None:
    team = tmp_path / "team.csv"
    team.write_text("user_id,name,role,manager_id,language\nU0AE1,Sun,ae,,\n", encoding="utf-8")
    assert cli.invoke(main, ["team", "import", str(team), "--team", TEAM, "--new"]).exit_code == 0
    gbk = tmp_path / "客户.csv"
    gbk.write_bytes(
        "name,city,in_city,owner_id,contact_person,cadence_days\r\n"
        "张三贸易,上海,是,U0AE1,赵经理,\r\n"
        "李四物流,苏州,否,U0AE1,钱经理,5\r\n"
        "张三贸易,上海,是,U0AE1,赵经理,\r\n".encode("gbk")
    )
    r = cli.invoke(main, ["clients", "import", str(gbk), "--team", TEAM])
    assert r.exit_code == 1
    assert r.stdout == "clients: 2 added, 0 updated, 0 unchanged, 1 skipped\n"
    assert r.stderr == "  skipped line 4: name '张三贸易' is already on line 2\n"
    db = Database(db_url)
    with db.read() as s:
        assert [
            (c.name, c.city, c.in_city, c.cadence_days) for c in queries.list_clients(s, TEAM)
        ] == [
            ("张三贸易", "上海", True, 1),
            ("李四物流", "苏州", False, 5),
        ]
    db.dispose()
    r = cli.invoke(main, ["clients", "import", str(gbk), "--team", TEAM])
    assert r.stdout == "clients: 0 added, 0 updated, 2 unchanged, 1 skipped\n"
    bad = tmp_path / "big5.csv"
    bad.write_bytes(
        b"name,city,in_city,owner_id,contact_person,cadence_days\n\xff\xfe,x,true,U0AE1,,\n"
    )
    r = cli.invoke(main, ["clients", "import", str(bad), "--team", TEAM])
    assert r.exit_code == 1
    assert r.output == (
        "Error: big5.csv: line 2 is neither UTF-8 nor GB18030 text; in Excel use "
        'Save As "CSV UTF-8 (Comma delimited)" and import that file\n'
    )


def test_the_progress_bar_is_drawn_on_a_terminal_only() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, log = Terminal(), io.StringIO()
    for out in (tty, log):
        with progress_bar(3000, "clients", out) as tell:
            tell(1000)
            tell(2000)
    assert log.getvalue() == ""
    assert "clients" in tty.getvalue() and "100%" in tty.getvalue()


# --- what "covered" means for a year's calendar ------------------------------------------------
# The 2027 holidays as the library computes them (no official data yet), and one day-off
# correction per holiday an admin enters from the announcement (dates for the test only).
ANNOUNCED_2027 = {
    date(2027, 1, 1): (False, "元旦"),
    date(2027, 2, 11): (False, "春节"),
    date(2027, 4, 5): (False, "清明节"),
    date(2027, 5, 5): (False, "劳动节"),
    date(2027, 6, 9): (False, "端午节"),
    date(2027, 9, 16): (False, "中秋节"),
    date(2027, 10, 6): (False, "国庆节"),
}


def test_the_library_s_holiday_periods() -> None:
    periods = WorkCalendar("CN").unconfirmed_holidays(2027)
    assert [str(p) for p in periods] == [
        "2027-01-01 元旦",
        "2027-02-05..02-10 农历除夕 / 春节",
        "2027-04-05 清明节",
        "2027-05-01..05-04 劳动节",
        "2027-06-09 端午节",
        "2027-09-15 中秋节",
        "2027-10-01..10-05 国庆节",
    ]
    assert holiday_periods(
        {
            date(2025, 10, 1): "National Day",
            date(2025, 10, 3): "National Day (observed)",
            date(2025, 10, 6): "Mid-Autumn Festival",
        }
    ) == [HolidayPeriod("National Day / Mid-Autumn Festival", date(2025, 10, 1), date(2025, 10, 6))]
    one = HolidayPeriod("国庆节", date(2027, 10, 1), date(2027, 10, 5))
    assert unconfirmed([one], {date(2027, 10, 8): (False, None)}) == []  # within 3 days
    assert unconfirmed([one], {date(2027, 10, 9): (False, None)}) == [one]
    assert unconfirmed([one], {date(2027, 10, 6): (True, None)}) == [one]  # a workday is no day off


def test_a_year_is_covered_once_every_holiday_is_confirmed() -> None:
    assert WorkCalendar("CN", ANNOUNCED_2027).has_official_data(2027)
    for day in ANNOUNCED_2027:
        fewer = {d: v for d, v in ANNOUNCED_2027.items() if d != day}
        assert not WorkCalendar("CN", fewer).has_official_data(2027), day
    assert uncovered_years(WorkCalendar("CN", ANNOUNCED_2027), date(2026, 11, 23)) == []
    assert WorkCalendar("CN").has_official_data(2026)  # the library has it: nothing to enter
    assert WorkCalendar("US").unconfirmed_holidays(2027) == []  # rules, no announcements


def test_calendar_check_says_what_covered_means(cli: CliRunner) -> None:
    check = ["calendar", "check", "--team", TEAM, "--today", "2026-11-23"]
    cli.invoke(main, ["calendar", "set", "2027-01-01", "holiday", "元旦", "--team", TEAM, "--new"])
    r = cli.invoke(main, check)
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.splitlines() == [
        "calendar: no official holiday data for 2027",
        "  2026: covered: the library has the government's announced calendar",
        "  2027: NOT covered: the library only guesses it (no make-up working days); public "
        "holidays with no day-off correction within 3 days:",
        "    2027-02-05..02-10 农历除夕 / 春节",
        "    2027-04-05 清明节",
        "    2027-05-01..05-04 劳动节",
        "    2027-06-09 端午节",
        "    2027-09-15 中秋节",
        "    2027-10-01..10-05 国庆节",
        "  enter each holiday's announced days off, even those the library already has "
        "(`aebot calendar set YYYY-MM-DD holiday NAME`), and the make-up working days "
        "(`... workday`); a holiday counts once a day off is entered within 3 days of it",
    ]
    for day, (_, name) in ANNOUNCED_2027.items():
        cli.invoke(main, ["calendar", "set", str(day), "holiday", str(name), "--team", TEAM])
    r = cli.invoke(main, check)
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout.splitlines() == [
        "calendar: the next 60 days are covered by official holiday data",
        "  2026: covered: the library has the government's announced calendar",
        "  2027: covered: the library only guesses it, and each of its public holidays has a "
        "day-off correction entered here (7 corrections)",
    ]


def test_the_import_benchmark_runs() -> None:
    p = subprocess.run(
        [sys.executable, "bench/bench_import.py", "--clients", "300", "--owners", "5", "--no-pg"],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=Path(__file__).parent.parent,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    summaries = [line.split(" s   ", 1)[1] for line in p.stdout.splitlines() if " s   " in line]
    assert summaries[1:] == [
        "clients: 300 added, 0 updated, 0 unchanged, 0 skipped",
        "clients: 0 added, 0 updated, 300 unchanged, 0 skipped",
        "clients: 0 added, 3 updated, 297 unchanged, 0 skipped",
    ]


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (URLError(ConnectionRefusedError(111, "Connection refused")), "connection refused"),
        (URLError(socket.gaierror(-2, "Name or service not known")), "host name not found"),
        (TimeoutError("timed out"), "no answer within 10 s"),
        (URLError(TimeoutError("timed out")), "no answer within 10 s"),
        (ConnectionResetError(104, "reset"), "connection dropped"),
        (OSError("weird\nsecond line"), "OSError: weird"),
    ],
)
def test_why_slack_could_not_be_reached_in_a_few_words(error: Exception, said: str) -> None:
    assert unreachable_reason(error) == said
