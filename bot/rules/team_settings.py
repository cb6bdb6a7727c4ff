"""The workspace settings an admin may change: every time of the timetable, limits, and
(as the features come) channels. One table of defaults; each team overrides what it wants.

Values are stored as text exactly as `read_setting` normalised them, and read back through
`TeamValues`, which falls back to the default for anything unset or unreadable.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time

from bot.rules.jobs import DEPARTMENTS
from bot.rules.problems import Problem
from bot.rules.working_time import (
    Calendar,
    Duration,
    WorkingHours,
    format_duration,
    read_duration,
)

log = logging.getLogger("aebot.settings")


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    kind: str  # "time" (HH:MM), "hours" (HH:MM-HH:MM), "count" (whole number low..high),
    # "duration" (working time: 4h, 1d), "channel" (a channel id, or "-" for none), "text"
    low: int = 0
    high: int = 0


START_OF_DAY, END_OF_DAY = "start_of_day", "end_of_day"  # the working day's two settings
SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("contact_nudge_at", "09:30", "time"),
        Setting("contact_sweep_at", "17:30", "time"),
        Setting("hourly_window", "09:00-19:00", "hours"),
        Setting("contact_escalate_after", "2", "count", 0, 60),
        Setting(START_OF_DAY, "09:00", "time"),
        Setting(END_OF_DAY, "18:00", "time"),
        Setting("approval_remind_after", "4h", "duration"),
        Setting("approval_escalate_after", "1d", "duration"),
        Setting("job_deadlines_at", "09:00", "time"),
        Setting("action_items_at", "09:30", "time"),
        Setting("job_brief_min_chars", "30", "count", 0, 1000),
        *(Setting(f"job_channel_{d}", "-", "channel") for d in DEPARTMENTS),
        Setting("overtime_reminder_at", "16:30", "time"),
        Setting("overtime_cutoff", "17:00", "time"),
        Setting("overtime_defer_after", "23:00", "time"),
        Setting("overtime_deferral_percent", "100", "count", 0, 300),
        Setting("team_channel", "-", "channel"),
        Setting("report_channel", "-", "channel"),
        Setting("monday_agenda_at", "09:00", "time"),
        Setting("meeting_at", "09:30", "time"),
        Setting("meeting_place", "", "text"),
        Setting("meeting_minutes", "40", "count", 5, 240),
        Setting("meeting_notice_at", "16:00", "time"),
        Setting("weekly_prompt_at", "10:00", "time"),
        Setting("friday_report_at", "15:30", "time"),
        Setting("month_end_at", "10:00", "time"),
        Setting("day_summary_at", "17:30", "time"),
        Setting("day_digest_at", "09:00", "time"),
        Setting("prospect_cadence_days", "5", "count", 1, 60),
        Setting("holiday_notice_days", "5", "count", 1, 20),
    )
}

_CHANNEL = re.compile(r"<?#?([CG][A-Z0-9]{6,20})(?:\|[^>]*)?>?")
_CHANNEL_NAME = re.compile(r"#?([^\s#<>|@,]{1,80})")  # Slack's names: lower case, no spaces


@dataclass(frozen=True)
class ChannelName:
    """A channel typed by its name (`#general`): its id is looked up in Slack before storing."""

    key: str
    name: str


_TIME = re.compile(r"([01]?[0-9]|2[0-3])[:：]([0-5][0-9])")


def _time(text: str) -> time | None:
    mt = _TIME.fullmatch(text.strip())
    return time(int(mt[1]), int(mt[2])) if mt else None


def _hours(text: str) -> tuple[time, time] | None:
    parts = re.split(r"\s*[-–~到至]\s*", text.strip())
    if len(parts) != 2:
        return None
    start, end = _time(parts[0]), _time(parts[1])
    return (start, end) if start and end and start <= end else None


def read_setting(key: str, text: str) -> str | ChannelName | Problem:
    """What an admin typed for `key`, normalised for storage (a channel typed by its name: the
    name to look up), or why it cannot be stored."""
    setting = SETTINGS.get(key)
    if setting is None:
        return Problem("settings.unknown_key", {"key": key, "keys": ", ".join(SETTINGS)})
    if setting.kind == "time":
        at = _time(text)
        return f"{at:%H:%M}" if at else Problem("settings.bad_time", {"key": key})
    if setting.kind == "hours":
        span = _hours(text)
        if span is None:
            return Problem("settings.bad_hours", {"key": key})
        return f"{span[0]:%H:%M}-{span[1]:%H:%M}"
    if setting.kind == "duration":
        d = read_duration(text)
        return format_duration(d) if d else Problem("settings.bad_duration", {"key": key})
    if setting.kind == "text":
        value = " ".join(text.split())
        return value if len(value) <= 100 else Problem("settings.bad_text", {"key": key})
    if setting.kind == "channel":
        if text.strip().lower() in ("-", "none", "off", "无"):
            return "-"
        mc = _CHANNEL.fullmatch(text.strip())
        if mc:
            return mc[1]
        named = _CHANNEL_NAME.fullmatch(text.strip())
        if named:
            return ChannelName(key, named[1].lower())
        return Problem("settings.bad_channel", {"key": key})
    value = text.strip()
    if not value.isdigit() or not setting.low <= int(value) <= setting.high:
        return Problem("settings.bad_count", {"key": key, "low": setting.low, "high": setting.high})
    return str(int(value))


def check_together(stored: Mapping[str, str], key: str, value: str | None) -> Problem | None:
    """Whether the team's settings still make sense with `key` set to `value` (None: back to
    its default): the working day must end after it starts, or no working hours can be
    counted (an approval's reminder, a job's internal deadline)."""
    if key not in (START_OF_DAY, END_OF_DAY):
        return None
    after = {k: v for k, v in stored.items() if k != key} | ({key: value} if value else {})
    start, end = (TeamValues(after).time(k) for k in (START_OF_DAY, END_OF_DAY))
    if end > start:
        return None
    return Problem("settings.day_backwards", {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"})


class TeamValues:
    """One team's settings: what it stored, else the defaults."""

    def __init__(self, stored: Mapping[str, str]) -> None:
        self.stored = dict(stored)
        self._day: tuple[time, time] | None = None

    def text(self, key: str) -> str:
        """The value as stored (normalised), or the default."""
        return self.stored.get(key, SETTINGS[key].default)

    def is_default(self, key: str) -> bool:
        return key not in self.stored

    def _read(self, key: str) -> str:
        value = self.text(key)
        if not isinstance(read_setting(key, value), str):
            log.warning(
                "setting %s has an unreadable value %r; using %r", key, value, SETTINGS[key].default
            )
            return SETTINGS[key].default
        return value

    def time(self, key: str) -> time:
        at = _time(self._read(key))
        assert at is not None
        return at

    def hours(self, key: str) -> tuple[time, time]:
        span = _hours(self._read(key))
        assert span is not None
        return span

    def count(self, key: str) -> int:
        return int(self._read(key))

    @property
    def start_of_day(self) -> time:
        """When the working day starts: working hours count from here."""
        return self._working_day()[0]

    @property
    def end_of_day(self) -> time:
        """When the working day ends, and the time a date typed without one means."""
        return self._working_day()[1]

    def _working_day(self) -> tuple[time, time]:
        """start_of_day and end_of_day; both defaults when the day stored ends before it starts
        (`check_together` refuses that now; an older release stored it)."""
        if self._day is None:
            start, end = self.time(START_OF_DAY), self.time(END_OF_DAY)
            if end <= start:
                log.warning(
                    "end_of_day %s is not after start_of_day %s; using %s-%s",
                    f"{end:%H:%M}",
                    f"{start:%H:%M}",
                    SETTINGS[START_OF_DAY].default,
                    SETTINGS[END_OF_DAY].default,
                )
                start, end = (_time(SETTINGS[k].default) for k in (START_OF_DAY, END_OF_DAY))
            assert start is not None and end is not None
            self._day = (start, end)
        return self._day

    def duration(self, key: str) -> Duration:
        d = read_duration(self._read(key))
        assert d is not None
        return d

    def working_hours(self, calendar: Calendar) -> WorkingHours:
        """The team's working day (start_of_day to end_of_day) on its calendar's working days:
        what reminders and internal deadlines count in."""
        return WorkingHours(self.start_of_day, self.end_of_day, calendar)

    def channel(self, key: str) -> str | None:
        value = self._read(key)
        return None if value == "-" else value
