"""The handoff after approval (工作单下发): a head of the department accepts the job, assigns two
people (one reading Chinese, one English), each told once with the whole brief, the owner told
who has it, every card redrawn; strangers, forged ids, a second Accept and a name not of the
department refused with nothing changed; Call a kick-off opens the /meeting form filled in; a
Slack fault on an assignee's DM still delivers it once."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlmodel import col, select

from bot.rules.meetings import people as attendees
from handlers import job_handoff
from sandbox.driver import submit_payload
from storage.imports import import_team
from storage.models import Job, JobAssignee, JobEvent, Meeting, OutboxMessage
from storage.outbox import DELIVERED, PENDING, SENDING
from tests.conftest import ADMIN, SH, TEAM, TEAM_ROWS, World, outbox_settled, wait_until
from tests.job_life_setup import (
    ARTIST,
    DEPARTMENT_ROWS,
    DESIGN_HEAD,
    HEAD,
    WRITER,
    add_departments,
    approved_job,
    the_job,
)
from tests.messages import buttons, text_of
from tests.test_jobs import BRIEF, client_id, set_channel

CHANNEL = "C0CREATIVE"
LINK = "https://drive.example.com/spring"
NUMBER = "CR-202611-01"
OWNER = "U0AE1"
CARD = ("工作单 CR", "Job CR")  # how a job card's text starts
WAITING = (PENDING, SENDING)


# --- helpers ----------------------------------------------------------------------------------
def waiting(w: World) -> list[tuple[str, str, int]]:
    """Outbox rows not yet out (pending or being sent)."""
    with w.bot.db.read() as s:
        rows = s.exec(select(OutboxMessage).where(col(OutboxMessage.status).in_(WAITING)))
        return [(m.key, m.status, m.attempts) for m in rows]


def dms(w: World, user: str, n: int) -> list[dict[str, Any]]:
    """Someone's DMs once they have `n` and nothing is left to send."""
    assert wait_until(lambda: len(w.fake.dms(user)) >= n), w.fake.dms(user)
    assert wait_until(lambda: outbox_settled(w)), waiting(w)
    return w.fake.dms(user)


def handed_off(w: World) -> Job:
    """A creative job approved: its card with Accept in the head's DM and in the channel."""
    add_departments(w)
    set_channel(w, "creative", CHANNEL)
    j = approved_job(w, link=LINK)
    dms(w, HEAD, 1)
    assert wait_until(lambda: len(w.fake.messages(CHANNEL)) == 1)
    return j


def card(w: World, user: str) -> dict[str, Any]:
    """The job's card in someone's DM, as it stands (redrawn in place)."""
    [found] = [m for m in w.fake.dms(user) if m["text"].startswith(CARD)]
    return found


def actions_of(message: dict[str, Any]) -> list[str]:
    return [action for _, action, _ in buttons(message)]


def answers(w: World, key: str) -> list[str]:
    """What the clicker with this response URL was told, in order."""
    return [
        c.args.get("text", "") for c in w.fake.calls_to("response_url") if c.args["_key"] == key
    ]


def click(w: World, action: str, value: str, user: str = HEAD, key: str = "act") -> None:
    r = w.slack.click(action, value, user=user, channel="D" + user, key=key)
    assert r.status_code == 200


def accept(w: World, j: Job, user: str = HEAD) -> None:
    click(w, "job_accept", str(j.id), user)
    assert wait_until(lambda: the_job(w, NUMBER).status == "accepted")


def updates(w: World) -> list[tuple[str, str]]:
    """The job's cards redrawn (chat.update), not the approval's own messages."""
    calls = w.fake.calls_to("chat.update")
    return [(c.args["channel"], c.args["ts"]) for c in calls if c.args["text"].startswith(CARD)]


def modals(w: World) -> list[str]:
    """The modals opened since the job was filed, by callback id."""
    opened = [c.args["view"]["callback_id"] for c in w.fake.calls_to("views.open")]
    return [v for v in opened if v != "job_form"]


def open_assign(w: World, j: Job, user: str = HEAD) -> dict[str, Any]:
    before = len(w.fake.calls_to("views.open"))
    click(w, "job_assign", str(j.id), user)
    assert wait_until(lambda: len(w.fake.calls_to("views.open")) > before)
    return [v for v in w.fake.views() if v.get("callback_id") == "job_assign_form"][-1]


def submit_people(w: World, view: dict[str, Any], users: list[str], user: str = HEAD) -> dict:
    """Submit the assign form with these people picked, as Slack sends a multi_static_select
    (an option not in the list is what a forged request would send)."""
    payload = submit_payload(view, {}, user, w.slack.trigger())
    [block] = [b for b in view["blocks"] if b.get("block_id") == "people"]
    options = {o["value"]: o for o in block["element"]["options"]}
    chosen = [
        options.get(u, {"text": {"type": "plain_text", "text": u}, "value": u}) for u in users
    ]
    state = {"value": {"type": "multi_static_select", "selected_options": chosen}}
    payload["view"]["state"]["values"]["people"] = state
    r = w.slack.post(
        urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
    )
    assert r.status_code == 200
    return r.json() if r.text else {}


def assignees(w: World) -> list[str]:
    with w.bot.db.read() as s:
        return list(s.exec(select(JobAssignee.user_id).order_by(col(JobAssignee.id))))


def events(w: World) -> list[str]:
    with w.bot.db.read() as s:
        return list(s.exec(select(JobEvent.action).order_by(col(JobEvent.id))))


def keys(w: World) -> list[str]:
    with w.bot.db.read() as s:
        return list(s.exec(select(OutboxMessage.key).order_by(col(OutboxMessage.id))))


def told(w: World, user: str, words: str) -> list[str]:
    return [m["text"] for m in w.fake.dms(user) if words in m["text"]]


def assign_both(w: World, j: Job) -> None:
    assert submit_people(w, open_assign(w, j), [WRITER, ARTIST]) == {}
    dms(w, WRITER, 1)
    dms(w, ARTIST, 1)


# --- the handoff, end to end ------------------------------------------------------------------
def test_accept_then_assign_two_people_each_told_once(world: World) -> None:
    j = handed_off(world)
    assert actions_of(card(world, HEAD)) == ["job_accept"]
    accept(world, j)
    fresh = the_job(world, NUMBER)
    assert (fresh.accepted_by, fresh.accepted_at) == (HEAD, world.clock.now())
    # every card redrawn once: the head's, the channel's and the owner's
    assert wait_until(lambda: len(updates(world)) == 3)
    assert sorted(c for c, _ in updates(world)) == sorted([CHANNEL, "D" + HEAD, "D" + OWNER])
    for where in (card(world, HEAD), world.fake.messages(CHANNEL)[0]):
        assert actions_of(where) == ["job_step", "job_assign", "job_kickoff"]
        assert "*接单*：<@U0CDH>（周一 11月23日 10:00）" in text_of(where)
        assert "*执行人*：尚未安排" in text_of(where)
    assert card(world, HEAD)["text"] == "工作单 CR-202611-01《春季KV》：已接单"
    assert wait_until(lambda: told(world, OWNER, "已接下你的工作单"))
    assert told(world, OWNER, "已接下你的工作单") == [
        "<@U0CDH> 已接下你的工作单 `CR-202611-01`《春季KV》（创意部），接下来会安排人手。"
    ]

    view = open_assign(world, j)
    [block] = [b for b in view["blocks"] if b.get("block_id") == "people"]
    assert block["element"]["type"] == "multi_static_select"
    names = [o["text"]["text"] for o in block["element"]["options"]]
    assert names == ["Ann Art", "Chen CD", "Wu Copy"]  # the department's people, by name
    assert "initial_options" not in block["element"]
    assert submit_people(world, view, [WRITER, ARTIST]) == {}
    [to_writer] = dms(world, WRITER, 1)
    [to_artist] = dms(world, ARTIST, 1)
    assert "<@U0CDH> 把这张工作单交给了你。以下是完整的简报和资料。" in text_of(to_writer)
    assert BRIEF in text_of(to_writer) and LINK in text_of(to_writer)
    assert to_artist["text"].startswith("Job CR-202611-01")
    assert "<@U0CDH> assigned this job to you." in text_of(to_artist)
    assert LINK in text_of(to_artist)
    assert assignees(world) == [WRITER, ARTIST]
    assert wait_until(lambda: told(world, OWNER, "已由 <@U0CDH> 安排给"))
    assert told(world, OWNER, "安排给") == [
        "你的工作单 `CR-202611-01`《春季KV》已由 <@U0CDH> 安排给 <@U0CW1>、<@U0CW2>。"
    ]
    assert wait_until(lambda: "*执行人*：<@U0CW1>、<@U0CW2>" in text_of(card(world, HEAD)))
    assert wait_until(lambda: "<@U0CW1>、<@U0CW2>" in text_of(world.fake.messages(CHANNEL)[0]))
    assert wait_until(lambda: "*执行人*：<@U0CW1>、<@U0CW2>" in text_of(card(world, OWNER)))
    assert wait_until(world.bot.worker.idle)
    # the assignees' cards went out drawn as the job stands: not edited a moment after arriving
    edited = {c.args["channel"] for c in world.fake.calls_to("chat.update")}
    assert not edited & {WRITER, ARTIST, "D" + WRITER, "D" + ARTIST}, edited

    # the same people again: nobody is told again, and the form says so
    view = open_assign(world, j)
    [block] = [b for b in view["blocks"] if b.get("block_id") == "people"]
    assert [o["value"] for o in block["element"]["initial_options"]] == [ARTIST, WRITER]
    again = submit_people(world, view, [WRITER, ARTIST])
    assert "都已经在做这张单了" in again["errors"]["people"]
    assert wait_until(lambda: outbox_settled(world)), waiting(world)
    assert len(world.fake.dms(WRITER)) == 1 and len(world.fake.dms(ARTIST)) == 1
    assert len(told(world, OWNER, "安排给")) == 1
    assert events(world) == ["accepted", "assigned"]
    assert f"job-assignee:{j.id}:{WRITER}" in keys(world)


def test_a_new_assignees_card_delivered_by_another_drain_first_is_not_edited(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = handed_off(world)
    accept(world, j)
    assert wait_until(world.bot.worker.idle)
    real = job_handoff.redraw_then_deliver

    def another_drain_first(*args: Any) -> None:
        world.bot.courier.drain()  # a drain set going by someone else's step, a moment earlier
        real(*args)

    monkeypatch.setattr(job_handoff, "redraw_then_deliver", another_drain_first)
    assert submit_people(world, open_assign(world, j), [WRITER]) == {}
    dms(world, WRITER, 1)
    assert wait_until(world.bot.worker.idle)
    [to_writer] = world.fake.dms(WRITER)  # as it stands once all is done: as it arrived
    assert "<@U0CDH> 把这张工作单交给了你。" in text_of(to_writer)
    edited = {c.args["channel"] for c in world.fake.calls_to("chat.update")}
    assert not edited & {WRITER, "D" + WRITER}, edited
    assert wait_until(lambda: "*执行人*：<@U0CW1>" in text_of(card(world, HEAD)))  # the others


def test_in_english_for_an_english_head(world: World) -> None:
    add_departments(world)
    rows = [{**r, "language": "en"} if r["user_id"] == HEAD else r for r in DEPARTMENT_ROWS]
    with world.bot.db.write() as s:
        import_team(s, TEAM, [*TEAM_ROWS, *rows], world.clock.now())
    set_channel(world, "creative", CHANNEL)
    j = approved_job(world, link=LINK)
    dms(world, HEAD, 1)
    accept(world, j)
    assert wait_until(lambda: "*Accepted by*: <@U0CDH>" in text_of(card(world, HEAD)))
    view = open_assign(world, j)
    assert view["title"]["text"] == "Assign people"
    wrong = submit_people(world, view, [DESIGN_HEAD])
    assert wrong["errors"]["people"] == (
        "Not listed in Creative: <@U0DDH>. Nobody was assigned; please pick from the list."
    )
    assert assignees(world) == []
    assert submit_people(world, view, [WRITER]) == {}
    said = "Job `CR-202611-01` is assigned to <@U0CW1>; each has the whole brief and the materials."
    assert wait_until(lambda: [m["text"] for m in world.fake.messages() if m["user"] == HEAD])
    assert [m["text"] for m in world.fake.messages() if m["user"] == HEAD] == [said]
    [to_writer] = dms(world, WRITER, 1)  # Wu Copy reads Chinese
    assert "<@U0CDH> 把这张工作单交给了你。" in text_of(to_writer)


# --- refusals ---------------------------------------------------------------------------------
def test_a_stranger_and_forged_ids_are_refused_and_nothing_changes(world: World) -> None:
    j = handed_off(world)
    before = (len(world.fake.dms(OWNER)), keys(world))
    click(world, "job_accept", str(j.id), DESIGN_HEAD, key="design")  # another department
    click(world, "job_accept", str(j.id), "U0AE2", key="ae")  # an AE
    click(world, "job_accept", "999", HEAD, key="forged")  # no such job
    click(world, "job_accept", "99999999999999999", HEAD, key="huge")  # too big for an id
    click(world, "job_accept", "1; drop table job", HEAD, key="junk")
    click(world, "job_assign", str(j.id), "U0AE2", key="assign")
    click(world, "job_kickoff", str(j.id), DESIGN_HEAD, key="kickoff")
    click(world, "job_accept", str(j.id), "U0NOBODY", key="outsider")  # not on the team
    for key in ("design", "ae", "forged", "huge", "junk", "assign", "kickoff", "outsider"):
        assert wait_until(lambda key=key: answers(world, key)), key
    assert answers(world, "design") == [
        "工作单 `CR-202611-01` 由创意部负责人接单和安排人手；你不是该部门负责人，这次没有任何改动。"
    ]
    assert answers(world, "ae")[0].startswith("Job `CR-202611-01` is accepted and assigned by")
    assert answers(world, "forged")[0].startswith("找不到这张工作单")
    assert answers(world, "huge") == answers(world, "forged") == answers(world, "junk")
    assert "is accepted and assigned by the head of Creative" in answers(world, "assign")[0]
    assert "创意部负责人" in answers(world, "kickoff")[0]
    assert "U0ADMIN" in answers(world, "outsider")[0]  # whom to ask, nothing about the job
    assert "CR-202611-01" not in answers(world, "outsider")[0]
    j2 = the_job(world, NUMBER)
    assert (j2.status, j2.accepted_by, j2.accepted_at) == ("open", None, None)
    assert "accepted" not in events(world) and assignees(world) == []
    assert (len(world.fake.dms(OWNER)), keys(world)) == before
    assert updates(world) == [] and modals(world) == []
    assert actions_of(card(world, HEAD)) == ["job_accept"]


def test_a_second_accept_is_told_who_accepted_and_when(world: World) -> None:
    j = handed_off(world)
    with world.bot.db.write() as s:  # a second head of creative
        second = {**DEPARTMENT_ROWS[0], "user_id": "U0CDH2", "name": "Cai CD"}
        import_team(s, TEAM, [*TEAM_ROWS, *DEPARTMENT_ROWS, second], world.clock.now())
    click(world, "job_accept", str(j.id), HEAD, key="first")
    click(world, "job_accept", str(j.id), HEAD, key="double")  # a double click
    assert wait_until(lambda: the_job(world, NUMBER).status == "accepted")
    assert wait_until(lambda: len(updates(world)) == 3)
    world.clock.set(datetime(2026, 11, 23, 11, 0, tzinfo=SH))
    click(world, "job_accept", str(j.id), "U0CDH2", key="second")
    click(world, "job_accept", str(j.id), ADMIN, key="admin")
    said = "工作单 `CR-202611-01` 已由 <@U0CDH> 于 周一 11月23日 10:00 接单，无需再接。"
    for key in ("second", "admin"):
        assert wait_until(lambda key=key: answers(world, key)), key
        assert answers(world, key) == [said]
    assert wait_until(lambda: answers(world, "first") + answers(world, "double") == [said])
    assert events(world).count("accepted") == 1
    assert the_job(world, NUMBER).accepted_by == HEAD
    assert wait_until(lambda: outbox_settled(world)), waiting(world)
    assert len(told(world, OWNER, "已接下你的工作单")) == 1
    assert len(updates(world)) == 3  # nothing redrawn again


def test_assign_refuses_a_name_not_of_the_department(world: World) -> None:
    j = handed_off(world)
    click(world, "job_assign", str(j.id), HEAD, key="early")  # not accepted yet
    assert wait_until(lambda: answers(world, "early"))
    assert answers(world, "early") == [
        "工作单 `CR-202611-01` 还没有接单。请先点“接单”，再安排人手或召集开工会。"
    ]
    accept(world, j)
    view = open_assign(world, j)
    for forged in ([WRITER, DESIGN_HEAD], ["U0FAKE"], ["<!channel>😀" + "长" * 10_000]):
        reply = submit_people(world, view, forged)
        assert "不在创意部的名单里，没有安排。请从列表中选择。" in reply["errors"]["people"]
    assert "<@U0DDH>" in submit_people(world, view, [DESIGN_HEAD])["errors"]["people"]
    assert submit_people(world, view, [])["errors"]["people"] == "请至少选一位同事。"
    assert assignees(world) == [] and "assigned" not in events(world)
    # someone not a head submitting a form they kept: refused too
    stolen = submit_people(world, view, [WRITER], user="U0AE2")
    assert "Job `CR-202611-01` is accepted and assigned by" in stolen["errors"]["people"]
    assert assignees(world) == []
    assert wait_until(lambda: outbox_settled(world)), waiting(world)
    assert world.fake.dms(WRITER) == [] and world.fake.dms(DESIGN_HEAD) == []


# --- the kick-off -----------------------------------------------------------------------------
def test_kickoff_opens_the_meeting_form_filled_in(world: World) -> None:
    j = handed_off(world)
    accept(world, j)
    click(world, "job_kickoff", str(j.id), HEAD, key="nobody")
    assert wait_until(lambda: answers(world, "nobody"))
    assert answers(world, "nobody") == [
        "工作单 `CR-202611-01` 还没有安排负责人。请先点“安排人手”，再召集开工会。"
    ]
    assert modals(world) == []
    assign_both(world, j)
    opened = len(world.fake.calls_to("views.open"))
    click(world, "job_kickoff", str(j.id), HEAD)
    assert wait_until(lambda: len(world.fake.calls_to("views.open")) == opened + 1)
    assert modals(world)[-1] == "meeting_form"  # views.open, for the head who clicked
    [view] = meeting_forms(world)
    fields = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert fields["client"]["initial_option"]["value"] == str(client_id(world, "Nike"))
    assert fields["ours"]["initial_users"] == [WRITER, ARTIST, OWNER, HEAD]
    assert fields["topic"]["initial_value"] == "开工会：春季KV"
    assert fields["purpose"]["initial_value"].startswith("工作单 CR-202611-01《春季KV》开工")
    assert fields["materials"]["initial_value"] == LINK
    assert "召集创作小组会议" in view["blocks"][0]["text"]["text"]
    # submitted, it is an ordinary meeting
    r = world.slack.submit(view, {"when": "明天14:00-15:00"}, user=HEAD)
    assert r.status_code == 200 and "errors" not in r.text
    assert wait_until(lambda: meeting(world) is not None)
    m = meeting(world)
    assert m is not None and m.organiser_id == HEAD and m.topic == "开工会：春季KV"
    assert attendees(m.our_attendees) == [WRITER, ARTIST, OWNER, HEAD]


def meeting_forms(w: World) -> list[dict[str, Any]]:
    return [v for v in w.fake.views() if v.get("callback_id") == "meeting_form"]


def meeting(w: World) -> Meeting | None:
    with w.bot.db.read() as s:
        return s.exec(select(Meeting)).first()


def test_an_admin_calls_the_kickoff_for_the_head(world: World) -> None:
    j = handed_off(world)
    accept(world, j, ADMIN)
    assert the_job(world, NUMBER).accepted_by == ADMIN
    assert submit_people(world, open_assign(world, j, ADMIN), [WRITER], user=ADMIN) == {}
    dms(world, WRITER, 1)
    click(world, "job_kickoff", str(j.id), ADMIN)
    assert wait_until(lambda: meeting_forms(world))
    blocks = meeting_forms(world)[0]["blocks"]
    fields = {b["block_id"]: b["element"] for b in blocks if b["type"] == "input"}
    assert fields["ours"]["initial_users"] == [WRITER, OWNER, HEAD]


# --- Slack's faults ---------------------------------------------------------------------------
def test_a_500_and_a_lost_answer_on_the_assignees_dms_still_deliver_each_once(
    world: World,
) -> None:
    world.bot.courier.backoff = 0.01
    j = handed_off(world)
    accept(world, j)
    world.fake.inject("chat.postMessage", "http500", times=1, channels=[WRITER])
    world.fake.inject("chat.postMessage", "lost_answer", times=1, channels=[ARTIST])
    try:
        assert submit_people(world, open_assign(world, j), [WRITER, ARTIST]) == {}
        assert wait_until(lambda: assignees(world) == [WRITER, ARTIST])
        world.bot.courier.drain(now_or_later=True)
        assert wait_until(lambda: outbox_settled(world)), waiting(world)
        assert len(world.fake.dms(WRITER)) == 1 and len(world.fake.dms(ARTIST)) == 1
        with world.bot.db.read() as s:
            rows = s.exec(select(OutboxMessage).where(col(OutboxMessage.key).startswith("job-as")))
            assert {(m.key, m.status) for m in rows} == {
                (f"job-assignee:{j.id}:{WRITER}", DELIVERED),
                (f"job-assignee:{j.id}:{ARTIST}", DELIVERED),
                (f"job-assigned:{j.id}:{WRITER}", DELIVERED),  # the owner's
            }
        posts = world.fake.calls_to("chat.postMessage")
        assert [c.error for c in posts if c.args["channel"] == WRITER] == ["http500", None]
        assert [c.lost for c in posts if c.args["channel"] == ARTIST] == [True]
        assert len(told(world, OWNER, "安排给")) == 1
    finally:
        world.fake.reset()
