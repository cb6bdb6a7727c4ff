"""What every listener may use, declared once (as FastAPI's deps.py declares the session and the
current user): the database, the clock, the settings, each workspace's values and calendar, the
sender, the courier's wake-up and the form engine. The current member is on the request itself
(`Request.member`), checked once at the door (bot/slack/listeners.py).

A feature that needs more (the contact writer, the App Home) extends `Deps` with those fields
alone; nothing is declared twice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, TypeVar

from bot.clock import Clock
from bot.rules.people import is_admin
from bot.rules.working_time import WorkingHours
from bot.settings import Settings
from bot.slack.listeners import Request
from bot.slack.sender import Sender
from bot.slack.texts import Reader
from forms.engine import Engine
from storage.calendars import Calendars
from storage.db import Database
from storage.team_settings import TeamSettings

E = TypeVar("E", bound="Deps")


@dataclass(frozen=True)
class Deps:
    db: Database
    clock: Clock
    settings: Settings
    team_settings: TeamSettings
    calendars: Calendars
    sender: Sender
    deliver: Callable[[], None]  # the courier: deliver what was just queued
    engine: Engine
    # someone's App Home drawn again (team, user), once what it shows has changed
    home_changed: Callable[[str, str], None]

    def reader(self, req: Request) -> Reader:
        """How to answer the request: in its person's language, as of now."""
        return req.reader(self.settings.tz, self.clock.now())

    def refuse(self, req: Request, key: str, **values: object) -> None:
        """Tell only the clicker why nothing changed (in reply to the click, else in a DM); the
        message they clicked stays."""
        self.sender.answer(req.response_url, req.user, self.reader(req).t(key, **values))

    def admin(self, user: str) -> bool:
        return is_admin(user, self.settings.admins)

    def local_now(self) -> datetime:
        """Now, in the workspace's zone."""
        return self.clock.now().astimezone(self.settings.tz)

    def hours(self, team: str) -> WorkingHours:
        """The workspace's working hours on its calendar."""
        return self.team_settings.of(team).working_hours(self.calendars.for_team(team))

    def extended(self, kind: type[E], **more: Any) -> E:
        """These dependencies and `more`, as a feature's own extension of them."""
        mine = {f.name: getattr(self, f.name) for f in fields(Deps)}
        return kind(**mine, **more)
