"""The managers' digest of the AE's day (issue 21 part 1): at 09:00 the next working day each
AM and AD gets one DM with their people's summaries and plans, who wrote none, and who was on
leave, apart; `/daily team [day]` shows the same to managers; in zh and en, on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import select

from scheduler import day_tasks
from scheduler.run import Run
from scheduler.timetable import TASKS, run_task
from storage import day as store
from storage import queries
from storage.models import Leave, Member
from tests.conftest import ADMIN, SH, TEAM, World
from tests.test_imports import count_statements

MON = date(2026, 11, 23)
TUE_9 = datetime(2026, 11, 24, 9, 0, tzinfo=SH)
OK = "delivered {d}, pending 0, failed 0, expired 0"


def leave(w: World, user: str, first: date, last: date) -> None:
    with w.bot.db.write() as s:
        s.add(Leave(team_id=TEAM, user_id=user, first_day=first, last_day=last, kind="annual"))


def a_monday(w: World) -> None:
    """Sun AE wrote Monday's summary; Li AE was on leave; Zhou AAE wrote none."""
    with w.bot.db.write() as s:
        at = datetime(2026, 11, 23, 17, 40, tzinfo=SH)
        store.save(s, TEAM, "U0AE1", MON, "耐克提案已发", "跟进可口可乐排期", at)
    leave(w, "U0AE2", MON, MON)


def text_of(dm: dict) -> str:
    return "\n".join(
        b["text"]["text"] if b["type"] == "section" else b["elements"][0]["text"]
        for b in dm["blocks"]
    )


def speaks_english(w: World, user: str) -> None:
    with w.bot.db.write() as s:
        m = s.exec(select(Member).where(Member.user_id == user)).one()
        m.language = "en"
        s.add(m)


def test_the_digest_goes_to_each_am_and_ad_naming_who_wrote_none_and_leave_apart(
    world: World,
) -> None:
    a_monday(world)
    speaks_english(world, "U0AD1")
    world.clock.set(TUE_9)
    [o] = run_task(TASKS["day-digest"], TUE_9, world.tasks)
    assert (o.status, o.detail) == ("sent", "2 DMs, 1 summaries, 1 missing · " + OK.format(d=2))
    [am] = world.fake.dms("U0AM1")
    assert am["text"] == "周一 11月23日 的工作小结"
    assert text_of(am) == (
        "*周一 11月23日 团队的工作小结和次日安排*\n"
        "*Sun AE*\n今天：耐克提案已发\n明天：跟进可口可乐排期\n"
        "没写小结：Zhou AAE\n"
        "请假：Li AE"
    )
    [ad] = world.fake.dms("U0AD1")  # the AD's line leads through the AM
    assert text_of(ad) == (
        "*Your people's summaries of Mon 23 Nov*\n"
        "*Sun AE*\nToday: 耐克提案已发\nTomorrow: 跟进可口可乐排期\n"
        "Wrote none: Zhou AAE\n"
        "On leave: Li AE"
    )
    for user in ("U0AE1", "U0AE2", "U0AAE"):
        assert world.fake.dms(user) == []
    assert run_task(TASKS["day-digest"], TUE_9, world.tasks)[0].status == "already-ran"


def test_on_monday_the_digest_is_fridays_and_nothing_on_a_day_off(world: World) -> None:
    saturday = datetime(2026, 11, 28, 9, 0, tzinfo=SH)
    world.clock.set(saturday)
    assert run_task(TASKS["day-digest"], saturday, world.tasks)[0].status == "day-off"
    with world.bot.db.write() as s:
        store.save(s, TEAM, "U0AAE", date(2026, 11, 27), "周五做完", "周一开会", saturday)
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=SH)
    world.clock.set(monday)
    run_task(TASKS["day-digest"], monday, world.tasks)
    [am] = world.fake.dms("U0AM1")
    assert text_of(am).startswith("*周五 11月27日 团队的工作小结和次日安排*\n*Zhou AAE*")
    assert "没写小结：Li AE、Sun AE" in text_of(am)


def test_a_manager_on_leave_gets_no_digest(world: World) -> None:
    a_monday(world)
    leave(world, "U0AM1", date(2026, 11, 24), date(2026, 11, 24))
    world.clock.set(TUE_9)
    [o] = run_task(TASKS["day-digest"], TUE_9, world.tasks)
    assert o.detail.startswith("1 DMs")
    assert world.fake.dms("U0AM1") == [] and len(world.fake.dms("U0AD1")) == 1


def test_nobody_wrote_says_so(world: World) -> None:
    world.clock.set(TUE_9)
    run_task(TASKS["day-digest"], TUE_9, world.tasks)
    [am] = world.fake.dms("U0AM1")
    assert "还没有人写小结。\n没写小结：Li AE、Sun AE、Zhou AAE" in text_of(am)


def test_daily_team_shows_managers_the_same_and_refuses_others(world: World) -> None:
    a_monday(world)
    world.clock.set(TUE_9)
    r = world.slack.command("/daily", "team", user="U0AM1").json()
    assert r["text"] == "周一 11月23日 的工作小结"
    shown = "\n".join(b["text"]["text"] for b in r["blocks"] if b["type"] == "section")
    assert "*Sun AE*\n今天：耐克提案已发" in shown and "没写小结：Zhou AAE" in shown
    r = world.slack.command("/daily", "team 11月23日", user="U0AM1").json()
    assert r["text"] == "周一 11月23日 的工作小结"
    r = world.slack.command("/daily", "team 昨天", user="U0AM1").json()
    assert r["text"] == "周一 11月23日 的工作小结"
    r = world.slack.command("/daily", "team 香蕉", user="U0AM1").json()
    assert "香蕉" in r["text"]
    r = world.slack.command("/daily", "team", user="U0AE2").json()
    assert r["text"] == (
        "`/daily team` is for managers, to read their people's summaries; `/daily` writes yours."
    )
    r = world.slack.command("/daily", "team", user=ADMIN).json()  # an admin sees everyone
    assert r["text"] == "周一 11月23日 的工作小结"
    # after 17:30 on a working day, today's
    world.clock.set(datetime(2026, 11, 24, 18, 0, tzinfo=SH))
    r = world.slack.command("/daily", "team", user="U0AM1").json()
    assert r["text"] == "周二 11月24日 的工作小结"


def test_the_digest_decides_in_a_constant_number_of_statements(world: World) -> None:
    a_monday(world)
    world.clock.set(TUE_9)

    def decide() -> tuple[int, int]:
        r = Run(TEAM, TUE_9, "day-digest", "2026-11-24")
        seen = count_statements(world.bot.db)
        day_tasks.day_digest(r, world.tasks)
        return len(seen), len(r.decided)

    decide()
    few = decide()
    with world.bot.db.write() as s:
        for i in range(10):
            queries.upsert_member(
                s, TEAM, f"U1AM{i:02d}", TUE_9, name=f"AM {i}", role="am", manager_id="U0AD1"
            )
            queries.upsert_member(
                s, TEAM, f"U1AE{i:02d}", TUE_9, name=f"AE {i}", role="ae", manager_id=f"U1AM{i:02d}"
            )
    many = decide()
    assert (few[1], many[1]) == (2, 12)
    assert many[0] == few[0] == 4  # members, summaries, leave that day, leave today


def test_a_slack_500_on_the_ams_digest_is_delivered_once_by_the_rerun(world: World) -> None:
    """Slack answers 500 twice to the AM: the AD has theirs, the AM's waits; the rerun delivers
    it, once."""
    a_monday(world)
    world.bot.courier.tries = 2
    world.fake.inject("chat.postMessage", "http500", times=2, channels=["U0AM1"])
    world.clock.set(TUE_9)
    [o] = run_task(TASKS["day-digest"], TUE_9, world.tasks)
    assert o.status == "pending" and o.detail.endswith(
        "delivered 1, pending 1, failed 0, expired 0"
    )
    assert (len(world.fake.dms("U0AM1")), len(world.fake.dms("U0AD1"))) == (0, 1)
    later = TUE_9 + timedelta(minutes=1)
    world.clock.set(later)
    [o] = run_task(TASKS["day-digest"], later, world.tasks)
    assert o.status == "resumed"
    assert (len(world.fake.dms("U0AM1")), len(world.fake.dms("U0AD1"))) == (1, 1)
    posts = [c.args["channel"] for c in world.fake.calls_to("chat.postMessage")]
    assert (posts.count("U0AM1"), posts.count("U0AD1")) == (3, 1)  # two 500s, then the digest
