"""Overtime forms' storage (加班单): the insert of `/overtime`, and the month's forms that
`/overtime list` and `/overtime report` read (one statement for the team each).

A form's status follows its approval in the decision's own transaction (storage/approvals.py
SUBJECTS["overtime"]).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.models import Job, OvertimeForm


@dataclass(frozen=True)
class FormFields:
    """What a filer gives (the modal or the quick path), with what the rules worked out: late,
    and the later start of the next working morning."""

    filer_id: str
    members: Sequence[str]
    job_id: int | None
    client_id: int | None
    day: date
    start: datetime
    end: datetime
    reason: str
    late: bool
    deferred_until: datetime | None = None


def file(s: Session, team_id: str, f: FormFields, now: datetime) -> OvertimeForm:
    form = OvertimeForm(
        team_id=team_id,
        filer_id=f.filer_id,
        members=json.dumps(list(dict.fromkeys(f.members))),
        job_id=f.job_id,
        client_id=f.client_id,
        day=f.day,
        start=f.start,
        end=f.end,
        reason=f.reason,
        late=f.late,
        status="pending",
        deferred_until=f.deferred_until,
        created_at=now,
        updated_at=now,
    )
    s.add(form)
    s.flush()
    return form


def set_approval(s: Session, form_id: int, approval_id: int) -> None:
    s.exec(  # type: ignore[call-overload]
        update(OvertimeForm).where(col(OvertimeForm.id) == form_id).values(approval_id=approval_id)
    )


def get(s: Session, team_id: str, form_id: int, *, fresh: bool = False) -> OvertimeForm | None:
    q = select(OvertimeForm).where(col(OvertimeForm.id) == form_id, OvertimeForm.team_id == team_id)
    if fresh:
        q = q.execution_options(populate_existing=True)
    return s.exec(q).first()


def between(
    s: Session, team_id: str, first: date, last: date, statuses: Sequence[str] | None = None
) -> list[OvertimeForm]:
    """The team's forms of the days [first, last] (in these statuses), by day and filing."""
    q = select(OvertimeForm).where(
        OvertimeForm.team_id == team_id,
        col(OvertimeForm.day) >= first,
        col(OvertimeForm.day) <= last,
    )
    if statuses is not None:
        q = q.where(col(OvertimeForm.status).in_(list(statuses)))
    return list(
        s.exec(q.order_by(col(OvertimeForm.day), col(OvertimeForm.start), col(OvertimeForm.id)))
    )


def of_person(
    s: Session, team_id: str, user_id: str, first: date, last: date
) -> list[OvertimeForm]:
    """Forms of [first, last] that `user_id` filed or stays on."""
    return [
        f
        for f in between(s, team_id, first, last)
        if f.filer_id == user_id or user_id in members_of(f)
    ]


def members_of(form: OvertimeForm) -> list[str]:
    """Who stays on a form."""
    return read_members(form.members)


def read_members(stored: str | None) -> list[str]:
    """Who stays, as stored (a JSON list of user ids); nothing readable is no one."""
    try:
        users = json.loads(stored or "[]")
    except ValueError:
        return []
    return [u for u in users if isinstance(u, str)] if isinstance(users, list) else []


def jobs_by_id(s: Session, team_id: str, ids: Iterable[int]) -> dict[int, Job]:
    """The jobs forms are for, by id (one statement)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    q = select(Job).where(Job.team_id == team_id, col(Job.id).in_(wanted))
    return {j.id: j for j in s.exec(q) if j.id is not None}
