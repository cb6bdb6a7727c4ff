"""Job requests' storage (工作单): the insert that takes a job number, and the queries of `/job`.

A number is taken inside the write that files the job: the next sequence of the team's
department in that month, one past the highest ever taken (nothing is deleted, so a withdrawn or
rejected job keeps its number for ever). Two filings at the same instant may both read the same
highest; the UNIQUE constraints on the number and on (team, department, month, seq, revision)
let only one insert through, and the other tries again from a SAVEPOINT, reading the new
highest. On SQLite writers take turns anyway; on PostgreSQL the loser's insert waits for the
winner's commit, fails, and its next read sees the winner's row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.rules.jobs import job_number, next_seq, parse_job_number
from storage.models import Approval, Job

MAX_TRIES = 20  # numbers taken by others at the same instant, before giving up


@dataclass(frozen=True)
class JobFields:
    """What the requester fills in (the modal), the same for a new job, a revision and a
    resubmission."""

    client_id: int
    project: str
    job_type: str
    brief: str
    deadline: datetime  # the client's
    internal_deadline: datetime
    materials_url: str | None = None


def month_of(local: datetime) -> int:
    """The month a job is numbered in (YYYYMM), from the filing time in the workspace zone."""
    return local.year * 100 + local.month


def _insert_numbered(s: Session, build: Callable[[], Job]) -> Job:
    """Insert the job `build()` makes (it reads the highest number taken), again from a
    SAVEPOINT while someone else took that number first."""
    for attempt in range(MAX_TRIES):
        try:
            with s.begin_nested():
                job = build()
                s.add(job)
                s.flush()
            return job
        except IntegrityError:
            if attempt == MAX_TRIES - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def file_new(
    s: Session,
    team_id: str,
    department: str,
    filed_local: datetime,
    fields: JobFields,
    owner_id: str,
    now: datetime,
) -> Job:
    """A new job, numbered in the department's sequence of the month of `filed_local` (the
    filing time in the workspace zone); pending until its supervisor decides."""
    month = month_of(filed_local)

    def build() -> Job:
        top = s.exec(
            select(func.max(Job.seq)).where(
                Job.team_id == team_id, Job.department == department, Job.month == month
            )
        ).one()
        seq = next_seq([top] if top else [])
        return _job(team_id, department, month, seq, 0, None, fields, owner_id, now)

    return _insert_numbered(s, build)


def file_revision(
    s: Session, original: Job, fields: JobFields, owner_id: str, now: datetime
) -> Job:
    """A follow-up modification (后续修改) of `original`: its number with "-R1", "-R2"…"""
    assert original.id is not None

    def build() -> Job:
        top = s.exec(
            select(func.max(Job.revision)).where(
                Job.team_id == original.team_id,
                Job.department == original.department,
                Job.month == original.month,
                Job.seq == original.seq,
            )
        ).one()
        return _job(
            original.team_id,
            original.department,
            original.month,
            original.seq,
            (top or 0) + 1,
            original.id,
            fields,
            owner_id,
            now,
        )

    return _insert_numbered(s, build)


def _job(
    team_id: str,
    department: str,
    month: int,
    seq: int,
    revision: int,
    parent_id: int | None,
    fields: JobFields,
    owner_id: str,
    now: datetime,
) -> Job:
    return Job(
        team_id=team_id,
        number=job_number(department, month // 100, month % 100, seq, revision),
        department=department,
        month=month,
        seq=seq,
        revision=revision,
        parent_id=parent_id,
        client_id=fields.client_id,
        project=fields.project,
        job_type=fields.job_type,
        brief=fields.brief,
        deadline=fields.deadline,
        internal_deadline=fields.internal_deadline,
        materials_url=fields.materials_url,
        owner_id=owner_id,
        issued_by=owner_id,
        status="pending",
        created_at=now,
        updated_at=now,
    )


def set_approval(s: Session, job_id: int, approval_id: int) -> None:
    """The request deciding the job now (a resubmission files a new one)."""
    s.exec(update(Job).where(col(Job.id) == job_id).values(approval_id=approval_id))  # type: ignore[call-overload]


def resubmit(s: Session, team_id: str, job_id: int, fields: JobFields, now: datetime) -> bool:
    """A rejected job, edited, waits for a decision again under the same number; False when it
    is no longer rejected (resubmitted already)."""
    done = s.exec(  # type: ignore[call-overload]
        update(Job)
        .where(col(Job.id) == job_id, Job.team_id == team_id, Job.status == "rejected")
        .values(
            client_id=fields.client_id,
            project=fields.project,
            job_type=fields.job_type,
            brief=fields.brief,
            deadline=fields.deadline,
            internal_deadline=fields.internal_deadline,
            materials_url=fields.materials_url,
            status="pending",
            updated_at=now,
        )
    )
    return bool(done.rowcount)


# --- reading ---------------------------------------------------------------------------------
def get(s: Session, team_id: str, job_id: int, *, fresh: bool = False) -> Job | None:
    q = select(Job).where(col(Job.id) == job_id, Job.team_id == team_id)
    if fresh:
        q = q.execution_options(populate_existing=True)
    return s.exec(q).first()


def by_number(s: Session, team_id: str, typed: str) -> Job | None:
    """The job a typed number names, in any case and with a one-digit sequence ("cr-202611-7")."""
    parts = parse_job_number(typed)
    if parts is None:
        return None
    number = job_number(parts.department, parts.year, parts.month, parts.seq, parts.revision)
    return s.exec(select(Job).where(Job.team_id == team_id, Job.number == number)).first()


def owned(s: Session, team_id: str, owner_id: str, statuses: Sequence[str]) -> list[Job]:
    """Someone's jobs in these statuses, soonest internal deadline first (one statement)."""
    q = select(Job).where(
        Job.team_id == team_id, Job.owner_id == owner_id, col(Job.status).in_(list(statuses))
    )
    return list(s.exec(q.order_by(col(Job.internal_deadline), col(Job.id))))


def revisions(s: Session, team_id: str, parent_id: int) -> list[Job]:
    q = select(Job).where(Job.team_id == team_id, Job.parent_id == parent_id)
    return list(s.exec(q.order_by(col(Job.revision))))


def approvals_of(s: Session, team_id: str, job_ids: Iterable[int]) -> list[Approval]:
    """Every request filed for these jobs (a resubmission files another), oldest first."""
    ids = sorted(set(job_ids))
    if not ids:
        return []
    q = select(Approval).where(
        Approval.team_id == team_id, Approval.subject == "job", col(Approval.subject_id).in_(ids)
    )
    return list(s.exec(q.order_by(col(Approval.created_at), col(Approval.id))))
