"""`/contact` end to end: signed requests in, fake Slack out, rows in the database."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import select

from storage import queries
from storage.models import Client, ContactLog, Member
from tests.conftest import SH, TEAM, World, wait_until


def contacts(w: World) -> list[ContactLog]:
    with w.bot.db.read() as s:
        return list(s.exec(select(ContactLog).order_by(ContactLog.id)))


def client_named(w: World, name: str) -> Client:
    with w.bot.db.read() as s:
        return s.exec(select(Client).where(Client.name == name)).one()


def test_quick_path_logs_a_call_now_and_confirms_with_edit_and_undo(world: World) -> None:
    r = world.slack.command("/contact", "可口可乐 确认了双十二方案，下周出稿")
    assert r.status_code == 200
    body = r.json()
    assert body["response_type"] == "ephemeral"
    text = body["blocks"][0]["text"]["text"]
    assert "已记录" in text and "可口可乐" in text and "上海-202611-可口可乐-001" in text
    assert "11月23日 10:00" in text and "电话" in text
    assert "> 确认了双十二方案，下周出稿" in text
    buttons = [
        e["action_id"] for b in body["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert buttons == ["contact_edit", "contact_undo"]
    [log] = contacts(world)
    assert (log.kind, log.author_id, log.summary) == ("call", "U0AE1", "确认了双十二方案，下周出稿")
    assert log.at == datetime(2026, 11, 23, 10, 0, tzinfo=SH)
    assert log.at.tzinfo is not None and log.report_due is False


def test_quick_path_in_english_for_an_english_member(world: World) -> None:
    r = world.slack.command("/contact", "coca cola bottling agreed the Q1 plan", user="U0AE2")
    text = r.json()["blocks"][0]["text"]["text"]
    assert text.startswith("Logged: call with *Coca Cola Bottling*")
    assert "at Mon 23 Nov 10:00." in text and "周一" not in text
    assert contacts(world)[0].summary == "agreed the Q1 plan"


def test_unknown_client_opens_the_modal_prefilled_and_says_why(world: World) -> None:
    r = world.slack.command("/contact", "百事可乐 聊了一下")
    assert r.status_code == 200 and r.text == ""
    [call] = world.slack.wait_for("views.open")
    view = call.args["view"]
    assert view["blocks"][0]["text"]["text"] == (
        "找不到客户“百事可乐”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。"
    )
    summary = next(b for b in view["blocks"] if b.get("block_id") == "summary")
    assert summary["element"]["initial_value"] == "聊了一下"
    assert contacts(world) == []


def test_ambiguous_prefix_lists_candidates_never_guesses(world: World) -> None:
    with world.bot.db.write() as s:
        queries.insert_client(
            s,
            "T0AEBOT",
            name="Nikon",
            city="Tokyo",
            in_city=False,
            owner_id="U0AE1",
            created_local=datetime(2026, 11, 20, 9, tzinfo=SH),
        )
    world.slack.command("/contact", "Nik talked", user="U0AE2")
    [call] = world.slack.wait_for("views.open")
    notice = call.args["view"]["blocks"][0]["text"]["text"]
    assert notice == (
        "“Nik” could be: Nike (Beijing-202611-Nike-002), Nikon (Tokyo-202611-Nikon-004). "
        "Please give the full name or the code."
    )
    assert contacts(world) == []


def test_no_text_opens_an_empty_modal_and_submitting_logs_a_meeting(world: World) -> None:
    world.slack.command("/contact", "")
    [call] = world.slack.wait_for("views.open")
    view = call.args["view"]
    nike = client_named(world, "Nike")
    r = world.slack.submit(
        view,
        {
            "client": str(nike.id),
            "kind": "meeting",
            "when": "昨天下午3点",
            "summary": "季度复盘 <!channel>",
            "next_steps": "发会议纪要",
            "follow_up": "12月1日",
        },
    )
    assert r.status_code == 200 and r.text == ""
    [eph] = world.slack.wait_for("chat.postEphemeral")
    [log] = contacts(world)
    assert log.kind == "meeting" and log.report_due
    assert log.at == datetime(2026, 11, 22, 15, 0, tzinfo=SH)
    assert log.follow_up_on.isoformat() == "2026-12-01"
    text = "\n".join(
        b.get("text", {}).get("text", "") for b in eph.args["blocks"] if b["type"] == "section"
    )
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text
    assert "会议" in text and "11月22日 15:00" in text
    buttons = [
        e["action_id"] for b in eph.args["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert "contact_report_sent" in buttons


def test_modal_refuses_bad_date_empty_summary_and_future_time(world: World) -> None:
    world.slack.command("/contact", "")
    view = world.slack.wait_for("views.open")[0].args["view"]
    nike = client_named(world, "Nike")
    r = world.slack.submit(view, {"client": str(nike.id), "when": "香蕉", "summary": "   "})
    errors = r.json()["errors"]
    assert r.json()["response_action"] == "errors"
    assert "香蕉" in errors["when"] and "summary" in errors
    r = world.slack.submit(view, {"client": str(nike.id), "when": "明天下午3点", "summary": "x"})
    assert "还没到" in r.json()["errors"]["when"]
    assert contacts(world) == []


def test_undo_by_author_within_15_minutes_then_second_click_changes_nothing(world: World) -> None:
    world.slack.command("/contact", "Nike call about sizes")
    log = contacts(world)[0]
    world.clock.advance(timedelta(minutes=10))
    world.slack.click("contact_undo", str(log.id), key="u1")
    [resp] = world.slack.wait_for("response_url")
    assert resp.args["replace_original"] is True and "已撤销" in resp.args["text"]
    assert contacts(world)[0].deleted_at is not None
    world.slack.click("contact_undo", str(log.id), key="u2")
    second = world.slack.wait_for("response_url", 2)[1]
    assert "已经撤销过了" in second.args["text"] and second.args["replace_original"] is False


def test_undo_refused_for_someone_else_and_after_15_minutes(world: World) -> None:
    world.slack.command("/contact", "Nike call")
    log = contacts(world)[0]
    world.slack.click("contact_undo", str(log.id), user="U0AE2")
    assert "Only the person who logged" in world.slack.wait_for("response_url")[0].args["text"]
    world.clock.advance(timedelta(minutes=16))
    world.slack.click("contact_undo", str(log.id))
    assert "超过 15 分钟" in world.slack.wait_for("response_url", 2)[1].args["text"]
    assert contacts(world)[0].deleted_at is None


def test_edit_opens_prefilled_modal_and_saves_changes(world: World) -> None:
    world.slack.command("/contact", "Nike first draft")
    log = contacts(world)[0]
    world.slack.click("contact_edit", str(log.id))
    view = world.slack.wait_for("views.open")[0].args["view"]
    assert view["callback_id"] == "contact_edit_form"  # not the Edit button's action_id
    summary = next(b for b in view["blocks"] if b.get("block_id") == "summary")
    assert summary["element"]["initial_value"] == "first draft"
    world.slack.submit(view, {"summary": "final wording", "kind": "visit"})
    world.slack.wait_for("chat.postEphemeral")
    [saved] = contacts(world)
    assert (saved.summary, saved.kind, saved.report_due) == ("final wording", "visit", True)
    # an edit form opened before the rename (callback_id "contact_edit") still saves
    world.slack.submit({**view, "callback_id": "contact_edit"}, {"summary": "older form"})
    world.slack.wait_for("chat.postEphemeral", 2)
    assert contacts(world)[0].summary == "older form"


def test_report_sent_button_records_once(world: World) -> None:
    world.slack.command("/contact", "")
    view = world.slack.wait_for("views.open")[0].args["view"]
    nike = client_named(world, "Nike")
    world.slack.submit(view, {"client": str(nike.id), "kind": "visit", "summary": "店铺走访"})
    world.slack.wait_for("chat.postEphemeral")
    log = contacts(world)[0]
    world.slack.click("contact_report_sent", str(log.id), user="U0AE2")
    assert "Only the author" in world.slack.wait_for("response_url")[0].args["text"]
    world.slack.click("contact_report_sent", str(log.id))
    assert "联络报告" in world.slack.wait_for("response_url", 2)[1].args["text"]
    world.slack.click("contact_report_sent", str(log.id))
    assert "已于" in world.slack.wait_for("response_url", 3)[2].args["text"]
    assert contacts(world)[0].report_sent_at == datetime(2026, 11, 23, 10, 0, tzinfo=SH)


def test_ten_thousand_characters_are_not_stored_silently(world: World) -> None:
    world.slack.command("/contact", "Nike " + "长" * 10_000)
    view = world.slack.wait_for("views.open")[0].args["view"]
    assert "10000" in view["blocks"][0]["text"]["text"]
    assert contacts(world) == []


def test_help_answers_in_the_members_language(world: World) -> None:
    assert "/contact — 联络记录" in world.slack.command("/contact", "help").json()["text"]
    assert (
        "client contact log" in world.slack.command("/contact", "help", user="U0AE2").json()["text"]
    )


def test_log_a_call_button_opens_modal_with_the_client(world: World) -> None:
    nike = client_named(world, "Nike")
    world.slack.click("contact_log_call", str(nike.id), channel="D0U0AE1")
    view = world.slack.wait_for("views.open")[0].args["view"]
    client_block = next(b for b in view["blocks"] if b.get("block_id") == "client")
    assert client_block["element"]["initial_option"]["value"] == str(nike.id)


def test_forged_button_values_change_nothing(world: World) -> None:
    world.slack.command("/contact", "Nike call")
    for n, value in enumerate(("999", "abc", "1; DROP TABLE contactlog")):
        world.slack.click("contact_undo", value, key=f"f{n}")
        assert "已撤销或不存在" in world.slack.wait_for("response_url", n + 1)[n].args["text"]
    world.slack.click("contact_report_sent", "abc", key="f9")
    assert "已撤销或不存在" in world.slack.wait_for("response_url", 4)[3].args["text"]
    assert contacts(world)[0].deleted_at is None


def test_a_time_alone_in_the_contact_form_means_the_latest_one(world: World) -> None:
    world.clock.set(datetime(2026, 11, 23, 17, 0, tzinfo=SH))
    world.slack.command("/contact", "")
    view = world.slack.wait_for("views.open")[0].args["view"]
    nike = client_named(world, "Nike")
    world.slack.submit(view, {"client": str(nike.id), "when": "下午3点", "summary": "电话"})
    world.slack.wait_for("chat.postEphemeral")
    world.slack.submit(view, {"client": str(nike.id), "when": "周五", "summary": "上周五拜访"})
    world.slack.wait_for("chat.postEphemeral", 2)
    world.slack.submit(view, {"client": str(nike.id), "when": "今天", "summary": "今天"})
    world.slack.wait_for("chat.postEphemeral", 3)
    assert [c.at for c in contacts(world)] == [
        datetime(2026, 11, 23, 15, 0, tzinfo=SH),
        datetime(2026, 11, 20, 18, 0, tzinfo=SH),
        datetime(2026, 11, 23, 17, 0, tzinfo=SH),
    ]


def test_app_home_is_redrawn_after_logging_and_after_undo(world: World) -> None:
    world.slack.home_opened()
    world.slack.wait_for("views.publish")
    world.slack.command("/contact", "Nike 谈了新品")
    pub = world.slack.wait_for("views.publish", 2)[1]
    assert pub.args["user_id"] == "U0AE1" and "谈了新品" in str(pub.args["view"]["blocks"])
    log = contacts(world)[0]
    world.slack.click("contact_undo", str(log.id))
    third = world.slack.wait_for("views.publish", 3)[2]
    assert "谈了新品" not in str(third.args["view"]["blocks"])


class Spied:
    """A lock that says when a second drawing asks for it."""

    def __init__(self) -> None:
        self.lock, self.asked, self.second = threading.Lock(), 0, threading.Event()

    def __enter__(self) -> None:
        self.asked += 1
        if self.asked == 2:
            self.second.set()
        self.lock.acquire()

    def __exit__(self, *_: Any) -> None:
        self.lock.release()


def test_a_home_read_before_a_change_never_reaches_slack_after_one_read_since(
    world: World,
) -> None:
    world.slack.home_opened()
    world.slack.wait_for("views.publish")
    home, real = world.bot.home, world.bot.home.view
    read, go = threading.Event(), threading.Event()

    def held_after_reading(team: str, user: str, lang: str) -> dict[str, object]:
        view = real(team, user, lang)
        if not read.is_set():  # the first redraw: read, then slow on its way out
            read.set()
            go.wait(5)
        return view

    home.view = held_after_reading  # type: ignore[method-assign]
    home._drawing[(TEAM, "U0AE1")] = spied = Spied()  # type: ignore[assignment]
    world.bot.worker.submit(home.publish, TEAM, "U0AE1", "zh")
    assert read.wait(5)
    world.slack.command("/contact", "Nike 谈了新品")  # redraws the Home: a second drawing
    published = lambda: world.fake.calls_to("views.publish")  # noqa: E731
    assert wait_until(lambda: len(published()) == 2 or spied.second.is_set())
    go.set()
    assert wait_until(lambda: len(published()) == 3)
    assert "谈了新品" not in str(published()[1].args["view"])
    assert "谈了新品" in str(published()[2].args["view"])


def test_the_home_of_someone_who_never_opened_it_is_not_drawn(world: World) -> None:
    world.slack.command("/contact", "Nike 谈了新品")
    world.slack.click("contact_undo", str(contacts(world)[0].id))
    world.slack.wait_for("response_url")
    world.bot.worker.shutdown(wait=True)  # every after-ack task has finished
    assert world.fake.calls_to("views.publish") == []
    with world.bot.db.read() as s:
        opened = s.exec(select(Member.home_opened_at).where(Member.user_id == "U0AE1")).one()
    assert opened is None


def test_opening_the_home_is_remembered(world: World) -> None:
    world.slack.home_opened()
    world.slack.wait_for("views.publish")
    with world.bot.db.read() as s:
        opened = s.exec(select(Member.home_opened_at).where(Member.user_id == "U0AE1")).one()
    assert opened == datetime(2026, 11, 23, 10, 0, tzinfo=SH)


def test_confirmation_falls_back_to_a_dm_where_the_bot_cannot_post(world: World) -> None:
    world.slack.command("/contact", "")
    view = world.slack.wait_for("views.open")[0].args["view"]
    world.fake.fail_next("chat.postEphemeral", "channel_not_found")
    nike = client_named(world, "Nike")
    world.slack.submit(view, {"client": str(nike.id), "summary": "私聊确认"})
    [dm] = world.slack.wait_for("chat.postMessage")
    assert dm.args["channel"] == "U0AE1" and "私聊确认" in str(dm.args["blocks"])
