"""A moment written back to the person who typed it, in their language, to check it was read right."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

ZH_WEEKDAYS = "一二三四五六日"
EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def echo(at: datetime, lang: str, *, now: datetime, has_time: bool = True) -> str:
    """ "周五 11月27日 17:00" in Chinese, "Fri 27 Nov 17:00" in English.

    The year is shown ("周二 2027年1月5日", "Tue 5 Jan 2027") when it is not `now`'s year;
    `now` comes from the caller's clock, so what is shown never depends on the real date.
    """
    if at.tzinfo is not None and now.tzinfo is not None:
        now = now.astimezone(at.tzinfo)
    shown = echo_day(at.date(), lang, now=now.date())
    return f"{shown} {at.hour:02d}:{at.minute:02d}" if has_time else shown


def weekday_name(day: date, lang: str) -> str:
    """ "周五" or "Fri"."""
    return EN_WEEKDAYS[day.weekday()] if lang == "en" else f"周{ZH_WEEKDAYS[day.weekday()]}"


@lru_cache(maxsize=4096)  # a long list says the same few days many times
def echo_day(day: date, lang: str, *, now: date) -> str:
    """A day alone: "周五 11月27日", "Fri 27 Nov" (the year when it is not this year)."""
    other_year = day.year != now.year
    if lang == "en":
        year = f" {day.year}" if other_year else ""
        return f"{weekday_name(day, lang)} {day.day} {EN_MONTHS[day.month - 1]}{year}"
    year = f"{day.year}年" if other_year else ""
    return f"{weekday_name(day, lang)} {year}{day.month}月{day.day}日"
