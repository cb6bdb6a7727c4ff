"""A job's life in storage: accepted by its department's head, assigned, moved from state to
state, signed off, closed; each step a `JobEvent`, each state change one conditional UPDATE
(whoever moves it first moves it; a second click finds it moved); and the hours people record.

Reads for many jobs at once (the timetable, the App Home) are one statement each, never one per
job or per person.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, update
from sqlmodel import Session, col, select

from bot.rules.job_life import ACCEPTED, LIVE, OPEN, Crew, Step
from bot.rules.people import DH
from storage.models import Client, Job, JobAssignee, JobEvent, JobHours, Member


def heads(s: Session, team_id: str, department: str) -> list[Member]:
    """The heads (role dh) of a department, by name."""
    q = select(Member).where(
        Member.team_id == team_id, Member.role == DH, Member.department == department
    )
    return list(s.exec(q.order_by(col(Member.name))))


def department_members(s: Session, team_id: str, department: str) -> list[Member]:
    """Everyone of a department (its heads and staff), by name."""
    q = select(Member).where(Member.team_id == team_id, Member.department == department)
    return list(s.exec(q.order_by(col(Member.name))))


def assignees(s: Session, team_id: str, job_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each job's assignees, in the order they were assigned; one statement."""
    ids = sorted(set(job_ids))
    out: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return out
    q = select(JobAssignee.job_id, JobAssignee.user_id).where(
        JobAssignee.team_id == team_id, col(JobAssignee.job_id).in_(ids)
    )
    for job_id, user in s.exec(q.order_by(col(JobAssignee.id))):
        out[job_id].append(user)
    return out


def crew(s: Session, job: Job) -> Crew:
    """Who is on the job: its owner, its department's heads, its assignees."""
    assert job.id is not None
    heads_now = frozenset(m.user_id for m in heads(s, job.team_id, job.department))
    on = frozenset(assignees(s, job.team_id, [job.id]).get(job.id, []))
    return Crew(job.owner_id, heads_now, on)


def steps(s: Session, team_id: str, job_id: int) -> list[Step]:
    """The job's steps, oldest first, as the rules read them."""
    return [Step(e.action, e.actor, e.at, e.note) for e in events(s, team_id, job_id)]


def events(s: Session, team_id: str, job_id: int) -> list[JobEvent]:
    q = select(JobEvent).where(JobEvent.team_id == team_id, JobEvent.job_id == job_id)
    return list(s.exec(q.order_by(col(JobEvent.at), col(JobEvent.id))))


def record(
    s: Session,
    job: Job,
    action: str,
    actor: str,
    now: datetime,
    *,
    note: str = "",
    before: str | None = None,
    after: str | None = None,
    data: dict[str, Any] | None = None,
) -> JobEvent:
    assert job.id is not None
    event = JobEvent(
        team_id=job.team_id,
        job_id=job.id,
        at=now,
        actor=actor,
        action=action,
        from_status=before,
        to_status=after,
        note=note,
        data=json.dumps(data or {}, ensure_ascii=False),
    )
    s.add(event)
    s.flush()
    return event


def move(
    s: Session,
    job: Job,
    to: str,
    actor: str,
    now: datetime,
    *,
    note: str = "",
    action: str | None = None,
    data: dict[str, Any] | None = None,
    **fields: Any,
) -> bool:
    """Move the job from the state it was read in to `to`, with its step recorded; False when
    someone moved it meanwhile (nothing is changed then)."""
    assert job.id is not None
    before = job.status
    done = s.exec(  # type: ignore[call-overload]
        update(Job)
        .where(col(Job.id) == job.id, Job.team_id == job.team_id, Job.status == before)
        .values(status=to, updated_at=now, **fields)
    )
    if not done.rowcount:
        return False
    record(s, job, action or to, actor, now, note=note, before=before, after=to, data=data)
    s.expire(job)
    return True


def accept(s: Session, job: Job, head: str, now: datetime) -> bool:
    """The department's head takes the approved job; False when it was accepted already."""
    if job.status != OPEN:
        return False
    return move(s, job, ACCEPTED, head, now, accepted_by=head, accepted_at=now)


def assign(s: Session, job: Job, users: Sequence[str], by: str, now: datetime) -> list[str]:
    """Add these people to the job's assignees; returns those who were not on it yet."""
    assert job.id is not None
    have = set(assignees(s, job.team_id, [job.id]).get(job.id, []))
    new = [u for u in dict.fromkeys(users) if u not in have]
    for user in new:
        s.add(
            JobAssignee(
                team_id=job.team_id, job_id=job.id, user_id=user, assigned_by=by, assigned_at=now
            )
        )
    if new:
        s.flush()
        record(s, job, "assigned", by, now, data={"users": new})
    return new


def close(
    s: Session, job: Job, by: str, note: str, now: datetime, *, without_sign_off: bool
) -> bool:
    """Close (消单) the job as it was read, with its delivery note (or the reason it closes
    without the client's sign-off); False when it moved meanwhile."""
    action = "closed_unsigned" if without_sign_off else "closed"
    return move(
        s,
        job,
        "closed",
        by,
        now,
        note=note,
        action=action,
        delivery_note=note,
        closed_by=by,
        closed_at=now,
    )


def add_hours(
    s: Session, job: Job, user: str, day: date, minutes: int, note: str, now: datetime
) -> JobHours:
    assert job.id is not None
    row = JobHours(
        team_id=job.team_id,
        job_id=job.id,
        user_id=user,
        day=day,
        minutes=minutes,
        note=note,
        created_at=now,
    )
    s.add(row)
    s.flush()
    return row


def hours_by_person(s: Session, team_id: str, job_id: int) -> list[tuple[str, int]]:
    """Minutes each person recorded on the job, most first; one statement."""
    q = (
        select(JobHours.user_id, func.sum(JobHours.minutes))
        .where(JobHours.team_id == team_id, JobHours.job_id == job_id)
        .group_by(JobHours.user_id)
    )
    return sorted(((u, int(m or 0)) for u, m in s.exec(q)), key=lambda p: (-p[1], p[0]))


def hours_between(
    s: Session, team_id: str, first: date, last: date
) -> list[tuple[JobHours, Job, Client]]:
    """Every hour record of the team from `first` to `last` (inclusive), with its job and the
    job's client; one statement (the overtime report's sheet, the Friday report)."""
    q = (
        select(JobHours, Job, Client)
        .join(Job, col(Job.id) == JobHours.job_id)
        .join(Client, col(Client.id) == Job.client_id)
        .where(JobHours.team_id == team_id, JobHours.day >= first, JobHours.day <= last)
        .order_by(col(Job.number), col(JobHours.user_id), col(JobHours.day))
    )
    return [(h, j, c) for h, j, c in s.exec(q)]


def live_jobs_of(s: Session, team_id: str, user: str) -> list[tuple[Job, Client, str]]:
    """The approved, not closed jobs someone has: those they asked for (\"owner\"), those they
    are assigned (\"assignee\") and those their department has as its head (\"head\"); by
    internal deadline; three statements at most."""
    member = s.exec(select(Member).where(Member.team_id == team_id, Member.user_id == user)).first()
    mine = select(JobAssignee.job_id).where(
        JobAssignee.team_id == team_id, JobAssignee.user_id == user
    )
    where = [col(Job.owner_id) == user, col(Job.id).in_(mine)]
    if member is not None and member.role == DH and member.department:
        where.append(col(Job.department) == member.department)
    q = (
        select(Job, Client)
        .join(Client, col(Client.id) == Job.client_id)
        .where(Job.team_id == team_id, col(Job.status).in_(LIVE), or_(*where))
        .order_by(col(Job.internal_deadline), col(Job.number))
    )
    rows = list(s.exec(q))
    assigned = assignees(s, team_id, [j.id for j, _ in rows if j.id])
    out = []
    for job, client in rows:
        if job.owner_id == user:
            as_ = "owner"
        elif user in assigned.get(job.id or 0, []):
            as_ = "assignee"
        else:
            as_ = "head"
        out.append((job, client, as_))
    return out
