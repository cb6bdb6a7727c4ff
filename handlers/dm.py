"""A direct message to aebot (its Messages tab is on): aebot works by slash commands, so it
answers with short help in the reader's language. Only a person's own message is answered (not
a bot's, aebot's own included, not an edit or a deletion), once: the answer goes through the
outbox under a key made of the message (its conversation and `ts`), so an event Slack delivers
again, to this process or another, is never answered twice. Someone not on the team gets the
door's one line the same way (bot/slack/listeners.py `Listen.on_dm`)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Request
from handlers.deps import Deps
from storage import outbox
from storage.outbox import wall

PURPOSE = "dm-answer"


def from_a_person(body: dict[str, Any]) -> bool:
    """A message a person wrote in their DM with aebot: no bot's, no subtype (an edit, a
    deletion, a join), some text."""
    event = body.get("event") or {}
    return (
        event.get("channel_type") == "im"
        and not event.get("bot_id")
        and not event.get("subtype")
        and bool(event.get("user"))
        and bool(event.get("ts"))
    )


def dm_received(req: Request, deps: Deps) -> None:
    """A member's (or an admin's) DM: the short help."""
    r = deps.reader(req)
    key = "dm.help_admin" if deps.admin(req.user) and not req.member else "dm.help"
    reply(deps, req, r.t(key))


def reply(deps: Deps, req: Request, text: str) -> None:
    """Answer a DM once, whoever sent it, however often Slack delivers it."""
    event = req.body.get("event") or {}
    key = f"dm:{event.get('channel')}:{event.get('ts')}"
    message = outbox.Message(req.team, key, PURPOSE, req.user, text, [bk.section(text)])
    with deps.db.write() as s:
        new = outbox.enqueue(s, [message], deps.clock.now(), wall())
    if new:
        deps.deliver()


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.event({"type": "message", "subtype": None}, matchers=[from_a_person])(
        listen.after(dm_received, deps)
    )
    listen.on_dm = lambda req, line: reply(deps, req, line)
