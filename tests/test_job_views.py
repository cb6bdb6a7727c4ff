"""Where a job's state and hours are seen: the App Home's jobs with their state (assignees what
they have, owners what they asked for and who has it, heads their department's), capped within
Slack's limits; the `/overtime report` sheet of hours per job and person with their overtime
beside; the Friday report's hours on its work sheet. Through signed requests and the fake
Slack, on both databases, in Chinese and English."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from sqlalchemy import event
from sqlmodel import select

from bot.rules import week as week_rules
from bot.slack.texts import Reader
from scheduler import report_files
from storage import job_life, queries
from storage.models import Client, Job, OvertimeForm
from storage.week import read_week
from tests.conftest import SH, TEAM, World, settled, wait_until
from tests.job_life_setup import (
    ARTIST,
    DESIGN_HEAD,
    HEAD,
    WRITER,
    add_departments,
    approved_job,
    the_job,
)
from tests.test_report import FRI_1530, MON, run, set_channel

OWNER = "U0AE1"
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=SH)


# --- helpers ----------------------------------------------------------------------------------
def english(w: World, user: str) -> None:
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, user, w.clock.now(), language="en")


def home(w: World, user: str) -> list[dict]:
    """The blocks of `user`'s App Home as Slack last received them, once they open it (a
    redraw that earlier work set going is out first: it would count as theirs)."""
    assert wait_until(lambda: settled(w))
    before = len([c for c in w.fake.calls_to("views.publish") if c.args["user_id"] == user])
    w.slack.home_opened(user)

    def published() -> list:
        return [c for c in w.fake.calls_to("views.publish") if c.args["user_id"] == user]

    assert wait_until(lambda: len(published()) > before)
    return published()[-1].args["view"]["blocks"]


def texts(blocks: list[dict]) -> list[str]:
    """The text of the sections and contexts, in order."""
    out = []
    for b in blocks:
        if b["type"] == "section":
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out += [e["text"] for e in b["elements"]]
    return out


def jobs_part(blocks: list[dict], title: str) -> list[str]:
    """The lines of the Home's group of jobs under `title` (in one section or several)."""
    [start] = [i for i, b in enumerate(blocks) if _text(b).startswith(title)]
    lines = _text(blocks[start]).split("\n")[1:]
    for b in blocks[start + 1 :]:
        if b["type"] != "section" or _text(b).startswith("*"):
            break
        lines += _text(b).split("\n")
    return lines


def _text(block: dict) -> str:
    return block["text"]["text"] if block["type"] == "section" else ""


def working_on(w: World, job: Job, *users: str, step: str = "progress") -> None:
    """The head accepts the job, assigns `users` and moves it to `step`."""
    with w.bot.db.write() as s:
        j = s.get(Job, job.id)
        assert j is not None
        now = w.clock.now()
        assert job_life.accept(s, j, HEAD if j.department == "creative" else DESIGN_HEAD, now)
        if users:
            job_life.assign(s, j, users, HEAD, now)
        if step != "accepted":
            assert job_life.move(s, j, step, users[0] if users else HEAD, now)


def hours(w: World, number: str, user: str, day: date, h: float) -> None:
    with w.bot.db.write() as s:
        j = s.exec(select(Job).where(Job.team_id == TEAM, Job.number == number)).one()
        job_life.add_hours(s, j, user, day, int(h * 60), "", w.clock.now())


@contextmanager
def statements(w: World) -> Iterator[list[str]]:
    """The SQL statements run on the bot's database meanwhile."""
    seen: list[str] = []

    def count(conn, cursor, statement, params, context, many) -> None:  # noqa: ANN001
        seen.append(statement)

    event.listen(w.bot.db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(w.bot.db.engine, "before_cursor_execute", count)


def many_jobs(w: World, n: int, start: int = 1) -> None:
    """`n` creative jobs of U0AE1 for Nike, accepted and assigned to U0CW1, each with a long
    project name full of what Slack would read as markup."""
    project = ("<!channel> *春季* `KV` 🎨 " * 10)[:200]
    with w.bot.db.write() as s:
        nike = s.exec(select(Client).where(Client.name == "Nike")).one()
        now = w.clock.now()
        for i in range(start, start + n):
            j = Job(
                team_id=TEAM,
                number=f"CR-202611-{i:02d}",
                department="creative",
                month=202611,
                seq=i,
                client_id=nike.id,
                project=project,
                job_type="KV",
                brief="主视觉",
                deadline=datetime(2026, 12, 4, 17, tzinfo=SH),
                internal_deadline=datetime(2026, 12, 4, 12, 30, tzinfo=SH) + timedelta(minutes=i),
                owner_id=OWNER,
                issued_by=OWNER,
                status="open",
            )
            s.add(j)
            s.flush()
            assert job_life.accept(s, j, HEAD, now)
            job_life.assign(s, j, [WRITER], HEAD, now)


# --- the App Home -----------------------------------------------------------------------------
def test_an_assignee_sees_the_job_with_its_state_in_their_language(world: World) -> None:
    add_departments(world)
    job = approved_job(world)
    working_on(world, job, WRITER, ARTIST)
    assert jobs_part(home(world, WRITER), "*我手上的工作单*") == [
        "`CR-202611-01` 春季KV · Nike · *制作中* · 内部截止 周五 12月4日 12:30"
    ]
    assert jobs_part(home(world, ARTIST), "*Jobs I am working on*") == [
        "`CR-202611-01` 春季KV · Nike · *in progress* · internal deadline Fri 4 Dec 12:30"
    ]
    with world.bot.db.write() as s:
        j = s.get(Job, job.id)
        assert j is not None and job_life.move(s, j, "review", HEAD, world.clock.now())
    world.clock.set(THURSDAY)  # the day before its internal deadline
    assert jobs_part(home(world, WRITER), "*我手上的工作单*") == [
        "`CR-202611-01` 春季KV · Nike · *内部审稿* · 内部截止 周五 12月4日 12:30"
    ]
    world.clock.set(datetime(2026, 12, 4, 13, 0, tzinfo=SH))
    assert jobs_part(home(world, ARTIST), "*Jobs I am working on*") == [
        "`CR-202611-01` 春季KV · Nike · *internal review* · internal deadline Fri 4 Dec 12:30 · "
        "*overdue*"
    ]


def test_the_owner_sees_who_has_it_and_others_see_nothing_of_it(world: World) -> None:
    add_departments(world)
    job = approved_job(world)
    assert jobs_part(home(world, OWNER), "*我发起的工作单*") == [
        "`CR-202611-01` 春季KV · Nike · *已批准，待接单* · 内部截止 周五 12月4日 12:30 · 尚未分派"
    ]
    working_on(world, job, WRITER, ARTIST)
    assert jobs_part(home(world, OWNER), "*我发起的工作单*") == [
        "`CR-202611-01` 春季KV · Nike · *制作中* · 内部截止 周五 12月4日 12:30 · "
        f"负责：<@{WRITER}>、<@{ARTIST}>"
    ]
    english(world, OWNER)
    assert jobs_part(home(world, OWNER), "*Jobs I asked for*") == [
        "`CR-202611-01` 春季KV · Nike · *in progress* · internal deadline Fri 4 Dec 12:30 · "
        f"with <@{WRITER}>, <@{ARTIST}>"
    ]
    for user in ("U0AE2", DESIGN_HEAD):  # not on it: another AE, another department's head
        assert "CR-202611-01" not in str(home(world, user))
    with world.bot.db.write() as s:
        j = s.get(Job, job.id)
        assert j is not None
        assert job_life.close(s, j, OWNER, "交付", world.clock.now(), without_sign_off=True)
    for user in (OWNER, WRITER, HEAD):  # a closed job is off every Home
        assert "CR-202611-01" not in str(home(world, user))


def test_a_head_sees_the_departments_live_jobs_and_who_has_them(world: World) -> None:
    add_departments(world)
    first = approved_job(world)
    approved_job(world, "CR-202611-02", project="双十二海报", deadline="12月2日 18:00")
    approved_job(world, "DS-202611-01", department="design", project="门店物料")
    working_on(world, first, WRITER)
    assert jobs_part(home(world, HEAD), "*本部门的工作单 · 创意（CR）*") == [
        "`CR-202611-02` 双十二海报 · Nike · *已批准，待接单* · 内部截止 周三 12月2日 13:30 · "
        "尚未分派",
        f"`CR-202611-01` 春季KV · Nike · *制作中* · 内部截止 周五 12月4日 12:30 · 负责：<@{WRITER}>",
    ]
    english(world, DESIGN_HEAD)
    assert jobs_part(home(world, DESIGN_HEAD), "*My department's jobs · Design (DS)*") == [
        "`DS-202611-01` 门店物料 · Nike · *approved, not yet accepted* · internal deadline "
        "Fri 4 Dec 12:30 · not assigned yet"
    ]
    assert "CR-202611" not in str(home(world, DESIGN_HEAD))
    assert "*本部门的工作单" not in str(home(world, WRITER))  # staff: only what they have


def test_sixty_jobs_are_capped_within_slacks_limits_in_a_constant_number_of_statements(
    world: World,
) -> None:
    add_departments(world)
    many_jobs(world, 3)
    world.bot.home.view(TEAM, WRITER, "zh")  # the caches filled
    with statements(world) as few:
        world.bot.home.view(TEAM, WRITER, "zh")
    many_jobs(world, 57, start=4)
    with statements(world) as sixty:
        world.bot.home.view(TEAM, WRITER, "zh")
    assert len(sixty) == len(few)  # not one per job
    for user, title, more in (
        (WRITER, "*我手上的工作单*", "……另有 40 项未列出。"),
        (HEAD, "*本部门的工作单 · 创意（CR）*", "……另有 40 项未列出。"),
        (OWNER, "*我发起的工作单*", "……另有 40 项未列出。"),
    ):
        blocks = home(world, user)  # the fake refuses a view over Slack's limits
        assert len(blocks) <= 100
        lines = jobs_part(blocks, title)
        assert len(lines) == 20 and more in texts(blocks)
        assert lines[0].startswith("`CR-202611-01` &lt;!channel&gt; *春季* `KV` 🎨")
        assert "<!channel>" not in str(blocks)
    english(world, ARTIST)
    with world.bot.db.write() as s:
        for j in s.exec(select(Job).where(Job.team_id == TEAM)):
            job_life.assign(s, j, [ARTIST], HEAD, world.clock.now())
    blocks = home(world, ARTIST)
    assert len(jobs_part(blocks, "*Jobs I am working on*")) == 20
    assert "…and 40 more not shown." in texts(blocks)


# --- /overtime report: the sheet of hours ------------------------------------------------------
def overtime(w: World, job: Job, members: list[str], day: date, start: int, end: int) -> None:
    """An approved overtime form of U0AE1's for the job."""
    with w.bot.db.write() as s:
        s.add(
            OvertimeForm(
                team_id=TEAM,
                filer_id=OWNER,
                members=json.dumps(members),
                job_id=job.id,
                day=day,
                start=datetime(day.year, day.month, day.day, start, tzinfo=SH),
                end=datetime(day.year, day.month, day.day, end, tzinfo=SH),
                status="approved",
            )
        )


def received(w: World, user: str) -> Workbook:
    [done] = w.slack.wait_for("files.completeUploadExternal")
    assert done.args["channel_id"] == f"D{user}"
    [entry] = done.args["files"]
    return load_workbook(io.BytesIO(w.fake.uploads[entry["id"]]))


def month_of_hours(w: World) -> Job:
    """November's hours on two jobs (and hours in October and December, left out), overtime of
    the writer and of U0AE1; the clock in December."""
    add_departments(w)
    job = approved_job(w)
    design = approved_job(w, "DS-202611-01", department="design", project="门店物料")
    working_on(w, job, WRITER, ARTIST)
    working_on(w, design, step="accepted")
    hours(w, "CR-202611-01", WRITER, date(2026, 11, 23), 3.5)
    hours(w, "CR-202611-01", WRITER, date(2026, 11, 24), 2)
    hours(w, "CR-202611-01", ARTIST, date(2026, 11, 24), 1.25)
    hours(w, "CR-202611-01", WRITER, date(2026, 12, 1), 8)  # December
    hours(w, "CR-202611-01", WRITER, date(2026, 10, 31), 8)  # October
    hours(w, "DS-202611-01", DESIGN_HEAD, date(2026, 11, 30), 4)
    overtime(w, job, [OWNER, WRITER], date(2026, 11, 24), 19, 22)  # 3 h each
    overtime(w, job, [WRITER], date(2026, 11, 25), 19, 21)  # 2 h
    overtime(w, job, [WRITER], date(2026, 12, 1), 19, 21)  # December
    w.clock.set(datetime(2026, 12, 2, 9, 0, tzinfo=SH))
    return job


def test_the_overtime_report_has_the_hours_per_job_and_person_with_their_overtime(
    world: World,
) -> None:
    month_of_hours(world)
    r = world.slack.command("/overtime", "report 2026-11", user="U0AM1").json()
    assert r["text"] == "*2026年11月加班统计*（已批准）：2 张加班单，共 8 小时"
    book = received(world, "U0AM1")
    assert book.sheetnames == ["人员", "工作单和客户", "工时"]
    sheet = [list(row) for row in book["工时"].iter_rows(values_only=True)]
    assert sheet == [
        ["工作号", "项目", "客户", "人员", "工作单工时（小时）", "本人当月加班（小时）"],
        ["CR-202611-01", "春季KV", "Nike", "Ann Art", 1.25, 0],
        ["CR-202611-01", "春季KV", "Nike", "Wu Copy", 5.5, 5],
        ["DS-202611-01", "门店物料", "Nike", "Deng Design", 4, 0],
        ["合计", None, None, None, 10.75, None],
    ]
    assert sum(row[4] for row in sheet[1:-1]) == sheet[-1][4]
    assert book["工时"]["E3"].number_format == "0.0#"
    assert book["工时"].freeze_panes == "A2"


def test_the_hours_sheet_in_english_and_sent_with_no_overtime_in_the_month(world: World) -> None:
    month_of_hours(world)
    english(world, "U0AM1")
    with world.bot.db.write() as s:
        for f in s.exec(select(OvertimeForm)):
            f.status = "rejected"
            s.add(f)
    r = world.slack.command("/overtime", "report 2026-11", user="U0AM1").json()
    assert [b["text"]["text"] for b in r["blocks"]] == [
        "No approved overtime in November 2026.",
        "The hours recorded on jobs are on the sheet “Hours” of the Excel file on its way to "
        "your DM with aebot.",
    ]
    book = received(world, "U0AM1")
    assert book.sheetnames == ["People", "Jobs and clients", "Hours"]
    sheet = [list(row) for row in book["Hours"].iter_rows(values_only=True)]
    assert sheet[0] == [
        "Job number",
        "Project",
        "Client",
        "Person",
        "Hours on the job",
        "Their overtime that month (h)",
    ]
    assert sheet[2] == ["CR-202611-01", "春季KV", "Nike", "Wu Copy", 5.5, 0]
    assert sheet[-1] == ["Total", None, None, None, 10.75, None]
    reply = world.slack.command("/overtime", "report 2026-10", user="U0AM1").json()
    assert reply["text"] == "No approved overtime in October 2026."  # its 8 h on a job: a file
    assert wait_until(lambda: len(world.fake.calls_to("files.completeUploadExternal")) == 2)


def test_no_hours_and_no_overtime_sends_no_file(world: World) -> None:
    add_departments(world)
    r = world.slack.command("/overtime", "report 2026-11", user="U0AM1").json()
    assert r["text"] == "2026年11月没有已批准的加班单。"
    assert world.fake.calls_to("files.getUploadURLExternal") == []


# --- the Friday report's work sheet --------------------------------------------------------------
def week_of_hours(w: World) -> None:
    """This week's hours on two jobs of U0AE1 for Nike; hours the Sunday before and the Monday
    after, left out."""
    add_departments(w)
    job = approved_job(w)
    design = approved_job(w, "DS-202611-01", department="design", project="门店物料")
    working_on(w, job, WRITER, ARTIST)
    working_on(w, design, step="accepted")
    hours(w, "CR-202611-01", WRITER, MON, 3.5)
    hours(w, "CR-202611-01", ARTIST, MON + timedelta(days=2), 2)
    hours(w, "CR-202611-01", WRITER, MON + timedelta(days=4), 0.25)
    hours(w, "CR-202611-01", WRITER, MON - timedelta(days=1), 8)  # last week's Sunday
    hours(w, "CR-202611-01", WRITER, MON + timedelta(days=7), 8)  # next Monday
    hours(w, "DS-202611-01", DESIGN_HEAD, MON + timedelta(days=3), 1.5)


def work_sheet(w: World) -> list[tuple]:
    [xlsx] = [w.fake.uploads[i] for i, f in w.fake.files.items() if f["name"].endswith(".xlsx")]
    return list(load_workbook(io.BytesIO(xlsx))["工作"].iter_rows(values_only=True))


def test_the_friday_work_sheet_has_each_jobs_hours_this_week(world: World) -> None:
    set_channel(world)
    week_of_hours(world)
    assert run(world)[0] == "sent"
    sheet = work_sheet(world)
    assert sheet[0][10:16] == (
        "新开工作单",
        "修改工作单",
        "完成工作单",
        "逾期工作单",
        "本周工时（小时）",
        "周报",
    )
    rows = {(row[0], row[2]): row for row in sheet[1:4]}
    # both jobs filed this week count as opened, accepted or in progress as they are
    assert rows["Sun AE", "Nike"][10:15] == (2, 0, 0, 0, 7.25)
    assert rows["Sun AE", "可口可乐"][14] == 0
    assert rows["Li AE", "Coca Cola Bottling"][14] == 0
    assert sheet[0][16:18] == (None, "AE")  # the per-AE table at R, a column apart
    jobs = [row[:7] for row in sheet[5:]]
    assert jobs == [
        ("工作号", "项目", "客户", "负责 AE", "部门", "状态", "本周工时（小时）"),
        ("CR-202611-01", "春季KV", "Nike", "Sun AE", "创意（CR）", "制作中", 5.75),
        ("DS-202611-01", "门店物料", "Nike", "Sun AE", "设计（DS）", "已接单", 1.5),
        ("合计", None, None, None, None, None, 7.25),
    ]


def test_the_friday_work_sheet_in_english(world: World) -> None:
    week_of_hours(world)
    world.clock.set(FRI_1530)
    monday, days, log = week_rules.week_days(world.bot.calendars.for_team(TEAM), FRI_1530.date())
    with world.bot.db.read() as s:
        week, _ = read_week(s, TEAM, monday=monday, days=days, now=FRI_1530, zone=SH, log_month=log)
    rep = week_rules.compile_week(week)
    book = load_workbook(io.BytesIO(report_files.workbook(Reader("en", SH, FRI_1530), rep)))
    sheet = list(book["Work"].iter_rows(values_only=True))
    assert sheet[0][14] == "Hours this week"
    jobs = [row[:7] for row in sheet[5:]]
    assert jobs == [
        ("Job number", "Project", "Client", "Owner", "Department", "State", "Hours this week"),
        ("CR-202611-01", "春季KV", "Nike", "Sun AE", "Creative (CR)", "in progress", 5.75),
        ("DS-202611-01", "门店物料", "Nike", "Sun AE", "Design (DS)", "accepted", 1.5),
        ("Total", None, None, None, None, None, 7.25),
    ]
    assert the_job(world, "CR-202611-01").status == "progress"


def test_a_step_redraws_the_app_home_of_everyone_the_job_shows_on(world: World) -> None:
    add_departments(world)
    job = approved_job(world)
    working_on(world, job, WRITER)
    for user in (WRITER, "U0AE1", HEAD):
        home(world, user)  # opened once: their App Home is kept drawn from now on
    published = len(world.fake.calls_to("views.publish"))
    said = world.slack.command("/job", "status CR-202611-01 review 初稿已交", user=WRITER)
    assert said.status_code == 200

    def drawn(user: str) -> list[dict]:
        calls = world.fake.calls_to("views.publish")[published:]
        return [c.args["view"]["blocks"] for c in calls if c.args["user_id"] == user]

    for user in (WRITER, "U0AE1", HEAD):
        assert wait_until(lambda u=user: any("*内部审稿*" in str(b) for b in drawn(u))), user
    assert drawn("U0AE2") == []  # nothing of this job on their App Home
