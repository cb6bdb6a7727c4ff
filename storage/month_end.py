"""What the month-end summaries read beyond the duties and the jobs (storage/agenda.py): the
month's contacts and next month's follow-ups, the contact reports sent, the open action items
and when each job was marked signed off. One statement each, for the whole team."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from bot.rules.job_life import LIVE, SIGNED
from bot.rules.month_end import ContactFacts, ItemFacts, MonthFacts, ReportFacts, month_of
from storage import agenda as stored
from storage.models import ActionItem, ContactLog, ContactReport, Job, JobEvent


def contacts(
    s: Session, team_id: str, start: datetime, end: datetime, follow_ups: tuple[date, date]
) -> list[ContactFacts]:
    """Contacts logged in [start, end), and those (logged whenever) with a follow-up set in
    [first, last) of next month; not undone."""
    first, last = follow_ups
    q = select(
        ContactLog.client_id,
        ContactLog.kind,
        ContactLog.at,
        ContactLog.summary,
        ContactLog.next_steps,
        ContactLog.follow_up_on,
    ).where(
        ContactLog.team_id == team_id,
        col(ContactLog.deleted_at).is_(None),
        or_(
            (col(ContactLog.at) >= start) & (col(ContactLog.at) < end),
            (col(ContactLog.follow_up_on) >= first) & (col(ContactLog.follow_up_on) < last),
        ),
    )
    return [
        ContactFacts(cid, kind, at, summary, steps, follow, start <= at < end)
        for cid, kind, at, summary, steps, follow in s.exec(q.order_by(col(ContactLog.at)))
    ]


def reports_sent(s: Session, team_id: str, start: datetime, end: datetime) -> list[ReportFacts]:
    """Contact reports sent in [start, end), with their contact's summary and when the client
    confirmed them."""
    q = (
        select(
            ContactReport.client_id,
            ContactLog.summary,
            ContactReport.sent_at,
            ContactReport.confirmed_at,
        )
        .join(ContactLog, col(ContactLog.id) == col(ContactReport.contact_id))
        .where(
            ContactReport.team_id == team_id,
            col(ContactLog.deleted_at).is_(None),
            col(ContactReport.sent_at) >= start,
            col(ContactReport.sent_at) < end,
        )
    )
    return [
        ReportFacts(cid, summary, sent, confirmed)
        for cid, summary, sent, confirmed in s.exec(q.order_by(col(ContactReport.sent_at)))
        if sent is not None
    ]


def open_items(s: Session, team_id: str) -> list[tuple[int, str, str, date | None]]:
    """The team's open action items: (client, text, owner, due day)."""
    q = select(ActionItem.client_id, ActionItem.text, ActionItem.owner_id, ActionItem.due_on).where(
        ActionItem.team_id == team_id,
        col(ActionItem.done_at).is_(None),
        col(ActionItem.dropped_at).is_(None),
    )
    return [(c, t, o, d) for c, t, o, d in s.exec(q.order_by(col(ActionItem.id)))]


def signed_at(s: Session, team_id: str, closed_since: datetime) -> dict[int, datetime]:
    """When each job read for the month (live, pending, or closed since a moment) was first
    marked signed off."""
    q = (
        select(JobEvent.job_id, func.min(JobEvent.at))
        .join(Job, col(Job.id) == col(JobEvent.job_id))
        .where(
            JobEvent.team_id == team_id,
            JobEvent.to_status == SIGNED,
            or_(
                col(Job.status).in_(["pending", *LIVE]),
                (col(Job.status) == "closed") & (col(Job.closed_at) >= closed_since),
            ),
        )
        .group_by(col(JobEvent.job_id))
    )
    return {job: at for job, at in s.exec(q) if at is not None}


def facts(
    s: Session, team_id: str, period: str, zone: ZoneInfo, now: datetime, names: dict[str, str]
) -> MonthFacts:
    """What the month's summaries (YYYY-MM) are made of up to `now`, for the whole team, in
    five statements; action items' owners by name (`names`, user → name)."""
    first, nxt, after = month_of(period)
    start = datetime.combine(first, time(0), zone)
    return MonthFacts(
        period,
        zone,
        stored.jobs(s, team_id, ("pending", *LIVE), start),
        signed_at(s, team_id, start),
        contacts(s, team_id, start, now, (nxt, after)),
        reports_sent(s, team_id, start, now),
        [ItemFacts(c, t, names.get(o, o), d) for c, t, o, d in open_items(s, team_id)],
    )
