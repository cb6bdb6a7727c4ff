"""Queries as plain functions over a Session. Jobs use the bulk ones: no query per person."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, func, insert, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import (
    CalendarDay,
    Client,
    ContactLog,
    Delivery,
    JobRun,
    Member,
    TeamSetting,
)


class ClientName(NamedTuple):
    id: int
    name: str
    code: str


# --- members -------------------------------------------------------------------------
def get_member(s: Session, team_id: str, user_id: str) -> Member | None:
    return s.exec(
        select(Member).where(Member.team_id == team_id, Member.user_id == user_id)
    ).first()


def member_language(s: Session, team_id: str, user_id: str) -> tuple[str | None, str | None] | None:
    """(chosen language, Slack locale) of a member, or None for someone not on the team."""
    q = select(Member.language, Member.slack_locale).where(
        Member.team_id == team_id, Member.user_id == user_id
    )
    row = s.exec(q).first()
    return None if row is None else (row[0], row[1])


def set_slack_locale(s: Session, team_id: str, user_id: str, locale: str) -> None:
    s.exec(  # type: ignore[call-overload]
        update(Member)
        .where(Member.team_id == team_id, Member.user_id == user_id)
        .values(slack_locale=locale[:16])
    )


def client_names(s: Session, team_id: str) -> list[ClientName]:
    """Id, name and code of every client: what finding a client by name needs, without loading rows."""
    q = select(Client.id, Client.name, Client.code).where(Client.team_id == team_id)
    return [ClientName(*row) for row in s.exec(q)]  # type: ignore[arg-type]


def list_members(s: Session, team_id: str) -> list[Member]:
    return list(s.exec(select(Member).where(Member.team_id == team_id).order_by(Member.name)))


def upsert_member(
    s: Session, team_id: str, user_id: str, now: datetime, **fields: object
) -> tuple[Member, bool]:
    """Insert or update a member by Slack id; returns (member, created)."""
    m = get_member(s, team_id, user_id)
    created = m is None
    if m is None:
        m = Member(
            team_id=team_id,
            user_id=user_id,
            name=str(fields.pop("name", user_id)),
            role="ae",
            created_at=now,
            updated_at=now,
        )
    for k, v in fields.items():
        setattr(m, k, v)
    m.updated_at = now
    s.add(m)
    s.flush()
    return m, created


def team_ids(s: Session) -> list[str]:
    """Every workspace that has a team loaded."""
    return list(s.exec(select(Member.team_id).distinct()))


# --- clients -------------------------------------------------------------------------
def list_clients(s: Session, team_id: str, owner_id: str | None = None) -> list[Client]:
    q = select(Client).where(Client.team_id == team_id)
    if owner_id is not None:
        q = q.where(Client.owner_id == owner_id)
    return list(s.exec(q.order_by(Client.name)))


def get_client(s: Session, team_id: str, client_id: int) -> Client | None:
    c = s.get(Client, client_id)
    return c if c is not None and c.team_id == team_id else None


def get_client_by_name(s: Session, team_id: str, name: str) -> Client | None:
    return s.exec(select(Client).where(Client.team_id == team_id, Client.name == name)).first()


def next_client_serial(s: Session, team_id: str, year: int) -> int:
    """The next yearly serial; called inside the write that inserts the client."""
    top = s.exec(
        select(func.max(Client.serial)).where(Client.team_id == team_id, Client.code_year == year)
    ).one()
    return (top or 0) + 1


# --- contacts ------------------------------------------------------------------------
def add_contact(s: Session, log: ContactLog) -> ContactLog:
    s.add(log)
    s.flush()
    return log


def get_contact(s: Session, team_id: str, contact_id: int) -> ContactLog | None:
    c = s.get(ContactLog, contact_id)
    return c if c is not None and c.team_id == team_id else None


def last_contacts(
    s: Session, team_id: str, client_ids: list[int] | None = None
) -> dict[int, datetime]:
    """The latest contact time of every client of the team (or of `client_ids`), in one statement."""
    q = select(ContactLog.client_id, func.max(ContactLog.at)).where(
        ContactLog.team_id == team_id, col(ContactLog.deleted_at).is_(None)
    )
    if client_ids is not None:
        if not client_ids:
            return {}
        q = q.where(col(ContactLog.client_id).in_(client_ids))
    return {cid: at for cid, at in s.exec(q.group_by(ContactLog.client_id)) if at is not None}


def _live_contacts_with_client(team_id: str, *where: Any) -> Any:
    """Contacts of the team that were not undone, each with its client, filtered by `where`."""
    return (
        select(ContactLog, Client)
        .join(Client, col(Client.id) == ContactLog.client_id)
        .where(ContactLog.team_id == team_id, col(ContactLog.deleted_at).is_(None), *where)
    )


def recent_contacts(
    s: Session, team_id: str, author_id: str, limit: int = 10
) -> list[tuple[ContactLog, Client]]:
    q = _live_contacts_with_client(team_id, ContactLog.author_id == author_id)
    q = q.order_by(col(ContactLog.at).desc(), col(ContactLog.id).desc()).limit(limit)
    return list(s.exec(q).all())


def unsent_reports(
    s: Session, team_id: str, older_than: datetime
) -> list[tuple[ContactLog, Client]]:
    """Meetings and visits older than a moment whose contact report is neither sent nor escalated."""
    q = _live_contacts_with_client(
        team_id,
        col(ContactLog.report_due).is_(True),
        col(ContactLog.report_sent_at).is_(None),
        col(ContactLog.report_escalated_at).is_(None),
        col(ContactLog.at) <= older_than,
    )
    return list(s.exec(q.order_by(ContactLog.at)).all())


def follow_ups_due(s: Session, team_id: str, today: date) -> list[tuple[ContactLog, Client]]:
    q = _live_contacts_with_client(
        team_id,
        col(ContactLog.follow_up_on) <= today,
        col(ContactLog.follow_up_sent_at).is_(None),
    )
    return list(s.exec(q.order_by(ContactLog.follow_up_on)).all())


def mark_contacts(s: Session, ids: Iterable[int], **values: object) -> None:
    """Set columns on many contacts in one statement."""
    ids = list(ids)
    if ids:
        s.exec(update(ContactLog).where(col(ContactLog.id).in_(ids)).values(**values))  # type: ignore[call-overload]


# --- scheduled runs -------------------------------------------------------------------
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


def run_exists(s: Session, team_id: str, job: str, period: str) -> bool:
    q = select(JobRun.id).where(
        JobRun.team_id == team_id, JobRun.job == job, JobRun.period == period
    )
    return s.exec(q).first() is not None


def recent_runs(s: Session, limit: int = 20) -> Sequence[JobRun]:
    return s.exec(select(JobRun).order_by(col(JobRun.claimed_at).desc()).limit(limit)).all()


# --- team settings -------------------------------------------------------------------
def team_settings(s: Session, team_id: str) -> dict[str, str]:
    return {
        r.key: r.value for r in s.exec(select(TeamSetting).where(TeamSetting.team_id == team_id))
    }


def insert_client(
    s: Session,
    team_id: str,
    *,
    name: str,
    city: str,
    in_city: bool,
    owner_id: str,
    contact_person: str = "",
    backup_owner_id: str | None = None,
    cadence_days: int | None = None,
    created_local: datetime,
) -> Client:
    """Add a client with its code; the serial is taken inside this write (unique per year)."""
    from bot.rules.clients import client_code, default_cadence

    year = created_local.year
    serial = next_client_serial(s, team_id, year)
    c = Client(
        team_id=team_id,
        name=name,
        city=city,
        in_city=in_city,
        owner_id=owner_id,
        contact_person=contact_person,
        backup_owner_id=backup_owner_id,
        cadence_days=cadence_days or default_cadence(in_city),
        code_year=year,
        serial=serial,
        code=client_code(city, year, created_local.month, name, serial),
        created_at=created_local,
        updated_at=created_local,
    )
    s.add(c)
    s.flush()
    return c


def find_client_by_name_ci(s: Session, team_id: str, name: str) -> Client | None:
    """A client whose name equals `name` ignoring case and width (names are unique that way)."""
    from bot.rules.clients import normalise

    key = normalise(name)
    return next((c for c in list_clients(s, team_id) if normalise(c.name) == key), None)


# --- calendar overrides ----------------------------------------------------------------
def calendar_overrides(s: Session, team_id: str) -> dict[date, tuple[bool, str | None]]:
    rows = s.exec(select(CalendarDay).where(CalendarDay.team_id == team_id))
    return {r.day: (r.working, r.name) for r in rows}


def calendar_version(s: Session, team_id: str) -> tuple[int, datetime | None]:
    """Changes whenever the team's overrides change: cached calendars compare it."""
    q = select(func.count(), func.max(CalendarDay.updated_at)).where(CalendarDay.team_id == team_id)
    count, latest = s.exec(q).one()
    return int(count), latest


def set_calendar_day(
    s: Session,
    team_id: str,
    day: date,
    working: bool,
    name: str | None,
    by: str | None,
    now: datetime,
) -> bool:
    """Record an override; returns True when it replaced an earlier one for that day."""
    row = s.exec(
        select(CalendarDay).where(CalendarDay.team_id == team_id, CalendarDay.day == day)
    ).first()
    replaced = row is not None
    row = row or CalendarDay(team_id=team_id, day=day, working=working)
    row.working, row.name, row.set_by, row.updated_at = working, name, by, now
    s.add(row)
    return replaced


def unset_calendar_day(s: Session, team_id: str, day: date) -> bool:
    row = s.exec(
        select(CalendarDay).where(CalendarDay.team_id == team_id, CalendarDay.day == day)
    ).first()
    if row is not None:
        s.delete(row)
    return row is not None
