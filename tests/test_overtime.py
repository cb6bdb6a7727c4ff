"""`/overtime`: forms filed in the modal or in one line, late after 17:00 (the approver sees it),
signed by the project execution director with the engine's buttons, the later start after
23:00 told to the managers and members once approved, refusals in both languages, the month's
list, and the report with its .xlsx — through signed requests and the fake Slack, on both
databases."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import update
from sqlmodel import col, select

from storage import overtime as store
from storage import queries
from storage.models import Approval, Client, Job, Member, OutboxMessage, OvertimeForm
from tests.conftest import ADMIN, MONDAY_10, SH, TEAM, World, wait_until
from tests.messages import buttons, text_of

PED = "U0PED"
JOB = "CR-202611-07"


# --- helpers ----------------------------------------------------------------------------------
def setup(w: World, *, ped: bool = True) -> int:
    """A project execution director, and U0AE1's open job CR-202611-07 for Nike; its id."""
    with w.bot.db.write() as s:
        if ped:
            queries.upsert_member(s, TEAM, PED, MONDAY_10, name="Ma PED", role="ped")
        nike = s.exec(select(Client).where(Client.name == "Nike")).one()
        job = Job(
            team_id=TEAM, number=JOB, department="creative", month=202611, seq=7,
            client_id=nike.id, project="春季KV", job_type="KV", brief="目标：春季上新",
            deadline=datetime(2026, 12, 4, 17, tzinfo=SH),
            internal_deadline=datetime(2026, 12, 4, 12, tzinfo=SH), owner_id="U0AE1",
            issued_by="U0AE1", status="open",
        )  # fmt: skip
        s.add(job)
        s.add(
            Job(
                team_id=TEAM, number="DS-202611-01", department="design", month=202611, seq=1,
                client_id=nike.id, project="海报", job_type="KV", brief="x",
                deadline=datetime(2026, 12, 4, 17, tzinfo=SH),
                internal_deadline=datetime(2026, 12, 4, 12, tzinfo=SH), owner_id="U0AE1",
                issued_by="U0AE1", status="closed",
            )
        )  # fmt: skip
        s.flush()
        assert job.id is not None
        return job.id


def client_id(w: World, name: str) -> int:
    with w.bot.db.read() as s:
        c = s.exec(select(Client).where(Client.team_id == TEAM, Client.name == name)).one()
    assert c.id is not None
    return c.id


def at(w: World, *args: int) -> None:
    w.clock.set(datetime(*args, tzinfo=SH))  # type: ignore[misc]


def command(w: World, text: str, user: str = "U0AE1") -> str:
    r = w.slack.command("/overtime", text, user=user)
    assert r.status_code == 200
    return str(r.json()["text"])


def open_form(w: World, text: str = "", user: str = "U0AE1") -> dict[str, Any]:
    before = len(w.fake.views())
    assert command(w, text, user) == ""
    assert wait_until(lambda: len(w.fake.views()) > before)
    return w.fake.views()[-1]


def form(w: World, **over: Any) -> dict[str, Any]:
    job = next(f.id for f in jobs(w) if f.number == JOB)
    values = {"target": f"job:{job}", "members": ["U0AE1"], "day": "", "time": "19:00-22:30",
              "reason": "赶明早的提案"}  # fmt: skip
    return values | over


def submit(w: World, view: dict[str, Any], user: str = "U0AE1", **over: Any) -> dict[str, Any]:
    r = w.slack.submit(view, form(w, **over), user=user)
    assert r.status_code == 200
    return r.json() if r.text else {}


def jobs(w: World) -> list[Job]:
    with w.bot.db.read() as s:
        return list(s.exec(select(Job)))


def forms(w: World) -> list[OvertimeForm]:
    with w.bot.db.read() as s:
        return list(s.exec(select(OvertimeForm).order_by(col(OvertimeForm.id))))


def approval(w: World, approval_id: int | None) -> Approval:
    with w.bot.db.read() as s:
        a = s.get(Approval, approval_id)
    assert a is not None
    return a


def delivered(w: World) -> bool:
    with w.bot.db.read() as s:
        return all(m.status in ("delivered", "expired") for m in s.exec(select(OutboxMessage)))


def dms(w: World, user: str, n: int = 1) -> list[dict[str, Any]]:
    assert wait_until(lambda: len(w.fake.dms(user)) >= n), w.fake.dms(user)
    assert wait_until(lambda: delivered(w))
    return w.fake.dms(user)


def ephemeral(w: World, user: str, n: int = 1) -> list[dict[str, Any]]:
    assert wait_until(lambda: len([m for m in w.fake.messages() if m.get("user") == user]) >= n)
    return [m for m in w.fake.messages() if m.get("user") == user]


def answers(w: World, n: int = 1) -> list[str]:
    assert wait_until(lambda: len(w.fake.calls_to("response_url")) >= n)
    return [c.args.get("text", "") for c in w.fake.calls_to("response_url")]


def approve(w: World, a: Approval, user: str = PED) -> None:
    before = len(w.fake.calls_to("chat.update"))
    assert w.slack.click("approval_approve", str(a.id), user=user).status_code == 200
    if user in (PED, ADMIN):
        assert wait_until(lambda: approval(w, a.id).status == "approved")
        assert wait_until(lambda: len(w.fake.calls_to("chat.update")) > before)


def set_member(w: World, user: str, **values: Any) -> None:
    with w.bot.db.write() as s:
        s.exec(update(Member).where(col(Member.user_id) == user).values(**values))  # type: ignore[call-overload]


# --- filing -----------------------------------------------------------------------------------
def test_filing_through_the_modal(world: World) -> None:
    job_id = setup(world)
    view = open_form(world)
    assert view["title"]["text"] == "加班单"
    picker = next(b for b in view["blocks"] if b.get("block_id") == "target")
    assert [(o["value"], o["text"]["text"]) for o in picker["element"]["options"]] == [
        (f"job:{job_id}", "CR-202611-07 春季KV"),  # my open jobs first (not the closed one)
        (f"client:{client_id(world, 'Nike')}", "客户：Nike"),  # then my clients
        (f"client:{client_id(world, '可口可乐')}", "客户：可口可乐"),
        (f"client:{client_id(world, 'Coca Cola Bottling')}", "客户：Coca Cola Bottling"),
    ]
    members = next(b for b in view["blocks"] if b.get("block_id") == "members")
    assert members["element"]["type"] == "multi_users_select"
    assert members["element"]["initial_users"] == ["U0AE1"]  # me by default

    assert submit(world, view, members=["U0AE1", "U0AAE"]) == {}
    [f] = forms(world)
    assert (f.filer_id, store.members_of(f), f.job_id, f.day.isoformat()) == (
        "U0AE1", ["U0AE1", "U0AAE"], job_id, "2026-11-23",
    )  # fmt: skip
    assert (f.start, f.end) == (
        datetime(2026, 11, 23, 19, tzinfo=SH), datetime(2026, 11, 23, 22, 30, tzinfo=SH),
    )  # fmt: skip
    assert (f.late, f.status, f.deferred_until, f.reason) == (
        False,
        "pending",
        None,
        "赶明早的提案",
    )
    a = approval(world, f.approval_id)
    assert (a.kind, a.subject, a.subject_id, a.approver_id, a.requester_id) == (
        "overtime", "overtime", f.id, PED, "U0AE1",
    )  # fmt: skip
    assert a.title == "2026-11-23 19:00–22:30 · CR-202611-07 春季KV"

    [asked] = dms(world, PED)
    assert text_of(asked) == (
        "<@U0AE1> 请你审批加班单：*2026-11-23 19:00–22:30 · CR-202611-07 春季KV*\n"
        "*日期*：周一 11月23日\n*时间*：19:00–22:30\n*时长（小时）*：3.5\n"
        "*加班人员*：<@U0AE1>\n*加班人员*：<@U0AAE>\n*工作单*：CR-202611-07 春季KV\n"
        "*客户*：Nike\n理由：赶明早的提案"
    )
    assert [b[1] for b in buttons(asked)] == ["approval_approve", "approval_reject"]
    [told] = ephemeral(world, "U0AE1")
    assert told["text"] == (
        "已提交加班单：周一 11月23日 19:00–22:30（3.5 小时），<@U0AE1>、<@U0AAE>，CR-202611-07 春季KV。"
        "按时提交（17:00 前），等 <@U0PED> 审批。"
    )
    [copy] = dms(world, "U0AE1")  # the engine's copy, with Withdraw
    assert [b[1] for b in buttons(copy)] == ["approval_withdraw"]


def test_a_typed_day_and_an_end_alone(world: World) -> None:
    setup(world)
    view = open_form(world)
    assert submit(world, view, day="11月25日", time="到晚上十点") == {}
    assert submit(world, view, day="昨天", time="19:00-凌晨1点") == {}
    ahead, before = forms(world)
    assert (ahead.day.isoformat(), ahead.start, ahead.end, ahead.late) == (
        "2026-11-25", datetime(2026, 11, 25, 18, tzinfo=SH), datetime(2026, 11, 25, 22, tzinfo=SH),
        False,
    )  # fmt: skip
    assert (before.day.isoformat(), before.end, before.late) == (
        "2026-11-22", datetime(2026, 11, 23, 1, tzinfo=SH), True,  # filed after the fact: late
    )  # fmt: skip
    # Sunday 22 Nov worked until 01:00: Monday (the next working day) starts 2 h later
    assert before.deferred_until == datetime(2026, 11, 23, 11, tzinfo=SH)


def test_the_quick_path_files_for_me_today(world: World) -> None:
    setup(world)
    said = command(world, "19:00-22:00 CR-202611-07 赶提案")
    assert said == (
        "已提交加班单：周一 11月23日 19:00–22:00（3 小时），<@U0AE1>，CR-202611-07 春季KV。"
        "按时提交（17:00 前），等 <@U0PED> 审批。"
    )
    said = command(world, "7pm - 9:30pm Coca Cola Bottling pitch deck", user="U0AE2")
    assert said == (
        "Overtime form filed: Mon 23 Nov 19:00–21:30 (2.5 h), <@U0AE2>, Coca Cola Bottling. "
        "Filed on time (before 17:00); waiting for <@U0PED>."
    )
    said = command(world, "到晚上十点 Nike 客户临时改稿")  # an end alone: from 18:00
    assert said.startswith("已提交加班单：周一 11月23日 18:00–22:00（4 小时），<@U0AE1>，Nike。")
    first, second, third = forms(world)
    assert (first.reason, second.reason, third.reason) == ("赶提案", "pitch deck", "客户临时改稿")
    assert second.client_id == client_id(world, "Coca Cola Bottling") and second.job_id is None
    assert first.client_id == client_id(world, "Nike")  # the job's client
    assert all(f.day.isoformat() == "2026-11-23" and f.members == '["' + f.filer_id + '"]'
               for f in forms(world))  # fmt: skip
    [asked] = dms(world, "U0AE2")  # only the copy: U0AE2 asked no one else for anything
    assert "Your overtime form “2026-11-23 19:00–21:30 · Coca Cola Bottling”" in asked["text"]


def test_filed_at_16_59_is_on_time_and_at_17_01_late_and_the_approver_sees_it(
    world: World,
) -> None:
    setup(world)
    at(world, 2026, 11, 23, 16, 59)
    assert "按时提交（17:00 前）" in command(world, "19:00-21:00 CR-202611-07 赶提案")
    at(world, 2026, 11, 23, 17, 1)
    said = command(world, "19:00-21:00 CR-202611-07 改稿")
    assert said == (
        "已提交加班单：周一 11月23日 19:00–21:00（2 小时），<@U0AE1>，CR-202611-07 春季KV。"
        "⚠️ 迟交：在 17:00 截止之后提交，审批人会看到迟交标记。等 <@U0PED> 审批。"
    )
    said = command(world, "19:00-21:00 Coca Cola Bottling redo", user="U0AE2")
    assert "⚠️ Filed late: after the 17:00 cut-off, and the approver sees it." in said
    on_time, late, late_en = forms(world)
    assert (on_time.late, late.late, late_en.late) == (False, True, True)
    first, second, _ = dms(world, PED, 3)
    assert "迟交" not in text_of(first) and "⚠" not in first["text"]
    assert text_of(second).startswith(
        "<@U0AE1> 请你审批加班单：*⚠ 2026-11-23 19:00–21:00 · CR-202611-07 春季KV*\n"
        "*⚠️ 迟交（截止后提交于）*：周一 11月23日 17:01\n*日期*：周一 11月23日\n"
    )
    assert approval(world, late.approval_id).title.startswith("⚠ ")


def test_work_past_23_defers_the_next_working_morning_once_approved(world: World) -> None:
    setup(world)
    set_member(world, "U0AM1", language="en")  # the manager reads English
    view = open_form(world)
    assert submit(world, view, members=["U0AE1", "U0AE2", "U0AAE"], time="19:00-00:30") == {}
    [f] = forms(world)
    assert f.deferred_until == datetime(2026, 11, 24, 10, 30, tzinfo=SH)  # 09:00 + 1 h 30
    [told] = ephemeral(world, "U0AE1")
    assert told["text"].endswith(
        "\n加班超过 23:00：批准后，下一个工作日 周二 11月24日 10:30 上班。"
    )
    [asked] = dms(world, PED)
    assert "*时间*：19:00–00:30 (+1)\n*时长（小时）*：5.5" in text_of(asked)
    assert "*次日顺延上班*：周二 11月24日 10:30" in text_of(asked)
    assert world.fake.dms("U0AM1") == []  # nothing before it is approved

    approve(world, approval(world, f.approval_id))
    [manager] = dms(world, "U0AM1")  # AE1 and AE2 report to AM1: one DM, a line each
    assert manager["text"] == (
        "<@U0AE1> worked until 00:30 (overtime approved); starts at 10:30 on Tue 24 Nov.\n"
        "<@U0AE2> worked until 00:30 (overtime approved); starts at 10:30 on Tue 24 Nov."
    )
    # U0AE1: the copy, the decision, their later start, and (as U0AAE's manager) U0AAE's
    to_ae1 = [m["text"] for m in dms(world, "U0AE1", 4)[1:]]
    assert sorted(t for t in to_ae1 if not t.startswith("✅")) == [
        "<@U0AAE> 加班到 00:30（加班单已批准），周二 11月24日 10:30 上班。",
        "你的加班单（到 00:30）已批准：周二 11月24日 10:30 上班即可。",
    ]
    later = [m["text"] for m in dms(world, "U0AE2") if "start at" in m["text"]]
    assert later == ["Your overtime until 00:30 is approved: you start at 10:30 on Tue 24 Nov."]
    aae = [m["text"] for m in dms(world, "U0AAE")]
    assert aae == ["你的加班单（到 00:30）已批准：周二 11月24日 10:30 上班即可。"]
    assert forms(world)[0].status == "approved"
    with world.bot.db.read() as s:
        keys = sorted(m.key for m in s.exec(select(OutboxMessage)) if m.key.startswith("overtime"))
    assert keys == [
        f"overtime-deferred:{f.id}:U0AE1", f"overtime-deferred:{f.id}:U0AM1",
        f"overtime-start:{f.id}:U0AAE", f"overtime-start:{f.id}:U0AE1",
        f"overtime-start:{f.id}:U0AE2",
    ]  # fmt: skip


def test_a_friday_defers_monday_and_a_makeup_saturday_is_a_working_day(world: World) -> None:
    setup(world)
    at(world, 2026, 11, 27, 10, 0)  # Friday
    said = command(world, "19:00-00:30 CR-202611-07 赶提案")
    assert said.endswith("\n加班超过 23:00：批准后，下一个工作日 周一 11月30日 10:30 上班。")
    at(world, 2026, 10, 9, 10, 0)  # Friday; Saturday 10 Oct 2026 is worked (调休)
    said = command(world, "20:00-01:00 CR-202611-07 赶提案")
    assert said.endswith("\n加班超过 23:00：批准后，下一个工作日 周六 10月10日 11:00 上班。")
    assert [f.deferred_until for f in forms(world)] == [
        datetime(2026, 11, 30, 10, 30, tzinfo=SH), datetime(2026, 10, 10, 11, 0, tzinfo=SH),
    ]  # fmt: skip


def test_only_the_project_execution_director_or_an_admin_approves(world: World) -> None:
    setup(world)
    command(world, "19:00-22:00 CR-202611-07 赶提案")
    command(world, "19:00-22:00 Nike 改稿")
    first, second = forms(world)
    dms(world, PED, 2)
    approve(world, approval(world, first.approval_id), user="U0AM1")  # the filer's manager
    [said] = answers(world)
    assert "<@U0PED>" in said and approval(world, first.approval_id).status == "pending"
    approve(world, approval(world, first.approval_id), user="U0AE1")  # one's own
    assert approval(world, first.approval_id).status == "pending"
    approve(world, approval(world, first.approval_id))
    approve(world, approval(world, second.approval_id), user=ADMIN)
    assert [f.status for f in forms(world)] == ["approved", "approved"]
    assert approval(world, second.approval_id).decided_by == ADMIN


def test_a_rejected_form_is_filled_in_again(world: World) -> None:
    setup(world)
    command(world, "19:00-22:00 CR-202611-07 赶提案")
    [f] = forms(world)
    dms(world, PED)
    assert world.slack.click("approval_reject", str(f.approval_id), user=PED).status_code == 200
    assert wait_until(lambda: any(v["callback_id"] == "approval_reject_form"
                                  for v in world.fake.views()))  # fmt: skip
    reject = next(v for v in world.fake.views() if v["callback_id"] == "approval_reject_form")
    assert world.slack.submit(reject, {"reason": "明天再做"}, user=PED).status_code == 200
    assert wait_until(lambda: forms(world)[0].status == "rejected")
    told = dms(world, "U0AE1", 2)[-1]
    assert ("修改后重新提交", "overtime_file", "") not in buttons(told)
    [(label, action, value)] = buttons(told)
    assert (label, action, value) == ("修改后重新提交", "overtime_refile", str(f.id))
    before = len(world.fake.views())
    assert world.slack.click("overtime_refile", str(f.id), user="U0AE1").status_code == 200
    assert wait_until(lambda: len(world.fake.views()) > before)
    view = world.fake.views()[-1]
    initial = {b["block_id"]: b["element"].get("initial_value") for b in view["blocks"]
               if b["type"] == "input"}  # fmt: skip
    assert initial["time"] == "19:00-22:00" and initial["day"] == "2026-11-23"
    assert initial["reason"] == "赶提案"
    assert text_of(view).startswith("按被驳回的加班单填好了")
    assert submit(world, view, members=["U0AE1"], time="19:00-21:00", reason="改为两小时") == {}
    assert [x.status for x in forms(world)] == ["rejected", "pending"]


def test_the_reminders_file_overtime_button_opens_the_form(world: World) -> None:
    setup(world)
    before = len(world.fake.views())
    assert world.slack.click("overtime_file", "", user="U0AE2").status_code == 200
    assert wait_until(lambda: len(world.fake.views()) > before)
    view = world.fake.views()[-1]
    assert view["title"]["text"] == "Overtime form" and view["callback_id"] == "overtime_form"


# --- refusals -----------------------------------------------------------------------------------
def test_refusals_of_the_form_in_both_languages(world: World) -> None:
    setup(world)
    cases = [
        ({"time": "晚上看情况"}, "time", "看不懂这个时间段：“晚上看情况”。"),
        ({"time": "08:00-02:00"}, "time", "这个时间段超过16小时：“08:00-02:00”。"),
        ({"time": "到17:30"}, "time", "只写结束时间时从下班时间 18:00 算起，17:30 不在下班之后。"),
        ({"time": "12月1日到3日"}, "time", "加班单要写几点到几点，不是几天"),
        ({"time": ""}, "time", "请填写计划加班时间"),
        ({"reason": "  "}, "reason", "请填写加班原因。"),
        ({"day": "香蕉"}, "day", "看不懂这个日期：“香蕉”。"),
        ({"members": []}, "members", "请选择加班人员。"),
        ({"members": ["U0AE1", "U0NOBODY"]}, "members", "<@U0NOBODY> 不在团队名单里"),
    ]
    view = open_form(world)
    for over, field, start in cases:
        got = submit(world, view, **over)
        assert got["response_action"] == "errors" and got["errors"][field].startswith(start), (
            over, got,
        )  # fmt: skip
    view = open_form(world, user="U0AE2")
    cases_en = [
        ({"time": "whenever"}, "time", "Sorry, I couldn't read “whenever” as a range."),
        ({"time": "8am-2am"}, "time", "“8am-2am” is longer than 16 hours."),
        ({"reason": ""}, "reason", "Give the reason for the overtime."),
    ]
    for over, field, start in cases_en:
        got = submit(world, view, user="U0AE2", **over)
        assert got["errors"][field].startswith(start), (over, got)
    assert forms(world) == []


def test_refusals_of_the_quick_path_open_the_form_saying_why(world: World) -> None:
    setup(world)

    def notice(text: str, user: str = "U0AE1") -> tuple[str, dict[str, Any]]:
        view = open_form(world, text, user)
        inputs = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
        return view["blocks"][0]["text"]["text"], inputs

    said, inputs = notice("19:00-22:00 CR-202611-99 赶提案")
    assert said == "没有编号为 CR-202611-99 的工作单。请在下面选择工作单或客户。"
    assert inputs["time"]["initial_value"] == "19:00-22:00"
    assert (
        inputs["reason"]["initial_value"] == "赶提案" and "initial_option" not in inputs["target"]
    )
    said, _ = notice("19:00-22:00 DS-202611-01 赶提案")
    assert (
        said == "工作单 `DS-202611-01` 的状态是“已消单”：只能为进行中的工作单加班。请在下面选择。"
    )
    said, inputs = notice("19:00-22:00 CR-202611-07")
    assert said == "还缺加班原因。请在下面填写后提交。"
    assert inputs["target"]["initial_option"]["text"]["text"] == "CR-202611-07 春季KV"
    said, inputs = notice("19:00-12:00 Nike 赶提案")
    assert said.startswith("这个时间段超过16小时：“19:00-12:00”。")
    assert said.endswith("\n请在下面补全后提交。")
    assert inputs["target"]["initial_option"]["text"]["text"] == "客户：Nike"
    said, inputs = notice("19:00-22:00 耐克 赶提案")
    assert said == (
        "找不到客户“耐克”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。\n"
        "请在下面选择工作单或客户。"
    )
    assert inputs["reason"]["initial_value"] == "耐克 赶提案"
    said, _ = notice("Nike 赶提案")
    assert said.startswith("请先写加班时间，例如 `/overtime 19:00-22:00 CR-202611-07 赶提案`。")
    said, _ = notice("7pm-10pm CR-202611-99 pitch", user="U0AE2")
    assert said == "There is no job numbered CR-202611-99. Choose the job or client below."
    said, _ = notice("10am-8am Nike pitch", user="U0AE2")
    assert said.startswith("“10am-8am” is longer than 16 hours.")
    said, _ = notice("7pm-10pm Coca Cola Bottling", user="U0AE2")
    assert said == "The reason is missing. Write it below and submit."
    assert forms(world) == []


def test_no_one_to_sign_is_refused_in_both_languages(world: World) -> None:
    setup(world, ped=False)
    assert command(world, "19:00-22:00 CR-202611-07 赶提案", user="U0AD1") == (
        "找不到审批人：团队里没有项目执行总监（角色 `ped`），你的汇报链上也没有主管。管理员可以用 "
        "`/aebot team set @同事 role ped` 指定项目执行总监，或用 `/aebot team set @同事 manager @主管` 设置汇报对象。"
    )
    set_member(world, "U0AE2", manager_id=None)
    assert command(world, "7pm-10pm Nike pitch", user="U0AE2").startswith(
        "Nobody can sign this: the team has no project execution director (role `ped`)"
    )
    # without a PED, the supervisor signs
    assert command(world, "19:00-22:00 CR-202611-07 赶提案").endswith("等 <@U0AM1> 审批。")
    assert len(forms(world)) == 1


def test_help_in_both_languages(world: World) -> None:
    assert command(world, "help").startswith("*/overtime — 加班单*")
    assert command(world, "帮助", user="U0AE2").startswith("*/overtime — overtime forms*")


# --- /overtime list ------------------------------------------------------------------------------
def test_my_forms_this_month_with_hours_per_week(world: World) -> None:
    setup(world)
    at(world, 2026, 11, 16, 10, 0)  # week 47
    command(world, "19:00-22:00 CR-202611-07 赶提案")
    at(world, 2026, 11, 23, 17, 30)  # week 48, late
    command(world, "19:00-21:30 Nike 改稿")
    command(world, "19:00-23:00 Nike 重做")
    view = open_form(world, user="U0AE2")  # someone else's form that I stay on
    assert submit(world, view, user="U0AE2", members=["U0AE2", "U0AE1"], time="20:00-21:00",
                  target=f"client:{client_id(world, 'Coca Cola Bottling')}") == {}  # fmt: skip
    dms(world, PED, 4)
    first, second, third, _ = forms(world)
    approve(world, approval(world, first.approval_id))
    approve(world, approval(world, second.approval_id))
    world.slack.click("approval_withdraw", str(third.approval_id), user="U0AE1")
    assert wait_until(lambda: forms(world)[2].status == "withdrawn")
    at(world, 2026, 11, 24, 9, 0)
    r = world.slack.command("/overtime", "list", user="U0AE1").json()
    assert r["text"] == "2026年11月我的加班单（4 张）"
    assert text_of(r) == (
        "*2026年11月我的加班单（4 张）*\n"
        "*第47周*（周一 11月16日 – 周日 11月22日）：已批准 3 小时，待审批 0 小时\n"
        "• 周一 11月16日 19:00–22:00 · 3 小时 · CR-202611-07 春季KV · 已批准\n"
        "*第48周*（周一 11月23日 – 周日 11月29日）：已批准 2.5 小时，待审批 1 小时\n"
        "• 周一 11月23日 19:00–21:30 · 2.5 小时 · Nike · 已批准 · 迟交\n"
        "• 周一 11月23日 19:00–23:00 · 4 小时 · Nike · 已撤回 · 迟交\n"
        "• 周一 11月23日 20:00–21:00 · 1 小时 · Coca Cola Bottling · 待审批 · 迟交"
    )
    r = world.slack.command("/overtime", "list", user="U0AE2").json()
    assert r["text"] == "My overtime in November 2026 (1 form)"
    assert command(world, "list", user="U0AM1") == "你本月还没有加班单。"


# --- /overtime report ----------------------------------------------------------------------------
def test_the_report_is_for_managers_and_admins(world: World) -> None:
    setup(world)
    assert command(world, "report 2026-11") == (
        "只有经理（AM、AD、GM、项目执行总监）和管理员可以查看加班统计。"
    )
    assert command(world, "report", user="U0AE2").startswith(
        "Only managers (AM, AD, GM, project execution director) and admins"
    )
    assert command(world, "report 下个月", user="U0AM1").startswith("看不懂这个月份：“下个月”。")
    assert command(world, "report 2026-10", user=ADMIN) == "2026年10月没有已批准的加班单。"
    assert world.fake.calls_to("files.getUploadURLExternal") == []


def test_the_report_by_person_and_job_with_its_xlsx(world: World) -> None:
    setup(world)
    view = open_form(world)
    submit(world, view, members=["U0AE1", "U0AAE"], time="19:00-22:30")  # 3.5 h × 2
    command(world, "19:00-21:00 Nike 改稿")  # 2 h
    command(world, "19:00-20:00 Coca Cola Bottling pitch", user="U0AE2")  # 1 h
    command(world, "19:00-23:00 Nike 未批")  # waiting: left out
    at(world, 2026, 12, 1, 19, 0)
    command(world, "19:00-22:00 Nike 下月")  # December: left out
    dms(world, PED, 5)
    for f in forms(world)[:3] + forms(world)[4:]:
        approve(world, approval(world, f.approval_id))
    at(world, 2026, 12, 2, 9, 0)
    r = world.slack.command("/overtime", "report 2026-11", user="U0AM1").json()
    assert text_of(r) == (
        "*2026年11月加班统计*（已批准）：3 张加班单，共 10 小时\n*按人员*\n"
        "• <@U0AE1> 5.5 小时（2 张）\n• <@U0AAE> 3.5 小时（1 张）\n• <@U0AE2> 1 小时（1 张）\n"
        "*按工作单或客户*（人·小时）\n"
        "• CR-202611-07 春季KV：7 小时（1 张）\n• Nike：2 小时（1 张）\n"
        "• Coca Cola Bottling：1 小时（1 张）\n"
        "Excel 表（“人员”“工作单和客户”和“工时”三页）正在发到你和 aebot 的私信。"
    )
    [done] = world.slack.wait_for("files.completeUploadExternal")
    assert done.args["channel_id"] == "DU0AM1"  # the requester's DM
    [entry] = done.args["files"]
    file = world.fake.files[entry["id"]]
    assert (file["name"], file["title"]) == ("overtime-2026-11.xlsx", "2026年11月加班统计")
    book = load_workbook(io.BytesIO(world.fake.uploads[entry["id"]]))
    assert book.sheetnames == ["人员", "工作单和客户", "工时"]  # in the reader's language
    people = [list(row) for row in book["人员"].iter_rows(values_only=True)]
    assert people == [
        ["人员", "Slack ID", "小时", "加班单数"],
        ["Sun AE", "U0AE1", 5.5, 2],
        ["Zhou AAE", "U0AAE", 3.5, 1],
        ["Li AE", "U0AE2", 1, 1],
        ["合计", None, 10, 4],
    ]
    assert sum(row[2] for row in people[1:-1]) == people[-1][2]
    jobs_sheet = [list(row) for row in book["工作单和客户"].iter_rows(values_only=True)]
    assert jobs_sheet == [
        ["工作单或客户", "人·小时", "加班单数"],
        ["CR-202611-07 春季KV", 7, 1],
        ["Nike", 2, 1],
        ["Coca Cola Bottling", 1, 1],
        ["合计", 10, 3],
    ]
    assert sum(row[1] for row in jobs_sheet[1:-1]) == jobs_sheet[-1][1]

    r = world.slack.command("/overtime", "report Nov 2026", user="U0AE2")
    assert r.json()["text"].startswith("Only managers")
    set_member(world, "U0AE2", role="ped")
    r = world.slack.command("/overtime", "report Nov 2026", user="U0AE2").json()
    assert r["text"] == "*Overtime in November 2026* (approved): 3 forms, 10 h in all"
    world.slack.wait_for("files.completeUploadExternal", 2)
    upload = world.fake.calls_to("files.completeUploadExternal")[-1].args
    book = load_workbook(io.BytesIO(world.fake.uploads[upload["files"][0]["id"]]))
    assert book.sheetnames == ["People", "Jobs and clients", "Hours"]
    assert [c.value for c in book["Jobs and clients"][1]] == [
        "Job or client",
        "Person-hours",
        "Forms",
    ]
    assert book["People"]["A5"].value == "Total" and book["People"]["C5"].value == 10
