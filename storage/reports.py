"""Contact reports (联络报告) as stored: written once per contact, each edit a new version, the
client's confirmation recorded once. Lists of people are JSON arrays of user ids."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.rules.job_life import LIVE
from bot.rules.reports import ReportFields
from storage.models import (
    ActionItem,
    Client,
    ContactLog,
    ContactReport,
    Job,
    JobAssignee,
    Member,
    OutboxMessage,
)
from storage.outbox import PENDING, Effect, register_effect

REMINDERS = "contact-report-due:"  # the outbox keys of the report clock's DMs


def _escalations_too(s: Session, ids: list[int], _to: dict[int, str], now: datetime) -> list[int]:
    """An author's report-clock DM tells of reports at 24 hours (their ids) and past 48 hours
    (their ids negated): delivered, the latter are marked escalated here, the former reminded."""
    escalated = [-i for i in ids if i < 0]
    if escalated:
        s.exec(  # type: ignore[call-overload]
            update(ContactLog)
            .where(col(ContactLog.id).in_(escalated), col(ContactLog.report_escalated_at).is_(None))
            .values(report_escalated_at=now)
        )
    return [i for i in ids if i > 0]


register_effect("report_clock", Effect(ContactLog, "report_reminded_at", first=_escalations_too))


def people(text: str | None) -> list[str]:
    """A JSON array of user ids as a list (anything else: nobody)."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [u for u in value if isinstance(u, str)] if isinstance(value, list) else []


def as_json(users: tuple[str, ...] | list[str]) -> str:
    return json.dumps(list(users))


@dataclass(frozen=True)
class ReportContext:
    """A contact with what its report form and its messages need, read in a few statements."""

    contact: ContactLog
    client: Client
    report: ContactReport | None
    job_owners: list[str]  # the people on the client's live jobs: owners and assignees
    members: dict[str, Member]  # the team, by user id
    items: list[ActionItem]  # the report's action items (not dropped by an edit)

    def manager(self, user: str | None) -> str | None:
        m = self.members.get(user or "")
        return m.manager_id if m else None


def context(s: Session, team: str, contact_id: int) -> ReportContext | None:
    """The contact (live), its client, its report if written, the owners of the client's open
    jobs and the team's people; None for a contact that is not the team's or was undone."""
    row = s.exec(
        select(ContactLog, Client)
        .join(Client, col(Client.id) == col(ContactLog.client_id))
        .where(ContactLog.team_id == team, ContactLog.id == contact_id)
    ).first()
    if row is None or row[0].deleted_at is not None:
        return None
    contact, client = row
    report = s.exec(
        select(ContactReport).where(
            ContactReport.team_id == team, ContactReport.contact_id == contact_id
        )
    ).first()
    live = select(Job.id).where(
        Job.team_id == team, Job.client_id == client.id, col(Job.status).in_(LIVE)
    )
    owners = s.exec(select(Job.owner_id).where(col(Job.id).in_(live))).all()
    on_them = s.exec(
        select(JobAssignee.user_id).where(
            JobAssignee.team_id == team, col(JobAssignee.job_id).in_(live)
        )
    ).all()
    jobs = [*owners, *on_them]  # the people on the client's jobs: owners and assignees
    members = {m.user_id: m for m in s.exec(select(Member).where(Member.team_id == team))}
    items = report_items(s, team, report.id) if report and report.id else []
    return ReportContext(contact, client, report, list(dict.fromkeys(jobs)), members, items)


def report_items(s: Session, team: str, report_id: int) -> list[ActionItem]:
    """A report's action items as it now lists them (those an edit dropped left out)."""
    q = select(ActionItem).where(
        ActionItem.team_id == team,
        ActionItem.report_id == report_id,
        col(ActionItem.dropped_at).is_(None),
    )
    return list(s.exec(q.order_by(col(ActionItem.id))))


def get(s: Session, team: str, report_id: int) -> ContactReport | None:
    return s.exec(
        select(ContactReport).where(ContactReport.team_id == team, ContactReport.id == report_id)
    ).first()


def insert(
    s: Session, contact: ContactLog, author: str, fields: ReportFields, now: datetime
) -> ContactReport | None:
    """The first version of a contact's report, sent now: the contact's 48-hour clock stops
    and its pending reminders are dropped. None when the contact has one already (the UNIQUE
    (team, contact) refuses a second one written at the same instant)."""
    report = ContactReport(
        team_id=contact.team_id,
        contact_id=contact.id or 0,
        client_id=contact.client_id,
        author_id=author,
        sent_at=now,
        created_at=now,
        updated_at=now,
    )
    _fill(report, fields)
    try:
        with s.begin_nested():
            s.add(report)
            s.flush()
    except IntegrityError:
        return None
    if contact.report_sent_at is None:
        contact.report_sent_at = now
        s.add(contact)
    s.flush()
    cancel_reminders(s, contact.team_id, contact.id or 0)
    return report


def revise(s: Session, report: ContactReport, fields: ReportFields, now: datetime) -> list[str]:
    """An edit: the next version, sent now. Returns who it was sent to before."""
    before = people(report.sent_to)
    _fill(report, fields)
    report.version += 1
    report.sent_at = report.updated_at = now
    s.add(report)
    s.flush()
    return before


def _fill(report: ContactReport, fields: ReportFields) -> None:
    report.our_attendees = as_json(fields.our_attendees)
    report.client_attendees = fields.client_attendees
    report.conclusions = "\n".join(fields.conclusions)
    report.items_text = fields.items_text
    report.sent_to = as_json(fields.sent_to)


def confirm(s: Session, team: str, report_id: int, user: str, now: datetime) -> bool:
    """Record that the client confirmed the report: once (one conditional UPDATE; False if
    someone already had)."""
    done = s.exec(  # type: ignore[call-overload]
        update(ContactReport)
        .where(
            ContactReport.team_id == team,
            ContactReport.id == report_id,
            col(ContactReport.confirmed_at).is_(None),
        )
        .values(confirmed_by=user, confirmed_at=now, updated_at=now)
    )
    return bool(done.rowcount)


def cancel_reminders(s: Session, team: str, contact_id: int) -> int:
    """Drop the report clock's pending DMs that are about this contact alone, or about
    contacts whose reports are all sent now (a DM about others still goes)."""
    rows = s.exec(
        select(OutboxMessage).where(
            OutboxMessage.team_id == team,
            col(OutboxMessage.key).startswith(REMINDERS),
            col(OutboxMessage.status) == PENDING,
        )
    ).all()
    about = {r.id: {abs(i) for i in json.loads(r.effect_ids or "[]")} for r in rows}
    mentioned = {cid for ids in about.values() for cid in ids} | {contact_id}
    sent = set(
        s.exec(
            select(ContactLog.id).where(
                col(ContactLog.id).in_(mentioned), col(ContactLog.report_sent_at).is_not(None)
            )
        ).all()
    )
    moot = [rid for rid, ids in about.items() if contact_id in ids and ids <= sent | {contact_id}]
    if not moot:
        return 0
    s.exec(  # type: ignore[call-overload]
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(moot), col(OutboxMessage.status) == PENDING)
        .values(status="expired", error="no longer needed")
    )
    return len(moot)


def unconfirmed(
    s: Session, team: str, sent_before: datetime
) -> list[tuple[ContactReport, ContactLog, Client]]:
    """Reports sent before a moment and not confirmed by the client, oldest first; one
    statement for the team (the Monday agenda)."""
    q = (
        select(ContactReport, ContactLog, Client)
        .join(ContactLog, col(ContactLog.id) == col(ContactReport.contact_id))
        .join(Client, col(Client.id) == col(ContactReport.client_id))
        .where(
            ContactReport.team_id == team,
            col(ContactReport.confirmed_at).is_(None),
            col(ContactReport.created_at) < sent_before,
            col(ContactLog.deleted_at).is_(None),
        )
        .order_by(col(ContactReport.created_at))
    )
    return [(r, c, cl) for r, c, cl in s.exec(q)]
