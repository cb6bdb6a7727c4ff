"""English date grammar: tomorrow 3pm, next friday, Nov 30, in 3 days, eod, eow and the rest.

Our own rules read the common forms; dateparser (languages=["en"]) reads month names
("Nov 30", "30 November 2027") and offsets ("in 2 days", "3 days ago", "in 2 hours").
`parse_en(s, now)` returns a `Spec`, or None when it is not a date this grammar understands.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

from bot.dates.spec import (
    PERIOD_DEFAULT,
    Fixed,
    Floating,
    Instant,
    Spec,
    add_months,
    clock,
    month_end,
    next_weekday,
    numeric_date,
    week_day,
    year_rule,
)

_EN_TIME = re.compile(
    r"(?:\bat\s+)?(?<![0-9/:.\-])(?:"
    r"(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2}))?\s*(?P<ap>[ap])\.?m\b\.?"
    r"|(?P<h2>[0-9]{1,2}):(?P<m2>[0-9]{2})(?![0-9:])"
    r"|\b(?P<word>noon|midday|midnight)\b)"
    r"|\bat\s+(?P<h3>[0-9]{1,2})(?=\s|$)"
)
_EN_PERIOD = re.compile(
    r"\b(?:(?P<this>this|in\s+the)\s+)?(?P<per>morning|afternoon|evening|night)\b"
)
_EN_PERIODS = {"morning": "morning", "afternoon": "afternoon", "evening": "dusk", "night": "night"}
_EN_DAYS = {"today": 0, "tdy": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1, "tomorow": 1}
_EN_DAYS |= {"tommorow": 1, "tommorrow": 1, "yesterday": -1, "day after tomorrow": 2}
_EN_DAYS |= {"the day after tomorrow": 2, "day before yesterday": -2}
_EN_DAYS |= {"the day before yesterday": -2, "cob": 0}
_WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3}
_WEEKDAYS |= {"thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAYS |= {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
_WEEKDAYS |= {"saturday": 5, "sunday": 6}
_WD = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_EN_WEEKDAY = re.compile(rf"(?:(?P<pre>this|next|last|coming)\s+)?(?P<wd>{_WD})")
_EN_WEEKEND = re.compile(r"(?:(?P<pre>this|next)\s+)?(?:the\s+)?weekend")
_EN_END = re.compile(
    r"eo(?P<a>[dwmy])|(?:end|close) of (?:the |this )?(?P<next>next )?(?P<u>day|today|business|week|month|year)"
)
_EDGE = re.compile(r"^(?:(?:by|on|due|at|before|until)\s+)+|(?:\s+(?:at|on|,))+$")

_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov"}
_MONTHS |= {"dec", "january", "february", "march", "april", "june", "july", "august"}
_MONTHS |= {"september", "october", "november", "december"}
_UNITS = {"minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days"}
_UNITS |= {"week", "weeks", "fortnight", "fortnights", "month", "months", "year", "years"}
_COUNTS = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
_COUNTS |= {"ten", "eleven", "twelve"}
_GLUE = {"in", "ago", "from", "now", "later", "the", "of", "on"}
_TOKENS = _MONTHS | _UNITS | _COUNTS | _GLUE | set(_WEEKDAYS)
_NUMBER = re.compile(r"(?P<n>[0-9]{1,4})(?:st|nd|rd|th)?")


def parse_en(s: str, now: datetime) -> Spec | None:
    """Read a normalised English phrase; None if it is not one we understand or is invalid."""
    s = re.sub(r"([0-9])t([0-9])", r"\1 \2", s)  # 2026-12-01T14:00
    hm: tuple[int, int] | None = None
    period: str | None = None
    rest, this_day = s, False
    if mt := _EN_PERIOD.search(rest):  # "this afternoon" means today
        period, this_day = _EN_PERIODS[mt["per"]], mt["this"] == "this"
        rest = (rest[: mt.start()] + " " + rest[mt.end() :]).strip()
    if re.search(r"\btonight\b", rest):  # "tonight at 9" = today, night period
        if period:
            return None
        period, rest = "night", re.sub(r"\btonight\b", "today", rest)
    if mt := _EN_TIME.search(rest):
        rest = (rest[: mt.start()] + " " + rest[mt.end() :]).strip()
        hm = _en_clock(mt, period)
        if hm is None:
            return None
    rest = _EDGE.sub("", rest).strip()
    if this_day:
        if rest:
            return None
        rest = "today"
    if hm is None and period:
        hm = PERIOD_DEFAULT[period]
    if not rest:
        return Spec(None, hm) if hm else None
    day = _en_day(rest, now)
    if day is None or (isinstance(day, Instant) and hm is not None):
        return None
    return Spec(day, hm)


def _en_clock(mt: re.Match[str], period: str | None) -> tuple[int, int] | None:
    if mt["word"]:
        return (12, 0) if mt["word"] != "midnight" else (24, 0)
    raw = mt["h"] or mt["h2"] or mt["h3"]
    minute = int(mt["m"] or mt["m2"] or 0)
    bare = period is None and not mt["ap"] and not raw.startswith("0")
    return clock(int(raw), minute, period, mt["ap"], bare)


def _en_day(rest: str, now: datetime) -> Fixed | Floating | Instant | None:
    today = now.date()
    if rest in _EN_DAYS:
        return Fixed(today + timedelta(days=_EN_DAYS[rest]))
    if mt := _EN_END.fullmatch(rest):
        unit = mt["a"] or mt["u"][0]
        step = 1 if mt["next"] else 0
        if unit in ("d", "t", "b"):
            return Fixed(today + timedelta(days=step))
        if unit == "w":
            return Fixed(week_day(today, step, 4))
        if unit == "m":
            return Fixed(month_end(add_months(today.replace(day=1), step)))
        return Fixed(date(today.year + step, 12, 31))
    if mt := _EN_WEEKDAY.fullmatch(rest):
        wd, pre = _WEEKDAYS[mt["wd"]], mt["pre"]
        if pre in (None, "coming"):
            return next_weekday(today, wd)
        return Fixed(week_day(today, {"this": 0, "next": 1, "last": -1}[pre], wd))
    if mt := _EN_WEEKEND.fullmatch(rest):
        if mt["pre"] is None:
            return next_weekday(today, 5)
        return Fixed(week_day(today, 1 if mt["pre"] == "next" else 0, 5))
    if rest == "next week":
        return Fixed(week_day(today, 1, 0))
    return numeric_date(rest, today) or _dateparser(rest, now)


def _dateparser(rest: str, now: datetime) -> Fixed | Instant | None:
    """Month names and offsets via dateparser, only for text made of date words."""
    words = rest.replace(",", " ").split()
    if not words or not all(w in _TOKENS or _NUMBER.fullmatch(w) for w in words):
        return None
    numbers = [int(m["n"]) for w in words if (m := _NUMBER.fullmatch(w))]
    absolute = any(w in _MONTHS for w in words)
    if absolute:
        if any(w in _UNITS for w in words) or not any(1 <= n <= 31 for n in numbers):
            return None
    elif not (
        any(w in _UNITS for w in words)
        and (words[0] == "in" or words[-1] in ("ago", "now", "later"))
        and len(numbers) + sum(w in _COUNTS for w in words) == 1
    ):
        return None
    found = _ddp(now, absolute).get_date_data(rest)
    if found.date_obj is None:
        return None
    at = found.date_obj.astimezone(now.tzinfo)
    if not absolute:
        return Instant(at) if found.period == "time" else Fixed(at.date())
    d = at.date() if any(n > 31 for n in numbers) else year_rule(now.date(), at.month, at.day)
    said = {_WEEKDAYS[w] for w in words if w in _WEEKDAYS}
    return Fixed(d) if d and said <= {d.weekday()} else None  # "friday nov 30" is refused


def _ddp(now: datetime, absolute: bool) -> DateDataParser:
    settings = {
        "TIMEZONE": str(now.tzinfo),
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": now.replace(tzinfo=None),
        # Month/day without a year: take this year, then apply our 183-day rule (year_rule);
        # "future" would turn a date ten days ago into next year's.
        "PREFER_DATES_FROM": "current_period",
        "PARSERS": ["relative-time", "absolute-time"],
        "RETURN_TIME_AS_PERIOD": True,
    }
    if absolute:
        settings["REQUIRE_PARTS"] = ["day", "month"]
    return DateDataParser(languages=["en"], settings=settings)
