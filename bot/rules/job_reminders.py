"""When a job's life calls for a reminder, and who hears it (the timetable asks; pure rules).

- Not accepted half a working day after its approval: its department's heads are reminded,
  and its owner (the AE) told.
- Half a working day before its internal deadline and not yet sent to the client: its
  assignees and its department's heads (001: set the internal deadline half a day earlier than
  the client's, and keep to it).
- Past the client's deadline and not signed off: its owner and the owner's manager.

Working time counts only working hours of working days: the half day before a Monday-morning
deadline falls on Friday afternoon.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime, timedelta
from typing import TypeVar

from bot.rules.people import DH
from bot.rules.working_time import WorkingHours, add_working, half_day_before

T = TypeVar("T")
# How far ahead an internal deadline may lie whose half day before has come: half a working day
# of working time, and the longest run of days off (the Spring Festival) in between.
NEAR_WITHIN = timedelta(days=15)


def half_day(wh: WorkingHours) -> timedelta:
    return wh.day_length() / 2


def accept_due(approved_at: datetime, now: datetime, wh: WorkingHours) -> bool:
    """Half a working day has passed since the job was approved (in the zone of `now`)."""
    return now >= add_working(approved_at.astimezone(now.tzinfo), half_day(wh), wh)


def internal_due(internal: datetime, now: datetime, wh: WorkingHours) -> bool:
    """`now` is within the half working day before the internal deadline (not past it: then the
    morning's job-deadlines DM says it is overdue)."""
    local = internal.astimezone(now.tzinfo)
    return half_day_before(local, wh) <= now < local


def to_each(
    items: Iterable[T], people: Callable[[T], Iterable[str]], leave: Collection[str]
) -> dict[str, list[T]]:
    """Each person's items, in the items' order, each item once per person: one DM each.
    Nobody on leave."""
    out: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for user in dict.fromkeys(people(item)):
            if user and user not in leave:
                out[user].append(item)
    return dict(out)


def heads_by_department(roles: Iterable[tuple[str, str, str | None]]) -> dict[str, list[str]]:
    """The heads (role dh) of each department, from (user, role, department)."""
    out: dict[str, list[str]] = defaultdict(list)
    for user, role, department in roles:
        if role == DH and department:
            out[department].append(user)
    return dict(out)


def manager_of(managers: Mapping[str, str | None], user: str) -> str | None:
    """The person's manager, never themselves."""
    boss = managers.get(user)
    return boss if boss and boss != user else None
