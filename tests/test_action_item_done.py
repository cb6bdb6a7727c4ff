"""Done on an action item's DM: by the owner (once, the author told, the DM redrawn), by a
stranger (refused), twice, and forged or stale values (nothing changed)."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from forms.action_items import item_messages
from forms.notices import Writer
from handlers.action_items import redraw_owner_dms
from handlers.deps import Deps
from storage import action_items, outbox, queries
from storage.models import OutboxMessage
from tests.action_item_setup import item, line, report_with
from tests.conftest import TEAM, World, wait_until

OWNER, AUTHOR, STRANGER = "U0AAE", "U0AE1", "U0AE2"  # U0AAE reports to U0AE1, then U0AM1


def sent(w: World, report_items: list[int]) -> None:
    """The owners' DMs of these items, queued as the report form queues them, and delivered."""
    now = w.clock.now()
    with w.bot.db.write() as s:
        rows = [r for r in action_items.open_items(s, TEAM) if r.item.id in report_items]
        members = {m.user_id: m for m in queries.list_members(s, TEAM)}
        messages = item_messages(Writer(w.bot.settings, members, now), TEAM, rows)
        outbox.enqueue(s, messages, now, outbox.wall())
        outbox.enqueue(s, messages, now, outbox.wall())  # decided twice: sent once
    w.bot.deliver()


def delivered(w: World, key: str) -> bool:
    with w.bot.db.read() as s:
        row = s.exec(select(OutboxMessage).where(OutboxMessage.key == key)).first()
        return row is not None and row.status == outbox.DELIVERED


def done_button(dm: dict) -> dict:
    [b] = [e for b in dm["blocks"] if b["type"] == "actions" for e in b["elements"]]
    return b


def test_the_owner_gets_one_dm_and_done_once_tells_the_author(world: World) -> None:
    _, (a, mine) = report_with(
        world, [line(OWNER, "周五前提供报价", date(2026, 11, 27)), line(AUTHOR, "写纪要")]
    )
    sent(world, [a, mine])
    assert wait_until(lambda: delivered(world, f"item:{a}:owner"))
    [dm] = world.fake.dms(OWNER)
    assert "周五前提供报价" in str(dm["blocks"]) and "可口可乐" in str(dm["blocks"])
    assert "联络报告" in str(dm["blocks"]) and f"<@{AUTHOR}>" in str(dm["blocks"])
    assert done_button(dm)["value"] == str(a)
    assert world.fake.dms(AUTHOR) == []  # the author's own item: the report says it

    world.slack.click("item_done", str(a), user=OWNER)
    [redrawn] = world.slack.wait_for("response_url")
    assert redrawn.args["replace_original"] and "✅" in str(redrawn.args["blocks"])
    assert "actions" not in [b["type"] for b in redrawn.args["blocks"]]
    assert item(world, a).done_by == OWNER
    assert wait_until(lambda: len(world.fake.dms(AUTHOR)) == 1)
    assert "周五前提供报价" in str(world.fake.dms(AUTHOR)[0]["blocks"])

    world.slack.click("item_done", str(a), user=OWNER)  # twice
    again = world.slack.wait_for("response_url", 2)[1]
    assert "已经由" in again.args["text"] and not again.args.get("replace_original")
    assert len(world.fake.dms(AUTHOR)) == 1


def test_a_stranger_is_refused_a_manager_may(world: World) -> None:
    _, (a, b) = report_with(world, [line(OWNER, "约拍摄"), line(OWNER, "发排期")])
    world.slack.click("item_done", str(a), user=STRANGER)
    [no] = world.slack.wait_for("response_url")
    assert "Only the owner" in no.args["text"]
    assert item(world, a).done_at is None
    world.slack.click("item_done", str(b), user="U0AM1")  # the owner's manager's manager
    world.slack.wait_for("response_url", 2)
    assert item(world, b).done_by == "U0AM1"


def test_forged_and_stale_values_change_nothing(world: World) -> None:
    report, (a, b) = report_with(world, [line(OWNER, "约拍摄"), line(OWNER, "发排期")])
    with world.bot.db.write() as s:
        action_items.replace_items(s, TEAM, report, [line(OWNER, "约拍摄")], world.clock.now())
    for n, value in enumerate((str(b), "999999", "abc", "-1", str(a) + "0" * 30), start=1):
        world.slack.click("item_done", value, user=OWNER)
        said = world.slack.wait_for("response_url", n)[n - 1].args["text"]
        assert "找不到这项待办" in said
    assert item(world, b).done_at is None and item(world, a).done_at is None


def test_an_item_dropped_by_an_edit_has_its_dm_redrawn_and_done_elsewhere_too(
    world: World,
) -> None:
    report, (a, b) = report_with(world, [line(OWNER, "约拍摄"), line(OWNER, "发排期")])
    sent(world, [a, b])
    assert wait_until(lambda: delivered(world, f"item:{b}:owner"))
    now = world.clock.now()
    with world.bot.db.write() as s:
        _, _, dropped = action_items.replace_items(s, TEAM, report, [line(OWNER, "约拍摄")], now)
        rows = [action_items.get_item(s, TEAM, i.id or 0) for i in dropped]
    bot = world.bot
    deps = Deps(
        bot.db,
        bot.clock,
        bot.settings,
        bot.team_settings,
        bot.calendars,
        bot.sender,
        bot.deliver,
        bot.engine,
        lambda team, user: None,
    )
    redraw_owner_dms(deps, TEAM, [r for r in rows if r], now)
    [update] = world.fake.calls_to("chat.update")
    assert "删除" in str(update.args["blocks"]) and "actions" not in str(update.args["blocks"])
    assert "约拍摄" in world.slack.command("/todo", f"done {a}", user=OWNER).json()["text"]
    assert len(world.fake.calls_to("chat.update")) == 2  # the DM of `a` shows it done
