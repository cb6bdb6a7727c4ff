"""The two halves of every listener, and the request they share.

Slack wants its answer within 3 seconds. The ack half (`Listen.ack`) does the fast work (parse,
store, answer in the ack's body) and returns a `Reply`; whatever must talk to Slack afterwards
(open a modal, confirm in a DM, redraw the Home) is named in the reply's `then`, and runs on the
worker pool once Slack has its ack, only when a listener asked for it. Clicks and events use
`Listen.after`: acked at once, then the whole listener runs on the worker.

A reply too long for one message (`long_reply`) is split: its first part in the ack, the others
sent after it, in order.

Both halves are safe: an error is logged and the person is told, in their language, that nothing
was changed; never a trace. Bolt hands each listener only `ack` and `body`, so nothing is built
per request that no listener reads.

Both halves also keep the door: every command, button, form and the App Home is for the team's
members (and the admins, who set aebot up). Anyone else gets one line saying whom to ask, and
no listener runs for them (`Listen.turned_away`); a listener that is reached knows its person
passed, and `Request.member` says whether they are on the team.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Collection
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from slack_bolt import Ack

from bot.rules.nul import holds_nul
from bot.rules.people import is_admin
from bot.slack import blocks as bk
from bot.slack.blocks import Block, Post, state_values
from bot.slack.limits import RESPONSE_URL_USES
from bot.slack.sender import Sender
from bot.slack.texts import Reader, join, t

log = logging.getLogger("aebot.listeners")

Later = Callable[[], object]
D = TypeVar("D")


@dataclass(frozen=True)
class Request:
    """Who asked, where, and what Slack sent: a slash command, a click, a form, an event."""

    team: str
    user: str
    lang: str
    channel: str | None
    trigger_id: str | None
    response_url: str | None
    body: dict[str, Any]
    member: bool = False  # on the team (a member row); an admin may be let in without being on it

    @property
    def text(self) -> str:
        """A slash command's text as typed: Slack sends &, < and > escaped (mentions and
        channel links stay as they are)."""
        raw = str(self.body.get("text") or "").strip()
        return raw.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

    @property
    def value(self) -> str:
        """The value of the button that was clicked, or of the menu option chosen."""
        action = (self.body.get("actions") or [{}])[0]
        chosen = action.get("selected_option") or {}
        return str(action.get("value") or chosen.get("value") or "")

    @property
    def record_id(self) -> int:
        """The clicked button's value as a record id; 0 for anything that is not one."""
        value = self.value
        return int(value) if value.isdigit() and len(value) < 18 else 0

    @property
    def form(self) -> dict[str, Any]:
        """A submitted modal's values by block id."""
        return state_values(self.body.get("view") or {})

    @property
    def metadata(self) -> dict[str, Any]:
        """What the modal carried for its submission (private_metadata)."""
        try:
            meta = json.loads((self.body.get("view") or {}).get("private_metadata") or "{}")
        except ValueError:
            return {}
        return meta if isinstance(meta, dict) else {}

    def reader(self, zone: ZoneInfo, now: datetime) -> Reader:
        return Reader(self.lang, zone, now)


def request_of(body: dict[str, Any], lang_of: Callable[[str, str], str], default: str) -> Request:
    """The request in any of Slack's payload shapes."""
    team = body.get("team_id") or (body.get("team") or {}).get("id") or ""
    user = body.get("user_id") or (body.get("user") or {}).get("id") or ""
    if not user and isinstance(body.get("event"), dict):
        user = body["event"].get("user") or ""
    channel = body.get("channel_id") or (body.get("channel") or {}).get("id")
    try:
        lang = lang_of(team, user) if team and user else default
    except Exception as exc:  # the database may be down: still answer, in the workspace's language
        log.warning(
            "could not tell the language of %s (%s); using %s", user, type(exc).__name__, default
        )
        lang = default
    return Request(
        team=str(team),
        user=str(user),
        lang=lang,
        channel=channel,
        trigger_id=body.get("trigger_id"),
        response_url=body.get("response_url"),
        body=body,
    )


@dataclass(frozen=True)
class Reply:
    """The ack's answer: a reply only the person sees (`text`, `blocks`), the errors of a form
    by field, or the form shown again changed (`view`); and the work to do once Slack has it
    (`then`)."""

    text: str | None = None
    blocks: list[Block] | None = None
    errors: dict[str, str] | None = None
    then: tuple[Later, ...] = field(default=())
    view: dict[str, Any] | None = None  # a submitted form shown again, changed (a proposal)
    more: tuple[Post, ...] = ()  # a long reply's other parts (`long_reply`), sent after the ack


def long_reply(r: Reader, text: str, blocks: list[Block]) -> Reply:
    """A reply only the person sees, however long: split to fit Slack (bot/slack/blocks.py
    `parts`), the first part in the ack and the others after it, in order, through the
    command's response URL; Slack takes five posts there, so more go to the person's DM with
    aebot, and the first part says so."""
    posts = bk.parts(text, blocks, r)
    if len(posts) - 1 > RESPONSE_URL_USES:
        posts = bk.parts(text, blocks, r, rest="common.rest_in_dm")
    (first_text, first), *more = posts
    return Reply(text=first_text, blocks=first, more=tuple(more))


class Listen:
    """Makes Bolt listeners of our listener functions, each given its feature's collaborators,
    behind one door: `member_of(team, user)` (the cached directory) says who is on the team, and
    `admins` (AEBOT_ADMINS) are let in too."""

    def __init__(
        self,
        worker: Executor,
        sender: Sender,
        lang_of: Callable[[str, str], str],
        default_lang: str,
        member_of: Callable[[str, str], bool],
        admins: Collection[str],
    ) -> None:
        self.worker, self.sender = worker, sender
        self.lang_of, self.default_lang = lang_of, default_lang
        self.member_of, self.admins = member_of, admins
        # how a DM to aebot is answered (handlers/dm.py sets it: once per message)
        self.on_dm: Callable[[Request, str], object] = lambda req, line: sender.dm(req.user, line)

    def ack(
        self, fn: Callable[[Request, D], Reply], deps: D
    ) -> Callable[[Ack, dict[str, Any]], None]:
        """A listener whose reply is in the ack (commands, form submissions)."""

        def listener(ack: Ack, body: dict[str, Any]) -> None:
            req = request_of(body, self.lang_of, self.default_lang)
            try:
                req = self.checked(req)
                reply = self.turned_away(req) or self.unstorable(req) or fn(req, deps)
            except Exception:
                log.exception("listener %s failed", fn.__name__)
                _ack_failure(ack, req)
                return
            if reply.errors:
                ack(response_action="errors", errors=reply.errors)
            elif reply.view is not None:
                ack(response_action="update", view=reply.view)
            elif reply.text or reply.blocks:
                ack(text=reply.text or "", blocks=reply.blocks, response_type="ephemeral")
            else:
                ack()
            if reply.more:
                rest = partial(self.sender.replies, req.response_url, req.user, reply.more)
                self.worker.submit(self._safely, rest, req, fn.__name__)
            for later in reply.then:
                self.worker.submit(self._safely, later, req, fn.__name__)

        listener.__name__ = fn.__name__
        return listener

    def after(
        self, fn: Callable[[Request, D], object], deps: D
    ) -> Callable[[Ack, dict[str, Any]], None]:
        """A listener that is acked at once and runs after (clicks, events)."""

        def listener(ack: Ack, body: dict[str, Any]) -> None:
            ack()
            req = request_of(body, self.lang_of, self.default_lang)
            self.worker.submit(self._safely, lambda: self._after(fn, req, deps), req, fn.__name__)

        listener.__name__ = fn.__name__
        return listener

    def _after(self, fn: Callable[[Request, D], object], req: Request, deps: D) -> None:
        req = self.checked(req)
        refusal = self.turned_away(req) or self.unstorable(req)
        if refusal is None:
            fn(req, deps)
            return
        if refusal.text:  # nothing left to answer in: it goes where a click's answer goes
            self.sender.answer(req.response_url, req.user, refusal.text)
        for later in refusal.then:
            later()

    def checked(self, req: Request) -> Request:
        """The request, with whether its person is on the team."""
        on_team = bool(req.team and req.user) and self.member_of(req.team, req.user)
        return replace(req, member=on_team)

    def turned_away(self, req: Request) -> Reply | None:
        """For someone neither on the team nor an admin, the one line saying whom to ask, where
        they will see it: under a command, under the form's first field, in reply to a click or
        a DM, or as their App Home; None for everyone else."""
        if req.member or (req.user and is_admin(req.user, self.admins)):
            return None
        log.info("turned away %s of team %s: not on the team", req.user, req.team)
        line = outsider_line(req.lang, self.admins)
        event = req.body.get("event") or {}
        if req.body.get("type") == "event_callback":
            if event.get("type") == "message":  # a DM to aebot: the line, in reply
                return Reply(then=(partial(self.on_dm, req, line),))
            if event.get("type") != "app_home_opened" or event.get("tab", "home") != "home":
                return Reply()
            home = {"type": "home", "blocks": [bk.section(line)]}
            return Reply(then=(partial(self.sender.publish_home, req.user, home),))
        return self._refusal(req, line, _first_input(req))

    def unstorable(self, req: Request) -> Reply | None:
        """For text holding a NUL character (PostgreSQL refuses to store one, SQLite would keep
        it), whatever the feature: one line saying so, under the field that holds it, the
        command or the click, or in a DM for an event; nothing runs and nothing is stored.
        None for every other request."""
        if not holds_nul(req.body):
            return None
        log.info("refused a request of %s of team %s: a NUL character", req.user, req.team)
        line = t(req.lang, "input.nul")
        if req.body.get("type") == "event_callback":
            return Reply(then=(partial(self.sender.answer, None, req.user, line),))
        return self._refusal(req, line, _field_with_nul(req) or _first_input(req))

    def _refusal(self, req: Request, line: str, field_id: str) -> Reply:
        """A refusal where the person sees it: under a form's field, in reply to a click, or
        under a command."""
        kind = req.body.get("type")
        if kind == "view_submission":
            return Reply(errors={field_id: line})
        if kind == "block_actions":
            return Reply(then=(partial(self.sender.answer, req.response_url, req.user, line),))
        return Reply(text=line)

    def _safely(self, work: Later, req: Request, name: str) -> None:
        try:
            work()
        except Exception:
            log.exception("after-ack work of %s failed", name)
            self.tell_failure(req)

    def tell_failure(self, req: Request) -> None:
        """Tell the person that nothing was changed: in reply to their click, else in a DM."""
        self.sender.answer(req.response_url, req.user, t(req.lang, "error.generic"))


def outsider_line(lang: str, admins: Collection[str]) -> str:
    """aebot serves the account department: ask one of the admins (or, with none set, whoever
    installed aebot)."""
    if not admins:
        return t(lang, "gate.outsider_no_admins")
    return t(lang, "gate.outsider", admins=join(lang, (f"<@{a}>" for a in sorted(admins))))


def _first_input(req: Request) -> str:
    """The block id of a submitted form's first field, where a form's refusal is shown."""
    blocks = (req.body.get("view") or {}).get("blocks") or []
    inputs = [b["block_id"] for b in blocks if b.get("type") == "input" and b.get("block_id")]
    return inputs[0] if inputs else "summary"


def _field_with_nul(req: Request) -> str | None:
    """The block id of a submitted form's field whose value holds a NUL, if one does."""
    values = ((req.body.get("view") or {}).get("state") or {}).get("values") or {}
    return next((block for block, v in values.items() if holds_nul(v)), None)


def _ack_failure(ack: Ack, req: Request) -> None:
    if req.body.get("type") == "view_submission":
        ack(response_action="errors", errors={_first_input(req): t(req.lang, "error.generic")})
    else:
        ack(text=t(req.lang, "error.generic"), response_type="ephemeral")


class Debouncer:
    """Runs `fn` on the worker `delay` seconds from now unless a run for the same key is already
    waiting: a burst of changes shares one run, which starts after all of them."""

    def __init__(self, worker: Executor) -> None:
        self.worker = worker
        self._waiting: set[tuple[str, ...]] = set()
        self._lock = threading.Lock()

    def run(self, key: tuple[str, ...], delay: float, fn: Callable[..., None], *args: Any) -> None:
        with self._lock:
            if key in self._waiting:
                return
            self._waiting.add(key)

        def go() -> None:
            with self._lock:
                self._waiting.discard(key)
            fn(*args)

        if delay <= 0:
            self.worker.submit(go)
            return
        timer = threading.Timer(delay, self.worker.submit, args=(go,))
        timer.daemon = True
        timer.start()


HELP_WORDS = frozenset({"help", "帮助", "?", "？"})


def asks_help(text: str) -> bool:
    """`/command help` (or 帮助, ?): every command answers it."""
    return text.strip().lower() in HELP_WORDS
