"""What `aebot export` reads: the agency's records, a row at a time, people and clients by name.

Each export is a query streamed in batches (`yield_per`: a server-side cursor on PostgreSQL), so
a year of 50,000 contacts is read in flat memory; names come from the team (a few hundred
people, read once) and from the client joined in the same query. Rows hold plain values (times
aware, in UTC; codes as stored): the command words and formats them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from storage.models import Approval, Client, ContactLog, Job, Member, OvertimeForm

BATCH = 2000
Row = tuple[Any, ...]


@dataclass(frozen=True)
class Export:
    """One kind of export: its columns (codes the command names in the reader's language),
    and the rows of a team between two moments (either may be None)."""

    columns: tuple[str, ...]
    rows: Callable[[Session, str, datetime | None, datetime | None], Iterator[Row]]


def _names(s: Session, team: str) -> dict[str, str]:
    q = select(Member.user_id, Member.name).where(Member.team_id == team)
    return dict(s.exec(q).all())


def _between(q: Any, column: Any, start: datetime | None, end: datetime | None) -> Any:
    if start is not None:
        q = q.where(column >= start)
    if end is not None:
        q = q.where(column < end)
    return q


def _stream(s: Session, q: Any) -> Iterator[Any]:
    return iter(s.exec(q.execution_options(yield_per=BATCH)))


def contacts(s: Session, team: str, start: datetime | None, end: datetime | None) -> Iterator[Row]:
    """Contacts logged (not those undone), in the order they happened."""
    names = _names(s, team)
    q = (
        select(ContactLog, Client.name, Client.code)
        .join(Client, col(Client.id) == ContactLog.client_id)
        .where(ContactLog.team_id == team, col(ContactLog.deleted_at).is_(None))
    )
    q = _between(q, ContactLog.at, start, end).order_by(col(ContactLog.at), col(ContactLog.id))
    for c, client, code in _stream(s, q):
        yield (
            c.at,
            client,
            code,
            c.kind,
            names.get(c.author_id, c.author_id),
            c.summary,
            c.next_steps,
            c.follow_up_on,
            c.report_due,
            c.report_sent_at,
            c.created_at,
        )


def jobs(s: Session, team: str, start: datetime | None, end: datetime | None) -> Iterator[Row]:
    """Job requests and their modifications, by when they were filed."""
    names = _names(s, team)
    q = (
        select(Job, Client.name, Client.code)
        .join(Client, col(Client.id) == Job.client_id)
        .where(Job.team_id == team)
    )
    q = _between(q, Job.created_at, start, end).order_by(col(Job.created_at), col(Job.id))
    for j, client, code in _stream(s, q):
        yield (
            j.number,
            j.created_at,
            client,
            code,
            j.department,
            j.project,
            j.job_type,
            j.brief,
            j.deadline,
            j.internal_deadline,
            names.get(j.owner_id, j.owner_id),
            j.status,
            j.closed_at,
            j.delivery_note or "",
        )


def clients(s: Session, team: str, start: datetime | None, end: datetime | None) -> Iterator[Row]:
    """Client records, by code (those created between the two moments, when given)."""
    names = _names(s, team)
    q = _between(select(Client).where(Client.team_id == team), Client.created_at, start, end)
    for c in _stream(s, q.order_by(col(Client.code_year), col(Client.serial))):
        backup = names.get(c.backup_owner_id, c.backup_owner_id) if c.backup_owner_id else ""
        yield (
            c.code,
            c.name,
            c.city,
            c.in_city,
            c.contact_person,
            names.get(c.owner_id, c.owner_id),
            backup,
            c.cadence_days,
            c.funnel_stage,
            c.status,
            c.status_since,
            c.status_note,
            c.created_at,
        )


def approvals(s: Session, team: str, start: datetime | None, end: datetime | None) -> Iterator[Row]:
    """Requests of every kind, by when they were filed, with their decision."""
    names = _names(s, team)
    client = aliased(Client)
    q = select(Approval, client.name).outerjoin(client, col(client.id) == Approval.client_id)
    q = _between(q.where(Approval.team_id == team), Approval.created_at, start, end)

    def who(uid: str | None) -> str:
        return names.get(uid, uid) if uid else ""

    for a, client_name in _stream(s, q.order_by(col(Approval.created_at), col(Approval.id))):
        yield (
            a.id,
            a.created_at,
            a.kind,
            a.title,
            client_name or "",
            Decimal(a.amount) if a.amount else None,
            a.reason,
            who(a.requester_id),
            who(a.approver_id),
            a.status,
            who(a.decided_by),
            a.decided_at,
            a.decision_note or "",
        )


def overtime(s: Session, team: str, start: datetime | None, end: datetime | None) -> Iterator[Row]:
    """Overtime forms, by the day worked (the day's start decides the range)."""
    names = _names(s, team)
    client = aliased(Client)
    q = (
        select(OvertimeForm, Job.number, client.name)
        .outerjoin(Job, col(Job.id) == OvertimeForm.job_id)
        .outerjoin(client, col(client.id) == OvertimeForm.client_id)
        .where(OvertimeForm.team_id == team)
    )
    q = _between(q, OvertimeForm.start, start, end)
    for o, number, client_name in _stream(s, q.order_by(col(OvertimeForm.start))):
        people = [names.get(u, u) for u in json.loads(o.members or "[]")]
        hours = round((o.end - o.start).total_seconds() / 3600, 2)
        yield (
            o.day,
            names.get(o.filer_id, o.filer_id),
            "、".join(people),
            number or "",
            client_name or "",
            o.start,
            o.end,
            hours,
            o.late,
            o.status,
            o.reason,
        )


EXPORTS: dict[str, Export] = {
    "contacts": Export(
        (
            "at",
            "client",
            "client_code",
            "kind",
            "by",
            "summary",
            "next_steps",
            "follow_up_on",
            "report_due",
            "report_sent_at",
            "logged_at",
        ),
        contacts,
    ),
    "jobs": Export(
        (
            "number",
            "filed_at",
            "client",
            "client_code",
            "department",
            "project",
            "job_type",
            "brief",
            "deadline",
            "internal_deadline",
            "owner",
            "status",
            "closed_at",
            "delivery_note",
        ),
        jobs,
    ),
    "clients": Export(
        (
            "client_code",
            "client",
            "city",
            "in_city",
            "contact_person",
            "owner",
            "backup_owner",
            "cadence_days",
            "funnel_stage",
            "status",
            "status_since",
            "status_note",
            "created_at",
        ),
        clients,
    ),
    "approvals": Export(
        (
            "id",
            "filed_at",
            "request_kind",
            "title",
            "client",
            "amount",
            "reason",
            "requester",
            "approver",
            "status",
            "decided_by",
            "decided_at",
            "decision_note",
        ),
        approvals,
    ),
    "overtime": Export(
        (
            "day",
            "filed_by",
            "members",
            "number",
            "client",
            "start",
            "end",
            "hours",
            "late",
            "status",
            "reason",
        ),
        overtime,
    ),
}
