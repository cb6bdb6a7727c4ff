"""The Friday report (`friday-report`) at department-and-beyond scale: compile time and SQL
statements.

Run: .venv/bin/python bench/bench_report.py [--aes 2000] [--clients-per-ae 10]

Builds a SQLite database of a GM, ADs, AMs and `aes` AEs (each under an AM, each AM under an
AD), `clients-per-ae` clients each (every fifth out of town, cadence 3), a week of contacts
(each client on about three of the five days, some visits without a report), jobs (one filed
this week, every third AE a revision, every fourth a job closed this week, every fifth one
overdue), approved overtime forms (on time and late), notes of 150 characters from four AEs in
five, every fiftieth AE on leave all week, receivables and funnel changes. Then, on Friday
2026-11-27 15:30, it runs `friday-report` through the real job, the report going to a channel
and the managers' DMs of the fake Slack on loopback. Deciding (reading the week, compiling it,
writing every message and both files, queuing them with the run) and delivering are measured
apart, at a tenth of the size too: the statements of deciding must not grow with people,
clients or rows (the week is read in a fixed number of bulk queries, every message queued in
one statement); delivering takes a few statements per batch the courier claims.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
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
from scheduler.timetable import JOBS, run_job  # noqa: E402
from storage import team_settings  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import (  # noqa: E402
    Client,
    ContactLog,
    FunnelChange,
    Job,
    Leave,
    Member,
    OvertimeForm,
    Receivable,
    WeeklyNote,
)

SH = ZoneInfo("Asia/Shanghai")
TEAM = "T0BENCH"
CHANNEL = "C0REPORT"
FRIDAY_1530 = datetime(2026, 11, 27, 15, 30, tzinfo=SH)
MONDAY = date(2026, 11, 23)
KINDS = ("call", "call", "call", "wechat", "email", "visit", "meeting")
NOTE = (
    "本周完成提案修改，客户反馈积极，下周安排拍摄与投放排期确认；预算与排期已同步给媒介与创意部门。"
)


def build(url: str, aes: int, per_ae: int) -> dict[str, int]:
    """Fill the database; returns what was written."""
    rnd = random.Random(12)
    engine = sa.create_engine(url)
    made = datetime(2026, 10, 1, 1, 0, tzinfo=UTC)
    ads, ams = max(1, aes // 200), max(1, aes // 10)
    members = [_member("U0GM", "Wu GM", "gm", None, made)]
    members += [_member(f"U0D{d:05d}", f"AD {d}", "ad", "U0GM", made) for d in range(ads)]
    members += [_member(f"U0M{m:05d}", f"AM {m}", "am", f"U0D{m % ads:05d}", made)
                for m in range(ams)]  # fmt: skip
    members += [_member(f"U0A{a:05d}", f"AE {a:05d}", "ae", f"U0M{a % ams:05d}", made)
                for a in range(aes)]  # fmt: skip
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "client", "contact", "job", "overtime", "note", "leave", "owed", "change")}  # fmt: skip
    days = [MONDAY + timedelta(days=i) for i in range(5)]
    for a in range(aes):
        owner = f"U0A{a:05d}"
        for k in range(per_ae):
            cid = a * per_ae + k + 1
            out_of_town = k % 5 == 4
            rows["client"].append({
                "id": cid, "team_id": TEAM, "code": f"上海-202610-C{cid}-{cid:03d}",
                "code_year": 2026, "serial": cid, "name": f"C{cid}", "city": "上海",
                "in_city": not out_of_town, "contact_person": "", "owner_id": owner,
                "cadence_days": 3 if out_of_town else 1, "funnel_stage": "contacted",
                "created_at": made, "updated_at": made,
            })  # fmt: skip
            for d in days:
                if rnd.random() < 0.6:
                    kind = rnd.choice(KINDS)
                    at = datetime(d.year, d.month, d.day, 10 + rnd.randrange(6), tzinfo=SH)
                    rows["contact"].append({
                        "team_id": TEAM, "client_id": cid, "author_id": owner, "kind": kind,
                        "at": at, "summary": "谈了方案", "next_steps": "",
                        "report_due": kind in ("visit", "meeting"),
                        "report_sent_at": at if rnd.random() < 0.8 else None,
                        "created_at": at, "updated_at": at,
                    })  # fmt: skip
            if a % 5:
                rows["note"].append(_note(owner, "client", cid, NOTE[: 150 - 8] + f"{cid:08d}"))
        if a % 5:
            rows["note"].append(_note(owner, "problems", None, "拍摄场地需要行政协调"))
        rows["job"] += _jobs(a, owner, a * per_ae + 1)
        if a % 3 == 0:
            day = days[a % 5]
            start = datetime(day.year, day.month, day.day, 19, tzinfo=SH)
            rows["overtime"].append({
                "team_id": TEAM, "filer_id": owner, "members": json.dumps([owner]), "day": day,
                "start": start, "end": start + timedelta(hours=2 + a % 3), "reason": "赶提案",
                "late": a % 2 == 0, "status": "approved", "created_at": start,
                "updated_at": start,
            })  # fmt: skip
        if a % 50 == 7:
            rows["leave"].append({"team_id": TEAM, "user_id": owner, "first_day": MONDAY,
                                  "last_day": days[-1], "kind": "annual", "note": "",
                                  "created_at": made})  # fmt: skip
        if a % 50 == 3:
            rows["owed"].append({"team_id": TEAM, "client_id": a * per_ae + 1, "amount": "80000",
                                 "due": date(2026, 7, 31), "note": "", "added_by": "U0GM",
                                 "created_at": made})  # fmt: skip
        if a % 4 == 1:
            rows["change"].append({"team_id": TEAM, "client_id": a * per_ae + 1,
                                   "from_stage": "prospect", "to_stage": "contacted",
                                   "by": owner, "at": datetime(2026, 11, 24, 12, tzinfo=SH)})  # fmt: skip
    tables = {"client": Client, "contact": ContactLog, "job": Job, "overtime": OvertimeForm,
              "note": WeeklyNote, "leave": Leave, "owed": Receivable, "change": FunnelChange}  # fmt: skip
    with engine.begin() as c:
        c.exec_driver_sql("PRAGMA journal_mode=WAL")
        c.exec_driver_sql("PRAGMA synchronous=OFF")
        c.execute(sa.insert(Member.__table__), members)
        for key, model in tables.items():
            if rows[key]:
                c.execute(sa.insert(model.__table__), rows[key])  # type: ignore[attr-defined]
    engine.dispose()
    return {"members": len(members), **{k: len(v) for k, v in rows.items()}}


def _member(user: str, name: str, role: str, manager: str | None, at: datetime) -> dict[str, Any]:
    return {"team_id": TEAM, "user_id": user, "name": name, "role": role, "manager_id": manager,
            "language": "zh", "created_at": at, "updated_at": at}  # fmt: skip


def _note(user: str, kind: str, client: int | None, text: str) -> dict[str, Any]:
    at = datetime(2026, 11, 27, 11, tzinfo=SH)
    return {"team_id": TEAM, "user_id": user, "week": MONDAY, "kind": kind, "client_id": client,
            "text": text, "created_at": at, "updated_at": at}  # fmt: skip


def _jobs(a: int, owner: str, client: int) -> list[dict[str, Any]]:
    """One job filed this week; a revision, a job closed this week, an overdue one for some."""
    filed = datetime(2026, 11, 24, 11, tzinfo=SH)
    earlier = datetime(2026, 11, 10, 11, tzinfo=SH)
    due = datetime(2026, 12, 4, 18, tzinfo=SH)
    specs = [(0, "open", filed, None, due)]
    if a % 3 == 0:
        specs.append((1, "open", filed + timedelta(days=1), None, due))
    if a % 4 == 0:
        specs.append((0, "closed", earlier, filed + timedelta(days=2), due))
    if a % 5 == 0:
        specs.append((0, "open", earlier, None, datetime(2026, 11, 25, 12, tzinfo=SH)))
    out = []
    for i, (revision, status, created, closed, internal) in enumerate(specs):
        seq = a * 4 + i + 1
        number = f"CR-202611-{seq:02d}" + (f"-R{revision}" if revision else "")
        out.append({
            "team_id": TEAM, "number": number, "department": "creative", "month": 202611,
            "seq": seq, "revision": revision, "client_id": client, "project": f"Project {a}",
            "job_type": "KV", "brief": "主视觉 3 稿", "deadline": internal,
            "internal_deadline": internal, "owner_id": owner, "issued_by": owner,
            "status": status, "created_at": created, "updated_at": created, "closed_at": closed,
        })  # fmt: skip
    return out


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
        written = build(url, aes, per_ae)
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
            lambda: run_job(JOBS["friday-report"], FRIDAY_1530, sv.jobs())
        )
        while outcome.status == "pending":  # thread replies wait for their headline
            sv.courier.drain(now_or_later=True)
            [outcome] = run_job(JOBS["friday-report"], FRIDAY_1530, sv.jobs())
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
