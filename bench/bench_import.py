"""Time to import a department's clients: `aebot clients import` on a 20,000-row CSV.

Run: .venv/bin/python bench/bench_import.py [--clients 20000] [--no-pg]  (PostgreSQL: $AEBOT_TEST_PG)

The command itself runs (a subprocess per import, as an operator would type it), on SQLite and,
when one answers, on PostgreSQL: first into an empty client list, then the same file again
(nothing changes: every row is "unchanged"), then with 1% of the rows edited. Printed per
database and step: seconds and the command's summary line. Before this was rewritten, 1,000
rows took 9.5 s, 4,000 rows 171 s, and 20,000 did not finish in 20 minutes.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("AEBOT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TEAM = "T0BENCH"
CITIES = ["上海", "北京", "广州", "深圳", "杭州", "Chengdu"]


def write_team(path: Path, owners: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["user_id", "name", "role", "manager_id", "language"])
        w.writerow(["U0AM0", "经理", "am", "", "zh"])
        for i in range(owners):
            w.writerow([f"U0AE{i:04d}", f"客户经理{i}", "ae", "U0AM0", ""])


def write_clients(path: Path, n: int, owners: int, edited_every: int = 0) -> None:
    """`n` clients, about 175 bytes a row (the issue's 20,000-row export was 5.5 MB); every
    `edited_every`-th row with another contact person."""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "city", "in_city", "owner_id", "contact_person", "cadence_days"])
        for i in range(n):
            person = f"王经理 {i} 市场部 wang.jingli.{i}@client{i}.example.com" + (
                "（新）" if edited_every and i % edited_every == 0 else ""
            )
            w.writerow(
                [
                    f"上海{i:05d}国际贸易有限公司 Shanghai International Trading Co., Ltd. {i}",
                    CITIES[i % len(CITIES)],
                    "true" if i % 3 else "false",
                    f"U0AE{i % owners:04d}",
                    person,
                    "" if i % 4 else str(1 + i % 7),
                ]
            )


def aebot(args: list[str], db_url: str, cwd: Path) -> tuple[float, str]:
    env = {**os.environ, "DATABASE_URL": db_url, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=1200,
    )
    took = time.perf_counter() - start
    if p.returncode != 0:
        raise SystemExit(f"aebot {' '.join(args)} failed:\n{p.stderr[-2000:]}")
    return took, p.stdout.strip().splitlines()[-1]


def pg_schema_url() -> str | None:
    """A fresh schema of its own on the PostgreSQL server, or None when none answers."""
    try:
        engine = sa.create_engine(PG_URL, connect_args={"connect_timeout": 2})
        with engine.begin() as c:
            c.exec_driver_sql("DROP SCHEMA IF EXISTS aebot_bench_import CASCADE")
            c.exec_driver_sql("CREATE SCHEMA aebot_bench_import")
        engine.dispose()
    except Exception:
        return None
    return f"{PG_URL}?options=-csearch_path%3Daebot_bench_import"


def drop_pg_schema() -> None:
    engine = sa.create_engine(PG_URL)
    with engine.begin() as c:
        c.exec_driver_sql("DROP SCHEMA IF EXISTS aebot_bench_import CASCADE")
    engine.dispose()


def bench(name: str, db_url: str, tmp: Path, n: int, owners: int) -> None:
    team, first, edited = tmp / "team.csv", tmp / "clients.csv", tmp / "edited.csv"
    write_team(team, owners)
    write_clients(first, n, owners)
    write_clients(edited, n, owners, edited_every=100)
    aebot(["db", "upgrade"], db_url, tmp)
    took, _ = aebot(["db", "upgrade"], db_url, tmp)  # what any command pays before its work
    aebot(["team", "import", str(team), "--team", TEAM, "--new"], db_url, tmp)
    size = first.stat().st_size / 1e6
    print(f"{name}: {n} clients ({size:.1f} MB)")
    print(f"  {'start-up alone':<16} {took:6.2f} s   (aebot db upgrade on an up-to-date database)")
    for step, path in (("first import", first), ("same file again", first), ("1% edited", edited)):
        took, summary = aebot(["clients", "import", str(path), "--team", TEAM], db_url, tmp)
        print(f"  {step:<16} {took:6.2f} s   {summary}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--owners", type=int, default=200)
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        bench("SQLite", f"sqlite:///{tmp / 'bench.db'}", tmp, args.clients, args.owners)
        url = None if args.no_pg else pg_schema_url()
        if url is None:
            print("PostgreSQL: not reachable, skipped")
            return
        try:
            bench("PostgreSQL", url, tmp, args.clients, args.owners)
        finally:
            drop_pg_schema()


if __name__ == "__main__":
    main()
