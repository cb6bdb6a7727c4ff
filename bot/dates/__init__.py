"""The one date parser every command uses, and how a date is written back.

`parse_when` reads what people type, in Chinese or English (`bot.dates.read` documents the
conventions); `parse_range` reads a time or date range with the same grammars
(`bot.dates.ranges`); `find_dates` finds the dates a sentence mentions (`bot.dates.find`); `echo` writes a moment back in the reader's language. Pure functions:
no Slack, no database, no settings; the caller passes the clock's `now` and the workspace zone.
"""

from bot.dates.date_ranges import DateRange
from bot.dates.echo import echo, echo_day, weekday_name
from bot.dates.examples import examples, typed
from bot.dates.find import DateFinder, Found, find_dates
from bot.dates.ranges import parse_range, range_examples, range_refusal
from bot.dates.read import (
    MAX_LEN,
    DateRefusal,
    ParsedWhen,
    help_examples,
    help_text,
    local_day,
    parse_when,
    refusal,
    warm_up,
)
from bot.dates.time_ranges import TimeRange

__all__ = [
    "MAX_LEN",
    "DateFinder",
    "DateRange",
    "DateRefusal",
    "Found",
    "ParsedWhen",
    "TimeRange",
    "echo",
    "echo_day",
    "examples",
    "find_dates",
    "help_examples",
    "help_text",
    "local_day",
    "parse_range",
    "parse_when",
    "range_examples",
    "range_refusal",
    "refusal",
    "typed",
    "warm_up",
    "weekday_name",
]
