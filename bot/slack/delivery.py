"""One attempt at delivering a stored message, and what Slack's answer means for it.

The courier (scheduler/courier.py) decides when to try again; this module only says whether
the message got there (`delivered`), surely did not and may be tried again (`retry`), might have
(`unknown`: the answer was lost, so look before sending again), Slack asks everyone to slow
down (`throttled`, for `retry_after` seconds), or never will (`failed`).

Every message carries its outbox key in Slack's message metadata; after an unknown outcome the
courier looks for that key in the conversation's history instead of posting blindly. The client
used here has no retry handlers of its own: slack_sdk would repost a message whose answer was
lost, and retry a rate limit per thread instead of for the whole workspace.

The history is read from a little before the first try, on Slack's clock: a message's `ts` is
Slack's time, and this machine's clock may be minutes off it. `SlackClock` reads the `Date` of
every answer Slack gives and so knows how far off; a lookup converts by it.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.error import HTTPError, URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RetryHandler, RetryState
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse

METADATA_EVENT = "aebot_message"
# Slack's own trouble: it may or may not have posted the message.
SLACK_TROUBLE = {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
# seconds read before the first try, beyond the skew measured: Slack's Date has whole seconds,
# and a message may be stored a little after it was sent
LOOK_BACK = 300


@dataclass(frozen=True)
class Attempt:
    outcome: str  # delivered, retry, unknown, throttled, failed
    ts: str | None = None
    channel: str | None = None
    error: str | None = None
    retry_after: float = 0.0


def courier_client(token: str | None, base_url: str, timeout: float = 10) -> WebClient:
    """A Web API client that never retries by itself (see the module's docstring)."""
    return WebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=[])


def metadata(key: str) -> dict[str, Any]:
    return {"event_type": METADATA_EVENT, "event_payload": {"key": key}}


def post(
    web: WebClient,
    channel: str,
    text: str,
    blocks: list[dict[str, Any]],
    key: str,
    thread_ts: str | None = None,
) -> Attempt:
    """Post once, the key in the message's metadata (in a thread under `thread_ts`)."""
    try:
        resp = web.chat_postMessage(
            channel=channel,
            text=text,
            blocks=blocks or None,
            metadata=metadata(key),
            unfurl_links=False,
            thread_ts=thread_ts,
        )
    except SlackApiError as exc:
        return _refused(exc)
    except Exception as exc:
        return _unreachable(exc)
    return Attempt("delivered", ts=str(resp.get("ts")), channel=resp.get("channel"))


def upload(
    web: WebClient,
    channel: str,
    filename: str,
    content: bytes,
    title: str,
    thread_ts: str | None = None,
) -> Attempt:
    """Upload a file once, in files.uploadV2's three steps: get an upload URL, send the bytes,
    complete (only this last step shares the file). A failure before it shared nothing and may
    be tried again; files carry no metadata to look for afterwards, so a completion whose
    outcome is unknown is given up (and an admin told) rather than risk a second copy."""
    try:
        got = web.files_getUploadURLExternal(filename=filename, length=len(content))
        refused = _send_bytes(str(got["upload_url"]), content, web)
    except SlackApiError as exc:
        return _nothing_shared(_refused(exc))
    except Exception as exc:
        return _nothing_shared(_unreachable(exc))
    if refused is not None:
        return refused
    try:
        resp = web.files_completeUploadExternal(
            files=[{"id": got["file_id"], "title": title}], channel_id=channel, thread_ts=thread_ts
        )
    except SlackApiError as exc:
        return _never_twice(_refused(exc))
    except Exception as exc:
        return _never_twice(_unreachable(exc))
    files = resp.get("files") or [{}]
    return Attempt("delivered", ts=str(files[0].get("id") or ""), channel=channel)


def _send_bytes(url: str, content: bytes, web: WebClient) -> Attempt | None:
    """The second step: the bytes to the URL Slack gave (no token: the URL is the permission),
    through the client's proxy and TLS settings; None once sent, else an attempt to retry
    (an answer other than 200 shared nothing)."""
    handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPSHandler(context=web.ssl)]
    if web.proxy:
        handlers.append(urllib.request.ProxyHandler({"http": web.proxy, "https": web.proxy}))
    req = urllib.request.Request(url, data=content, method="POST")
    try:
        with urllib.request.build_opener(*handlers).open(req, timeout=web.timeout) as resp:
            resp.read()
    except HTTPError as exc:
        return Attempt("retry", error=f"upload HTTP {exc.code}")
    return None


def _nothing_shared(attempt: Attempt) -> Attempt:
    """Before the completion nothing is in a conversation: Slack's trouble is tried again."""
    if attempt.outcome == "unknown":
        return Attempt("retry", error=attempt.error)
    return attempt


def _never_twice(attempt: Attempt) -> Attempt:
    """A completion that may have happened is not tried again: given up, so an admin hears."""
    if attempt.outcome == "unknown":
        return Attempt("failed", error=f"upload outcome unknown ({attempt.error})")
    return attempt


class SlackClock(RetryHandler):
    """Reads the `Date` of every answer of the Web API client it is added to (a retry handler
    sees them all; it never asks for a retry): how far `now` (this machine's clock, in epoch
    seconds) is ahead of Slack's."""

    def __init__(self, now: Callable[[], float] = time.time) -> None:
        super().__init__(max_retry_count=0)
        self.now = now
        self.offset: float | None = None

    def can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        date = _header(response.headers, "date") if response is not None else None
        if date:
            with contextlib.suppress(TypeError, ValueError):
                self.offset = self.now() - parsedate_to_datetime(date).timestamp()
        return False

    def skew(self) -> float | None:
        """Seconds this clock is ahead of Slack's (its Date has whole seconds); None until
        Slack has answered once."""
        return None if self.offset is None else round(self.offset, 1)


def _header(headers: Any, name: str) -> str | None:
    for key, value in (headers or {}).items():
        if key.lower() == name:
            return value[0] if isinstance(value, list) and value else value
    return None


def find(
    web: WebClient,
    recipient: str,
    key: str,
    first_try: float,
    clock: SlackClock,
    thread_ts: str | None = None,
) -> Attempt:
    """Look for a message carrying `key` in the recipient's conversation (in the thread under
    `thread_ts`, if one), posted since `first_try` (this machine's clock, epoch seconds, as
    `clock` reads it): `delivered` with its ts if Slack has it, `retry` if it surely does not,
    else what the lookup itself met. The history is read on Slack's clock, from LOOK_BACK
    before the first try; Slack is asked the time first if `clock` has not heard it yet."""
    try:
        channel = recipient
        if recipient[:1] in ("U", "W"):
            channel = web.conversations_open(users=recipient)["channel"]["id"]
        if clock.offset is None:  # a lost answer may be the first of this process
            web.auth_test()
        oldest = first_try - (clock.offset or 0.0) - LOOK_BACK
        return _look(web, channel, key, oldest, thread_ts)
    except SlackApiError as exc:
        return _refused(exc)
    except Exception as exc:
        return _unreachable(exc)


def _look(web: WebClient, channel: str, key: str, oldest: float, thread_ts: str | None) -> Attempt:
    cursor = None
    while True:
        if thread_ts:
            resp = web.conversations_replies(
                channel=channel,
                ts=thread_ts,
                oldest=f"{oldest:.6f}",
                include_all_metadata=True,
                limit=200,
                cursor=cursor,
            )
        else:
            resp = web.conversations_history(
                channel=channel,
                oldest=f"{oldest:.6f}",
                include_all_metadata=True,
                limit=200,
                cursor=cursor,
            )
        for m in resp.get("messages") or []:
            payload = (m.get("metadata") or {}).get("event_payload") or {}
            if payload.get("key") == key:
                return Attempt("delivered", ts=m.get("ts"), channel=channel)
        cursor = (resp.get("response_metadata") or {}).get("next_cursor")
        if not resp.get("has_more") or not cursor:
            return Attempt("retry", channel=channel)


def _refused(exc: SlackApiError) -> Attempt:
    resp = exc.response
    error = str(resp.get("error") or "") if isinstance(resp.data, dict) else ""
    if resp.status_code == 429 or error == "ratelimited":
        headers = {k.lower(): v for k, v in (resp.headers or {}).items()}
        raw = headers.get("retry-after")
        value = raw[0] if isinstance(raw, list) else raw
        try:
            wait = max(float(value), 1.0)
        except (TypeError, ValueError):
            wait = 1.0
        return Attempt("throttled", error="ratelimited", retry_after=wait)
    if resp.status_code >= 500 or error in SLACK_TROUBLE:
        return Attempt("unknown", error=error or f"HTTP {resp.status_code}")
    if error:  # user_not_found, account_inactive, channel_not_found, not_in_channel, invalid
        return Attempt("failed", error=error)  # blocks…: trying again would change nothing
    return Attempt("unknown", error=f"HTTP {resp.status_code}")


def _unreachable(exc: Exception) -> Attempt:
    """A refused connection surely delivered nothing; a timeout or a dropped answer may have."""
    reason = exc.reason if isinstance(exc, URLError) else exc
    if isinstance(reason, ConnectionRefusedError):
        return Attempt("retry", error="connection refused")
    if isinstance(reason, socket.gaierror):
        return Attempt("retry", error="name not resolved")
    if isinstance(reason, TimeoutError | socket.timeout):
        return Attempt("unknown", error="timed out")
    if isinstance(reason, http.client.RemoteDisconnected | ConnectionResetError):
        return Attempt("unknown", error="answer lost")
    return Attempt("unknown", error=type(reason).__name__)
