"""The Friday report (`friday-report`) at department-and-beyond scale: compile time and SQL
statements.

Run: .venv/bin/python bench/bench_report.py [--aes 2000] [--clients-per-ae 10]

Builds a SQLite database of a GM, ADs, AMs and `aes` AEs (each under an AM, each AM under an
AD), `clients-per-ae` clients each (every fifth out of town, cadence 3), a week of contacts
(each client on about three of the five days, some visits without a report), jobs (one filed
this week, every third AE a revision, every fourth a job closed this week, every fifth one
overdue), approved overtime forms (on time and late), notes of 150 characters from four AEs in
five, every fiftieth AE on leave all week, receivables and funnel changes: tests/department.py,
the builder the tests of Slack's limits use too. Then, on Friday
2026-11-27 15:30, it runs `friday-report` through the real task, the report going to a channel
and the managers' DMs of the fake Slack on loopback. Deciding (reading the week, compiling it,
writing every message and both files, queuing them with the run) and delivering are measured
apart, at a tenth of the size too: the statements of deciding must not grow with people,
clients or rows (the week is read in a fixed number of bulk queries, every message queued in
one statement); delivering takes a few statements per batch the courier claims.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.sql_count import Counter  # noqa: E402
from bot.app import Bot  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from sandbox.fake_slack import FakeSlack  # noqa: E402
from scheduler import report_files  # noqa: E402
from scheduler.timetable import TASKS, run_task  # noqa: E402
from storage import team_settings  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.department import Shape, build  # noqa: E402

SH = ZoneInfo("Asia/Shanghai")
TEAM = "T0BENCH"
CHANNEL = "C0REPORT"
FRIDAY_1530 = datetime(2026, 11, 27, 15, 30, tzinfo=SH)


def timed(seconds: list[float], fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn`, adding the seconds of each call to `seconds`."""

    def wrapper(*args: Any, **kw: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            seconds.append(time.perf_counter() - t)

    return wrapper


def measure(aes: int, per_ae: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'report.db'}"
        upgrade(url)
        t0 = time.perf_counter()
        engine = sa.create_engine(url)
        written = build(engine, TEAM, Shape(aes, per_ae, name_chars=0, silent_every=5)).written
        engine.dispose()
        setup = time.perf_counter() - t0
        settings = load_settings(
            slack_bot_token=fake.token,
            slack_signing_secret="s",
            slack_api_url=fake.url,
            database_url=url,
            _env_file=None,
        )
        sv = Bot.build(settings, FixedClock(FRIDAY_1530))
        with sv.db.write() as s:
            team_settings.store(s, TEAM, "report_channel", CHANNEL, "U0GM", FRIDAY_1530)
        count = Counter(sv.db.engine)
        delivering = [0.0, 0]  # seconds, statements while the courier delivers
        drain = sv.courier.drain

        def timed_drain(**kw):  # noqa: ANN003, ANN202
            out, seconds, statements = count.measure(lambda: drain(**kw))
            delivering[0] += seconds
            delivering[1] += statements
            return out

        sv.courier.drain = timed_drain  # type: ignore[method-assign]
        files: list[float] = []
        report_files.workbook = timed(files, report_files.workbook)  # type: ignore[assignment]
        report_files.chart_png = timed(files, report_files.chart_png)  # type: ignore[assignment]
        [outcome], total, statements = count.measure(
            lambda: run_task(TASKS["friday-report"], FRIDAY_1530, sv.tasks())
        )
        while outcome.status == "pending":  # thread replies wait for their headline
            sv.courier.drain(now_or_later=True)
            [outcome] = run_task(TASKS["friday-report"], FRIDAY_1530, sv.tasks())
        posted = fake.calls_to("chat.postMessage")
        in_thread = sum(1 for c in posted if c.args.get("thread_ts"))
        dms = sum(1 for c in posted if str(c.args.get("channel", "")).startswith(("U", "D")))
        print(
            f"{aes:>6} AEs {written['client']:>6} clients {written['contact']:>6} contacts "
            f"{written['job']:>5} jobs {written['note']:>6} notes | setup {setup:5.1f} s | "
            f"deciding {total - delivering[0]:5.2f} s (of which files {sum(files):4.2f} s) in "
            f"{statements - delivering[1]} statements | delivering {delivering[0]:5.2f} s in "
            f"{delivering[1]} statements | {len(posted) - in_thread - dms} headline, {in_thread} "
            f"thread messages, {dms} manager DMs, {len(fake.files)} files ({outcome.detail})"
        )
        sv.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--aes", type=int, default=2000)
    ap.add_argument("--clients-per-ae", type=int, default=10)
    args = ap.parse_args()
    print("friday-report, Friday 2026-11-27 15:30, SQLite; messages go to the fake Slack in this")
    print("same process, so 'delivering' includes the fake's own work.")
    measure(max(10, args.aes // 10), args.clients_per_ae)
    measure(args.aes, args.clients_per_ae)


if __name__ == "__main__":
    main()
