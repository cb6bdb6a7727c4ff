"""The demo's job after its approval (工作单下发，只是一个开始; sandbox/demo_days.py plays it in the
week): the creative department's head accepts it, assigns a copywriter and an art director and
calls a kick-off; they log progress and hours; the head holds the internal review; it goes to
the client proofread; the AE records the client's sign-off, closes it, and shows its history."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from sandbox.demo_cast import ARTIST, CD, SH, SUN, WRITER
from sandbox.stage import POSTED, Stage
from storage.models import Job


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SH)


def _job(st: Stage) -> Job:
    with st.bot.db.read() as s:
        return s.exec(select(Job).where(Job.number == "CR-202611-01")).one()


def job_handed_over(st: Stage) -> None:
    """Monday: the head accepts the job, assigns two people and calls a kick-off."""
    st.at(at(23, 11, 30), "the job with the creative department: accepted and assigned")
    job = _job(st)
    with st.watching(*POSTED, "chat.update") as seen:
        st.slack.click("job_accept", str(job.id), user=CD, channel="D0" + CD, key="accept")
    st.scene("陈总监 clicks 接单 on his DM: every copy of the card says so, 孙小明 is told", seen)
    before = len(st.fake.calls_to("views.open"))
    st.slack.click("job_assign", str(job.id), user=CD, channel="D0" + CD, key="assign")
    form = st.slack.wait_for("views.open", before + 1)[-1].args["view"]
    with st.watching(*POSTED, "chat.update") as seen:
        st.slack.submit(form, {"people": [WRITER, ARTIST]}, user=CD)
    st.scene(
        "… 安排人手: he picks 小吴 and Amy; each gets the whole brief, 孙小明 hears who has it",
        seen,
    )
    with st.watching("views.open") as seen:
        st.slack.click("job_kickoff", str(job.id), user=CD, channel="D0" + CD, key="kickoff")
    st.scene("… 召集开工会: the meeting form, filled in with the job and its people", seen)


def job_under_way(st: Stage) -> None:
    """Wednesday: progress and hours, typed."""
    st.at(at(25, 16, 0), "the job under way: progress and hours (人员工时记录表)")
    st.scene(
        "小吴: /job status CR-202611-01 progress 文案初稿已完成",
        st.typed(WRITER, "/job", "status CR-202611-01 progress 文案初稿已完成"),
    )
    st.scene(
        "Amy: /job hours CR-202611-01 3.5 KV sketches",
        st.typed(ARTIST, "/job", "hours CR-202611-01 3.5 KV sketches"),
    )


def job_to_the_client(st: Stage) -> None:
    """Thursday: the internal review, then sent to the client, proofread."""
    st.at(at(26, 15, 0), "the internal review (内部审稿), then to the client (校对)")
    st.scene(
        "Amy tries to send it before any review: refused, with the reason",
        st.typed(ARTIST, "/job", "status CR-202611-01 sent --proofread"),
    )
    with st.watching(*POSTED) as seen:
        said = st.typed(CD, "/job", "status CR-202611-01 review 标题再口语化一点，其余通过")
    st.scene("陈总监: /job status CR-202611-01 review 标题再口语化一点，其余通过", said + seen)
    with st.watching(*POSTED) as seen:
        said = st.typed(ARTIST, "/job", "status CR-202611-01 sent --proofread final to 孙小明")
    st.scene("Amy: /job status CR-202611-01 sent --proofread final to 孙小明", said + seen)


def job_signed_off(st: Stage) -> None:
    """Friday: the client signs the final version; the AE records it, closes the job (消单)
    and shows its history with the hours."""
    st.at(at(27, 11, 0), "the client's sign-off (签字确认稿), and the job closed (消单)")
    st.scene(
        "孙小明: /job status CR-202611-01 signed 吴小姐 今天",
        st.typed(SUN, "/job", "status CR-202611-01 signed 吴小姐 今天"),
    )
    st.scene(
        "孙小明: /job hours CR-202611-01 1.5 与客户确认终稿",
        st.typed(SUN, "/job", "hours CR-202611-01 1.5 与客户确认终稿"),
    )
    st.scene(
        "孙小明: /job close CR-202611-01 终稿已交付",
        st.typed(SUN, "/job", "close CR-202611-01 终稿已交付"),
    )
    st.scene(
        "孙小明: /job show CR-202611-01 (its steps, and the hours per person)",
        st.typed(SUN, "/job", "show CR-202611-01"),
    )
