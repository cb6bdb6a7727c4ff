"""Dates inside sentences: "客户要求下周五前给报价", "send the quote by Friday".

`find_dates(text, now)` lists the dates a free-text sentence mentions, earliest first, each
with the words that said it. It is pure and never raises (an internal error is logged and
answers []). The conventions are `parse_when`'s (`bot.dates.read`): relative to `now` (the
time of writing) in the workspace zone, a date without a time is that day at `end_of_day`
with `has_time=False`, a weekday or a time alone is its next occurrence.

How a date is found:

1. The text is folded as the grammars see it (NFKC, lower case, traditional characters as
   simplified), keeping where each folded character came from, so that `start`/`end` index
   the ORIGINAL text.
2. One scanning regex finds *atoms* (`bot.dates.atoms`), the smallest pieces that can say a
   date, Chinese or English whatever `lang` is: 今天/明天/后天, (下)周五, 11月30日, 30号, 月底,
   年底, 3天后, 下午3点, 14:30; today, tomorrow, (next) friday, Dec 4 / 4 Dec / December 4th,
   eod/eow/eom, end of month, in 3 days, 3 days ago, 3pm, noon, at 3; and 12/1, 2026-12-01 in
   both.
3. Atoms next to each other (nothing between them but spaces, a comma, 的, "at" or "on") are
   one candidate; the longest run that reads is taken ("下周五下午3点" is one date, not 下周五
   and 下午3点), else a shorter one from the same start, else the next atom. A run takes at
   most one day, one time and one period ("tomorrow, friday" is two dates), except a weekday
   with a calendar date ("Fri 4 Dec", "12月4日（周五）"), which must agree: a weekday that
   contradicts its date is dropped and the calendar date kept.
4. Only what the grammar reads is a date: each run is read by `parse_zh` / `parse_en` and
   `resolve`, in the order `lang` picks, as `parse_when` does. English month names and
   offsets are first written as forms our own grammar reads ("Dec 4" -> "12/4",
   "in 3 days" -> "3天后"), so finding never calls dateparser (~0.5 ms a call).

The matched words (`Found.words`) are the date's own words: "下周五" in "下周五前给报价",
"Friday" in "by Friday" (by/before/on/until/due are not part of them, nor a trailing
前/之前/以前, which do not change the date); "at 3" keeps its "at", without which 3 is no time.
An offset keeps its direction ("3天后", "in 3 days").

Never a date: quarters (Q1, 一季度), job numbers and client codes (CR-202611-07,
上海-202611-可口可乐-001), amounts (12万, 120,000, ¥3000, 3.5k, 2000元), percentages, phone
numbers, versions (2.3, v2.3.1), counts (2 posters, 3张海报, 3点意见), bare numbers and
year-months (12, 2026, 202611), durations (2小时的会, "3 hours of work"; but 2小时后 and
"in 2 hours" are dates), a/b followed by "of"/的/% ("3/5 of the budget"), 24/7, anything
inside a URL or an e-mail address, recurring days (每周五, every friday), 今日头条. A period
alone (下午, morning), a Chinese-numeral hour alone (一点, 两点: also "a little", "two
points") and "sat"/"sun" without this/next/last count only as part of a longer date
(明天下午, 明天两点, "Sat 5 Dec"). A number glued to letters, digits, "-", "/", "." or ":"
is never read, so of a range ("2-4pm", "19:00-22:30", "12月1日-3日") at most the first
part is found; `bot.dates.ranges` reads ranges.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.dates.atoms import Atom, scan
from bot.dates.en import parse_en
from bot.dates.read import ParsedWhen, clean, resolve
from bot.dates.zh import _TRADITIONAL, parse_zh

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Found:
    at: datetime  # aware, in the workspace zone; a date alone is that day at end_of_day
    has_time: bool  # whether the words gave a time of day
    start: int  # where the words are in the original text
    end: int
    words: str  # text[start:end]


MAX_RUN = 4  # atoms in one date at most ("明天 下午3点" has 2, "Fri 4 Dec at 3pm" 3)
_GAP = re.compile(r"\s*(?:(?:,|的|at|on)\s*)?|t")  # what may stand between two atoms of one date
_PAREN = re.compile(r"\s*\(\s*")  # "12月4日（周五）", "Friday (Dec 4)"


# -- the public function ---------------------------------------------------------------------


def find_dates(
    text: str,
    now: datetime,
    tz: str = "Asia/Shanghai",
    lang: str = "zh",
    end_of_day: time = time(18, 0),
) -> list[Found]:
    """The dates `text` mentions, earliest first, read relative to `now` (aware, any zone;
    naive is taken as `tz`) in the workspace zone `tz`. Never raises."""
    try:
        return DateFinder(now, tz, lang, end_of_day).find(text)
    except Exception:  # finding dates must never break the command that asked
        log.exception("find_dates failed on %r", text[:200] if isinstance(text, str) else text)
        return []


class DateFinder:
    """`find_dates` for several texts written at one moment (the lines of a form's box): a
    phrase read once is remembered for the others, which often repeat it (周五前, 明天)."""

    def __init__(
        self,
        now: datetime,
        tz: str = "Asia/Shanghai",
        lang: str = "zh",
        end_of_day: time = time(18, 0),
    ) -> None:
        zone = ZoneInfo(tz)
        local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
        self._reader = _Reader(local, lang, end_of_day)

    def find(self, text: str) -> list[Found]:
        """The dates `text` mentions, as `find_dates` finds them. Never raises."""
        try:
            if not isinstance(text, str) or not text:
                return []
            folded, origin = _fold(text)
            found = []
            for start, end, got in _runs(scan(folded), folded, self._reader):
                o_start = origin[start] if origin else start
                o_end = origin[end - 1] + 1 if origin else end
                found.append(Found(got.at, got.has_time, o_start, o_end, text[o_start:o_end]))
            return found
        except Exception:  # finding dates must never break the command that asked
            log.exception("find_dates failed on %r", text[:200] if isinstance(text, str) else text)
            return []


# -- folding ---------------------------------------------------------------------------------

_FOLDED: dict[str, str] = {}


def _fold_char(c: str) -> str:
    got = _FOLDED.get(c)
    if got is None:
        got = unicodedata.normalize("NFKC", c).lower() or " "
        if len(_FOLDED) < 20_000:
            _FOLDED[c] = got
    return got


def _fold(text: str) -> tuple[str, list[int] | None]:
    """The text as the grammars see it, and the original index of each folded character
    (None when they are the same)."""
    if text.isascii():
        return text.lower(), None
    if unicodedata.is_normalized("NFKC", text):  # most text: nothing to fold but the case
        lower = text.lower()
        if len(lower) == len(text):
            return lower.translate(_TRADITIONAL), None
    parts = [_fold_char(c) for c in text]
    folded = "".join(parts).translate(_TRADITIONAL)
    if len(folded) == len(text):
        return folded, None
    return folded, [i for i, part in enumerate(parts) for _ in part]


# -- runs ------------------------------------------------------------------------------------


def _joined(s: str, a: Atom, b: Atom) -> bool:
    gap = s[a.end : b.start]
    if _GAP.fullmatch(gap):
        return not (gap == "t" and a.name != "num")
    return bool(_PAREN.fullmatch(gap)) and {a.flags, b.flags} == {"W", "C"}


def _fits(run: list[Atom]) -> bool:
    """At most one day, weekday, calendar date, period and time; a day goes with no weekday
    or date; not only weak atoms."""
    flags = "".join(a.flags for a in run)
    if len(set(flags)) != len(flags) or all(a.weak for a in run):
        return False
    return not ("D" in flags and ("W" in flags or "C" in flags))


def _runs(atoms: list[Atom], s: str, reader: _Reader) -> Iterator[tuple[int, int, ParsedWhen]]:
    """(start, end, reading) of each date, in the folded text: the longest run that reads."""
    group: list[Atom] = []
    for atom in [*atoms, None]:
        if atom is not None and (not group or _joined(s, group[-1], atom)):
            group.append(atom)
            continue
        yield from _read_group(_agreeing(group, reader), s, reader)
        group = [atom] if atom is not None else []


def _agreeing(group: list[Atom], reader: _Reader) -> list[Atom]:
    """The group without a weekday that contradicts the calendar date next to it."""
    if len(group) < 2 or not any(a.flags == "W" for a in group):
        return group
    kept = []
    for i, atom in enumerate(group):
        if atom.flags == "W":
            dates = [b for b in group[max(0, i - 1) : i + 2] if b.flags == "C"]
            if dates and not reader.same_weekday(atom, dates[0]):
                continue
        kept.append(atom)
    return kept


def _read_group(
    group: list[Atom], s: str, reader: _Reader
) -> Iterator[tuple[int, int, ParsedWhen]]:
    if len(group) == 1:  # most dates are one atom: the loop below, without its bookkeeping
        got = None if group[0].weak else reader.phrase(group[0].canon)
        if got is not None:
            yield group[0].start, group[0].end, got
        return
    i = 0
    while i < len(group):
        for k in range(min(len(group), i + MAX_RUN), i, -1):
            run = group[i:k]
            got = reader.read(run) if _fits(run) else None
            if got is not None:
                end = run[-1].end
                if (
                    len(run) > 1
                    and "(" in s[run[-2].end : run[-1].start]
                    and s.startswith(")", end)
                ):
                    end += 1  # the closing parenthesis of "12月4日（周五）"
                yield run[0].start, end, got
                i = k
                break
        else:
            i += 1


class _Reader:
    """Reads runs of atoms with the grammars, remembering what it read (summaries repeat)."""

    def __init__(self, now: datetime, lang: str, end_of_day: time) -> None:
        self.now, self.end_of_day = now, end_of_day
        self.parsers = (parse_en, parse_zh) if lang == "en" else (parse_zh, parse_en)
        self.seen: dict[str, ParsedWhen | None] = {}

    def read(self, run: list[Atom]) -> ParsedWhen | None:
        if any(a.flags == "W" for a in run) and any(a.flags == "C" for a in run):
            run = [a for a in run if a.flags != "W"]  # agreeing already (_agreeing)
        return self.phrase(" ".join(a.canon for a in run))

    def phrase(self, text: str) -> ParsedWhen | None:
        if text in self.seen:
            return self.seen[text]
        got = None
        try:
            s = clean(text)
            for parser in self.parsers:
                spec = parser(s, self.now)
                got = resolve(spec, self.now, self.end_of_day) if spec else None
                if got:
                    break
        except Exception:  # one span we cannot read must not lose the others
            log.exception("find_dates could not read %r", text)
            got = None
        self.seen[text] = got
        return got

    def same_weekday(self, weekday: Atom, date_atom: Atom) -> bool:
        w, d = self.phrase(weekday.canon), self.phrase(date_atom.canon)
        return w is None or d is None or w.at.weekday() == d.at.weekday()
