"""The overtime timetable: the 16:30 reminder (who gets it, who does not, on a day off and on a
调休 Saturday), "No overtime today", a reminder not delivered by the 17:00 cut-off dropped, the
cut-off list to the project execution director, and "Approve all on time"."""

from __future__ import annotations

import json
from datetime import date, datetime, time

from sqlmodel import select

from bot.rules.approvals import APPROVED, PENDING
from forms.registered.overtime import SUBJECT
from scheduler import overtime_tasks
from scheduler.run import Run
from scheduler.timetable import TASKS, run_task
from storage import approvals, queries
from storage.approvals import Filing
from storage.models import Client, DayMark, Job, Leave, OutboxMessage, OvertimeForm, Whereabouts
from tests.conftest import ADMIN, SH, TEAM, World, ask, wait_until
from tests.messages import lines_of
from tests.test_imports import count_statements

MON = date(2026, 11, 23)
MON_1630 = datetime(2026, 11, 23, 16, 30, tzinfo=SH)
MON_1702 = datetime(2026, 11, 23, 17, 2, tzinfo=SH)
SAT_1630 = datetime(2026, 11, 28, 16, 30, tzinfo=SH)  # a day off
MAKE_UP_SAT_1630 = datetime(2026, 2, 14, 16, 30, tzinfo=SH)  # 调休: a working Saturday
OK = "delivered {d}, pending 0, failed 0, expired 0"


# --- the team and its day ---------------------------------------------------------------------
def member(w: World, user: str, name: str, role: str, language: str | None = None) -> None:
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, user, w.clock.now(), name=name, role=role,
                              manager_id="U0AM1", language=language)  # fmt: skip


def add_job(w: World, owner: str, status: str = "open", seq: int = 1) -> int:
    with w.bot.db.write() as s:
        c = s.exec(select(Client).where(Client.name == "Nike")).one()
        at = datetime(2026, 12, 4, 18, 0, tzinfo=SH)
        job = Job(
            team_id=TEAM, number=f"CR-202611-{seq:02d}", department="creative", month=202611,
            seq=seq, client_id=c.id, project="春季上新", job_type="KV",
            brief="目标：春季上新；受众：18-30 岁；交付：主视觉 3 稿", deadline=at,
            internal_deadline=at, owner_id=owner, issued_by=owner, status=status,
        )  # fmt: skip
        s.add(job)
        s.flush()
        assert job.id is not None
        return job.id


def file_form(
    w: World, filer: str, members: list[str], at: datetime, *, late: bool = False,
    day: date = MON, approver: str = "U0PED",
) -> tuple[int, int]:  # fmt: skip
    """An overtime form filed at `at` and its request to `approver`, delivered; (form, request)."""
    w.clock.set(at)
    with w.bot.db.write() as s:
        form = OvertimeForm(
            team_id=TEAM, filer_id=filer, members=json.dumps(members), day=day,
            start=datetime.combine(day, time(19, 0), SH), end=datetime.combine(day, time(22, 0), SH),
            reason="赶提案", late=late, created_at=at, updated_at=at,
        )  # fmt: skip
        s.add(form)
        s.flush()
        assert form.id is not None
        title = f"{day:%m-%d} 19:00-22:00 {filer}"
        filing = Filing(TEAM, "overtime", filer, title, subject="overtime", subject_id=form.id)
        a = ask(w.bot, s, filing, approver, at)
        form.approval_id = a.id
        s.add(form)
        form_id, approval_id = form.id, a.id
    w.bot.courier.drain()
    assert approval_id is not None
    return form_id, approval_id


def run(w: World, task: str, at: datetime) -> tuple[str, str]:
    w.clock.set(at)
    [o] = run_task(TASKS[task], at, w.tasks)
    return o.status, o.detail


def actions(message: dict) -> list[tuple[str, str]]:
    return [
        (e["action_id"], e["value"])
        for b in message.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def answers(w: World) -> list[tuple[str, bool]]:
    return [
        (c.args["text"], bool(c.args.get("replace_original")))
        for c in w.fake.calls_to("response_url")
    ]


def marks(w: World) -> list[tuple[str, date, str]]:
    with w.bot.db.read() as s:
        return [(m.user_id, m.day, m.kind) for m in s.exec(select(DayMark))]


def status(w: World, approval_id: int) -> str:
    with w.bot.db.read() as s:
        a = approvals.get(s, TEAM, approval_id)
    assert a is not None
    return a.status


def a_day_of_overtime(w: World) -> None:
    """Everyone on the team owns an open job; each AE is kept from the reminder by another
    reason, but for U0AE1 (zh), U0AE2 (en) and U0AE7 (out only until 17:00)."""
    for user, name in (
        ("U0AE3", "Wang AE"),
        ("U0AE4", "Feng AE"),
        ("U0AE5", "Chen AE"),
        ("U0AE6", "Chu AE"),
        ("U0AE7", "Wei AE"),
        ("U0AE8", "Jiang AE"),
    ):
        member(w, user, name, "ae")  # fmt: skip
    member(w, "U0PED", "Ma PED", "ped")
    for seq, owner in enumerate(("U0AE1", "U0AE2", "U0AE3", "U0AAE", "U0AE4", "U0AE5", "U0AE6",
                                 "U0AE7", "U0AM1", "U0AE1"), 1):  # fmt: skip
        add_job(w, owner, seq=seq)
    add_job(w, "U0AE8", "closed", seq=20)  # only a closed job
    add_job(w, "U0AE8", "pending", seq=21)  # and one not yet approved
    file_form(w, "U0AE3", ["U0AE3", "U0AAE"], datetime(2026, 11, 23, 15, 0, tzinfo=SH))
    with w.bot.db.write() as s:
        nike = s.exec(select(Client).where(Client.name == "Nike")).one()
        s.add(DayMark(team_id=TEAM, user_id="U0AE4", day=MON, kind="no-overtime"))
        s.add(Leave(team_id=TEAM, user_id="U0AE5", first_day=MON, last_day=date(2026, 11, 24),
                    kind="annual"))  # fmt: skip
        for user, end in (("U0AE6", 18), ("U0AE7", 17)):
            s.add(Whereabouts(team_id=TEAM, user_id=user, client_id=nike.id, purpose="拜访提案",
                              start=datetime(2026, 11, 23, 14, 0, tzinfo=SH),
                              end=datetime(2026, 11, 23, end, 0, tzinfo=SH)))  # fmt: skip


# --- overtime-reminder ------------------------------------------------------------------------
def test_the_1630_reminder_goes_to_each_ae_with_an_open_job_and_no_form_today(
    world: World,
) -> None:
    a_day_of_overtime(world)
    world.fake.reset()
    assert run(world, "overtime-reminder", MON_1630) == (
        "sent",
        "3 DMs, 2 on a form, 1 said no overtime, 1 on leave, 1 out · " + OK.format(d=3),
    )
    reminded = {c.args["channel"] for c in world.fake.calls_to("chat.postMessage")}
    assert reminded == {"U0AE1", "U0AE2", "U0AE7"}  # not the AM, nor the AE with no open job
    [zh] = world.fake.dms("U0AE1")
    assert zh["text"] == "加班单提醒：今天要加班的话，请在 17:00 前填加班单。"
    assert lines_of(zh) == [
        "你有 2 个进行中的工作单，今天还没有加班单。要加班的话请在 *17:00 前* 填加班单"
        "并交项目执行总监签批（之后提交算迟交）；不加班就点“今天不加班”。"
    ]
    assert actions(zh) == [("overtime_file", ""), ("overtime_none_today", "U0AE1")]
    assert [e["text"]["text"] for e in zh["blocks"][1]["elements"]] == ["填加班单", "今天不加班"]
    [en] = world.fake.dms("U0AE2")
    assert en["text"] == "Overtime today? File the form before 17:00."
    assert lines_of(en) == [
        "You have 1 open job and no overtime form today. If you will stay late, file the form "
        "*before 17:00* for the project execution director to sign (after that it is late); if "
        "not, click “No overtime today”."
    ]
    assert [e["text"]["text"] for e in en["blocks"][1]["elements"]] == [
        "File overtime",
        "No overtime today",
    ]
    assert actions(en) == [("overtime_file", ""), ("overtime_none_today", "U0AE2")]
    with world.bot.db.read() as s:
        rows = s.exec(select(OutboxMessage).where(OutboxMessage.job == "overtime-reminder")).all()
    assert {r.useful_until for r in rows} == {datetime(2026, 11, 23, 17, 0, tzinfo=SH)}
    assert run(world, "overtime-reminder", MON_1630.replace(minute=45))[0] == "already-ran"
    assert len(world.fake.calls_to("chat.postMessage")) == 3


def test_no_reminder_on_a_day_off_one_on_a_make_up_saturday(world: World) -> None:
    add_job(world, "U0AE1")
    assert run(world, "overtime-reminder", SAT_1630) == ("day-off", "2026-11-28")
    assert world.fake.calls_to("chat.postMessage") == []
    status_, detail = run(world, "overtime-reminder", MAKE_UP_SAT_1630)
    assert (status_, detail.split(" · ")[0]) == (
        "sent",
        "1 DMs, 0 on a form, 0 said no overtime, 0 on leave, 0 out",
    )
    [dm] = world.fake.dms("U0AE1")
    assert dm["text"] == "加班单提醒：今天要加班的话，请在 17:00 前填加班单。"


def test_the_reminders_time_and_cutoff_are_team_settings(world: World) -> None:
    add_job(world, "U0AE2")
    for line in ("settings set overtime_reminder_at 16:00", "settings set overtime_cutoff 16:45"):
        world.slack.command("/aebot", line, user=ADMIN)
    assert TASKS["overtime-reminder"].when(world.tasks.team_settings.of(TEAM)) == (
        "working days 16:00"
    )
    run(world, "overtime-reminder", datetime(2026, 11, 23, 16, 0, tzinfo=SH))
    [en] = world.fake.dms("U0AE2")
    assert en["text"] == "Overtime today? File the form before 16:45."


def test_the_reminder_decides_in_a_constant_number_of_statements(world: World) -> None:
    a_day_of_overtime(world)

    def decide() -> tuple[int, int]:
        r = Run(TEAM, MON_1630, "overtime-reminder", "2026-11-23")
        seen = count_statements(world.bot.db)
        overtime_tasks.overtime_reminder(r, world.tasks)
        return len(seen), len(r.decided)

    decide()  # the team's settings are read once, then cached
    few = decide()
    for i in range(30):
        member(world, f"U1AE{i:02d}", f"Zz AE {i:02d}", "ae")
        add_job(world, f"U1AE{i:02d}", seq=40 + i)
    many = decide()
    assert (few[1], many[1]) == (3, 33)
    assert many[0] == few[0] == 6  # members, open jobs, forms, marks, leave, out


# --- "No overtime today" ----------------------------------------------------------------------
def test_no_overtime_today_silences_todays_reminder_once_and_only_for_its_owner(
    world: World,
) -> None:
    add_job(world, "U0AE1")
    add_job(world, "U0AE2", seq=2)
    run(world, "overtime-reminder", MON_1630)
    world.clock.set(datetime(2026, 11, 23, 16, 40, tzinfo=SH))

    world.slack.click("overtime_none_today", "U0AE1", user="U0AE2", channel="D0U0AE2")
    world.slack.wait_for("response_url")
    world.slack.click("overtime_none_today", "U0AE2", user="U0AE1", channel="D0U0AE1")
    world.slack.wait_for("response_url", 2)
    assert answers(world) == [
        ("This reminder is for <@U0AE1>; only they can silence it. Nothing was changed.", False),
        ("这条提醒是发给 <@U0AE2> 的，只有本人可以关掉。没有做任何改动。", False),
    ]
    assert marks(world) == []

    world.slack.click("overtime_none_today", "U0AE1", user="U0AE1", channel="D0U0AE1")
    world.slack.wait_for("response_url", 3)
    assert answers(world)[2] == ("好的，今天不加班——今天不再提醒你。", True)
    world.slack.click("overtime_none_today", "U0AE1", user="U0AE1", channel="D0U0AE1")
    world.slack.click("overtime_none_today", "U0AE2", user="U0AE2", channel="D0U0AE2")
    world.slack.wait_for("response_url", 5)
    assert sorted(answers(world)[3:]) == [
        ("OK, no overtime today — no more reminders today.", True),
        ("好的，今天不加班——今天不再提醒你。", True),
    ]
    assert sorted(marks(world)) == [("U0AE1", MON, "no-overtime"), ("U0AE2", MON, "no-overtime")]

    # The day's run is decided once; deciding it again, the silenced are left out.
    assert run(world, "overtime-reminder", datetime(2026, 11, 23, 16, 50, tzinfo=SH))[0] == (
        "already-ran"
    )
    assert len(world.fake.calls_to("chat.postMessage")) == 2
    again = Run(TEAM, MON_1630, "overtime-reminder", "2026-11-23")
    assert overtime_tasks.overtime_reminder(again, world.tasks).startswith("0 DMs")
    # Tomorrow is another day.
    tomorrow = Run(TEAM, MON_1630.replace(day=24), "overtime-reminder", "2026-11-24")
    assert overtime_tasks.overtime_reminder(tomorrow, world.tasks).startswith("2 DMs")


def test_a_reminder_not_delivered_by_the_cutoff_is_dropped_not_sent_late(world: World) -> None:
    add_job(world, "U0AE1")
    add_job(world, "U0AE2", seq=2)
    world.bot.courier.tries = 1  # one try a pass: the failed one waits for a later pass
    world.fake.inject("chat.postMessage", "http500", channels=["U0AE1"])
    status_, detail = run(world, "overtime-reminder", MON_1630)
    assert (status_, detail.split(" · ")[1]) == (
        "pending", "delivered 1, pending 1, failed 0, expired 0"
    )  # fmt: skip
    assert world.fake.dms("U0AE1") == [] and len(world.fake.dms("U0AE2")) == 1

    world.clock.set(datetime(2026, 11, 23, 17, 1, tzinfo=SH))  # Slack answers again, too late
    tally = world.bot.courier.drain(now_or_later=True)
    assert (tally.delivered, tally.expired) == (0, 1)
    assert world.fake.dms("U0AE1") == []
    with world.bot.db.read() as s:
        row = s.exec(select(OutboxMessage).where(OutboxMessage.recipient == "U0AE1")).one()
    assert (row.status, row.error) == ("expired", "no longer useful")


# --- overtime-cutoff --------------------------------------------------------------------------
def forms_of_the_day(w: World) -> dict[str, int]:
    """Monday's forms: two on time and one late still waiting, one decided, one of another
    day; their requests by name."""
    member(w, "U0PED", "Ma PED", "ped")
    member(w, "U0PED2", "Xu PED", "ped", language="en")
    ids = {
        "ae1": file_form(w, "U0AE1", ["U0AE1"], datetime(2026, 11, 23, 14, 0, tzinfo=SH))[1],
        "ae2": file_form(w, "U0AE2", ["U0AE2"], datetime(2026, 11, 23, 16, 59, tzinfo=SH))[1],
        "late": file_form(
            w, "U0AAE", ["U0AAE"], datetime(2026, 11, 23, 17, 1, tzinfo=SH), late=True
        )[1],
        "decided": file_form(w, "U0AE1", ["U0AM1"], datetime(2026, 11, 23, 11, 0, tzinfo=SH))[1],
        "friday": file_form(w, "U0AE2", ["U0AE2"], datetime(2026, 11, 20, 15, 0, tzinfo=SH),
                            day=date(2026, 11, 20))[1],
    }  # fmt: skip
    with w.bot.db.write() as s:
        decided = approvals.get(s, TEAM, ids["decided"])
        assert decided is not None
        approvals.decide(s, decided, "U0PED", APPROVED, "", "button", w.clock.now(), SUBJECT)
    w.fake.reset()
    return ids


def test_the_cutoff_list_goes_to_the_ped_with_per_form_buttons_and_approve_all(
    world: World,
) -> None:
    ids = forms_of_the_day(world)
    assert run(world, "overtime-cutoff", MON_1702) == (
        "sent", "1 DMs, 3 forms waiting, 1 late · " + OK.format(d=1)
    )  # fmt: skip
    assert world.fake.dms("U0PED2") == []  # the first PED by name
    [dm] = world.fake.dms("U0PED")
    assert dm["text"] == "加班单截止：周一 11月23日 还有 3 张加班单等你审批。"
    shown = lines_of(dm)
    assert shown[0] == (
        "*周一 11月23日 的加班单还有 3 张等你审批*（17:00 截止）。\n"
        "其中 1 张在截止后提交，已标为迟交，请逐张审批。"
    )
    assert [t for t in shown if t.startswith("<@")] == [
        "<@U0AE1> 请你审批加班单：*11-23 19:00-22:00 U0AE1*",
        "<@U0AE2> 请你审批加班单：*11-23 19:00-22:00 U0AE2*",
        "<@U0AAE> 请你审批加班单：*11-23 19:00-22:00 U0AAE*",
    ]
    assert shown[-1] == "⏰ 迟交：周一 11月23日 17:01 提交，晚于 17:00 截止。"
    assert actions(dm) == [
        ("overtime_approve_all", "2026-11-23"),
        ("approval_approve", str(ids["ae1"])), ("approval_reject", str(ids["ae1"])),
        ("approval_approve", str(ids["ae2"])), ("approval_reject", str(ids["ae2"])),
        ("approval_approve", str(ids["late"])), ("approval_reject", str(ids["late"])),
    ]  # fmt: skip
    assert dm["blocks"][1]["elements"][0]["text"]["text"] == "批准全部按时提交的（2 张）"

    # The engine's own buttons work from the list.
    world.slack.click("approval_approve", str(ids["late"]), user="U0PED", channel="D0U0PED")
    assert wait_until(lambda: status(world, ids["late"]) == APPROVED)
    assert wait_until(lambda: len(world.fake.dms("U0AAE")) == 1)


def test_nothing_waiting_no_cutoff_dm(world: World) -> None:
    member(world, "U0PED", "Ma PED", "ped")
    aid = file_form(world, "U0AE1", ["U0AE1"], datetime(2026, 11, 23, 14, 0, tzinfo=SH))[1]
    with world.bot.db.write() as s:
        decided = approvals.get(s, TEAM, aid)
        assert decided is not None
        approvals.decide(s, decided, "U0PED", APPROVED, "", "button", world.clock.now(), SUBJECT)
    world.fake.reset()
    assert run(world, "overtime-cutoff", MON_1702) == (
        "sent", "0 DMs, nothing waiting · " + OK.format(d=0)
    )  # fmt: skip
    assert world.fake.calls_to("chat.postMessage") == []


def test_with_no_ped_the_cutoff_list_goes_to_each_admin(world: World) -> None:
    aid = file_form(world, "U0AE1", ["U0AE1"], datetime(2026, 11, 23, 16, 0, tzinfo=SH),
                    approver="U0AM1")[1]  # fmt: skip
    world.fake.reset()
    assert run(world, "overtime-cutoff", MON_1702)[1].startswith("1 DMs, 1 forms waiting, 0 late")
    [dm] = world.fake.dms(ADMIN)
    assert lines_of(dm)[:2] == [
        "*周一 11月23日 的加班单还有 1 张等你审批*（17:00 截止）。",
        "团队里没有项目执行总监，所以发给管理员。",
    ]
    assert actions(dm) == [
        ("overtime_approve_all", "2026-11-23"),
        ("approval_approve", str(aid)),
        ("approval_reject", str(aid)),
    ]


def test_the_cutoff_list_in_english_with_only_a_late_form_has_no_approve_all(
    world: World,
) -> None:
    member(world, "U0PED", "Ma PED", "ped", language="en")
    aid = file_form(world, "U0AE2", ["U0AE2"], datetime(2026, 11, 23, 17, 1, tzinfo=SH),
                    late=True)[1]  # fmt: skip
    world.fake.reset()
    run(world, "overtime-cutoff", MON_1702)
    [dm] = world.fake.dms("U0PED")
    assert dm["text"] == "Overtime cut-off: 1 form of Mon 23 Nov is waiting for your decision."
    assert lines_of(dm) == [
        "*1 overtime form of Mon 23 Nov is waiting for your decision* (cut-off 17:00).\n"
        "1 of them was filed after the cut-off and is marked late: decide it on its own.",
        "<@U0AE2> asks you to approve a overtime form: *11-23 19:00-22:00 U0AE2*",
        "⏰ Late: filed Mon 23 Nov 17:01, after the 17:00 cut-off.",
    ]
    assert actions(dm) == [("approval_approve", str(aid)), ("approval_reject", str(aid))]


# --- "Approve all on time" --------------------------------------------------------------------
def test_approve_all_on_time_only_by_the_ped_or_an_admin_and_only_on_time_forms(
    world: World,
) -> None:
    ids = forms_of_the_day(world)
    run(world, "overtime-cutoff", MON_1702)
    world.clock.set(datetime(2026, 11, 23, 17, 10, tzinfo=SH))
    posted = len(world.fake.calls_to("chat.postMessage"))

    for user, n in (("U0AE1", 1), ("U0AE2", 2), ("U0AM1", 3)):
        world.slack.click("overtime_approve_all", "2026-11-23", user=user, channel="D0" + user)
        world.slack.wait_for("response_url", n)
    assert answers(world) == [
        ("只有项目执行总监或管理员可以一键批准加班单。没有做任何改动。", False),
        ("Only the project execution director or an admin can approve overtime forms all at "
         "once. Nothing was changed.", False),
        ("只有项目执行总监或管理员可以一键批准加班单。没有做任何改动。", False),
    ]  # fmt: skip
    assert [status(world, ids[k]) for k in ("ae1", "ae2", "late")] == [PENDING] * 3
    assert len(world.fake.calls_to("chat.postMessage")) == posted

    # Another PED may click, but the engine's safeguard holds: the forms wait for Ma PED.
    world.fake.reset()
    world.slack.click("overtime_approve_all", "2026-11-23", user="U0PED2", channel="D0U0PED2")
    world.slack.wait_for("response_url", 2)
    assert answers(world)[1] == (
        "2 on-time forms are waiting for someone else's decision and were not changed. "
        "1 late form still waits to be decided on its own.",
        False,
    )
    assert [status(world, ids[k]) for k in ("ae1", "ae2", "late")] == [PENDING] * 3

    # The PED: both on-time forms approved, the late one left; the list redrawn.
    world.fake.reset()
    world.slack.click("overtime_approve_all", "2026-11-23", user="U0PED", channel="D0U0PED")
    world.slack.wait_for("response_url", 2)
    assert [status(world, ids[k]) for k in ("ae1", "ae2", "late", "friday")] == [
        APPROVED, APPROVED, PENDING, PENDING,
    ]  # fmt: skip
    redrawn, said = world.fake.calls_to("response_url")
    assert said.args["text"] == "已批准 2 张按时提交的加班单。还有 1 张迟交的加班单需要逐张审批。"
    assert redrawn.args["replace_original"] is True
    assert actions(redrawn.args) == [
        ("approval_approve", str(ids["late"])), ("approval_reject", str(ids["late"])),
    ]  # fmt: skip
    # Each requester told once; each request's own DM redrawn without its buttons.
    assert wait_until(lambda: len(world.fake.dms("U0AE1")) == len(world.fake.dms("U0AE2")) == 1)
    assert world.fake.dms("U0AE2")[0]["text"] == (
        "✅ <@U0PED> approved your overtime form “11-23 19:00-22:00 U0AE2”."
    )
    # the PED's DM and the requester's copy of each
    assert wait_until(lambda: len(world.fake.calls_to("chat.update")) == 4)
    updated = sorted(c.args["channel"] for c in world.fake.calls_to("chat.update"))
    assert updated == ["DU0AE1", "DU0AE2", "DU0PED", "DU0PED"]
    with world.bot.db.read() as s:
        by = {a.id: a.decided_by for a in s.exec(select(approvals.Approval))}
        forms = {f.approval_id: f.status for f in s.exec(select(OvertimeForm))}
    assert (by[ids["ae1"]], by[ids["ae2"]]) == ("U0PED", "U0PED")
    assert [forms[ids[k]] for k in ("ae1", "ae2", "late")] == ["approved", "approved", "pending"]

    # Clicked again: nothing left on time.
    world.fake.reset()
    world.slack.click("overtime_approve_all", "2026-11-23", user="U0PED", channel="D0U0PED")
    world.slack.wait_for("response_url", 2)
    assert world.fake.calls_to("response_url")[1].args["text"] == (
        "没有按时提交、还在等审批的加班单了。还有 1 张迟交的加班单需要逐张审批。"
    )


def test_an_admin_may_approve_all_on_time(world: World) -> None:
    ids = forms_of_the_day(world)
    run(world, "overtime-cutoff", MON_1702)
    world.fake.reset()
    world.slack.click("overtime_approve_all", "2026-11-23", user=ADMIN, channel="D0U0ADMIN")
    world.slack.wait_for("response_url", 2)
    assert [status(world, ids[k]) for k in ("ae1", "ae2", "late")] == [
        APPROVED, APPROVED, PENDING,
    ]  # fmt: skip
