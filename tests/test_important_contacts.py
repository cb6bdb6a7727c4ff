"""An important contact owes a contact report as meetings and visits do: the contact form's
checkbox and `!` at the start of the quick path (zh and en), on SQLite and PostgreSQL; and a
client's language from the client import."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from storage.imports import import_clients
from storage.models import Client
from tests.conftest import CLIENT_ROWS, SH, TEAM, World, wait_until
from tests.test_reports import contacts, important_call


def test_an_important_call_by_bang_starts_the_clock(world: World) -> None:
    important_call(world)
    [log] = contacts(world)
    assert (log.kind, log.important, log.report_due) == ("call", True, True)
    assert log.summary == "价格谈判"
    world.slack.command("/contact", "Nike 只是问候")
    assert contacts(world)[-1].report_due is False


def test_the_important_checkbox_of_the_form_starts_the_clock(world: World) -> None:
    world.slack.command("/contact", "")
    form = world.slack.wait_for("views.open")[0].args["view"]
    nike = next(
        o["value"]
        for b in form["blocks"]
        if b.get("block_id") == "client"
        for o in b["element"]["options"]
        if o["text"]["text"].startswith("Nike")
    )
    values = {"client": nike, "kind": "call", "summary": "价格", "important": ["important"]}
    assert world.slack.submit(form, values).text == ""
    [said] = world.slack.wait_for("chat.postEphemeral")
    assert "contact_report_write" in str(said.args["blocks"])
    [log] = contacts(world)
    assert log.important and log.report_due


def test_important_in_english_and_the_csv_language(world: World) -> None:
    body = world.slack.command("/contact", "！ coca cola bottling price talks", user="U0AE2").json()
    assert "Write report" in str(body["blocks"]) and "report is due" in str(body["blocks"])
    with world.bot.db.write() as s:
        rows = [{**row, "language": "en"} for row in CLIENT_ROWS[:1]]
        import_clients(s, TEAM, rows, datetime(2026, 11, 23, 9, tzinfo=SH))
        bad = import_clients(
            s, TEAM, [{**CLIENT_ROWS[1], "language": "fr"}], datetime(2026, 11, 23, 9, tzinfo=SH)
        )
    assert "language 'fr' must be zh, en or empty" in bad.errors[0]
    with world.bot.db.read() as s:
        langs = {c.name: c.language for c in s.exec(select(Client))}
    assert langs == {"可口可乐": "en", "Nike": "zh", "Coca Cola Bottling": "zh"}


def test_a_bang_with_an_unknown_client_opens_the_form_with_important_ticked(world: World) -> None:
    world.slack.command("/contact", "! 百事可乐 价格谈判")
    [call] = world.slack.wait_for("views.open")
    box = next(b for b in call.args["view"]["blocks"] if b.get("block_id") == "important")
    assert [o["value"] for o in box["element"]["initial_options"]] == ["important"]
    assert contacts(world) == []


def test_ticking_important_on_an_edit_starts_the_clock(world: World) -> None:
    world.slack.command("/contact", "Nike 只是问候")
    [log] = contacts(world)
    assert not log.report_due
    world.slack.click("contact_edit", str(log.id))
    form = world.slack.wait_for("views.open")[0].args["view"]
    assert world.slack.submit(form, {"important": ["important"]}).text == ""
    assert wait_until(lambda: contacts(world)[0].report_due)
    assert contacts(world)[0].important
