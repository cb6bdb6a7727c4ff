"""The AE's day: what aebot knows of a day and of the next working day (one statement each for
the whole team, or one person's), the day summaries (one per person and day, written again =
replaced), and the whereabouts a meeting tomorrow registers from the day-summary DM."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import literal
from sqlmodel import Session, col, select

from bot.rules.day import DayFacts, Named, Registered
from bot.rules.job_life import LIVE, NOT_SENT
from bot.rules.meetings import people
from storage import absence, whereabouts
from storage.models import (
    ActionItem,
    Client,
    ContactLog,
    ContactReport,
    DaySummary,
    Job,
    JobEvent,
    Meeting,
    Whereabouts,
)


def _by(rows: Any, user: str) -> dict[str, list[Named]]:
    """Rows (columns, not whole records: thousands are read at once) by the person in column
    `user`, each with the name it is shown with (its last column, `name`)."""
    out: dict[str, list[Named]] = defaultdict(list)
    for row in rows:
        out[getattr(row, user) or ""].append((row, row.name))
    return out


def day_facts(
    s: Session,
    team: str,
    day: tuple[datetime, datetime],
    next_day: tuple[datetime, datetime],
    next_date: date,
    user: str | None = None,
) -> DayFacts:
    """What aebot knows of [day) and [next_day), for the team (or `user`): nine statements."""
    start, end = day
    n_start, n_end = next_day
    mine = (lambda column: [column == user]) if user else (lambda column: [])
    c = ContactLog
    contacts = select(c.author_id, c.at, c.kind, c.summary, c.next_steps, Client.name).join(
        Client, col(Client.id) == c.client_id
    )
    live = (c.team_id == team, col(c.deleted_at).is_(None), *mine(c.author_id))
    f = DayFacts()
    q = contacts.where(*live, col(c.at) >= start, col(c.at) < end).order_by(col(c.at))
    f.contacts = _by(s.exec(q), "author_id")
    q = contacts.where(*live, c.follow_up_on == next_date, col(c.follow_up_sent_at).is_(None))
    f.follow_ups = _by(s.exec(q.order_by(col(c.id))), "author_id")
    r = ContactReport
    rq = (
        select(r.author_id, Client.name)
        .join(Client, col(Client.id) == r.client_id)
        .where(r.team_id == team, col(r.sent_at) >= start, col(r.sent_at) < end)
    )
    f.reports = _by(s.exec(rq.where(*mine(r.author_id)).order_by(col(r.sent_at))), "author_id")
    e = JobEvent
    label = (Job.number + literal(" ") + Job.project).label("name")
    eq = (
        select(e.actor, e.to_status, label)
        .join(Job, col(Job.id) == e.job_id)
        .where(e.team_id == team, col(e.at) >= start, col(e.at) < end)
        .where(col(e.to_status).is_not(None), *mine(e.actor))
    )
    f.moves = _by(s.exec(eq.order_by(col(e.at), col(e.id))), "actor")
    i = ActionItem
    iq = (
        select(i.done_by, i.text, Client.name)
        .join(Client, col(Client.id) == i.client_id)
        .where(i.team_id == team, col(i.done_at) >= start, col(i.done_at) < end)
    )
    f.done = _by(s.exec(iq.where(*mine(i.done_by)).order_by(col(i.done_at))), "done_by")
    mq = (
        select(Meeting, Client.name)
        .join(Client, col(Client.id) == Meeting.client_id)
        .where(Meeting.team_id == team, col(Meeting.cancelled_at).is_(None))
        .where(col(Meeting.starts_at) >= n_start, col(Meeting.starts_at) < n_end)
        .order_by(col(Meeting.starts_at), col(Meeting.id))
    )
    f.meetings = defaultdict(list)
    for m, name in s.exec(mq):
        for u in dict.fromkeys([m.organiser_id, *people(m.our_attendees)]):
            if user is None or u == user:
                f.meetings[u].append((m, name))
    f.deadlines = _by(_deadlines(s, team, n_start, n_end, user), "owner_id")
    f.deferred = absence.deferred_starts(s, team, n_start, n_end)
    wq = select(Whereabouts).where(
        Whereabouts.team_id == team,
        col(Whereabouts.ended_at).is_(None),
        col(Whereabouts.start) < n_end,
        col(Whereabouts.end) > n_start,
        *mine(Whereabouts.user_id),
    )
    f.visits = list(s.exec(wq))
    return f


def _deadlines(s: Session, team: str, start: datetime, end: datetime, user: str | None) -> Any:
    """Live jobs whose client's deadline, or internal one while not yet sent, falls in
    [start, end)."""
    j = Job
    q = (
        select(j.owner_id, j.number, j.deadline, j.internal_deadline, Client.name)
        .join(Client, col(Client.id) == j.client_id)
        .where(j.team_id == team, col(j.status).in_(LIVE))
        .where(
            (col(j.deadline) >= start) & (col(j.deadline) < end)
            | (col(j.internal_deadline) >= start)
            & (col(j.internal_deadline) < end)
            & col(j.status).in_(NOT_SENT)
        )
    )
    if user:
        q = q.where(j.owner_id == user)
    return s.exec(q.order_by(col(j.deadline), col(j.id)))


# --- the summaries ---------------------------------------------------------------------------
def save(
    s: Session, team: str, user: str, day: date, today: str, tomorrow: str, now: datetime
) -> bool:
    """Store the person's summary of `day` (replacing one written before): True if replaced."""
    row = get(s, team, user, day)
    replaced = row is not None
    row = row or DaySummary(team_id=team, user_id=user, day=day, written_at=now, created_at=now)
    row.today_text, row.tomorrow_text, row.written_at = today, tomorrow, now
    s.add(row)
    s.flush()
    return replaced


def get(s: Session, team: str, user: str, day: date) -> DaySummary | None:
    q = select(DaySummary).where(
        DaySummary.team_id == team, DaySummary.user_id == user, DaySummary.day == day
    )
    return s.exec(q).first()


def of_day(s: Session, team: str, day: date) -> dict[str, DaySummary]:
    """Everyone's summary of `day`, by person: one statement."""
    q = select(DaySummary).where(DaySummary.team_id == team, DaySummary.day == day)
    return {d.user_id: d for d in s.exec(q)}


# --- Register tomorrow -------------------------------------------------------------------------
def register_meeting(
    s: Session, team: str, user: str, meeting_id: int, now: datetime
) -> Registered | None:
    """The person's whereabouts for the meeting's time and place (as the meeting registers its
    organiser's), unless one already covers it; None if it is not their meeting or is off."""
    row = s.exec(
        select(Meeting, Client.name)
        .join(Client, col(Client.id) == Meeting.client_id)
        .where(Meeting.team_id == team, Meeting.id == meeting_id)
    ).first()
    if row is None:
        return None
    m, name = row
    ours = user == m.organiser_id or user in people(m.our_attendees)
    if not ours or m.cancelled_at is not None or not m.place or m.ends_at <= now:
        return None
    q = select(Whereabouts).where(
        Whereabouts.team_id == team,
        Whereabouts.user_id == user,
        col(Whereabouts.ended_at).is_(None),
        col(Whereabouts.start) <= m.starts_at,
        col(Whereabouts.end) >= m.ends_at,
    )
    if (visit := s.exec(q.order_by(col(Whereabouts.id))).first()) is not None:
        return Registered(m, name, visit, True)
    visit = Whereabouts(
        team_id=team,
        user_id=user,
        client_id=m.client_id,
        purpose=f"{m.topic} · {m.place}"[:500],
        start=m.starts_at,
        end=m.ends_at,
        log_offered_at=now,  # the meeting's report prompt, not the visit-log offer
        created_at=now,
    )
    whereabouts.register(s, visit, now, keep_open_now=True)
    return Registered(m, name, visit, False)
