"""Each team's settings (TeamSetting rows over the defaults of bot/rules/team_settings.py),
kept in memory until one changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session, select

from bot.rules.team_settings import TeamValues
from storage.changes import TeamCache
from storage.db import Database
from storage.models import TeamSetting


class TeamSettings:
    def __init__(self, db: Database, now: Callable[[], datetime]) -> None:
        self.db = db
        self._cache = TeamCache(self._load, now, db.changes, frozenset({"teamsetting"}))

    def of(self, team: str) -> TeamValues:
        return self._cache.get(team)

    def _load(self, team: str) -> TeamValues:
        with self.db.read() as s:
            return TeamValues(stored(s, team))


def stored(s: Session, team_id: str) -> dict[str, str]:
    rows = s.exec(select(TeamSetting).where(TeamSetting.team_id == team_id))
    return {r.key: r.value for r in rows}


def _setting(s: Session, team_id: str, key: str) -> TeamSetting | None:
    q = select(TeamSetting).where(TeamSetting.team_id == team_id, TeamSetting.key == key)
    return s.exec(q).first()


def store(s: Session, team_id: str, key: str, value: str, by: str | None, now: datetime) -> None:
    """Set `key` for the team (an already normalised value)."""
    row = _setting(s, team_id, key) or TeamSetting(team_id=team_id, key=key, value=value)
    row.value, row.updated_by, row.updated_at = value, by, now
    s.add(row)


def unset(s: Session, team_id: str, key: str) -> bool:
    """Back to the default; False when the team had not set it."""
    row = _setting(s, team_id, key)
    if row is not None:
        s.delete(row)
    return row is not None
