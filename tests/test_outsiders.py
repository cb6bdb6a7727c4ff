"""Nothing for outsiders (issue 17, section 3): every command, button, form and the App Home is
for the team's members and the admins. Anyone else in the workspace gets one line saying whom to
ask, and nothing else is sent or stored. The commands, buttons and forms walked are read from
the Bolt app `create_app` builds, so a listener added later is walked too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from slack_bolt import App
from sqlalchemy import func
from sqlmodel import SQLModel, select

from bot.app import Bot, create_app
from bot.clock import FixedClock
from bot.server import BackgroundServer
from bot.settings import load_settings
from sandbox.driver import SlackDriver
from sandbox.fake_slack import FakeSlack
from storage import agenda, queries
from storage.models import Client
from tests.conftest import ADMIN, MONDAY_10, SECRET, TEAM, World, seed
from tests.messages import text_of
from tests.test_jobs import all_jobs, file_job

ROOT = Path(__file__).parent.parent
OUTSIDER = "U0OUTSIDER"
LINE_ZH = f"aebot 只为客户部的同事服务。如需使用，请联系管理员：<@{ADMIN}>。"
LINE_EN_NO_ADMINS = (
    "aebot serves the account department only. To use it, ask whoever installed aebot in this "
    "workspace."
)
# what an outsider might type after each command: nothing, help, and the sub-commands that
# would show clients, jobs, money or whereabouts
TYPED = ("", "help", "list all", "show CR-202611-01", "who", "receivable list", "Nike 提案")


def registered(app: App) -> dict[str, list[str]]:
    """What the app listens to, read from its listeners: commands, action ids, view callback
    ids and events."""
    keys = {"command": "command", "action": "action", "view_submission": "view", "event": "event"}
    found: dict[str, list[str]] = {v: [] for v in keys.values()}
    for listener in app._listeners:
        for matcher in listener.matchers:
            fn = getattr(matcher, "func", None)
            kind = keys.get(getattr(fn, "__qualname__", "").split(".")[0])
            if fn is None or kind is None:
                continue
            cells = [c.cell_contents for c in fn.__closure__ or ()]
            found[kind] += [c for c in cells if isinstance(c, str)]
    return found


def manifest_commands() -> list[str]:
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    return [c["command"] for c in manifest["features"]["slash_commands"]]


def rows(world: World) -> dict[str, int]:
    """How many rows each table holds."""
    with world.bot.db.read() as s:
        return {
            t.name: s.exec(select(func.count()).select_from(t)).one()
            for t in SQLModel.metadata.sorted_tables
        }


def settle(world: World) -> None:
    """Every piece of after-ack work has run (the fixture closes the bot again, harmlessly)."""
    world.bot.worker.shutdown(wait=True)


def test_every_command_button_and_form_gives_an_outsider_one_line_and_nothing_else(
    world: World,
) -> None:
    listening = registered(create_app(world.bot))
    assert set(manifest_commands()) == set(listening["command"])
    assert len(listening["action"]) >= 15 and len(listening["view"]) >= 7  # read, not guessed
    world.slack.command("/contact", "Nike 约了下周提案", user="U0AE1")  # something to protect
    before = rows(world)
    world.fake.reset()

    for command in listening["command"]:
        for typed in TYPED:
            r = world.slack.command(command, typed, user=OUTSIDER)
            assert r.status_code == 200
            assert r.json() == {"text": LINE_ZH, "response_type": "ephemeral"}, (command, typed)
    for i, action in enumerate(listening["action"]):
        r = world.slack.click(action, "1", user=OUTSIDER, key=f"click-{i}")
        assert (r.status_code, r.text) == (200, ""), action
    for callback in listening["view"]:
        view = {
            "type": "modal",
            "callback_id": callback,
            "private_metadata": "{}",
            "blocks": [
                {
                    "type": "input",
                    "block_id": "first",
                    "element": {"type": "plain_text_input", "action_id": "value"},
                },
                {
                    "type": "input",
                    "block_id": "second",
                    "element": {"type": "plain_text_input", "action_id": "value"},
                },
            ],
        }
        r = world.slack.submit(view, {"first": "x", "second": "y"}, user=OUTSIDER)
        assert r.json() == {"response_action": "errors", "errors": {"first": LINE_ZH}}, callback
    settle(world)

    answers = world.fake.calls_to("response_url")
    assert sorted(c.args["text"] for c in answers) == [LINE_ZH] * len(listening["action"])
    assert all(c.args.get("response_type") == "ephemeral" for c in answers)
    assert [c.method for c in world.fake.calls if c.method != "response_url"] == []  # no DM
    assert world.fake.messages() == [] and world.fake.views() == []
    assert rows(world) == before


def test_an_outsiders_app_home_holds_only_the_line(world: World) -> None:
    world.slack.home_opened(OUTSIDER)
    world.slack.wait_for("views.publish")
    settle(world)
    home = world.fake.home_view(OUTSIDER)
    assert home is not None and text_of(home) == LINE_ZH
    assert len(home["blocks"]) == 1
    assert [c.method for c in world.fake.calls if c.method != "auth.test"] == ["views.publish"]
    with world.bot.db.read() as s:
        assert queries.get_member(s, TEAM, OUTSIDER) is None


def test_an_admin_not_on_the_team_is_let_through(world: World) -> None:
    with world.bot.db.read() as s:
        assert queries.get_member(s, TEAM, ADMIN) is None
    listed = world.slack.command("/client", "list all", user=ADMIN).json()
    assert listed["text"] == "团队全部客户（3 个）："
    assert "Coca Cola Bottling" in text_of(listed)
    team = world.slack.command("/aebot", "team", user=ADMIN).json()
    assert "Sun AE" in text_of(team)
    world.slack.home_opened(ADMIN)
    world.slack.wait_for("views.publish")
    home = world.fake.home_view(ADMIN)
    assert home is not None and LINE_ZH not in text_of(home)
    assert text_of(home).startswith("你是管理员，但不在团队名单里")  # their Home, with the note


def test_jobs_clients_and_money_show_nothing_to_an_outsider(world: World) -> None:
    assert file_job(world) == {}
    [job] = all_jobs(world)
    with world.bot.db.write() as s:
        nike = s.exec(select(Client).where(Client.name == "Nike")).one()
        agenda.add_receivable(
            s, TEAM, nike.id or 0, "120000", date(2026, 7, 31), "", "U0AM1", MONDAY_10
        )
    member = world.slack.command("/job", f"show {job.number}", user="U0AE1").json()
    assert job.number in str(member)  # what the outsider would have read
    for command, typed in (
        ("/job", f"show {job.number}"),
        ("/job", "list"),
        ("/client", "list"),
        ("/client", "list all"),
        ("/aebot", "receivable list"),
        ("/out", "who"),
        ("/overtime", "report 2026-11"),
    ):
        said = world.slack.command(command, typed, user=OUTSIDER).json()
        assert said == {"text": LINE_ZH, "response_type": "ephemeral"}, (command, typed)
        assert "Nike" not in str(said) and job.number not in str(said)


def test_an_ae_sees_only_the_receivables_of_their_clients(world: World) -> None:
    with world.bot.db.write() as s:
        clients = {c.name: c for c in s.exec(select(Client).where(Client.team_id == TEAM))}
        for name in ("可口可乐", "Nike", "Coca Cola Bottling"):
            agenda.add_receivable(
                s, TEAM, clients[name].id or 0, "1000", date(2026, 7, 31), "", "U0AM1", MONDAY_10
            )
        clients["Nike"].backup_owner_id = "U0AE2"  # Li backs Sun up on Nike
        s.add(clients["Nike"])

    def listed(user: str) -> str:
        said = world.slack.command("/aebot", "receivable list", user=user).json()
        return text_of(said) or said["text"]

    sun, li, manager = listed("U0AE1"), listed("U0AE2"), listed("U0AM1")
    assert sun.splitlines()[0] == "你负责（或任后备负责人）的客户的未结应收账款（2）："
    assert "可口可乐" in sun and "Nike" in sun and "Coca Cola Bottling" not in sun
    assert li.splitlines()[0] == "Open receivables of the clients you own or back up (2):"
    assert "Coca Cola Bottling" in li and "Nike" in li and "可口可乐" not in li
    assert manager.splitlines()[0] == "未结应收账款（3）："
    assert listed(ADMIN).splitlines()[0] == "未结应收账款（3）："
    assert listed("U0AAE") == "你负责（或任后备负责人）的客户没有未结的应收账款。"


# --- in English, with no admins set ----------------------------------------------------------
@pytest.fixture
def english_world(fake: FakeSlack, db_url: str) -> Iterator[World]:
    """A workspace whose language is English and that has set no admins."""
    clock = FixedClock(MONDAY_10)
    settings = load_settings(
        slack_bot_token=fake.token,
        slack_signing_secret=SECRET,
        slack_api_url=fake.url,
        database_url=db_url,
        aebot_lang="en",
        aebot_admins="",
        _env_file=None,
    )
    bot = Bot.build(settings, clock)
    bot.home.delay = 0
    seed(bot)
    server = BackgroundServer(create_app(bot), bot.db).start()
    fake.reset()
    try:
        yield World(bot, clock, SlackDriver(server.url, SECRET, fake), fake)
    finally:
        server.stop()
        bot.close()


def test_in_english_with_no_admins_set_the_line_says_to_ask_whoever_installed_aebot(
    english_world: World,
) -> None:
    w = english_world
    said: dict[str, Any] = w.slack.command("/client", "list all", user=OUTSIDER).json()
    assert said == {"text": LINE_EN_NO_ADMINS, "response_type": "ephemeral"}
    assert w.slack.command("/client", "list all", user=ADMIN).json()["text"] == (
        LINE_EN_NO_ADMINS  # no admins set: U0ADMIN is nobody special here
    )
    w.slack.click("contact_undo", "1", user=OUTSIDER, key="undo")
    w.slack.home_opened(OUTSIDER)
    w.slack.wait_for("views.publish")
    settle(w)
    assert [c.args["text"] for c in w.fake.calls_to("response_url")] == [LINE_EN_NO_ADMINS]
    home = w.fake.home_view(OUTSIDER)
    assert home is not None and text_of(home) == LINE_EN_NO_ADMINS
    member = w.slack.command("/client", "list", user="U0AE2")  # a member still gets through
    assert member.json()["text"] != LINE_EN_NO_ADMINS


def test_when_slack_fails_the_line_still_reaches_the_outsider_and_nothing_else_does(
    world: World,
) -> None:
    world.fake.fail_next("response_url", "expired_url")  # the click's answer: then a DM
    world.fake.inject("views.publish", "http500")  # the Home: logged, nothing else sent
    world.slack.click("approval_approve", "1", user=OUTSIDER, key="approve")
    world.slack.home_opened(OUTSIDER)
    settle(world)
    assert [m["text"] for m in world.fake.dms(OUTSIDER)] == [LINE_ZH]
    assert world.fake.home_view(OUTSIDER) is None
    sent = [c.method for c in world.fake.calls if c.method not in ("auth.test", "views.publish")]
    assert sorted(sent) == ["chat.postMessage", "response_url"]
