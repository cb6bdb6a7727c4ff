"""Example dates for help texts and refusals, computed from today so that none is ever in the
past (nor the very day a refusal turns down), and written as people type them: "12月1日",
"Dec 1", "2026-12-01".

Every example is in next week (Monday to Sunday after this one), so it is ahead whatever day
today is, and a month/day without a year reads as the coming one. An overdue receivable's due
date is the one example in the past, as it must be: the end of the month four months ago.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.dates.echo import EN_MONTHS

EXAMPLE_PREFIX = "eg_"  # a text's placeholders filled with these values are named eg_…


def next_week(today: date, weekday: int) -> date:
    """The day of next week (0 = Monday … 6 = Sunday)."""
    return today + timedelta(days=7 - today.weekday() + weekday)


def typed(d: date, lang: str) -> str:
    """A day as people type it: "12月1日", "Dec 1"."""
    return f"{EN_MONTHS[d.month - 1]} {d.day}" if lang == "en" else f"{d.month}月{d.day}日"


def typed_span(first: date, last: date, lang: str, *, short: bool = False) -> str:
    """Two days as people type a span: "12月1日到12月3日", "Dec 1 to Dec 3"; short (same month):
    "12月1日至3日", "Dec 1-3"."""
    if short and first.month == last.month:
        if lang == "en":
            return f"{typed(first, lang)}-{last.day}"
        return f"{typed(first, lang)}至{last.day}日"
    joint = " to " if lang == "en" else "到"
    return f"{typed(first, lang)}{joint}{typed(last, lang)}"


def month_end_before(today: date, months: int) -> date:
    """The last day of the month `months` before today's."""
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    return first - timedelta(days=1)


def examples(today: date, lang: str) -> dict[str, str]:
    """Every example value by its placeholder's name, in `lang`."""
    lang = "en" if lang == "en" else "zh"
    monday, tuesday, thursday = (next_week(today, d) for d in (0, 1, 3))
    friday, saturday = next_week(today, 4), next_week(today, 5)
    due = month_end_before(today, 4)
    five_pm = "5pm" if lang == "en" else "17:00"
    return {
        "eg_day": typed(tuesday, lang),
        "eg_monday": typed(monday, lang),
        "eg_end": typed(thursday, lang),
        "eg_span": typed_span(tuesday, thursday, lang),
        "eg_span_short": typed_span(tuesday, thursday, lang, short=True),
        "eg_iso": tuesday.isoformat(),
        "eg_iso_end": thursday.isoformat(),
        "eg_numeric": f"{tuesday.month}/{tuesday.day}",
        "eg_until": typed(friday, lang),
        "eg_deadline": f"{typed(friday, lang)} {five_pm}",
        "eg_month": f"{today.year:04d}-{today.month:02d}",
        "eg_month_typed": EN_MONTHS[today.month - 1] if lang == "en" else f"{today.month}月",
        "eg_due": due.isoformat(),
        "eg_due_typed": typed(due, lang),
        "eg_workday": saturday.isoformat(),
        "eg_holiday": (saturday + timedelta(days=2)).isoformat(),
        "eg_year": str(today.year + 1),
        "eg_job": f"CR-{today.year:04d}{today.month:02d}-07",  # a job number of this month
    }
