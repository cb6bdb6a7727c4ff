"""The one date parser every command uses, and how a date is written back.

`parse_when` reads what people type, in Chinese or English (`bot.dates.read` documents the
conventions); `echo` writes a moment back in the reader's language. Pure functions: no Slack,
no database, no settings; the caller passes the clock's `now` and the workspace zone.
"""

from bot.dates.echo import echo, echo_day, weekday_name
from bot.dates.read import (
    HELP_EXAMPLES,
    HELP_TEXT,
    MAX_LEN,
    DateRefusal,
    ParsedWhen,
    parse_when,
    refusal,
    warm_up,
)

__all__ = [
    "HELP_EXAMPLES",
    "HELP_TEXT",
    "MAX_LEN",
    "DateRefusal",
    "ParsedWhen",
    "echo",
    "echo_day",
    "parse_when",
    "refusal",
    "warm_up",
    "weekday_name",
]
