"""The travel advance (差旅费申请, 001): asked before the trip, signed by the general manager,
always (由总经理审核签字). `/aebot request travel AMOUNT CITY DATES reason`, e.g. `travel 3000
北京 12月9日到12月11日 耐克提案`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot.dates import DateRange, DateRefusal, TimeRange, parse_range, parse_when
from bot.rules.amounts import YUAN, looks_like_amount
from bot.rules.approvals import Person, Route, first_up, holders
from bot.rules.people import GM
from bot.rules.problems import Problem
from bot.rules.requests import reason_of, take_amount

CITY_MAX = 50
DATE_WORDS_MAX = 5  # the dates are read from at most this many words after the city
TRIP_DAYS_MAX = 90


@dataclass(frozen=True)
class TravelText:
    amount: Decimal
    city: str
    first: date
    last: date
    reason: str


def read_travel(
    text: str, now: datetime, zone: str, lang: str, end_of_day: time
) -> TravelText | Problem:
    """AMOUNT CITY DATES REASON: the amount in yuan, the city as one word, the trip's days (a
    range, "12月9日到12月11日", "Dec 9-11", or one day), then the reason as typed."""
    amount = take_amount(text, YUAN)
    if isinstance(amount, Problem):
        return amount
    value, rest = amount
    words = rest.split(maxsplit=1)
    if not words or looks_like_amount(words[0]) or _days(words[0], now, zone, lang, end_of_day):
        return Problem("travel.need_city")
    city, after = words[0], (words[1] if len(words) > 1 else "")
    if len(city) > CITY_MAX:
        return Problem("travel.city_too_long", {"max": CITY_MAX})
    found = _leading_days(after, now, zone, lang, end_of_day)
    if found is None:
        return Problem("travel.need_dates")
    (first, last), reason_text = found
    today = now.astimezone(ZoneInfo(zone)).date()
    if first < today:
        return Problem("travel.past", {"day": first})
    if (last - first).days + 1 > TRIP_DAYS_MAX:
        return Problem("travel.too_long", {"max": TRIP_DAYS_MAX})
    reason = reason_of(reason_text)
    if isinstance(reason, Problem):
        return reason
    return TravelText(value, city, first, last, reason)


def _leading_days(
    text: str, now: datetime, zone: str, lang: str, end_of_day: time
) -> tuple[tuple[date, date], str] | None:
    """The days the text starts with (the most words that read as them) and the rest."""
    words = text.split()
    for n in range(min(DATE_WORDS_MAX, len(words)), 0, -1):
        days = _days(" ".join(words[:n]), now, zone, lang, end_of_day)
        if days is not None:
            return days, " ".join(words[n:])
    return None


def _days(
    text: str, now: datetime, zone: str, lang: str, end_of_day: time
) -> tuple[date, date] | None:
    span = parse_range(text, now, zone, lang, end_of_day)
    if isinstance(span, DateRange):
        return span.start, span.end
    if isinstance(span, TimeRange):
        return span.start.date(), span.end.date()
    one = parse_when(text, now, zone, lang, end_of_day)
    if isinstance(one, DateRefusal) or one.has_time:  # a trip is days, not an hour
        return None
    day = one.at.date()
    return day, day


def signers(requester: str, members: Mapping[str, Person]) -> Route | Problem:
    """The general manager, always: the one up the requester's line, else the team's; never
    the requester themselves."""
    up = first_up(requester, members, {GM})
    gm = up.user_id if up else next((u for u in holders(members, GM) if u != requester), None)
    return Route((gm,)) if gm else Problem("travel.no_gm")


def example(now: datetime, lang: str) -> str:
    """`travel 3000 北京 12月9日到12月11日 耐克提案`: a trip starting next week, never in the
    past."""
    start = now.date() + timedelta(days=7 - now.weekday() + 1)  # next week's Tuesday
    end = start + timedelta(days=2)
    if lang == "zh":
        return f"travel 3000 北京 {start.month}月{start.day}日到{end.month}月{end.day}日 耐克提案"
    days = f"{start:%b} {start.day}-" + (
        f"{end.day}" if end.month == start.month else f"{end:%b} {end.day}"
    )
    return f"travel 3000 Beijing {days} Nike pitch"
