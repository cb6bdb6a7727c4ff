"""Reading open jobs for the timetable and the App Home: one statement for the whole team (or
one person), each job with its client."""

from __future__ import annotations

from sqlmodel import Session, col, select

from bot.rules.job_life import LIVE
from storage.models import Client, Job


def open_jobs(s: Session, team_id: str, owner_id: str | None = None) -> list[tuple[Job, Client]]:
    """The team's open jobs (only `owner_id`'s, if given) with their clients, earliest internal
    deadline first; one statement."""
    q = (
        select(Job, Client)
        .join(Client, col(Client.id) == col(Job.client_id))
        .where(Job.team_id == team_id, col(Job.status).in_(LIVE))
    )
    if owner_id is not None:
        q = q.where(Job.owner_id == owner_id)
    q = q.order_by(col(Job.internal_deadline), col(Job.number))
    return [(job, client) for job, client in s.exec(q)]
