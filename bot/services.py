"""What every handler and job is given: settings, database, clock, calendar, Slack sender."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.clock import Clock
from bot.i18n import lang_from_locale
from bot.settings import Settings
from scheduler.workdays import WorkCalendar
from storage import queries
from storage.db import Database

log = logging.getLogger("aebot")
SEND_CONCURRENCY = 8


def web_client(settings: Settings) -> WebClient:
    """The one Slack Web API client: retries rate limits and dropped connections."""
    client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url, timeout=10)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    return client


@dataclass
class Sender:
    """The one way messages leave aebot; a refused message is logged, never raised into a job."""

    web: WebClient

    def post(
        self, channel: str, text: str, blocks: list[dict[str, Any]] | None = None
    ) -> str | None:
        try:
            resp = self.web.chat_postMessage(
                channel=channel, text=text, blocks=blocks, unfurl_links=False
            )
        except SlackApiError as exc:
            log.error("chat.postMessage to %s refused: %s", channel, exc.response.get("error"))
            return None
        return str(resp.get("ts"))

    def dm(self, user_id: str, text: str, blocks: list[dict[str, Any]] | None = None) -> str | None:
        """A direct message from the bot (posting to a user id opens the app's DM)."""
        return self.post(user_id, text, blocks)

    def dm_all(self, messages: list[tuple[str, str, list[dict[str, Any]]]]) -> list[bool]:
        """Many DMs (user, text, blocks) at once, a few in flight: a 09:30 nudge to 2,000
        people must not wait on 2,000 round trips in a row. Rate limits are retried."""
        if len(messages) <= 1:
            return [self.dm(*m) is not None for m in messages]
        with ThreadPoolExecutor(
            max_workers=SEND_CONCURRENCY, thread_name_prefix="aebot-send"
        ) as pool:
            return [ts is not None for ts in pool.map(lambda m: self.dm(*m), messages)]

    def tell(
        self, user_id: str, channel: str | None, text: str, blocks: list[dict[str, Any]]
    ) -> None:
        """Only-for-you reply in the channel where the user started, else (no channel, or the
        bot may not post there) in a DM."""
        if not (channel and self.ephemeral(channel, user_id, text, blocks)):
            self.dm(user_id, text, blocks)

    def ephemeral(
        self, channel: str, user_id: str, text: str, blocks: list[dict[str, Any]] | None = None
    ) -> bool:
        try:
            self.web.chat_postEphemeral(channel=channel, user=user_id, text=text, blocks=blocks)
        except SlackApiError as exc:
            log.error("chat.postEphemeral refused: %s", exc.response.get("error"))
            return False
        return True


@dataclass
class Services:
    settings: Settings
    db: Database
    clock: Clock
    web: WebClient
    sender: Sender = field(init=False)
    worker: ThreadPoolExecutor = field(init=False)
    _calendars: dict[str, tuple[object, WorkCalendar]] = field(init=False, default_factory=dict)
    _asking: set[tuple[str, str]] = field(init=False, default_factory=set)
    _waiting: set[tuple[str, ...]] = field(init=False, default_factory=set)
    # How long a redraw of the App Home waits for more changes (tests set 0).
    home_delay: float = field(init=False, default=2.0)

    def __post_init__(self) -> None:
        self.sender = Sender(self.web)
        # Work done after Slack has its ack: modals, confirmations, message updates.
        self.worker = ThreadPoolExecutor(max_workers=8, thread_name_prefix="aebot-after-ack")
        self._lock = threading.Lock()

    def coalesce(
        self, key: tuple[str, ...], delay: float, fn: Callable[..., None], *args: Any
    ) -> None:
        """Run `fn` on the worker `delay` seconds from now, unless a run for `key` is already
        waiting: a burst of requests shares one run, which starts after all of them."""
        with self._lock:
            if key in self._waiting:
                return
            self._waiting.add(key)

        def run() -> None:
            with self._lock:
                self._waiting.discard(key)
            fn(*args)

        if delay <= 0:
            self.worker.submit(run)
            return
        timer = threading.Timer(delay, self.worker.submit, args=(run,))
        timer.daemon = True
        timer.start()

    def calendar_for(self, team_id: str) -> WorkCalendar:
        """The team's working-day calendar: the library's, with the admins' overrides on top.
        Rebuilt only when the overrides change (one small query tells)."""
        with self.db.read() as s:
            version = queries.calendar_version(s, team_id)
            cached = self._calendars.get(team_id)
            if cached is not None and cached[0] == version:
                return cached[1]
            overrides = queries.calendar_overrides(s, team_id)
        calendar = WorkCalendar(self.settings.aebot_country, overrides)
        self._calendars[team_id] = (version, calendar)
        return calendar

    def now(self) -> datetime:
        return self.clock.now()

    def local_now(self) -> datetime:
        return self.clock.now().astimezone(self.settings.tz)

    def today(self) -> date:
        return self.local_now().date()

    def is_admin(self, user_id: str) -> bool:
        return user_id in self.settings.admins

    def lang(self, team_id: str, user_id: str) -> str:
        """The member's chosen language, else their Slack locale's, else the workspace default.
        A member whose Slack locale is not known yet has it fetched after this request."""
        with self.db.read() as s:
            row = queries.member_language(s, team_id, user_id)
        if (
            row is not None
            and row[0] is None
            and row[1] is None
            and (team_id, user_id) not in self._asking
        ):
            self._asking.add((team_id, user_id))  # one users.info per person, however many requests
            self.worker.submit(self.learn_locale, team_id, user_id)
        return self.pick_lang(*(row or (None, None)))

    def pick_lang(self, language: str | None, slack_locale: str | None) -> str:
        return language or lang_from_locale(slack_locale) or self.settings.aebot_lang

    def learn_locale(self, team_id: str, user_id: str) -> None:
        """Ask Slack for the member's locale once and remember it."""
        try:
            user = self.web.users_info(user=user_id, include_locale=True).get("user") or {}
        except Exception:
            log.warning("could not read the Slack locale of %s", user_id)
            self._asking.discard((team_id, user_id))  # ask again on their next request
            return
        with self.db.write() as s:
            queries.set_slack_locale(s, team_id, user_id, str(user.get("locale") or ""))

    def end_of_day(self, team_id: str) -> time:
        """When a date typed without a time is due: the team's `end_of_day` (HH:MM), default 18:00."""
        try:
            return time.fromisoformat(self.setting(team_id, "end_of_day", "18:00"))
        except ValueError:
            return time(18, 0)

    def setting(self, team_id: str, key: str, default: str) -> str:
        with self.db.read() as s:
            return queries.team_settings(s, team_id).get(key, default)
