"""`/client` and `/aebot` through Slack; CSV imports through the library functions."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from storage.imports import import_clients, import_team
from storage.models import Client, Member
from tests.conftest import ADMIN, CLIENT_ROWS, SH, TEAM, TEAM_ROWS, World, wait_until


def clients(w: World) -> dict[str, Client]:
    with w.bot.db.read() as s:
        return {c.name: c for c in s.exec(select(Client))}


def test_client_list_shows_mine_with_codes(world: World) -> None:
    r = world.slack.command("/client", "")
    text = str(r.json()["blocks"])
    assert "你负责的客户（2 个）" in text
    assert "上海-202611-可口可乐-001" in text and "Beijing-202611-Nike-002" in text
    assert "Coca Cola Bottling" not in text


def test_client_list_all_and_none(world: World) -> None:
    assert "（3 个）" in world.slack.command("/client", "list all").json()["text"]
    assert "no clients yet" in world.slack.command("/client", "", user="U0AD1").json()[
        "text"
    ].replace("你还没有负责的客户", "no clients yet")


def test_client_add_modal_creates_the_next_code(world: World) -> None:
    world.slack.command("/client", "add")
    view = world.slack.wait_for("views.open")[0].args["view"]
    r = world.slack.submit(
        view, {"name": "百事可乐", "city": "上海", "in_city": "false", "contact_person": "刘总"}
    )
    assert r.status_code == 200 and r.text == ""
    [eph] = world.slack.wait_for("chat.postEphemeral")
    c = clients(world)["百事可乐"]
    assert c.code == "上海-202611-百事可乐-004" and c.cadence_days == 3 and c.owner_id == "U0AE1"
    assert "上海-202611-百事可乐-004" in eph.args["blocks"][0]["text"]["text"]


def test_client_add_refuses_a_duplicate_name_and_empty_city(world: World) -> None:
    world.slack.command("/client", "add")
    view = world.slack.wait_for("views.open")[0].args["view"]
    r = world.slack.submit(view, {"name": " nike ", "city": " ", "in_city": "true"})
    errors = r.json()["errors"]
    assert "Beijing-202611-Nike-002" in errors["name"] and "城市" in errors["city"]
    assert len(clients(world)) == 3


def test_client_edit_and_permissions(world: World) -> None:
    assert "只有负责人" in world.slack.command("/client", "edit Nike", user="U0AE2").json()[
        "text"
    ].replace("Only the owner", "只有负责人")
    world.slack.command("/client", "edit Nike")
    view = world.slack.wait_for("views.open")[0].args["view"]
    world.slack.submit(view, {"contact_person": "Mr Wu", "cadence": "5"})
    world.slack.wait_for("chat.postEphemeral")
    nike = clients(world)["Nike"]
    assert (nike.contact_person, nike.cadence_days, nike.code) == (
        "Mr Wu",
        5,
        "Beijing-202611-Nike-002",
    )


def test_reassign_by_manager_only(world: World) -> None:
    r = world.slack.command("/client", "reassign Nike <@U0AE2|li>", user="U0AE2")
    assert "owner's manager or an admin" in r.json()["text"]
    assert clients(world)["Nike"].owner_id == "U0AE1"
    r = world.slack.command("/client", "reassign Nike <@U0AE2|li>", user="U0AM1")
    assert "<@U0AE2>" in r.json()["text"] and clients(world)["Nike"].owner_id == "U0AE2"
    [dm] = world.slack.wait_for("chat.postMessage")
    assert dm.args["channel"] == "U0AE2" and "<@U0AM1> has handed client *Nike*" in dm.args["text"]
    r = world.slack.command("/client", "reassign Nike", user="U0AM1")
    assert "/client reassign" in r.json()["text"]


def test_unknown_and_ambiguous_client_names(world: World) -> None:
    assert "找不到客户“百事”" in world.slack.command("/client", "edit 百事").json()["text"]
    r = world.slack.command("/client", "edit 可乐", user=ADMIN)
    assert "“可乐”可能是：可口可乐 (上海-202611-可口可乐-001)" in r.json()["text"]


def test_team_org_chart(world: World) -> None:
    text = str(world.slack.command("/aebot", "team").json()["blocks"])
    assert "团队架构（5 人）" in text
    assert (
        text.index("Zhao AD")
        < text.index("Qian AM")
        < text.index("Sun AE")
        < text.index("Zhou AAE")
    )


def test_role_is_admin_only(world: World) -> None:
    assert "只有管理员" in world.slack.command("/aebot", "role <@U0AE2|li> am").json()["text"]
    r = world.slack.command("/aebot", "role <@U0AE2|li> am", user=ADMIN)
    assert "<@U0AE2>" in r.json()["text"]
    with world.bot.db.read() as s:
        m = s.exec(select(Member).where(Member.user_id == "U0AE2")).one()
    assert m.role == "am"
    usage = world.slack.command("/aebot", "role <@U0AE2|li> boss", user=ADMIN).json()["text"]
    assert (
        "角色：`aae` 助理客户执行（AAE）、`ae` 客户执行（AE）、`am` 客户经理（AM）" in usage
    )  # in zh


def test_language_setting_switches_replies(world: World) -> None:
    assert "English" in world.slack.command("/aebot", "language en").json()["text"]
    assert "client contact log" in world.slack.command("/contact", "help").json()["text"]
    assert "zh" in world.slack.command("/aebot", "language klingon").json()["text"]


def test_member_without_a_language_gets_their_slack_locale(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the fake lives for the session: its user is put back after this test
    monkeypatch.setitem(world.fake.users, "U0AAE", {"locale": "en-US"})
    assert "联络记录" in world.slack.command("/contact", "help", user="U0AAE").json()["text"]
    world.slack.command(
        "/client", "help", user="U0AAE"
    )  # before the answer is stored: not asked again
    [info] = world.slack.wait_for("users.info")
    assert info.args["user"] == "U0AAE" and str(info.args["include_locale"]).lower() in (
        "true",
        "1",
    )

    def stored() -> bool:  # the locale is stored after the first request's ack
        with world.bot.db.read() as s:
            return s.exec(select(Member.slack_locale).where(Member.user_id == "U0AAE")).one() == (
                "en-US"
            )

    assert wait_until(stored)
    assert (
        "client contact log" in world.slack.command("/contact", "help", user="U0AAE").json()["text"]
    )
    assert len(world.fake.calls_to("users.info")) == 1


def test_home_tab_shows_due_clients_and_recent_contacts(world: World) -> None:
    world.slack.home_opened()
    [first] = world.slack.wait_for("views.publish")
    text = str(first.args["view"]["blocks"])
    assert first.args["user_id"] == "U0AE1"
    assert "Nike" in text and "最近 10 条联络记录" in text and "还没有联络记录" in text
    world.slack.command("/contact", "可口可乐 早上沟通")
    second = world.slack.wait_for("views.publish", 2)[1]  # redrawn after the log
    assert "早上沟通" in str(second.args["view"]["blocks"])


def test_reimport_updates_never_duplicates(world: World) -> None:
    rows = [dict(r) for r in TEAM_ROWS]
    rows[2]["name"] = "Sun Wukong"
    now = datetime(2026, 11, 23, 10, tzinfo=SH)
    with world.bot.db.write() as s:
        res = import_team(s, TEAM, rows, now)
        res2 = import_clients(
            s, TEAM, CLIENT_ROWS + [{**CLIENT_ROWS[0], "name": "x", "in_city": "maybe"}], now
        )
    assert (res.created, res.updated, res.unchanged) == (0, 1, 4)  # only what changed
    assert (res2.created, res2.updated, res2.unchanged, len(res2.errors)) == (0, 0, 3, 1)
    assert "in_city 'maybe'" in res2.errors[0]
    with world.bot.db.read() as s:
        assert len(s.exec(select(Member)).all()) == 5 and len(s.exec(select(Client)).all()) == 3
