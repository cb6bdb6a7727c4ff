"""The month-end summary to each client (每月月底需向客户提交一份本月工作总结及下月工作时间计划表，
写清每样工作的提交、完成、定稿时间), as plain data: which clients get one, and each one's lines
of this month's work and next month's plan. No Slack, no SQL.

A job's three days: submitted (提交) the day it was filed, completed (完成) the day it was closed
(消单), or failing that the day it was marked signed off, and final (定稿) the day the client
signed it (`Job.signed_on`). This month's work: the jobs filed, moved or live this month, the
meetings and visits one by one, the calls counted in one line, the contact reports sent (with
the day the client confirmed) and the action items still open. Next month's plan: the jobs not
closed with their deadlines, the action items due next month and the follow-ups set for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Protocol

from bot.rules.client_status import ACTIVE, status_on
from bot.rules.job_life import LIVE

JOB, CALLS, CONTACT, REPORT, ITEM, FOLLOW_UP = "job", "calls", "contact", "report", "item", "follow"
LIGHT = ("call", "wechat", "email")  # contacts counted in one line per kind, not listed
ITEM_MAX = 120  # characters of a summary or an item's text shown on its line


class ClientFacts(Protocol):
    id: int | None
    name: str
    owner_id: str
    language: str
    status: str
    status_since: date | None


class JobFacts(Protocol):
    id: int | None
    client_id: int
    number: str
    project: str
    status: str
    deadline: datetime
    created_at: datetime
    closed_at: datetime | None
    signed_on: date | None


@dataclass(frozen=True)
class ContactFacts:
    client_id: int
    kind: str  # call, visit, meeting…
    at: datetime
    summary: str
    next_steps: str
    follow_up_on: date | None
    in_month: bool  # logged this month (else only its follow-up falls next month)


@dataclass(frozen=True)
class ReportFacts:
    client_id: int
    summary: str  # the contact's
    sent_at: datetime
    confirmed_at: datetime | None


@dataclass(frozen=True)
class ItemFacts:
    client_id: int
    text: str
    owner: str  # the owner's name
    due_on: date | None


@dataclass(frozen=True)
class Line:
    """One row of the summary or the plan: what it is and its days. `step` is a job's state
    (worded by the view); `note` the next step said or the item's owner."""

    kind: str
    item: str
    submitted: date | None = None
    completed: date | None = None
    final: date | None = None
    step: str = ""
    note: str = ""
    due: date | None = None


@dataclass(frozen=True)
class ClientMonth:
    duty_id: int
    client: str
    language: str
    done_at: datetime | None
    month: list[Line] = field(default_factory=list)
    plan: list[Line] = field(default_factory=list)


def is_active(c: ClientFacts, day: date) -> bool:
    """Only active clients get a month-end summary: not a prospect, nor one paused or ended
    (an end dated ahead has not begun)."""
    return status_on(c.status, c.status_since, day) == ACTIVE


def month_of(period: str) -> tuple[date, date, date]:
    """The first day of the month ("2026-11"), of the next, and of the one after."""
    year, month = (int(x) for x in period.split("-"))
    start = date(year, month, 1)
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return start, nxt, date(nxt.year + nxt.month // 12, nxt.month % 12 + 1, 1)


def _day(at: datetime | None, zone: tzinfo) -> date | None:
    return at.astimezone(zone).date() if at is not None else None


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= ITEM_MAX else flat[: ITEM_MAX - 1] + "…"


def job_line(j: JobFacts, signed_at: datetime | None, zone: tzinfo) -> Line:
    """A job in this month's work: filed, completed (closed, else marked signed) and final."""
    completed = _day(j.closed_at, zone) or _day(signed_at, zone)
    return Line(
        JOB,
        f"{j.number} {j.project}",
        submitted=_day(j.created_at, zone),
        completed=completed,
        final=j.signed_on,
        step=j.status,
        due=None if j.status == "closed" else _day(j.deadline, zone),
    )


def plan_job(j: JobFacts, zone: tzinfo) -> Line:
    return Line(JOB, f"{j.number} {j.project}", step=j.status, due=_day(j.deadline, zone))


@dataclass(frozen=True)
class MonthFacts:
    """What the month is made of, for the whole team (read in a handful of statements)."""

    period: str
    zone: tzinfo
    jobs: Sequence[JobFacts]
    signed: Mapping[int, datetime]  # job → when it was marked signed off (first time)
    contacts: Sequence[ContactFacts]
    reports: Sequence[ReportFacts]
    items: Sequence[ItemFacts]


def client_months(
    duties: Iterable[tuple[int, int, datetime | None]],
    clients: Mapping[int, ClientFacts],
    facts: MonthFacts,
) -> list[ClientMonth]:
    """Each duty's (id, client, done at) month and plan, in the duties' order."""
    _, nxt, after = month_of(facts.period)
    zone = facts.zone
    month: dict[int, list[Line]] = defaultdict(list)
    plan: dict[int, list[Line]] = defaultdict(list)
    for j in facts.jobs:
        month[j.client_id].append(job_line(j, facts.signed.get(j.id or 0), zone))
        if j.status in ("pending", *LIVE):
            plan[j.client_id].append(plan_job(j, zone))
    calls: dict[tuple[int, str], list[date]] = defaultdict(list)
    for c in facts.contacts:
        day = c.at.astimezone(zone).date()
        if c.in_month and c.kind in LIGHT:
            calls[c.client_id, c.kind].append(day)
        elif c.in_month:
            line = Line(CONTACT, _clip(c.summary), submitted=day, step=c.kind)
            month[c.client_id].append(line)
        if c.follow_up_on is not None and nxt <= c.follow_up_on < after:
            text = _clip(c.next_steps or c.summary)
            plan[c.client_id].append(Line(FOLLOW_UP, text, due=c.follow_up_on))
    for (cid, kind), days in calls.items():
        n = str(len(days))
        month[cid].append(Line(CALLS, n, submitted=min(days), completed=max(days), step=kind))
    for r in facts.reports:
        month[r.client_id].append(
            Line(
                REPORT,
                _clip(r.summary),
                submitted=_day(r.sent_at, zone),
                completed=_day(r.confirmed_at, zone),
            )
        )
    for i in sorted(facts.items, key=lambda i: (i.due_on or date.max, i.text)):
        line = Line(ITEM, _clip(i.text), note=i.owner, due=i.due_on)
        if i.due_on is not None and nxt <= i.due_on < after:
            plan[i.client_id].append(line)
        else:  # overdue, due this month or later, or undated: still open at the month's end
            month[i.client_id].append(line)
    return [
        ClientMonth(
            duty_id,
            clients[cid].name,
            clients[cid].language if clients[cid].language in ("zh", "en") else "zh",
            done_at,
            sorted(month.get(cid, []), key=_order),
            sorted(plan.get(cid, []), key=lambda x: (x.due or date.max, x.kind, x.item)),
        )
        for duty_id, cid, done_at in duties
        if cid in clients
    ]


_KINDS = (JOB, CONTACT, CALLS, REPORT, ITEM)


def _order(line: Line) -> tuple[int, date, str]:
    return (_KINDS.index(line.kind), line.submitted or line.due or date.max, line.item)
