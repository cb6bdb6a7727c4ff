"""The AE's day (当日工作小结和次日工作安排): who is asked for a summary, which working day a
summary is of, what tomorrow means, the quick path's two parts, whose summaries a manager
reads, and which meeting tomorrow still needs its whereabouts registered. No database, no
Slack."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from bot.rules.action_items import managers_of
from bot.rules.people import MemberRecord
from bot.rules.problems import Problem
from bot.rules.workdays import WorkCalendar

ASKED_ROLES = frozenset({"ae", "aae"})  # who is asked for a summary each working day
DIGEST_ROLES = frozenset({"am", "ad"})  # who reads their people's the next working day
TEXT_MAX = 3000  # each box (a Slack text input's limit)
TODAY, TOMORROW = "today", "tomorrow"

_MARKS = {
    TODAY: re.compile(r"(?:今天|今日|today)\s*[:：]", re.IGNORECASE),
    TOMORROW: re.compile(r"(?:明天|明日|tomorrow)\s*[:：]", re.IGNORECASE),
}


@dataclass(frozen=True)
class Quick:
    """What `/daily 今天：… 明天：…` gave: both parts, or which are missing."""

    today: str = ""
    tomorrow: str = ""
    missing: tuple[str, ...] = ()


def read_quick(text: str) -> Quick:
    """The two parts of the quick path, each after its mark (`今天：`/`today:`, `明天：`/
    `tomorrow:`), in either order; a part not marked or empty is missing. Words before the
    first mark belong to no part: they make the today part missing unless it is marked."""
    found = sorted(
        (m.start(), m.end(), part)
        for part, mark in _MARKS.items()
        if (m := mark.search(text)) is not None
    )
    parts: dict[str, str] = {}
    for i, (_, end, part) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(text)
        parts[part] = clean(text[end:stop])
    missing = tuple(p for p in (TODAY, TOMORROW) if not parts.get(p))
    return Quick(parts.get(TODAY, ""), parts.get(TOMORROW, ""), missing)


def clean(text: str) -> str:
    """A box's text as stored: surrounding blanks and separators gone, lines kept."""
    return text.strip().strip("；;，,").strip()


def text_problem(text: str) -> Problem | None:
    if len(text) > TEXT_MAX:
        return Problem("day.too_long", {"max": str(TEXT_MAX), "n": str(len(text))})
    return None


def day_of(today: date, calendar: WorkCalendar) -> date:
    """The working day a summary written on `today` is of: today on a working day, else the
    last working day before it (written over the weekend, it is Friday's)."""
    return today if calendar.is_working_day(today) else calendar.previous_working_day(today)


def tomorrow_of(day: date, calendar: WorkCalendar) -> date:
    """The working day after `day`: Friday's tomorrow is Monday (or a 调休 Saturday)."""
    return calendar.next_working_day(day)


def people_of(
    manager: str, bosses: Mapping[str, str | None], roles: Mapping[str, str]
) -> list[str]:
    """The people asked for a summary whose reporting line leads to `manager`, in team order."""
    return [u for u in bosses if roles.get(u) in ASKED_ROLES and manager in managers_of(u, bosses)]


class Written(Protocol):
    """A day's summary as the views read it (storage's DaySummary is one)."""

    today_text: str
    tomorrow_text: str
    written_at: datetime


M = TypeVar("M", bound=MemberRecord)
W = TypeVar("W", bound=Written)


class Span(Protocol):
    user_id: str
    start: datetime
    end: datetime


def covered(user: str, start: datetime, end: datetime, visits: Iterable[Span]) -> bool:
    """Whether one of `visits` (whereabouts not ended) of `user` covers [start, end)."""
    return any(v.user_id == user and v.start <= start and v.end >= end for v in visits)


Named = tuple[Any, str]  # a row and the name it is shown with (its client's, or its job's)


@dataclass
class DayFacts:
    """By person: what they did on the day, and what the next working day holds for them."""

    contacts: dict[str, list[Named]] = field(default_factory=dict)  # (ContactLog, client)
    reports: dict[str, list[Named]] = field(default_factory=dict)  # (ContactReport, client)
    moves: dict[str, list[Named]] = field(default_factory=dict)  # (JobEvent, "number project")
    done: dict[str, list[Named]] = field(default_factory=dict)  # (ActionItem, client)
    follow_ups: dict[str, list[Named]] = field(default_factory=dict)  # (ContactLog, client)
    meetings: dict[str, list[Named]] = field(default_factory=dict)  # (Meeting, client)
    deadlines: dict[str, list[Named]] = field(default_factory=dict)  # (Job, client)
    deferred: dict[str, datetime] = field(default_factory=dict)  # a later start, next day
    visits: list[Any] = field(default_factory=list)  # whereabouts registered, next day

    def unregistered(self, user: str) -> list[Named]:
        """The person's meetings next day away from the office that no whereabouts of theirs
        covers."""
        return [
            (m, c)
            for m, c in self.meetings.get(user, [])
            if m.place and not covered(user, m.starts_at, m.ends_at, self.visits)
        ]


@dataclass
class Registered:
    """Register tomorrow's outcome: the meeting, its client's name, the whereabouts entry."""

    meeting: Any  # storage's Meeting
    client: str
    visit: Any  # storage's Whereabouts
    already: bool  # it was registered before this click


def team_of(manager: str, members: Sequence[M]) -> list[M]:
    """The AEs and AAEs whose reporting line leads to `manager`, in team order."""
    return teams(members).get(manager, [])


def teams(members: Sequence[M]) -> dict[str, list[M]]:
    """Every manager's AEs and AAEs (whose reporting line leads to them), in team order: each
    person's line walked once."""
    bosses = {m.user_id: m.manager_id for m in members}
    out: dict[str, list[M]] = {}
    for m in members:
        if m.role in ASKED_ROLES:
            for boss in managers_of(m.user_id, bosses):
                out.setdefault(boss, []).append(m)
    return out


def sort_out(
    people: Sequence[M], written: Mapping[str, W], leave: set[str]
) -> tuple[list[tuple[str, W]], list[str], list[str]]:
    """Who wrote (with what), who wrote none, and who was on leave and wrote none."""
    wrote = [(m.name, written[m.user_id]) for m in people if m.user_id in written]
    missing = [m.name for m in people if m.user_id not in written and m.user_id not in leave]
    away = [m.name for m in people if m.user_id not in written and m.user_id in leave]
    return wrote, missing, away
