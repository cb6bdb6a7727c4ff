"""Time ranges ("19:00-22:30", "晚上8点到凌晨1点", "2-4pm"): the start takes its own day, the end
the start's day and period when it names none (the conventions are `bot.dates.ranges`'s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from bot.dates.range_sides import NUM, Refused, SideReader, carried, has_time
from bot.dates.read import resolve
from bot.dates.spec import Fixed, Floating, Instant, Spec

MAX_HOURS = 16  # a time range longer than this is refused


@dataclass(frozen=True)
class TimeRange:
    start: datetime  # aware, in the workspace zone
    end: datetime  # after start, at most MAX_HOURS later


_ZH_PERIOD = re.compile(
    r"凌晨|半夜|早上|早晨|清晨|上午|中午|午间|下午|午后|傍晚|晚上|晚间|夜里|夜间|夜晚|今晚|明晚|昨晚|今早|明早"
)
_ZH_PERIOD_OF = {"今晚": "晚上", "明晚": "晚上", "昨晚": "晚上", "今早": "早上", "明早": "早上"}
_AMPM = re.compile(r"[0-9]\s*(?P<ap>[ap])\.?m(?![a-z])")
_EN_PERIOD = re.compile(r"(?<![a-z])(?:noon|midday|midnight|morning|afternoon|evening|night)")
_ENDS_IN_NUMBER = re.compile(rf"(?:{NUM})$")


def time_pair(
    a: str, a_spec: Spec | None, b: str, b_spec: Spec | None, ctx: SideReader
) -> TimeRange | None:
    """The time range of start `a` and end `b` (`a_spec`, `b_spec`: their readings, None when
    a side does not read alone), or None; raises Refused when it reads but cannot be."""
    if a_spec is None:  # "2-4pm", "下午2-4点": the bare start takes the end's unit
        if b_spec is None or not has_time(b_spec):
            return None
        return _shortest(_borrowed_starts(a, b), b, ctx)
    if not has_time(a_spec):
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


def _shortest(starts: list[str], b: str, ctx: SideReader) -> TimeRange | None:
    """Of the readings of the start, the one making the shortest range."""
    best: TimeRange | None = None
    refused: Refused | None = None
    for a in starts:
        spec = ctx.spec(a)
        if spec is None or not has_time(spec):
            continue
        try:
            found = _time_range(a, spec, b, ctx)
        except Refused as error:
            refused = error
            continue
        if found is not None and (best is None or _length(found) < _length(best)):
            best = found
    if best is None and refused is not None:
        raise refused
    return best


def _length(r: TimeRange) -> timedelta:
    return r.end.astimezone(UTC) - r.start.astimezone(UTC)


def _time_range(a: str, a_spec: Spec, b: str, ctx: SideReader) -> TimeRange | None:
    start, base = _start_moment(a_spec, ctx)
    if start is None:
        return None
    end = _end_moment(a, a_spec, b, start, base, ctx)
    if end is None:
        return None
    if end <= start:
        raise Refused("time_end_before_start")
    found = TimeRange(start, end)
    if _length(found) > timedelta(hours=MAX_HOURS):
        raise Refused("too_long")
    return found


def _start_moment(spec: Spec, ctx: SideReader) -> tuple[datetime | None, date]:
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


def _at(day: date, hm: tuple[int, int], ctx: SideReader) -> datetime:
    extra, hour = divmod(hm[0], 24)
    return datetime.combine(day + timedelta(days=extra), time(hour, hm[1]), tzinfo=ctx.now.tzinfo)


def _end_moment(
    a: str, a_spec: Spec, b: str, start: datetime, base: date, ctx: SideReader
) -> datetime | None:
    spec = _end_spec(a, a_spec, b, ctx)
    if spec is None or not has_time(spec):
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
        day = carried(spec.day, base)
        return _at(day, spec.hm, ctx) if day else None
    return _at(spec.day.day, spec.hm, ctx)


def _end_spec(a: str, a_spec: Spec, b: str, ctx: SideReader) -> Spec | None:
    """The end's reading: with the start's period (晚上, pm) when it names none and that puts it
    after the start, else alone. A bare number ("10") reads as an hour."""
    plain = [b]
    if re.fullmatch(NUM, b):
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
