"""What the timetable's DMs about jobs read, and what their delivery marks.

Each read is one statement for the whole team, whatever the number of jobs or people, and
reads only the columns a reminder shows (whole rows of thousands of jobs cost more to build
than to read): the jobs still to accept (with the moment they were approved), those not yet
sent whose internal deadline is near or past, those past the client's deadline and not signed
off, the assignees of the jobs not yet sent, and the team's people. A reminder marks its job
(`accept_reminded_at`, `internal_reminded_at`, `overdue_told_at`) once it is delivered, never
before (storage/outbox.py EFFECTS).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.rules.job_life import LIVE, NOT_SENT, OPEN, SIGNED
from storage.models import Approval, Client, Job, JobAssignee, Member, OutboxMessage
from storage.outbox import DELIVERED, Effect, register_effect

ACCEPT_REMINDED = "job_accept_reminded"
INTERNAL_REMINDED = "job_internal_reminded"
OVERDUE_TOLD = "job_overdue_told"
register_effect(ACCEPT_REMINDED, Effect(Job, "accept_reminded_at"))
register_effect(INTERNAL_REMINDED, Effect(Job, "internal_reminded_at"))
register_effect(OVERDUE_TOLD, Effect(Job, "overdue_told_at"))


class JobLine(NamedTuple):
    """A job as a reminder shows it."""

    id: int
    number: str
    project: str
    department: str
    status: str
    owner_id: str
    deadline: datetime
    internal_deadline: datetime


class ClientName(NamedTuple):
    name: str


class Person(NamedTuple):
    """Someone of the team as the reminders need them: whom to tell, in which language."""

    user_id: str
    role: str
    department: str | None
    manager_id: str | None
    language: str | None
    slack_locale: str | None


Row = tuple[JobLine, ClientName]
_LINE = (
    Job.id,
    Job.number,
    Job.project,
    Job.department,
    Job.status,
    Job.owner_id,
    Job.deadline,
    Job.internal_deadline,
)


def _lines(s: Session, q: Any) -> list[Row]:
    return [(JobLine(*r[:-1]), ClientName(r[-1])) for r in s.exec(q)]


def _select(*extra: Any) -> Any:
    return select(*_LINE, *extra, Client.name).join(Client, col(Client.id) == Job.client_id)


def people(s: Session, team_id: str) -> dict[str, Person]:
    """The team's people by user id; one statement."""
    q = select(
        Member.user_id,
        Member.role,
        Member.department,
        Member.manager_id,
        Member.language,
        Member.slack_locale,
    ).where(Member.team_id == team_id)
    return {r[0]: Person(*r) for r in s.exec(q)}


def to_accept(
    s: Session, team_id: str, approved_by: datetime
) -> list[tuple[JobLine, ClientName, datetime]]:
    """The approved jobs nobody has accepted and nobody was reminded of, approved (the
    approval's decision, else the job's last change) at or before `approved_by`, each with
    that moment; one statement."""
    approved = func.coalesce(Approval.decided_at, Job.updated_at)
    q = (
        select(*_LINE, Client.name, Approval.decided_at, Job.updated_at)
        .join(Client, col(Client.id) == Job.client_id)
        .outerjoin(Approval, col(Approval.id) == Job.approval_id)
        .where(
            Job.team_id == team_id,
            Job.status == OPEN,
            col(Job.accept_reminded_at).is_(None),
            approved <= approved_by,
        )
        .order_by(col(Job.internal_deadline), col(Job.number))
    )
    return [(JobLine(*r[:-3]), ClientName(r[-3]), r[-2] or r[-1]) for r in s.exec(q)]


def near_internal(s: Session, team_id: str, now: datetime, until: datetime) -> list[Row]:
    """The jobs not yet sent, not yet reminded, whose internal deadline is after `now` and at
    or before `until`; one statement."""
    q = _select().where(
        Job.team_id == team_id,
        col(Job.status).in_(NOT_SENT),
        col(Job.internal_reminded_at).is_(None),
        Job.internal_deadline > now,
        Job.internal_deadline <= until,
    )
    return _lines(s, q.order_by(col(Job.internal_deadline), col(Job.number)))


def due_by(s: Session, team_id: str, until: datetime) -> list[Row]:
    """The jobs not yet sent whose internal deadline is at or before `until`, overdue ones
    included, by internal deadline; one statement."""
    q = _select().where(
        Job.team_id == team_id, col(Job.status).in_(NOT_SENT), Job.internal_deadline <= until
    )
    return _lines(s, q.order_by(col(Job.internal_deadline), col(Job.number)))


def past_client_deadline(s: Session, team_id: str, now: datetime) -> list[Row]:
    """The live jobs past the client's deadline and not signed off, whose owner was not told
    yet, the longest past first; one statement."""
    q = _select().where(
        Job.team_id == team_id,
        col(Job.status).in_([x for x in LIVE if x != SIGNED]),
        col(Job.overdue_told_at).is_(None),
        Job.deadline < now,
    )
    return _lines(s, q.order_by(col(Job.deadline), col(Job.number)))


def assignees_due_by(s: Session, team_id: str, until: datetime) -> dict[int, list[str]]:
    """The assignees of the jobs `due_by` reads, by job, in the order assigned; one statement
    (a join, not a list of ids: there may be thousands)."""
    q = (
        select(JobAssignee.job_id, JobAssignee.user_id)
        .join(Job, col(Job.id) == JobAssignee.job_id)
        .where(
            JobAssignee.team_id == team_id,
            col(Job.status).in_(NOT_SENT),
            Job.internal_deadline <= until,
        )
        .order_by(col(JobAssignee.id))
    )
    out: dict[int, list[str]] = defaultdict(list)
    for job_id, user in s.exec(q):
        out[job_id].append(user)
    return out


def in_messages_not_delivered(s: Session, team_id: str, task: str) -> set[int]:
    """The jobs of the task's messages not delivered (still trying, given up, or no longer
    useful): a later run leaves them out, so that a reminder Slack is slow to take is not
    decided a second time under another run's key; one statement."""
    q = select(OutboxMessage.effect_ids).where(
        OutboxMessage.team_id == team_id,
        OutboxMessage.job == task,
        OutboxMessage.status != DELIVERED,
        col(OutboxMessage.effect).is_not(None),
    )
    return {int(i) for ids in s.exec(q) for i in json.loads(ids or "[]")}
