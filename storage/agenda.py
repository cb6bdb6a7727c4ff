"""What the Monday agenda, the Monday status drafts and the month-end read and keep.

Every read is one statement for the whole team (the jobs never read per person or client);
a duty (a status report or a month-end summary to send) is created once per client and period
by the UNIQUE constraint, and marked done by one conditional update (a second click changes
nothing). Receivables and agenda items are small registers kept here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import delete, func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, or_, select

from bot.rules.agenda import REPORT_DUE_AFTER, REPORT_DUE_WITHIN
from bot.rules.job_life import LIVE
from storage.models import (
    AgendaItem,
    Client,
    ContactLog,
    Duty,
    Job,
    OvertimeForm,
    Receivable,
    WeeklyNote,
)

CLIENT_STATUS, MONTH_END = "client-status", "month-end"
ContactRow = tuple[int, str, datetime, str]  # client, author, at, next steps


# --- what the week recorded ----------------------------------------------------------------------
def notes(s: Session, team_id: str, week: date) -> list[WeeklyNote]:
    """The week's notes of everyone: per client, problems and suggestions."""
    q = select(WeeklyNote).where(WeeklyNote.team_id == team_id, WeeklyNote.week == week)
    return list(s.exec(q.order_by(col(WeeklyNote.user_id), col(WeeklyNote.id))))


def contacts_between(s: Session, team_id: str, start: datetime, end: datetime) -> list[ContactRow]:
    """Contacts logged for [start, end) and not undone: (client, author, at, next steps)."""
    q = select(
        ContactLog.client_id, ContactLog.author_id, ContactLog.at, ContactLog.next_steps
    ).where(
        ContactLog.team_id == team_id,
        col(ContactLog.deleted_at).is_(None),
        col(ContactLog.at) >= start,
        col(ContactLog.at) < end,
    )
    return [(c, a, at, n) for c, a, at, n in s.exec(q.order_by(col(ContactLog.at)))]


def last_contact_before(s: Session, team_id: str, before: datetime) -> dict[int, datetime]:
    """Each client's last contact before a moment."""
    q = (
        select(ContactLog.client_id, func.max(ContactLog.at))
        .where(
            ContactLog.team_id == team_id,
            col(ContactLog.deleted_at).is_(None),
            col(ContactLog.at) < before,
        )
        .group_by(col(ContactLog.client_id))
    )
    return {cid: at for cid, at in s.exec(q) if at is not None}


def report_rows(
    s: Session, team_id: str, start: datetime, end: datetime
) -> list[tuple[str, str, datetime, datetime | None]]:
    """Meetings and visits whose 48-hour contact report fell due in [start, end): (author,
    client, at, sent at)."""
    q = (
        select(ContactLog.author_id, Client.name, ContactLog.at, ContactLog.report_sent_at)
        .join(Client, col(Client.id) == col(ContactLog.client_id))
        .where(
            ContactLog.team_id == team_id,
            col(ContactLog.report_due).is_(True),
            col(ContactLog.deleted_at).is_(None),
            col(ContactLog.at) >= start - REPORT_DUE_WITHIN,
            col(ContactLog.at) < end - REPORT_DUE_AFTER,
        )
    )
    return [(a, name, at, sent) for a, name, at, sent in s.exec(q.order_by(col(ContactLog.at)))]


def late_form_filers(s: Session, team_id: str, first: date, last: date) -> list[str]:
    """The filer of each late overtime form of the days [first, last] not withdrawn."""
    q = select(OvertimeForm.filer_id).where(
        OvertimeForm.team_id == team_id,
        col(OvertimeForm.late).is_(True),
        OvertimeForm.status != "withdrawn",
        col(OvertimeForm.day) >= first,
        col(OvertimeForm.day) <= last,
    )
    return list(s.exec(q))


def jobs(s: Session, team_id: str, statuses: Sequence[str], closed_since: datetime) -> list[Job]:
    """The team's jobs in `statuses` and those closed since a moment, by internal deadline."""
    q = select(Job).where(
        Job.team_id == team_id,
        or_(
            col(Job.status).in_(list(statuses)),
            (col(Job.status) == "closed") & (col(Job.closed_at) >= closed_since),
        ),
    )
    return list(s.exec(q.order_by(col(Job.internal_deadline), col(Job.number))))


# --- duties: the status report to each client, the month-end summary -------------------------
def ensure_duties(
    s: Session,
    team_id: str,
    kind: str,
    period: str,
    pairs: Iterable[tuple[int, str]],
    now: datetime,
) -> None:
    """One duty per (client, period): (client, AE) pairs already there are left as they are."""
    rows = [
        {
            "team_id": team_id,
            "kind": kind,
            "period": period,
            "client_id": cid,
            "user_id": user,
            "created_at": now,
        }
        for cid, user in pairs
    ]
    if not rows:
        return
    ins = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = ins(Duty).on_conflict_do_nothing(
        index_elements=["team_id", "kind", "period", "client_id"]
    )
    s.connection().execute(stmt, rows)


def duties(
    s: Session,
    team_id: str,
    kind: str,
    period: str,
    *,
    user_id: str | None = None,
    undone_only: bool = False,
) -> list[tuple[Duty, Client]]:
    """The period's duties of a kind (one person's, or only those not done), with clients."""
    q = (
        select(Duty, Client)
        .join(Client, col(Client.id) == col(Duty.client_id))
        .where(Duty.team_id == team_id, Duty.kind == kind, Duty.period == period)
    )
    if user_id is not None:
        q = q.where(Duty.user_id == user_id)
    if undone_only:
        q = q.where(col(Duty.done_at).is_(None))
    return [(d, c) for d, c in s.exec(q.order_by(col(Client.name)))]


def draft_rows(
    s: Session,
    team_id: str,
    kind: str,
    period: str,
    since: datetime,
    until: datetime,
    user_id: str | None = None,
) -> tuple[list[tuple[Duty, str]], list[Job], list[ContactRow]]:
    """What the drafts of a period's duties (one person's) are made of, in three statements:
    the duties with their clients' names, the jobs open or pending or closed since `since`,
    and the contacts since then."""
    rows = [(d, c.name) for d, c in duties(s, team_id, kind, period, user_id=user_id)]
    return (
        rows,
        jobs(s, team_id, ("pending", *LIVE), since),
        contacts_between(s, team_id, since, until),
    )


def get_duty(s: Session, team_id: str, duty_id: int) -> Duty | None:
    q = select(Duty).where(col(Duty.id) == duty_id, Duty.team_id == team_id)
    return s.exec(q.execution_options(populate_existing=True)).first()


def mark_done(s: Session, team_id: str, duty_id: int, now: datetime, by: str) -> bool:
    """Mark a duty done (by `by`) unless it is already: True if this call did."""
    stmt = (
        update(Duty)
        .where(col(Duty.id) == duty_id, col(Duty.team_id) == team_id, col(Duty.done_at).is_(None))
        .values(done_at=now, done_by=by)
    )
    return bool(s.connection().execute(stmt).rowcount)


# --- receivables (坏账管理) ---------------------------------------------------------------------
def add_receivable(
    s: Session,
    team_id: str,
    client_id: int,
    amount: str,
    due: date,
    note: str,
    by: str,
    now: datetime,
) -> Receivable:
    rec = Receivable(
        team_id=team_id,
        client_id=client_id,
        amount=amount,
        due=due,
        note=note,
        added_by=by,
        created_at=now,
    )
    s.add(rec)
    s.flush()
    return rec


def open_receivables(s: Session, team_id: str) -> list[tuple[Receivable, Client]]:
    """Amounts neither paid nor written off, the oldest due first, with their clients."""
    q = (
        select(Receivable, Client)
        .join(Client, col(Client.id) == col(Receivable.client_id))
        .where(Receivable.team_id == team_id, col(Receivable.closed_at).is_(None))
    )
    return [(r, c) for r, c in s.exec(q.order_by(col(Receivable.due), col(Receivable.id)))]


def get_receivable(s: Session, team_id: str, rec_id: int) -> tuple[Receivable, Client] | None:
    q = (
        select(Receivable, Client)
        .join(Client, col(Client.id) == col(Receivable.client_id))
        .where(col(Receivable.id) == rec_id, Receivable.team_id == team_id)
    )
    row = s.exec(q.execution_options(populate_existing=True)).first()
    return (row[0], row[1]) if row else None


def close_receivable(
    s: Session,
    team_id: str,
    rec_id: int,
    closed_as: str,
    now: datetime,
    by: str | None = None,
    board_day: date | None = None,
) -> bool:
    """Mark an open amount paid or written off (by whom; a write-off: the day the board
    decided it); True if this call closed it."""
    stmt = (
        update(Receivable)
        .where(
            col(Receivable.id) == rec_id,
            col(Receivable.team_id) == team_id,
            col(Receivable.closed_at).is_(None),
        )
        .values(closed_at=now, closed_as=closed_as, closed_by=by, board_decided_on=board_day)
    )
    return bool(s.connection().execute(stmt).rowcount)


# --- agenda items -------------------------------------------------------------------------------
def add_item(s: Session, team_id: str, week: date, text: str, by: str, now: datetime) -> AgendaItem:
    item = AgendaItem(team_id=team_id, week=week, text=text, added_by=by, created_at=now)
    s.add(item)
    s.flush()
    return item


def items(s: Session, team_id: str, week: date, *, later_too: bool = False) -> list[AgendaItem]:
    """The items of the meeting of `week` (and of later ones), in the order they were added."""
    q = select(AgendaItem).where(AgendaItem.team_id == team_id)
    q = q.where(col(AgendaItem.week) >= week) if later_too else q.where(AgendaItem.week == week)
    return list(s.exec(q.order_by(col(AgendaItem.week), col(AgendaItem.id))))


def get_item(s: Session, team_id: str, item_id: int) -> AgendaItem | None:
    q = select(AgendaItem).where(col(AgendaItem.id) == item_id, AgendaItem.team_id == team_id)
    return s.exec(q).first()


def remove_item(s: Session, team_id: str, item_id: int) -> bool:
    stmt = delete(AgendaItem).where(
        col(AgendaItem.id) == item_id, col(AgendaItem.team_id) == team_id
    )
    return bool(s.connection().execute(stmt).rowcount)
