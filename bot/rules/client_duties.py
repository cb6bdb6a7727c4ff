"""The Monday duties to clients, as plain data: each AE's active clients (the month-end too),
a draft per client of the weekly status report (工作周报表), with its jobs and next steps, and
the span it looks back on. No Slack, no SQL (the month-end drafts: bot/rules/month_end.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Protocol

from bot.rules.agenda import ClientFact, JobFact


@dataclass(frozen=True)
class Draft:
    """One client's weekly status report (工作周报表), and its Duty."""

    duty_id: int
    client: str
    jobs: list[JobFact]
    next_steps: str  # the last recent contact's, if any
    done_at: datetime | None


def active(
    clients: Iterable[ClientFact], contacted: set[int], with_jobs: set[int]
) -> dict[str, list[ClientFact]]:
    """Per owner, their clients with a recent contact or an open job, by name."""
    out: dict[str, list[ClientFact]] = defaultdict(list)
    for c in sorted(clients, key=lambda c: c.name):
        if c.id is not None and (c.id in contacted or c.id in with_jobs):
            out[c.owner_id].append(c)
    return dict(out)


def job_step(job: JobFact, week: tuple[datetime, datetime], now: datetime) -> str:
    """What a job's line says it comes to this week: pending (waiting for approval), delivered,
    overdue, deliver (to the client this week), internal (internal deadline this week), or
    ongoing."""
    start, end = week
    if job.status == "pending":
        return "pending"
    if job.status == "closed":
        return "delivered"
    if job.deadline < now:
        return "overdue"
    if start <= job.deadline < end:
        return "deliver"
    if start <= job.internal_deadline < end:
        return "internal"
    return "ongoing"


class DutyFact(Protocol):
    id: int | None
    client_id: int
    done_at: datetime | None


def drafts(
    duties: Iterable[tuple[DutyFact, str]],
    jobs: Iterable[JobFact],
    contacts: Iterable[tuple[int, str, datetime, str]],
) -> list[Draft]:
    """Each duty's client with its jobs and the next steps of its latest contact that gave
    some. Duties come as (duty, client name); contacts as (client, author, at, next steps)."""
    by_client: dict[int, list[JobFact]] = defaultdict(list)
    for j in jobs:
        by_client[j.client_id].append(j)
    steps = {
        cid: text.strip()
        for cid, _, _, text in sorted(contacts, key=lambda c: c[2])
        if text.strip()
    }
    return [
        Draft(d.id, name, by_client.get(d.client_id, []), steps.get(d.client_id, ""), d.done_at)
        for d, name in duties
        if d.id is not None
    ]


def status_since(week: date, zone: tzinfo) -> datetime:
    """Where the Monday drafts look back from: the previous Monday (contacts of the last
    week make a client active; jobs delivered since are reported)."""
    return datetime.combine(week - timedelta(days=7), time(0), zone)
