"""A department at full size, written in bulk (a few INSERTs, never through Slack): a general
manager, account directors, account managers and AEs (each AE under an AM, each AM under an
AD), clients for each AE, and the week of 2026-11-23: contacts on about three of the five days
(some visits without a report), jobs (one filed this week, every third AE a revision, every
fourth a job closed this week, every fifth one overdue), approved overtime forms on time and
late, a note on each client and the problems of each AE who writes them, every fiftieth AE on
leave all week, receivables and funnel changes.

The one builder of the report bench (bench/bench_report.py, 2,000 AEs with short names) and of
the tests of Slack's limits (tests/test_limits.py: 60 AEs of 30 clients, names of 100
characters, notes of 150, in Chinese or English).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from storage.models import (
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
MONDAY = date(2026, 11, 23)
GM = "U0GM"
SERIAL = 100_000  # clients' serials from here: clear of the few a test's team already has
KINDS = ("call", "call", "call", "wechat", "email", "visit", "meeting")
NAME = {
    "zh": "上海华东区数字营销广告传媒集团有限公司",
    "en": "Shanghai East China Digital Marketing Advertising Group Limited ",
}
NOTE = {
    "zh": "本周完成提案修改，客户反馈积极，下周安排拍摄与投放排期确认；预算与排期已同步给媒介与创意部门。",
    "en": "Proposal revised this week and well received; shooting and media plan next week. ",
}
TABLES = {
    "contact": ContactLog,
    "job": Job,
    "overtime": OvertimeForm,
    "note": WeeklyNote,
    "leave": Leave,
    "owed": Receivable,
    "change": FunnelChange,
}


@dataclass(frozen=True)
class Shape:
    aes: int = 60
    clients_per_ae: int = 30
    name_chars: int = 100  # a client's name (the most a record holds); 0: short ("C12")
    note_chars: int = 150  # a weekly note (the most one holds)
    silent_every: int = 0  # every n-th AE writes no notes (0: everyone writes them)
    lang: str = "zh"  # of the people and of the names and notes

    @property
    def ads(self) -> int:
        return max(1, self.aes // 200)

    @property
    def ams(self) -> int:
        return max(1, self.aes // 10)


@dataclass
class Department:
    """What was written: its shape, the people by role, each client (id, name, owner), the
    count of rows per table."""

    shape: Shape
    ads: list[str]
    ams: list[str]
    aes: list[str]
    clients: list[tuple[int, str, str]]
    written: dict[str, int] = field(default_factory=dict)

    def manager_of(self, ae: str) -> str:
        return self.ams[self.aes.index(ae) % len(self.ams)]


def ae_id(a: int) -> str:
    return f"U0A{a:05d}"


def client_name(shape: Shape, cid: int) -> str:
    """Unique, and all of one length, so that no name is part of another."""
    if not shape.name_chars:
        return f"C{cid}"
    head = f"客户{cid:05d}" if shape.lang == "zh" else f"Client {cid:05d} "
    filler = NAME[shape.lang] * (shape.name_chars // len(NAME[shape.lang]) + 1)
    return (head + filler)[: shape.name_chars].rstrip().ljust(shape.name_chars, "x")


def note_text(shape: Shape, cid: int) -> str:
    mark = f" #{cid:08d}"
    filler = NOTE[shape.lang] * (shape.note_chars // len(NOTE[shape.lang]) + 1)
    return filler[: shape.note_chars - len(mark)] + mark


def build(engine: sa.Engine, team: str, shape: Shape) -> Department:
    """Write the department into `engine`'s database (migrated, and holding none of it)."""
    made = datetime(2026, 10, 1, 1, 0, tzinfo=UTC)
    ads = [f"U0D{d:05d}" for d in range(shape.ads)]
    ams = [f"U0M{m:05d}" for m in range(shape.ams)]
    aes = [ae_id(a) for a in range(shape.aes)]
    people = [_member(team, GM, "Wu GM", "gm", None, shape.lang, made)]
    people += [_member(team, u, f"AD {d}", "ad", GM, shape.lang, made) for d, u in enumerate(ads)]
    people += [
        _member(team, u, f"AM {m}", "am", ads[m % len(ads)], shape.lang, made)
        for m, u in enumerate(ams)
    ]
    people += [
        _member(team, u, f"AE {a:05d}", "ae", ams[a % len(ams)], shape.lang, made)
        for a, u in enumerate(aes)
    ]
    clients = [
        _client(team, shape, a * shape.clients_per_ae + k + 1, aes[a], k, made)
        for a in range(shape.aes)
        for k in range(shape.clients_per_ae)
    ]
    with engine.begin() as c:
        c.execute(sa.insert(Member.__table__), people)  # type: ignore[attr-defined]
        c.execute(sa.insert(Client.__table__), clients)  # type: ignore[attr-defined]
        table = Client.__table__  # type: ignore[attr-defined]
        read = sa.select(table.c.serial, table.c.id).where(table.c.team_id == team)
        ids = {serial - SERIAL: cid for serial, cid in c.execute(read)}
        rows = _week(team, shape, aes, ids)
        for key, model in TABLES.items():
            if rows[key]:
                c.execute(sa.insert(model.__table__), rows[key])  # type: ignore[attr-defined]
    listed = [(ids[cl["serial"] - SERIAL], cl["name"], cl["owner_id"]) for cl in clients]
    written = {
        "members": len(people),
        "client": len(clients),
        **{k: len(v) for k, v in rows.items()},
    }
    return Department(shape, ads, ams, aes, listed, written)


def _week(
    team: str, shape: Shape, aes: list[str], ids: dict[int, int]
) -> dict[str, list[dict[str, Any]]]:
    """The week's rows; `ids`: each client's id by its number (1, 2, … in order)."""
    rnd = random.Random(12)
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in TABLES}
    days = [MONDAY + timedelta(days=i) for i in range(5)]
    for a, owner in enumerate(aes):
        writes = not shape.silent_every or a % shape.silent_every
        first = ids[a * shape.clients_per_ae + 1]
        for k in range(shape.clients_per_ae):
            cid = ids[a * shape.clients_per_ae + k + 1]
            for d in days:
                if rnd.random() < 0.6:
                    rows["contact"].append(_contact(team, cid, owner, d, rnd))
            if writes:
                rows["note"].append(_note(team, owner, "client", cid, note_text(shape, cid)))
        if writes:
            rows["note"].append(_note(team, owner, "problems", None, "拍摄场地需要行政协调"))
        rows["job"] += _jobs(team, a, owner, first)
        if a % 3 == 0:
            rows["overtime"].append(_overtime(team, owner, days[a % 5], a))
        if a % 50 == 7:
            rows["leave"].append(
                {
                    "team_id": team,
                    "user_id": owner,
                    "first_day": MONDAY,
                    "last_day": days[-1],
                    "kind": "annual",
                    "note": "",
                    "created_at": datetime(2026, 10, 1, tzinfo=UTC),
                }
            )
        if a % 50 == 3:
            rows["owed"].append(
                {
                    "team_id": team,
                    "client_id": first,
                    "amount": "80000",
                    "due": date(2026, 7, 31),
                    "note": "",
                    "added_by": GM,
                    "created_at": datetime(2026, 10, 1, tzinfo=UTC),
                }
            )
        if a % 4 == 1:
            rows["change"].append(
                {
                    "team_id": team,
                    "client_id": first,
                    "from_stage": "prospect",
                    "to_stage": "contacted",
                    "by": owner,
                    "at": datetime(2026, 11, 24, 12, tzinfo=SH),
                }
            )
    return rows


def _member(
    team: str, user: str, name: str, role: str, manager: str | None, lang: str, at: datetime
) -> dict[str, Any]:
    return {
        "team_id": team,
        "user_id": user,
        "name": name,
        "role": role,
        "manager_id": manager,
        "language": lang,
        "created_at": at,
        "updated_at": at,
    }


def _client(team: str, shape: Shape, cid: int, owner: str, k: int, at: datetime) -> dict[str, Any]:
    out_of_town = k % 5 == 4
    return {
        "team_id": team,
        "code": f"上海-202610-C{cid}-{cid:03d}",
        "code_year": 2026,
        "serial": SERIAL + cid,
        "name": client_name(shape, cid),
        "city": "上海",
        "in_city": not out_of_town,
        "contact_person": "",
        "owner_id": owner,
        "cadence_days": 3 if out_of_town else 1,
        "funnel_stage": "contacted",
        "created_at": at,
        "updated_at": at,
    }


def _contact(team: str, cid: int, owner: str, d: date, rnd: random.Random) -> dict[str, Any]:
    kind = rnd.choice(KINDS)
    at = datetime(d.year, d.month, d.day, 10 + rnd.randrange(6), tzinfo=SH)
    return {
        "team_id": team,
        "client_id": cid,
        "author_id": owner,
        "kind": kind,
        "at": at,
        "summary": "谈了方案",
        "next_steps": "",
        "report_due": kind in ("visit", "meeting"),
        "report_sent_at": at if rnd.random() < 0.8 else None,
        "created_at": at,
        "updated_at": at,
    }


def _note(team: str, user: str, kind: str, client: int | None, text: str) -> dict[str, Any]:
    at = datetime(2026, 11, 27, 11, tzinfo=SH)
    return {
        "team_id": team,
        "user_id": user,
        "week": MONDAY,
        "kind": kind,
        "client_id": client,
        "text": text,
        "created_at": at,
        "updated_at": at,
    }


def _overtime(team: str, owner: str, day: date, a: int) -> dict[str, Any]:
    start = datetime(day.year, day.month, day.day, 19, tzinfo=SH)
    return {
        "team_id": team,
        "filer_id": owner,
        "members": json.dumps([owner]),
        "day": day,
        "start": start,
        "end": start + timedelta(hours=2 + a % 3),
        "reason": "赶提案",
        "late": a % 2 == 0,
        "status": "approved",
        "created_at": start,
        "updated_at": start,
    }


def _jobs(team: str, a: int, owner: str, client: int) -> list[dict[str, Any]]:
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
        out.append(
            {
                "team_id": team,
                "number": number,
                "department": "creative",
                "month": 202611,
                "seq": seq,
                "revision": revision,
                "client_id": client,
                "project": f"Project {a}",
                "job_type": "KV",
                "brief": "主视觉 3 稿",
                "deadline": internal,
                "internal_deadline": internal,
                "owner_id": owner,
                "issued_by": owner,
                "status": status,
                "created_at": created,
                "updated_at": created,
                "closed_at": closed,
            }
        )
    return out
