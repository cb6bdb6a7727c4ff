"""Time and memory of `aebot export contacts`: a year of a department's contacts.

Run: .venv/bin/python bench/bench_export.py [--contacts 50000] [--no-pg]  (PostgreSQL: $AEBOT_TEST_PG)

The command runs as an operator types it (a subprocess each time) on SQLite and, when one
answers, on PostgreSQL, to .xlsx and to .csv, for a tenth of the contacts and for all of them.
Printed per database, size and format: seconds, the command's peak memory (its maximum
resident set), and the file's size. Flat memory means the peak hardly grows with ten times the
rows: the rows are streamed from the database and written as they come.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage.migrate import upgrade  # noqa: E402
from storage.models import Client, ContactLog, Member  # noqa: E402

PG_URL = os.environ.get("AEBOT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SCHEMA = "aebot_bench_export"
TEAM = "T0BENCH"
AES, CLIENTS_PER_AE = 60, 25
KINDS = ("call", "visit", "meeting", "wechat", "email")


def fill(url: str, contacts: int) -> None:
    """A department (60 AEs, 1,500 clients) and `contacts` contacts spread over a year, with
    summaries of the length people write (about 60 characters)."""
    upgrade(url)
    engine = sa.create_engine(url)
    now = datetime(2026, 11, 23, 2, tzinfo=UTC)
    with engine.begin() as c:
        for t in (ContactLog, Client, Member):
            c.execute(sa.delete(t.__table__))  # type: ignore[attr-defined]
        c.execute(
            sa.insert(Member.__table__),  # type: ignore[attr-defined]
            [
                {
                    "team_id": TEAM,
                    "user_id": f"U0AE{i:04d}",
                    "name": f"客户执行{i}号",
                    "role": "ae",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(AES)
            ],
        )
        clients = [
            {
                "team_id": TEAM,
                "code": f"上海-202601-客户{i}-{i + 1:03d}",
                "code_year": 2026,
                "serial": i + 1,
                "name": f"客户{i}有限公司",
                "city": "上海",
                "owner_id": f"U0AE{i % AES:04d}",
                "created_at": now,
                "updated_at": now,
            }
            for i in range(AES * CLIENTS_PER_AE)
        ]
        c.execute(sa.insert(Client.__table__), clients)  # type: ignore[attr-defined]
        ids = [r[0] for r in c.execute(sa.select(Client.id).order_by(Client.id))]  # type: ignore[arg-type]
        start, step = now - timedelta(days=365), timedelta(days=365) / max(contacts, 1)
        rows = [
            {
                "team_id": TEAM,
                "client_id": ids[i % len(ids)],
                "author_id": f"U0AE{i % AES:04d}",
                "kind": KINDS[i % len(KINDS)],
                "at": start + step * i,
                "summary": f"第{i}次联络：确认了下季度的投放方案和预算，客户要求下周五前给报价。",
                "next_steps": "周一前发会议纪要",
                "created_at": start + step * i,
                "updated_at": start + step * i,
            }
            for i in range(contacts)
        ]
        for i in range(0, len(rows), 5000):
            c.execute(sa.insert(ContactLog.__table__), rows[i : i + 5000])  # type: ignore[attr-defined]
    engine.dispose()


def export(url: str, out: Path) -> tuple[float, float]:
    """Run `aebot export contacts --out OUT`: seconds, and its peak memory in MB."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT), "AEBOT_TZ": "Asia/Shanghai"}
    begun = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "export", "contacts", "--team", TEAM, "--out", str(out)],
        env=env,
        cwd=out.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(p.pid, 0)
    took = time.perf_counter() - begun
    if status != 0:
        raise SystemExit(
            f"aebot export failed:\n{p.stderr.read().decode()[-2000:] if p.stderr else ''}"
        )
    return took, usage.ru_maxrss / 1024  # kB on Linux


def bench(name: str, url: str, tmp: Path, contacts: int) -> None:
    print(f"{name}:")
    for n in (contacts // 10, contacts):
        fill(url, n)
        for suffix in ("xlsx", "csv"):
            out = tmp / f"contacts-{n}.{suffix}"
            took, peak = export(url, out)
            size = out.stat().st_size / 1_048_576
            print(
                f"  {n:>7,} contacts → .{suffix:<4} {took:6.2f} s   peak {peak:6.1f} MB   file {size:5.1f} MB"
            )


def pg_url() -> str | None:
    try:
        engine = sa.create_engine(PG_URL, connect_args={"connect_timeout": 2})
        with engine.begin() as c:
            c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA}")
        engine.dispose()
    except Exception:
        return None
    return f"{PG_URL}?options=-csearch_path%3D{SCHEMA}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=50_000)
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    print(
        f"(the Python process alone: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB here)"
    )
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        bench("SQLite", f"sqlite:///{tmp / 'bench.db'}", tmp, args.contacts)
        url = None if args.no_pg else pg_url()
        if url is None:
            print("PostgreSQL: not reachable, skipped")
            return
        try:
            bench("PostgreSQL", url, tmp, args.contacts)
        finally:
            engine = sa.create_engine(PG_URL)
            with engine.begin() as c:
                c.exec_driver_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            engine.dispose()


if __name__ == "__main__":
    main()
