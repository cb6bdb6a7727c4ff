"""The 09:30 contact nudge at department-and-beyond scale: time and SQL statements.

Run: .venv/bin/python bench/bench_nudge.py [--aes 2000] [--clients-per-ae 25] [--items-per-ae 6]

Builds a SQLite database with the AEs, their clients, a year of contacts (a
contact every ~5 working days per client) and each AE's action items (督促落实: a third due
that Monday, a third overdue, a third later; the nudge lists the first two), then runs `contact-nudge` for one
Monday through the real task with DMs going to the fake Slack on loopback. It
prints the time, the number of SQL statements and how many DMs were sent, for the
full size and for a tenth of it: the statement count must not grow with AEs or
clients (the task reads the team in a few bulk queries, and queues every DM in the outbox in
one statement), and delivering takes a few statements per batch of messages the courier claims,
never one per message.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy import event  # noqa: E402

from bot.app import Bot  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from bot.rules.workdays import WorkCalendar  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.slack.views import action_items as item_view  # noqa: E402
from sandbox.fake_slack import FakeSlack  # noqa: E402
from scheduler import contact_tasks  # noqa: E402
from scheduler.timetable import TASKS, run_task  # noqa: E402
from storage import queries  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

SH = ZoneInfo("Asia/Shanghai")
TEAM = "T0BENCH"
MONDAY_0930 = datetime(2026, 11, 23, 9, 30, tzinfo=SH)


def build(url: str, aes: int, per_ae: int, items: int = 0) -> int:
    """Fill the database; returns the number of contacts written."""
    rnd = random.Random(7)
    engine = sa.create_engine(url)
    created = datetime(2025, 11, 3, 1, 0, tzinfo=UTC).replace(tzinfo=None)
    cal = WorkCalendar("CN")
    days = cal.working_days_in(date(2025, 11, 24), date(2026, 11, 20))
    managers = max(1, aes // 3)
    with engine.begin() as c:
        c.exec_driver_sql("PRAGMA journal_mode=WAL")
        c.exec_driver_sql("PRAGMA synchronous=OFF")
        members = [
            (TEAM, f"U0M{m:05d}", f"Manager {m}", "am", None, "zh", created, created)
            for m in range(managers)
        ]
        members += [
            (TEAM, f"U0A{a:05d}", f"AE {a}", "ae", f"U0M{a % managers:05d}", "zh", created, created)
            for a in range(aes)
        ]
        c.exec_driver_sql(
            "INSERT INTO member (team_id,user_id,name,role,manager_id,language,created_at,updated_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            members,
        )
        clients = []
        for a in range(aes):
            for k in range(per_ae):
                n = a * per_ae + k + 1
                in_city = k % 5 != 0
                clients.append(
                    (
                        n,
                        TEAM,
                        f"上海-202511-C{n}-{n:03d}",
                        2025,
                        n,
                        f"C{n}",
                        "上海",
                        in_city,
                        "",
                        f"U0A{a:05d}",
                        None,
                        1 if in_city else 3,
                        created,
                        created,
                    )
                )
        c.exec_driver_sql(
            "INSERT INTO client (id,team_id,code,code_year,serial,name,city,in_city,contact_person,"
            "owner_id,backup_owner_id,cadence_days,created_at,updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            clients,
        )
        written = 0
        batch = []
        for cid in range(1, aes * per_ae + 1):
            author = f"U0A{(cid - 1) // per_ae:05d}"
            i = rnd.randrange(5)
            while i < len(days):
                at = datetime(days[i].year, days[i].month, days[i].day, 2 + rnd.randrange(8))
                batch.append(
                    (TEAM, cid, author, "call", at, "weekly check-in", "", False, False, at, at)
                )
                i += rnd.randrange(3, 8)
            if len(batch) > 50_000:
                written += len(batch)
                _insert_contacts(c, batch)
                batch = []
        written += len(batch)
        _insert_contacts(c, batch)
        _insert_items(c, aes, per_ae, items, created)
    engine.dispose()
    return written


def _insert_items(c: sa.Connection, aes: int, per_ae: int, per: int, created: datetime) -> None:
    """Each AE's open action items: due that Monday, overdue (the Friday before), or later."""
    due = (date(2026, 11, 23), date(2026, 11, 20), date(2026, 12, 4))
    rows = [
        (
            TEAM,
            a * per_ae + 1,
            f"U0M{a % max(1, aes // 3):05d}",
            f"U0A{a:05d}",
            f"提供报价 {k}",
            due[k % 3].isoformat(),
            created,
            created,
        )
        for a in range(aes)
        for k in range(per)
    ]
    c.exec_driver_sql(
        "INSERT INTO actionitem (team_id,client_id,author_id,owner_id,text,due_on,created_at,"
        "updated_at) VALUES (?,?,?,?,?,?,?,?)",
        rows,
    )


def _insert_contacts(c: sa.Connection, rows: list[tuple]) -> None:
    c.exec_driver_sql(
        "INSERT INTO contactlog (team_id,client_id,author_id,kind,at,summary,next_steps,report_due,"
        "follow_up_on,created_at,updated_at) VALUES (?,?,?,?,?,?,?,?,NULL,?,?)",
        [r[:8] + r[9:] for r in rows],
    )


def measure(aes: int, per_ae: int, items: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'nudge.db'}"
        # a year of contacts written as the release before 0017 stored them, then upgraded: the
        # upgrade reads each client's latest contact in one statement, where the triggers that
        # keep it would run once per contact (three times this setup); the same rows either way
        upgrade(url, "0016")
        t0 = time.perf_counter()
        contacts = build(url, aes, per_ae, items)
        upgrade(url)
        setup = time.perf_counter() - t0
        settings = load_settings(
            slack_bot_token=fake.token,
            slack_signing_secret="s",
            slack_api_url=fake.url,
            database_url=url,
            _env_file=None,
        )
        sv = Bot.build(settings, FixedClock(MONDAY_0930))
        statements: list[float] = []
        starts: dict[int, float] = {}

        @event.listens_for(sv.db.engine, "before_cursor_execute")
        def _before(conn, cursor, statement, params, context, executemany) -> None:  # noqa: ANN001
            starts[id(cursor)] = time.perf_counter()

        @event.listens_for(sv.db.engine, "after_cursor_execute")
        def _after(conn, cursor, statement, params, context, executemany) -> None:  # noqa: ANN001
            statements.append(time.perf_counter() - starts.pop(id(cursor), time.perf_counter()))

        delivering = [0.0, 0]  # seconds, statements while the courier delivers
        drain = sv.courier.drain

        def timed_drain(**kw):  # noqa: ANN003, ANN202
            t, n = time.perf_counter(), len(statements)
            try:
                return drain(**kw)
            finally:
                delivering[0] += time.perf_counter() - t
                delivering[1] += len(statements) - n

        sv.courier.drain = timed_drain  # type: ignore[method-assign]
        t0 = time.perf_counter()
        [outcome] = run_task(TASKS["contact-nudge"], MONDAY_0930, sv.tasks())
        total = time.perf_counter() - t0
        dms = len(fake.calls_to("chat.postMessage"))
        deciding = len(statements) - delivering[1]
        print(
            f"{aes:>6} AEs {aes * per_ae:>7} clients {contacts:>9} contacts "
            f"{aes * items:>6} action items | setup {setup:6.1f} s | "
            f"nudge {total:5.2f} s, SQL {sum(statements):4.2f} s | deciding "
            f"{total - delivering[0]:5.2f} s in {deciding} statements | delivering "
            f"{delivering[0]:5.2f} s in {delivering[1]} statements ({sv.courier.batch} a batch) | "
            f"{dms} DMs ({outcome.detail})"
        )
        _items_part(sv, aes)
        sv.close()


def _items_part(sv: Bot, aes: int) -> None:
    """The action items' share of the nudge, decided alone: the team's items due read in one
    statement and each owner's part of the DM built (the same functions the task calls)."""
    deps = sv.tasks()
    t0 = time.perf_counter()
    with sv.db.read() as s:
        items = contact_tasks.items_due(s, TEAM, MONDAY_0930.date())
    read = time.perf_counter() - t0
    with sv.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, TEAM)}
    blocks = 0
    for user, rows in items.items():
        blocks += len(item_view.due_part(deps.reader(members.get(user)), rows))
    total = time.perf_counter() - t0
    due = sum(len(rows) for rows in items.values())
    print(
        f"{aes:>6} AEs | action items in the nudge: {due} items due for {len(items)} owners, "
        f"decided in {total:5.2f} s (read {read:5.2f} s, {blocks} blocks built)"
    )


def machine_speed(steps: int = 5_000_000) -> float:
    """Seconds for a plain Python loop of `steps` additions, best of three: the same figures
    differ threefold between the machines it runs on, and this says how fast this one is."""
    best = float("inf")
    for _ in range(3):
        t0, total = time.perf_counter(), 0
        for i in range(steps):
            total += i
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--aes", type=int, default=2000)
    ap.add_argument("--clients-per-ae", type=int, default=25)
    ap.add_argument("--items-per-ae", type=int, default=6)
    args = ap.parse_args()
    print(
        "contact-nudge, Monday 2026-11-23 09:30, SQLite; DMs go to the fake Slack in this same process,"
    )
    print("so 'delivering' includes the fake's own work (parsing and checking every message).")
    print(f"this machine: a 5,000,000-step Python loop in {machine_speed():.2f} s (best of 3)")
    measure(max(1, args.aes // 10), args.clients_per_ae, args.items_per_ae)
    measure(args.aes, args.clients_per_ae, args.items_per_ae)


if __name__ == "__main__":
    main()
