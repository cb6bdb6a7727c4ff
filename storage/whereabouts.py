"""The whereabouts register (去向登记) and leave: registering, ending, who is out, and the visits
whose end has passed without the offer to log them. Each is a constant number of statements.

A visit is *open* from its start until its end, unless ended (`/out back`, or a newer
registration that overlaps it: `ended_at`). A visit ended before it began was replaced and
never happened. `log_offered_at` says the offer to log the visit is settled: made in the
`/out back` reply, decided by the `visit-log-offers` job (its outbox row), or not needed
because a contact with that client was logged since the visit began.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, and_, cast, exists, literal, or_, update
from sqlmodel import Session, col, select

from storage.models import Client, ContactLog, Leave, OutboxMessage, Whereabouts


def register(
    s: Session, visit: Whereabouts, now: datetime, *, keep_open_now: bool = False
) -> list[tuple[Whereabouts, Client]]:
    """Store `visit`; earlier ones of the same person that it overlaps and that have not ended
    end now (the newest registration is where they are). `keep_open_now`: the visit that is open
    now stays as it is (`/out tomorrow` while out today). Returns the ended ones."""
    q = (
        select(Whereabouts, Client)
        .join(Client, col(Client.id) == col(Whereabouts.client_id))
        .where(
            Whereabouts.team_id == visit.team_id,
            Whereabouts.user_id == visit.user_id,
            col(Whereabouts.ended_at).is_(None),
            col(Whereabouts.start) < visit.end,
            col(Whereabouts.end) > max(visit.start, now),
        )
    )
    ended = [(w, c) for w, c in s.exec(q) if not (keep_open_now and w.start <= now)]
    for w, _ in ended:
        w.ended_at = now
        s.add(w)
    s.add(visit)
    s.flush()
    return ended


def open_now(s: Session, team_id: str, user_id: str, now: datetime) -> Whereabouts | None:
    """The person's visit open now (the latest registered, if several)."""
    q = select(Whereabouts).where(
        Whereabouts.team_id == team_id,
        Whereabouts.user_id == user_id,
        col(Whereabouts.ended_at).is_(None),
        col(Whereabouts.start) <= now,
        col(Whereabouts.end) > now,
    )
    return s.exec(q.order_by(col(Whereabouts.id).desc())).first()


def get(s: Session, team_id: str, visit_id: int) -> tuple[Whereabouts, Client] | None:
    q = (
        select(Whereabouts, Client)
        .join(Client, col(Client.id) == col(Whereabouts.client_id))
        .where(Whereabouts.team_id == team_id, Whereabouts.id == visit_id)
    )
    row = s.exec(q).first()
    return (row[0], row[1]) if row else None


def out_now(s: Session, team_id: str, now: datetime) -> list[tuple[Whereabouts, Client]]:
    """Everyone's open visits now, by person."""
    q = (
        select(Whereabouts, Client)
        .join(Client, col(Client.id) == col(Whereabouts.client_id))
        .where(
            Whereabouts.team_id == team_id,
            col(Whereabouts.ended_at).is_(None),
            col(Whereabouts.start) <= now,
            col(Whereabouts.end) > now,
        )
        .order_by(col(Whereabouts.user_id), col(Whereabouts.id).desc())
    )
    seen: set[str] = set()
    out = []
    for w, c in s.exec(q):
        if w.user_id not in seen:
            seen.add(w.user_id)
            out.append((w, c))
    return out


def offers_due(
    s: Session, team_id: str, now: datetime, key_prefix: str
) -> list[tuple[Whereabouts, Client]]:
    """Visits that took place and are over (their end passed, or ended after they began) with
    the offer to log them not settled. First, in one statement, those whose offer the outbox
    already holds (key `key_prefix` + id: decided by an earlier run) or whose client got a
    contact from the person since the visit began are marked settled; the rest are returned."""
    over = and_(
        col(Whereabouts.team_id) == team_id,
        col(Whereabouts.log_offered_at).is_(None),
        or_(
            and_(col(Whereabouts.ended_at).is_(None), col(Whereabouts.end) <= now),
            col(Whereabouts.ended_at) >= col(Whereabouts.start),
        ),
    )
    offered = exists().where(
        col(OutboxMessage.team_id) == team_id,
        col(OutboxMessage.key) == literal(key_prefix) + cast(col(Whereabouts.id), String),
    )
    logged = exists().where(
        col(ContactLog.team_id) == team_id,
        col(ContactLog.author_id) == col(Whereabouts.user_id),
        col(ContactLog.client_id) == col(Whereabouts.client_id),
        col(ContactLog.deleted_at).is_(None),
        col(ContactLog.created_at) >= col(Whereabouts.start),
    )
    s.execute(
        update(Whereabouts).where(over, or_(offered, logged)).values(log_offered_at=now),
        execution_options={"synchronize_session": False},
    )
    q = (
        select(Whereabouts, Client)
        .join(Client, col(Client.id) == col(Whereabouts.client_id))
        .where(over)
        .order_by(col(Whereabouts.id))
    )
    return [(w, c) for w, c in s.exec(q)]


def end_now(s: Session, visit: Whereabouts, now: datetime) -> None:
    """`/out back`: the visit ends now, and its log offer is made in the reply."""
    visit.ended_at = now
    visit.log_offered_at = now
    s.add(visit)


# --- leave ------------------------------------------------------------------------------------
def leave_from(s: Session, team_id: str, user_id: str, today: date) -> list[Leave]:
    """The person's leave not cancelled that has not ended before `today`, earliest first."""
    q = select(Leave).where(
        Leave.team_id == team_id,
        Leave.user_id == user_id,
        col(Leave.cancelled_at).is_(None),
        col(Leave.last_day) >= today,
    )
    return list(s.exec(q.order_by(col(Leave.first_day), col(Leave.id))))


def overlapping_leave(
    s: Session, team_id: str, user_id: str, first: date, last: date
) -> Leave | None:
    q = select(Leave).where(
        Leave.team_id == team_id,
        Leave.user_id == user_id,
        col(Leave.cancelled_at).is_(None),
        col(Leave.first_day) <= last,
        col(Leave.last_day) >= first,
    )
    return s.exec(q.order_by(col(Leave.first_day))).first()
