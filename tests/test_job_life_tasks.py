"""The timetable in a job's life: a job not accepted half a working day after its approval,
the half day before its internal deadline (across a weekend), past the client's deadline and
not signed off (once, whatever Slack does), the morning job-deadlines DM to assignees, and the
Monday agenda's line; one DM per person per run, nobody on leave, a constant number of
statements — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import select

from scheduler.run import Run
from scheduler.timetable import TASKS, Task, run_task
from storage import job_life, queries
from storage.models import Job, Leave
from tests.conftest import SH, TEAM, World, outbox_settled, wait_until
from tests.job_life_setup import ARTIST, DESIGN_HEAD, HEAD, WRITER, add_departments, the_job
from tests.job_life_setup import approved_job as approve
from tests.messages import text_of
from tests.test_agenda import CHANNEL, say
from tests.test_imports import count_statements
from tests.test_jobs import client_id

OWNER, MANAGER = "U0AE1", "U0AM1"
ACCEPT, INTERNAL = TASKS["job-accept-reminders"], TASKS["job-internal-reminders"]
OVERDUE, DEADLINES = TASKS["job-overdue-notices"], TASKS["job-deadlines"]


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=SH)


def run(w: World, task: Task, when: datetime) -> tuple[str, str]:
    w.clock.set(when)
    [o] = run_task(task, when, w.tasks)
    return o.status, o.detail


def said(w: World, user: str, words: str) -> list[str]:
    """The user's DMs (delivered) whose text holds `words`, as they read them."""
    return [text_of(m) for m in w.fake.dms(user) if words in text_of(m) or words in m["text"]]


def approved_job(w: World, number: str = "CR-202611-01", **over: str) -> Job:
    """A job filed and approved, every message of it delivered (no fault of a test meets them)."""
    if not _has_departments(w):
        add_departments(w)
    job = approve(w, number, **over)
    assert wait_until(lambda: outbox_settled(w))
    return job


def _has_departments(w: World) -> bool:
    with w.bot.db.read() as s:
        return queries.get_member(s, TEAM, HEAD) is not None


def accept(w: World, number: str, *people: str) -> Job:
    with w.bot.db.write() as s:
        job = s.exec(select(Job).where(Job.number == number)).one()
        assert job_life.accept(s, job, HEAD, w.clock.now())
        job_life.assign(s, job, list(people), HEAD, w.clock.now())
    return the_job(w, number)


def move(w: World, number: str, *states: str) -> None:
    with w.bot.db.write() as s:
        job = s.exec(select(Job).where(Job.number == number)).one()
        for to in states:
            assert job_life.move(s, job, to, HEAD, w.clock.now())
            s.refresh(job)


def on_leave(w: World, user: str, day: date) -> None:
    with w.bot.db.write() as s:
        s.add(Leave(team_id=TEAM, user_id=user, first_day=day, last_day=day, kind="annual"))


def stored(w: World, number: str) -> Job:
    return the_job(w, number)


# --- not accepted half a working day after its approval -------------------------------------------
def test_a_job_not_accepted_in_half_a_working_day_reminds_the_head_and_tells_the_owner_once(
    world: World,
) -> None:
    approved_job(world)  # approved Monday 23 Nov 10:00
    approved_job(world, "CR-202611-02", project="秋季KV")
    accept(world, "CR-202611-02", WRITER)  # this one was taken in time
    assert run(world, ACCEPT, at(23, 14, 15, 11))[1].startswith("0 jobs not accepted, 0 DMs")
    assert run(world, ACCEPT, at(23, 14, 30, 11)) == (
        "sent",
        "1 jobs not accepted, 2 DMs · delivered 2, pending 0, failed 0, expired 0",
    )
    [head] = said(world, HEAD, "工作单待接单")
    assert "以下交给你部门的工作单已批准超过半个工作日，还没有人接单。" in head
    assert (
        "`CR-202611-01` 春季KV · Nike — 批准于 周一 11月23日 10:00，内部截止 周五 12月4日 12:30"
        in head
    )
    assert "CR-202611-02" not in head
    [owner] = said(world, OWNER, "还没有人接单")
    assert "`CR-202611-01` 春季KV · Nike — 创意部，已提醒主管 <@U0CDH>" in owner
    assert said(world, DESIGN_HEAD, "接单") == [] and said(world, WRITER, "待接单") == []
    assert stored(world, "CR-202611-01").accept_reminded_at is not None
    assert stored(world, "CR-202611-02").accept_reminded_at is None
    for later in (at(23, 14, 45, 11), at(24, 9, 0, 11), at(25, 15, 0, 11)):  # once, not again
        assert run(world, ACCEPT, later)[1].startswith("0 jobs not accepted, 0 DMs")
    assert (
        len(said(world, HEAD, "工作单待接单")) == 1
        and len(said(world, OWNER, "部门还没有接单")) == 1
    )


def test_the_half_day_to_accept_is_working_time_and_nobody_on_leave_is_reminded(
    world: World,
) -> None:
    world.clock.set(at(27, 16, 0, 11))  # Friday 16:00: half a working day runs into Monday
    approved_job(world)
    on_leave(world, OWNER, date(2026, 11, 30))
    assert run(world, ACCEPT, at(27, 19, 45, 11))[1].startswith("0 jobs not accepted")
    assert run(world, ACCEPT, at(28, 16, 0, 11))[0] == "day-off"  # Saturday
    assert run(world, ACCEPT, at(30, 11, 15, 11))[1].startswith("0 jobs not accepted")
    assert run(world, ACCEPT, at(30, 11, 30, 11))[1].startswith("1 jobs not accepted, 1 DMs")
    [head] = said(world, HEAD, "工作单待接单")
    assert "批准于 周五 11月27日 16:00" in head
    assert said(world, OWNER, "还没有人接单") == []  # on leave that Monday: not told


# --- half a working day before the internal deadline, not yet sent ----------------------------
def test_the_half_day_before_a_monday_deadline_falls_on_friday_afternoon(world: World) -> None:
    approved_job(world, deadline="12月7日 16:30")  # internal deadline: Monday 7 Dec 12:00
    approved_job(world, "CR-202611-02", project="秋季KV", deadline="12月7日 16:30")
    assert stored(world, "CR-202611-01").internal_deadline == at(7, 12)
    accept(world, "CR-202611-01", WRITER, ARTIST)
    accept(world, "CR-202611-02", WRITER)
    move(world, "CR-202611-02", "progress", "review", "sent")  # sent: its deadline is met
    for early in (at(3, 16, 30), at(4, 9, 0), at(4, 16, 15)):  # 4.75 working hours before
        assert run(world, INTERNAL, early)[1].startswith("0 jobs near their internal deadline")
    assert run(world, INTERNAL, at(4, 16, 30)) == (
        "sent",
        "1 jobs near their internal deadline, 3 DMs · delivered 3, pending 0, failed 0, expired 0",
    )
    [writer] = said(world, WRITER, "内部截止时间快到了")
    assert (
        "以下工作单半个工作日内到内部截止时间，还没有送客户。送客户前要先内部审稿并校对：" in writer
    )
    assert (
        "`CR-202611-01` 春季KV · Nike — 内部截止 周一 12月7日 12:00，客户截止 周一 12月7日 16:30 · 已接单"
        in writer
    )
    assert "CR-202611-02" not in writer
    [artist] = said(world, ARTIST, "Internal deadlines are near")
    assert (
        "`CR-202611-01` 春季KV · Nike — internal deadline Mon 7 Dec 12:00, client's deadline "
        "Mon 7 Dec 16:30 · accepted" in artist
    )
    assert "Say how far a job is with `/job status NUMBER progress|review|sent note`" in artist
    assert len(said(world, HEAD, "内部截止时间快到了")) == 1
    assert (
        said(world, DESIGN_HEAD, "内部截止") == []
        and said(world, OWNER, "内部截止时间快到了") == []
    )
    assert stored(world, "CR-202611-01").internal_reminded_at is not None
    for later in (at(4, 16, 45), at(7, 9, 0), at(7, 11, 45)):  # once
        assert run(world, INTERNAL, later)[1].startswith("0 jobs near their internal deadline")
    assert len(said(world, WRITER, "内部截止时间快到了")) == 1


def test_nobody_on_leave_is_reminded_of_the_internal_deadline(world: World) -> None:
    approved_job(world)  # internal deadline Friday 4 Dec 12:30
    accept(world, "CR-202611-01", WRITER, ARTIST)
    on_leave(world, WRITER, date(2026, 12, 3))
    assert run(world, INTERNAL, at(3, 17, 0)) == (
        "sent",
        "1 jobs near their internal deadline, 2 DMs · delivered 2, pending 0, failed 0, expired 0",
    )
    assert said(world, WRITER, "内部截止") == [] and len(said(world, ARTIST, "Internal")) == 1


# --- past the client's deadline, not signed off ---------------------------------------------------
def test_past_the_client_deadline_the_owner_and_manager_are_told_once_whatever_slack_does(
    world: World,
) -> None:
    approved_job(world)  # the client's deadline: Friday 4 Dec 17:00
    approved_job(world, "CR-202611-02", project="秋季KV")
    accept(world, "CR-202611-02", WRITER)
    move(world, "CR-202611-02", "progress", "review", "sent", "signed")  # signed off in time
    world.bot.courier.backoff = 0.05
    assert run(world, OVERDUE, at(4, 17, 0))[1].startswith("0 jobs past the client's deadline")
    before = len(world.fake.calls_to("chat.postMessage"))
    world.fake.inject("chat.postMessage", "http500", times=1, channels=[OWNER])
    world.fake.inject("chat.postMessage", "ratelimited", times=1, channels=[MANAGER])
    assert run(world, OVERDUE, at(4, 17, 15)) == (
        "sent",
        "1 jobs past the client's deadline, 2 DMs · delivered 2, pending 0, failed 0, expired 0",
    )
    [owner] = said(world, OWNER, "已过客户截止时间")
    assert "以下你的工作单已过客户截止时间，客户还没有签发：" in owner
    assert "`CR-202611-01` 春季KV · Nike — 客户截止 周五 12月4日 17:00 · 已批准，待接单" in owner
    assert "CR-202611-02" not in owner
    [manager] = said(world, MANAGER, "已过客户截止时间")
    assert "以下你团队的工作单已过客户截止时间，客户还没有签发：" in manager
    assert "`CR-202611-01` 春季KV · Nike — <@U0AE1>，客户截止 周五 12月4日 17:00" in manager
    assert "这些工作单也会列在周一例会的议程上" in manager
    posts = [c.args["channel"] for c in world.fake.calls_to("chat.postMessage")[before:]]
    assert (posts.count(OWNER), posts.count(MANAGER)) == (2, 2)  # the fault, then the one DM
    assert stored(world, "CR-202611-01").overdue_told_at is not None
    for later in (at(4, 17, 30), at(7, 9, 0)):
        assert run(world, OVERDUE, later)[1].startswith("0 jobs past the client's deadline")
    assert len(said(world, OWNER, "已过客户截止时间")) == 1
    assert len(said(world, MANAGER, "已过客户截止时间")) == 1


def test_an_overdue_notice_slack_holds_past_its_run_is_sent_once_by_the_next(world: World) -> None:
    approved_job(world)
    world.bot.courier.backoff = 0.05
    world.bot.courier.tries = 1
    world.fake.inject("chat.postMessage", "http500", times=1, channels=[OWNER])
    status, _ = run(world, OVERDUE, at(4, 17, 15))
    assert status == "pending" and said(world, OWNER, "已过客户截止时间") == []
    assert stored(world, "CR-202611-01").overdue_told_at is not None  # the manager's went out
    world.bot.courier.tries = 6
    assert run(world, OVERDUE, at(4, 17, 30))[1].startswith("0 jobs past the client's deadline")
    assert len(said(world, OWNER, "已过客户截止时间")) == 1
    assert len(said(world, MANAGER, "已过客户截止时间")) == 1


def test_a_notice_slack_took_from_neither_is_delivered_later_not_decided_again(
    world: World,
) -> None:
    approved_job(world)
    world.bot.courier.backoff = 0.05
    world.bot.courier.tries = 1
    world.fake.inject("chat.postMessage", "http500", times=2, channels=[OWNER, MANAGER])
    assert run(world, OVERDUE, at(4, 17, 15))[0] == "pending"
    assert stored(world, "CR-202611-01").overdue_told_at is None  # neither delivered yet
    world.fake.reset()
    world.bot.courier.tries = 6
    assert run(world, OVERDUE, at(4, 17, 30))[1].startswith("0 jobs past the client's deadline")
    assert len(said(world, OWNER, "已过客户截止时间")) == 1  # the first run's DM, once
    assert len(said(world, MANAGER, "已过客户截止时间")) == 1
    assert stored(world, "CR-202611-01").overdue_told_at is not None


def test_an_english_reader_is_told_in_english(world: World) -> None:
    bottling = str(client_id(world, "Coca Cola Bottling"))
    approved_job(world, user="U0AE2", client=bottling, project="Annual party")
    run(world, ACCEPT, at(23, 14, 30, 11))
    [accept] = said(world, "U0AE2", "not accepted yet")
    assert accept.split("\n") == [
        "These jobs of yours were approved over half a working day ago and their department "
        "has not accepted them yet:",
        "`CR-202611-01` Annual party · Coca Cola Bottling — Creative: <@U0CDH> reminded to "
        "accept it",
    ]
    run(world, OVERDUE, at(4, 17, 15))
    [overdue] = said(world, "U0AE2", "past the client's deadline")
    assert overdue.split("\n") == [
        "These jobs of yours are past the client's deadline and the client has not signed them "
        "off:",
        "`CR-202611-01` Annual party · Coca Cola Bottling — client's deadline Fri 4 Dec 17:00 "
        "· approved, not yet accepted",
        "Once the client signs off, record it with `/job status NUMBER signed`; these jobs are "
        "on Monday's agenda too.",
    ]
    [boss] = said(world, MANAGER, "已过客户截止时间")  # the manager reads Chinese
    assert "`CR-202611-01` Annual party · Coca Cola Bottling — <@U0AE2>，客户截止" in boss


# --- the 09:00 job-deadlines DM covers assignees -------------------------------------------------
def test_job_deadlines_tells_each_assignee_in_the_one_dm_of_the_morning(world: World) -> None:
    approved_job(world)  # internal deadline Friday 4 Dec 12:30
    accept(world, "CR-202611-01", WRITER, ARTIST)
    assert run(world, DEADLINES, at(4, 9, 0)) == (
        "sent",
        "3 DMs, 3 due soon, 0 overdue · delivered 3, pending 0, failed 0, expired 0",
    )
    [writer] = said(world, WRITER, "工作单提醒")
    assert writer.split("\n")[:4] == [
        "以下工作单需要跟进（按内部截止时间排序）：",
        "",
        "*一个工作日内到期（1 个）*",
        "`CR-202611-01` 春季KV · Nike — 内部截止 周五 12月4日 12:30，客户截止 周五 12月4日 17:00",
    ]
    assert "消单" not in writer and "更新进度" in writer  # an assignee does not close it
    [artist] = world.fake.dms(ARTIST)[-1:]
    assert artist["text"] == "Jobs: 1 due within one working day."
    [owner] = said(world, OWNER, "工作单提醒")
    assert "交给你做的工作单" not in owner and "交付后用 `/job close 工作号` 消单。" in owner
    assert said(world, HEAD, "工作单提醒") == []  # heads hear of the half day instead


def test_someone_who_asked_for_one_job_and_is_on_another_gets_one_dm_with_both(
    world: World,
) -> None:
    approved_job(world)  # U0AE1's, due Friday 4 Dec
    other = str(client_id(world, "Coca Cola Bottling"))
    approved_job(world, "CR-202611-02", user="U0AE2", client=other, project="Annual party")
    accept(world, "CR-202611-01", "U0AE2")  # Li AE helps on Sun AE's job too
    run(world, DEADLINES, at(4, 9, 0))
    [dm] = said(world, "U0AE2", "Jobs:")
    assert dm.split("\n") == [
        "These jobs of yours need attention (by internal deadline):",
        "",
        "*Jobs you asked for*",
        "*Due within one working day (1 job)*",
        "`CR-202611-02` Annual party · Coca Cola Bottling — internal deadline Fri 4 Dec 12:30, "
        "client's deadline Fri 4 Dec 17:00",
        "",
        "*Jobs assigned to you*",
        "*Due within one working day (1 job)*",
        "`CR-202611-01` 春季KV · Nike — internal deadline Fri 4 Dec 12:30, client's deadline "
        "Fri 4 Dec 17:00",
        "Once delivered, close a job with `/job close NUMBER`. Say how far a job is with "
        "`/job status NUMBER progress|review|sent note`, or with Update status on its card.",
    ]
    assert len(said(world, "U0AE2", "Jobs:")) == 1


# --- Monday's agenda ---------------------------------------------------------------------------
def test_the_agenda_lists_jobs_past_the_client_deadline_not_signed_off(world: World) -> None:
    approved_job(world)  # the client's deadline: Friday 4 Dec 17:00
    approved_job(world, "CR-202611-02", project="秋季KV")
    accept(world, "CR-202611-02", WRITER)
    move(world, "CR-202611-02", "progress", "review", "sent", "signed")
    approved_job(world, "CR-202611-03", project="冬季KV", deadline="12月9日 17:00")
    say(world, f"settings set team_channel {CHANNEL}", "U0ADMIN")
    assert run(world, TASKS["monday-agenda"], at(7, 9, 0))[0] == "sent"
    [post] = world.fake.messages(CHANNEL)
    lines = text_of(post).split("\n")
    problems = lines[lines.index("_需要协调的问题_") :]
    assert problems[:2] == [
        "_需要协调的问题_",
        "_已过客户截止时间、客户未签发的工作单_",
    ]
    assert problems[2] == (
        "• ⚠️ `CR-202611-01` Nike · 春季KV — Sun AE，交客户 周五 12月4日 17:00 · 已批准，待接单"
    )
    assert "CR-202611-02" not in text_of(post)  # signed off
    jobs_due = lines[lines.index("*2. 本周工作*") : lines.index("_需要协调的问题_")]
    assert any("CR-202611-03" in x for x in jobs_due)
    assert not any("CR-202611-01" in x for x in jobs_due)  # said once, as a problem


# --- a constant number of statements -----------------------------------------------------------
def more_jobs(w: World, n: int, start: int, **fields: object) -> None:
    """`n` more jobs like the first, each with an assignee, straight into the database."""
    first = stored(w, "CR-202611-01")
    with w.bot.db.write() as s:
        for i in range(start, start + n):
            copy = first.model_dump(exclude={"id", "approval_id"})
            copy |= {"number": f"CR-202611-{i:02d}", "seq": i} | fields
            job = Job(**copy)
            s.add(job)
            s.flush()
            job_life.assign(s, job, [WRITER if i % 2 else ARTIST], HEAD, w.clock.now())


def test_each_task_decides_in_the_same_number_of_statements_for_one_job_or_many(
    world: World,
) -> None:
    approved_job(world)
    accept(world, "CR-202611-01", WRITER)
    approved_job(world, "CR-202611-02", project="秋季KV")  # not accepted
    when = {
        "job-accept-reminders": at(23, 15, 0, 11),
        "job-internal-reminders": at(3, 17, 0),
        "job-overdue-notices": at(4, 17, 15),
        "job-deadlines": at(4, 9, 0),
    }

    def decide() -> dict[str, int]:
        counts = {}
        for name, moment in when.items():
            r = Run(TEAM, moment, name, moment.isoformat())
            seen = count_statements(world.bot.db)
            TASKS[name].work(r, world.tasks)
            counts[name] = len(seen)
            assert r.decided, name  # each has something to say
        return counts

    decide()  # settings and calendars are read once, then cached
    few = decide()
    more_jobs(world, 12, 50)
    more_jobs(world, 12, 70, status="open")
    assert decide() == few
