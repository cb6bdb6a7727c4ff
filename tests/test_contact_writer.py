"""New contacts written in shared transactions: all stored exactly as given, each with its own
id; a contact the database refuses, or whose turn does not come in time, is not stored and the
request knows it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from storage.contact_writer import ContactWriter, NewContact, NotSaved
from storage.db import Database
from storage.models import Client, ContactLog
from tests.conftest import MONDAY_10, TEAM, World, hold_write_lock, wait_until


def contact(client_id: int, summary: str, minutes: int = 0) -> NewContact:
    at = MONDAY_10 - timedelta(minutes=minutes)
    return NewContact(
        team_id=TEAM, author_id="U0AE1", client_id=client_id, kind="visit", at=at,
        summary=summary, next_steps="寄样品", follow_up_on=None, report_due=True,
        created_at=MONDAY_10, updated_at=MONDAY_10,
    )  # fmt: skip


def stored(db: Database) -> list[ContactLog]:
    with db.read() as s:
        return list(s.exec(select(ContactLog).order_by(ContactLog.id)))


def nike(db: Database) -> int:
    with db.read() as s:
        return int(s.exec(select(Client.id).where(Client.name == "Nike")).one())


def test_many_at_once_are_all_stored_as_given_each_with_its_id(world: World) -> None:
    db, client = world.bot.db, nike(world.bot.db)
    writer = ContactWriter(db)
    given = [contact(client, f"第{i}次 🎯", minutes=i) for i in range(40)]
    with ThreadPoolExecutor(20) as pool:
        back = list(pool.map(writer.add, given))
    assert len({c.id for c in back}) == 40
    rows = {r.id: r for r in stored(db)}
    assert len(rows) == 40
    for c in back:
        row = rows[c.id]
        assert (row.summary, row.at, row.kind, row.report_due, row.next_steps) == (
            c.summary, c.at, "visit", True, "寄样品",
        )  # fmt: skip
        assert row.at.utcoffset() == timedelta(0) and row.created_at == MONDAY_10


def test_a_contact_the_database_refuses_is_not_saved(world: World) -> None:
    writer = ContactWriter(world.bot.db)
    with pytest.raises(NotSaved):
        writer.add(contact(999_999, "no such client"))  # the foreign key refuses it
    assert stored(world.bot.db) == []
    assert writer.add(contact(nike(world.bot.db), "next one")).id  # the writer carries on


def test_a_contact_whose_turn_does_not_come_in_time_is_never_stored(world: World) -> None:
    db, client = world.bot.db, nike(world.bot.db)
    writer = ContactWriter(db)
    release, holder = hold_write_lock(db)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(writer.add, contact(client, "writing, held up by the lock"))
        assert wait_until(writer._writing.locked)  # the first has the turn, held up by the lock
        with pytest.raises(NotSaved):
            writer.add(contact(client, "gave up waiting"), timeout=0.2)
        release.set()
        holder.join()
        assert first.result(timeout=20).id
    assert [r.summary for r in stored(db)] == ["writing, held up by the lock"]


def test_the_quick_path_says_plainly_that_nothing_was_saved(world: World) -> None:
    world.bot.writer.wait = 0.2  # instead of Slack's 2 of its 3 seconds
    release, holder = hold_write_lock(world.bot.db)
    try:
        blocker = threading.Thread(target=world.slack.command, args=("/contact", "Nike 先到的"))
        blocker.start()
        assert wait_until(world.bot.writer._writing.locked)
        r = world.slack.command("/contact", "Nike 后到的", user="U0AE2")
        assert "this contact was *not* saved" in r.json()["text"]
        # the first gives up at its own deadline too, while the lock is still held (released
        # before it has, on a busy machine its late give-up raced the release and it was stored)
        blocker.join(timeout=10)
        assert not blocker.is_alive()
    finally:
        release.set()
        holder.join()
        blocker.join()
    assert stored(world.bot.db) == []


def test_contacts_written_later_keep_their_own_time(world: World) -> None:
    writer = ContactWriter(world.bot.db)
    when = datetime(2026, 11, 20, 15, 0, tzinfo=MONDAY_10.tzinfo)
    c = contact(nike(world.bot.db), "上周五拜访")
    c.at = when
    writer.add(c)
    assert stored(world.bot.db)[0].at == when
