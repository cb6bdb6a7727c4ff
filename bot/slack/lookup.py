"""Who an e-mail address is in the workspace: a team file may name people by address instead of
Slack member ids, which nobody knows (`aebot team import`). Slack's `users.lookupByEmail`
needs the bot scope `users:read.email` (manifest.yml)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.rules.imports import email_key

NOT_FOUND = "users_not_found"


class LookupRefused(Exception):
    """Slack refused the look-ups themselves (a missing scope, a bad token): nothing is known."""

    def __init__(self, error: str, needed: str | None = None) -> None:
        super().__init__(error)
        self.error, self.needed = error, needed


def lookup_client(token: str, base_url: str) -> WebClient:
    """A client for many look-ups in a row: `users.lookupByEmail` is rate-limited (Slack's
    tier 3, about 50 a minute), so a 429 is waited out as often as it comes."""
    client = WebClient(token=token, base_url=base_url, timeout=10)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=100))
    client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    return client


def user_ids_by_email(
    web: WebClient, addresses: Iterable[str], told: Callable[[int], None] = lambda _n: None
) -> dict[str, str | None]:
    """Each address (by `email_key`) and the Slack id of the member it belongs to, or None when
    Slack knows no one by it (or only a deactivated account); `told` hears of each one done."""
    found: dict[str, str | None] = {}
    for address in addresses:
        try:
            user = web.users_lookupByEmail(email=address.strip()).get("user") or {}
        except SlackApiError as exc:
            error = str(exc.response.get("error") or exc.response.status_code)
            if error != NOT_FOUND:
                raise LookupRefused(error, exc.response.get("needed")) from None
            user = {}
        uid = user.get("id") if not user.get("deleted") else None
        found[email_key(address)] = str(uid) if uid else None
        told(1)
    return found
