"""Which workspaces this database knows, and since when: what the operator's `--team` is checked
against, and where the first start after an import begins counting missed runs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, union
from sqlmodel import Session, select

from storage.models import AuthorityLimit, CalendarDay, Client, Member, TeamSetting

# Every table an operator may fill for a workspace before (or without) its team: a workspace is
# known once any of them has a row of it.
_OWNED = (Member, Client, TeamSetting, CalendarDay, AuthorityLimit)


def known(s: Session) -> list[str]:
    """Every workspace with a row in the database: its team, clients, settings, calendar
    corrections or authority limits; sorted."""
    q = union(*(select(t.team_id) for t in _OWNED))  # type: ignore[attr-defined]
    return sorted(str(team) for (team,) in s.execute(q))


def installed_at(s: Session, team_id: str) -> datetime | None:
    """When the workspace's team was first loaded (its earliest member); None before that."""
    q = select(func.min(Member.created_at)).where(Member.team_id == team_id)
    return s.exec(q).one()
