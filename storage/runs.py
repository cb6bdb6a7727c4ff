"""The bookkeeping of the timetable's runs: one row per (team, task, period), written in the
transaction that queues the run's messages, so a run is decided exactly once. The row's column
`job` holds the task's name (its first name, kept in the database)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import TaskRun

SENDING, DONE, FAILED = "sending", "done", "failed"


def get_run(s: Session, team_id: str, task: str, period: str) -> TaskRun | None:
    q = select(TaskRun).where(
        TaskRun.team_id == team_id, TaskRun.job == task, TaskRun.period == period
    )
    return s.exec(q).first()


def decide_run(
    s: Session, team_id: str, task: str, period: str, now: datetime, detail: str
) -> bool:
    """Record that the run was decided (its messages are queued in the same transaction);
    False when another process or an earlier run got there first. A failed run is taken over."""
    run = TaskRun(team_id=team_id, job=task, period=period, claimed_at=now, status=SENDING)
    run.detail = detail[:2000]
    try:
        with s.begin_nested():
            s.add(run)
            s.flush()
    except IntegrityError:
        retake = (
            update(TaskRun)
            .where(
                TaskRun.team_id == team_id,
                TaskRun.job == task,
                TaskRun.period == period,
                col(TaskRun.status) == FAILED,
            )
            .values(status=SENDING, claimed_at=now, detail=detail[:2000], finished_at=None)
        )
        return bool(s.exec(retake).rowcount == 1)  # type: ignore[call-overload]
    return True


def record_failure(
    s: Session, team_id: str, task: str, period: str, now: datetime, why: str
) -> None:
    """A run that could not decide: kept as failed, so that the minute's tick does not try it
    again and again; start-up catch-up and `aebot jobs run` take it over."""
    if get_run(s, team_id, task, period) is None:
        s.add(
            TaskRun(
                team_id=team_id,
                job=task,
                period=period,
                claimed_at=now,
                status=FAILED,
                detail=why[:2000],
                finished_at=now,
            )
        )


def finish_run(
    s: Session, team_id: str, task: str, period: str, status: str, now: datetime
) -> None:
    """Record whether a run's messages are all delivered or given up (`done`) or not yet
    (`sending`); its detail stays what was decided, the counts are the outbox's. A run found
    done stays done: another process that delivered the last of them may have said so after
    this one counted."""
    q = update(TaskRun).where(
        TaskRun.team_id == team_id, TaskRun.job == task, TaskRun.period == period
    )
    if status != DONE:
        q = q.where(col(TaskRun.status) != DONE)
    s.exec(q.values(status=status, finished_at=now))  # type: ignore[call-overload]


def existing_runs(s: Session, periods: set[str]) -> set[tuple[str, str, str]]:
    """(team, task, period) of every run already recorded for these periods, in one statement."""
    if not periods:
        return set()
    q = select(TaskRun.team_id, TaskRun.job, TaskRun.period).where(col(TaskRun.period).in_(periods))
    return {(t, j, p) for t, j, p in s.exec(q)}
