"""Meetings (`/meeting`): stored, found for one person's week, and the team's meetings each
timetable task acts on, each in one statement. What a delivered notice, reconfirmation or report
prompt marks is registered here (storage/outbox.py effects). A meeting away from the office
holds its organiser's whereabouts entry (去向登记) for its time, settled for the visit-log offer
from the start: the meeting's report prompt takes its place."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from bot.rules.meetings import as_json, people
from storage import queries, whereabouts
from storage.models import Client, ContactLog, Meeting, Whereabouts
from storage.outbox import Effect, register_effect

register_effect("meeting_noticed", Effect(Meeting, "notice_sent_at"))
register_effect("meeting_reconfirm_sent", Effect(Meeting, "reconfirm_sent_at"))
register_effect("meeting_report_prompted", Effect(Meeting, "report_prompted_at"))

Row = tuple[Meeting, Client]


def _with_client(team_id: str, *where: object):  # type: ignore[no-untyped-def]
    return (
        select(Meeting, Client)
        .join(Client, col(Client.id) == col(Meeting.client_id))
        .where(Meeting.team_id == team_id, col(Meeting.cancelled_at).is_(None), *where)
        .order_by(col(Meeting.starts_at), col(Meeting.id))
    )


def get(s: Session, team_id: str, meeting_id: int) -> Row | None:
    """The meeting (cancelled ones too) and its client."""
    q = (
        select(Meeting, Client)
        .join(Client, col(Client.id) == col(Meeting.client_id))
        .where(Meeting.team_id == team_id, Meeting.id == meeting_id)
    )
    row = s.exec(q).first()
    return (row[0], row[1]) if row else None


def mine_between(s: Session, team_id: str, user: str, start: datetime, end: datetime) -> list[Row]:
    """The person's meetings (organiser or one of our attendees) starting in [start, end)."""
    q = _with_client(team_id, col(Meeting.starts_at) >= start, col(Meeting.starts_at) < end)
    return [
        (m, c) for m, c in s.exec(q) if m.organiser_id == user or user in people(m.our_attendees)
    ]


def to_notice(s: Session, team_id: str, now: datetime, until: datetime) -> list[Row]:
    """Meetings not yet announced starting after now and before `until`."""
    q = _with_client(
        team_id,
        col(Meeting.notice_sent_at).is_(None),
        col(Meeting.starts_at) > now,
        col(Meeting.starts_at) < until,
    )
    return [(m, c) for m, c in s.exec(q)]


def to_reconfirm(s: Session, team_id: str, start: datetime, end: datetime) -> list[Row]:
    """Meetings not yet reconfirmed (nor asked to be) starting in [start, end)."""
    q = _with_client(
        team_id,
        col(Meeting.reconfirm_sent_at).is_(None),
        col(Meeting.reconfirmed_at).is_(None),
        col(Meeting.starts_at) >= start,
        col(Meeting.starts_at) < end,
    )
    return [(m, c) for m, c in s.exec(q)]


def ended(s: Session, team_id: str, now: datetime) -> list[Row]:
    """Meetings over whose organiser has not had the report prompt delivered."""
    q = _with_client(
        team_id, col(Meeting.report_prompted_at).is_(None), col(Meeting.ends_at) <= now
    )
    return [(m, c) for m, c in s.exec(q)]


def log_contacts(s: Session, rows: list[Row], now: datetime) -> None:
    """Each ended meeting's contact, once: a meeting at its end, owing a report (the 48-hour
    clock counts from the end), its topic as the summary."""
    for m, _ in rows:
        if m.contact_id is not None:
            continue
        contact = queries.add_contact(
            s,
            ContactLog(
                team_id=m.team_id,
                client_id=m.client_id,
                author_id=m.organiser_id,
                kind="meeting",
                at=m.ends_at,
                summary=m.topic,
                report_due=True,
                created_at=now,
                updated_at=now,
            ),
        )
        m.contact_id = contact.id
        m.updated_at = now
        s.add(m)
    s.flush()


def add_told(s: Session, told: dict[int, list[str]], now: datetime) -> None:
    """Record who was told of each meeting (besides those already told)."""
    if not told:
        return
    for m in s.exec(select(Meeting).where(col(Meeting.id).in_(told))):
        m.told = as_json([*people(m.told), *told[m.id or 0]])
        m.updated_at = now
        s.add(m)


def hold_whereabouts(s: Session, m: Meeting, now: datetime) -> None:
    """A meeting with a place holds its organiser's whereabouts for its time (moved with it);
    one in the office holds none (an entry it held ends now)."""
    entry = s.get(Whereabouts, m.whereabouts_id) if m.whereabouts_id else None
    if not m.place:
        release_whereabouts(s, m, now)
        return
    purpose = f"{m.topic} · {m.place}"[:500]
    if entry is not None and entry.ended_at is None:
        entry.start, entry.end, entry.purpose = m.starts_at, m.ends_at, purpose
        entry.client_id = m.client_id
        s.add(entry)
        return
    entry = Whereabouts(
        team_id=m.team_id,
        user_id=m.organiser_id,
        client_id=m.client_id,
        purpose=purpose,
        start=m.starts_at,
        end=m.ends_at,
        log_offered_at=now,  # the meeting's report prompt, not the visit-log offer
        created_at=now,
    )
    whereabouts.register(s, entry, now, keep_open_now=True)
    m.whereabouts_id = entry.id


def release_whereabouts(s: Session, m: Meeting, now: datetime) -> None:
    """The meeting's whereabouts entry ends now (before its start: it never happened)."""
    entry = s.get(Whereabouts, m.whereabouts_id) if m.whereabouts_id else None
    if entry is not None and entry.ended_at is None:
        entry.ended_at = now
        s.add(entry)
    m.whereabouts_id = None
