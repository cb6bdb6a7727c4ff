"""Who is away, for the timetable: people on leave get no reminders of any kind, people out
for the rest of the day get no overtime reminder, and someone who worked past 23:00 starts
later the next working morning. Each is one statement for the whole team."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, col, select

from storage.models import Leave, OvertimeForm, Whereabouts
from storage.overtime import read_members


def on_leave(s: Session, team_id: str, day: date) -> set[str]:
    """Everyone with leave registered on `day`."""
    q = select(Leave.user_id).where(
        Leave.team_id == team_id,
        col(Leave.cancelled_at).is_(None),
        col(Leave.first_day) <= day,
        col(Leave.last_day) >= day,
    )
    return set(s.exec(q))


def leave_between(s: Session, team_id: str, first: date, last: date) -> list[Leave]:
    """Leave overlapping [first, last], for reports."""
    q = select(Leave).where(
        Leave.team_id == team_id,
        col(Leave.cancelled_at).is_(None),
        col(Leave.first_day) <= last,
        col(Leave.last_day) >= first,
    )
    return list(s.exec(q.order_by(col(Leave.user_id), col(Leave.first_day))))


def out_until(s: Session, team_id: str, now: datetime, until: datetime) -> set[str]:
    """Everyone registered out at `now` whose visit lasts at least until `until` (the rest of
    the working day) and who has not said they are back."""
    q = select(Whereabouts.user_id).where(
        Whereabouts.team_id == team_id,
        col(Whereabouts.ended_at).is_(None),
        col(Whereabouts.start) <= now,
        col(Whereabouts.end) >= until,
    )
    return set(s.exec(q))


def deferred_starts(
    s: Session, team_id: str, start: datetime, end: datetime
) -> dict[str, datetime]:
    """The later starts within [start, end) (a working day) that approved overtime past 23:00
    granted, by person: the latest one if several."""
    q = select(OvertimeForm.members, OvertimeForm.deferred_until).where(
        OvertimeForm.team_id == team_id,
        OvertimeForm.status == "approved",
        col(OvertimeForm.deferred_until) >= start,
        col(OvertimeForm.deferred_until) < end,
    )
    out: dict[str, datetime] = {}
    for members, until in s.exec(q):
        if until is None:
            continue
        for user in read_members(members):
            out[user] = max(out.get(user, until), until)
    return out
