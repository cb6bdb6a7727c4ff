"""Taking someone off the team: whoever must reassign their clients hears which, once."""

from __future__ import annotations

from datetime import datetime

import pytest
from click.testing import CliRunner
from sqlmodel import select

from bot.cli import main
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import Member, OutboxMessage
from tests.conftest import ADMIN, SH, TEAM, World, wait_until


def test_removing_an_ae_tells_their_manager_which_clients_have_no_owner(world: World) -> None:
    r = world.slack.command("/aebot", "team remove <@U0AE1|sun>", user=ADMIN)
    assert r.json()["text"] == (
        "已将 <@U0AE1> 移出团队。名下 2 个客户现在没有负责人，已通知 <@U0AM1> 重新指定。"
    )
    assert wait_until(lambda: len(world.fake.dms("U0AM1")) == 1)
    [dm] = world.fake.dms("U0AM1")
    body = "\n".join(b["text"]["text"] for b in dm["blocks"])
    assert dm["text"].startswith("<@U0ADMIN> 已将 <@U0AE1> 移出团队。以下 2 个客户现在没有负责人")
    assert "可口可乐 (上海-202611-可口可乐-001)" in body and "Nike (" in body
    assert "/client reassign" in body
    with world.bot.db.read() as s:
        assert queries.get_member(s, TEAM, "U0AE1") is None
        aae = queries.get_member(s, TEAM, "U0AAE")
    assert aae is not None and aae.manager_id == "U0AM1"  # reports move up a level
    run_task(TASKS["contact-nudge"], datetime(2026, 11, 23, 9, 30, tzinfo=SH), world.tasks)
    assert world.fake.dms("U0AE1") == []
    assert len(world.fake.dms("U0AM1")) == 1  # told once, not again by the tasks


def test_only_admins_remove_and_unknown_people_change_nothing(world: World) -> None:
    r = world.slack.command("/aebot", "team remove <@U0AE2|li>", user="U0AM1")
    assert r.json()["text"] == "只有管理员可以把同事移出团队。"
    r = world.slack.command("/aebot", "team remove <@U0NOBODY|x>", user=ADMIN)
    assert r.json()["text"] == "<@U0NOBODY> 不在团队名单里，没有做任何改动。"
    r = world.slack.command("/aebot", "team remove li", user=ADMIN)
    assert r.json()["text"] == "用法：`/aebot team remove @同事`"
    with world.bot.db.read() as s:
        assert len(s.exec(select(Member)).all()) == 5
    assert world.fake.calls_to("chat.postMessage") == []


def test_without_a_manager_every_admin_is_told(world: World) -> None:
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0AE2", datetime(2026, 11, 2, tzinfo=SH), manager_id=None)
    r = world.slack.command("/aebot", "team remove <@U0AE2|li>", user=ADMIN)
    assert "已通知 <@U0ADMIN> 重新指定" in r.json()["text"]
    assert wait_until(lambda: len(world.fake.dms(ADMIN)) == 1)
    assert "Coca Cola Bottling" in world.fake.dms(ADMIN)[0]["blocks"][0]["text"]["text"]


def test_aebot_team_remove_tells_the_manager_too(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", world.bot.settings.database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", world.fake.token)
    monkeypatch.setenv("SLACK_API_URL", world.fake.url)
    monkeypatch.setenv("AEBOT_ADMINS", ADMIN)
    runner = CliRunner()
    r = runner.invoke(main, ["team", "remove", "U0AE2", "--team", TEAM])
    assert r.exit_code == 0, r.output
    assert r.output == (
        "U0AE2 removed; 1 client has no owner now; told U0AM1 "
        "(delivered 1, pending 0, failed 0, expired 0)\n"
    )
    [dm] = world.fake.dms("U0AM1")
    assert "Coca Cola Bottling" in dm["blocks"][0]["text"]["text"]
    again = runner.invoke(main, ["team", "remove", "U0AE2", "--team", TEAM])
    assert again.exit_code == 1 and "U0AE2 is not on the team of T0AEBOT" in again.output


def test_the_ownerless_notice_survives_a_slack_500_and_arrives_once(world: World) -> None:
    world.bot.courier.backoff = 0.05
    world.fake.inject("chat.postMessage", "http500", times=1, channels=["U0AM1"])
    world.slack.command("/aebot", "team remove <@U0AE1|sun>", user=ADMIN)
    assert wait_until(lambda: len(world.fake.dms("U0AM1")) == 1)

    def statuses() -> list[str]:
        with world.bot.db.read() as s:
            return [r.status for r in s.exec(select(OutboxMessage))]

    assert wait_until(lambda: statuses() == ["delivered"])  # nothing left to send again
    assert len(world.fake.dms("U0AM1")) == 1
    assert [c.status for c in world.fake.calls_to("chat.postMessage")] == [500, 200]
