"""What requests read from memory (members' languages, client names, calendars, settings)
follows every change: at once in the process that made it, and at once in the other processes
too (through NOTIFY on PostgreSQL, through the stamps every write moves on SQLite); a change
made outside aebot after at most a minute."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from bot.clock import FixedClock
from sandbox.fake_slack import FakeSlack
from storage import calendars, queries
from storage.changes import TTL
from tests.conftest import ADMIN, MONDAY_10, ROOT, SH, TEAM, World, make_bot, wait_until

OUTSIDER_LINE = f"aebot 只为客户部的同事服务。如需使用，请联系管理员：<@{ADMIN}>。"


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
    """On PostgreSQL through NOTIFY, on SQLite through the stamps, looked at ten times a
    second: at once, for anyone typing."""
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

        assert wait_until(heard, timeout=2)  # within a tenth of a second on SQLite
    finally:
        other.close()


def test_no_request_reads_the_stamps_itself(world: World) -> None:
    """On SQLite the stamps are looked at on the watch's own thread, ten times a second: a
    request serves what the caches hold and never waits on a look (PostgreSQL has NOTIFY, and
    no stamps to look at)."""
    watch = world.bot.db.stamps
    world.slack.command("/contact", "help")  # the first cache read looks once, starts the looker
    if not world.bot.db.is_sqlite:
        assert watch.path is None and watch._looker is None
        return
    readers: list[str] = []
    assert watch._conn is not None
    watch._conn.set_trace_callback(lambda _: readers.append(threading.current_thread().name))
    for _ in range(5):
        assert world.slack.command("/contact", "help").status_code == 200
    assert wait_until(lambda: readers, timeout=2)  # the looker looks by itself
    assert set(readers) == {"aebot-stamps"}


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


def test_a_team_imported_from_the_shell_while_aebot_runs_is_let_in_at_once(
    world: World, db_url: str, tmp_path: Path
) -> None:
    """The operator's first hour: `aebot run`, then `aebot team import` (another process). The
    people just imported are answered as members on their next command: on SQLite through
    the stamp the import moved, seen within a tenth of a second (before, only after the cache's
    minute, never under a set clock); on PostgreSQL through the import's NOTIFY, heard as
    `aebot run` hears it."""
    if world.bot.db.listen_for_changes():
        assert world.bot.db.listening.wait(5)
    said = world.slack.command("/contact", "help", user="U0NEW1").json()["text"]
    assert said == OUTSIDER_LINE  # not on the team yet: the directory has the team cached
    team_csv = tmp_path / "team.csv"
    team_csv.write_text(
        "user_id,name,role,manager_id,language\nU0NEW1,Wang AE,ae,U0AM1,en\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AEBOT_", "SLACK_"))}
    env |= {"DATABASE_URL": db_url, "AEBOT_TZ": "Asia/Shanghai", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "team", "import", str(team_csv), "--team", TEAM],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "members: 1 added, 0 updated, 0 unchanged, 0 skipped\n"
    # heard on a thread of its own: the stamps' looker (SQLite), the NOTIFY listener (PostgreSQL)
    assert wait_until(lambda: world.bot.directory.person(TEAM, "U0NEW1") is not None, timeout=2)
    said = world.slack.command("/contact", "help", user="U0NEW1").json()["text"]
    assert said.startswith("*/contact — client contact log*")  # a member, in their language


def test_a_change_made_outside_aebot_is_seen_within_a_minute(world: World) -> None:
    """A hand-made change in SQL moves no stamp and sends no NOTIFY: it is seen once the
    team's entry expires (TTL)."""
    assert world.bot.languages.of(TEAM, "U0AE2") == "en"
    with world.bot.db.engine.begin() as conn:
        conn.execute(text("UPDATE member SET language = 'zh' WHERE user_id = 'U0AE2'"))
    assert world.bot.languages.of(TEAM, "U0AE2") == "en"
    world.clock.advance(TTL + timedelta(seconds=1))
    assert world.bot.languages.of(TEAM, "U0AE2") == "zh"
