"""What requests read from memory (members' languages, client names, calendars, settings)
follows every change: at once in the process that made it, through NOTIFY in other processes
on PostgreSQL, and after at most a minute otherwise."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.clock import FixedClock
from sandbox.fake_slack import FakeSlack
from storage import calendars, queries
from storage.changes import TTL
from tests.conftest import MONDAY_10, SH, TEAM, World, make_bot, wait_until


def test_a_change_is_seen_at_once_by_the_process_that_made_it(world: World) -> None:
    assert world.bot.languages.of(TEAM, "U0AE1") == "zh"
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0AE1", world.clock.now(), language="en")
    assert world.bot.languages.of(TEAM, "U0AE1") == "en"
    assert "client contact log" in world.slack.command("/contact", "help").json()["text"]


def test_a_client_added_elsewhere_is_found_by_the_quick_path(world: World, db_url: str) -> None:
    other = make_bot(world.fake, db_url, FixedClock(MONDAY_10))  # another process's parts
    world.slack.command("/contact", "Nike warm the cache up")
    with other.db.write() as s:
        queries.insert_client(
            s, TEAM, name="Adidas", city="Shanghai", in_city=True, owner_id="U0AE1",
            created_local=datetime(2026, 11, 23, 9, tzinfo=SH),
        )  # fmt: skip
    other.close()
    r = world.slack.command("/contact", "Adidas 首次通话")
    assert "Adidas" in r.json()["blocks"][0]["text"]["text"]  # logged, not "unknown client"


def test_other_processes_hear_of_changes(world: World, db_url: str, fake: FakeSlack) -> None:
    """On PostgreSQL through NOTIFY, at once; on SQLite (one process in production) after TTL."""
    clock = FixedClock(MONDAY_10)
    other = make_bot(fake, db_url, clock)
    if other.db.listen_for_changes():
        assert other.db.listening.wait(5)  # connected: what follows is heard, not a fresh start
    try:
        assert other.languages.of(TEAM, "U0AE2") == "en"
        assert other.team_settings.of(TEAM).time("end_of_day").isoformat() == "18:00:00"
        holiday = date(2026, 11, 24)
        assert other.calendars.for_team(TEAM).is_working_day(holiday)
        with world.bot.db.write() as s:
            queries.upsert_member(s, TEAM, "U0AE2", world.clock.now(), language="zh")
            calendars.set_day(s, TEAM, holiday, False, "公司年会", None, world.clock.now())
        world.slack.command("/aebot", "settings set end_of_day 17:00", user="U0ADMIN")

        def heard() -> bool:
            return (
                other.languages.of(TEAM, "U0AE2") == "zh"
                and other.team_settings.of(TEAM).time("end_of_day").hour == 17
                and not other.calendars.for_team(TEAM).is_working_day(holiday)
            )

        if world.bot.db.is_sqlite:
            assert not heard()
            clock.advance(TTL + timedelta(seconds=1))
            assert heard()
        else:
            assert wait_until(heard)
    finally:
        other.close()


def test_a_client_added_elsewhere_can_be_chosen_in_the_form(world: World, db_url: str) -> None:
    world.slack.command("/contact", "")
    form = world.slack.wait_for("views.open")[0].args["view"]  # the team's clients are cached
    other = make_bot(world.fake, db_url, FixedClock(MONDAY_10))
    with other.db.write() as s:
        adidas = queries.insert_client(
            s, TEAM, name="Adidas", city="Shanghai", in_city=True, owner_id="U0AE1",
            created_local=datetime(2026, 11, 23, 9, tzinfo=SH),
        )  # fmt: skip
    other.close()
    option = {"text": {"type": "plain_text", "text": "Adidas"}, "value": str(adidas.id)}
    client_block = next(b for b in form["blocks"] if b.get("block_id") == "client")
    client_block["element"]["options"].append(option)  # as a form opened after the add shows it
    r = world.slack.submit(form, {"client": str(adidas.id), "summary": "首次拜访"})
    assert r.status_code == 200 and r.text == ""
    [eph] = world.slack.wait_for("chat.postEphemeral")
    assert "Adidas" in str(eph.args["blocks"])
