"""One task of the timetable: its name, when it runs (a team setting's time, hourly or each
quarter hour; which days), and the work that decides its messages (scheduler/timetable.py runs
it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from bot.rules.team_settings import TeamValues
from bot.rules.workdays import WorkCalendar
from scheduler.run import Run, TaskDeps

HOURLY_WINDOW = "hourly_window"
EXPENSES_FROM = 25  # expenses are claimed from the 25th to the 30th (002 第九条)


@dataclass(frozen=True)
class Task:
    name: str
    description: str
    at: str | None  # the team setting that holds its daily time; None for an hourly task
    work: Callable[[Run, TaskDeps], str]
    # which days: working, week-first, week-last, month-end (the last working day but two) or
    # expenses (the first working day on or after the 25th: 002 第九条, claimed 25th–30th)
    on: str = "working"
    quarter: bool = False  # with `at` None: each quarter hour (its own period) instead of hourly

    def runs_on(self, calendar: WorkCalendar, day: date) -> bool:
        """Whether the task runs on `day`: a working day, and for the weekly and monthly ones
        the first or last working day of the week, or the last but two of the month (a holiday
        Friday moves the Friday report to Thursday; a make-up Saturday counts)."""
        if not calendar.is_working_day(day):
            return False
        if self.on == "week-first":
            return calendar.first_working_day_of_week(day) == day
        if self.on == "week-last":
            return calendar.last_working_day_of_week(day) == day
        if self.on == "month-end":  # time to send the month's summaries before it ends
            return calendar.working_day_from_month_end(day, 3) == day
        if self.on == "expenses":
            return calendar.first_working_day_from(day.replace(day=EXPENSES_FROM)) == day
        return True

    def period(self, local: datetime) -> str:
        if self.quarter:
            return local.replace(minute=local.minute // 15 * 15).strftime("%Y-%m-%dT%H:%M")
        return local.strftime("%Y-%m-%dT%H") if self.at is None else local.date().isoformat()

    def slot(self, local: datetime, values: TeamValues) -> datetime | None:
        """The latest scheduled moment at or before `local` on the same day, if any. Hourly
        tasks run on the hour within the team's `hourly_window`."""
        if self.at is None:
            start, end = values.hours(HOURLY_WINDOW)
            if not start.hour <= local.hour <= end.hour:
                return None
            minute = local.minute // 15 * 15 if self.quarter else 0
            return local.replace(minute=minute, second=0, microsecond=0)
        at = values.time(self.at)
        s = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
        return s if s <= local else None

    def when(self, values: TeamValues) -> str:
        """When it runs, for `aebot jobs list`."""
        if self.at is None:
            start, end = values.hours(HOURLY_WINDOW)
            every = "every quarter hour" if self.quarter else "hourly"
            return f"{every} {start:%H:%M}-{end:%H:%M}, working days"
        days = {
            "week-first": "first working day of the week",
            "week-last": "last working day of the week",
            "month-end": "last working day but two of the month",
            "expenses": "first working day on or after the 25th",
        }.get(self.on, "working days")
        return f"{days} {values.time(self.at):%H:%M}"
