"""The demo's stage: the clock, what people type and click, and what Slack shows them, printed
whole (never cut off mid-list) and in a fixed order, whatever order the courier delivered in."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import click

from bot.app import Bot
from bot.clock import FixedClock
from sandbox.driver import SlackDriver
from sandbox.fake_slack import Call, FakeSlack
from sandbox.render import describe
from scheduler.timetable import TASKS, run_task

# Slack's timestamps and ids of the fake's making change from run to run: not shown
_VOLATILE = re.compile(r" ?\b\d{10}\.\d{6}\b|\b[FV]0AEB\d{6}\b")
POSTED = ("chat.postMessage", "chat.update", "files.completeUploadExternal")
SETTLE = 0.05  # seconds between looks at whether the after-ack work is done


@dataclass
class Stage:
    """The demo's world. `cast` names who and where, in the order their messages are shown."""

    bot: Bot
    clock: FixedClock
    slack: SlackDriver
    fake: FakeSlack
    cast: dict[str, str]

    def at(self, when: datetime, title: str) -> None:
        self.clock.set(when)
        click.secho(f"\n{when:%a %d %b %H:%M} — {title}", fg="cyan", bold=True)

    def scene(self, caption: str, lines: list[str]) -> None:
        click.secho(f"  ▸ {caption}", bold=True)
        for line in lines:
            click.echo(f"    {_VOLATILE.sub('', line)}")

    def typed(self, user: str, command: str, text: str = "") -> list[str]:
        """What the person sees in reply to a slash command (only they see it), and what the
        command's after-ack work answered them."""
        since = len(self.fake.calls)
        reply = self.slack.command(command, text, user=user).json() or {}
        call = Call(
            "chat.postEphemeral",
            {"channel": "C0GENERAL", "user": user, **reply},
            None,
            True,
            None,
            {},
        )
        shown = describe(call).splitlines()[1:] if reply else []
        self.settle()
        later = [c for c in self.fake.calls[since:] if c.method == "response_url"]
        return shown + [line for c in later for line in describe(c).splitlines()[1:]]

    @contextmanager
    def watching(self, *methods: str) -> Iterator[list[str]]:
        """What reaches people through `methods` while the block runs, once it has all arrived:
        person by person in the cast's order (a channel's thread in its order), each labelled."""
        since, seen = len(self.fake.calls), []
        yield seen
        self.settle()
        calls = [c for c in self.fake.calls[since:] if c.method in methods]
        for who, call in sorted(((self.who(c), c) for c in calls), key=self._order(calls)):
            if who in self.cast:
                seen.append(f"[{self.cast[who]} · {call.method}]")
            seen += describe(call).splitlines()

    def _order(self, calls: list[Call]) -> Callable[[tuple[str, Call]], tuple[int, int, str]]:
        """Person by person in the cast's order; a thread's replies in the order they were
        posted (the courier keeps it), after the messages not in a thread, which may arrive in
        any order and are shown by what they say."""
        cast = list(self.cast)

        def key(wc: tuple[str, Call]) -> tuple[int, int, str]:
            who, call = wc
            place = cast.index(who) if who in cast else len(cast)
            if call.args.get("thread_ts"):
                return place, 1, f"{calls.index(call):06d}"
            return place, 0, describe(call)

        return key

    def who(self, call: Call) -> str:
        """The person or channel a call reached (a DM's channel is its person)."""
        a = call.args
        who = str(
            a.get("user_id") or a.get("user") or a.get("channel") or a.get("channel_id") or ""
        )
        return who[1:] if who.startswith("D") and who[1:] in self.cast else who

    def settle(self, timeout: float = 10.0) -> None:
        """Until the after-ack work of the commands and clicks so far is done, the courier finds
        nothing due to deliver, and Slack has heard nothing new since the last look."""
        deadline = time.monotonic() + timeout
        count = -1
        while time.monotonic() < deadline:
            idle = self.bot.worker.idle()
            delivered = self.bot.courier.drain().delivered
            if idle and not delivered and len(self.fake.calls) == count:
                return
            count = len(self.fake.calls)
            time.sleep(SETTLE)

    def form(self, user: str, command: str, text: str = "") -> dict[str, Any]:
        """The form a slash command opens, once it has."""
        before = len(self.fake.calls_to("views.open"))
        self.slack.command(command, text, user=user)
        return self.slack.wait_for("views.open", before + 1)[-1].args["view"]


def task(st: Stage, name: str, caption: str) -> None:
    """Run one of the timetable's tasks now and show what it sent, person by person."""
    with st.watching(*POSTED) as seen:
        run_task(TASKS[name], st.clock.now(), st.bot.tasks())
    st.scene(caption, seen)


def only(st: Stage, seen: list[str], user: str) -> list[str]:
    """One person's messages among what was watched."""
    out, mine = [], False
    for line in seen:
        if line.startswith("[") and " · " in line:
            mine = line.startswith(f"[{st.cast[user]} ·")
        if mine:
            out.append(line)
    return out
