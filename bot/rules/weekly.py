"""Weekly notes (周报) and the sales funnel (漏斗): pure rules.

A weekly note says where one client stands in at most 150 characters (项目基本情况字数不超过
150字, DOMAIN.md), counted as characters: 150 汉字 fit. Problems needing coordination and
suggestions are a person's own, at most 1,000 characters each. A week is Monday to Sunday in
the workspace's zone, named by its Monday; its notes can be changed until the week's report
(the `friday-report` run of the week's last working day) is compiled.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.rules.problems import Problem

NOTE_MAX = 150  # characters per client
TEXT_MAX = 1000  # problems needing coordination, suggestions
CLIENT, PROBLEMS, SUGGESTIONS = "client", "problems", "suggestions"
KINDS = (CLIENT, PROBLEMS, SUGGESTIONS)
REPORT_JOB = "friday-report"  # its run for a week's last working day compiles the week
PROMPTED_ROLES = ("ae", "aae")  # who is asked for notes (weekly-prompt)

FUNNEL_STAGES = ("prospect", "contacted", "proposal", "negotiation", "won", "lost")
STAGE_NAMES_ZH = {
    "prospect": "潜在",
    "contacted": "已接触",
    "proposal": "提案",
    "negotiation": "谈判",
    "won": "赢单",
    "lost": "丢单",
}
_STAGE_WORDS = {
    **{s: s for s in FUNNEL_STAGES},
    **{zh: s for s, zh in STAGE_NAMES_ZH.items()},
}


def week_of(day: date) -> date:
    """The Monday of `day`'s week: what a week's notes are filed under."""
    return day - timedelta(days=day.weekday())


def week_bounds(week: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[Monday 00:00, next Monday 00:00) of the week, aware, in the workspace's zone."""
    start = datetime.combine(week, time(0), zone)
    return start, datetime.combine(week + timedelta(days=7), time(0), zone)


def clean(text: str | None) -> str:
    """A note as stored: Unicode-composed (a character typed as two code points counts
    once), without surrounding blanks."""
    return unicodedata.normalize("NFC", text or "").strip()


def length(text: str) -> int:
    """How many characters a note has, as the limit counts them."""
    return len(clean(text))


def note_problem(text: str, limit: int = NOTE_MAX) -> Problem | None:
    """Over the limit: the problem, with the limit and the count."""
    n = length(text)
    if n > limit:
        return Problem(
            "weekly.too_long" if limit == NOTE_MAX else "weekly.text_too_long",
            {"max": limit, "n": n},
        )
    return None


def stage_of(word: str) -> str | None:
    """A funnel stage by its English or Chinese name ("Proposal", "提案"), or None."""
    w = unicodedata.normalize("NFKC", word).strip().casefold()
    return _STAGE_WORDS.get(w)


def may_set_stage(user: str, owner: str, owner_manager: str | None, admin: bool) -> bool:
    """The owner, the owner's manager (汇报对象) or an admin moves a client in the funnel."""
    return admin or user == owner or (owner_manager is not None and user == owner_manager)


def needs_prompt(role: str, user: str, wrote: Collection[str], on_leave: Collection[str]) -> bool:
    """Whether the weekly prompt goes to this person: an AE or AAE who has written no note this
    week and is not on leave today."""
    return role in PROMPTED_ROLES and user not in wrote and user not in on_leave
