"""Reading the contact form: what was typed into each field becomes a contact, or problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.dates import DateRefusal, echo, parse_when
from bot.rules.contacts import CONTACT_KINDS, SUMMARY_LIMIT
from bot.rules.problems import Problem

IMPORTANT = "important"  # the value of the form's "important" checkbox
FUTURE_SLACK = timedelta(minutes=10)  # a clock a little ahead of Slack's is not "the future"


@dataclass(frozen=True)
class ContactFields:
    """A contact as the form describes it."""

    client_id: int
    kind: str
    at: datetime
    summary: str
    next_steps: str
    follow_up_on: date | None
    important: bool = False  # an important call owes a contact report too


def read_contact_form(
    values: dict[str, Any],
    client_id: int | None,
    now: datetime,
    zone: ZoneInfo,
    lang: str,
    end_of_day: time,
) -> tuple[ContactFields | None, dict[str, Problem]]:
    """Check a submitted form; `client_id` is the chosen client if it is one of the team's.
    The problems are shown under their fields."""
    problems: dict[str, Problem] = {}
    if client_id is None:
        problems["client"] = Problem("contact.pick_client")
    kind = values.get("kind") or "call"
    if kind not in CONTACT_KINDS:
        problems["kind"] = Problem("contact.bad_kind")
    at = _when(values.get("when"), now, zone, lang, end_of_day, problems)
    summary = (values.get("summary") or "").strip()
    if not summary:
        problems["summary"] = Problem("contact.empty_summary")
    follow_up = _follow_up(values.get("follow_up"), now, zone, lang, end_of_day, problems)
    if problems or client_id is None:
        return None, problems
    fields = ContactFields(
        client_id=client_id,
        kind=kind,
        at=at,
        summary=summary[:SUMMARY_LIMIT],
        next_steps=(values.get("next_steps") or "").strip()[:SUMMARY_LIMIT],
        follow_up_on=follow_up,
        important=IMPORTANT in (values.get("important") or []),
    )
    return fields, {}


def _when(
    text: str | None,
    now: datetime,
    zone: ZoneInfo,
    lang: str,
    end_of_day: time,
    problems: dict[str, Problem],
) -> datetime:
    """When the contact happened: now if not said. A contact already happened, so "下午3点"
    typed at 17:00 is today's and "周五" last Friday's."""
    text = (text or "").strip()
    if not text:
        return now
    parsed = parse_when(text, now, zone.key, lang, end_of_day, past=True)
    if isinstance(parsed, DateRefusal):
        problems["when"] = Problem("dates.refused", {"message": parsed.message})
    elif not parsed.has_time and parsed.at.date() == now.astimezone(zone).date():
        return now  # "今天" with no time: now, not the end of the day
    elif parsed.at > now + FUTURE_SLACK:
        problems["when"] = Problem("contact.future", {"when": echo(parsed.at, lang, now=now)})
    else:
        return parsed.at
    return now


def _follow_up(
    text: str | None,
    now: datetime,
    zone: ZoneInfo,
    lang: str,
    end_of_day: time,
    problems: dict[str, Problem],
) -> date | None:
    """The day to be reminded of the next steps: today or later."""
    text = (text or "").strip()
    if not text:
        return None
    parsed = parse_when(text, now, zone.key, lang, end_of_day)
    if isinstance(parsed, DateRefusal):
        problems["follow_up"] = Problem("dates.refused", {"message": parsed.message})
        return None
    day = parsed.at.astimezone(zone).date()
    if day < now.astimezone(zone).date():
        when = echo(parsed.at, lang, now=now, has_time=False)
        problems["follow_up"] = Problem("contact.follow_up_past", {"when": when})
        return None
    return day
