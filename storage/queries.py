"""Queries as plain functions over a Session. Jobs use the bulk ones: no query per person."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import String, func, type_coerce, update
from sqlmodel import Session, col, select

from bot.rules.clients import client_code, default_cadence, name_key
from bot.rules.contacts import owes_report
from storage.changes import note
from storage.db import as_utc
from storage.models import Client, ContactLog, Member
from storage.outbox import Effect, register_effect

# What a delivered contact reminder marks done (the courier marks it, storage/outbox.py).
register_effect("follow_up_sent", Effect(ContactLog, "follow_up_sent_at"))
register_effect("report_reminded", Effect(ContactLog, "report_reminded_at"))
register_effect("report_escalated", Effect(ContactLog, "report_escalated_at"))


# --- members -------------------------------------------------------------------------
def get_member(s: Session, team_id: str, user_id: str) -> Member | None:
    return s.exec(
        select(Member).where(Member.team_id == team_id, Member.user_id == user_id)
    ).first()


def set_slack_locale(s: Session, team_id: str, user_id: str, locale: str) -> None:
    s.exec(  # type: ignore[call-overload]
        update(Member)
        .where(Member.team_id == team_id, Member.user_id == user_id)
        .values(slack_locale=locale[:16])
    )
    note(s, "member", team_id)


def mark_home_opened(s: Session, team_id: str, user_id: str, now: datetime) -> bool:
    """Remember that the member opened the App Home (once); False if they had already."""
    done = s.exec(  # type: ignore[call-overload]
        update(Member)
        .where(
            Member.team_id == team_id,
            Member.user_id == user_id,
            col(Member.home_opened_at).is_(None),
        )
        .values(home_opened_at=now)
    )
    if done.rowcount:
        note(s, "member", team_id)
    return bool(done.rowcount)


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


def remove_member(s: Session, team_id: str, user_id: str) -> tuple[Member, list[Client]] | None:
    """Take someone off the team: their reports now report to their manager; returns the
    removed member and the clients they owned (which have no owner until reassigned). Their
    contacts stay, as the record of what happened."""
    m = get_member(s, team_id, user_id)
    if m is None:
        return None
    s.exec(  # type: ignore[call-overload]
        update(Member)
        .where(Member.team_id == team_id, Member.manager_id == user_id)
        .values(manager_id=m.manager_id)
    )
    owned = list_clients(s, team_id, owner_id=user_id)
    s.delete(m)
    s.flush()
    note(s, "member", team_id)
    return m, owned


def team_has(s: Session, team_id: str) -> tuple[bool, bool]:
    """Whether the team has anyone on it, and any client: two one-row probes."""
    member = s.exec(select(Member.id).where(Member.team_id == team_id).limit(1)).first()
    client = s.exec(select(Client.id).where(Client.team_id == team_id).limit(1)).first()
    return member is not None, client is not None


def team_ids(s: Session) -> list[str]:
    """Every workspace that has a team loaded."""
    return list(s.exec(select(Member.team_id).distinct()))


# --- clients -------------------------------------------------------------------------
def list_clients(s: Session, team_id: str, owner_id: str | None = None) -> list[Client]:
    q = select(Client).where(Client.team_id == team_id)
    if owner_id is not None:
        q = q.where(Client.owner_id == owner_id)
    return list(s.exec(q.order_by(Client.name)))


class ClientRow(NamedTuple):
    """A client as the nudge and the sweep read it: plain columns, no ORM object (they read
    every client of the team at once), with the time of its latest contact not undone."""

    id: int
    name: str
    code: str
    in_city: bool
    owner_id: str
    cadence_days: int
    created_at: datetime
    status: str
    status_since: date | None
    last_contact: datetime | None


def client_rows(s: Session, team_id: str) -> list[ClientRow]:
    """Every client of the team as `ClientRow`s, in one statement, in no particular order (the
    nudge sorts what is due): each one's latest contact is the client's own column, kept by the
    database (0017), not a lookup in the team's contacts.

    The times and the status day come as the driver gives them (SQLite: text) and are read
    here, not by the columns' types: at 50,000 clients SQLAlchemy's per-value processing was
    as long as the statement itself (bench/bench_nudge.py)."""
    q = select(
        Client.id,
        Client.name,
        Client.code,
        Client.in_city,
        Client.owner_id,
        Client.cadence_days,
        type_coerce(Client.created_at, String),
        Client.status,
        type_coerce(Client.status_since, String),
        type_coerce(Client.last_contact_at, String),
    ).where(Client.team_id == team_id)
    rows = s.connection().execute(q).all()  # at once: row by row cost 15% more
    return [
        ClientRow(i, name, code, bool(city), owner, every, utc(added), status, day(since), utc(at))
        for i, name, code, city, owner, every, added, status, since, at in rows
    ]


def utc(value: str | datetime | None) -> datetime | None:
    """A stored moment as the driver gives it (SQLite: naive UTC text) as an aware UTC time."""
    if value is None:
        return None
    if isinstance(value, str):
        try:  # naive text is UTC: read with its zone in one go (5× faster than replace)
            return datetime.fromisoformat(value + "+00:00")
        except ValueError:  # it carries a zone of its own
            value = datetime.fromisoformat(value)
    return as_utc(value)


def day(value: str | date | None) -> date | None:
    """A stored day as the driver gives it (SQLite: text)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def get_client(s: Session, team_id: str, client_id: int) -> Client | None:
    c = s.get(Client, client_id)
    return c if c is not None and c.team_id == team_id else None


def next_client_serial(s: Session, team_id: str, year: int) -> int:
    """The next yearly serial; called inside the write that inserts the client."""
    top = s.exec(
        select(func.max(Client.serial)).where(Client.team_id == team_id, Client.code_year == year)
    ).one()
    return (top or 0) + 1


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


def change_client(s: Session, c: Client, now: datetime, **fields: Any) -> Client:
    """Edit a client's record (its code never changes)."""
    for key, value in fields.items():
        setattr(c, key, value)
    c.updated_at = now
    s.add(c)
    return c


def find_client_by_name_ci(s: Session, team_id: str, name: str) -> Client | None:
    """A client whose name equals `name` ignoring case and width (names are unique that way)."""
    key = name_key(name)
    return next((c for c in list_clients(s, team_id) if name_key(c.name) == key), None)


# --- contacts ------------------------------------------------------------------------
def add_contact(s: Session, contact: ContactLog) -> ContactLog:
    s.add(contact)
    s.flush()
    return contact


def get_contact(s: Session, team_id: str, contact_id: int) -> ContactLog | None:
    c = s.get(ContactLog, contact_id)
    return c if c is not None and c.team_id == team_id else None


def last_contacts(
    s: Session, team_id: str, client_ids: list[int] | None = None
) -> dict[int, datetime]:
    """The latest contact time of every client of the team (or of `client_ids`), in one
    statement: the clients' own column, kept by the database (0017)."""
    q = select(Client.id, Client.last_contact_at).where(
        Client.team_id == team_id, col(Client.last_contact_at).is_not(None)
    )
    if client_ids is not None:
        if not client_ids:
            return {}
        q = q.where(col(Client.id).in_(client_ids))
    return {cid: at for cid, at in s.exec(q)}


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


def reports_owed(s: Session, team_id: str, author_id: str) -> list[tuple[ContactLog, Client]]:
    """The person's contacts that owe a report not yet sent, oldest first (the App Home)."""
    q = _live_contacts_with_client(
        team_id,
        ContactLog.author_id == author_id,
        col(ContactLog.report_due).is_(True),
        col(ContactLog.report_sent_at).is_(None),
    )
    return list(s.exec(q.order_by(ContactLog.at)).all())


def follow_ups_due(s: Session, team_id: str, today: date) -> list[tuple[ContactLog, Client]]:
    q = _live_contacts_with_client(
        team_id,
        col(ContactLog.follow_up_on) <= today,
        col(ContactLog.follow_up_sent_at).is_(None),
    )
    return list(s.exec(q.order_by(ContactLog.follow_up_on)).all())


def update_contact(s: Session, contact: ContactLog, now: datetime, **fields: Any) -> ContactLog:
    """Change a logged contact; a new follow-up date is reminded of again, and the report
    clock follows the kind and the important mark (`owes_report`)."""
    if "follow_up_on" in fields and fields["follow_up_on"] != contact.follow_up_on:
        contact.follow_up_sent_at = None
    for key, value in fields.items():
        setattr(contact, key, value)
    contact.report_due = owes_report(contact.kind, contact.important)
    contact.updated_at = now
    s.add(contact)
    return contact
