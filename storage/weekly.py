"""Weekly notes (周报) and the sales funnel (漏斗): what `/weekly`, `/client stage`, the weekly
prompt and the week's report read and write. Every read here is one statement for the whole
team (or one person), never one per person or client.

A note is kept once per (person, week, kind, client). The database's UNIQUE constraint does not
hold for the problems and suggestions rows (their client_id is NULL, and NULLs never collide),
so a person's writes take their member row's lock first (PostgreSQL; SQLite writers take turns
anyway), and reads keep the latest row of a key should two ever exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from bot.rules.job_life import LIVE
from bot.rules.weekly import CLIENT, REPORT_JOB, week_bounds
from storage import runs
from storage.changes import note
from storage.models import Client, ContactLog, FunnelChange, Job, Member, WeeklyNote

NoteKey = tuple[str, int | None]  # (kind, client id): ("client", 3), ("problems", None)


def key_of(n: WeeklyNote) -> NoteKey:
    return n.kind, n.client_id


def _latest(rows: Iterable[WeeklyNote]) -> list[WeeklyNote]:
    """One row per (person, week, kind, client): the latest."""
    out: dict[tuple[str, date, str, int | None], WeeklyNote] = {}
    for n in rows:
        k = (n.user_id, n.week, n.kind, n.client_id)
        if k not in out or (n.updated_at, n.id or 0) > (out[k].updated_at, out[k].id or 0):
            out[k] = n
    return list(out.values())


# --- reading notes ---------------------------------------------------------------------------
def notes_for_week(
    s: Session, team_id: str, week: date, user_id: str | None = None
) -> list[WeeklyNote]:
    """The week's notes of the team (or of one person), by person, kind and client; one
    statement. `week` is the Monday."""
    q = select(WeeklyNote).where(WeeklyNote.team_id == team_id, WeeklyNote.week == week)
    if user_id is not None:
        q = q.where(WeeklyNote.user_id == user_id)
    rows = _latest(s.exec(q))
    return sorted(rows, key=lambda n: (n.user_id, n.kind, n.client_id or 0))


def notes_of(s: Session, team_id: str, user_id: str, weeks: Sequence[date]) -> list[WeeklyNote]:
    """One person's notes of these weeks (this week's and last week's, to fill the form)."""
    q = select(WeeklyNote).where(
        WeeklyNote.team_id == team_id,
        WeeklyNote.user_id == user_id,
        col(WeeklyNote.week).in_(list(weeks)),
    )
    return _latest(s.exec(q))


def writers(s: Session, team_id: str, week: date) -> set[str]:
    """Everyone who has written any note (a client's, problems or suggestions) this week."""
    q = select(WeeklyNote.user_id).where(WeeklyNote.team_id == team_id, WeeklyNote.week == week)
    return set(s.exec(q.distinct()))


# --- writing notes ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Saved:
    added: int  # notes written where there were none
    replaced: int  # notes changed
    removed: int  # notes emptied
    kept: int  # notes given again unchanged


def save_notes(
    s: Session,
    team_id: str,
    user_id: str,
    week: date,
    texts: Mapping[NoteKey, str],
    now: datetime,
) -> Saved:
    """Store the person's notes of the week for the keys given (others stay as they are): a
    text replaces the note, an empty one removes it. Texts are stored as given (checked and
    cleaned by the caller)."""
    lock = select(Member.id).where(Member.team_id == team_id, Member.user_id == user_id)
    s.exec(lock.with_for_update()).first()
    q = select(WeeklyNote).where(
        WeeklyNote.team_id == team_id, WeeklyNote.user_id == user_id, WeeklyNote.week == week
    )
    existing: dict[NoteKey, list[WeeklyNote]] = {}
    for n in s.exec(q.order_by(col(WeeklyNote.updated_at).desc(), col(WeeklyNote.id).desc())):
        existing.setdefault(key_of(n), []).append(n)
    added = replaced = removed = kept = 0
    for (kind, client_id), text in texts.items():
        rows = existing.get((kind, client_id), [])
        for extra in rows[1:]:
            s.delete(extra)
        row = rows[0] if rows else None
        if not text:
            if row is not None:
                s.delete(row)
                removed += 1
            continue
        if row is not None and row.text == text:
            kept += 1
            continue
        if row is None:
            row = WeeklyNote(
                team_id=team_id,
                user_id=user_id,
                week=week,
                kind=kind,
                client_id=client_id,
                text=text,
                created_at=now,
            )
            added += 1
        else:
            replaced += 1
        row.text, row.updated_at = text, now
        s.add(row)
    s.flush()
    return Saved(added, replaced, removed, kept)


# --- whose clients are active this week ------------------------------------------------------
@dataclass(frozen=True)
class Activity:
    """Who did what for which client in a week: (client id, person) pairs."""

    contacts: frozenset[tuple[int, str]]  # a contact logged, by its author
    jobs: frozenset[tuple[int, str]]  # a job open now, or created or closed this week, by owner
    notes: frozenset[tuple[int, str]]  # a client's note written this week, by its writer

    def client_ids(self) -> set[int]:
        return {c for c, _ in self.contacts | self.jobs | self.notes}

    def of(self, user: str) -> set[int]:
        return {c for c, u in self.contacts | self.jobs | self.notes if u == user}


def activity(s: Session, team_id: str, week: date, zone: ZoneInfo) -> Activity:
    """The week's contacts, jobs and client notes of the whole team; three statements."""
    start, end = week_bounds(week, zone)
    contacts = select(ContactLog.client_id, ContactLog.author_id).where(
        ContactLog.team_id == team_id,
        col(ContactLog.deleted_at).is_(None),
        col(ContactLog.at) >= start,
        col(ContactLog.at) < end,
    )
    jobs = select(Job.client_id, Job.owner_id).where(
        Job.team_id == team_id,
        or_(
            col(Job.status).in_(LIVE),
            (col(Job.created_at) >= start) & (col(Job.created_at) < end),
            (col(Job.closed_at) >= start) & (col(Job.closed_at) < end),
        ),
    )
    notes = select(WeeklyNote.client_id, WeeklyNote.user_id).where(
        WeeklyNote.team_id == team_id, WeeklyNote.week == week, WeeklyNote.kind == CLIENT
    )
    return Activity(
        frozenset(s.exec(contacts.distinct())),
        frozenset(s.exec(jobs.distinct())),
        frozenset((c, u) for c, u in s.exec(notes.distinct()) if c is not None),
    )


def active_clients(s: Session, team_id: str, week: date, zone: ZoneInfo) -> dict[str, list[Client]]:
    """Each person's active clients of the week, by name: the clients they own that had a
    contact, a job (open, or created or closed this week) or a note this week, and any client
    they themselves logged a contact, own a job or wrote a note for. Four statements."""
    done = activity(s, team_id, week, zone)
    touched = done.client_ids()
    pairs = done.contacts | done.jobs | done.notes
    clients = {c.id: c for c in s.exec(select(Client).where(Client.team_id == team_id))}
    out: dict[str, set[int]] = {}
    for c in clients.values():
        if c.id in touched:
            out.setdefault(c.owner_id, set()).add(c.id)  # type: ignore[arg-type]
    for client_id, user in pairs:
        if client_id in clients:
            out.setdefault(user, set()).add(client_id)
    return {
        user: sorted((clients[i] for i in ids), key=lambda c: c.name) for user, ids in out.items()
    }


def active_clients_of(
    s: Session, team_id: str, user_id: str, week: date, zone: ZoneInfo
) -> list[Client]:
    """One person's active clients of the week (`active_clients`), theirs first; with none,
    all the clients they own."""
    mine = active_clients(s, team_id, week, zone).get(user_id)
    if not mine:
        q = select(Client).where(Client.team_id == team_id, Client.owner_id == user_id)
        return list(s.exec(q.order_by(Client.name)))
    return sorted(mine, key=lambda c: c.owner_id != user_id)


# --- is the week compiled --------------------------------------------------------------------
def compiled_at(s: Session, team_id: str, last_day: date | None) -> datetime | None:
    """When the report of the week whose last working day is `last_day` was compiled (its
    `friday-report` run was decided); None while it was not (or its run failed)."""
    if last_day is None:
        return None
    run = runs.get_run(s, team_id, REPORT_JOB, last_day.isoformat())
    if run is None or run.status == runs.FAILED:
        return None
    return run.claimed_at


# --- the funnel ------------------------------------------------------------------------------
def set_stage(
    s: Session, client: Client, stage: str, by: str, now: datetime
) -> FunnelChange | None:
    """Move a client to `stage` and record the change; None when its stage changed meanwhile
    (someone else moved it first: one conditional update decides)."""
    was = client.funnel_stage
    moved = s.exec(  # type: ignore[call-overload]
        update(Client)
        .where(col(Client.id) == client.id, col(Client.funnel_stage) == was)
        .values(funnel_stage=stage, updated_at=now)
    )
    if moved.rowcount != 1:
        return None
    note(s, "client", client.team_id)
    assert client.id is not None
    change = FunnelChange(
        team_id=client.team_id, client_id=client.id, from_stage=was, to_stage=stage, by=by, at=now
    )
    s.add(change)
    s.flush()
    set_committed_value(client, "funnel_stage", stage)  # as stored: no second UPDATE
    return change


def funnel_changes(s: Session, team_id: str, start: datetime, end: datetime) -> list[FunnelChange]:
    """The funnel moves made in [start, end), oldest first; one statement."""
    q = select(FunnelChange).where(
        FunnelChange.team_id == team_id,
        col(FunnelChange.at) >= start,
        col(FunnelChange.at) < end,
    )
    return list(s.exec(q.order_by(col(FunnelChange.at), col(FunnelChange.id))))


def funnel_by_owner(s: Session, team_id: str) -> dict[str, dict[str, int]]:
    """How many clients each owner has at each stage now; one statement."""
    q = (
        select(Client.owner_id, Client.funnel_stage, func.count())
        .where(Client.team_id == team_id)
        .group_by(col(Client.owner_id), col(Client.funnel_stage))
    )
    out: dict[str, dict[str, int]] = {}
    for owner, stage, n in s.exec(q):
        out.setdefault(owner, {})[stage] = n
    return out
