"""Action items (督促落实): reading a report's action-item lines, who may mark one done, and
when an open item's people are told. Plain rules, no Slack and no database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.rules.problems import Problem


@dataclass(frozen=True)
class ItemLine:
    """One action item as typed: its owner (a Slack user id), the line's words, its due day."""

    owner_id: str
    text: str
    due_on: date | None


def read_item_lines(
    text: str,
    author_id: str,
    people: Mapping[str, str],
    now: datetime,
    tz: ZoneInfo,
    lang: str,
    end_of_day: time,
) -> tuple[list[ItemLine], Problem | None]:
    """The action items of a box, one per non-empty line. The owner is a `<@U…>` mention or
    an @name of `people` (lower-cased name → user id), "我"/"me" or nobody for the author;
    the due day is read from the line by the dates-in-text reader (bot/dates `find_dates`).
    A day in the past or more than a year away, or an unknown @name, is the problem (the
    first one found, naming its line); then no items are returned."""
    raise NotImplementedError  # issue 19, section 2
