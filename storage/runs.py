"""The bookkeeping of scheduled runs: one claim per (team, job, period), and a claim per
message a run sends."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, insert, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import Delivery, JobRun


def claim_run(
    s: Session,
    team_id: str,
    job: str,
    period: str,
    now: datetime,
    stale_before: datetime | None = None,
) -> JobRun | None:
    """Insert the (job, period) claim; None when another process or run already has it.

    A failed run may be taken again, and so may a run still 'running' since before
    `stale_before` (its process died); the messages it already claimed are not sent twice."""
    run = JobRun(team_id=team_id, job=job, period=period, claimed_at=now)
    try:
        with s.begin_nested():
            s.add(run)
            s.flush()
    except IntegrityError:
        same = (JobRun.team_id == team_id, JobRun.job == job, JobRun.period == period)
        retake = col(JobRun.status) == "failed"
        if stale_before is not None:
            stale = and_(col(JobRun.status) == "running", col(JobRun.claimed_at) < stale_before)
            retake = or_(retake, stale)
        taken = update(JobRun).where(*same, retake).values(status="running", claimed_at=now)
        if s.exec(taken).rowcount != 1:  # type: ignore[call-overload]
            return None
        return s.exec(select(JobRun).where(*same)).one()
    return run


def claim_deliveries(
    s: Session, team_id: str, job: str, period: str, keys: list[str], now: datetime
) -> set[str]:
    """Claim the messages of a run not claimed before; returns the keys this call claimed.
    Two statements whatever the number of messages."""
    q = select(Delivery.key).where(
        Delivery.team_id == team_id, Delivery.job == job, Delivery.period == period
    )
    taken = set(s.exec(q))
    fresh = [k for k in dict.fromkeys(keys) if k not in taken]
    if fresh:
        rows = [
            {"team_id": team_id, "job": job, "period": period, "key": k, "claimed_at": now}
            for k in fresh
        ]
        s.exec(insert(Delivery), params=rows)  # type: ignore[call-overload]
    return set(fresh)


def existing_runs(s: Session, periods: set[str]) -> set[tuple[str, str, str]]:
    """(team, job, period) of every run already claimed for these periods, in one statement."""
    if not periods:
        return set()
    q = select(JobRun.team_id, JobRun.job, JobRun.period).where(col(JobRun.period).in_(periods))
    return {(t, j, p) for t, j, p in s.exec(q)}
