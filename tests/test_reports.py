"""The contact report (联络报告) end to end: an important contact starts the clock, Write report
opens the form pre-filled, the report goes to the service team through the outbox once each
(a Slack fault on one of them included), the author's copy carries the text for the client and
Client confirmed, an edit goes out as a correction, and outsiders and forged values change
nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from sqlmodel import select

from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import ActionItem, Client, ContactLog, ContactReport, OutboxMessage
from tests.conftest import ADMIN, SH, TEAM, World, wait_until


def contacts(w: World) -> list[ContactLog]:
    with w.bot.db.read() as s:
        return list(s.exec(select(ContactLog).order_by(ContactLog.id)))


def reports(w: World) -> list[ContactReport]:
    with w.bot.db.read() as s:
        return list(s.exec(select(ContactReport).order_by(ContactReport.id)))


def buttons(blocks: list[dict[str, Any]]) -> dict[str, str]:
    return {
        e["action_id"]: e.get("value", "")
        for b in blocks
        for e in ([b["accessory"]] if "accessory" in b else b.get("elements", []))
        if e.get("type") == "button"
    }


def text_of(message: dict[str, Any]) -> str:
    return str(message["blocks"])


def important_call(w: World, text: str = "! Nike 价格谈判", user: str = "U0AE1") -> int:
    body = w.slack.command("/contact", text, user=user).json()
    assert buttons(body["blocks"])["contact_report_write"]
    return contacts(w)[-1].id or 0


def open_form(w: World, contact_id: int, user: str = "U0AE1") -> dict[str, Any]:
    before = len(w.fake.calls_to("views.open"))
    w.slack.click("contact_report_write", str(contact_id), user=user)
    return w.slack.wait_for("views.open", before + 1)[-1].args["view"]


def initial(view: dict[str, Any], block_id: str) -> Any:
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    el = block["element"]
    return el.get("initial_users") or el.get("initial_value")


def dms_with(w: World, user: str, needle: str, count: int = 1) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def check() -> bool:
        found[:] = [m for m in w.fake.dms(user) if needle in str(m)]
        return len(found) >= count

    assert wait_until(check), f"{user}: {len(found)} DMs with {needle!r}"
    return found


def send(w: World, values: dict[str, Any], contact_id: int, user: str = "U0AE1") -> str:
    view = open_form(w, contact_id, user)
    return w.slack.submit(view, values, user=user).text


VALUES = {
    "ours": ["U0AE1", "U0AE2"],
    "theirs": "Ms Wu、采购部张总",
    "conclusions": "1. 价格下调 5%\n- 下周一签合同",
    "items": "周五前提供报价\n准备合同草稿",
    "sent_to": ["U0AM1", "U0AE2"],
}
ITEMS = {**VALUES, "items": "@Li 周五前提供报价\n我 准备合同草稿"}


def test_the_form_opens_with_the_service_team(world: World) -> None:
    with world.bot.db.write() as s:
        nike = s.exec(select(Client).where(Client.name == "Nike")).one()
        nike.backup_owner_id = "U0AAE"
        s.add(nike)
    cid = important_call(world)
    view = open_form(world, cid)
    assert initial(view, "ours") == ["U0AE1"]
    # the owner is the author; the backup; the author's manager
    assert initial(view, "sent_to") == ["U0AAE", "U0AM1"]


@pytest.fixture
def fake_reset(world: World) -> Iterator[None]:
    yield
    world.fake.reset()  # no fault of this test reaches the next


@pytest.mark.parametrize("fault", ["http500", "ratelimited"])
def test_the_report_goes_to_each_once_and_stops_the_clock(
    world: World, fake_reset: None, fault: str
) -> None:
    cid = important_call(world)
    world.fake.inject("chat.postMessage", fault, times=1, channels=["U0AM1"])
    world.bot.courier.backoff = 0.05
    assert send(world, VALUES, cid) == ""  # the form closes at once
    [zh] = dms_with(world, "U0AM1", "联络报告")
    text = text_of(zh)
    assert "*联络报告* · *Nike*" in text and "1. 价格下调 5%" in text and "2. 下周一签合同" in text
    assert "Ms Wu、采购部张总" in text and "周五前提供报价" in text and "<@U0AE2>" in text
    [en] = dms_with(world, "U0AE2", "Contact report")
    assert "*Conclusions*" in text_of(en)
    [mine] = dms_with(world, "U0AE1", "给客户的文本")
    assert set(buttons(mine["blocks"])) == {"contact_report_confirm", "contact_report_edit"}
    assert "【联络报告】Nike" in text_of(mine) and "如有出入" in text_of(mine)
    [report] = reports(world)
    assert report.version == 1 and report.author_id == "U0AE1"
    assert contacts(world)[0].report_sent_at is not None
    # the 500 was retried: each got exactly one copy
    assert [len(dms_with(world, u, "Nike")) for u in ("U0AE1", "U0AM1", "U0AE2")] == [1, 1, 1]
    with world.bot.db.read() as s:
        rows = s.exec(select(OutboxMessage).where(OutboxMessage.purpose == "contact-report"))
        assert sorted(r.recipient for r in rows) == ["U0AE1", "U0AE2", "U0AM1"]
    # no 24-hour reminder for it afterwards
    run_task(TASKS["contact-report-due"], datetime(2026, 11, 24, 11, tzinfo=SH), world.tasks)
    run_task(TASKS["contact-report-due"], datetime(2026, 11, 25, 11, tzinfo=SH), world.tasks)
    assert not [m for m in world.fake.dms("U0AE1") if "联络报告提醒" in m["text"]]


def test_empty_conclusions_and_too_long_text_are_shown_under_their_fields(world: World) -> None:
    cid = important_call(world)
    view = open_form(world, cid)
    r = world.slack.submit(view, {**VALUES, "conclusions": " \n- \n"})
    assert r.json()["errors"] == {"conclusions": "请至少写一条结论：报告要记下每一条结论。"}
    r = world.slack.submit(view, {**VALUES, "items": "x" * 10_000, "sent_to": []})
    assert r.json()["errors"] == {
        "items": "太长了：10000 个字，最多 3000 个。",
        "sent_to": "请至少选一位收件人。",
    }
    r = world.slack.submit(view, {**VALUES, "sent_to": ["<!channel>"]})
    assert r.json()["errors"] == {"sent_to": "这里只能选 Slack 里的同事。"}
    assert reports(world) == []


def test_client_confirmed_by_the_author_once_and_refused_to_a_stranger(world: World) -> None:
    cid = important_call(world)
    send(world, VALUES, cid)
    [mine] = dms_with(world, "U0AE1", "给客户的文本")
    rid = buttons(mine["blocks"])["contact_report_confirm"]
    world.slack.click("contact_report_confirm", rid, user="U0AE2", key="stranger")
    [told] = world.slack.wait_for("response_url")
    assert "Only the report's author" in str(told.args)
    assert reports(world)[0].confirmed_at is None
    world.slack.click("contact_report_confirm", rid, user="U0AE1", key="mine")
    calls = world.slack.wait_for("response_url", 2)
    assert "客户已确认" in str(calls[-1].args) and "contact_report_edit" not in str(calls[-1].args)
    [report] = reports(world)
    assert report.confirmed_by == "U0AE1" and report.confirmed_at is not None
    world.slack.click("contact_report_confirm", rid, user="U0AE1", key="again")
    calls = world.slack.wait_for("response_url", 3)
    assert "已于" in str(calls[-1].args) and "没有改动" in str(calls[-1].args)
    # an edit after confirmation is refused with the reason
    world.slack.click("contact_report_edit", rid, user="U0AE1", key="edit")
    calls = world.slack.wait_for("response_url", 4)
    assert "不能再修改" in str(calls[-1].args)


def test_an_edit_goes_again_as_a_correction_to_old_and_new_recipients(world: World) -> None:
    cid = important_call(world)
    send(world, VALUES, cid)
    [mine] = dms_with(world, "U0AE1", "给客户的文本")
    rid = buttons(mine["blocks"])["contact_report_edit"]
    world.slack.click("contact_report_edit", rid, user="U0AE1")
    view = world.slack.wait_for("views.open", 2)[-1].args["view"]
    assert initial(view, "conclusions") == "价格下调 5%\n下周一签合同"
    changed = {**VALUES, "conclusions": "价格下调 4%", "sent_to": ["U0AM1", "U0AD1"]}
    assert world.slack.submit(view, changed).text == ""
    [fixed] = dms_with(world, "U0AE2", "correction")  # sent to before, not now: told again
    assert "version 2" in text_of(fixed) and "4%" in text_of(fixed)
    dms_with(world, "U0AD1", "更正（第 2 版）")
    dms_with(world, "U0AM1", "Nike", count=2)
    [report] = reports(world)
    assert report.version == 2 and report.conclusions == "价格下调 4%"
    # someone else's edit click is refused
    world.slack.click("contact_report_edit", rid, user="U0AM1", key="notmine")
    [told] = world.slack.wait_for("response_url")
    assert "只有报告的作者" in str(told.args)


def test_a_forged_or_foreign_write_is_refused(world: World) -> None:
    cid = important_call(world)
    world.slack.click("contact_report_write", "99999", user="U0AE1", key="forged")
    [told] = world.slack.wait_for("response_url")
    assert "找不到这份联络报告" in str(told.args)
    world.slack.click("contact_report_write", str(cid), user="U0AE2", key="other")
    calls = world.slack.wait_for("response_url", 2)
    assert "Only the contact's author" in str(calls[-1].args)
    world.slack.click("contact_report_confirm", "abc", user="U0AE1", key="bad")
    calls = world.slack.wait_for("response_url", 3)
    assert "no longer exists" in str(calls[-1].args) or "找不到" in str(calls[-1].args)
    assert reports(world) == []


def test_a_second_report_for_the_same_contact_is_refused(world: World) -> None:
    cid = important_call(world)
    view = open_form(world, cid)
    world.slack.submit(view, VALUES)
    dms_with(world, "U0AE1", "给客户的文本")
    world.slack.submit(view, VALUES)  # the same form, submitted again
    dms_with(world, "U0AE1", "已经写过了")
    assert len(reports(world)) == 1


def test_the_text_for_the_client_follows_the_clients_language(world: World) -> None:
    r = world.slack.command("/client", "language Nike en")
    assert "Nike" in r.json()["text"] and "英文" in r.json()["text"]
    r = world.slack.command("/client", "language Nike fr")
    assert "不认识语言" in r.json()["text"]
    r = world.slack.command("/client", "language Nike zh", user="U0AE2")
    assert "Only the owner" in r.json()["text"]
    cid = important_call(world)
    send(world, VALUES, cid)
    [mine] = dms_with(world, "U0AE1", "给客户的文本")
    assert "Contact report: Nike" in text_of(mine) and "Please let us know" in text_of(mine)
    assert "Our side: Sun AE, Li AE" in text_of(mine)


def test_an_outsider_cannot_write_or_submit(world: World) -> None:
    cid = important_call(world)
    world.slack.click("contact_report_write", str(cid), user="U0OUTSIDER")
    [told] = world.slack.wait_for("response_url")
    assert "<@U0ADMIN>" in str(told.args)
    assert world.fake.calls_to("views.open") == []
    view = open_form(world, cid)
    r = world.slack.submit(view, VALUES, user="U0OUTSIDER")
    assert "<@U0ADMIN>" in str(r.json()["errors"])
    assert reports(world) == []


def test_a_forged_form_changes_nothing(world: World) -> None:
    cid = important_call(world)
    view = open_form(world, cid)
    # someone else's contact, and a contact that does not exist
    assert world.slack.submit(view, VALUES, user="U0AE2").text == ""
    dms_with(world, "U0AE2", "Only the contact's author")
    forged = {**view, "private_metadata": '{"contact_id": 99999}'}
    assert world.slack.submit(forged, VALUES).text == ""
    dms_with(world, "U0AE1", "找不到这份联络报告")
    nonsense = {**view, "private_metadata": '{"contact_id": "1; drop table"}'}
    r = world.slack.submit(nonsense, VALUES)
    assert "找不到" in r.json()["errors"]["conclusions"]
    assert reports(world) == [] and contacts(world)[0].report_sent_at is None


def test_action_items_are_stored_with_owners_and_dates_and_their_owners_told(
    world: World,
) -> None:
    cid = important_call(world)
    assert send(world, ITEMS, cid) == ""
    [mgr] = dms_with(world, "U0AM1", "联络报告")
    assert "提供报价（<@U0AE2>，周五 11月27日 前）" in text_of(mgr)
    assert "准备合同草稿（<@U0AE1>）" in text_of(mgr)
    [item_dm] = dms_with(world, "U0AE2", "item_done")
    assert "提供报价" in text_of(item_dm)
    with world.bot.db.read() as s:
        items = list(s.exec(select(ActionItem).order_by(ActionItem.id)))
    assert [(i.owner_id, i.due_on) for i in items] == [
        ("U0AE2", date(2026, 11, 27)),
        ("U0AE1", None),
    ]
    assert {i.report_id for i in items} == {reports(world)[0].id}
    [mine] = dms_with(world, "U0AE1", "给客户的文本")
    assert "提供报价（周五 11月27日 前）" in text_of(mine)  # the client's text: no mentions


def test_an_action_item_in_the_past_is_refused_under_its_field(world: World) -> None:
    cid = important_call(world)
    view = open_form(world, cid)
    r = world.slack.submit(view, {**VALUES, "items": "准备合同\n@Li 上周五前提供报价"})
    [(field, said)] = r.json()["errors"].items()
    assert field == "items" and "第 2 行" in said and "已经过去了" in said
    r = world.slack.submit(view, {**VALUES, "items": "@Nobody 提供报价"})
    assert "团队里没有“@Nobody”" in r.json()["errors"]["items"]
    assert reports(world) == []


def test_an_at_name_follows_the_team_as_it_changes(world: World) -> None:
    """The team's @names are made once and kept while its members stay the same: a member
    added since is named in the very next form."""
    cid = important_call(world)
    view = open_form(world, cid)
    r = world.slack.submit(view, {**VALUES, "items": "@Nobody 提供报价"})
    assert "团队里没有“@Nobody”" in r.json()["errors"]["items"]
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0NOB", world.clock.now(), name="Nobody Zhang")
    assert world.slack.submit(view, {**VALUES, "items": "@Nobody 周五前提供报价"}).text == ""
    [item_dm] = dms_with(world, "U0NOB", "item_done")  # stored, and its owner told
    with world.bot.db.read() as s:
        [item] = s.exec(select(ActionItem)).all()
    assert (item.owner_id, item.text, item.due_on) == (
        "U0NOB",
        "周五前提供报价",
        date(2026, 11, 27),
    )


def test_an_edit_replaces_the_items_and_tells_only_new_owners(world: World) -> None:
    cid = important_call(world)
    send(world, {**ITEMS, "items": "@Li 周五前提供报价\n<@U0AD1> 准备合同草稿"}, cid)
    dms_with(world, "U0AD1", "item_done")
    [mine] = dms_with(world, "U0AE1", "给客户的文本")
    world.slack.click("contact_report_edit", buttons(mine["blocks"])["contact_report_edit"])
    view = world.slack.wait_for("views.open", 2)[-1].args["view"]
    changed = {**ITEMS, "items": "@Li 周五前提供报价\n<@U0AM1> 下周一前确认预算"}
    assert world.slack.submit(view, changed).text == ""
    dms_with(world, "U0AM1", "item_done")
    assert len(dms_with(world, "U0AE2", "item_done")) == 1  # kept: not told again
    # the dropped item's DM loses its Done button
    assert wait_until(lambda: not [m for m in world.fake.dms("U0AD1") if "item_done" in str(m)])
    with world.bot.db.read() as s:
        items = list(s.exec(select(ActionItem).order_by(ActionItem.id)))
    assert [(i.owner_id, i.dropped_at is None) for i in items] == [
        ("U0AE2", True),
        ("U0AD1", False),
        ("U0AM1", True),
    ]


def test_the_app_home_lists_the_reports_owed_with_write_report(world: World) -> None:
    cid = important_call(world)
    world.slack.home_opened()
    assert wait_until(lambda: world.fake.home_view("U0AE1") is not None)
    home = world.fake.home_view("U0AE1")
    assert home is not None and "待写的联络报告" in str(home)
    assert buttons(home["blocks"]).get("contact_report_write") == str(cid)
    send(world, VALUES, cid)
    dms_with(world, "U0AE1", "给客户的文本")

    def gone() -> bool:
        view = world.fake.home_view("U0AE1")
        return view is not None and "待写的联络报告" not in str(view)

    assert wait_until(gone)


def test_the_monday_agenda_lists_reports_unconfirmed_after_two_working_days(
    world: World,
) -> None:
    world.slack.command("/aebot", "settings set team_channel #general", user=ADMIN)
    cid = important_call(world)  # Monday 23 Nov
    send(world, VALUES, cid)
    dms_with(world, "U0AE1", "给客户的文本")
    world.clock.set(datetime(2026, 11, 27, 16, tzinfo=SH))  # Friday: too recent to list
    late = important_call(world, "! 可口可乐 报价")
    send(world, VALUES, late)
    dms_with(world, "U0AE1", "给客户的文本", count=2)
    monday = datetime(2026, 11, 30, 9, tzinfo=SH)
    world.clock.set(monday)
    run_task(TASKS["monday-agenda"], monday, world.tasks)
    posted = str([m["blocks"] for m in world.fake.messages() if m["channel"].startswith("C")])
    assert "客户仍未确认" in posted and "Nike（周一 11月23日 发出）" in posted
    assert "可口可乐（周五" not in posted
