"""A client's life (001): active, a prospect, paused or ended. Only active clients are due a
call at their own cadence; a prospect is due every `prospect_cadence_days` working days; a
paused or ended client is never due, and never missed. An ended client's contract may end on a
day still ahead (`/client end 耐克 2026-12-31`): until then it is served as before."""

from __future__ import annotations

import unicodedata
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


def counted_on(status: str, since: date | None, day: date) -> bool:
    """Whether a past `day` counts for the client's calls (the Friday report, the Monday
    agenda): a paused or ended client's days from its status' day on never do (nor any, with no
    day known); an active client's or a prospect's days before its status changed don't either,
    as what it was before is not kept."""
    if status in NEVER_DUE:
        return since is not None and day < since
    return since is None or day >= since


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


NOTE_MAX = 300  # characters of the why (`client.status_note`)
ORDER = {ACTIVE: 0, PROSPECT: 1, PAUSED: 2, ENDED: 3}  # how a list of clients is grouped
# A status as people type it, in English or Chinese (lower case, NFKC)
_WORDS: dict[str, str] = {
    "active": ACTIVE,
    "活跃": ACTIVE,
    "在服务": ACTIVE,
    "服务中": ACTIVE,
    "恢复": ACTIVE,
    "prospect": PROSPECT,
    "潜在": PROSPECT,
    "潜在客户": PROSPECT,
    "paused": PAUSED,
    "pause": PAUSED,
    "暂停": PAUSED,
    "ended": ENDED,
    "end": ENDED,
    "结束": ENDED,
    "已结束": ENDED,
    "终止": ENDED,
}


def read_status(text: str) -> tuple[str, str] | None:
    """The status word `text` starts with and the note after it ("paused 客户内部调整到1月",
    "暂停客户内部调整"): the longest word wins; an English word must stand alone. None when
    the text starts with no status word."""
    stripped = text.strip()
    folded = unicodedata.normalize("NFKC", stripped).casefold()
    for word in sorted(_WORDS, key=len, reverse=True):
        if not folded.startswith(word):
            continue
        rest = folded[len(word) :]
        if word.isascii() and rest and not rest[0].isspace():
            continue
        return _WORDS[word], stripped[len(word) :].strip()
    return None
