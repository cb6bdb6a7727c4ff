"""What the holiday notices keep: one duty per client and holiday (kind "holiday", period the
holiday's first day off, ISO), made by the run that tells its AE and marked by Notified
(storage/agenda.py's duties: UNIQUE, one conditional update). Every read is one statement for
the whole team."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from storage.agenda import duties, ensure_duties
from storage.models import Client, Duty

HOLIDAY = "holiday"

__all__ = [
    "HOLIDAY",
    "duties",
    "ensure_duties",
    "made_on",
    "notified",
    "sent_with",
]


def notified(s: Session, team_id: str, period: str) -> set[int]:
    """The clients marked notified of the holiday starting on `period`."""
    q = select(Duty.client_id).where(
        Duty.team_id == team_id,
        Duty.kind == HOLIDAY,
        Duty.period == period,
        col(Duty.done_at).is_not(None),
    )
    return set(s.exec(q))


def sent_with(s: Session, team_id: str, duty: Duty, zone: ZoneInfo) -> list[tuple[Duty, Client]]:
    """The duties that went out in the same DM as `duty`: its AE's, made the same day (a day's
    run tells of the duties made that day, scheduler/holiday_tasks.py)."""
    rows = duties(s, team_id, HOLIDAY, duty.period, user_id=duty.user_id)
    return [(d, c) for d, c in rows if made_on(d, zone) == made_on(duty, zone)]


def made_on(duty: Duty, zone: ZoneInfo) -> date:
    """The day (in the workspace's zone) the duty was made."""
    return duty.created_at.astimezone(zone).date()
