"""The timetable's contact tasks: nudge, sweep, report clock, follow-ups; once per period."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from bot.clock import FixedClock
from sandbox.fake_slack import FakeSlack
from scheduler.timetable import TASKS, catch_up, run_task
from storage import queries
from storage.imports import import_team
from storage.models import Client, ContactLog, TaskRun
from tests.conftest import ADMIN, SH, TEAM, TEAM_ROWS, World, make_bot, seed, wait_until


def log_contact(
    w: World, client: str, at: datetime, kind: str = "call", author: str = "U0AE1", **kw: object
) -> int:
    with w.bot.db.write() as s:
        c = s.exec(select(Client).where(Client.name == client)).one()
        log = queries.add_contact(
            s,
            ContactLog(
                team_id=TEAM,
                client_id=c.id,
                author_id=author,
                kind=kind,
                at=at,
                summary="s",
                report_due=kind in ("visit", "meeting"),
                **kw,
            ),
        )
        return log.id or 0


def dms(w: World, user: str) -> list[dict]:
    return [c.args for c in w.fake.calls_to("chat.postMessage") if c.args["channel"] == user]


def test_nudge_lists_due_clients_oldest_first_with_buttons_once_per_day(world: World) -> None:
    log_contact(
        world, "Nike", datetime(2026, 11, 18, 15, tzinfo=SH)
    )  # Wed: 3 working days by Monday
    at = datetime(2026, 11, 23, 9, 30, tzinfo=SH)
    [o] = run_task(TASKS["contact-nudge"], at, world.tasks)
    assert o.status == "sent"
    [dm] = dms(world, "U0AE1")
    sections = [b["text"]["text"] for b in dm["blocks"] if b["type"] == "section"]
    assert "今天该联络的客户（2 个" in sections[0]
    assert "可口可乐" in sections[1] and "还没有联络记录" in sections[1]
    assert (
        "Nike" in sections[2] and "3 个工作日前" in sections[2] and "周三 11月18日" in sections[2]
    )
    assert "15:00" not in sections[2]  # the day is enough beside "3 working days ago"
    buttons = [b["accessory"]["action_id"] for b in dm["blocks"] if "accessory" in b]
    assert buttons == ["contact_log_call", "contact_log_call"]
    [en] = dms(world, "U0AE2")
    assert en["blocks"][0]["text"]["text"].startswith("Clients due a call today (")
    assert (
        run_task(TASKS["contact-nudge"], at + timedelta(minutes=5), world.tasks)[0].status
        == "already-ran"
    )
    assert len(world.fake.calls_to("chat.postMessage")) == 2


def test_a_long_nudge_is_a_list_with_one_menu_that_opens_the_form(world: World) -> None:
    """Past five clients the nudge is a list (a line each) with one "Log a call with…" menu;
    choosing a client there opens the contact form with it, as a line's button does."""
    with world.bot.db.write() as s:
        for n in range(6):
            queries.insert_client(
                s,
                TEAM,
                name=f"客户{n}",
                city="上海",
                in_city=True,
                owner_id="U0AE1",
                created_local=datetime(2026, 11, 2, 10, tzinfo=SH),
            )
    at = datetime(2026, 11, 23, 9, 30, tzinfo=SH)
    run_task(TASKS["contact-nudge"], at, world.tasks)
    [dm] = dms(world, "U0AE1")
    assert [b["type"] for b in dm["blocks"]] == ["section", "section", "actions"]
    lines = dm["blocks"][1]["text"]["text"].split("\n")
    assert len(lines) == 8 and all(line.startswith("• *") for line in lines)
    assert "客户0" in dm["blocks"][1]["text"]["text"] and "还没有联络记录" in lines[0]
    [menu] = dm["blocks"][2]["elements"]
    assert menu["type"] == "static_select" and menu["placeholder"]["text"] == "记一次电话：选客户…"
    chosen = next(o for o in menu["options"] if o["text"]["text"] == "客户3")
    assert world.slack.choose(menu["action_id"], chosen["value"]).status_code == 200
    [opened] = world.slack.wait_for("views.open")
    form = opened.args["view"]
    [picker] = [b for b in form["blocks"] if b.get("block_id") == "client"]
    assert form["callback_id"] == "contact_log"
    assert picker["element"]["initial_option"]["value"] == chosen["value"]


def test_nothing_due_means_no_dm(world: World) -> None:
    for name in ("可口可乐", "Nike"):
        log_contact(world, name, datetime(2026, 11, 23, 9, 0, tzinfo=SH))
    [o] = run_task(TASKS["contact-nudge"], datetime(2026, 11, 23, 9, 30, tzinfo=SH), world.tasks)
    assert (o.status, o.detail) == (
        "sent",
        "1 DMs, 1 clients due, 0 follow-ups · delivered 1, pending 0, failed 0, expired 0",
    )  # U0AE2's
    assert dms(world, "U0AE1") == [] and len(dms(world, "U0AE2")) == 1


def test_no_nudge_on_a_day_off_and_one_on_a_make_up_saturday(world: World) -> None:
    [o] = run_task(
        TASKS["contact-nudge"], datetime(2026, 11, 28, 9, 30, tzinfo=SH), world.tasks
    )  # Saturday
    assert o.status == "day-off" and world.fake.calls_to("chat.postMessage") == []
    [o] = run_task(
        TASKS["contact-nudge"], datetime(2026, 2, 14, 9, 30, tzinfo=SH), world.tasks
    )  # 调休 Saturday
    assert o.status == "sent"


def test_sweep_escalates_long_overdue_clients_to_the_manager(world: World) -> None:
    log_contact(
        world, "可口可乐", datetime(2026, 11, 18, 10, tzinfo=SH)
    )  # Wed → Mon: 3 days, overdue 2
    log_contact(
        world, "Nike", datetime(2026, 11, 13, 10, tzinfo=SH)
    )  # Fri → Mon: 6 days, overdue 3
    run_task(TASKS["contact-sweep"], datetime(2026, 11, 23, 17, 30, tzinfo=SH), world.tasks)
    assert dms(world, "U0AE1") == []  # the AE's list is in the day-summary DM
    run_task(TASKS["day-summary"], datetime(2026, 11, 23, 17, 30, tzinfo=SH), world.tasks)
    [ae] = dms(world, "U0AE1")
    assert "下班前提醒：以下 2 个客户今天还没联络：" in str(ae["blocks"])
    [manager] = dms(world, "U0AM1")
    text = "\n".join(b["text"]["text"] for b in manager["blocks"])
    assert "Nike" in text and "逾期 3 个工作日" in text and "Sun AE" in text
    assert "可口可乐" not in text  # overdue 2 is not beyond the limit of 2


def test_escalation_limit_is_a_team_setting(world: World) -> None:
    r = world.slack.command("/aebot", "settings set contact_escalate_after 1", user=ADMIN)
    assert "`contact_escalate_after` = `1`" in r.json()["text"]
    log_contact(world, "可口可乐", datetime(2026, 11, 18, 10, tzinfo=SH))
    run_task(TASKS["contact-sweep"], datetime(2026, 11, 23, 17, 30, tzinfo=SH), world.tasks)
    text = "\n".join(b["text"]["text"] for b in dms(world, "U0AM1")[0]["blocks"])
    assert "可口可乐" in text


def text_of(dm: dict) -> str:
    return "\n".join(b["text"]["text"] for b in dm["blocks"] if b["type"] == "section")


def test_contact_report_reminded_at_24h_and_manager_told_at_48h(world: World) -> None:
    log_id = log_contact(world, "Nike", datetime(2026, 11, 23, 10, 0, tzinfo=SH), kind="meeting")
    task = TASKS["contact-report-due"]
    run_task(task, datetime(2026, 11, 24, 9, 0, tzinfo=SH), world.tasks)
    assert dms(world, "U0AE1") == []  # 23 hours
    run_task(task, datetime(2026, 11, 24, 10, 0, tzinfo=SH), world.tasks)
    [remind] = dms(world, "U0AE1")
    assert "24 小时" in remind["blocks"][0]["text"]["text"]
    [write, sent] = remind["blocks"][2]["elements"]
    assert (write["action_id"], write["value"]) == ("contact_report_write", str(log_id))
    assert (sent["action_id"], sent["value"]) == ("contact_report_sent_in_list", str(log_id))
    run_task(task, datetime(2026, 11, 24, 11, 0, tzinfo=SH), world.tasks)
    assert len(dms(world, "U0AE1")) == 1  # reminded once only
    run_task(task, datetime(2026, 11, 25, 10, 0, tzinfo=SH), world.tasks)
    assert "48 小时" in dms(world, "U0AE1")[1]["blocks"][0]["text"]["text"]
    [mgr] = dms(world, "U0AM1")
    assert "<@U0AE1>" in text_of(mgr) and "contact_report_write" in str(mgr["blocks"])
    with world.bot.db.read() as s:
        log = s.get(ContactLog, log_id)
    assert log.report_reminded_at is not None and log.report_escalated_at is not None


def test_many_reports_of_one_ae_make_one_dm_to_the_ae_and_one_to_the_manager(
    world: World,
) -> None:
    """30 meetings at 24 hours and 30 past 48: one DM to the AE listing all 60 (the rest in
    its thread when long), one to their manager with the 30 overdue; each marked once
    delivered, and nobody told twice."""
    start = datetime(2026, 11, 23, 9, 0, tzinfo=SH)  # Monday
    old = [
        log_contact(world, "Nike", start + timedelta(minutes=i), kind="meeting") for i in range(30)
    ]
    new = [
        log_contact(world, "可口可乐", start + timedelta(days=1, minutes=i), kind="visit")
        for i in range(30)
    ]
    [o] = run_task(TASKS["contact-report-due"], datetime(2026, 11, 25, 10, tzinfo=SH), world.tasks)
    assert o.detail.startswith("30 reminded, 30 escalated")
    assert len(dms(world, "U0AE1")) == 1  # the first; the rest in its thread

    def buttons(user: str) -> int:
        return str([m["blocks"] for m in world.fake.dms(user)]).count("contact_report_write")

    assert wait_until(lambda: buttons("U0AE1") == 60), buttons("U0AE1")
    [mgr] = dms(world, "U0AM1")
    assert buttons("U0AM1") == 30
    assert "可口可乐" not in str(mgr["blocks"])
    with world.bot.db.read() as s:
        assert all(s.get(ContactLog, i).report_escalated_at for i in old)
        assert all(s.get(ContactLog, i).report_reminded_at for i in new)
    before = len(world.fake.calls_to("chat.postMessage"))
    run_task(TASKS["contact-report-due"], datetime(2026, 11, 25, 11, tzinfo=SH), world.tasks)
    assert len(world.fake.calls_to("chat.postMessage")) == before


def test_an_author_on_leave_hears_nothing_and_their_manager_is_told(world: World) -> None:
    log_contact(world, "Nike", datetime(2026, 11, 23, 10, tzinfo=SH), kind="meeting")
    world.slack.command("/out", "leave 11月24日到11月26日 年假")
    task = TASKS["contact-report-due"]
    run_task(task, datetime(2026, 11, 24, 11, tzinfo=SH), world.tasks)
    run_task(task, datetime(2026, 11, 25, 11, tzinfo=SH), world.tasks)
    assert [m for m in dms(world, "U0AE1") if "联络报告" in m["text"]] == []
    [mgr] = dms(world, "U0AM1")
    assert "Nike" in text_of(mgr)
    run_task(task, datetime(2026, 11, 25, 12, tzinfo=SH), world.tasks)
    assert len(dms(world, "U0AM1")) == 1  # told once: its delivery marked it


def test_a_weekend_does_not_eat_the_aes_time_to_send_the_report(world: World) -> None:
    """A meeting on Friday at 10:00: its 24-hour mark falls on Saturday. The AE is reminded on
    Monday morning, with the moment their manager would hear; the manager is told only if the
    report is still unsent at Monday's end_of_day (18:00)."""
    unsent = log_contact(world, "Nike", datetime(2026, 11, 20, 10, tzinfo=SH), kind="meeting")
    sent = log_contact(world, "可口可乐", datetime(2026, 11, 20, 11, tzinfo=SH), kind="visit")
    task = TASKS["contact-report-due"]
    run_task(task, datetime(2026, 11, 20, 19, 0, tzinfo=SH), world.tasks)  # Friday's last run
    [o] = run_task(task, datetime(2026, 11, 23, 9, 0, tzinfo=SH), world.tasks)  # Monday
    assert o.detail.startswith("2 reminded, 0 escalated")
    [both] = dms(world, "U0AE1")  # one DM for both
    nike = next(line for line in text_of(both).splitlines() if "Nike" in line)
    assert "会议 · *Nike*" in nike and "周五 11月20日 10:00" in nike
    assert "中间隔了休息日，时限顺延到 周一 11月23日 18:00" in nike
    assert "已告知你的主管" not in text_of(both)
    assert dms(world, "U0AM1") == []
    world.slack.click("contact_report_sent_in_list", str(sent), user="U0AE1", key="sent")
    [marked] = world.slack.wait_for("response_url")
    assert not marked.args.get("replace_original")  # the DM's other line stays
    for hour in range(10, 18):
        run_task(task, datetime(2026, 11, 23, hour, 0, tzinfo=SH), world.tasks)
    assert len(dms(world, "U0AE1")) == 1 and dms(world, "U0AM1") == []
    [o] = run_task(task, datetime(2026, 11, 23, 18, 0, tzinfo=SH), world.tasks)
    assert o.detail.startswith("0 reminded, 1 escalated")
    assert "已过 48 小时时限" in dms(world, "U0AE1")[1]["blocks"][0]["text"]["text"]
    [manager] = dms(world, "U0AM1")
    assert "<@U0AE1>" in text_of(manager) and "Nike" in text_of(manager)
    assert "可口可乐" not in text_of(manager)
    with world.bot.db.read() as s:
        assert s.get(ContactLog, unsent).report_escalated_at is not None
        assert s.get(ContactLog, sent).report_escalated_at is None


def test_the_aes_confirmation_names_the_due_moment_past_the_weekend(world: World) -> None:
    world.clock.set(datetime(2026, 11, 20, 10, 30, tzinfo=SH))  # Friday
    world.slack.command("/contact", "")
    form = world.slack.wait_for("views.open")[0].args["view"]
    nike = next(
        o["value"]
        for b in form["blocks"]
        if b.get("block_id") == "client"
        for o in b["element"]["options"]
        if o["text"]["text"].startswith("Nike")
    )
    values = {"client": nike, "kind": "meeting", "when": "今天上午10点", "summary": "提案"}
    assert world.slack.submit(form, values).text == ""
    [said] = world.slack.wait_for("chat.postEphemeral")
    assert "联络报告须在 周一 11月23日 18:00 前" in str(said.args["blocks"])


def test_sent_report_stops_the_clock(world: World) -> None:
    sent = log_contact(
        world,
        "Nike",
        datetime(2026, 11, 23, 10, tzinfo=SH),
        kind="visit",
        report_sent_at=datetime(2026, 11, 23, 18, tzinfo=SH),
    )
    unsent = log_contact(world, "可口可乐", datetime(2026, 11, 23, 10, tzinfo=SH), kind="meeting")
    [o] = run_task(
        TASKS["contact-report-due"], datetime(2026, 11, 25, 11, 0, tzinfo=SH), world.tasks
    )
    assert (o.status, o.detail) == (
        "sent",
        "0 reminded, 1 escalated · delivered 2, pending 0, failed 0, expired 0",
    )  # the unsent one only
    told = str([c.args["blocks"] for c in world.fake.calls_to("chat.postMessage")])
    assert "可口可乐" in told and "Nike" not in told
    with world.bot.db.read() as s:
        assert s.get(ContactLog, sent).report_escalated_at is None
        assert s.get(ContactLog, unsent).report_escalated_at is not None


def test_follow_up_reminder_on_its_day_once(world: World) -> None:
    log_contact(
        world,
        "Nike",
        datetime(2026, 11, 20, 10, tzinfo=SH),
        next_steps="寄样品",
        follow_up_on=date(2026, 11, 24),
    )
    run_task(TASKS["contact-nudge"], datetime(2026, 11, 23, 9, 30, tzinfo=SH), world.tasks)
    assert "寄样品" not in str(dms(world, "U0AE1"))
    run_task(TASKS["contact-nudge"], datetime(2026, 11, 24, 9, 30, tzinfo=SH), world.tasks)
    assert "寄样品" in str(dms(world, "U0AE1")[-1]["blocks"])
    run_task(TASKS["contact-nudge"], datetime(2026, 11, 25, 9, 30, tzinfo=SH), world.tasks)
    assert "寄样品" not in str(dms(world, "U0AE1")[-1]["blocks"])


def test_catch_up_sends_todays_missed_nudge_once(world: World) -> None:
    world.clock.set(datetime(2026, 11, 23, 11, 0, tzinfo=SH))
    catch_up(world.tasks)
    assert len(dms(world, "U0AE1")) == 1
    catch_up(world.tasks)  # a second start-up
    assert len(dms(world, "U0AE1")) == 1
    with world.bot.db.read() as s:
        runs = {r.job for r in s.exec(select(TaskRun))}
    # the 17:30 sweep is still ahead
    assert runs == {
        "contact-nudge",
        "contact-report-due",
        "approval-reminders",
        "visit-log-offers",
        "meeting-reconfirm",  # each quarter hour
        "meeting-reports",
        "job-deadlines",
        "job-accept-reminders",
        "job-internal-reminders",
        "job-overdue-notices",
        "action-items",
        "monday-agenda",  # the first working day of the week
        "client-status",
        "holiday-notices",  # 10:00 each working day (it sends only before a holiday)
        "day-digest",  # 09:00: Friday's summaries
    }


def test_a_refused_send_is_given_up_and_an_admin_told_once(world: World) -> None:
    world.fake.fail_next("chat.postMessage", "channel_not_found")
    [o] = run_task(TASKS["contact-nudge"], datetime(2026, 11, 23, 9, 30, tzinfo=SH), world.tasks)
    assert o.status == "sent"
    assert o.detail.endswith("delivered 1, pending 0, failed 1, expired 0")
    [missing] = [u for u in ("U0AE1", "U0AE2") if not world.fake.messages(u)]
    [notice] = dms(world, ADMIN)
    assert f"<@{missing}>（nudge）：channel_not_found" in notice["text"]
    run_task(TASKS["contact-nudge"], datetime(2026, 11, 23, 9, 35, tzinfo=SH), world.tasks)
    assert len(dms(world, ADMIN)) == 1


def test_report_first_seen_at_48h_says_48h_with_the_client_code(world: World) -> None:
    log_contact(world, "Nike", datetime(2026, 11, 23, 10, 0, tzinfo=SH), kind="meeting")
    run_task(TASKS["contact-report-due"], datetime(2026, 11, 25, 10, 0, tzinfo=SH), world.tasks)
    [ae] = dms(world, "U0AE1")
    text = text_of(ae)
    assert "48 小时" in text and "Beijing-202611-Nike-002" in text
    assert len(dms(world, "U0AM1")) == 1
    run_task(TASKS["contact-report-due"], datetime(2026, 11, 25, 11, 0, tzinfo=SH), world.tasks)
    assert len(world.fake.calls_to("chat.postMessage")) == 2  # told once


def test_catch_up_names_the_runs_missed_on_the_previous_working_day(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    run_task(TASKS["contact-nudge"], datetime(2026, 11, 20, 9, 30, tzinfo=SH), world.tasks)  # Fri
    world.clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=SH))  # Monday, before any run is due
    with caplog.at_level("WARNING", logger="aebot.scheduler"):
        catch_up(world.tasks)
    missed = [r.getMessage() for r in caplog.records if "missed" in r.getMessage()]
    assert missed == [
        "missed contact-sweep on 2026-11-20 for T0AEBOT: skipped, it is no longer that working day",
        "missed meeting-notices on 2026-11-20 for T0AEBOT: skipped, it is no longer that "
        "working day",
        "missed job-deadlines on 2026-11-20 for T0AEBOT: skipped, it is no longer that working day",
        "missed action-items on 2026-11-20 for T0AEBOT: skipped, it is no longer that working day",
        "missed overtime-reminder on 2026-11-20 for T0AEBOT: skipped, it is no longer that "
        "working day",
        "missed overtime-cutoff on 2026-11-20 for T0AEBOT: skipped, it is no longer that working day",
        "missed weekly-prompt on 2026-11-20 for T0AEBOT: skipped, it is no longer that working day",
        "missed friday-report on 2026-11-20 for T0AEBOT: skipped, it is no longer that working day",
        "missed holiday-notices on 2026-11-20 for T0AEBOT: skipped, it is no longer that "
        "working day",
        "missed day-summary on 2026-11-20 for T0AEBOT: skipped, it is no longer that working day",
        "missed day-digest on 2026-11-20 for T0AEBOT: skipped, it is no longer that working day",
    ]


def test_the_first_start_after_an_import_misses_nothing_from_before_it(
    fake: FakeSlack, db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Imported on Monday at 08:00 and started at once: Friday's runs were never due."""
    monday_8 = datetime(2026, 11, 23, 8, 0, tzinfo=SH)
    bot = make_bot(fake, db_url, FixedClock(monday_8))
    try:
        seed(bot, monday_8)
        with caplog.at_level("WARNING", logger="aebot.scheduler"):
            catch_up(bot.tasks())
        assert [r.getMessage() for r in caplog.records if "missed" in r.getMessage()] == []
        # a team imported on Friday at 16:00 did miss Friday's evening runs
        with bot.db.write() as s:
            import_team(s, "T0LATER", TEAM_ROWS[:2], datetime(2026, 11, 20, 16, tzinfo=SH))
        with caplog.at_level("WARNING", logger="aebot.scheduler"):
            catch_up(bot.tasks())
        missed = [r.getMessage() for r in caplog.records if "missed" in r.getMessage()]
        assert [m.split(" on ")[0] for m in missed] == [
            "missed contact-sweep",
            "missed meeting-notices",
            "missed overtime-reminder",
            "missed overtime-cutoff",
            "missed day-summary",
        ]  # not the 15:30 Friday report, nor the morning's
        assert all(
            m.endswith("for T0LATER: skipped, it is no longer that working day") for m in missed
        )
    finally:
        bot.close()
