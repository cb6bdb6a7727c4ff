"""Meetings with a client (`/meeting`): what a meeting may be, when it is announced (the
working day before, 5W1H), when it is reconfirmed (about an hour before), who may cancel or
move it. Plain rules: no Slack, no database."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Protocol

from bot.rules.problems import Problem

TOPIC_LIMIT = 300
PLACE_LIMIT = 300
CLIENT_ATTENDEES_LIMIT = 1000
TEXT_LIMIT = 3000  # purpose, agenda, materials
# A meeting is reconfirmed about an hour before: the first quarter-hour run that finds it
# starting within 75 minutes asks (so 60-75 minutes before, as a rule). One the runs could not
# reach then (a 09:30 meeting, the runs starting at 09:00; one recorded 40 minutes before) is
# asked at the first run after, while 15 minutes or more remain to telephone.
RECONFIRM_FROM = timedelta(minutes=15)
RECONFIRM_UNTIL = timedelta(minutes=75)
LIMITS = {
    "topic": TOPIC_LIMIT,
    "place": PLACE_LIMIT,
    "theirs": CLIENT_ATTENDEES_LIMIT,  # the client's attendees
    "purpose": TEXT_LIMIT,
    "agenda": TEXT_LIMIT,
    "materials": TEXT_LIMIT,
}


class Days(Protocol):
    def previous_working_day(self, d: date) -> date: ...


def check_time(start: datetime, end: datetime, now: datetime) -> Problem | None:
    """A meeting starts in the future and ends after it starts."""
    if end <= start:
        return Problem("meeting.end_before_start")
    if start <= now:
        return Problem("meeting.past")
    return None


def check_texts(values: dict[str, str]) -> dict[str, Problem]:
    """Each text within its limit; a topic is needed."""
    problems = {
        key: Problem("meeting.too_long", {"limit": LIMITS[key]})
        for key, text in values.items()
        if key in LIMITS and len(text) > LIMITS[key]
    }
    if not values.get("topic", "").strip():
        problems["topic"] = Problem("meeting.need_topic")
    return problems


def notice_moment(start: datetime, calendar: Days, at: time) -> datetime:
    """When a meeting is announced: the working day before its day, at `at` (a Monday
    meeting on the Friday; a holiday or a 调休 Saturday as the calendar says)."""
    local = start
    day = calendar.previous_working_day(local.date())
    return datetime.combine(day, at, tzinfo=local.tzinfo)


def reconfirm_window(now: datetime) -> tuple[datetime, datetime]:
    """The starts a quarter-hour run reconfirms, if not yet asked: from 15 (included) to 75
    minutes on."""
    return now + RECONFIRM_FROM, now + RECONFIRM_UNTIL


def may_change(user: str, organiser: str, admin: bool) -> bool:
    """The organiser or an admin may cancel or move a meeting."""
    return admin or user == organiser


def people(raw: str) -> list[str]:
    """A JSON list of user ids (a meeting's attendees, who was told); [] when unreadable."""
    try:
        found = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(u) for u in found if isinstance(u, str)] if isinstance(found, list) else []


def as_json(users: Iterable[str]) -> str:
    """User ids in first-seen order, as stored."""
    return json.dumps(list(dict.fromkeys(users)))


def attendees(organiser: str, ours: Iterable[str]) -> list[str]:
    """Who is told of a meeting: the organiser first, then our attendees."""
    return list(dict.fromkeys([organiser, *ours]))


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of `day`'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


class MeetingRecord(Protocol):
    """A meeting as the rules and views read it (storage's Meeting is one)."""

    id: int | None
    client_id: int
    organiser_id: str
    starts_at: datetime
    ends_at: datetime
    topic: str
    place: str
    our_attendees: str
    client_attendees: str
    purpose: str
    agenda: str
    materials: str
