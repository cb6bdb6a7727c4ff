"""The form engine (forms/): every kind registered once, and authority that cannot be outrun —
a number in a client's name, amounts of the wrong unit or out of range, delegates who are not
on the team or approve nothing, escalation while someone is on leave, revisions by others.

Team: U0AD1 (ad) ← U0AM1 (am) ← U0AE1 (ae, zh), U0AE2 (ae, en); U0AAE (aae) ← U0AE1.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.rules.approvals import PENDING
from bot.slack.messages import MESSAGES
from forms import kinds
from sandbox.driver import TEAM
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.imports import import_clients
from storage.models import Leave
from tests.asking import dms, outbox_rows, requests, say
from tests.conftest import ADMIN, SH, World, wait_until
from tests.messages import buttons, text_of
from tests.test_jobs import approve_first

REASON = "客户要求提高一季度返点"
MON_10 = datetime(2026, 11, 23, 10, 0, tzinfo=SH)


def add(w: World, user: str, name: str, role: str, manager: str | None = None) -> None:
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, user, MON_10, name=name, role=role, manager_id=manager)


def add_client(w: World, name: str) -> None:
    row = {"name": name, "city": "上海", "in_city": "true", "owner_id": "U0AE1"}
    with w.bot.db.write() as s:
        import_clients(s, TEAM, [row | {"contact_person": "", "cadence_days": ""}], MON_10)


# --- one registration -----------------------------------------------------------------------
def test_every_kind_is_registered_once_with_its_names_and_usage_in_both_languages() -> None:
    codes = set(kinds.KINDS)
    assert {"job", "job-revision", "overtime", "commission", "discount", "free-test"} <= codes
    for code, kind in kinds.KINDS.items():
        assert set(MESSAGES[f"approval.kind.{code}"]) == {"zh", "en"}, code
        if kind.request is not None:
            assert kind.request.words[0] == code
            assert set(MESSAGES[kind.request.usage]) == {"zh", "en"}, code
        if kind.after_reject is not None:
            assert set(MESSAGES[kind.after_reject[1]]) == {"zh", "en"}, code
    words = [w for k in kinds.requestable() for w in k.request.words if k.request]
    assert len(words) == len(set(words))  # a typed word names one kind


# --- a number in a client's name ------------------------------------------------------------
def test_a_number_in_a_clients_name_is_not_read_as_the_amount(world: World) -> None:
    add_client(world, "Channel 5")
    add_client(world, "Studio 54")
    assert say(world, "request commission Channel 5 7% 续约") == (
        "已提交给 <@U0AD1> 审批：客户佣金「Channel 5 7%」。有结果时会私信告诉你。"
    )
    assert say(world, "request commission Studio 54 9.5% renewal", user="U0AE2") == (
        "Sent to <@U0AD1> for approval: client commission “Studio 54 9.5%”. You will hear the "
        "decision in a DM."
    )
    rows = requests(world)
    assert [(a.title, a.amount, a.approver_id, a.reason) for a in rows] == [
        ("Channel 5 7%", "7", "U0AD1", "续约"),
        ("Studio 54 9.5%", "9.5", "U0AD1", "renewal"),
    ]


def test_a_bare_number_after_a_client_and_before_an_amount_is_not_guessed(world: World) -> None:
    add_client(world, "Channel 5")
    said = say(world, "request commission Channel 6 7% 续约")
    assert said.startswith("“Channel”可能是") or said.startswith("看不出数额是“6”还是“7%”")
    assert requests(world) == []


# --- amounts --------------------------------------------------------------------------------
def test_amounts_of_the_wrong_unit_or_out_of_range_file_nothing(world: World) -> None:
    refused = {
        "request commission Nike 99999% 年底": "数额“99999%”不合理：应大于 0、不超过 100",
        "request commission Nike 30d 年底": "“30d”的单位不对：这里要写百分比",
        "request payment-terms Nike 60% 年底": "“60%”的单位不对：这里要写天数",
        "request payment-terms Nike 30.5 年底": "账期按整天算：“30.5”不是整数。",
    }
    for text, start in refused.items():
        assert say(world, text).startswith(start), text
    assert requests(world) == [] and outbox_rows(world) == []


def test_an_amount_is_routed_and_shown_as_the_same_rounded_value(world: World) -> None:
    add(world, "U0GM", "Wu GM", "gm")
    add(world, "U0AD1", "Zhao AD", "ad", "U0GM")
    assert say(world, "request commission Nike 9.99999999999999999999% 年底") == (
        "已提交给 <@U0GM> 审批：客户佣金「Nike 10%」。有结果时会私信告诉你。"
    )
    [a] = requests(world)
    assert (a.amount, a.approver_id) == ("10", "U0GM")


# --- delegation -----------------------------------------------------------------------------
def test_an_assistant_cannot_be_a_delegate(world: World) -> None:
    assert say(world, "delegate <@U0AAE|zhou> until 12月5日", user="U0AM1") == (
        "<@U0AAE> 是助理客户执行，不审批任何申请，不能代你审批。没有做任何改动。"
    )
    assert say(world, "delegate <@U0AAE|zhou> until Dec 5", user="U0AE2").startswith(
        "<@U0AAE> is an assistant account executive, who approves nothing"
    )


def test_a_delegate_who_leaves_gives_the_request_back_to_the_one_who_delegated(
    world: World,
) -> None:
    # the AD hands decisions to an AE whose own manager (an AM) may not decide 7%
    say(world, "delegate <@U0AE2|li> until 12月5日", user="U0AD1")
    say(world, f"request commission Nike 7% {REASON}")
    [a] = requests(world)
    assert (a.approver_id, a.on_behalf_of) == ("U0AE2", "U0AD1")
    dms(world, "U0AE2", 1)  # asked first: a move before the DM is out makes it moot (expired)
    r = world.slack.command("/aebot", "team remove <@U0AE2|li>", user=ADMIN)
    assert r.status_code == 200
    assert wait_until(lambda: requests(world)[0].approver_id == "U0AD1")
    [a] = requests(world)
    assert (a.approver_id, a.on_behalf_of, a.status) == ("U0AD1", None, PENDING)
    to_ad = dms(world, "U0AD1", 1)
    assert any(buttons(m)[:1] == [("批准", "approval_approve", str(a.id))] for m in to_ad)
    # the one who left cannot approve it any more
    world.slack.click("approval_approve", str(a.id), user="U0AE2")
    assert wait_until(lambda: len(world.fake.calls_to("response_url")) >= 1)
    assert requests(world)[0].status == PENDING


def test_a_delegate_taken_off_the_team_stops_being_one(world: World) -> None:
    say(world, f"request commission Nike 7% {REASON}")  # to the AD, before any delegation
    say(world, "delegate <@U0AE2|li> until 12月5日", user="U0AD1")
    r = world.slack.command("/aebot", "team remove <@U0AE2|li>", user=ADMIN)
    assert r.status_code == 200
    [a] = requests(world)
    world.slack.click("approval_approve", str(a.id), user="U0AE2")
    assert wait_until(lambda: len(world.fake.calls_to("response_url")) >= 1)
    assert requests(world)[0].status == PENDING
    assert say(world, "delegate", user="U0AD1").startswith("你现在没有委托")


# --- escalation and leave -------------------------------------------------------------------
def test_escalation_goes_to_whoever_stands_in_for_a_manager_on_leave(world: World) -> None:
    add(world, "U0GM", "Wu GM", "gm")
    add(world, "U0AD1", "Zhao AD", "ad", "U0GM")
    world.clock.set(MON_10)
    say(world, f"request commission Nike 3% {REASON}")  # to the AM, whose manager is the AD
    with world.bot.db.write() as s:
        s.add(Leave(team_id=TEAM, user_id="U0AD1", first_day=date(2026, 11, 23),
                    last_day=date(2026, 11, 27), kind="annual"))  # fmt: skip
    at = datetime(2026, 11, 24, 11, 0, tzinfo=SH)  # a working day later
    world.clock.set(at)
    [run] = run_task(TASKS["approval-reminders"], at, world.tasks)
    assert run.detail.startswith("1 reminded, 1 escalated"), run.detail
    world.bot.courier.drain()  # (a drain on the worker may hold the row a moment longer)
    assert wait_until(lambda: requests(world)[0].escalated_to == "U0GM")
    to_gm = dms(world, "U0GM", 1)[-1]
    assert to_gm["text"] == "升级：<@U0AE1> 的客户佣金等 <@U0AM1> 审批已超时"
    assert world.fake.dms("U0AD1") == []  # on leave: nothing to them


# --- who may revise a job -------------------------------------------------------------------
def test_only_the_owner_their_manager_or_an_admin_revises_a_job(world: World) -> None:
    approve_first(world)
    r = world.slack.command("/job", "revise CR-202611-01", user="U0AE2")
    assert r.json()["text"] == (
        "Only the owner of `CR-202611-01`, <@U0AE1>, their manager or an admin can file a "
        "modification of it."
    )
    before = len(world.fake.views())
    r = world.slack.command("/job", "revise CR-202611-01", user="U0AM1")
    assert r.text == ""
    assert wait_until(lambda: len(world.fake.views()) > before)


# --- copies ---------------------------------------------------------------------------------
def test_a_discount_is_copied_to_the_customer_support_head_who_decides_nothing(
    world: World,
) -> None:
    add(world, "U0CS", "Xiang CS", "cs")
    assert say(world, "request discount Nike 8% 年框续约") == (
        "已提交给 <@U0AD1> 审批：折扣「Nike 8%」。有结果时会私信告诉你。"
    )
    [copy] = dms(world, "U0CS", 1)
    assert buttons(copy) == []
    assert text_of(copy).startswith("抄送：<@U0AE1> 提交了折扣「Nike 8%」，由 <@U0AD1> 审批。")
    assert "抄送给你知悉，你不需要审批。" in text_of(copy)
    [a] = requests(world)
    world.slack.click("approval_approve", str(a.id), user="U0CS")
    assert wait_until(lambda: len(world.fake.calls_to("response_url")) >= 1)
    assert requests(world)[0].status == PENDING
