"""The demo's meeting with a client (sandbox/demo_days.py plays it in the week): recorded on
Tuesday, announced to the people going (5W1H) and the client, reconfirmed by phone an hour
before, reported when it ends (the report to the service team, its action items to their
owners, the client's copy confirmed), and an action item done on Thursday."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlmodel import select

from sandbox.demo_cast import LILY, SH, SUN
from sandbox.driver import TEAM
from sandbox.stage import POSTED, Stage, only, task
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import ActionItem, ContactReport, Meeting


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SH)


def meeting_booked(st: Stage) -> None:
    """Tuesday: 孙小明 records Wednesday's meeting with 耐克; at 16:00 it is announced."""
    st.at(at(24, 11, 0), "a meeting with the client: recorded the day before")
    with st.watching("views.open") as opened:
        form = st.form(SUN, "/meeting")
    st.scene("孙小明: /meeting → the meeting form", opened)
    with st.bot.db.read() as s:
        nike = next(c for c in queries.list_clients(s, TEAM) if c.name == "耐克")
    typed = {
        "client": str(nike.id),
        "when": "明天14:00-15:30",
        "topic": "Q1提案",
        "place": "耐克上海办公室 12楼会议室",
        "ours": [LILY],
        "theirs": "吴小姐、市场部张总",
        "purpose": "确认Q1整合营销提案的方向和预算",
        "agenda": "提案讲解；预算讨论；下一步排期",
        "materials": "提案PPT、报价单",
    }
    with st.watching("chat.postEphemeral", *POSTED) as seen, expecting(st, "chat.postEphemeral"):
        st.slack.submit(form, typed, user=SUN)
    st.scene("… he fills in the 5W1H (who, what, when, where, why, how) and takes Lily along", seen)
    st.at(at(24, 16, 0), "the meeting notice, the working day before")
    task(
        st,
        "meeting-notices",
        "meeting-notices: the notice to each person going, in their language; "
        "the organiser's copy has the text for the client",
    )
    with st.watching("response_url") as seen:
        click(st, "meeting_sent_to_client", str(_meeting(st).id), SUN, key="sent")
    st.scene("孙小明 sends the notice to 吴小姐 and clicks 已发给客户", seen)


def meeting_held(st: Stage) -> None:
    """Wednesday: reconfirmed an hour before; reported when it ends."""
    m = _meeting(st)
    st.at(at(25, 13, 0), "an hour before the meeting")
    task(st, "meeting-reconfirm", "meeting-reconfirm: the organiser calls the client to reconfirm")
    with st.watching("response_url") as seen:
        click(st, "meeting_confirmed", str(m.id), SUN, key="confirmed")
    st.scene("孙小明 calls 吴小姐 and clicks 已确认", seen)
    st.at(at(25, 15, 45), "the meeting has ended")
    task(
        st, "meeting-reports", "meeting-reports: the contact logged, the organiser asked to report"
    )
    with st.watching("views.open") as seen:
        click(st, "meeting_write_report", str(m.id), SUN, key="write", reply="views.open")
    st.scene("孙小明 clicks 写报告: the contact report form, filled in from the meeting", seen)
    form = st.fake.calls_to("views.open")[-1].args["view"]
    typed = {
        "conclusions": "客户认可Q1提案方向，选定方案B\n预算上限300万，需在周五前提交细化报价\n"
        "下周一开始排期",
        "items": "我 周五前提交细化报价\n@Lily Li 周四前把会议纪要发给客户",
    }
    # the report to three people, and Lily's action item
    with st.watching("chat.postEphemeral", *POSTED) as seen, expecting(st, "chat.postMessage", 4):
        st.slack.submit(form, typed, user=SUN)
    st.scene(
        "… he writes the conclusions and two action items, and sends it: the service team gets "
        "the report, Lily her action item, 孙小明 the text for the client",
        seen,
    )
    with st.bot.db.read() as s:
        report = s.exec(select(ContactReport.id).where(ContactReport.author_id == SUN)).one()
    with st.watching("response_url") as seen:
        click(st, "contact_report_confirm", str(report), SUN, key="client-ok")
    st.scene("吴小姐 replies that the report is right: 孙小明 clicks 客户已确认", seen)


def item_done(st: Stage) -> None:
    """Thursday: Lily's morning nudge lists her item due today; she marks it done."""
    st.at(at(26, 9, 30), "Thursday: an action item due today")
    with st.watching(*POSTED) as seen:
        run_task(TASKS["contact-nudge"], st.clock.now(), st.bot.tasks())
    st.scene("Lily's morning nudge lists the action item due today", only(st, seen, LILY))
    with st.bot.db.read() as s:
        item = s.exec(select(ActionItem.id).where(ActionItem.owner_id == LILY)).one()
    [dm] = [m["ts"] for m in st.fake.dms(LILY) if "gave you an action item" in str(m)]
    st.at(at(26, 11, 0), "Lily's action item, done")
    with st.watching("response_url", *POSTED) as seen:
        click(st, "item_done", str(item), LILY, key="done", message_ts=dm, channel="D0" + LILY)
    st.scene(
        "Lily sends the minutes to the client and clicks Done on the item's DM: 孙小明 is told",
        seen,
    )


def click(
    st: Stage, action: str, value: str, user: str, reply: str = "response_url", **more: str
) -> None:
    """A click on a button, once its answer (`reply`) has reached Slack."""
    before = len(st.fake.calls_to(reply))
    st.slack.click(action, value, user=user, **more)
    st.slack.wait_for(reply, before + 1)


@contextmanager
def expecting(st: Stage, method: str, count: int = 1) -> Iterator[None]:
    """Until `count` more calls to `method` than before the block reach Slack (the after-ack
    work runs on a worker)."""
    before = len(st.fake.calls_to(method))
    yield
    st.slack.wait_for(method, before + count)


def _meeting(st: Stage) -> Meeting:
    with st.bot.db.read() as s:
        return s.exec(select(Meeting)).one()
