"""A job's steps after its handoff (issue 20): `/job status` and the Update status form move it
from in progress to internal review, to the client once reviewed and proofread, to the
client's sign-off, and it is closed (消单); `/job hours` records hours; `/job show` prints the
history and the hours per person. Through signed requests and the fake Slack, on both
databases, in Chinese and English."""

from __future__ import annotations

import threading
from datetime import date, datetime
from typing import Any

from sqlmodel import col, select

from storage import job_life, jobs
from storage.models import Job, JobEvent, JobHours, OutboxMessage
from tests.conftest import ADMIN, SH, TEAM, World, wait_until
from tests.job_life_setup import (
    ARTIST,
    DESIGN_HEAD,
    HEAD,
    WRITER,
    add_departments,
    approved_job,
    the_job,
)
from tests.messages import text_of
from tests.test_jobs import file_job

NUMBER = "CR-202611-01"
OWNER, MANAGER = "U0AE1", "U0AM1"
STRANGER = "U0AE2"  # an AE of the team, not on the job; reads English
CARD = "工作单 CR-202611-01《春季KV》："  # the card's text, before its status


def on_the_job(w: World) -> Job:
    """The creative job, approved, accepted by its head and assigned to the writer (zh) and
    the artist (en), straight in storage (the buttons are tested with the handoff)."""
    add_departments(w)
    j = approved_job(w)
    with w.bot.db.write() as s:
        job = jobs.get(s, TEAM, j.id or 0)
        assert job is not None
        now = w.clock.now()
        assert job_life.accept(s, job, HEAD, now)
        assert job_life.assign(s, job, [WRITER, ARTIST], HEAD, now) == [WRITER, ARTIST]
    cards = {(f"job-card:{job.id}", "delivered"), (f"job-head:{job.id}:{HEAD}", "delivered")}
    assert wait_until(lambda: cards <= set(outbox_rows(w)))  # the owner's and the head's cards
    return the_job(w, NUMBER)


def outbox_rows(w: World) -> list[tuple[str, str]]:
    with w.bot.db.read() as s:
        return [(m.key, m.status) for m in s.exec(select(OutboxMessage))]


def job(w: World, text: str, user: str) -> str:
    r = w.slack.command("/job", text, user=user)
    assert r.status_code == 200, r.text
    return str(r.json()["text"])


def status(w: World, text: str, user: str) -> str:
    return job(w, f"status {NUMBER} {text}", user)


def steps(w: World) -> list[tuple[str, str, str]]:
    """The job's events since its approval: (action, who, note)."""
    with w.bot.db.read() as s:
        rows = s.exec(select(JobEvent).order_by(col(JobEvent.id))).all()
    return [(e.action, e.actor, e.note) for e in rows]


def owner_told(w: World) -> list[str]:
    """What the owner was told of the steps others made, once all is out."""
    assert wait_until(lambda: not [k for k, st in outbox_rows(w) if st in ("pending", "sending")])
    return [m["text"] for m in w.fake.dms(OWNER) if "把你的工作单" in m["text"]]


def redrawn(w: World, conversation: str) -> list[str]:
    """The texts the job's card was redrawn with in a conversation, in order."""
    calls = w.fake.calls_to("chat.update")
    shown = [c.args["text"] for c in calls if c.args["channel"] == conversation]
    return [text for text in shown if text.startswith(CARD)]


def cards_show(w: World, state: str) -> bool:
    """Whether the owner's and the head's cards were last redrawn showing `state`."""
    return wait_until(
        lambda: all(redrawn(w, c)[-1:] == [CARD + state] for c in ("DU0AE1", "DU0CDH"))
    )


def step_form(w: World, user: str, job_id: int | None) -> dict[str, Any]:
    before = len(w.fake.views())
    w.slack.click("job_step", str(job_id), user=user)
    assert wait_until(lambda: len(w.fake.views()) > before)
    return w.fake.views()[-1]


def inputs(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}


def options(view: dict[str, Any]) -> list[str]:
    return [o["value"] for o in inputs(view)["step"]["options"]]


def errors(r: Any) -> dict[str, str]:
    body = r.json()
    assert body.get("response_action") == "errors", body
    return dict(body["errors"])


# --- the whole way --------------------------------------------------------------------------
def test_progress_review_sent_signed_closed(world: World) -> None:
    on_the_job(world)
    assert status(world, "progress 开始写文案", WRITER) == (
        "已记录：`CR-202611-01`「春季KV」现在是“制作中”。\n备注：开始写文案"
    )
    assert cards_show(world, "制作中")
    assert status(world, "review 文案通过，标题再短一些", HEAD) == (
        "已记录：`CR-202611-01`「春季KV」现在是“内部审稿”。\n备注：文案通过，标题再短一些"
    )
    assert cards_show(world, "内部审稿")
    assert status(world, "sent --proofread 第一版", WRITER) == (
        "已记录：`CR-202611-01`「春季KV」已校对，送客户了。\n备注：第一版"
    )
    assert cards_show(world, "已送客户")
    world.clock.set(datetime(2026, 12, 4, 10, 0, tzinfo=SH))
    assert status(world, "signed 王经理 12月3日", OWNER) == (
        "已记录：`CR-202611-01`「春季KV」由客户方 王经理 于 周四 12月3日 签发。"
        "负责人现在可以消单：`/job close CR-202611-01 交付说明`。"
    )
    j = the_job(world, NUMBER)
    assert (j.status, j.signed_by_client, j.signed_on) == ("signed", "王经理", date(2026, 12, 3))
    assert cards_show(world, "客户已签发")
    assert job(world, f"close {NUMBER} 终稿已交付", OWNER) == (
        "已消单 `CR-202611-01`「春季KV」。交付说明：终稿已交付"
    )
    j = the_job(world, NUMBER)
    assert (j.status, j.closed_by, j.delivery_note) == ("closed", OWNER, "终稿已交付")
    assert steps(world) == [
        ("accepted", HEAD, ""),
        ("assigned", HEAD, ""),
        ("progress", WRITER, "开始写文案"),
        ("review", HEAD, "文案通过，标题再短一些"),
        ("sent", WRITER, "第一版"),
        ("signed", OWNER, ""),
        ("closed", OWNER, "终稿已交付"),
    ]
    # the owner is told once of each step someone else made; not of their own
    assert owner_told(world) == [
        "<@U0CW1> 把你的工作单 `CR-202611-01`「春季KV」更新为“制作中”。\n备注：开始写文案",
        "<@U0CDH> 把你的工作单 `CR-202611-01`「春季KV」更新为“内部审稿”。\n"
        "备注：文案通过，标题再短一些",
        "<@U0CW1> 把你的工作单 `CR-202611-01`「春季KV」更新为“已送客户”。\n备注：第一版",
    ]
    # every delivered card (the owner's, the head's) redrawn at each step
    states = ["制作中", "内部审稿", "已送客户", "客户已签发", "已消单"]
    assert cards_show(world, "已消单")
    for conversation in ("DU0AE1", "DU0CDH"):
        assert redrawn(world, conversation) == [CARD + s for s in states]
    last = [c for c in world.fake.calls_to("chat.update") if c.args["channel"] == "DU0AE1"][-1]
    assert "*客户签发*：王经理（周四 12月3日）" in text_of(last.args)
    assert not [b for b in last.args["blocks"] if b["type"] == "actions"]  # closed: no buttons


def test_the_history_and_the_hours_in_job_show(world: World) -> None:
    on_the_job(world)
    status(world, "progress", WRITER)
    status(world, "review 请改标题 <!channel>", HEAD)
    world.clock.set(datetime(2026, 11, 25, 10, 0, tzinfo=SH))
    job(world, f"hours {NUMBER} 3.5", WRITER)
    job(world, f"hours {NUMBER} 2 昨天 改标题", WRITER)
    job(world, f"hours {NUMBER} 1.25h", ARTIST)
    job(world, f"hours {NUMBER} 0.5", HEAD)
    job(world, f"hours {NUMBER} 1 小时 11月23日", OWNER)
    shown = world.slack.command("/job", f"show {NUMBER}", user=OWNER).json()
    body = text_of(shown)
    life = body.split("*进度记录*：\n")[1].splitlines()
    assert life == [
        "• 周一 11月23日 10:00 · <@U0CDH> 接单",
        "• 周一 11月23日 10:00 · <@U0CDH> 安排给 <@U0CW1>、<@U0CW2>",
        "• 周一 11月23日 10:00 · <@U0CW1> 改为“制作中”",
        "• 周一 11月23日 10:00 · <@U0CDH> 改为“内部审稿” — 请改标题 &lt;!channel&gt;",
        "*工时*：",
        "• <@U0CW1>：5.5 小时",
        "• <@U0CW2>：1.25 小时",
        "• <@U0AE1>：1 小时",
        "• <@U0CDH>：0.5 小时",
        "合计 8.25 小时",
    ]
    en = text_of(world.slack.command("/job", f"show {NUMBER}", user=STRANGER).json())
    assert "• Mon 23 Nov 10:00 · <@U0CDH> assigned it to <@U0CW1>, <@U0CW2>" in en
    assert "*Hours*:\n• <@U0CW1>: 5.5 h\n• <@U0CW2>: 1.25 h" in en and en.endswith("Total 8.25 h")
    with world.bot.db.read() as s:
        rows = s.exec(select(JobHours).order_by(col(JobHours.id))).all()
    assert [(h.user_id, h.day, h.minutes, h.note) for h in rows] == [
        (WRITER, date(2026, 11, 25), 210, ""),
        (WRITER, date(2026, 11, 24), 120, "改标题"),
        (ARTIST, date(2026, 11, 25), 75, ""),
        (HEAD, date(2026, 11, 25), 30, ""),
        (OWNER, date(2026, 11, 23), 60, ""),
    ]


def test_a_job_with_no_hours_says_how_to_record_them(world: World) -> None:
    on_the_job(world)
    body = text_of(world.slack.command("/job", f"show {NUMBER}", user=OWNER).json())
    assert body.endswith("*工时*：还没有人记录（`/job hours CR-202611-01 3.5`）。")


# --- the review and the proofreading before the client ----------------------------------------
def test_sent_needs_a_review_by_someone_not_assigned_and_the_proofreading(world: World) -> None:
    on_the_job(world)
    status(world, "progress", WRITER)
    assert status(world, "review 自查完毕", WRITER).startswith("已记录")  # the assignee's own
    no_review = (
        "`CR-202611-01` has no internal review on record, so it cannot go to the client: someone "
        "other than the people assigned (the department's head or the owner) reviews it and "
        "writes their comments, `/job status CR-202611-01 review comments`. Nothing was changed."
    )
    assert status(world, "sent --proofread", ARTIST) == no_review
    assert the_job(world, NUMBER).status == "review"
    status(world, "progress 再改", WRITER)
    assert status(world, "review", HEAD) == (  # a review by the head says what it found
        "内部审稿要写下审稿意见，例如 `/job status CR-202611-01 review 文案已审，标题再短一些`。"
        "没有做任何改动。"
    )
    status(world, "review 可以了", HEAD)
    before = steps(world)
    assert status(world, "sent 第一版", HEAD) == (
        "送客户之前要先校对：确认已校对后，在命令里加 `--proofread`（或 `已校对`），例如 "
        "`/job status CR-202611-01 sent --proofread`。没有做任何改动。"
    )
    assert steps(world) == before and the_job(world, NUMBER).status == "review"
    assert status(world, "--proofread sent", ARTIST).startswith("Recorded: `CR-202611-01`")
    # the client asks for changes: the next version needs its own review
    assert status(world, "revise 客户要换颜色", OWNER).startswith("已记录")
    status(world, "review 颜色改好了", WRITER)
    assert status(world, "sent 已校对", WRITER).startswith("`CR-202611-01` 还没有内部审稿记录")
    assert the_job(world, NUMBER).status == "review"


def test_a_step_the_job_cannot_take_now_is_refused_with_the_ones_it_can(world: World) -> None:
    on_the_job(world)
    assert status(world, "sent --proofread", WRITER) == (
        "`CR-202611-01` 现在是“已接单”，不能直接改为“已送客户”。现在可以改为：`progress`（制作中）、"
        "`review`（内部审稿）。没有做任何改动。"
    )
    status(world, "制作中", WRITER)
    assert status(world, "progress", ARTIST) == (
        "`CR-202611-01` stands at in progress already. Nothing was changed."
    )
    assert status(world, "frob", WRITER).startswith("看不懂“frob”这一步。")
    assert job(world, "status", WRITER).startswith("用法：`/job status CR-202611-07 步骤 备注`")
    assert job(world, f"status 审稿 {NUMBER} 好", HEAD).startswith("已记录")  # either order


# --- who may move it --------------------------------------------------------------------------
def test_strangers_and_forged_numbers_change_nothing(world: World) -> None:
    j = on_the_job(world)
    before = steps(world)
    assert status(world, "progress", STRANGER) == (
        "Only the owner of `CR-202611-01`, <@U0AE1>, its department's head and the people "
        "assigned to it can update it. Nothing was changed."
    )
    assert status(world, "progress", DESIGN_HEAD).startswith(
        "只有 `CR-202611-01` 的负责人 <@U0AE1>、部门主管和被安排的同事可以更新进度。"
    )
    assert job(world, "status CR-202611-99 progress", WRITER).startswith(
        "找不到工作单“CR-202611-99”。"
    )
    assert job(world, "status <@U0AE1> progress", WRITER).startswith(
        "找不到工作单“&lt;@U0AE1&gt;”。"
    )
    assert job(world, "hours CR-202611-99 2", WRITER).startswith("找不到工作单“CR-202611-99”。")
    # the button and its form, by a stranger and with a forged step
    world.slack.click("job_step", str(j.id), user=STRANGER)
    said = world.slack.wait_for("response_url")[-1].args["text"]
    assert said.startswith("Only the owner of `CR-202611-01`")
    view = step_form(world, WRITER, j.id)
    assert errors(world.slack.submit(view, {"step": "progress"}, user=STRANGER)) == {
        "step": (
            "Only the owner of `CR-202611-01`, <@U0AE1>, its department's head and the people "
            "assigned to it can update it. Nothing was changed."
        )
    }
    forged = inputs(view)["step"]
    forged["options"].append({"text": {"type": "plain_text", "text": "x"}, "value": "closed"})
    refused = errors(world.slack.submit(view, {"step": "closed"}, user=WRITER))
    assert refused["step"].startswith("`CR-202611-01` 现在是“已接单”，不能直接改为“已消单”。")
    world.slack.click("job_step", "999999", user=WRITER)  # no such job
    assert world.slack.wait_for("response_url", 2)[-1].args["text"].startswith("找不到这张工作单")
    assert steps(world) == before and the_job(world, NUMBER).status == "accepted"
    assert not [c for c in world.fake.calls_to("ack") if not c.ok]


def test_only_the_owner_records_the_sign_off(world: World) -> None:
    on_the_job(world)
    status(world, "progress", WRITER)
    status(world, "review 好", HEAD)
    status(world, "sent --proofread", HEAD)
    assert status(world, "signed 王经理", HEAD) == (
        "客户签发由 `CR-202611-01` 的负责人 <@U0AE1> 记录。没有做任何改动。"
    )
    assert status(world, "signed", OWNER).startswith("请写客户方的签发人")
    assert status(world, "signed 王经理 明天", OWNER).startswith("签发日期 周二 11月24日 还没到")
    assert status(world, "signed 王经理 11月20日", OWNER).startswith(
        "签发日期 周五 11月20日 在这张工作单开出之前"
    )
    assert the_job(world, NUMBER).status == "sent"
    assert status(world, "签发 Mr Wang (marketing)", OWNER).startswith("已记录")
    j = the_job(world, NUMBER)
    assert (j.signed_by_client, j.signed_on) == ("Mr Wang (marketing)", date(2026, 11, 23))
    assert status(world, "revise", WRITER) == (
        "`CR-202611-01` 客户已签发，没有下一步了：负责人可以消单，`/job close CR-202611-01 交付说明`。"
    )


# --- closing (消单) -----------------------------------------------------------------------------
def test_closing_needs_the_sign_off_or_the_manager_s_reason(world: World) -> None:
    on_the_job(world)
    status(world, "progress", WRITER)
    needs_sign_off = (
        "`CR-202611-01` 还没有客户签发，不能消单。先记录签发：`/job status CR-202611-01 signed "
        "客户方签发人 日期`。确实要未经签发结案，由负责人的主管或管理员写明原因：`/job close "
        "CR-202611-01 未签发结案：原因`。没有做任何改动。"
    )
    assert job(world, f"close {NUMBER} 交付了", OWNER) == needs_sign_off
    assert job(world, f"close {NUMBER} 未签发结案：客户取消", OWNER) == needs_sign_off
    needs_reason = (
        "`CR-202611-01` 还没有客户签发。未经签发结案要写明原因：`/job close CR-202611-01 "
        "未签发结案：原因`（或 `--unsigned 原因`）。没有做任何改动。"
    )
    assert job(world, f"close {NUMBER} 客户取消了", MANAGER) == needs_reason
    assert job(world, f"close {NUMBER} 未签发结案：", MANAGER) == needs_reason
    assert job(world, f"close {NUMBER} --unsigned", ADMIN) == needs_reason
    assert job(world, f"close {NUMBER} --unsigned cancelled", HEAD).startswith(
        "只有负责人 <@U0AE1>、其主管或管理员可以给 `CR-202611-01` 消单。"
    )
    assert the_job(world, NUMBER).status == "progress"
    assert job(world, f"close {NUMBER} 未签发结案：客户取消了项目", MANAGER) == (
        "已消单 `CR-202611-01`「春季KV」，未经客户签发。原因：客户取消了项目"
    )
    j = the_job(world, NUMBER)
    assert (j.status, j.closed_by, j.delivery_note) == ("closed", MANAGER, "客户取消了项目")
    assert steps(world)[-1] == ("closed_unsigned", MANAGER, "客户取消了项目")
    said = (
        "<@U0AM1> 给你的工作单 `CR-202611-01`「春季KV」消单了，未经客户签发。原因：客户取消了项目"
    )
    assert wait_until(lambda: said in [m["text"] for m in world.fake.dms(OWNER)])
    owner_told(world)  # all out: told once
    assert [m["text"] for m in world.fake.dms(OWNER)].count(said) == 1
    assert wait_until(lambda: CARD + "已消单" in redrawn(world, "DU0AE1"))
    shown = text_of(world.slack.command("/job", f"show {NUMBER}", user=OWNER).json())
    assert "<@U0AM1> 未经客户签发结案 — 客户取消了项目" in shown


# --- hours -------------------------------------------------------------------------------------
def test_hours_out_of_bounds_ahead_or_off_the_job_are_refused(world: World) -> None:
    on_the_job(world)
    world.clock.set(datetime(2026, 11, 25, 10, 0, tzinfo=SH))
    assert job(world, f"hours {NUMBER} 0.1", WRITER) == (
        "工时“0.1”不行：一次记 0.25 到 16 小时。没有记录。"
    )
    assert job(world, f"hours {NUMBER} 17", ARTIST) == (
        "17 hours cannot be recorded: give from 0.25 to 16 hours at a time. Nothing was recorded."
    )
    assert job(world, f"hours {NUMBER} 三个半", WRITER).startswith("看不懂工时“三个半”")
    assert job(world, f"hours {NUMBER} 2 明天", WRITER) == (
        "这一天还没到，不能提前记工时。没有记录。"
    )
    assert job(world, f"hours {NUMBER} 2 11月20日", WRITER) == (
        "这一天在工作单开出之前，不能记工时。没有记录。"
    )
    assert job(world, f"hours {NUMBER} 2", STRANGER) == (
        "You are not on `CR-202611-01`: its owner, its department's head and the people assigned "
        "to it record hours on it. Nothing was recorded."
    )
    assert job(world, f"hours {NUMBER} 2", DESIGN_HEAD).startswith("你不在 `CR-202611-01` 上")
    assert job(world, f"hours {NUMBER}", WRITER).startswith("用法：`/job hours CR-202611-07 3.5")
    with world.bot.db.read() as s:
        assert s.exec(select(JobHours)).all() == []
    assert job(world, f"hours {NUMBER} 16 周一 通宵改稿", WRITER) == (
        "记录了 16 小时：`CR-202611-01`「春季KV」，周一 11月23日。你在这张工作单上一共记了 16 小时。"
        "\n备注：通宵改稿"
    )
    assert job(world, f"hours {NUMBER} 0.25", WRITER).endswith("一共记了 16.25 小时。")


def test_hours_on_a_job_not_yet_approved_are_refused(world: World) -> None:
    assert file_job(world) == {}
    assert job(world, f"hours {NUMBER} 2", OWNER) == (
        "`CR-202611-01` 现在是“待审批”：工作单批准之后才能记工时。没有记录。"
    )


# --- the Update status form --------------------------------------------------------------------
def test_the_update_status_form(world: World) -> None:
    j = on_the_job(world)
    view = step_form(world, WRITER, j.id)
    assert view["callback_id"] == "job_step_form" and view["title"]["text"] == "更新进度"
    assert options(view) == ["progress", "review"]
    assert set(inputs(view)) == {"step", "note", "hours"}
    assert errors(world.slack.submit(view, {}, user=WRITER)) == {
        "step": "请选择下一步，或者填写今天的工时。"
    }
    assert errors(world.slack.submit(view, {"hours": "20"}, user=WRITER)) == {
        "hours": "工时“20”不行：一次记 0.25 到 16 小时。没有记录。"
    }
    r = world.slack.submit(view, {"step": "progress", "note": "开工", "hours": "2"}, user=WRITER)
    assert r.text == ""
    said = "已记录：`CR-202611-01`「春季KV」现在是“制作中”。\n备注：开工\n记录了你今天的 2 小时：`CR-202611-01`「春季KV」。"
    assert wait_until(lambda: any(m["text"] == said for m in world.fake.messages("C0GENERAL")))
    assert the_job(world, NUMBER).status == "progress"
    with world.bot.db.read() as s:
        [h] = s.exec(select(JobHours)).all()
    assert (h.user_id, h.day, h.minutes) == (WRITER, date(2026, 11, 23), 120)
    # the same form sent again (a double submit) finds the job moved
    assert errors(world.slack.submit(view, {"step": "progress"}, user=WRITER)) == {
        "step": "这张工作单刚刚被改成了“制作中”，请关闭表单，看看现在的状态再决定。"
    }
    status(world, "review 好", HEAD)
    view = step_form(world, OWNER, j.id)
    assert options(view) == ["progress", "sent"] and "proofread" in inputs(view)
    assert errors(world.slack.submit(view, {"step": "sent"}, user=OWNER)) == {
        "proofread": "送客户之前要先校对，并勾选这里。"
    }
    ticked = {"step": "sent", "proofread": ["proofread"]}
    assert world.slack.submit(view, ticked, user=OWNER).text == ""
    assert the_job(world, NUMBER).status == "sent"
    world.clock.set(datetime(2026, 11, 25, 10, 0, tzinfo=SH))
    assert options(step_form(world, HEAD, j.id)) == ["revising"]  # the sign-off is the owner's
    view = step_form(world, ARTIST, j.id)
    assert view["title"]["text"] == "Update status" and options(view) == ["revising"]
    view = step_form(world, OWNER, j.id)
    assert options(view) == ["revising", "signed"]
    assert set(inputs(view)) == {"step", "note", "hours", "signer", "signed_on"}
    assert errors(world.slack.submit(view, {"step": "signed"}, user=OWNER)) == {
        "signer": "记录客户签发，要写客户方的签发人。"
    }
    late = {"step": "signed", "signer": "王经理", "signed_on": "明天"}
    assert errors(world.slack.submit(view, late, user=OWNER)) == {
        "signed_on": "签发日期 周四 11月26日 还没到：请写客户已经签发的那一天。没有做任何改动。"
    }
    good = {"step": "signed", "signer": "王经理", "signed_on": "昨天"}
    assert world.slack.submit(view, good, user=OWNER).text == ""
    j = the_job(world, NUMBER)
    assert (j.status, j.signed_by_client, j.signed_on) == ("signed", "王经理", date(2026, 11, 24))
    # signed off: the form only takes hours now
    view = step_form(world, WRITER, j.id)
    assert set(inputs(view)) == {"hours"}
    assert world.slack.submit(view, {"hours": "1"}, user=WRITER).text == ""
    assert not [c for c in world.fake.calls_to("ack") if not c.ok]
    assert not [c for c in world.fake.calls_to("views.open") if not c.ok]


def test_the_form_on_a_job_not_yet_accepted_is_refused(world: World) -> None:
    add_departments(world)
    j = approved_job(world)
    world.slack.click("job_step", str(j.id), user=OWNER)
    said = world.slack.wait_for("response_url")[-1].args["text"]
    assert said == (
        "`CR-202611-01` 还没有接单：部门主管接单并安排人手之后，才能更新进度。没有做任何改动。"
    )
    assert status(world, "progress", OWNER) == said


# --- at the same moment -------------------------------------------------------------------------
def test_two_moves_at_once_one_is_recorded_the_other_told(world: World) -> None:
    on_the_job(world)
    go = threading.Barrier(2)
    answers: dict[str, str] = {}

    def one(user: str) -> None:
        go.wait(5)
        answers[user] = status(world, "progress 同时", user)

    threads = [threading.Thread(target=one, args=(u,)) for u in (WRITER, HEAD)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    done = [u for u, a in answers.items() if a.startswith("已记录")]
    assert len(done) == 1, answers
    other = answers[WRITER if done == [HEAD] else HEAD]
    assert other in (
        "`CR-202611-01` 已经是“制作中”了。没有做任何改动。",
        "`CR-202611-01` 刚刚被别人改成了“制作中”，你的更新没有保存。请看看现在的状态再决定。",
    )
    assert [a for a, _, _ in steps(world)].count("progress") == 1
    assert len(owner_told(world)) == 1


# --- what people may type, and how much --------------------------------------------------------
def test_a_note_of_ten_thousand_characters_is_refused_and_emoji_are_kept(world: World) -> None:
    on_the_job(world)
    before = steps(world)
    assert status(world, "progress " + "长" * 10_000, WRITER) == (
        "备注最多 2000 个字，请删短一些。没有做任何改动。"
    )
    assert job(world, f"hours {NUMBER} 2 " + "长" * 10_000, WRITER).startswith("备注最多 2000 个字")
    assert steps(world) == before
    assert status(world, "progress 🎨 初稿 *加粗* <@U0AD1>", WRITER).endswith(
        "备注：🎨 初稿 *加粗* &lt;@U0AD1&gt;"
    )
    assert steps(world)[-1] == ("progress", WRITER, "🎨 初稿 *加粗* <@U0AD1>")


def test_a_long_history_is_shown_whole_over_several_messages(world: World) -> None:
    j = on_the_job(world)
    with world.bot.db.write() as s:
        row = jobs.get(s, TEAM, j.id or 0)
        assert row is not None
        for i in range(40):
            note = f"第{i:02d}条 " + "意见" * 900
            job_life.record(s, row, "review", HEAD, world.clock.now(), note=note, after="review")
    first = world.slack.command("/job", f"show {NUMBER}", user=OWNER).json()
    assert first["text"] == "工作单 `CR-202611-01`：*春季KV* · 已接单"

    def shown() -> str:
        replies = [c.args for c in world.fake.calls_to("response_url")]
        return "\n".join(text_of(p) for p in [first, *replies, *world.fake.dms(OWNER)])

    assert wait_until(lambda: "第39条" in shown())  # the rest in the DM: more than 5 parts
    assert all(f"第{i:02d}条" in shown() for i in range(40))
    assert "内容较长，其余" in text_of(first) and "发到了你和 aebot 的私信里" in text_of(first)
    assert not [c for c in world.fake.calls_to("ack") if not c.ok]
    assert not [c for c in world.fake.calls_to("response_url") if not c.ok]
