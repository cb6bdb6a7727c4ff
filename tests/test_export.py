"""`aebot export`: the agency's records as .xlsx or CSV, people and clients by name, every
typed text a text (never a formula), between two days; on both databases."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from sqlmodel import select

from bot.cli import main
from storage.models import Client, ContactLog, OvertimeForm
from tests.conftest import SH, TEAM, World
from tests.test_jobs import file_job

HYPERLINK = '=HYPERLINK("http://evil.example","点这里")'


@pytest.fixture
def cli(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", world.bot.settings.database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", world.fake.token)
    monkeypatch.setenv("SLACK_API_URL", world.fake.url)
    monkeypatch.setenv("AEBOT_TZ", "Asia/Shanghai")
    monkeypatch.delenv("AEBOT_LANG", raising=False)
    return CliRunner()


def records(w: World) -> None:
    """A month of a small department: contacts (one undone, one in October), a job filed and
    its approval, an overtime form."""
    with w.bot.db.read() as s:
        coke = s.exec(select(Client).where(Client.name == "可口可乐")).one()
    with w.bot.db.write() as s:
        for day, summary, undone in (
            (datetime(2026, 10, 30, 15, tzinfo=SH), "十月的电话", False),
            (datetime(2026, 11, 2, 10, tzinfo=SH), "确认双十二方案", False),
            (datetime(2026, 11, 3, 11, tzinfo=SH), HYPERLINK, False),
            (datetime(2026, 11, 4, 9, tzinfo=SH), "记错了", True),
        ):
            s.add(
                ContactLog(
                    team_id=TEAM,
                    client_id=coke.id,
                    author_id="U0AE1",
                    kind="call",
                    at=day,
                    summary=summary,
                    deleted_at=day if undone else None,
                )
            )
        s.add(
            OvertimeForm(
                team_id=TEAM,
                filer_id="U0AE1",
                members='["U0AE1", "U0AE2"]',
                client_id=coke.id,
                day=date(2026, 11, 20),
                start=datetime(2026, 11, 20, 19, tzinfo=SH),
                end=datetime(2026, 11, 20, 22, 30, tzinfo=SH),
                reason="赶提案",
            )
        )
    assert file_job(w) == {}


def sheet(path: Path) -> list[list[object]]:
    ws = load_workbook(path).active
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_contacts_to_xlsx_by_name_between_two_days_and_never_a_formula(
    world: World, cli: CliRunner, tmp_path: Path
) -> None:
    records(world)
    r = cli.invoke(
        main,
        [
            "export",
            "contacts",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            "contacts.xlsx",
        ],
    )
    assert r.exit_code == 0, r.output
    assert "contacts: 2 rows → contacts.xlsx" in r.output
    book = load_workbook(tmp_path / "contacts.xlsx")
    ws = book.active
    assert ws.title == "联络记录" and ws.freeze_panes == "A2"
    header, *rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert header[:6] == ["联络时间", "客户", "客户代码", "方式", "记录人", "内容"]
    assert [row[:6] for row in rows] == [
        [
            datetime(2026, 11, 2, 10),
            "可口可乐",
            "上海-202611-可口可乐-001",
            "电话",
            "Sun AE",
            "确认双十二方案",
        ],
        [
            datetime(2026, 11, 3, 11),
            "可口可乐",
            "上海-202611-可口可乐-001",
            "电话",
            "Sun AE",
            HYPERLINK,
        ],
    ]
    assert ws["F3"].data_type == "s"  # what was typed, shown as typed
    r = cli.invoke(main, ["export", "contacts", "--lang", "en", "--out", "all.xlsx"])
    header, *rows = sheet(tmp_path / "all.xlsx")
    assert header[:5] == ["when", "client", "client code", "kind", "logged by"]
    assert [row[5] for row in rows] == ["十月的电话", "确认双十二方案", HYPERLINK]  # not undone


def test_every_export_as_csv_with_names_not_ids(world: World, cli: CliRunner) -> None:
    records(world)
    out: dict[str, list[list[str]]] = {}
    for what in ("contacts", "jobs", "clients", "approvals", "overtime"):
        r = cli.invoke(main, ["export", what, "--lang", "en"])
        assert r.exit_code == 0, r.output
        out[what] = list(csv.reader(io.StringIO(r.stdout)))
    assert out["contacts"][3][5] == "'" + HYPERLINK  # a spreadsheet shows it, never runs it
    assert out["contacts"][1][0] == "2026-10-30 15:00"
    [job] = out["jobs"][1:]
    assert job[0].startswith("CR-202611-") and job[2] == "Nike" and job[10] == "Sun AE"
    assert job[4] == "creative" and job[11] == "pending"
    assert [c[1] for c in out["clients"][1:]] == ["可口可乐", "Nike", "Coca Cola Bottling"]
    assert out["clients"][1][5] == "Sun AE" and out["clients"][2][3] == "no"
    [request] = out["approvals"][1:]
    assert request[2] == "job request" and request[7:9] == ["Sun AE", "Qian AM"]
    [form] = out["overtime"][1:]
    assert form[:3] == ["2026-11-20", "Sun AE", "Sun AE、Li AE"] and form[7] == "3.5"
    assert "U0AE1" not in str(out) and "U0AM1" not in str(out)


def test_export_refuses_what_it_cannot_read(world: World, cli: CliRunner) -> None:
    r = cli.invoke(main, ["export", "contacts", "--from", "11/01"])
    assert r.exit_code == 2 and "Invalid value for --from: '11/01' is not a day" in r.output
    r = cli.invoke(main, ["export", "contacts", "--from", "2026-11-02", "--to", "2026-11-01"])
    assert r.exit_code == 2 and "--to: must not be before --from" in r.output
    r = cli.invoke(main, ["export", "contacts", "--out", "x.pdf"])
    assert r.exit_code == 2 and "must end in .xlsx or .csv" in r.output
    r = cli.invoke(main, ["export", "invoices"])
    assert r.exit_code == 2 and "'invoices' is not one of" in r.output
