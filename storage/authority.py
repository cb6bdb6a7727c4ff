"""The authority limits (审批权限) a team's admins changed over the handbook's."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, select

from bot.rules.authority import DEFAULT_LIMITS, Limit
from storage.models import AuthorityLimit


def limits(s: Session, team_id: str) -> list[Limit]:
    """The team's authority limits: the handbook's, with what its admins changed over them."""
    stored = list(s.exec(select(AuthorityLimit).where(AuthorityLimit.team_id == team_id)))
    changed = {(x.kind, x.role) for x in stored}
    out = [x for x in DEFAULT_LIMITS if (x.kind, x.role) not in changed]
    out += [
        Limit(x.kind, x.role, None if x.limit is None else Decimal(x.limit), x.strict)
        for x in stored
        if not x.denied
    ]
    return out


def set_limit(
    s: Session,
    team_id: str,
    kind: str,
    role: str,
    limit: Decimal | None,
    strict: bool,
    denied: bool,
    by: str,
    now: datetime,
) -> None:
    row = s.exec(
        select(AuthorityLimit).where(
            AuthorityLimit.team_id == team_id,
            AuthorityLimit.kind == kind,
            AuthorityLimit.role == role,
        )
    ).first() or AuthorityLimit(team_id=team_id, kind=kind, role=role)
    row.limit = None if limit is None else str(limit)
    row.strict, row.denied, row.updated_by, row.updated_at = strict, denied, by, now
    s.add(row)
