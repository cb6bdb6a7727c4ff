"""Texts by key, in Chinese and English, and the reader they are written for.

Each text is whole in each language (bot/slack/messages.py): sentences are never glued together
from fragments. English texts that carry a count have a singular and a plural form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, cached_property, partial
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.dates import echo, echo_day, examples, weekday_name
from bot.dates.examples import EXAMPLE_PREFIX
from bot.rules.people import LANGS, language_of
from bot.rules.problems import Problem
from bot.slack.messages import MESSAGES, Plural

__all__ = ["LANGS", "Reader", "join", "t"]


def t(lang: str, key: str, /, **values: object) -> str:
    """The text for `key` in `lang` (falling back to Chinese), with `values` filled in."""
    text = _in(lang, key)
    if isinstance(text, Plural):
        text = text.one if values.get(text.count) == 1 else text.other
    return text.format(**values) if values else text


def _in(lang: str, key: str) -> str | Plural:
    """The entry for `key` in `lang`, else in Chinese."""
    entry = MESSAGES[key]
    return entry.get(lang) or entry["zh"]


@cache
def _has_examples(key: str) -> bool:
    entry = MESSAGES[key]
    forms = [x for v in entry.values() for x in (v if isinstance(v, Plural) else (v,))]
    return any("{" + EXAMPLE_PREFIX in str(x) for x in forms)


def join(lang: str, items: Iterable[str]) -> str:
    """A list in a sentence: "甲、乙、丙" or "a, b, c"."""
    return ("、" if lang == "zh" else ", ").join(items)


class Speaker(Protocol):
    """Someone written to: their chosen language and their Slack locale (storage's Member)."""

    language: str | None
    slack_locale: str | None


@dataclass(frozen=True)
class Reader:
    """Whom a message is written for: their language, the workspace's zone, and now (from the
    clock, so that what is shown never depends on the machine's date)."""

    lang: str
    zone: ZoneInfo
    now: datetime

    @classmethod
    def of(cls, person: Speaker | None, default: str, zone: ZoneInfo, now: datetime) -> Reader:
        """How to write to `person`: their language, else their Slack locale's, else `default`
        (the workspace's, also for someone not on the team)."""
        lang = language_of(person.language, person.slack_locale, default) if person else default
        return cls(lang, zone, now)

    def t(self, key: str, /, **values: object) -> str:
        """The text in this reader's language; its example dates (`{eg_…}`) computed from
        today, so that no help or refusal ever suggests a day already gone."""
        if _has_examples(key):
            values = examples(self.today, self.lang) | values
        return t(self.lang, key, **values)

    def template(self, key: str, /) -> Callable[..., str]:
        """The text for `key` as a function of its values, looked up once: for the many lines
        of a long list (a text with a plural or example dates goes through `t` every time)."""
        text = _in(self.lang, key)
        if isinstance(text, Plural) or _has_examples(key):
            return partial(self.t, key)
        return text.format

    def problem(self, problem: Problem) -> str:
        return self.t(problem.key, **problem.values)

    @cached_property
    def local_now(self) -> datetime:
        """Now in the workspace's zone (worked out once: a long list writes many moments)."""
        return self.now.astimezone(self.zone)

    @property
    def today(self) -> date:
        return self.local_now.date()

    def when(self, at: datetime, has_time: bool = True) -> str:
        """A moment in the workspace's zone, as this reader writes it."""
        return echo(at.astimezone(self.zone), self.lang, now=self.local_now, has_time=has_time)

    def day(self, d: date) -> str:
        return echo_day(d, self.lang, now=self.local_now.date())

    def more(self, n: int) -> str:
        """ "…and n more not shown": what closes a list cut to fit a message."""
        return t(self.lang, "common.more", n=n)

    def weekday(self, d: date) -> str:
        return weekday_name(d, self.lang)

    def join(self, items: Iterable[str]) -> str:
        """A list in a sentence: "甲、乙、丙" or "a, b, c"."""
        return join(self.lang, items)
