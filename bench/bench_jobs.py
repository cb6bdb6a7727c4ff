"""The 09:00 `job-deadlines` run and an approver's App Home at department-and-beyond scale:
SQL statements and seconds.

Run: .venv/bin/python bench/bench_jobs.py [--people 2000] [--approvals 300] [--waiting 50]

Builds a SQLite database of `people` members (a GM, ADs, AMs, and AEs each reporting to an
AM), one client and one open job per AE with internal deadlines spread from a week overdue to
two weeks ahead, and `approvals` pending requests from AEs to their AMs, `waiting` of them for
one AM. Then, on Monday 2026-11-23 09:00, it runs `job-deadlines` through the real task with
the DMs going to the fake Slack on loopback (deciding and delivering counted apart), and draws
that AM's App Home (reading and building, then publishing). Each is measured at a tenth of the
size too: the statements of deciding and of the Home must not grow with people, jobs or
requests (the task reads the team in a few bulk queries and queues every DM in one statement;
the Home reads in a fixed number of queries); delivering takes a few statements per batch the
courier claims, never one per message.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
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
from scheduler.timetable import TASKS, run_task  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import Approval, Client, Job, Member  # noqa: E402

SH = ZoneInfo("Asia/Shanghai")
TEAM = "T0BENCH"
MONDAY_0900 = datetime(2026, 11, 23, 9, 0, tzinfo=SH)
APPROVER = "U0M00000"
DEPARTMENTS = (("CR", "creative"), ("DS", "design"), ("PR", "production"), ("MD", "media"))


def build(url: str, people: int, pending: int, waiting: int) -> dict[str, int]:
    """Fill the database; returns what was written."""
    engine = sa.create_engine(url)
    created = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    ads = max(1, people // 200)
    ams = max(1, people // 10)
    aes = people - 1 - ads - ams
    members = [_member("U0GM", "Wu GM", "gm", None, created)]
    members += [_member(f"U0D{d:05d}", f"AD {d}", "ad", "U0GM", created) for d in range(ads)]
    members += [
        _member(f"U0M{m:05d}", f"AM {m}", "am", f"U0D{m % ads:05d}", created) for m in range(ams)
    ]
    members += [
        _member(f"U0A{a:05d}", f"AE {a}", "ae", f"U0M{a % ams:05d}", created) for a in range(aes)
    ]
    clients, jobs = [], []
    for a in range(aes):
        owner = f"U0A{a:05d}"
        clients.append(
            {"id": a + 1, "team_id": TEAM, "code": f"上海-202611-C{a}-{a + 1:03d}",
             "code_year": 2026, "serial": a + 1, "name": f"C{a}", "city": "上海",
             "in_city": True, "contact_person": "", "owner_id": owner, "cadence_days": 1,
             "created_at": created, "updated_at": created}
        )  # fmt: skip
        prefix, department = DEPARTMENTS[a % len(DEPARTMENTS)]
        internal = MONDAY_0900 + timedelta(hours=(a * 37) % (21 * 24) - 7 * 24)
        jobs.append(
            {"team_id": TEAM, "number": f"{prefix}-202611-{a // len(DEPARTMENTS) + 1:02d}",
             "department": department, "month": 202611, "seq": a // len(DEPARTMENTS) + 1,
             "revision": 0, "client_id": a + 1, "project": f"Project {a}", "job_type": "KV",
             "brief": "目标：上新；受众：18-30 岁；交付：主视觉 3 稿", "deadline":
             internal + timedelta(hours=4, minutes=30), "internal_deadline": internal,
             "owner_id": owner, "issued_by": owner, "status": "open", "created_at": created,
             "updated_at": created}
        )  # fmt: skip
    requests = []
    for i in range(pending):
        # the first `waiting` go to APPROVER, the rest spread over the other AMs
        a = i % aes
        requester = f"U0A{a:05d}"
        approver = APPROVER if i < waiting or ams == 1 else f"U0M{1 + i % (ams - 1):05d}"
        routed = MONDAY_0900 - timedelta(hours=1 + i % 40)
        requests.append(
            {"team_id": TEAM, "kind": "commission", "title": f"C{a} {i % 9 + 1}%",
             "fields": json.dumps([["authority.f.client", f"C{a}", "text"],
                                   ["authority.f.amount", f"{i % 9 + 1}%", "text"]]),
             "amount": str(i % 9 + 1), "client_id": a + 1, "reason": "客户要求提高返点",
             "requester_id": requester, "approver_id": approver, "status": "pending",
             "routed_at": routed, "created_at": routed, "updated_at": routed}
        )  # fmt: skip
    with engine.begin() as c:
        if engine.dialect.name == "sqlite":
            c.exec_driver_sql("PRAGMA journal_mode=WAL")
        c.execute(sa.insert(Member.__table__), members)
        c.execute(sa.insert(Client.__table__), clients)
        c.execute(sa.insert(Job.__table__), jobs)
        c.execute(sa.insert(Approval.__table__), requests)
    engine.dispose()
    return {"members": len(members), "jobs": len(jobs), "approvals": len(requests)}


def _member(user: str, name: str, role: str, manager: str | None, at: datetime) -> dict[str, Any]:
    return {"team_id": TEAM, "user_id": user, "name": name, "role": role, "manager_id": manager,
            "language": "zh", "created_at": at, "updated_at": at}  # fmt: skip


def measure(people: int, pending: int, waiting: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'jobs.db'}"
        upgrade(url)
        t0 = time.perf_counter()
        written = build(url, people, pending, waiting)
        setup = time.perf_counter() - t0
        settings = load_settings(
            slack_bot_token=fake.token,
            slack_signing_secret="s",
            slack_api_url=fake.url,
            database_url=url,
            _env_file=None,
        )
        sv = Bot.build(settings, FixedClock(MONDAY_0900))
        count = Counter(sv.db.engine)
        delivering = [0.0, 0]  # seconds, statements while the courier delivers
        drain = sv.courier.drain

        def timed_drain(**kw):  # noqa: ANN003, ANN202
            out, seconds, statements = count.measure(lambda: drain(**kw))
            delivering[0] += seconds
            delivering[1] += statements
            return out

        sv.courier.drain = timed_drain  # type: ignore[method-assign]
        [outcome], total, statements = count.measure(
            lambda: run_task(TASKS["job-deadlines"], MONDAY_0900, sv.tasks())
        )
        dms = len(fake.calls_to("chat.postMessage"))
        print(
            f"{written['members']:>6} people {written['jobs']:>6} open jobs | setup {setup:5.1f} s"
            f" | job-deadlines {total:5.2f} s: deciding {total - delivering[0]:5.2f} s in "
            f"{statements - delivering[1]} statements | delivering {delivering[0]:5.2f} s in "
            f"{delivering[1]} statements ({sv.courier.batch} a batch) | {dms} DMs "
            f"({outcome.detail})"
        )
        home = sv.home
        view, built, reads = count.measure(lambda: home.view(TEAM, APPROVER, "zh"))
        _, published, _ = count.measure(lambda: home.publish(TEAM, APPROVER, "zh"))
        [call] = fake.calls_to("views.publish")
        buttons = sum(1 for b in view["blocks"] if b["type"] == "actions")
        print(
            f"{written['approvals']:>6} pending requests, {waiting} for one AM | App Home: read "
            f"and built in {built:5.3f} s, {reads} statements; with views.publish {published:5.3f}"
            f" s | {len(call.args['view']['blocks'])} blocks, {buttons} requests with buttons"
        )
        sv.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--approvals", type=int, default=300)
    ap.add_argument("--waiting", type=int, default=50)
    args = ap.parse_args()
    print("job-deadlines, Monday 2026-11-23 09:00, and an approver's App Home, SQLite; DMs go to")
    print("the fake Slack in this same process, so 'delivering' includes the fake's own work.")
    measure(max(20, args.people // 10), max(args.waiting, args.approvals // 10), args.waiting)
    measure(args.people, args.approvals, args.waiting)


if __name__ == "__main__":
    main()
