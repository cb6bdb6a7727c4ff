"""Action items in the week's rhythm: the Monday agenda's problems part lists overdue items;
the Friday report gives each AE's done / open / overdue counts (and leaves out one with none)."""

from __future__ import annotations

from datetime import date, datetime

from bot.rules import week as rules
from bot.slack.texts import Reader
from bot.slack.views import report as view
from scheduler.timetable import TASKS, run_task
from storage import action_items
from storage.week import read_week
from tests.action_item_setup import line, report_with
from tests.conftest import ADMIN, SH, TEAM, World

FRI_1530 = datetime(2026, 11, 27, 15, 30, tzinfo=SH)


def test_the_monday_agenda_lists_overdue_items_under_problems(world: World) -> None:
    report_with(world, [line("U0AE2", "send the quote", date(2026, 11, 26))])
    report_with(world, [line("U0AE1", "下周一交提案", date(2026, 11, 30))])  # due that day
    world.slack.command("/aebot", "settings set team_channel C0TEAM0001", user=ADMIN)
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=SH)
    world.clock.set(monday)
    [o] = run_task(TASKS["monday-agenda"], monday, world.tasks)
    assert o.status == "sent", o.detail
    [post] = world.fake.messages("C0TEAM0001")
    shown = "\n".join(b["text"]["text"] for b in post["blocks"] if b.get("text"))
    problems = shown[shown.index("需要协调的问题") :]
    assert "逾期未完成的待办" in problems
    assert "Li AE · *可口可乐* · send the quote（截止 周四 11月26日）" in problems
    assert "下周一交提案" not in shown


def test_the_friday_report_counts_each_aes_items(world: World) -> None:
    _, (a, b, c) = report_with(
        world,
        [
            line("U0AE1", "写纪要", date(2026, 11, 24)),
            line("U0AE1", "发报价", date(2026, 11, 25)),
            line("U0AE1", "约拍摄", date(2026, 12, 2)),
        ],
    )
    with world.bot.db.write() as s:
        action_items.mark_done(s, TEAM, a, "U0AE1", datetime(2026, 11, 24, 12, tzinfo=SH))
    world.clock.set(FRI_1530)
    monday, days, log = rules.week_days(world.bot.calendars.for_team(TEAM), FRI_1530.date())
    with world.bot.db.read() as s:
        week, _ = read_week(s, TEAM, monday=monday, days=days, now=FRI_1530, zone=SH, log_month=log)
    rep = rules.compile_week(week)
    sun, li = rep.of("U0AE1"), rep.of("U0AE2")
    assert sun is not None and li is not None
    zh = view.ae_lines(Reader("zh", SH, FRI_1530), sun)
    assert "待办（督促落实）：本周完成 1 · 未完成 2 · 其中逾期 1" in zh
    en = view.ae_lines(Reader("en", SH, FRI_1530), sun)
    assert "Action items: done this week 1 · open 2 · of which overdue 1" in en
    assert not any("Action items" in x for x in view.ae_lines(Reader("en", SH, FRI_1530), li))
