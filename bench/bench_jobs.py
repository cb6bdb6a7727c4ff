"""The timetable's job tasks and the App Home at department-and-beyond scale: SQL statements and
seconds.

Run: .venv/bin/python bench/bench_jobs.py [--people 2000] [--jobs 5000] [--approvals 300]
                                          [--waiting 50]

Builds a SQLite database of `people` members (a GM, ADs, AMs, each department's heads and
staff, and AEs each reporting to an AM), one client per AE, and `jobs` approved jobs spread
over the AEs and four departments in every state of their life (approved and not accepted,
accepted, in progress, in review, in client revisions, sent, signed off), the not-sent ones
assigned to one or two of their department's staff, internal deadlines spread from a week
overdue to two weeks ahead; one staff member is on 50 jobs. Also `approvals` pending requests
from AEs to their AMs, `waiting` of them for one AM. Then, on Monday 2026-11-23 09:00, it runs
through the real tasks, with the DMs going to the fake Slack on loopback (deciding and
delivering counted apart): `job-deadlines` (owners and assignees), `job-accept-reminders`,
`job-internal-reminders` and `job-overdue-notices`; and draws that AM's App Home and that staff
member's. Each is measured at a tenth of the size too: the statements of deciding and of the
Home must not grow with people, jobs or requests (each task reads the team in a few bulk
queries and queues every DM in one statement; the Home reads in a fixed number of queries);
delivering takes a few statements per batch the courier claims, never one per message.
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
from storage import job_life  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import Approval, Client, Job, JobAssignee, Member  # noqa: E402

SH = ZoneInfo("Asia/Shanghai")
TEAM = "T0BENCH"
MONDAY_0900 = datetime(2026, 11, 23, 9, 0, tzinfo=SH)
APPROVER = "U0M00000"
DEPARTMENTS = (("CR", "creative"), ("DS", "design"), ("PR", "production"), ("MD", "media"))
STAFF_FROM = 2  # the first two of each department are its heads (dh), the others its staff
# the states of the jobs, in turn: a fifth approved and not accepted, most of the rest at work
STATES = (
    "open",
    "accepted",
    "progress",
    "progress",
    "review",
    "revising",
    "sent",
    "signed",
    "open",
    "progress",
)
HOME_JOBS = 50  # the jobs one staff member is on, for their App Home
TASK_NAMES = (
    "job-deadlines",
    "job-accept-reminders",
    "job-internal-reminders",
    "job-overdue-notices",
)


def build(url: str, people: int, n_jobs: int, pending: int, waiting: int) -> dict[str, Any]:
    """Fill the database; returns what was written."""
    engine = sa.create_engine(url)
    created = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    ads = max(1, people // 200)
    ams = max(1, people // 10)
    per_department = max(STAFF_FROM + 2, people // 10 // len(DEPARTMENTS))
    aes = people - 1 - ads - ams - per_department * len(DEPARTMENTS)
    members = [_member("U0GM", "Wu GM", "gm", None, created)]
    members += [_member(f"U0D{d:05d}", f"AD {d}", "ad", "U0GM", created) for d in range(ads)]
    members += [
        _member(f"U0M{m:05d}", f"AM {m}", "am", f"U0D{m % ads:05d}", created) for m in range(ams)
    ]
    members += [
        _member(f"U0A{a:05d}", f"AE {a}", "ae", f"U0M{a % ams:05d}", created) for a in range(aes)
    ]
    for _, department in DEPARTMENTS:
        members += [
            _member(
                _worker(department, i),
                f"{department} {i}",
                "dh" if i < STAFF_FROM else "staff",
                None,
                created,
                department,
            )
            for i in range(per_department)
        ]
    clients = [
        {
            "id": a + 1,
            "team_id": TEAM,
            "code": f"上海-202611-C{a}-{a + 1:03d}",
            "code_year": 2026,
            "serial": a + 1,
            "name": f"C{a}",
            "city": "上海",
            "in_city": True,
            "contact_person": "",
            "owner_id": f"U0A{a:05d}",
            "cadence_days": 1,
            "created_at": created,
            "updated_at": created,
        }
        for a in range(aes)
    ]
    jobs, on = [], []
    for k in range(n_jobs):
        a = k % aes
        owner = f"U0A{a:05d}"
        prefix, department = DEPARTMENTS[k % len(DEPARTMENTS)]
        seq = k // len(DEPARTMENTS) + 1
        internal = MONDAY_0900 + timedelta(hours=(k * 37) % (21 * 24) - 7 * 24)
        status = STATES[k % len(STATES)]
        approved = MONDAY_0900 - timedelta(hours=1 + k % 72)
        jobs.append(
            {
                "id": k + 1,
                "team_id": TEAM,
                "number": f"{prefix}-202611-{seq:02d}",
                "department": department,
                "month": 202611,
                "seq": seq,
                "revision": 0,
                "client_id": a + 1,
                "project": f"Project {k}",
                "job_type": "KV",
                "brief": "目标：上新；受众：18-30 岁；交付：主视觉 3 稿",
                "deadline": internal + timedelta(hours=4, minutes=30),
                "internal_deadline": internal,
                "owner_id": owner,
                "issued_by": owner,
                "status": status,
                "created_at": created,
                "updated_at": approved,
            }
        )
        if status != "open":
            staff = per_department - STAFF_FROM - 1  # the last one is on HOME_JOBS jobs alone
            first = STAFF_FROM + (k // len(DEPARTMENTS)) % staff
            users = {_worker(department, first)}
            if k % 3 == 0:
                users.add(_worker(department, STAFF_FROM + (first + 1 - STAFF_FROM) % staff))
            on += [_assignee(k + 1, u, approved) for u in sorted(users)]
    lone = _worker(DEPARTMENTS[0][1], per_department - 1)
    mine = [j["id"] for j in jobs if j["department"] == DEPARTMENTS[0][1] and j["status"] != "open"]
    on += [_assignee(i, lone, MONDAY_0900 - timedelta(days=3)) for i in mine[:HOME_JOBS]]
    requests = []
    for i in range(pending):
        # the first `waiting` go to APPROVER, the rest spread over the other AMs
        a = i % aes
        requester = f"U0A{a:05d}"
        approver = APPROVER if i < waiting or ams == 1 else f"U0M{1 + i % (ams - 1):05d}"
        routed = MONDAY_0900 - timedelta(hours=1 + i % 40)
        requests.append(
            {
                "team_id": TEAM,
                "kind": "commission",
                "title": f"C{a} {i % 9 + 1}%",
                "fields": json.dumps(
                    [
                        ["authority.f.client", f"C{a}", "text"],
                        ["authority.f.amount", f"{i % 9 + 1}%", "text"],
                    ]
                ),
                "amount": str(i % 9 + 1),
                "client_id": a + 1,
                "reason": "客户要求提高返点",
                "requester_id": requester,
                "approver_id": approver,
                "status": "pending",
                "routed_at": routed,
                "created_at": routed,
                "updated_at": routed,
            }
        )
    with engine.begin() as c:
        if engine.dialect.name == "sqlite":
            c.exec_driver_sql("PRAGMA journal_mode=WAL")
        c.execute(sa.insert(Member.__table__), members)
        c.execute(sa.insert(Client.__table__), clients)
        c.execute(sa.insert(Job.__table__), jobs)
        c.execute(sa.insert(JobAssignee.__table__), on)
        c.execute(sa.insert(Approval.__table__), requests)
    engine.dispose()
    return {
        "members": len(members),
        "jobs": len(jobs),
        "assigned": len(on),
        "approvals": len(requests),
        "home_user": lone,
    }


def _worker(department: str, i: int) -> str:
    return f"U0W{department[:2].upper()}{i:04d}"


def _assignee(job_id: int, user: str, at: datetime) -> dict[str, Any]:
    return {
        "team_id": TEAM,
        "job_id": job_id,
        "user_id": user,
        "assigned_by": user,
        "assigned_at": at,
    }


def _member(
    user: str,
    name: str,
    role: str,
    manager: str | None,
    at: datetime,
    department: str | None = None,
) -> dict[str, Any]:
    return {
        "team_id": TEAM,
        "user_id": user,
        "name": name,
        "role": role,
        "manager_id": manager,
        "department": department,
        "language": "zh",
        "created_at": at,
        "updated_at": at,
    }


def measure(people: int, n_jobs: int, pending: int, waiting: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'jobs.db'}"
        upgrade(url)
        t0 = time.perf_counter()
        written = build(url, people, n_jobs, pending, waiting)
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
        print(
            f"{written['members']:>6} people {written['jobs']:>6} jobs "
            f"({written['assigned']} assignments) | setup {setup:5.1f} s"
        )
        for name in TASK_NAMES:
            delivering[:] = [0.0, 0]
            sent = len(fake.calls_to("chat.postMessage"))
            [outcome], total, statements = count.measure(
                lambda name=name: run_task(TASKS[name], MONDAY_0900, sv.tasks())
            )
            dms = len(fake.calls_to("chat.postMessage")) - sent
            print(
                f"  {name:<23} {total:5.2f} s: deciding {total - delivering[0]:5.2f} s in "
                f"{statements - delivering[1]:>3} statements | delivering {delivering[0]:5.2f} s "
                f"in {delivering[1]:>3} statements ({sv.courier.batch} a batch) | {dms:>5} DMs "
                f"({outcome.detail})"
            )
        home = sv.home
        view, built, reads = count.measure(lambda: home.view(TEAM, APPROVER, "zh"))
        _, published, _ = count.measure(lambda: home.publish(TEAM, APPROVER, "zh"))
        [call] = fake.calls_to("views.publish")
        buttons = sum(1 for b in view["blocks"] if b["type"] == "actions")
        print(
            f"  {written['approvals']:>6} pending requests, {waiting} for one AM | App Home: read "
            f"and built in {built:5.3f} s, {reads} statements; with views.publish {published:5.3f}"
            f" s | {len(call.args['view']['blocks'])} blocks, {buttons} requests with buttons"
        )
        _assignee_home(sv, count, str(written["home_user"]))
        sv.close()


def _assignee_home(sv: Bot, count: Counter, user: str) -> None:
    """The App Home of a staff member on HOME_JOBS jobs, and how many of them it shows."""
    with sv.db.read() as s:
        numbers = [j.number for j, _, _ in job_life.live_jobs_of(s, TEAM, user)]
    view, built, reads = count.measure(lambda: sv.home.view(TEAM, user, "zh"))
    shown = sum(1 for n in numbers if n in json.dumps(view, ensure_ascii=False))
    print(
        f"  App Home of a staff member on {len(numbers)} live jobs: read and built in "
        f"{built:5.3f} s, {reads} statements | {len(view['blocks'])} blocks, {shown} of the jobs "
        "shown" + ("" if shown else " (this App Home does not list assigned jobs yet)")
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=5000)
    ap.add_argument("--approvals", type=int, default=300)
    ap.add_argument("--waiting", type=int, default=50)
    args = ap.parse_args()
    print("The job tasks on Monday 2026-11-23 09:00, and two App Homes, SQLite; DMs go to the")
    print("fake Slack in this same process, so 'delivering' includes the fake's own work.")
    tenth = max(args.waiting, args.approvals // 10)
    measure(max(200, args.people // 10), max(500, args.jobs // 10), tenth, args.waiting)
    measure(args.people, args.jobs, args.approvals, args.waiting)


if __name__ == "__main__":
    main()
