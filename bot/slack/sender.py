"""Answers to a person who is there: ephemeral replies, replies through a response URL (with a
DM when those fail), modals and the App Home. Messages aebot decides to send on its own (jobs'
DMs, a new owner's DM) go through the outbox instead (storage/outbox.py, scheduler/courier.py),
which delivers them exactly once.

A message Slack refuses is logged and reported as not sent (False or None), never raised into a
job or a listener; only `open_modal` raises, because a form that did not open must be told to
the person who asked for it (the listener does that).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

from bot.slack.limits import RESPONSE_URL_USES

log = logging.getLogger("aebot.sender")
Blocks = list[dict[str, Any]]


def web_client(token: str | None, base_url: str) -> WebClient:
    """The Slack Web API client: retries rate limits and dropped connections."""
    client = WebClient(token=token, base_url=base_url, timeout=10)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    return client


class Sender:
    def __init__(self, web: WebClient) -> None:
        self.web = web

    def post(self, channel: str, text: str, blocks: Blocks | None = None) -> str | None:
        """A message in a channel or (to a user id) the app's DM with that person; its ts."""
        try:
            resp = self.web.chat_postMessage(
                channel=channel, text=text, blocks=blocks, unfurl_links=False
            )
        except SlackApiError as exc:
            log.error("chat.postMessage to %s refused: %s", channel, exc.response.get("error"))
            return None
        return str(resp.get("ts"))

    def update(self, channel: str, ts: str, text: str, blocks: Blocks | None = None) -> bool:
        """Redraw a message aebot posted (a request once decided: its buttons gone)."""
        try:
            self.web.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        except SlackApiError as exc:
            log.error("chat.update of %s in %s refused: %s", ts, channel, exc.response.get("error"))
            return False
        return True

    def dm(self, user_id: str, text: str, blocks: Blocks | None = None) -> bool:
        return self.post(user_id, text, blocks) is not None

    def ephemeral(
        self, channel: str, user_id: str, text: str, blocks: Blocks | None = None
    ) -> bool:
        try:
            self.web.chat_postEphemeral(channel=channel, user=user_id, text=text, blocks=blocks)
        except SlackApiError as exc:
            log.error("chat.postEphemeral refused: %s", exc.response.get("error"))
            return False
        return True

    def tell(
        self, user_id: str, channel: str | None, text: str, blocks: Blocks | None = None
    ) -> bool:
        """Only-for-you reply in the channel where the person started, else (no channel, or the
        bot may not post there) in a DM."""
        if channel and self.ephemeral(channel, user_id, text, blocks):
            return True
        return self.dm(user_id, text, blocks)

    def respond(
        self, response_url: str, text: str, blocks: Blocks | None = None, *, replace: bool = False
    ) -> bool:
        """Answer through the response URL of a command or a click: replace the message that was
        clicked (`replace`), or add a reply only the clicker sees."""
        try:
            resp = WebhookClient(response_url, timeout=10).send(
                text=text,
                blocks=blocks,
                response_type=None if replace else "ephemeral",
                replace_original=replace,
            )
        except Exception as exc:  # an unreachable URL is a lost reply, not a failed request
            log.error("response_url reply failed: %s", type(exc).__name__)
            return False
        if resp.status_code != 200:
            log.error("response_url reply refused: %s %s", resp.status_code, resp.body[:200])
            return False
        return True

    def replies(
        self, response_url: str | None, user_id: str, posts: Sequence[tuple[str, Blocks]]
    ) -> bool:
        """The other parts of a long reply only the person sees (bot/slack/listeners.py
        `long_reply`), in order: through the response URL, which Slack takes five times; more
        than that, no URL, or one it refused, and they (the rest) go to the person's DM."""
        url = response_url if len(posts) <= RESPONSE_URL_USES else None
        for text, blocks in posts:
            if url and self.respond(url, text, blocks):
                continue
            url = None
            if not self.dm(user_id, text, blocks):
                return False
        return True

    def answer(self, response_url: str | None, user_id: str, text: str) -> bool:
        """A reply only the person sees: through the response URL of what they did, else
        (no URL, or it failed) in a DM."""
        if response_url and self.respond(response_url, text):
            return True
        return bool(user_id) and self.dm(user_id, text)

    def channel_named(self, name: str) -> str | None:
        """The id of the public channel called `name` (with or without its #), looked up in
        the workspace's list (conversations.list, scope channels:read); None when there is none.
        A lookup, not a message: Slack's refusal (a scope not granted) is raised as
        SlackApiError, for the one who asked to be told it."""
        wanted, cursor = name.removeprefix("#").lower(), ""
        while True:
            resp = self.web.conversations_list(
                types="public_channel", exclude_archived=True, limit=1000, cursor=cursor or None
            )
            for channel in resp.get("channels") or []:
                if wanted in (channel.get("name"), channel.get("name_normalized")):
                    return str(channel["id"])
            cursor = (resp.get("response_metadata") or {}).get("next_cursor") or ""
            if not cursor:
                return None

    def open_modal(self, trigger_id: str, view: dict[str, Any]) -> None:
        """Open a modal for the person who triggered it (within 3 s of their click)."""
        self.web.views_open(trigger_id=trigger_id, view=view)

    def publish_home(self, user_id: str, view: dict[str, Any]) -> bool:
        try:
            self.web.views_publish(user_id=user_id, view=view)
        except SlackApiError as exc:
            log.error("views.publish for %s refused: %s", user_id, exc.response.get("error"))
            return False
        return True
