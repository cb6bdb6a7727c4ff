"""One day of overtime, as the 16:30 reminder and the 17:00 cut-off read it: who owns open
jobs, who is on a form today, who said "no overtime today" (a DayMark), and today's forms still
waiting for a decision. Each is one statement for the whole team."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from bot.rules.approvals import PENDING, WITHDRAWN
from bot.rules.job_life import LIVE
from storage.models import Approval, DayMark, Job, OvertimeForm
from storage.overtime import read_members

NO_OVERTIME = "no-overtime"


def mark(s: Session, team_id: str, user_id: str, day: date, kind: str, now: datetime) -> bool:
    """Record what `user_id` said about `day` (kind "no-overtime"); once: a second time changes
    nothing (INSERT … ON CONFLICT DO NOTHING). True if this call stored it."""
    dialect = s.get_bind().dialect.name
    ins = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = ins(DayMark).on_conflict_do_nothing(index_elements=["team_id", "user_id", "day", "kind"])
    row = {"team_id": team_id, "user_id": user_id, "day": day, "kind": kind, "created_at": now}
    return bool(s.connection().execute(stmt, [row]).rowcount)


def marked(s: Session, team_id: str, day: date, kind: str) -> set[str]:
    """Everyone who said `kind` about `day`."""
    q = select(DayMark.user_id).where(
        DayMark.team_id == team_id, DayMark.day == day, DayMark.kind == kind
    )
    return set(s.exec(q))


def open_jobs_by_owner(s: Session, team_id: str) -> dict[str, int]:
    """How many open jobs each person owns (only those who own one)."""
    q = (
        select(Job.owner_id, func.count())
        .where(Job.team_id == team_id, col(Job.status).in_(LIVE))
        .group_by(col(Job.owner_id))
    )
    return {owner: int(n) for owner, n in s.exec(q)}


def on_a_form(s: Session, team_id: str, day: date) -> set[str]:
    """Everyone on an overtime form of `day` that was not withdrawn, as its filer or one of
    the members who stay."""
    q = select(OvertimeForm.filer_id, OvertimeForm.members).where(
        OvertimeForm.team_id == team_id,
        OvertimeForm.day == day,
        OvertimeForm.status != WITHDRAWN,
    )
    out: set[str] = set()
    for filer, members in s.exec(q):
        out.add(filer)
        out.update(read_members(members))
    return out


def waiting(
    s: Session, team_id: str, day: date, *, on_time_only: bool = False
) -> list[tuple[OvertimeForm, Approval]]:
    """The forms of `day` whose request still waits for a decision, with it: on-time ones
    first, then the late ones, each in the order they were filed."""
    q = (
        select(OvertimeForm, Approval)
        .join(Approval, col(Approval.id) == col(OvertimeForm.approval_id))
        .where(
            OvertimeForm.team_id == team_id,
            OvertimeForm.day == day,
            Approval.team_id == team_id,
            Approval.status == PENDING,
        )
    )
    if on_time_only:
        q = q.where(col(OvertimeForm.late).is_(False))
    q = q.order_by(col(OvertimeForm.late), col(OvertimeForm.created_at), col(OvertimeForm.id))
    return [(form, a) for form, a in s.exec(q)]
