"""How each side of a range is read (`bot.dates.ranges`): by the single-date grammars, the
reader's language first; what both kinds of range share about a side (has it a time of day, a
number alone, a weekday or day of month carried from the start) and the refusal of a range
that reads but cannot be.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.dates.en import parse_en
from bot.dates.spec import Floating, Instant, Spec
from bot.dates.zh import parse_zh

NUM = r"[0-9]{1,2}(?::[0-9]{2})?|[零〇一二两三四五六七八九十]{1,3}"


class Refused(Exception):
    """A range that reads but cannot be: which message to give."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class SideReader:
    """What each side is read against: the moment (local), the reader's language, the end of
    a day."""

    now: datetime  # local, in the workspace zone
    lang: str
    end_of_day: time

    def spec(self, s: str) -> Spec | None:
        """The first grammar's reading of one side (the reader's language tried first)."""
        s = s.strip(" ,")
        if not s:
            return None
        parsers = (parse_en, parse_zh) if self.lang == "en" else (parse_zh, parse_en)
        for parser in parsers:
            spec = parser(s, self.now)
            if spec is not None:
                return spec
        return None


def has_time(spec: Spec) -> bool:
    return spec.hm is not None or isinstance(spec.day, Instant)


def carried(day: Floating, start: date) -> date | None:
    """A weekday ("周三", "wed", "weekend") is the first on or after `start`; a day of the month
    ("3号") is in the start's month."""
    first = day.days[0]
    if len(day.days) > 1 and (day.days[1] - first).days >= 28:
        try:
            return start.replace(day=first.day)
        except ValueError:
            return None
    return start + timedelta(days=(first.weekday() - start.weekday()) % 7)
