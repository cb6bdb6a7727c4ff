"""Slack's limits at a department's full size (tests/department.py): 60 AEs of 30 clients,
client names of 100 characters and a 150-character note on every client, in Chinese and in
English. The Friday report's every message, each manager's summary, the 17:30 sweep to an AM,
the project execution director's 17:00 cut-off list, and the private replies of `/aebot
report`, `/client list all` and `/aebot receivable list` all arrive, through the fake Slack
that refuses what Slack would (`msg_blocks_too_long`): nothing refused or given up, no line
lost or shown twice, the parts of a long message in order."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from sqlmodel import select

from bot.slack import blocks as bk
from sandbox.checks import check_message
from scheduler.timetable import TASKS, run_task
from storage import queries, team_settings
from storage.models import Approval, OvertimeForm, Receivable
from tests.conftest import ADMIN, SH, TEAM, World, wait_until
from tests.department import GM, Department, Shape, build, note_text
from tests.messages import buttons, text_of

CHANNEL = "C0REPORT"
FRI_1530 = datetime(2026, 11, 27, 15, 30, tzinfo=SH)
PED = "U0PED"
LABEL = re.compile(r"[（(](?:续 |continued, )(\d+)/(\d+)[）)]$")


@pytest.fixture(params=["zh", "en"])
def dept(world: World, request: pytest.FixtureRequest) -> Iterator[tuple[World, Department]]:
    shape = Shape(lang=request.param)
    yield world, build(world.bot.db.engine, TEAM, shape)


def run(w: World, task: str, at: datetime) -> str:
    w.clock.set(at)
    [o] = run_task(TASKS[task], at, w.tasks)
    assert o.status == "sent" and o.detail.endswith("pending 0, failed 0, expired 0"), o
    return o.detail


def nothing_refused(w: World) -> None:
    assert [(c.method, c.error) for c in w.fake.calls if not c.ok] == []


def in_order(messages: list[dict]) -> list[dict]:
    """The parts of one long message as they arrived: the first unlabelled, then 2/n … n/n."""
    labels = [LABEL.search(m["text"]) for m in messages]
    assert labels[0] is None
    n = len(messages)
    assert [(int(x[1]), int(x[2])) for x in labels[1:] if x] == [(i, n) for i in range(2, n + 1)]
    return messages


def shown(messages: list[dict]) -> str:
    return "\n".join(text_of(m) for m in messages)


def once(text: str, items: list[str]) -> None:
    counts = Counter({item: text.count(item) for item in items})
    assert {item: n for item, n in counts.items() if n != 1} == {}


# --- the Friday report -------------------------------------------------------------------------
def test_the_friday_report_and_every_managers_summary_arrive_whole(
    dept: tuple[World, Department],
) -> None:
    w, d = dept
    with w.bot.db.write() as s:
        team_settings.store(s, TEAM, "report_channel", CHANNEL, ADMIN, FRI_1530)
    run(w, "friday-report", FRI_1530)
    nothing_refused(w)
    posted = w.fake.messages(CHANNEL)
    head = posted[0]
    assert head.get("thread_ts") is None
    assert all(m["thread_ts"] == head["ts"] for m in posted[1:])
    for a, ae in enumerate(d.aes):  # every note, whole, once, in its AE's messages in order
        mine = in_order([m for m in posted if m["text"].startswith(f"AE {a:05d} · ")])
        assert len(mine) >= 2  # 30 clients with long names and notes: more than one message
        once(shown(mine), [note_text(d.shape, cid) for cid, _, owner in d.clients if owner == ae])
    once(shown(posted), [note_text(d.shape, cid) for cid, _, _ in d.clients])
    for manager, people in [(GM, d.aes), (d.ads[0], d.aes)] + [
        (am, [ae for ae in d.aes if d.manager_of(ae) == am]) for am in d.ams
    ]:
        dms = in_order(w.fake.dms(manager))
        assert len(dms) >= 2 and all(m["thread_ts"] == dms[0]["ts"] for m in dms[1:])
        once(shown(dms), [f"*AE {d.aes.index(ae):05d}*" for ae in people])
    sent = len(w.fake.calls_to("chat.postMessage"))  # each part's key is its own: a rerun
    [again] = run_task(TASKS["friday-report"], FRI_1530, w.tasks)  # of the week sends nothing
    assert again.status == "already-ran" and len(w.fake.calls_to("chat.postMessage")) == sent


# --- the 17:30 sweep ---------------------------------------------------------------------------
def test_the_sweep_tells_each_am_of_every_client_overdue(dept: tuple[World, Department]) -> None:
    w, d = dept
    run(w, "contact-sweep", datetime(2026, 12, 14, 17, 30, tzinfo=SH))  # two weeks on
    run(w, "day-summary", datetime(2026, 12, 14, 17, 30, tzinfo=SH))  # the AEs' still-due lists
    nothing_refused(w)
    for am in d.ams:
        dms = in_order(w.fake.dms(am))
        assert len(dms) >= 2
        theirs = [name for _, name, owner in d.clients if d.manager_of(owner) == am]
        once(shown(dms), [f"*{name}*" for name in theirs])
    mine = in_order(w.fake.dms(d.aes[0]))
    once(shown(mine), [f"*{name}*" for _, name, owner in d.clients if owner == d.aes[0]])


# --- the 17:00 cut-off list --------------------------------------------------------------------
def waiting_forms(w: World, d: Department, day: date, approver: str = PED) -> list[int]:
    """One form per AE today, waiting for the PED (or `approver`), on a client's long name;
    every fourth late. The requests' ids, in the list's order (on time first)."""
    at = datetime.combine(day, time(15, 0), SH)
    names = {owner: name for _, name, owner in reversed(d.clients)}
    with w.bot.db.write() as s:
        queries.upsert_member(s, TEAM, PED, at, name="Ma PED", role="ped")
        requests = [
            Approval(
                team_id=TEAM,
                kind="overtime",
                subject="overtime",
                requester_id=ae,
                approver_id=approver,
                title=f"{day:%m-%d} 19:00-22:00 {names[ae]}",
                reason=f"{names[ae]} 赶提案",
                routed_at=at,
                created_at=at,
            )
            for ae in d.aes
        ]
        s.add_all(requests)
        s.flush()
        forms = [
            OvertimeForm(
                team_id=TEAM,
                filer_id=a.requester_id,
                members=json.dumps([a.requester_id]),
                day=day,
                start=at,
                end=at,
                reason="赶提案",
                late=i % 4 == 0,
                approval_id=a.id,
                created_at=at,
                updated_at=at,
            )
            for i, a in enumerate(requests)
        ]
        s.add_all(forms)
        order = sorted(zip(forms, requests, strict=True), key=lambda fa: fa[0].late)
        return [a.id or 0 for _, a in order]


def test_the_cutoff_list_keeps_each_form_whole_with_its_buttons(
    dept: tuple[World, Department],
) -> None:
    w, d = dept
    day = date(2026, 11, 23)
    ids = waiting_forms(w, d, day)
    run(w, "overtime-cutoff", datetime(2026, 11, 23, 17, 2, tzinfo=SH))
    nothing_refused(w)
    dms = in_order(w.fake.dms(PED))
    assert len(dms) >= 2
    clicks = [(action, value) for m in dms for _, action, value in buttons(m)]
    assert clicks[0] == ("overtime_approve_all", day.isoformat())
    assert clicks[1:] == [
        (action, str(i)) for i in ids for action in ("approval_approve", "approval_reject")
    ]
    for m in dms:  # each form's request and its buttons in one message
        asked = {
            b["block_id"].split("-")[1]
            for b in m["blocks"]
            if b["type"] == "actions" and b.get("block_id", "").startswith("approval-")
        }
        told = {v for _, a, v in buttons(m) if a == "approval_approve"}
        assert asked == told and len(asked) == text_of(m).count("19:00-22:00")


def test_a_thread_of_parts_is_delivered_once_each_in_order_when_answers_get_lost(
    dept: tuple[World, Department],
) -> None:
    """Slack takes the first three posts to the PED but the answers are lost: the courier
    looks each up before posting again, so each part reaches the PED once, in order."""
    w, d = dept
    w.bot.courier.backoff = 0.05
    ids = waiting_forms(w, d, date(2026, 11, 23))
    w.fake.inject("chat.postMessage", "lost_answer", times=3, channels=[PED])
    run(w, "overtime-cutoff", datetime(2026, 11, 23, 17, 2, tzinfo=SH))
    dms = in_order(w.fake.dms(PED))
    clicks = [v for m in dms for _, action, v in buttons(m) if action == "approval_approve"]
    assert clicks == [str(i) for i in ids]
    assert [c.fault for c in w.fake.calls_to("chat.postMessage")].count("lost_answer") == 3


# --- the App Home ------------------------------------------------------------------------------
def test_the_app_home_keeps_within_the_text_a_message_may_carry(
    dept: tuple[World, Department],
) -> None:
    """An AE with 30 clients due (long names), their jobs and contacts, and 59 requests waiting
    for them: the Home shows what fits Slack's 100 blocks and the text budget, and counts the
    requests it could not show."""
    w, d = dept
    ae = d.aes[0]
    waiting_forms(w, d, date(2026, 12, 14), approver=ae)
    w.clock.set(datetime(2026, 12, 14, 10, 0, tzinfo=SH))
    w.slack.home_opened(ae)
    [call] = w.slack.wait_for("views.publish")
    blocks = call.args["view"]["blocks"]
    assert call.ok and len(blocks) <= 100 and bk.text_size(blocks) <= bk.TEXT_PER_MESSAGE
    asked = sum(1 for _, action, _ in buttons({"blocks": blocks}) if action == "approval_approve")
    # the first "…and n more": the requests' (they come first; the clients due have one too)
    more = re.search(r"另有 (\d+) 项|and (\d+) more", text_of({"blocks": blocks}))
    assert more is not None and asked > 0 and asked + int(more[1] or more[2]) == 59


# --- private replies ---------------------------------------------------------------------------
def private(w: World, user: str, command: str, text: str) -> list[dict]:
    """A long private reply as its reader gets it: the ack's part (checked as Slack would
    check it), then the others, through the response URL or in the DM, until the last."""
    ack = w.slack.command(command, text, user=user).json()
    assert ack["response_type"] == "ephemeral"
    first = {"text": ack["text"], "blocks": ack.get("blocks") or []}
    check_message(first)  # the ack's body is a message as well

    def rest() -> list[dict]:
        return [c.args for c in w.fake.calls_to("response_url")] + w.fake.dms(user)

    def done() -> bool:
        last = LABEL.search(rest()[-1]["text"]) if rest() else None
        return last is not None and last[1] == last[2]

    assert wait_until(done, timeout=20)
    nothing_refused(w)
    return in_order([first, *rest()])


def test_aebot_report_comes_in_parts_to_an_ae_and_to_their_manager(
    dept: tuple[World, Department],
) -> None:
    w, d = dept
    w.clock.set(datetime(2026, 11, 27, 14, 0, tzinfo=SH))
    ae = d.aes[1]
    parts = private(w, ae, "/aebot", "report")
    assert 1 < len(parts) <= 6 and w.fake.dms(ae) == []  # within the response URL's five
    once(shown(parts), [note_text(d.shape, cid) for cid, _, owner in d.clients if owner == ae])
    w.fake.reset()
    parts = private(w, GM, "/aebot", "report")  # the first 40 lines of 60, the rest counted
    once(shown(parts), [f"*AE {a:05d}*" for a in range(40)])
    assert shown(parts).count("*AE ") == 40
    assert shown(parts).endswith(
        "……另有 20 项未列出。" if d.shape.lang == "zh" else "…and 20 more not shown."
    )


def test_a_refused_response_url_sends_the_rest_of_a_reply_to_the_dm(
    dept: tuple[World, Department],
) -> None:
    w, d = dept
    w.clock.set(datetime(2026, 11, 27, 14, 0, tzinfo=SH))
    w.fake.fail_next("response_url", "expired_url")
    ack = w.slack.command("/aebot", "report", user=d.aes[1]).json()

    def whole() -> bool:
        dms = w.fake.dms(d.aes[1])
        last = LABEL.search(dms[-1]["text"]) if dms else None
        return last is not None and last[1] == last[2]

    assert wait_until(whole)
    [refused] = w.fake.calls_to("response_url")
    assert refused.error == "expired_url"
    parts = in_order([{"text": ack["text"], "blocks": ack["blocks"]}, *w.fake.dms(d.aes[1])])
    mine = [cid for cid, _, owner in d.clients if owner == d.aes[1]]
    once(shown(parts), [note_text(d.shape, cid) for cid in mine])


def test_client_list_all_comes_whole_the_rest_in_the_dm(dept: tuple[World, Department]) -> None:
    w, d = dept
    parts = private(w, GM, "/client", "list all")
    assert len(parts) > 6 and len(w.fake.dms(GM)) == len(parts) - 1  # past the URL's five uses
    assert LABEL.search(parts[0]["text"]) is None and "aebot" in text_of(parts[0])
    once(shown(parts), [f"*{name}*" for _, name, _ in d.clients])


def test_receivable_list_comes_whole(dept: tuple[World, Department]) -> None:
    w, d = dept
    with w.bot.db.write() as s:
        s.add_all(
            Receivable(
                team_id=TEAM,
                client_id=cid,
                amount="80000",
                due=date(2026, 7, 31),
                added_by=GM,
                created_at=datetime(2026, 10, 1, tzinfo=SH),
            )
            for cid, _, _ in d.clients
        )
    w.clock.set(datetime(2026, 11, 27, 14, 0, tzinfo=SH))
    parts = private(w, GM, "/aebot", "receivable list")
    with w.bot.db.read() as s:
        ids = [r.id for r in s.exec(select(Receivable))]
    assert len(ids) == len(d.clients) + 2  # and the department's own two
    once(shown(parts), [f"#{i} " for i in ids])


# --- the client duties: holiday notices and the month-end drafts -------------------------------
def accessories(message: dict) -> int:
    """The buttons beside a message's lines (a client's Notified or Sent)."""
    return sum(1 for b in message["blocks"] if b.get("accessory", {}).get("type") == "button")


def test_the_holiday_notices_come_whole_a_notice_for_every_client(
    dept: tuple[World, Department],
) -> None:
    """Five working days before New Year's Day 2027 (Fri 25 Dec): each AE's notices of their
    30 clients, a pasteable notice each, in parts in order, every client once."""
    w, d = dept
    run(w, "holiday-notices", datetime(2026, 12, 25, 10, 0, tzinfo=SH))
    nothing_refused(w)
    told = [ae for ae in d.aes if w.fake.dms(ae)]
    assert len(told) >= len(d.aes) - 2  # every fiftieth is on leave in the week of 23 Nov only
    for ae in told:
        dms = in_order(w.fake.dms(ae))
        theirs = [name for _, name, owner in d.clients if owner == ae]
        once(shown(dms), [f"*{name}*" for name in theirs])
        assert sum(map(accessories, dms)) == len(theirs)  # Notified, once a client


def test_the_month_end_drafts_come_whole_with_their_sheet(dept: tuple[World, Department]) -> None:
    """The last working day but two of November (Thu 26): each AE's drafts of their clients
    contacted this month, in parts in order, every client once, Sent once each, and the .xlsx."""
    w, d = dept
    run(w, "month-end", datetime(2026, 11, 26, 10, 0, tzinfo=SH))
    nothing_refused(w)
    mine = in_order(w.fake.dms(d.aes[0]))
    theirs = [name for _, name, owner in d.clients if owner == d.aes[0]]
    drafted = [name for name in theirs if f"*{name}*" in shown(mine)]
    assert len(drafted) >= len(theirs) // 2  # those contacted in November or with a job open
    once(shown(mine), [f"*{name}*" for name in drafted])
    assert sum(map(accessories, mine)) == len(drafted)  # Sent, once a client
    files = [c for c in w.fake.calls if c.method.startswith("files.") and c.ok]
    assert files  # each AE's workbook went up beside the DMs
