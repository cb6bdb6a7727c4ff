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


def installed(s: Session) -> dict[str, datetime]:
    """When each workspace's team was first loaded (its earliest member), in one query."""
    q = select(Member.team_id, func.min(Member.created_at)).group_by(Member.team_id)
    return {team: at for team, at in s.exec(q).all()}
