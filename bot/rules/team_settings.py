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

from bot.rules.problems import Problem

log = logging.getLogger("aebot.settings")


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    kind: str  # "time" (HH:MM), "hours" (HH:MM-HH:MM), "count" (whole number low..high)
    low: int = 0
    high: int = 0


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("contact_nudge_at", "09:30", "time"),
        Setting("contact_sweep_at", "17:30", "time"),
        Setting("hourly_window", "09:00-19:00", "hours"),
        Setting("contact_escalate_after", "2", "count", 0, 60),
        Setting("end_of_day", "18:00", "time"),
    )
}

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


def read_setting(key: str, text: str) -> str | Problem:
    """What an admin typed for `key`, normalised for storage, or why it cannot be stored."""
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
    value = text.strip()
    if not value.isdigit() or not setting.low <= int(value) <= setting.high:
        return Problem("settings.bad_count", {"key": key, "low": setting.low, "high": setting.high})
    return str(int(value))


class TeamValues:
    """One team's settings: what it stored, else the defaults."""

    def __init__(self, stored: Mapping[str, str]) -> None:
        self.stored = dict(stored)

    def text(self, key: str) -> str:
        """The value as stored (normalised), or the default."""
        return self.stored.get(key, SETTINGS[key].default)

    def is_default(self, key: str) -> bool:
        return key not in self.stored

    def _read(self, key: str) -> str:
        value = self.text(key)
        if isinstance(read_setting(key, value), Problem):
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
