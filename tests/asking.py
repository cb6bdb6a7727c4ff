"""Asking aebot for approval in the tests of every form kind: a `/aebot` command as someone
types it, the requests stored, the outbox, and a person's DMs once delivered."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from storage.models import Approval, OutboxMessage
from tests.conftest import World, wait_until


def say(w: World, text: str, user: str = "U0AE1") -> str:
    """`/aebot <text>` from `user`: what aebot answered, only to them, once what it set going
    is done (the approver has the DM a test clicks, as a person clicks the DM they received)."""
    answer = str(w.slack.command("/aebot", text, user=user).json()["text"])
    assert wait_until(w.bot.worker.idle)
    return answer


def requests(w: World) -> list[Approval]:
    """Every request stored, in the order filed."""
    with w.bot.db.read() as s:
        return list(s.exec(select(Approval).order_by(col(Approval.id))))


def outbox_rows(w: World) -> list[OutboxMessage]:
    with w.bot.db.read() as s:
        return list(s.exec(select(OutboxMessage)))


def dms(w: World, user: str, n: int) -> list[dict[str, Any]]:
    """The DMs `user` has, once there are `n` and the outbox knows each was delivered (a click
    on one redraws what the outbox knows is out)."""
    assert wait_until(lambda: len(w.fake.dms(user)) >= n), w.fake.dms(user)
    assert wait_until(lambda: all(m.status == "delivered" for m in outbox_rows(w)))
    return w.fake.dms(user)
