"""Channel posts with a thread under them and a file in it, through the outbox: the replies
wait for their first message, go into its thread, and a lost answer is looked up in the
thread before anything is posted again; a file whose upload may have happened is never sent
twice, and an admin hears of it."""

from __future__ import annotations

import threading

from sqlmodel import select

from storage import outbox
from storage.models import OutboxMessage
from storage.outbox import wall
from tests.conftest import ADMIN, TEAM, World, wait_until

CHANNEL = "C0REPORT"


def post_thread(w: World, file_bytes: bytes = b"PK\x03\x04 xlsx") -> None:
    now = w.clock.now()
    messages = [
        outbox.Message(TEAM, "r:head", "report", CHANNEL, "周报 第48周", []),
        outbox.Message(TEAM, "r:U0AE1", "report", CHANNEL, "Sun AE", [], thread_of="r:head"),
        outbox.Message(TEAM, "r:U0AE2", "report", CHANNEL, "Li AE", [], thread_of="r:head"),
        outbox.Message(TEAM, "r:xlsx", "report-file", CHANNEL, "周报.xlsx", [],
                       thread_of="r:head", file_name="weekly.xlsx", file_bytes=file_bytes),
    ]  # fmt: skip
    with w.bot.db.write() as s:
        outbox.enqueue(s, [*messages[1:], messages[0]], now, wall())  # the replies stored first


def rows(w: World) -> dict[str, OutboxMessage]:
    with w.bot.db.read() as s:
        return {r.key: r for r in s.exec(select(OutboxMessage))}


def test_replies_and_the_file_go_in_the_thread_of_the_first_message(world: World) -> None:
    post_thread(world)
    world.bot.courier.drain()
    world.bot.courier.drain()  # the replies were waiting for the first message
    [head, *replies] = world.fake.messages(CHANNEL)
    assert head["text"] == "周报 第48周" and head.get("thread_ts") is None
    assert [m["text"] for m in replies] == ["Sun AE", "Li AE"]  # in the order they were queued
    assert {m["thread_ts"] for m in replies} == {head["ts"]}
    [f] = world.fake.files.values()
    assert (f["name"], f["thread_ts"], f["channels"]) == ("weekly.xlsx", head["ts"], [CHANNEL])
    assert world.fake.uploads[f["id"]] == b"PK\x03\x04 xlsx"
    assert {r.status for r in rows(world).values()} == {"delivered"}


def test_a_reply_whose_answer_was_lost_is_found_in_the_thread(world: World) -> None:
    world.bot.courier.backoff = 0.01
    post_thread(world)
    world.bot.courier.drain()
    world.fake.inject("chat.postMessage", "lost_answer", channels=[CHANNEL])
    world.bot.courier.drain(now_or_later=True)
    world.bot.courier.drain(now_or_later=True)
    assert len(world.fake.messages(CHANNEL)) == 3  # each once
    assert world.fake.calls_to("conversations.replies")
    assert {r.status for r in rows(world).values()} == {"delivered"}


def test_an_upload_that_may_have_happened_is_not_repeated_and_an_admin_hears(world: World) -> None:
    world.bot.courier.backoff = 0.01
    post_thread(world)
    world.fake.inject("files.completeUploadExternal", "lost_answer")
    world.bot.courier.drain()
    world.bot.courier.drain(now_or_later=True)
    assert len(world.fake.files) == 1  # the lost answer's upload happened, once
    file_row = rows(world)["r:xlsx"]
    assert (file_row.status, file_row.error) == ("failed", "upload outcome unknown (answer lost)")
    [notice] = world.fake.dms(ADMIN)
    assert "report-file" in notice["text"]


def test_a_channel_the_bot_is_not_in_is_told_to_an_admin_once(world: World) -> None:
    world.fake.fail_next("chat.postMessage", "not_in_channel")
    post_thread(world)
    world.bot.courier.drain()
    world.bot.courier.drain(now_or_later=True)
    by_key = rows(world)
    assert by_key["r:head"].status == "failed" and by_key["r:head"].error == "not_in_channel"
    assert {by_key[k].status for k in ("r:U0AE1", "r:U0AE2", "r:xlsx")} == {"pending"}
    [notice] = world.fake.dms(ADMIN)
    assert "not_in_channel" in notice["text"]
    world.bot.courier.drain(now_or_later=True)
    assert len(world.fake.dms(ADMIN)) == 1  # once


def test_a_persons_dms_arrive_in_the_order_queued_while_others_go_side_by_side(
    world: World,
) -> None:
    with world.bot.db.write() as s:
        outbox.enqueue(
            s,
            [
                *(
                    outbox.Message(TEAM, f"step:{n}", "job-step", "U0AE1", f"第{n}步", [])
                    for n in (1, 2, 3)
                ),
                outbox.Message(TEAM, "other", "job-step", "U0AE2", "别人的", []),
            ],
            world.clock.now(),
            wall(),
        )
    world.fake.inject("chat.postMessage", "hang", channels=["U0AE1"], seconds=15)
    drain = threading.Thread(target=world.bot.courier.drain)
    drain.start()
    try:  # the first step hangs; the other person's DM goes meanwhile, in its own lane
        assert wait_until(lambda: len(world.fake.dms("U0AE2")) == 1 and world.fake.held() == 1)
    finally:
        world.fake.release()
        drain.join(10)
    assert [m["text"] for m in world.fake.dms("U0AE1")] == ["第1步", "第2步", "第3步"]
    assert {r.status for r in rows(world).values()} == {"delivered"}
