"""One week of a team, read for the Friday report and its preview (bot/rules/week.py): the
people, their clients, the week's contacts, open contact reports, jobs, approved overtime,
notes, leave, funnel changes, receivables, the hours recorded on jobs, and the month's client
log when the week carries it. A constant number of statements whatever the size of the team (never one per person or
client); rows come back as the rules' plain records (bot/rules/week_input.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from bot.rules import week_input as rules
from bot.rules.contacts import REPORT_ESCALATE_AFTER
from bot.rules.job_life import NOT_SENT
from bot.rules.overtime import minutes
from bot.rules.working_time import WorkingHours
from storage import absence, action_items, queries
from storage.models import (
    Client,
    ContactLog,
    FunnelChange,
    Job,
    JobHours,
    Member,
    OvertimeForm,
    Receivable,
    WeeklyNote,
)
from storage.overtime import members_of

OWED_AT_LEAST = timedelta(days=58)  # fewer days overdue is never 2 months: not read


def read_week(
    s: Session,
    team_id: str,
    *,
    monday: date,
    days: tuple[date, ...],
    now: datetime,
    zone: ZoneInfo,
    log_month: tuple[int, int] | None = None,
    hours: WorkingHours | None = None,
    prospect_days: int = 5,
) -> tuple[rules.WeekInput, list[Member]]:
    """The week of Monday `monday` as of `now` (the working days `days` counted), and the
    team's members (for whom each message is written)."""
    start = datetime.combine(monday, time(0), zone)
    local_now = now.astimezone(zone)
    members = queries.list_members(s, team_id)
    people = [rules.Person(m.user_id, m.name, m.role, m.manager_id) for m in members]
    clients = [
        rules.ClientRow(
            c.id or 0,
            c.name,
            c.code,
            c.owner_id,
            c.cadence_days,
            c.created_at.astimezone(zone).date(),
            c.funnel_stage or "prospect",
            c.status,
            c.status_since,
        )
        for c in queries.list_clients(s, team_id)
    ]
    week = rules.WeekInput(
        monday,
        start,
        days,
        local_now,
        people,
        clients,
        contacts=_contacts(s, team_id, start, now, zone),
        open_reports=_open_reports(s, team_id, now),
        jobs=_jobs(s, team_id, start, now),
        overtime=_overtime(s, team_id, monday),
        notes=_notes(s, team_id, monday),
        leave=[
            rules.LeaveSpan(x.user_id, x.first_day, x.last_day)
            for x in absence.leave_between(s, team_id, monday, monday + timedelta(days=6))
        ],
        changes=_changes(s, team_id, start, now),
        owed=_owed(s, team_id, local_now.date()),
        log_month=log_month,
        log=_log(s, team_id, log_month, zone) if log_month else (),
        hours=hours,
        items=action_items.week_tallies(s, team_id, start, now, local_now.date()),
        job_hours=_job_hours(s, team_id, monday),
        prospect_days=prospect_days,
    )
    return week, members


def _contacts(
    s: Session, team_id: str, start: datetime, now: datetime, zone: ZoneInfo
) -> list[rules.Contact]:
    q = select(ContactLog.client_id, ContactLog.author_id, ContactLog.kind, ContactLog.at).where(
        ContactLog.team_id == team_id,
        col(ContactLog.deleted_at).is_(None),
        col(ContactLog.at) >= start,
        col(ContactLog.at) <= now,
    )
    return [rules.Contact(c, a, k, at.astimezone(zone).date()) for c, a, k, at in s.exec(q)]


def _open_reports(s: Session, team_id: str, now: datetime) -> list[rules.OpenReport]:
    """Meetings and visits whose report is not sent, 48 hours old or more."""
    q = select(ContactLog.client_id, ContactLog.author_id, ContactLog.kind, ContactLog.at).where(
        ContactLog.team_id == team_id,
        col(ContactLog.deleted_at).is_(None),
        col(ContactLog.report_due).is_(True),
        col(ContactLog.report_sent_at).is_(None),
        col(ContactLog.at) <= now - REPORT_ESCALATE_AFTER,
    )
    return [rules.OpenReport(*row) for row in s.exec(q)]


def _jobs(s: Session, team_id: str, start: datetime, now: datetime) -> list[rules.JobRow]:
    """Filed or closed since `start`, or open past their internal deadline."""
    q = select(
        Job.number,
        Job.owner_id,
        Job.client_id,
        Job.revision,
        Job.status,
        Job.created_at,
        Job.closed_at,
        Job.internal_deadline,
    ).where(
        Job.team_id == team_id,
        or_(
            col(Job.created_at) >= start,
            col(Job.closed_at) >= start,
            and_(col(Job.status).in_(NOT_SENT), col(Job.internal_deadline) < now),
        ),
    )
    return [rules.JobRow(*row) for row in s.exec(q)]


def _overtime(s: Session, team_id: str, monday: date) -> list[rules.Overtime]:
    q = select(OvertimeForm).where(
        OvertimeForm.team_id == team_id,
        OvertimeForm.status == "approved",
        col(OvertimeForm.day) >= monday,
        col(OvertimeForm.day) <= monday + timedelta(days=6),
    )
    return [
        rules.Overtime(tuple(members_of(f)), minutes(f.start, f.end), f.late) for f in s.exec(q)
    ]


def _job_hours(s: Session, team_id: str, monday: date) -> list[rules.JobHoursRow]:
    """Each job's minutes recorded from Monday to Sunday, summed in the database: one statement
    (the records themselves, one per person and day, are never brought back)."""
    q = (
        select(
            Job.number,
            Job.project,
            Job.client_id,
            Client.name,
            Job.owner_id,
            Job.department,
            Job.status,
            func.sum(JobHours.minutes),
        )
        .join(Job, col(Job.id) == JobHours.job_id)
        .join(Client, col(Client.id) == Job.client_id)
        .where(
            JobHours.team_id == team_id,
            col(JobHours.day) >= monday,
            col(JobHours.day) <= monday + timedelta(days=6),
        )
        .group_by(
            Job.id,
            Job.number,
            Job.project,
            Job.client_id,
            Client.name,
            Job.owner_id,
            Job.department,
            Job.status,
        )
    )
    return [rules.JobHoursRow(*row[:7], int(row[7] or 0)) for row in s.exec(q)]


def _notes(s: Session, team_id: str, monday: date) -> list[rules.Note]:
    q = select(WeeklyNote.user_id, WeeklyNote.kind, WeeklyNote.client_id, WeeklyNote.text).where(
        WeeklyNote.team_id == team_id, WeeklyNote.week == monday
    )
    return [rules.Note(*row) for row in s.exec(q)]


def _changes(s: Session, team_id: str, start: datetime, now: datetime) -> list[rules.StageChange]:
    q = select(
        FunnelChange.client_id,
        FunnelChange.from_stage,
        FunnelChange.to_stage,
        FunnelChange.by,
        FunnelChange.at,
    ).where(
        FunnelChange.team_id == team_id, col(FunnelChange.at) >= start, col(FunnelChange.at) <= now
    )
    return [rules.StageChange(*row) for row in s.exec(q)]


def _owed(s: Session, team_id: str, today: date) -> list[rules.Owed]:
    q = select(Receivable.client_id, Receivable.amount, Receivable.due, Receivable.note).where(
        Receivable.team_id == team_id,
        col(Receivable.closed_at).is_(None),
        col(Receivable.due) <= today - OWED_AT_LEAST,
    )
    return [rules.Owed(*row) for row in s.exec(q)]


def _log(s: Session, team_id: str, month: tuple[int, int], zone: ZoneInfo) -> list[rules.LogRow]:
    """Each client's contacts in the month, and the day of the last one: one statement."""
    year, m = month
    first = datetime(year, m, 1, tzinfo=zone)
    after = datetime(year + m // 12, m % 12 + 1, 1, tzinfo=zone)
    q = (
        select(ContactLog.client_id, func.count(), func.max(ContactLog.at))
        .where(
            ContactLog.team_id == team_id,
            col(ContactLog.deleted_at).is_(None),
            col(ContactLog.at) >= first,
            col(ContactLog.at) < after,
        )
        .group_by(ContactLog.client_id)
    )
    return [
        rules.LogRow(cid, n, last.astimezone(zone).date() if last else None)
        for cid, n, last in s.exec(q)
    ]
