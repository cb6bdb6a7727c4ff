"""Date ranges ("12月1日到3日", "下周一到周三", "Dec 1-3"), inclusive days: a bare start takes
the end's month, a bare end the start's month or the first such weekday on or after the start
(the conventions are `bot.dates.ranges`'s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.dates.range_sides import NUM, Refused, SideReader, carried
from bot.dates.read import resolve
from bot.dates.spec import Fixed, Floating, Spec
from bot.dates.zh import cn_int


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date  # inclusive, not before start


_BARE_DAY = re.compile(
    r"(?P<n>[0-9]{1,2})(?:st|nd|rd|th)?|(?P<zh>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
)
_ZH_WEEKDAY_END = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]$")


def date_pair(
    a: str, a_spec: Spec | None, b: str, b_spec: Spec | None, ctx: SideReader
) -> DateRange | None:
    """The date range of start `a` and end `b` (`a_spec`, `b_spec`: their readings, None when
    a side does not read alone), or None; raises Refused when the end is before the start."""
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
        raise Refused("end_before_start")
    return DateRange(start, end)


def _bare_start(a: str, b: str, b_spec: Spec | None, ctx: SideReader) -> date | None:
    mt = _BARE_DAY.fullmatch(a)
    if mt is None or b_spec is None:
        return None
    if isinstance(b_spec.day, Fixed):
        return _with_day(b_spec.day.day, a)
    if b.endswith(("日", "号")) and mt["n"]:  # "1-3日"
        spec = ctx.spec(f"{a}{b[-1]}")
        return _day(spec, ctx) if spec else None
    return None


def _date_end(a: str, b: str, b_spec: Spec | None, start: date, ctx: SideReader) -> date | None:
    if b_spec is None:
        if _ZH_WEEKDAY_END.search(a) and len(b) == 1:  # "周一到三"
            b_spec = ctx.spec(f"周{b}")
        elif _BARE_DAY.fullmatch(b) or re.fullmatch(NUM, b):  # "Dec 1-3", "12月1日-3"
            return _with_day(start, b)
        if b_spec is None:
            return None
    day = b_spec.day
    if isinstance(day, Floating):
        return carried(day, start)
    return day.day if isinstance(day, Fixed) else None


def _day(spec: Spec, ctx: SideReader) -> date | None:
    if isinstance(spec.day, Fixed):
        return spec.day.day
    if isinstance(spec.day, Floating):
        found = resolve(spec, ctx.now, ctx.end_of_day)
        return found.at.date() if found else None
    return None


def _with_day(month_of: date, text: str) -> date | None:
    """`month_of`'s month and year, on the day of month `text` names ("3", "3rd", "3日", "三")."""
    mt = _BARE_DAY.fullmatch(text)
    raw = (mt["n"] or mt["zh"]) if mt else text
    n = cn_int(raw) if raw and ":" not in raw else None
    try:
        return month_of.replace(day=n) if n else None
    except ValueError:
        return None
