"""A client's life (001): active, a prospect, paused or ended. Only active clients are due a
call at their own cadence; a prospect is due every `prospect_cadence_days` working days; a
paused or ended client is never due, and never missed. An ended client's contract may end on a
day still ahead (`/client end 耐克 2026-12-31`): until then it is served as before."""

from __future__ import annotations

from datetime import date

ACTIVE, PROSPECT, PAUSED, ENDED = "active", "prospect", "paused", "ended"
CLIENT_STATUSES = (ACTIVE, PROSPECT, PAUSED, ENDED)
NEVER_DUE = (PAUSED, ENDED)
LOST, WON = "lost", "won"  # the funnel stages that change a client's status


def status_on(status: str, since: date | None, day: date) -> str:
    """The client's status on `day`: an end (or a pause) dated ahead has not begun yet."""
    if status in NEVER_DUE and since is not None and day < since:
        return ACTIVE
    return status if status in CLIENT_STATUSES else ACTIVE


def cadence(status: str, own: int, prospect_days: int) -> int | None:
    """Every how many working days the client is due a call; None: never (paused, ended)."""
    if status in NEVER_DUE:
        return None
    return prospect_days if status == PROSPECT else own


def after_stage(status: str, stage: str) -> str:
    """The status a funnel stage leaves the client in: `lost` ends it, `won` makes a prospect
    active; any other stage changes nothing."""
    if stage == LOST:
        return ENDED
    if stage == WON and status == PROSPECT:
        return ACTIVE
    return status
