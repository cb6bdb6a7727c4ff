"""The language each request is answered in: the member's choice, else their Slack locale, else
the workspace default. A member whose Slack locale is not known yet has it asked of Slack once,
after the request that found it missing."""

from __future__ import annotations

import logging
from concurrent.futures import Executor

from slack_sdk import WebClient

from bot.rules.people import language_of
from storage import queries
from storage.db import Database
from storage.directory import Directory

log = logging.getLogger("aebot.languages")


class Languages:
    def __init__(
        self, directory: Directory, db: Database, web: WebClient, worker: Executor, default: str
    ) -> None:
        self.directory, self.db, self.web, self.worker = directory, db, web, worker
        self.default = default
        self._asking: set[tuple[str, str]] = set()

    def of(self, team: str, user: str) -> str:
        """The request's language; no database read once the team is cached."""
        person = self.directory.person(team, user)
        if person is None:
            return self.default
        if person.language is None and person.slack_locale is None:
            self._ask_slack(team, user)
        return language_of(person.language, person.slack_locale, self.default)

    def _ask_slack(self, team: str, user: str) -> None:
        if (team, user) in self._asking:  # one users.info per person, however many requests
            return
        self._asking.add((team, user))
        self.worker.submit(self._learn, team, user)

    def _learn(self, team: str, user: str) -> None:
        try:
            found = self.web.users_info(user=user, include_locale=True).get("user") or {}
        except Exception:
            log.warning("could not read the Slack locale of %s", user)
            self._asking.discard((team, user))  # ask again on their next request
            return
        with self.db.write() as s:
            queries.set_slack_locale(s, team, user, str(found.get("locale") or ""))
