"""The AE's day at department-and-beyond scale: the 17:30 `day-summary` and the 09:00
`day-digest`, deciding in seconds and SQL statements.

Run: .venv/bin/python bench/bench_day.py [--aes 2000]

Builds a SQLite database of `aes` AEs, an AM per ten of them (so 200 AMs for 2,000 AEs) and an
AD per hundred, `clients` clients per AE (5: four of them last called the Friday before, so
still due a call at 17:30 and listed in the same DM), and for each AE on Monday 2026-11-23, with
the first client: two contacts, a job
moved, an action item done; for Tuesday: a follow-up, the job's deadline, and for every fourth
a meeting away from the office (no whereabouts registered); every twentieth on leave; two
thirds wrote Monday's summary. Then it decides `day-summary` at Monday 17:30 and `day-digest`
at Tuesday 09:00 (deciding: the run's work and its messages written to the outbox), each at the full
size and at a tenth: the statements must not grow with people (each task reads the team in a
few bulk queries), and 2,000 AEs / 200 managers are decided in under a second.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
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
from scheduler import day_tasks  # noqa: E402
from scheduler.run import Run  # noqa: E402
from storage import outbox  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import (  # noqa: E402
    ActionItem,
    Client,
    ContactLog,
    DaySummary,
    Job,
    JobEvent,
    Leave,
    Meeting,
    Member,
)
from storage.outbox import wall  # noqa: E402

SH = ZoneInfo("Asia/Shanghai")
TEAM = "T0BENCH"
MON = date(2026, 11, 23)
MON_1730 = datetime(2026, 11, 23, 17, 30, tzinfo=SH)
TUE_0900 = datetime(2026, 11, 24, 9, 0, tzinfo=SH)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SH)


def build(url: str, aes: int, clients: int = 5) -> dict[str, int]:
    """Fill the database; returns how many of each were written."""
    engine = sa.create_engine(url)
    made = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    ads, ams = max(1, aes // 100), max(1, aes // 10)

    def member(user: str, role: str, manager: str | None) -> dict[str, Any]:
        return {
            "team_id": TEAM,
            "user_id": user,
            "name": user,
            "role": role,
            "manager_id": manager,
            "language": "zh",
            "created_at": made,
            "updated_at": made,
        }

    rows: dict[Any, list[dict[str, Any]]] = {
        t: []
        for t in (Member, Client, ContactLog, Job, JobEvent, ActionItem, Meeting, Leave, DaySummary)
    }
    rows[Member] += [member(f"U0D{d:05d}", "ad", None) for d in range(ads)]
    rows[Member] += [member(f"U0M{m:05d}", "am", f"U0D{m % ads:05d}") for m in range(ams)]
    for a in range(aes):
        ae, cid = f"U0A{a:05d}", a + 1
        rows[Member].append(member(ae, "ae", f"U0M{a % ams:05d}"))
        rows[Client] += [client(aes + a * clients + k, ae, f"C{a}-{k}") for k in range(1, clients)]
        rows[ContactLog] += [
            contact(aes + a * clients + k, ae, at(20, 11)) for k in range(1, clients)
        ]
        rows[Client].append(
            {
                "id": cid,
                "team_id": TEAM,
                "code": f"上海-202611-C{a}-{cid:03d}",
                "code_year": 2026,
                "serial": cid,
                "name": f"C{a}",
                "city": "上海",
                "in_city": True,
                "contact_person": "",
                "owner_id": ae,
                "cadence_days": 1,
                "created_at": made,
                "updated_at": made,
            }
        )
        for h in (10, 14):
            rows[ContactLog].append(
                {
                    "team_id": TEAM,
                    "client_id": cid,
                    "author_id": ae,
                    "kind": "call",
                    "at": at(23, h),
                    "summary": "确认排期",
                    "next_steps": "",
                    "follow_up_on": None,
                    "created_at": made,
                    "updated_at": made,
                }
            )
        rows[ContactLog].append(
            {
                "team_id": TEAM,
                "client_id": cid,
                "author_id": ae,
                "kind": "call",
                "at": at(20, 10),
                "summary": "报价",
                "next_steps": "寄报价单",
                "follow_up_on": date(2026, 11, 24),
                "created_at": made,
                "updated_at": made,
            }
        )
        rows[Job].append(
            {
                "id": cid,
                "team_id": TEAM,
                "number": f"CR-202611-{cid:02d}",
                "department": "creative",
                "month": 202611,
                "seq": cid,
                "revision": 0,
                "client_id": cid,
                "project": f"P{a}",
                "job_type": "KV",
                "brief": "b" * 40,
                "deadline": at(24, 18),
                "internal_deadline": at(24, 12),
                "owner_id": ae,
                "issued_by": ae,
                "status": "progress",
                "created_at": made,
                "updated_at": made,
            }
        )
        rows[JobEvent].append(
            {
                "team_id": TEAM,
                "job_id": cid,
                "at": at(23, 15),
                "actor": ae,
                "action": "progress",
                "from_status": "accepted",
                "to_status": "progress",
                "note": "",
                "data": "{}",
            }
        )
        rows[ActionItem].append(
            {
                "team_id": TEAM,
                "client_id": cid,
                "author_id": ae,
                "owner_id": ae,
                "text": "发排期",
                "done_at": at(23, 16),
                "done_by": ae,
                "created_at": made,
                "updated_at": made,
            }
        )
        if a % 4 == 0:
            rows[Meeting].append(
                {
                    "team_id": TEAM,
                    "client_id": cid,
                    "organiser_id": ae,
                    "starts_at": at(24, 14),
                    "ends_at": at(24, 15, 30),
                    "topic": "提案",
                    "place": "客户办公室",
                    "our_attendees": "[]",
                    "client_attendees": "",
                    "purpose": "",
                    "agenda": "",
                    "materials": "",
                    "told": "[]",
                    "created_at": made,
                    "updated_at": made,
                }
            )
        if a % 20 == 0:
            rows[Leave].append(
                {
                    "team_id": TEAM,
                    "user_id": ae,
                    "first_day": MON,
                    "last_day": MON,
                    "kind": "annual",
                    "created_at": made,
                }
            )
        elif a % 3:
            rows[DaySummary].append(
                {
                    "team_id": TEAM,
                    "user_id": ae,
                    "day": MON,
                    "today_text": "今天" * 20,
                    "tomorrow_text": "明天" * 20,
                    "written_at": MON_1730,
                    "created_at": MON_1730,
                }
            )
    with engine.begin() as c:
        for table, values in rows.items():
            if values:
                c.execute(sa.insert(table.__table__), values)
    engine.dispose()
    return {"aes": aes, "managers": ams + ads, "summaries": len(rows[DaySummary])}


def client(cid: int, owner: str, name: str) -> dict[str, Any]:
    made = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    return {
        "id": cid,
        "team_id": TEAM,
        "code": f"上海-202611-{name}-{cid:03d}",
        "code_year": 2026,
        "serial": cid,
        "name": name,
        "city": "上海",
        "in_city": True,
        "contact_person": "",
        "owner_id": owner,
        "cadence_days": 1,
        "created_at": made,
        "updated_at": made,
    }


def contact(cid: int, author: str, when: datetime) -> dict[str, Any]:
    made = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    return {
        "team_id": TEAM,
        "client_id": cid,
        "author_id": author,
        "kind": "call",
        "at": when,
        "summary": "例行联络",
        "next_steps": "",
        "follow_up_on": None,
        "created_at": made,
        "updated_at": made,
    }


def decide(sv: Bot, count: Counter, task: str, now: datetime) -> tuple[float, int, str]:
    """Deciding one run of the task, its messages written to the outbox as the timetable writes
    them (then rolled back); the settings read once before, as a running bot has them."""
    work = {"day-summary": day_tasks.day_summary, "day-digest": day_tasks.day_digest}[task]
    work(Run(TEAM, now, task, now.date().isoformat()), sv.tasks())  # warm the settings' cache
    run = Run(TEAM, now, task, now.date().isoformat())

    def decided() -> str:
        detail = work(run, sv.tasks())
        with sv.db.write() as s:
            outbox.enqueue(s, run.messages(), now, wall())
            s.rollback()
        return detail

    detail, seconds, statements = count.measure(decided)
    return seconds, statements, f"{len(run.decided)} messages: {detail}"


def measure(aes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'day.db'}"
        upgrade(url)
        written = build(url, aes)
        settings = load_settings(
            slack_bot_token=fake.token,
            slack_signing_secret="s",
            slack_api_url=fake.url,
            database_url=url,
            _env_file=None,
        )
        sv = Bot.build(settings, FixedClock(MON_1730))
        count = Counter(sv.db.engine)
        seconds, statements, said = decide(sv, count, "day-summary", MON_1730)
        print(
            f"day-summary {written['aes']:>6} AEs: deciding {seconds:5.2f} s in "
            f"{statements:>3} statements ({said})"
        )
        sv.clock.set(TUE_0900 + timedelta())  # type: ignore[attr-defined]
        seconds, statements, said = decide(sv, count, "day-digest", TUE_0900)
        print(
            f"day-digest  {written['managers']:>6} managers: deciding {seconds:5.2f} s in "
            f"{statements:>3} statements ({said})"
        )
        sv.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--aes", type=int, default=2000)
    args = p.parse_args()
    for aes in (max(10, args.aes // 10), args.aes):
        measure(aes)


if __name__ == "__main__":
    main()
