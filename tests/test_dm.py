"""DMs to aebot (issue 18): its Messages tab is on, so a message written there is answered
with short help in the reader's language; only a person's own message, once however often
Slack delivers it; an outsider gets the door's one line."""

from __future__ import annotations

from sqlmodel import select

from storage.models import OutboxMessage
from tests.conftest import ADMIN, World, wait_until

OUTSIDER = "U0OUTSIDER"


def settle(world: World) -> None:
    """Every piece of after-ack work has run (the fixture closes the bot again, harmlessly)."""
    world.bot.worker.shutdown(wait=True)


def answers(world: World, user: str) -> list[str]:
    return [m["text"] for m in world.fake.dms(user)]


def test_a_members_dm_is_answered_with_help_in_their_language_once(world: World) -> None:
    r = world.slack.dm("你好，怎么记录拜访？", ts="1700000001.000100")
    assert (r.status_code, r.text) == (200, "")
    again = world.slack.dm("你好，怎么记录拜访？", ts="1700000001.000100", retry=1)
    assert again.status_code == 200  # Slack delivering the same event again
    world.slack.dm("hello?", user="U0AE2", ts="1700000002.000100")
    assert wait_until(lambda: answers(world, "U0AE1") and answers(world, "U0AE2"))
    settle(world)
    [zh] = answers(world, "U0AE1")
    assert zh.startswith("aebot 用斜杠命令工作，在这里或任何频道的输入框里输入 `/` 就能用：")
    assert "`/contact 客户 摘要` 记一次联络" in zh
    [en] = answers(world, "U0AE2")
    assert en.startswith("aebot works by slash commands: type `/` here or in any channel.")
    with world.bot.db.read() as s:
        assert len(s.exec(select(OutboxMessage)).all()) == 2  # one answer per message


def test_a_dm_that_comes_as_the_process_stops_is_answered_and_nothing_says_it_failed(
    world: World,
) -> None:
    world.bot.worker.shutdown(wait=True)  # stopping: what is handed over now runs in place
    world.slack.dm("你好", ts="1700000005.000100")
    assert wait_until(lambda: answers(world, "U0AE1"))
    [zh] = answers(world, "U0AE1")  # the help, delivered; not "sorry, nothing was saved"
    assert zh.startswith("aebot 用斜杠命令工作")
    assert wait_until(lambda: statuses(world) == ["delivered"]), statuses(world)


def statuses(world: World) -> list[str]:
    with world.bot.db.read() as s:
        return [m.status for m in s.exec(select(OutboxMessage))]


def test_only_a_persons_own_message_is_answered(world: World) -> None:
    """aebot's own messages come back as events too: answering them would never end."""
    world.slack.dm("联络报告提醒", user=world.fake.bot_user_id, bot_id="B0AEBOT")
    world.slack.dm("from another app", bot_id="B0OTHER")
    world.slack.dm("edited", subtype="message_changed")
    world.slack.dm("gone", subtype="message_deleted")
    world.slack.dm("", subtype="channel_join")
    world.slack.dm("真正的问题")
    assert wait_until(lambda: answers(world, "U0AE1"))
    settle(world)
    assert len(answers(world, "U0AE1")) == 1
    assert [c.args["channel"] for c in world.fake.calls_to("chat.postMessage")] == ["U0AE1"]


def test_an_outsider_gets_the_one_line_once_and_an_admin_the_first_steps(world: World) -> None:
    world.slack.dm("hi", user=OUTSIDER, ts="1700000003.000100")
    world.slack.dm("hi", user=OUTSIDER, ts="1700000003.000100", retry=2)
    world.slack.dm("我该做什么？", user=ADMIN, ts="1700000004.000100")
    assert wait_until(lambda: answers(world, OUTSIDER) and answers(world, ADMIN))
    settle(world)
    assert answers(world, OUTSIDER) == [
        f"aebot 只为客户部的同事服务。如需使用，请联系管理员：<@{ADMIN}>。"
    ]
    [admin] = answers(world, ADMIN)
    assert "你是管理员，但还不在团队名单里" in admin
    assert "`/aebot team add @同事 ae manager @主管`" in admin


def test_when_slack_refuses_the_answer_it_is_retried_not_lost(world: World) -> None:
    world.fake.inject("chat.postMessage", "http500")
    world.slack.dm("在吗", ts="1700000005.000100")
    assert wait_until(lambda: answers(world, "U0AE1"), timeout=10)
    settle(world)
    assert len(answers(world, "U0AE1")) == 1
    with world.bot.db.read() as s:
        [row] = s.exec(select(OutboxMessage)).all()
    assert row.status == "delivered" and row.attempts == 2
