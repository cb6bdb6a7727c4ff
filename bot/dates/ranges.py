"""Time ranges ("19:00-22:30", "晚上8点到凌晨1点", "2-4pm") and date ranges ("12月1日到3日",
"下周一到周三", "Dec 1-3"), in Chinese or English, read with the single-date grammars.

`parse_range(text, now)` answers a `TimeRange` (aware, in the workspace zone), a `DateRange`
(inclusive days) or a polite `DateRefusal`; it never raises. The text is cut at a range
separator (到 至 ~ ～ – — "to" "till" "until" "through", then `-` where both sides read, so
the dashes of 2026-12-01 are left alone); each side is read by `bot.dates.zh` / `bot.dates.en`
and the end borrows what it leaves out from the start.

Conventions, on top of those of `bot.dates.read` (shown to members through HELP_TEXT):

- If either end has a time of day it is a time range, else a date range. A single date or
  time is not a range (refused: it needs two ends).
- A time range's start takes its own day: today when it names none (even if already past:
  "19:00-22:30" said at 23:00 is today's evening), else that day by the usual rules
  (明天, 12月5日, 周五 = the coming Friday). An end naming no day is on the start's day; if it
  is not after the start it ends the next day ("20:00-01:00", "8pm-1am", "晚上8点到凌晨1点").
  Longer than 16 hours is refused; an end naming a day before the start is refused.
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
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.dates.en import parse_en
from bot.dates.read import MAX_LEN, DateRefusal, clean, resolve
from bot.dates.spec import Fixed, Floating, Instant, Spec
from bot.dates.zh import cn_int, parse_zh

log = logging.getLogger(__name__)

MAX_HOURS = 16  # a time range longer than this is refused


@dataclass(frozen=True)
class TimeRange:
    start: datetime  # aware, in the workspace zone
    end: datetime  # after start, at most MAX_HOURS later


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date  # inclusive, not before start


RANGE_EXAMPLES: dict[str, str] = {
    "zh": "19:00-22:30、晚上8点到凌晨1点、12月1日到12月3日、下周一到周三",
    "en": "19:00-22:30, 8pm-1am, Dec 1-3, Monday to Wednesday next week",
}

_MESSAGES: dict[str, dict[str, str]] = {
    "unreadable": {
        "zh": "看不懂这个时间段：“{text}”。请写出开始和结束，例如 {examples}。",
        "en": "Sorry, I couldn't read “{text}” as a range. "
        "Give a start and an end, e.g. {examples}.",
    },
    "end_before_start": {
        "zh": "结束日期早于开始日期：“{text}”。请先写开始日期，例如 12月1日到12月3日。",
        "en": "The end date is before the start date in “{text}”. "
        "Write the start first, e.g. Dec 1 to Dec 3.",
    },
    "time_end_before_start": {
        "zh": "结束时间早于开始时间：“{text}”。例如 明天19:00-22:00、晚上8点到凌晨1点。",
        "en": "The end is before the start in “{text}”. Try e.g. tomorrow 19:00-22:00, 8pm-1am.",
    },
    "too_long": {
        "zh": "这个时间段超过16小时：“{text}”。时间段最长16小时，例如 19:00-22:30、"
        "晚上8点到凌晨1点；整天请写日期，例如 12月1日到12月3日。",
        "en": "“{text}” is longer than 16 hours. A time range is at most 16 hours, "
        "e.g. 19:00-22:30, 8pm-1am; for whole days write dates, e.g. Dec 1 to Dec 3.",
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

_ZH_PERIOD = re.compile(
    r"凌晨|半夜|早上|早晨|清晨|上午|中午|午间|下午|午后|傍晚|晚上|晚间|夜里|夜间|夜晚|今晚|明晚|昨晚|今早|明早"
)
_ZH_PERIOD_OF = {"今晚": "晚上", "明晚": "晚上", "昨晚": "晚上", "今早": "早上", "明早": "早上"}
_AMPM = re.compile(r"[0-9]\s*(?P<ap>[ap])\.?m(?![a-z])")
_EN_PERIOD = re.compile(r"(?<![a-z])(?:noon|midday|midnight|morning|afternoon|evening|night)")
_NUM = r"[0-9]{1,2}(?::[0-9]{2})?|[零〇一二两三四五六七八九十]{1,3}"
_ENDS_IN_NUMBER = re.compile(rf"(?:{_NUM})$")
_BARE_DAY = re.compile(
    r"(?P<n>[0-9]{1,2})(?:st|nd|rd|th)?|(?P<zh>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
)
_EN_WEEKDAY = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\b"
)
_ZH_WEEKDAY_END = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]$")


class _Refused(Exception):
    """A range that reads but cannot be: which message to give."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def parse_range(
    text: str,
    now: datetime,
    tz: str = "Asia/Shanghai",
    lang: str = "zh",
    end_of_day: time = time(18, 0),
) -> TimeRange | DateRange | DateRefusal:
    """Read a time or date range relative to `now` (aware, any zone; naive is taken as `tz`).
    Never raises: what cannot be read is a `DateRefusal` in the reader's language."""
    try:
        if isinstance(text, str) and len(text) > MAX_LEN:
            return range_refusal(text, lang, "too_long_text")
        if not isinstance(text, str):
            return range_refusal(text, lang)
        zone = ZoneInfo(tz)
        local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
        return _parse(text, _Ctx(local, lang, end_of_day))
    except _Refused as refused:
        return range_refusal(text, lang, refused.kind)
    except Exception:  # a range we cannot read must never break a command
        log.exception("parse_range failed on %r", text[:MAX_LEN] if isinstance(text, str) else text)
    return range_refusal(text, lang)


def range_refusal(text: object, lang: str = "zh", kind: str = "unreadable") -> DateRefusal:
    """The polite refusal of a range, in the reader's language (echo cut to 40 characters)."""
    raw = text if isinstance(text, str) else ""
    shown = " ".join(raw[: MAX_LEN * 2].split())
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    lang = "en" if lang == "en" else "zh"
    message = _MESSAGES[kind][lang].format(text=shown, examples=RANGE_EXAMPLES[lang])
    return DateRefusal(raw, message)


@dataclass(frozen=True)
class _Ctx:
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


def _parse(text: str, ctx: _Ctx) -> TimeRange | DateRange:
    s = clean(text)
    between = bool(re.match(r"between\s", s))
    s = _LEAD.sub("", s)
    s = _TAIL.sub("", _FROM.sub(" ", s)).strip()
    week = None
    if mt := _WEEK_SUFFIX.search(s):  # "monday to wednesday next week": both ends in that week
        week, s = mt["w"], s[: mt.start()]
    separators = (_STRONG, _DASH, _AND) if between else (_STRONG, _DASH)
    refused: _Refused | None = None  # both ends read at a cut, but not as a range
    for sep in separators:
        for mt in sep.finditer(s):
            start, end = s[: mt.start()].strip(), s[mt.end() :].strip()
            if not start or not end:
                continue
            if week and _EN_WEEKDAY.match(start):
                start = f"{week} {start}"
            try:
                found = _pair(start, end, ctx)
            except _Refused as error:
                refused = refused or error
                continue
            if found is not None:
                return found
    raise refused or _Refused("unreadable")


def _pair(a: str, b: str, ctx: _Ctx) -> TimeRange | DateRange | None:
    """The range meant by start text `a` and end text `b`, or None if they do not both read.
    Raises _Refused when both read but the range cannot be."""
    a_spec, b_spec = ctx.spec(a), ctx.spec(b)
    if a_spec is not None and _has_time(a_spec) or b_spec is not None and _has_time(b_spec):
        return _time_pair(a, a_spec, b, b_spec, ctx)
    return _date_pair(a, a_spec, b, b_spec, ctx)


def _has_time(spec: Spec) -> bool:
    return spec.hm is not None or isinstance(spec.day, Instant)


# --- time ranges -------------------------------------------------------------------------


def _time_pair(
    a: str, a_spec: Spec | None, b: str, b_spec: Spec | None, ctx: _Ctx
) -> TimeRange | None:
    if a_spec is None:  # "2-4pm", "下午2-4点": the bare start takes the end's unit
        if b_spec is None or not _has_time(b_spec):
            return None
        return _shortest(_borrowed_starts(a, b), b, ctx)
    if not _has_time(a_spec):
        return None  # "明天到后天下午3点": a time range needs a start time
    return _time_range(a, a_spec, b, ctx)


def _borrowed_starts(a: str, b: str) -> list[str]:
    if not _ENDS_IN_NUMBER.search(a):
        return []
    if _AMPM.search(b):
        return [f"{a}{x}m" for x in "ap"]
    if re.search(r"[0-9零〇一二两三四五六七八九十]\s*[点时]", b):
        return [f"{a}点"]
    return []


def _shortest(starts: list[str], b: str, ctx: _Ctx) -> TimeRange | None:
    """Of the readings of the start, the one making the shortest range."""
    best: TimeRange | None = None
    refused: _Refused | None = None
    for a in starts:
        spec = ctx.spec(a)
        if spec is None or not _has_time(spec):
            continue
        try:
            found = _time_range(a, spec, b, ctx)
        except _Refused as error:
            refused = error
            continue
        if found is not None and (best is None or _length(found) < _length(best)):
            best = found
    if best is None and refused is not None:
        raise refused
    return best


def _length(r: TimeRange) -> timedelta:
    return r.end.astimezone(UTC) - r.start.astimezone(UTC)


def _time_range(a: str, a_spec: Spec, b: str, ctx: _Ctx) -> TimeRange | None:
    start, base = _start_moment(a_spec, ctx)
    if start is None:
        return None
    end = _end_moment(a, a_spec, b, start, base, ctx)
    if end is None:
        return None
    if end <= start:
        raise _Refused("time_end_before_start")
    found = TimeRange(start, end)
    if _length(found) > timedelta(hours=MAX_HOURS):
        raise _Refused("too_long")
    return found


def _start_moment(spec: Spec, ctx: _Ctx) -> tuple[datetime | None, date]:
    """The start, and the day its clock time counts from."""
    if isinstance(spec.day, Instant):
        return spec.day.at, spec.day.at.date()
    assert spec.hm is not None
    day = spec.day
    if day is None:  # a time range alone is today, even if already past
        day = Fixed(ctx.now.date())
    if isinstance(day, Floating):
        found = resolve(Spec(day, spec.hm), ctx.now, ctx.end_of_day)
        if found is None:
            return None, ctx.now.date()
        extra = spec.hm[0] // 24
        return found.at, found.at.date() - timedelta(days=extra)
    return _at(day.day, spec.hm, ctx), day.day


def _at(day: date, hm: tuple[int, int], ctx: _Ctx) -> datetime:
    extra, hour = divmod(hm[0], 24)
    return datetime.combine(day + timedelta(days=extra), time(hour, hm[1]), tzinfo=ctx.now.tzinfo)


def _end_moment(
    a: str, a_spec: Spec, b: str, start: datetime, base: date, ctx: _Ctx
) -> datetime | None:
    spec = _end_spec(a, a_spec, b, ctx)
    if spec is None or not _has_time(spec):
        return None
    if isinstance(spec.day, Instant):
        return spec.day.at
    assert spec.hm is not None
    if spec.day is None:  # no day: the start's, or the next when not after the start
        end = _at(base, spec.hm, ctx)
        for _ in range(2):
            if end > start:
                break
            base += timedelta(days=1)
            end = _at(base, spec.hm, ctx)
        return end
    if isinstance(spec.day, Floating):
        day = _carried(spec.day, base)
        return _at(day, spec.hm, ctx) if day else None
    return _at(spec.day.day, spec.hm, ctx)


def _end_spec(a: str, a_spec: Spec, b: str, ctx: _Ctx) -> Spec | None:
    """The end's reading: with the start's period (晚上, pm) when it names none and that puts it
    after the start, else alone. A bare number ("10") reads as an hour."""
    plain = [b]
    if re.fullmatch(_NUM, b):
        plain = [f"{b}点", f"at {b}"] if ":" not in b else [b]
    carried: list[str] = []
    if not _ZH_PERIOD.search(b) and not _AMPM.search(b) and not _EN_PERIOD.search(b):
        if mt := _ZH_PERIOD.search(a):
            period = _ZH_PERIOD_OF.get(mt[0], mt[0])
            carried = [period + p for p in plain if not p.startswith("at ")]
        elif ap := _AMPM.search(a):
            carried = [f"{b}{ap['ap']}m"]
    for text in carried:
        spec = ctx.spec(text)
        if spec and spec.day is None and spec.hm and a_spec.hm and spec.hm > a_spec.hm:
            return spec
    for text in plain:
        if spec := ctx.spec(text):
            return spec
    return None


# --- date ranges -------------------------------------------------------------------------


def _date_pair(
    a: str, a_spec: Spec | None, b: str, b_spec: Spec | None, ctx: _Ctx
) -> DateRange | None:
    if a_spec is None:  # "1-3 dec", "1-3日": the bare start takes the end's month
        start = _bare_start(a, b, b_spec, ctx)
        if start is None:
            return None
    else:
        start = _day(a_spec, ctx)
    if start is None:
        return None
    end = _date_end(a, b, b_spec, start, ctx)
    if end is None:
        return None
    if end < start:
        raise _Refused("end_before_start")
    return DateRange(start, end)


def _bare_start(a: str, b: str, b_spec: Spec | None, ctx: _Ctx) -> date | None:
    mt = _BARE_DAY.fullmatch(a)
    if mt is None or b_spec is None:
        return None
    if isinstance(b_spec.day, Fixed):
        return _with_day(b_spec.day.day, a)
    if b.endswith(("日", "号")) and mt["n"]:  # "1-3日"
        spec = ctx.spec(f"{a}{b[-1]}")
        return _day(spec, ctx) if spec else None
    return None


def _date_end(a: str, b: str, b_spec: Spec | None, start: date, ctx: _Ctx) -> date | None:
    if b_spec is None:
        if _ZH_WEEKDAY_END.search(a) and len(b) == 1:  # "周一到三"
            b_spec = ctx.spec(f"周{b}")
        elif _BARE_DAY.fullmatch(b) or re.fullmatch(_NUM, b):  # "Dec 1-3", "12月1日-3"
            return _with_day(start, b)
        if b_spec is None:
            return None
    day = b_spec.day
    if isinstance(day, Floating):
        return _carried(day, start)
    return day.day if isinstance(day, Fixed) else None


def _day(spec: Spec, ctx: _Ctx) -> date | None:
    if isinstance(spec.day, Fixed):
        return spec.day.day
    if isinstance(spec.day, Floating):
        found = resolve(spec, ctx.now, ctx.end_of_day)
        return found.at.date() if found else None
    return None


def _carried(day: Floating, start: date) -> date | None:
    """A weekday ("周三", "wed", "weekend") is the first on or after `start`; a day of the month
    ("3号") is in the start's month."""
    first = day.days[0]
    if len(day.days) > 1 and (day.days[1] - first).days >= 28:
        try:
            return start.replace(day=first.day)
        except ValueError:
            return None
    return start + timedelta(days=(first.weekday() - start.weekday()) % 7)


def _with_day(month_of: date, text: str) -> date | None:
    """`month_of`'s month and year, on the day of month `text` names ("3", "3rd", "3日", "三")."""
    mt = _BARE_DAY.fullmatch(text)
    raw = (mt["n"] or mt["zh"]) if mt else text
    n = cn_int(raw) if raw and ":" not in raw else None
    try:
        return month_of.replace(day=n) if n else None
    except ValueError:
        return None
