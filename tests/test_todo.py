"""`/todo` in Chinese and English: my list, done, add (the owner told by DM), team, help."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from storage.models import ActionItem
from tests.action_item_setup import item, line, report_with
from tests.conftest import World, wait_until

ZH, EN, AM = "U0AE1", "U0AE2", "U0AM1"  # Sun AE reads Chinese, Li AE English, Qian AM manages both


def text(reply) -> str:  # noqa: ANN001
    body = reply.json()
    return body["text"] + str(body.get("blocks") or "")


def added(w: World) -> ActionItem:
    with w.bot.db.read() as s:
        return s.exec(select(ActionItem).order_by(ActionItem.id.desc())).first()  # type: ignore[union-attr]


def test_add_for_someone_else_tells_them_and_they_list_and_finish_it(world: World) -> None:
    said = text(world.slack.command("/todo", "add Nike 周三前发排期 @Li", user=ZH))
    new = added(world)
    assert f"已添加待办 `#{new.id}`" in said and "<@U0AE2>" in said and "周三 11月25日" in said
    assert (new.owner_id, new.author_id, new.text, new.due_on) == (
        EN,
        ZH,
        "周三前发排期",
        date(2026, 11, 25),
    )
    assert wait_until(lambda: len(world.fake.dms(EN)) == 1)
    assert "Done" in str(world.fake.dms(EN)[0]["blocks"])

    mine = text(world.slack.command("/todo", "", user=EN))
    assert "You have 1 open action item" in mine and f"#{new.id}" in mine and "Nike" in mine
    assert "Wed 25 Nov" in mine and "todo_done" in mine
    assert "你没有未完成的待办" in text(world.slack.command("/todo", "", user=ZH))

    assert "Marked done" in text(world.slack.command("/todo", f"done {new.id}", user=EN))
    assert item(world, new.id or 0).done_by == EN
    assert "already marked done" in text(world.slack.command("/todo", f"done #{new.id}", user=EN))
    assert "no open action items" in text(world.slack.command("/todo", "list", user=EN))
    assert wait_until(lambda: len(world.fake.dms(ZH)) == 1)  # the author told


def test_add_for_myself_in_english_no_dm(world: World) -> None:
    said = text(world.slack.command("/todo", "add Nike me send the deck by Friday", user=EN))
    assert "Added action item" in said and "Fri 27 Nov" in said
    assert added(world).owner_id == EN and added(world).text == "send the deck by Friday"
    world.bot.deliver()
    assert world.fake.dms(EN) == []


def test_add_refuses_a_past_day_an_unknown_client_or_name_and_stores_nothing(world: World) -> None:
    past = text(world.slack.command("/todo", "add 可口可乐 昨天要发的报价", user=ZH))
    assert "已经过去了" in past and "周日 11月22日" in past
    far = text(world.slack.command("/todo", "add Nike send it on 1 Jan 2028", user=EN))
    assert "more than a year away" in far
    assert "找不到客户" in text(world.slack.command("/todo", "add 不存在的客户 发排期", user=ZH))
    assert "“@Nobody”" in text(world.slack.command("/todo", "add Nike call @Nobody", user=EN))
    assert "用法" in text(world.slack.command("/todo", "add", user=ZH))
    assert "用法" in text(world.slack.command("/todo", "done abc", user=ZH))
    assert "找不到这项待办" in text(world.slack.command("/todo", "done 99999", user=ZH))
    markup = text(world.slack.command("/todo", "add Nike ping @<!channel> now", user=EN))
    assert "&lt;!channel&gt;" in markup and "<!channel>" not in markup
    long = text(world.slack.command("/todo", "add Nike " + "x" * 3500, user=EN))
    assert "too long" in long
    assert added(world) is None


def test_team_for_managers_overdue_first_refused_for_others(world: World) -> None:
    report_with(world, [line(ZH, "下周交提案", date(2026, 11, 30))])
    report_with(world, [line(EN, "quote overdue", date(2026, 11, 20))], author=EN)
    report_with(world, [line("U0AAE", "整理素材")])
    shown = text(world.slack.command("/todo", "team", user=AM))
    assert "你的下属有 3 项未完成的待办" in shown
    assert shown.index("quote overdue") < shown.index("下周交提案")
    assert "已逾期" in shown and "<@U0AAE>" in shown  # AAE is below Sun AE, below Qian AM
    assert "is for managers" in text(world.slack.command("/todo", "team", user=EN))
    assert "/todo" in text(world.slack.command("/todo", "help", user=EN))
    assert "督促落实" in text(world.slack.command("/todo", "帮助", user=ZH))


def test_done_beside_a_list_line_keeps_the_list(world: World) -> None:
    _, (a,) = report_with(world, [line(EN, "send the quote")])
    world.slack.click("todo_done", str(a), user=EN)
    [said] = world.slack.wait_for("response_url")
    assert "Marked done" in said.args["text"] and not said.args.get("replace_original")
    assert item(world, a).done_by == EN
