"""Time ranges ("19:00-22:30", "晚上8点到凌晨1点", "2-4pm") and date ranges ("12月1日到3日",
"下周一到周三", "Dec 1-3"), in Chinese or English, read with the single-date grammars.

`parse_range(text, now)` answers a `TimeRange` (aware, in the workspace zone), a `DateRange`
(inclusive days) or a polite `DateRefusal`; it never raises. The text is cut at a range
separator (到 至 ~ ～ – — "to" "till" "until" "through", then `-` where both sides read, so
the dashes of 2026-12-01 are left alone); each side is read by `bot.dates.zh` / `bot.dates.en`
(`bot.dates.range_sides`) and the end borrows what it leaves out from the start
(`bot.dates.time_ranges`, `bot.dates.date_ranges`).

Conventions, on top of those of `bot.dates.read` (shown to members through `help_text`):

- If either end has a time of day it is a time range, else a date range. A single date or
  time is not a range (refused: it needs two ends).
- A time range's start takes its own day: today when it names none (even if already past:
  "19:00-22:30" said at 23:00 is today's evening), else that day by the usual rules
  (明天, 12月5日, 周五 = the coming Friday). An end naming no day is on the start's day; if it
  is not after the start it ends the next day ("20:00-01:00", "8pm-1am", "晚上8点到凌晨1点").
  Longer than 16 hours is refused; an end naming a day before the start is refused.
- A day written after a range is both ends' day: "14:00-15:30 tomorrow" = "tomorrow
  14:00-15:30", "14:00-15:30 明天" = "明天14:00-15:30" (only when the start names no day).
- An end with no period takes the start's when the result is after the start: "晚上8点到10点" =
  20:00-22:00, "下午2点-4点" = 14:00-16:00, "7pm-10" = 19:00-22:00; otherwise it reads alone,
  so "上午10点到2点" = 10:00-14:00 (a bare 1..6 is afternoon).
- A start that is a bare number takes the end's unit: "2-4pm" = 14:00-16:00 (am or pm,
  whichever makes the shorter range: "11-1pm" = 11:00-13:00), "下午2-4点", "1-3 Dec".
- A bare day of month on the end is in the start's month ("12月1日至3日", "Dec 1-3"); a bare
  weekday on the end is the first such day on or after the start ("下周一到周三" = next
  Monday..next Wednesday, "周五到周一" = Friday..the Monday after). "Monday to Wednesday next
  week" reads both ends in next week.
- A date range whose end is before its start is refused with an example; one day to the same
  day is a one-day range.
- Refused: text over 100 characters (MAX_LEN), and anything whose two ends do not both read.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.dates.date_ranges import DateRange, date_pair
from bot.dates.examples import examples
from bot.dates.range_sides import Refused, SideReader, has_time
from bot.dates.read import MAX_LEN, DateRefusal, clean, local_day
from bot.dates.spec import Spec
from bot.dates.time_ranges import TimeRange, time_pair

log = logging.getLogger(__name__)

_EXAMPLES = {  # the dates in them ahead of today (bot/dates/examples.py)
    "zh": "19:00-22:30、晚上8点到凌晨1点、{eg_span}、下周一到周三",
    "en": "19:00-22:30, 8pm-1am, {eg_span_short}, Monday to Wednesday next week",
}

_MESSAGES: dict[str, dict[str, str]] = {
    "unreadable": {
        "zh": "看不懂这个时间段：“{text}”。请写出开始和结束，例如 {examples}。",
        "en": "Sorry, I couldn't read “{text}” as a range. "
        "Give a start and an end, e.g. {examples}.",
    },
    "end_before_start": {
        "zh": "结束日期早于开始日期：“{text}”。请先写开始日期，例如 {eg_span}。",
        "en": "The end date is before the start date in “{text}”. "
        "Write the start first, e.g. {eg_span}.",
    },
    "time_end_before_start": {
        "zh": "结束时间早于开始时间：“{text}”。例如 明天19:00-22:00、晚上8点到凌晨1点。",
        "en": "The end is before the start in “{text}”. Try e.g. tomorrow 19:00-22:00, 8pm-1am.",
    },
    "too_long": {
        "zh": "这个时间段超过16小时：“{text}”。时间段最长16小时，例如 19:00-22:30、"
        "晚上8点到凌晨1点；整天请写日期，例如 {eg_span}。",
        "en": "“{text}” is longer than 16 hours. A time range is at most 16 hours, "
        "e.g. 19:00-22:30, 8pm-1am; for whole days write dates, e.g. {eg_span}.",
    },
    "too_long_text": {
        "zh": "太长了：时间段最多100个字，例如 {examples}。",
        "en": "That is too long: a range is at most 100 characters, e.g. {examples}.",
    },
}

# Where a text is cut in two: the unambiguous separators first, then a dash, then (only after
# "between") "and".
_STRONG = re.compile(
    r"\s*(?:到|至|~|〜|–|—|―|(?<![a-z])(?:to|till|until|through|thru)(?![a-z]))\s*"
)
_DASH = re.compile(r"\s*-\s*")
_AND = re.compile(r"\s+and\s+")
_LEAD = re.compile(r"^(?:from|between)\s+")
_FROM = re.compile(r"(?:^|(?<=\s))from\s+(?=[0-9])|自从|从")
_WEEK_SUFFIX = re.compile(r"\s+(?:of\s+)?(?P<w>next|this|last)\s+week$")
_TAIL = re.compile(r"(?:之间|期间)$")

# Where a day may begin after a time: after a space, or a time's last character.
_DAY_CUT = re.compile(r"(?<=\s)(?=\S)|(?<=[0-9点分半mM])(?=[^\s0-9:点分半])")

_EN_WEEKDAY = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\b"
)


def parse_range(
    text: str,
    now: datetime,
    tz: str = "Asia/Shanghai",
    lang: str = "zh",
    end_of_day: time = time(18, 0),
) -> TimeRange | DateRange | DateRefusal:
    """Read a time or date range relative to `now` (aware, any zone; naive is taken as `tz`).
    Never raises: what cannot be read is a `DateRefusal` in the reader's language."""
    today = local_day(now, tz)
    try:
        if isinstance(text, str) and len(text) > MAX_LEN:
            return range_refusal(text, lang, "too_long_text", today=today)
        if not isinstance(text, str):
            return range_refusal(text, lang, today=today)
        zone = ZoneInfo(tz)
        local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
        return _parse(text, SideReader(local, lang, end_of_day))
    except Refused as refused:
        return range_refusal(text, lang, refused.kind, today=today)
    except Exception:  # a range we cannot read must never break a command
        log.exception("parse_range failed on %r", text[:MAX_LEN] if isinstance(text, str) else text)
    return range_refusal(text, lang, today=today)


def range_examples(lang: str, today: date) -> str:
    """A few ranges as an example line, their dates ahead of `today`."""
    lang = "en" if lang == "en" else "zh"
    return _EXAMPLES[lang].format(**examples(today, lang))


def range_refusal(
    text: object, lang: str = "zh", kind: str = "unreadable", *, today: date
) -> DateRefusal:
    """The polite refusal of a range, in the reader's language (echo cut to 40 characters),
    with examples ahead of `today`."""
    raw = text if isinstance(text, str) else ""
    shown = " ".join(raw[: MAX_LEN * 2].split())
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    lang = "en" if lang == "en" else "zh"
    message = _MESSAGES[kind][lang].format(
        text=shown, examples=range_examples(lang, today), **examples(today, lang)
    )
    return DateRefusal(raw, message)


def _parse(text: str, ctx: SideReader) -> TimeRange | DateRange:
    s = clean(text)
    between = bool(re.match(r"between\s", s))
    s = _LEAD.sub("", s)
    s = _TAIL.sub("", _FROM.sub(" ", s)).strip()
    week = None
    if mt := _WEEK_SUFFIX.search(s):  # "monday to wednesday next week": both ends in that week
        week, s = mt["w"], s[: mt.start()]
    separators = (_STRONG, _DASH, _AND) if between else (_STRONG, _DASH)
    refused: Refused | None = None  # both ends read at a cut, but not as a range
    for sep in separators:
        for mt in sep.finditer(s):
            start, end = s[: mt.start()].strip(), s[mt.end() :].strip()
            if not start or not end:
                continue
            if week and _EN_WEEKDAY.match(start):
                start = f"{week} {start}"
            try:
                found = _pair(start, end, ctx)
            except Refused as error:
                refused = refused or error
                continue
            if found is not None:
                return found
    raise refused or Refused("unreadable")


def _pair(a: str, b: str, ctx: SideReader) -> TimeRange | DateRange | None:
    """The range meant by start text `a` and end text `b`, or None if they do not both read.
    Raises Refused when both read but the range cannot be."""
    a_spec, b_spec = ctx.spec(a), ctx.spec(b)
    if (a_spec is None or a_spec.day is None) and (moved := _trailing_day(b, b_spec, ctx)):
        day, head = moved  # "14:00-15:30 tomorrow": the day after a range is both ends'
        return _pair(f"{day} {a}", head, ctx)
    if a_spec is not None and has_time(a_spec) or b_spec is not None and has_time(b_spec):
        return time_pair(a, a_spec, b, b_spec, ctx)
    return date_pair(a, a_spec, b, b_spec, ctx)


def _trailing_day(b: str, b_spec: Spec | None, ctx: SideReader) -> tuple[str, str] | None:
    """A day written after the end's time ("15:30 tomorrow", "15:30明天"): (the day, the time),
    or None. Only a day-without-time after a time-without-day counts."""
    if b_spec is not None and (b_spec.day is None or b_spec.hm is None):
        return None
    for mt in _DAY_CUT.finditer(b):
        head, tail = b[: mt.start()].strip(" ,"), b[mt.start() :].strip(" ,")
        if not head or not tail:
            continue
        head_spec, tail_spec = ctx.spec(head), ctx.spec(tail)
        if head_spec is None or tail_spec is None or head_spec.day is not None:
            continue
        if head_spec.hm is not None and tail_spec.hm is None and tail_spec.day is not None:
            return tail, head
    return None
