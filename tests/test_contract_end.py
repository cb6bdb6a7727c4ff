"""A contract's end (当合约结束后…财务部, 001) through signed requests and the fake Slack, on
SQLite and PostgreSQL, in Chinese and English: `/client end` opens the form (the client and
date typed filled in); on submit the end is stored, the client is ended from the end date (still
nudged before it), the fees not yet received are a receivable, and finance (else the admins) and
the owner's manager are told once each, a Slack 500 notwithstanding; who may end a client; the
receivable on the Monday agenda."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import select

from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import Client, ContractEnd, OutboxMessage, Receivable
from tests.conftest import ADMIN, SH, TEAM, World, wait_until

FIN, MANAGER = "U0FIN", "U0AM1"  # Sun AE (U0AE1, zh) and Li AE (U0AE2, en) report to Qian AM
CHANNEL = "C0TEAM0001"


def finance(w: World) -> None:
    with w.bot.db.write() as s:
        queries.upsert_member(
            s, TEAM, FIN, w.clock.now(), name="Qin Fin", role="fin", language="zh"
        )


def client(w: World, name: str) -> Client:
    with w.bot.db.read() as s:
        return s.exec(select(Client).where(Client.name == name)).one()


def form(w: World, text: str, user: str = "U0AE1") -> dict:
    w.fake.reset()
    reply = w.slack.command("/client", text, user=user)
    assert reply.status_code == 200 and not reply.json().get("text"), reply.json()
    [call] = w.slack.wait_for("views.open")
    return call.args["view"]


def initial(view: dict, block: str) -> object:
    [b] = [b for b in view["blocks"] if b.get("block_id") == block]
    el = b["element"]
    return (el.get("initial_option") or {}).get("value") or el.get("initial_value")


def told(w: World, user: str) -> list[str]:
    return [m["text"] + "\n" + str(m.get("blocks") or "") for m in w.fake.dms(user)]


def confirmation(w: World, user: str) -> str:
    assert wait_until(lambda: w.fake.calls_to("chat.postEphemeral"))
    [call] = [c for c in w.fake.calls_to("chat.postEphemeral") if c.args["user"] == user]
    return str(call.args["text"])


def nudged(w: World, when: datetime) -> str:
    w.clock.set(when)
    w.fake.reset()
    [o] = run_task(TASKS["contact-nudge"], when, w.tasks)
    assert o.status == "sent", o
    return "\n".join(told(w, "U0AE1"))


def test_contract_end_to_finance_and_the_manager_once_despite_a_slack_500(world: World) -> None:
    finance(world)
    view = form(world, "end Nike 2026-12-31")
    assert view["callback_id"] == "contract_end_form"
    assert initial(view, "client") == str(client(world, "Nike").id)
    assert initial(view, "end_on") == "2026-12-31"
    world.fake.inject("chat.postMessage", "http500", times=1, channels=[FIN])
    values = {"unreceived": "12万", "invoiced": "300,000", "note": "尾款待收"}
    reply = world.slack.submit(view, values)
    assert reply.status_code == 200 and "errors" not in reply.text
    said = confirmation(world, "U0AE1")
    assert said.startswith(
        "已登记 *Nike*（`Beijing-202611-Nike-002`）的合约结束：周四 12月31日 结束，"
        "尚未收回服务费 ¥120,000，已开票 ¥300,000。"
    )
    assert "从 周四 12月31日 起 *Nike* 为“已结束”" in said
    assert "已登记为应收账款 #1" in said and "已通知：<@U0FIN>、<@U0AM1>。" in said

    world.bot.courier.drain()
    assert wait_until(lambda: len(world.fake.dms(FIN)) == 1 and len(world.fake.dms(MANAGER)) == 1)
    world.bot.courier.drain()
    [to_fin] = told(world, FIN)
    [to_manager] = told(world, MANAGER)
    assert to_fin == to_manager and to_fin.startswith("合约结束：Nike，周四 12月31日")
    for part in ("尚未收回的服务费：¥120,000", "已开票金额：¥300,000", "备注：尾款待收"):
        assert part in to_fin
    assert world.fake.dms("U0AE1") == []  # the AE has the confirmation
    with world.bot.db.read() as s:
        [end] = s.exec(select(ContractEnd)).all()
        [rec] = s.exec(select(Receivable)).all()
        keys = sorted(m.key for m in s.exec(select(OutboxMessage)))
    assert (end.end_on, end.unreceived, end.invoiced, end.note, end.by) == (
        date(2026, 12, 31),
        "120000",
        "300000",
        "尾款待收",
        "U0AE1",
    )
    assert (rec.amount, rec.due, rec.closed_at) == ("120000", date(2026, 12, 31), None)
    assert keys == sorted([f"contract-end:{end.id}:{FIN}", f"contract-end:{end.id}:{MANAGER}"])
    nike = client(world, "Nike")
    assert (nike.status, nike.status_since) == ("ended", date(2026, 12, 31))

    # Served as before until the end date, never after it.
    assert "Nike" in nudged(world, datetime(2026, 12, 30, 9, 30, tzinfo=SH))
    assert "Nike" not in nudged(world, datetime(2027, 1, 4, 9, 30, tzinfo=SH))

    # The receivable still open on the ended client is on the Monday agenda.
    world.slack.command("/aebot", f"settings set team_channel {CHANNEL}", user=ADMIN)
    world.clock.set(datetime(2027, 1, 4, 9, 0, tzinfo=SH))
    world.fake.reset()
    [o] = run_task(TASKS["monday-agenda"], world.clock.now(), world.tasks)
    assert o.status == "sent", o
    [post] = world.fake.messages(CHANNEL)
    shown = str(post["blocks"])
    assert "_已结束客户仍未收回的款项_" in shown
    line = "• *Nike*（周四 2026年12月31日 结束）#1 120,000，周四 2026年12月31日 到期 — Sun AE"
    assert line in shown


def test_in_english_with_no_finance_the_admins_are_told(world: World) -> None:
    view = form(world, "end", user="U0AE2")  # no client typed: the form, their client offered
    options = [b for b in view["blocks"] if b.get("block_id") == "client"][0]["element"]
    assert [o["text"]["text"] for o in options["options"]] == [
        "Coca Cola Bottling · Shanghai-202611-CocaColaBottling-003"
    ]
    bottling = str(client(world, "Coca Cola Bottling").id)
    bad = {"client": bottling, "end_on": "someday", "unreceived": "lots", "invoiced": "0"}
    errors = world.slack.submit(view, bad, user="U0AE2").json()["errors"]
    assert set(errors) == {"end_on", "unreceived"}
    with world.bot.db.read() as s:
        assert s.exec(select(ContractEnd)).all() == []
    good = bad | {"end_on": "2026-11-20", "unreceived": "0"}
    assert "errors" not in world.slack.submit(view, good, user="U0AE2").text
    said = confirmation(world, "U0AE2")
    assert said.startswith(
        "Recorded the end of *Coca Cola Bottling*'s (`Shanghai-202611-CocaColaBottling-003`) "
        "contract: it ends Fri 20 Nov, service fees not yet received ¥0, invoiced ¥0."
    )
    assert "receivable" not in said and "Told: <@U0ADMIN>, <@U0AM1>." in said
    world.bot.courier.drain()
    assert wait_until(lambda: len(world.fake.dms(ADMIN)) == 1 and len(world.fake.dms(MANAGER)) == 1)
    listed = world.slack.command("/client", "list", user="U0AE2").json()
    assert "status: *ended* since Fri 20 Nov" in str(listed["blocks"])
    with world.bot.db.read() as s:
        assert s.exec(select(Receivable)).all() == []


def test_only_the_owner_their_manager_or_an_admin_may_end_a_client(world: World) -> None:
    refused = world.slack.command("/client", "end Nike 2026-12-31", user="U0AE2").json()["text"]
    assert refused == (
        "Only the owner, the owner's manager or an admin can record the end of *Nike*'s "
        "contract. Nothing was changed."
    )
    assert (
        world.slack.command("/client", "end", user="U0AAE")
        .json()["text"]
        .startswith("只有负责人、负责人的主管或管理员可以登记合约结束")
    )
    assert (
        world.slack.command("/client", "end 耐克克", user="U0AE1")
        .json()["text"]
        .startswith("找不到客户“耐克克”")
    )
    view = form(world, "end Nike", user=MANAGER)  # the owner's manager may
    # a forged client in the form, not theirs: refused under the field, nothing stored
    view_ae2 = form(world, "end", user="U0AE2")
    forged = {"client": str(client(world, "Nike").id), "end_on": "2026-12-31"}
    forged |= {"unreceived": "0", "invoiced": "0"}
    errors = world.slack.submit(view_ae2, forged, user="U0AE2").json()["errors"]
    assert set(errors) == {"client"}
    assert "errors" not in world.slack.submit(view, forged, user=MANAGER).text
    assert wait_until(lambda: client(world, "Nike").status == "ended")
    with world.bot.db.read() as s:
        assert [e.by for e in s.exec(select(ContractEnd))] == [MANAGER]
