"""Action items (督促落实): reading a report's action-item lines, who may mark one done, and
when an open item's people are told. Plain rules, no Slack and no database."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.dates import DateFinder, echo_day
from bot.rules.problems import Problem

TEXT_MAX = 3000  # ActionItem.text
FAR = timedelta(days=366)  # a due day further than a year away is a typo
SHOWN = 40  # how much of a refused line its refusal repeats

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_BULLET = re.compile(r"^(?:[-•*·]|\d{1,3}[.、)）])\s*")
_SELF = re.compile(r"^(?:我|me)(?:[\s:：,，]+|$)", re.IGNORECASE)
_SELF_AT = ("me", "我")
_NAME_END = re.compile(r"[^\s,，。;；:：、()（）]+")


@dataclass(frozen=True)
class Tally:
    """One owner's items for a week: done in it, open at its end, of those overdue."""

    done: int = 0
    open: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class ItemLine:
    """One action item as typed: its owner (a Slack user id), the line's words, its due day."""

    owner_id: str
    text: str
    due_on: date | None


class ItemRecord(Protocol):
    """A stored action item as the rules and views read it (storage's ActionItem)."""

    id: int | None
    author_id: str
    owner_id: str
    text: str
    due_on: date | None
    done_at: datetime | None
    done_by: str | None
    dropped_at: datetime | None
    report_id: int | None


@dataclass(frozen=True)
class AtNames:
    """A team's @names (`people_names`) made ready for reading lines: the longest name first
    (so that "@Dan Wang" is not read as "@Dan"), and the team's user ids. A team's is built
    once while its members stay the same (storage/directory.py `at_names`)."""

    longest_first: tuple[tuple[str, str], ...]
    users: frozenset[str]


def at_names(people: Mapping[str, str]) -> AtNames:
    """`people` (lower-cased name → user id) ready for `read_item_lines`."""
    longest = sorted(people.items(), key=lambda p: len(p[0]), reverse=True)
    return AtNames(tuple(longest), frozenset(people.values()))


def read_item_lines(
    text: str,
    author_id: str,
    people: Mapping[str, str] | AtNames,
    now: datetime,
    tz: ZoneInfo,
    lang: str,
    end_of_day: time,
) -> tuple[list[ItemLine], Problem | None]:
    """The action items of a box, one per non-empty line. The owner is a `<@U…>` mention or
    an @name of `people` (lower-cased name → user id, or `at_names` of it), "我"/"me" or
    nobody for the author; the due day is read from the line by the dates-in-text reader
    (bot/dates `find_dates`). A day in the past or more than a year away, an unknown @name or
    a mention of someone not in `people`, is the problem (the first one found, naming its
    line); then no items are returned."""
    items: list[ItemLine] = []
    names = people if isinstance(people, AtNames) else at_names(people)
    lines = [line.strip() for line in (text or "").splitlines()]
    finder = DateFinder(now, tz.key, lang, end_of_day)  # one for the box: lines repeat 周五前
    today = now.astimezone(tz).date()
    for i, line in enumerate((x for x in lines if x), start=1):
        got = _read_line(line, author_id, names, finder, today, lang)
        if isinstance(got, Problem):
            shown = line if len(line) <= SHOWN else line[: SHOWN - 1] + "…"
            return [], Problem(got.key, {"i": i, "text": shown, **got.values})
        items.append(got)
    return items, None


def _read_line(
    line: str,
    author_id: str,
    names: AtNames,
    finder: DateFinder,
    today: date,
    lang: str,
) -> ItemLine | Problem:
    if line[0] in "-•*·" or line[0].isdigit():  # only then can it start with a bullet
        line = _BULLET.sub("", line)
    owner = owner_of(line, author_id, names)
    if isinstance(owner, Problem):
        return owner
    owner_id, words = owner
    if not words:
        return Problem("items.no_words")
    if len(words) > TEXT_MAX:
        return Problem("items.too_long", {"n": len(words), "max": TEXT_MAX})
    due = min((f.at.date() for f in finder.find(words)), default=None)
    if due is not None and due < today:
        return Problem("items.past", {"day": echo_day(due, lang, now=today)})
    if due is not None and due - today > FAR:
        return Problem("items.too_far", {"day": echo_day(due, lang, now=today)})
    return ItemLine(owner_id, words, due)


def owner_of(line: str, author_id: str, names: AtNames) -> tuple[str, str] | Problem:
    """Whose the line is and its words without the owner's mention: the first `<@U…>`, else
    the first @name (the longest name of `names` that fits), else the author ("我"/"me" at
    the start is taken away)."""
    if m := _MENTION.search(line):
        if names.users and m.group(1) not in names.users:
            return Problem("items.not_on_team", {"user": m.group(1)})
        return m.group(1), _tidy(line[: m.start()] + " " + line[m.end() :])
    for at in _ats(line):
        rest = line[at + 1 :]
        low = rest.lower()
        if low.startswith(_SELF_AT) and not _glued(rest, 2 if low.startswith("me") else 1):
            size = 2 if low.startswith("me") else 1
            return author_id, _tidy(line[:at] + " " + rest[size:])
        for name, user in names.longest_first:
            if name and low.startswith(name) and not _glued(rest, len(name)):
                return user, _tidy(line[:at] + " " + rest[len(name) :])
        typed = _NAME_END.match(rest)
        return Problem("items.unknown_name", {"name": (typed.group(0) if typed else "")[:20]})
    return author_id, _tidy(_SELF.sub("", line))


def _ats(line: str) -> list[int]:
    """Where an @ starts a name: not inside an e-mail address (a Latin letter or digit before)."""
    return [
        i
        for i, c in enumerate(line)
        if c == "@" and (i == 0 or not (line[i - 1].isascii() and line[i - 1].isalnum()))
    ]


def _glued(rest: str, size: int) -> bool:
    """Whether a Latin name runs on into more Latin letters ("@Dan" is not "@Danny")."""
    if size >= len(rest):
        return False
    last, after = rest[size - 1], rest[size]
    return last.isascii() and last.isalnum() and after.isascii() and after.isalnum()


_SPACES = re.compile(r"[ \t]{2,}")


def _tidy(words: str) -> str:
    if "  " in words or "\t" in words:
        words = _SPACES.sub(" ", words)
    return words.strip(" \t:：,，")


# --- who may mark an item done ---------------------------------------------------------------
def managers_of(user: str, manager_of: Mapping[str, str | None]) -> list[str]:
    """The manager chain above `user` (Member.manager_id), nearest first; a cycle ends it."""
    chain: list[str] = []
    boss = manager_of.get(user)
    while boss and boss not in chain and boss != user:
        chain.append(boss)
        boss = manager_of.get(boss)
    return chain


def may_mark_done(
    item: ItemRecord, user: str, manager_of: Mapping[str, str | None], admin: bool
) -> bool:
    """The owner, the author, anyone above either of them, or an admin."""
    if admin or user in (item.owner_id, item.author_id):
        return True
    return user in managers_of(item.owner_id, manager_of) + managers_of(item.author_id, manager_of)


# --- when an open item's people are told -----------------------------------------------------
AUTHOR_AFTER = 1  # working days overdue: the report's author is told
MANAGER_AFTER = 2  # … the owner's manager is told


class WorkingDays(Protocol):
    def working_days_between(self, start: date, end: date) -> int: ...


def overdue_by(due_on: date | None, today: date, calendar: WorkingDays) -> int:
    """Working days since an item's due day (0 when not yet overdue, or no due day): due on
    Friday, it is 1 on Monday (2 on a 调休 Saturday that is a working day)."""
    if due_on is None or due_on >= today:
        return 0
    return max(0, calendar.working_days_between(due_on, today))


@dataclass(frozen=True)
class Telling:
    """Whom an overdue item is told to in one run: the author, the owner's manager."""

    author: bool
    manager: bool


def who_to_tell(
    item: ItemRecord, told: tuple[bool, bool], days: int, manager: str | None
) -> Telling:
    """Once each: the author at AUTHOR_AFTER working days, the owner's manager at MANAGER_AFTER
    (`told`: whether each was already told)."""
    author = days >= AUTHOR_AFTER and not told[0]
    boss = days >= MANAGER_AFTER and not told[1] and bool(manager) and manager != item.owner_id
    return Telling(author, boss)


def people_names(members: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The names an @ may give (lower-cased → user id) of (user id, name) pairs: each whole
    name, and each word of a name of several that no one else's name has ("@Dan" for Dan Wang)."""
    names: dict[str, str] = {}
    words: dict[str, set[str]] = {}
    for user, name in members:
        key = name.strip().lower()
        if key:
            names[key] = user
        for word in key.split() if " " in key else ():
            words.setdefault(word, set()).add(user)
    for word, users in words.items():
        if len(users) == 1 and word not in names:
            names[word] = next(iter(users))
    return names
