"""Listeners in two parts, both safe: an error is logged and the user told, never a trace.

The ack part does fast work (parse, store, answer in the ack body) before the HTTP
response; the after part (Slack API calls) runs on the worker pool once the ack is
decided. Unlike Bolt's lazy listeners this copies nothing per request, which keeps
the ack path cheap under concurrent load (see bench/bench_ack.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.i18n import t

log = logging.getLogger("aebot.listen")

AckFn = Callable[[Ack, dict[str, Any], BoltContext], None]
LazyFn = Callable[[dict[str, Any], BoltContext, Respond, WebClient], None]


def lang_of(context: BoltContext) -> str:
    """The language the language middleware chose for this request's user."""
    return str(context.get("aebot_lang") or "zh")


def safe_ack(fn: AckFn) -> Callable[..., None]:
    """The ack-time part: fast work only (parse, store, reply in the ack body)."""

    def listener(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        try:
            fn(ack, body, context)
        except Exception:
            log.exception("listener %s failed", fn.__name__)
            if ack.response is None:
                if body.get("type") == "view_submission":
                    ack(response_action="errors", errors=_first_block_error(body, lang_of(context)))
                else:
                    ack(text=t(lang_of(context), "error.generic"))

    listener.__name__ = fn.__name__
    return listener


def safe_after(fn: LazyFn) -> Callable[..., None]:
    """The after-ack part (Slack API calls): failures reach the user as a polite message."""

    def after(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        try:
            fn(body, context, respond, client)
        except Exception:
            log.exception("after-ack work %s failed", fn.__name__)
            try:
                if context.response_url:
                    respond(text=t(lang_of(context), "error.generic"), replace_original=False)
                elif context.user_id:
                    client.chat_postMessage(
                        channel=context.user_id, text=t(lang_of(context), "error.generic")
                    )
            except Exception:
                log.exception("could not tell the user about the failure")

    after.__name__ = fn.__name__
    return after


def listener(
    worker: Executor, ack_part: Callable[..., None] | None, *after: Callable[..., None]
) -> Callable[..., None]:
    """One Bolt listener: `ack_part` (a safe_ack) decides the HTTP answer, then each
    `after` (a safe_after) is handed to the worker with the same body and context."""

    def run(
        ack: Ack, body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        if ack_part is None:
            ack()
        else:
            ack_part(ack, body, context)
        for fn in after:
            worker.submit(fn, body, context, respond, client)

    return run


def _first_block_error(body: dict[str, Any], lang: str) -> dict[str, str]:
    blocks = body.get("view", {}).get("blocks", [])
    inputs = [b["block_id"] for b in blocks if b.get("type") == "input" and b.get("block_id")]
    return {inputs[0] if inputs else "summary": t(lang, "error.generic")}
