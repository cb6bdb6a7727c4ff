"""`/job`: job requests filed in a modal, numbered, approved by the requester's business
supervisor with one click, rejected and resubmitted under the same number, revised, closed,
listed and shown — through signed requests and the fake Slack, on both databases."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

import pytest
from sqlmodel import col, select

from storage import job_life, jobs, queries
from storage.jobs import JobFields
from storage.models import Approval, Client, Job, OutboxMessage
from tests.conftest import ADMIN, SH, TEAM, World, settled, wait_until
from tests.messages import buttons, text_of

BRIEF = "目标：春季新品上市的声量；受众：18-30岁的城市年轻人；交付物：主视觉KV一套及社交媒体延展。"
BRIEF_EN = (
    "Objective: launch buzz for the spring range; audience: city people aged 18-30; "
    "deliverables: one key visual and social cut-downs."
)
SHORT = "做一张春季海报"


def client_id(w: World, name: str) -> int:
    with w.bot.db.read() as s:
        c = s.exec(select(Client).where(Client.team_id == TEAM, Client.name == name)).one()
    assert c.id is not None
    return c.id


def open_form(w: World, text: str = "", user: str = "U0AE1") -> dict[str, Any]:
    before = len(w.fake.views())
    r = w.slack.command("/job", text, user=user)
    assert r.status_code == 200 and r.text == "", r.text
    assert wait_until(lambda: len(w.fake.views()) > before)
    return w.fake.views()[-1]


def form(w: World, **over: str) -> dict[str, Any]:
    values = {
        "client": str(client_id(w, "Nike")),
        "department": "creative",
        "project": "春季KV",
        "job_type": "平面",
        "brief": BRIEF,
        "deadline": "12月4日 17:00",
        "link": "",
    }
    return values | over


def file_job(w: World, user: str = "U0AE1", **over: str) -> dict[str, Any]:
    """Open the modal and submit it; the ack's body (empty when it was accepted), once what it
    set going is done (the approver has the DM a test clicks)."""
    view = open_form(w, user=user)
    r = w.slack.submit(view, form(w, **over), user=user)
    assert r.status_code == 200
    assert wait_until(w.bot.worker.idle)
    return r.json() if r.text else {}


def job(w: World, number: str) -> Job:
    with w.bot.db.read() as s:
        found = jobs.by_number(s, TEAM, number)
    assert found is not None, number
    return found


def all_jobs(w: World) -> list[Job]:
    with w.bot.db.read() as s:
        return list(s.exec(select(Job).order_by(col(Job.id))))


def approval(w: World, approval_id: int | None) -> Approval:
    with w.bot.db.read() as s:
        a = s.get(Approval, approval_id)
    assert a is not None
    return a


def ephemeral(w: World, user: str, n: int = 1) -> list[dict[str, Any]]:
    assert wait_until(lambda: len([m for m in w.fake.messages() if m.get("user") == user]) >= n)
    return [m for m in w.fake.messages() if m.get("user") == user]


def delivered(w: World) -> bool:
    with w.bot.db.read() as s:
        return all(m.status == "delivered" for m in s.exec(select(OutboxMessage)))


def dms(w: World, user: str, n: int) -> list[dict[str, Any]]:
    assert wait_until(lambda: len(w.fake.dms(user)) >= n), w.fake.dms(user)
    assert wait_until(lambda: delivered(w))
    return w.fake.dms(user)


# --- filing ---------------------------------------------------------------------------------
def test_filing_a_job_end_to_end(world: World) -> None:
    view = open_form(world)
    assert view["title"]["text"] == "开工作单"
    picker = next(b for b in view["blocks"] if b.get("block_id") == "client")
    shown = [o["text"]["text"].split(" · ")[0] for o in picker["element"]["options"]]
    assert shown == ["Nike", "可口可乐", "Coca Cola Bottling"]  # my clients first
    depts = next(b for b in view["blocks"] if b.get("block_id") == "department")
    assert [o["text"]["text"] for o in depts["element"]["options"]] == [
        "创意（CR）", "设计（DS）", "制作（PR）", "媒介（MD）", "策划（PL）", "其他（OT）",
    ]  # fmt: skip
    brief = next(b for b in view["blocks"] if b.get("block_id") == "brief")
    assert brief["label"]["text"] == "创意简报（目标、受众、交付物）"

    r = world.slack.submit(view, form(world, link="https://drive.example.com/spring"), user="U0AE1")
    assert r.status_code == 200 and r.text == ""
    [j] = all_jobs(world)
    assert (j.number, j.status, j.department, j.month, j.seq, j.revision) == (
        "CR-202611-01", "pending", "creative", 202611, 1, 0,
    )  # fmt: skip
    assert (j.owner_id, j.issued_by, j.project, j.job_type) == ("U0AE1", "U0AE1", "春季KV", "平面")
    assert j.deadline == datetime(2026, 12, 4, 17, 0, tzinfo=SH)
    assert j.internal_deadline == datetime(2026, 12, 4, 12, 30, tzinfo=SH)  # half a working day
    assert j.materials_url == "https://drive.example.com/spring"
    a = approval(world, j.approval_id)
    assert (a.kind, a.approver_id, a.title, a.subject, a.subject_id, a.status) == (
        "job", "U0AM1", "CR-202611-01 春季KV", "job", j.id, "pending",
    )  # fmt: skip

    [ask] = dms(world, "U0AM1", 1)
    assert ask["text"] == "<@U0AE1> 请你审批工作单：CR-202611-01 春季KV"
    body = text_of(ask)
    assert "*CR-202611-01 春季KV*" in body
    assert "*客户*：Nike" in body and "*部门*：创意\n" in body  # the reader's language only
    assert "*客户截止*：周五 12月4日 17:00" in body and "*内部截止*：周五 12月4日 12:30" in body
    assert "*资料链接（可选）*：https://drive.example.com/spring" in body
    assert buttons(ask) == [
        ("批准", "approval_approve", str(a.id)),
        ("驳回", "approval_reject", str(a.id)),
    ]
    [told] = ephemeral(world, "U0AE1")
    assert told["channel"] == "C0GENERAL"
    assert told["text"] == (
        "工作单 `CR-202611-01`「春季KV」已开出，等 <@U0AM1> 审批。\n"
        "客户截止：周五 12月4日 17:00 · 内部截止：周五 12月4日 12:30（提前半个工作日）"
    )
    [copy] = dms(world, "U0AE1", 1)
    assert "CR-202611-01 春季KV" in copy["text"]
    assert buttons(copy) == [("撤回", "approval_withdraw", str(a.id))]


def test_filing_in_english(world: World) -> None:
    assert file_job(
        world, "U0AE2", client=str(client_id(world, "Coca Cola Bottling")), project="Summer",
        department="design", brief=BRIEF_EN, deadline="Dec 4 5pm",
    ) == {}  # fmt: skip
    [told] = ephemeral(world, "U0AE2")
    assert told["text"] == (
        "Job `DS-202611-01` “Summer” is filed and waits for <@U0AM1>'s approval.\n"
        "Client's deadline: Fri 4 Dec 17:00 · internal deadline: Fri 4 Dec 12:30 (half a working "
        "day earlier)"
    )
    [ask] = dms(world, "U0AM1", 1)  # the approver reads Chinese
    assert ask["text"] == "<@U0AE2> 请你审批工作单：DS-202611-01 Summer"


def test_the_quick_path_opens_the_modal_filled_in(world: World) -> None:
    view = open_form(world, "Nike 创意 春季KV 主视觉")
    values = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert values["client"]["initial_option"]["value"] == str(client_id(world, "Nike"))
    assert values["department"]["initial_option"]["value"] == "creative"
    assert values["project"]["initial_value"] == "春季KV 主视觉"
    view = open_form(world, "new Coca Cola Bottling DS Summer sale", user="U0AE2")
    values = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert values["client"]["initial_option"]["value"] == str(
        client_id(world, "Coca Cola Bottling")
    )
    assert values["client"]["options"][0]["value"] == values["client"]["initial_option"]["value"]
    assert values["department"]["initial_option"]["value"] == "design"
    assert values["project"]["initial_value"] == "Summer sale"
    assert view["title"]["text"] == "New job request"
    view = open_form(world, "耐克 创意 春季KV")  # no client of that name: said, text kept
    assert text_of(view).startswith(
        "找不到客户“耐克”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。\n"
        "请在下面选择客户。"
    )
    values = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert "initial_option" not in values["client"]
    assert values["project"]["initial_value"] == "耐克 创意 春季KV"


def test_help_in_both_languages(world: World) -> None:
    zh = world.slack.command("/job", "help", user="U0AE1").json()["text"]
    en = world.slack.command("/job", "help", user="U0AE2").json()["text"]
    assert zh.startswith("*/job — 工作单*") and "`/job revise CR-202611-07`" in zh
    assert en.startswith("*/job — job requests*") and "`/job close CR-202611-07" in en


# --- refusals in the modal ------------------------------------------------------------------
def test_a_short_brief_is_refused_with_the_handbook_s_reason_in_zh_and_en(world: World) -> None:
    r = file_job(world, brief=SHORT)
    assert r == {
        "response_action": "errors",
        "errors": {
            "brief": "创意简报至少 30 个字（现在 7 个）。每张工作单都要调动整个团队、花钱：没有清晰的创意简报"
            "不开单。请写明目标、受众和交付物。"
        },
    }
    r = file_job(world, "U0AE2", client=str(client_id(world, "Coca Cola Bottling")),
                 brief="Spring poster")  # fmt: skip
    assert r["errors"] == {
        "brief": "The brief needs at least 30 characters (it has 13). Every job request mobilises "
        "the whole team and costs money: no job is opened without a clear creative brief. "
        "Please give the objective, the audience and the deliverables."
    }
    assert all_jobs(world) == []
    with world.bot.db.read() as s:
        assert s.exec(select(Approval)).all() == []


def test_a_deadline_past_or_unreadable_is_refused_in_zh_and_en(world: World) -> None:
    r = file_job(world, deadline="11月20日")
    assert r["errors"] == {"deadline": "客户截止时间已经过去了，请写一个将来的时间。"}
    r = file_job(world, "U0AE2", client=str(client_id(world, "Coca Cola Bottling")),
                 brief=BRIEF_EN, deadline="Nov 20")  # fmt: skip
    assert r["errors"] == {
        "deadline": "The client's deadline has already passed: please give a time in the future."
    }
    r = file_job(world, deadline="某天")
    assert r["errors"]["deadline"].startswith("看不懂这个日期：“某天”。")
    r = file_job(world, link="javascript:alert(1)", project="  ")
    assert r["errors"] == {
        "project": "请写项目名称。",
        "link": "资料链接要以 `http://` 或 `https://` 开头，不能有空格。",
    }
    assert all_jobs(world) == []


def test_without_a_supervisor_nothing_is_stored(world: World) -> None:
    r = file_job(world, "U0AD1")  # the AD has no manager: no AM or above up the line
    assert r["errors"] == {
        "client": "工作单要由你的营业主管（客户经理或以上）审批，但你的汇报链上没有这样的人。管理员可以用 "
        "`/aebot team set @同事 manager @主管` 设置汇报对象。没有保存任何内容。"
    }
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0AD1", datetime(2026, 11, 2, tzinfo=SH), language="en")
    r = file_job(world, "U0AD1")
    assert r["errors"]["client"].startswith("A job request is approved by your business supervisor")
    assert all_jobs(world) == []
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0GM", datetime(2026, 11, 2, tzinfo=SH), name="Wu GM",
                              role="gm")  # fmt: skip
        queries.upsert_member(s, TEAM, "U0AD1", datetime(2026, 11, 2, tzinfo=SH),
                              manager_id="U0GM")  # fmt: skip
    assert file_job(world, "U0AD1") == {}
    assert approval(world, all_jobs(world)[0].approval_id).approver_id == "U0GM"
    # an AAE's supervisor is the first AM or above up the line, not the AE they report to
    assert file_job(world, "U0AAE") == {}
    assert approval(world, all_jobs(world)[1].approval_id).approver_id == "U0AM1"


def test_an_unknown_client_is_refused(world: World) -> None:
    r = file_job(world, client="999999")  # not among the options: nothing chosen
    assert r["errors"] == {"client": "请选择客户。"}
    view = open_form(world)  # a modal listing a client that is gone since
    picker = next(b for b in view["blocks"] if b.get("block_id") == "client")
    picker["element"]["options"].append({"text": {"type": "plain_text", "text": "x"},
                                         "value": "999999"})  # fmt: skip
    r = world.slack.submit(view, form(world, client="999999"), user="U0AE1").json()
    assert r["errors"] == {"client": "找不到这个客户（可能刚被删除），请重新选择。"}
    assert all_jobs(world) == []


# --- numbering ------------------------------------------------------------------------------
def fields(w: World) -> JobFields:
    return JobFields(
        client_id(w, "Nike"), "P", "平面", BRIEF, datetime(2026, 12, 4, 17, tzinfo=SH),
        datetime(2026, 12, 4, 12, 30, tzinfo=SH),
    )  # fmt: skip


def test_ten_filed_at_the_same_instant_get_ten_numbers(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each thread its own write; on PostgreSQL all ten read the same highest number before any
    commits, and the unique constraints send nine of them back to try again."""
    reads: list[int] = []
    real_next_seq = jobs.next_seq

    def counted(taken: Any) -> int:
        reads.append(1)
        return real_next_seq(taken)

    monkeypatch.setattr(jobs, "next_seq", counted)
    now = world.clock.now()
    f = fields(world)
    together = threading.Barrier(10)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def one() -> None:
        try:
            if world.bot.db.is_sqlite:  # SQLite's writers take turns: meet before
                together.wait(5)
            with world.bot.db.write() as s:
                if not world.bot.db.is_sqlite:
                    together.wait(5)
                j = jobs.file_new(s, TEAM, "creative", now.astimezone(SH), f, "U0AE1", now)
                numbers.append(j.number)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert sorted(numbers) == [f"CR-202611-{n:02d}" for n in range(1, 11)]
    assert sorted(j.number for j in all_jobs(world)) == sorted(numbers)
    if world.bot.db.is_sqlite:
        assert len(reads) == 10  # writers take turns: no one reads a stale highest
    else:
        assert len(reads) > 10  # some read the same highest, lost the insert and tried again


def test_ten_submitted_at_once_get_ten_numbers(world: World) -> None:
    view = open_form(world)
    values = form(world)
    go = threading.Barrier(10)
    answers: list[str] = []

    def one() -> None:
        go.wait(5)
        answers.append(world.slack.submit(view, values, user="U0AE1").text)

    threads = [threading.Thread(target=one) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert answers == [""] * 10
    assert sorted(j.number for j in all_jobs(world)) == [f"CR-202611-{n:02d}" for n in range(1, 11)]
    assert len({j.approval_id for j in all_jobs(world)}) == 10


def test_numbers_run_per_department_and_restart_every_month(world: World) -> None:
    assert file_job(world) == {}
    assert file_job(world, department="design") == {}
    assert file_job(world) == {}
    assert file_job(world, department="other") == {}
    world.clock.set(datetime(2026, 12, 1, 9, 30, tzinfo=SH))
    assert file_job(world, deadline="12月10日") == {}
    assert file_job(world, department="design", deadline="12月10日") == {}
    world.clock.set(datetime(2027, 1, 4, 10, 0, tzinfo=SH))
    assert file_job(world, deadline="2027-01-08") == {}
    assert [j.number for j in all_jobs(world)] == [
        "CR-202611-01", "DS-202611-01", "CR-202611-02", "OT-202611-01",
        "CR-202612-01", "DS-202612-01", "CR-202701-01",
    ]  # fmt: skip


def test_the_month_is_the_workspace_s(world: World) -> None:
    """30 Nov 17:00 UTC is already 1 December in Shanghai."""
    world.clock.set(datetime(2026, 12, 1, 1, 0, tzinfo=SH))
    assert file_job(world, deadline="12月10日") == {}
    assert all_jobs(world)[0].number == "CR-202612-01"


def test_past_99_the_sequence_grows_to_three_digits(world: World) -> None:
    now = world.clock.now()
    with world.bot.db.write() as s:
        s.add(Job(team_id=TEAM, number="CR-202611-99", department="creative", month=202611,
                  seq=99, client_id=client_id(world, "Nike"), project="p", job_type="t",
                  brief=BRIEF, deadline=now, internal_deadline=now, owner_id="U0AE1",
                  issued_by="U0AE1", status="closed"))  # fmt: skip
    assert file_job(world) == {}
    assert all_jobs(world)[-1].number == "CR-202611-100"


def test_a_withdrawn_or_rejected_job_keeps_its_number(world: World) -> None:
    assert file_job(world) == {}
    first = job(world, "CR-202611-01")
    world.slack.click("approval_withdraw", str(first.approval_id), user="U0AE1")
    assert wait_until(lambda: job(world, "CR-202611-01").status == "withdrawn")
    assert file_job(world, project="第二个") == {}
    second = job(world, "CR-202611-02")
    reject(world, second.approval_id, "预算没批")
    assert job(world, "CR-202611-02").status == "rejected"
    assert file_job(world, project="第三个") == {}
    assert [j.number for j in all_jobs(world)] == ["CR-202611-01", "CR-202611-02", "CR-202611-03"]


# --- decisions ------------------------------------------------------------------------------
def reject(w: World, approval_id: int | None, reason: str) -> None:
    before = len(w.fake.views())
    w.slack.click("approval_reject", str(approval_id), user="U0AM1")
    assert wait_until(lambda: len(w.fake.views()) > before)
    modal = w.fake.views()[-1]
    r = w.slack.submit(modal, {"reason": reason}, user="U0AM1")
    assert r.text == "", r.text


def set_channel(w: World, department: str, channel: str) -> None:
    r = w.slack.command(
        "/aebot", f"settings set job_channel_{department} <#{channel}|creative>", user=ADMIN
    )
    assert r.status_code == 200


def test_approved_the_job_opens_and_its_card_goes_to_the_owner_and_the_channel(
    world: World,
) -> None:
    set_channel(world, "creative", "C0CREATIVE")
    assert file_job(world, link="https://drive.example.com/x") == {}
    j = job(world, "CR-202611-01")
    dms(world, "U0AM1", 1)
    world.slack.click("approval_approve", str(j.approval_id), user="U0AM1")
    assert wait_until(lambda: job(world, "CR-202611-01").status == "open")
    assert approval(world, j.approval_id).status == "approved"
    mine = dms(world, "U0AE1", 3)  # the copy, the decision, the card
    card = next(m for m in mine if m["text"].startswith("工作单 CR-202611-01《"))
    assert card["text"] == "工作单 CR-202611-01《春季KV》：已批准，待接单"
    body = text_of(card)
    assert body.startswith("*工作单 `CR-202611-01`*《春季KV》· 已批准，待接单")
    for line in ("*客户*：Nike", "*部门*：创意（CR）", "*工作类型*：平面",
                 "*客户截止*：周五 12月4日 17:00 · *内部截止*：周五 12月4日 12:30",
                 "*负责人*：<@U0AE1> · *开单人*：<@U0AE1>", "*审批*：<@U0AM1>",
                 "*资料*：https://drive.example.com/x", "> 目标：春季新品上市的声量"):  # fmt: skip
        assert line in body, line
    assert any("✅ <@U0AM1> 批准了你的工作单「CR-202611-01 春季KV」" in m["text"] for m in mine)
    [posted] = world.fake.messages("C0CREATIVE")
    assert posted["text"] == "工作单 CR-202611-01《春季KV》：已批准，待接单"
    assert [b["action_id"] for b in posted["blocks"][-1]["elements"]] == ["job_accept"]
    with world.bot.db.read() as s:
        keys = {m.key for m in s.exec(select(OutboxMessage))}
    assert {f"job-card:{j.id}", f"job-channel:{j.id}"} <= keys
    # a design job: no design channel set, no post
    assert file_job(world, department="design") == {}
    d = job(world, "DS-202611-01")
    dms(world, "U0AM1", 2)  # asked first: a decision before the DMs are out makes them moot
    dms(world, "U0AE1", 4)
    world.slack.click("approval_approve", str(d.approval_id), user="U0AM1")
    assert wait_until(lambda: job(world, "DS-202611-01").status == "open")
    dms(world, "U0AE1", 6)
    assert len(world.fake.messages("C0CREATIVE")) == 1


def test_a_channel_post_whose_answer_was_lost_is_found_not_posted_twice(world: World) -> None:
    world.bot.courier.backoff = 0.01
    set_channel(world, "creative", "C0CREATIVE")
    assert file_job(world) == {}
    j = job(world, "CR-202611-01")
    dms(world, "U0AM1", 1)
    world.fake.inject("chat.postMessage", "lost_answer", channels=["C0CREATIVE"])
    world.slack.click("approval_approve", str(j.approval_id), user="U0AM1")
    assert wait_until(lambda: job(world, "CR-202611-01").status == "open")
    dms(world, "U0AE1", 3)
    world.bot.courier.drain(now_or_later=True)
    with world.bot.db.read() as s:
        row = s.exec(select(OutboxMessage).where(OutboxMessage.key == f"job-channel:{j.id}")).one()
    assert (row.status, row.conversation) == ("delivered", "C0CREATIVE")
    assert [c.lost for c in world.fake.calls_to("chat.postMessage")
            if c.args["channel"] == "C0CREATIVE"] == [True]  # fmt: skip
    assert len(world.fake.messages("C0CREATIVE")) == 1
    assert [c.args["channel"] for c in world.fake.calls_to("conversations.history")] == [
        "C0CREATIVE"
    ]


def test_the_card_in_english_to_an_english_reader(world: World) -> None:
    assert file_job(world, "U0AE2", client=str(client_id(world, "Coca Cola Bottling")),
                    brief=BRIEF_EN, project="Summer") == {}  # fmt: skip
    j = job(world, "CR-202611-01")
    world.slack.click("approval_approve", str(j.approval_id), user="U0AM1")
    mine = dms(world, "U0AE2", 3)
    card = next(m for m in mine if m["text"].startswith("Job CR-202611-01"))
    body = text_of(card)
    assert body.startswith("*Job `CR-202611-01`* “Summer” · approved, not yet accepted")
    assert "*Client's deadline*: Fri 4 Dec 17:00 · *internal deadline*: Fri 4 Dec 12:30" in body


def test_rejected_with_a_reason_then_edited_and_resubmitted_under_the_same_number(
    world: World,
) -> None:
    assert file_job(world) == {}
    j = job(world, "CR-202611-01")
    first_approval = j.approval_id
    # blank reasons are refused in the modal
    world.slack.click("approval_reject", str(j.approval_id), user="U0AM1")
    assert wait_until(lambda: len(world.fake.views()) == 2)
    modal = world.fake.views()[-1]
    r = world.slack.submit(modal, {"reason": "   "}, user="U0AM1")
    assert r.json()["errors"] == {"reason": "请写明驳回理由：申请人需要知道要改什么。"}
    assert job(world, "CR-202611-01").status == "pending"
    r = world.slack.submit(modal, {"reason": "受众写得太笼统"}, user="U0AM1")
    assert r.text == ""
    assert job(world, "CR-202611-01").status == "rejected"
    mine = dms(world, "U0AE1", 2)
    told = next(m for m in mine if "驳回了你的工作单" in m["text"])
    assert (
        told["text"]
        == "❌ <@U0AM1> 驳回了你的工作单「CR-202611-01 春季KV」。\n理由：受众写得太笼统"
    )
    assert ("修改后重新提交", "job_resubmit", str(j.id)) in buttons(told)

    # only the owner may resubmit
    world.slack.click("job_resubmit", str(j.id), user="U0AE2")
    assert wait_until(lambda: any(
        c.args.get("text", "").startswith("CR") or "CR-202611-01" in c.args.get("text", "")
        for c in world.fake.calls_to("response_url")
    ))  # fmt: skip
    said = world.fake.calls_to("response_url")[-1].args["text"]
    assert (
        said == "`CR-202611-01` is <@U0AE1>'s job; only they can resubmit it. Nothing was changed."
    )

    views = len(world.fake.views())
    world.slack.click("job_resubmit", str(j.id), user="U0AE1")
    assert wait_until(lambda: len(world.fake.views()) > views)
    again = world.fake.views()[-1]
    assert again["title"]["text"] == "修改后重新提交"
    assert "重新提交 `CR-202611-01`（工作号不变）" in text_of(again)
    filled = {b["block_id"]: b["element"] for b in again["blocks"] if b["type"] == "input"}
    assert filled["project"]["initial_value"] == "春季KV"
    assert filled["brief"]["initial_value"] == BRIEF
    assert filled["deadline"]["initial_value"] == "2026-12-04 17:00"
    assert "department" not in filled  # the number (and its department) stay
    better = BRIEF + "受众细分为一线城市大学生。"
    r = world.slack.submit(again, {"brief": better, "deadline": "12月7日 17:00"}, user="U0AE1")
    assert r.text == ""
    [j2] = all_jobs(world)
    assert (j2.id, j2.number, j2.status, j2.brief) == (j.id, "CR-202611-01", "pending", better)
    assert j2.internal_deadline == datetime(2026, 12, 7, 12, 30, tzinfo=SH)
    assert j2.approval_id != first_approval
    a2 = approval(world, j2.approval_id)
    assert (a2.kind, a2.approver_id, a2.status, a2.subject_id) == ("job", "U0AM1", "pending", j.id)
    asks = dms(world, "U0AM1", 2)
    assert asks[-1]["text"] == "<@U0AE1> 请你审批工作单：CR-202611-01 春季KV"
    # a second submission of the same modal changes nothing
    r = world.slack.submit(again, {"brief": better}, user="U0AE1")
    assert r.json()["errors"] == {
        "project": "`CR-202611-01` 现在是“待审批”，不需要重新提交。没有做任何改动。"
    }
    world.slack.click("approval_approve", str(a2.id), user="U0AM1")
    assert wait_until(lambda: job(world, "CR-202611-01").status == "open")


# --- revise, close, list, show --------------------------------------------------------------
def approve_first(w: World, number: str = "CR-202611-01", **over: str) -> Job:
    """A job filed by U0AE1 (`over`: its form's fields changed) and approved by U0AM1."""
    assert file_job(w, **over) == {}
    j = job(w, number)
    # the approver clicks the button of the DM they were sent, and all it set going goes out
    assert wait_until(lambda: any(number in str(m) for m in w.fake.dms("U0AM1")))
    w.slack.click("approval_approve", str(j.approval_id), user="U0AM1")
    assert wait_until(lambda: job(w, number).status == "open")
    assert wait_until(lambda: settled(w))
    return job(w, number)


def test_a_follow_up_modification_is_numbered_r1_r2_and_approved_the_same_way(
    world: World,
) -> None:
    original = approve_first(world)
    view = open_form(world, "revise cr-202611-1")
    assert view["title"]["text"] == "后续修改工作单"
    assert "修改原工作单 `CR-202611-01`" in text_of(view) and "*客户*：Nike" in text_of(view)
    filled = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert set(filled) == {"project", "job_type", "brief", "deadline", "link"}
    assert filled["project"]["initial_value"] == "春季KV"
    r = world.slack.submit(view, {"project": "春季KV 改尺寸", "deadline": "12月8日"}, user="U0AE1")
    assert r.text == ""
    rev = job(world, "CR-202611-01-R1")
    assert (rev.parent_id, rev.revision, rev.seq, rev.department, rev.status) == (
        original.id, 1, 1, "creative", "pending",
    )  # fmt: skip
    a = approval(world, rev.approval_id)
    assert (a.kind, a.approver_id, a.title) == (
        "job-revision",
        "U0AM1",
        "CR-202611-01-R1 春季KV 改尺寸",
    )
    told = ephemeral(world, "U0AE1", 2)[-1]
    assert told["text"].startswith(
        "后续修改工作单 `CR-202611-01-R1`（修改 `CR-202611-01`）「春季KV 改尺寸」已开出，等 <@U0AM1> 审批。"
    )
    ask = dms(world, "U0AM1", 2)[-1]
    assert ask["text"] == "<@U0AE1> 请你审批后续修改工作单：CR-202611-01-R1 春季KV 改尺寸"
    assert "*原工作单*：`CR-202611-01`" in text_of(ask)
    world.slack.click("approval_approve", str(a.id), user="U0AM1")
    assert wait_until(lambda: job(world, "CR-202611-01-R1").status == "open")
    card = dms(world, "U0AE1", 6)
    assert any(
        text_of(m).startswith(
            "*工作单 `CR-202611-01-R1`*《春季KV 改尺寸》· 已批准，待接单\n"
            "后续修改工作单（修改 `CR-202611-01`）"
        )
        for m in card
    )
    # a second modification, asked from the first's number, is R2 of the original
    view = open_form(world, "revise CR-202611-01-R1")
    assert world.slack.submit(view, {"deadline": "12月9日"}, user="U0AE1").text == ""
    r2 = job(world, "CR-202611-01-R2")
    assert r2.parent_id == original.id
    # the next new creative job still takes the next sequence
    assert file_job(world) == {}
    assert all_jobs(world)[-1].number == "CR-202611-02"


def test_only_an_approved_job_can_be_revised(world: World) -> None:
    assert file_job(world) == {}
    r = world.slack.command("/job", "revise CR-202611-01", user="U0AE1")
    assert r.json()["text"] == (
        "`CR-202611-01` 现在是“待审批”：只有已批准（进行中或已消单）的工作单可以开后续修改单。"
    )
    r = world.slack.command("/job", "revise CR-202611-09", user="U0AE2")
    assert r.json()["text"] == (
        "No job numbered “CR-202611-09”. A job number is DEPT-YYYYMM-NN, e.g. `CR-202611-07` "
        "(a modification `CR-202611-07-R1`); `/job list` shows your jobs."
    )


def signed_off(w: World, number: str) -> None:
    """The job through its steps to the client's sign-off, straight in storage (the steps
    themselves are tested in tests/test_job_steps.py)."""
    with w.bot.db.write() as s:
        j = jobs.by_number(s, TEAM, number)
        assert j is not None
        now = w.clock.now()
        assert job_life.accept(s, j, "U0AM1", now)
        for step in ("progress", "review", "sent"):
            assert job_life.move(s, j, step, "U0AM1", now, note="审过")
        assert job_life.move(
            s, j, "signed", "U0AE1", now, signed_by_client="王经理", signed_on=now.date()
        )


def test_closing_a_job(world: World) -> None:
    approve_first(world)
    r = world.slack.command("/job", "close CR-202611-01 终稿已交付", user="U0AE2")
    assert r.json()["text"] == (
        "Only the owner <@U0AE1>, their manager or an admin can close `CR-202611-01`. "
        "Nothing was changed."
    )
    r = world.slack.command("/job", "close CR-202611-01 终稿已交付", user="U0AE1")
    assert r.json()["text"].startswith("`CR-202611-01` 还没有客户签发，不能消单。")
    assert job(world, "CR-202611-01").status == "open"  # not signed off: not closed
    signed_off(world, "CR-202611-01")
    r = world.slack.command("/job", "close CR-202611-01", user="U0AE1")
    assert r.json()["text"] == "请写交付说明，例如 `/job close CR-202611-01 已交付终稿`。"
    assert job(world, "CR-202611-01").status == "signed"
    r = world.slack.command("/job", "close CR-202611-01 终稿已交付 <!channel>", user="U0AE1")
    assert (
        r.json()["text"] == "已消单 `CR-202611-01`「春季KV」。交付说明：终稿已交付 &lt;!channel&gt;"
    )
    j = job(world, "CR-202611-01")
    assert (j.status, j.closed_by, j.delivery_note) == ("closed", "U0AE1", "终稿已交付 <!channel>")
    assert j.closed_at == world.clock.now()
    r = world.slack.command("/job", "close CR-202611-01 again", user="U0AE1")
    assert r.json()["text"] == (
        "`CR-202611-01` 现在是“已消单”，不能消单：只有已批准、还没消单的工作单可以消单。没有做任何改动。"
    )
    r = world.slack.command("/job", "close", user="U0AE2")
    assert r.json()["text"] == (
        "Usage: `/job close CR-202611-07 delivery note` (once the client signed it off); closing "
        "without the client's sign-off: `/job close CR-202611-07 --unsigned reason` (the owner's "
        "manager or an admin)"
    )
    # a closed job can still be revised
    view = open_form(world, "revise CR-202611-01")
    assert view["title"]["text"] == "后续修改工作单"


def test_the_owner_s_manager_closes_and_the_owner_is_told(world: World) -> None:
    approve_first(world)
    r = world.slack.command("/job", "close CR-202611-01 未签发结案：客户取消了", user="U0AM1")
    assert r.json()["text"] == "已消单 `CR-202611-01`「春季KV」，未经客户签发。原因：客户取消了"
    said = "<@U0AM1> 给你的工作单 `CR-202611-01`「春季KV」消单了，未经客户签发。原因：客户取消了"
    assert wait_until(lambda: any(m["text"] == said for m in world.fake.dms("U0AE1")))
    assert wait_until(lambda: delivered(world))
    assert [m["text"] for m in world.fake.dms("U0AE1")].count(said) == 1  # told once
    assert file_job(world, project="第二") == {}
    j = job(world, "CR-202611-02")
    world.slack.click("approval_approve", str(j.approval_id), user="U0AM1")
    assert wait_until(lambda: job(world, "CR-202611-02").status == "open")
    r = world.slack.command("/job", "close cr-202611-2 --unsigned done", user=ADMIN)
    assert r.json()["text"] == "已消单 `CR-202611-02`「第二」，未经客户签发。原因：done"


def test_list_shows_my_open_and_pending_jobs_with_both_deadlines(world: World) -> None:
    r = world.slack.command("/job", "list", user="U0AE1")
    assert r.json()["text"] == "你没有未完成的工作单。用 `/job` 开一张。"
    approve_first(world)
    assert file_job(world, department="design", project="包装", deadline="12月2日") == {}
    assert file_job(world, project="撤回的") == {}
    gone = job(world, "CR-202611-02")
    world.slack.click("approval_withdraw", str(gone.approval_id), user="U0AE1")
    assert wait_until(lambda: job(world, "CR-202611-02").status == "withdrawn")
    listed = world.slack.command("/job", "list", user="U0AE1").json()
    assert listed["text"] == "你的未完成工作单（2 张）："
    body = "\n".join(b["text"]["text"] for b in listed["blocks"])
    assert body == (
        "你的未完成工作单（2 张）：\n"
        "`DS-202611-01` *包装* · Nike · 待审批\n"
        "　客户截止 周三 12月2日 18:00 · 内部截止 周三 12月2日 13:30\n"
        "`CR-202611-01` *春季KV* · Nike · 已批准，待接单\n"
        "　客户截止 周五 12月4日 17:00 · 内部截止 周五 12月4日 12:30"
    )
    none = world.slack.command("/job", "list", user="U0AE2").json()
    assert none["text"] == "You have no open jobs. `/job` files one."


def test_show_one_job_with_its_revisions_and_history(world: World) -> None:
    assert file_job(world) == {}
    j = job(world, "CR-202611-01")
    reject(world, j.approval_id, "简报不清楚")
    world.slack.click("job_resubmit", str(j.id), user="U0AE1")
    assert wait_until(lambda: world.fake.views()[-1]["title"]["text"] == "修改后重新提交")
    world.slack.submit(world.fake.views()[-1], {}, user="U0AE1")
    j = job(world, "CR-202611-01")
    world.clock.set(datetime(2026, 11, 23, 11, 0, tzinfo=SH))
    world.slack.click("approval_approve", str(j.approval_id), user="U0AM1")
    assert wait_until(lambda: job(world, "CR-202611-01").status == "open")
    view = open_form(world, "revise CR-202611-01")
    world.slack.submit(view, {"project": "改尺寸"}, user="U0AE1")
    r = world.slack.command("/job", "show cr-202611-01", user="U0AE1").json()
    assert r["text"] == "工作单 `CR-202611-01`：*春季KV* · 已批准，待接单"
    body = text_of(r)
    assert "*后续修改*：`CR-202611-01-R1` (待审批)" in body
    assert "*创意简报*：\n> 目标：春季新品上市的声量" in body
    assert "*审批记录*：" in body
    history = body.split("*审批记录*：\n")[1].split("\n*工时*")[0].splitlines()
    assert history == [
        "• 周一 11月23日 10:00 · `CR-202611-01` · <@U0AE1> 提交",
        "• 周一 11月23日 10:00 · `CR-202611-01` · aebot 转给审批人 — U0AM1",
        "• 周一 11月23日 10:00 · `CR-202611-01` · <@U0AM1> 驳回 — 简报不清楚",
        "• 周一 11月23日 10:00 · `CR-202611-01` · <@U0AE1> 提交",
        "• 周一 11月23日 10:00 · `CR-202611-01` · aebot 转给审批人 — U0AM1",
        "• 周一 11月23日 11:00 · `CR-202611-01` · <@U0AM1> 批准",
    ]
    r = world.slack.command("/job", "show CR-202611-01-R1", user="U0AE2").json()
    assert r["text"] == "Job `CR-202611-01-R1`: *改尺寸* · waiting for approval"
    assert "*Modifies*: `CR-202611-01` (approved, not yet accepted)" in text_of(r)
    r = world.slack.command("/job", "show XX-1", user="U0AE1").json()
    assert r["text"] == (
        "找不到工作单“XX-1”。工作号的格式是 部门代码-年月-序号，例如 `CR-202611-07`（修改单 "
        "`CR-202611-07-R1`）；`/job list` 列出你的工作单。"
    )
    r = world.slack.command("/job", "show", user="U0AE2").json()
    assert r["text"] == "Please give the job number, e.g. `CR-202611-07`."


def test_every_message_about_a_job_shows_its_number(world: World) -> None:
    approve_first(world)
    world.slack.command("/job", "close CR-202611-01 未签发结案：客户取消", user="U0AM1")
    out = wait_until(lambda: delivered(world) and len(world.fake.dms("U0AE1")) == 4)
    with world.bot.db.read() as s:
        rows = [(m.key, m.status) for m in s.exec(select(OutboxMessage))]
    assert out, ([m["text"][:80] for m in world.fake.dms("U0AE1")], rows)
    for user in ("U0AE1", "U0AM1"):
        for m in world.fake.dms(user):
            assert "CR-202611-01" in m["text"], m["text"]
    for m in world.fake.messages():
        if m.get("ephemeral"):
            assert "CR-202611-01" in m["text"], m["text"]
