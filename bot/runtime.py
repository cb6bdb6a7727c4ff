"""Assembling the services for a process from its settings."""

from __future__ import annotations

from bot.clock import Clock
from bot.services import Services, web_client
from bot.settings import Settings
from storage.db import Database


def build_services(settings: Settings, clock: Clock | None = None) -> Services:
    return Services(
        settings=settings,
        db=Database(settings.database_url),
        clock=clock or Clock(),
        web=web_client(settings),
    )
