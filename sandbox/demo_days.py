"""The demo's week, day by day: what each person does and what Slack shows them (sandbox/demo.py
sets the stage). Each day is one function; `WEEK` is their order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import select

from sandbox.demo_cast import AM, LILY, PED, SH, SUN
from sandbox.demo_job import job_handed_over, job_signed_off, job_to_the_client, job_under_way
from sandbox.demo_meeting import item_done, meeting_booked, meeting_held
from sandbox.driver import TEAM
from sandbox.stage import POSTED, Stage, only, task
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.models import ContactLog, Job


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SH)


def monday(st: Stage) -> None:
    st.at(at(23, 9, 30), "Monday: the morning nudge")
    task(st, "contact-nudge", "contact-nudge: each AE's clients due a call, longest silence first")
    st.at(at(23, 10, 0), "the AEs at work")
    st.scene("孙小明: /client  (his clients, each with its client code)", st.typed(SUN, "/client"))
    st.scene(
        "孙小明, after a call: /contact 可口可乐 确认了双十二方案，周一出稿",
        st.typed(SUN, "/contact", "可口可乐 确认了双十二方案，周一出稿"),
    )
    st.scene(
        "Lily, in English: /contact unilever agreed Q1 budget, contract next week",
        st.typed(LILY, "/contact", "unilever agreed Q1 budget, contract next week"),
    )
    with st.watching("views.open") as seen:
        form = st.form(SUN, "/contact", "百 聊了一下")
    st.scene("孙小明 types an ambiguous name: /contact 百 聊了一下 → the form, saying why", seen)
    with st.watching("chat.postEphemeral") as seen:
        st.slack.submit(form, _meeting(st), user=SUN)
    st.scene(
        "… he picks 耐克: a meeting at 10:00, follow up tomorrow → the 48-hour report clock", seen
    )
    st.scene(
        "孙小明: /aebot dates 下周五下午3点  (how aebot reads a typed date)",
        st.typed(SUN, "/aebot", "dates 下周五下午3点"),
    )
    job_request(st)
    job_handed_over(st)
    st.at(at(23, 14, 0), "out of the office")
    st.scene(
        "孙小明: /out 耐克 拜访提案 14:00-17:00", st.typed(SUN, "/out", "耐克 拜访提案 14:00-17:00")
    )
    st.scene("钱经理 (AM): /out who", st.typed(AM, "/out", "who"))
    overtime(st)
    st.at(at(23, 17, 30), "before leaving: the day's summary, with the clients still due")
    task(st, "contact-sweep", "contact-sweep: long-overdue clients to the manager")
    task(st, "day-summary", "day-summary: today, tomorrow, Write summary, the clients still due")


def job_request(st: Stage) -> None:
    """A job request (工作单): filed from the quick path's pre-filled form, numbered, and
    approved by the account manager, his business supervisor, with one click."""
    st.at(at(23, 11, 0), "a job request (工作单), approved by the account manager")
    form = st.form(SUN, "/job", "耐克 创意 春季新品KV")
    typed = {
        "job_type": "平面主视觉",
        "brief": "目标：春季新品上市造势；受众：18-30岁城市跑步爱好者；交付物：主KV一张及三个尺寸延展",
        "deadline": "下周五下午5点",
    }
    with st.watching("chat.postEphemeral", *POSTED) as seen:
        st.slack.submit(form, typed, user=SUN)
    st.scene("孙小明: /job 耐克 创意 春季新品KV → the form, filled in; he adds the brief", seen)
    with st.bot.db.read() as s:
        [job] = s.exec(select(Job)).all()
    with st.watching(*POSTED) as seen:
        st.slack.click("approval_approve", str(job.approval_id), user=AM)
    st.scene(f"钱经理 (AM) clicks 批准: {job.number} is open, and everyone's copy says so", seen)


def overtime(st: Stage) -> None:
    """The overtime form (加班单): the 16:30 reminder, a form filed on time, and the 17:00 list
    the project execution director approves in one click."""
    st.at(at(23, 16, 30), "overtime: the reminder, the form, the 17:00 list")
    task(st, "overtime-reminder", "overtime-reminder: AEs with an open job, before the cut-off")
    with st.bot.db.read() as s:
        [job] = s.exec(select(Job)).all()
    st.clock.set(at(23, 16, 40))
    st.scene(
        f"孙小明: /overtime 19:00-22:00 {job.number} 赶提案",
        st.typed(SUN, "/overtime", f"19:00-22:00 {job.number} 赶提案"),
    )
    st.clock.set(at(23, 17, 0))
    task(
        st,
        "overtime-cutoff",
        "17:00 overtime-cutoff: the day's forms to the project execution director",
    )
    with st.watching(*POSTED, "response_url") as seen:
        st.slack.click("overtime_approve_all", "2026-11-23", user=PED, channel="D0" + PED)
    st.scene("吴总监 clicks “approve all on time”", seen)


def tuesday(st: Stage) -> None:
    st.at(at(24, 9, 30), "Tuesday: the follow-up set yesterday")
    with st.watching(*POSTED) as seen:
        run_task(TASKS["contact-nudge"], st.clock.now(), st.bot.tasks())
    st.scene("孙小明's nudge opens with what he planned for today", only(st, seen, SUN))
    st.scene(
        "Lily books leave: /out leave Dec 7 to Dec 9 annual",
        st.typed(LILY, "/out", "leave Dec 7 to Dec 9 annual"),
    )
    meeting_booked(st)


def wednesday(st: Stage) -> None:
    st.at(at(25, 10, 0), "Wednesday: the contact-report clock")
    task(
        st,
        "contact-report-due",
        "The 耐克 meeting's report is 48 hours late: 孙小明 and his manager are told",
    )
    with st.watching("response_url") as seen:
        st.slack.click("contact_report_sent", str(_meeting_id(st)), user=SUN, key="report")
    st.scene(
        "孙小明 had sent Monday's report by email: he clicks 报告已发 on that DM, the clock stops",
        seen,
    )
    st.at(at(25, 10, 30), "孙小明 opens aebot's App Home")
    with st.watching("views.publish") as seen:
        before = len(st.fake.calls_to("views.publish"))
        st.slack.home_opened(SUN)
        st.slack.wait_for("views.publish", before + 1)  # drawn on the worker
    st.scene("His day, on the Home tab", seen)
    meeting_held(st)
    job_under_way(st)


def thursday(st: Stage) -> None:
    item_done(st)
    job_to_the_client(st)


def friday(st: Stage) -> None:
    st.at(at(27, 10, 0), "Friday: the weekly notes")
    task(st, "weekly-prompt", "weekly-prompt: each AE without notes is asked for them")
    st.scene(
        "孙小明: /weekly 耐克 Q1提案已提交，等待客户反馈",
        st.typed(SUN, "/weekly", "耐克 Q1提案已提交，等待客户反馈"),
    )
    st.scene(
        "Lily: /weekly Unilever budget agreed, contract being drafted",
        st.typed(LILY, "/weekly", "Unilever budget agreed, contract being drafted"),
    )
    job_signed_off(st)
    st.at(at(27, 15, 30), "the Friday report, for the general manager and the managers")
    task(
        st,
        "friday-report",
        "friday-report: the report channel (headline, one thread message per AE, the .xlsx and the chart) and each manager's people",
    )


def next_monday(st: Stage) -> None:
    st.at(at(30, 9, 0), "Monday again: the weekly meeting's agenda")
    task(st, "monday-agenda", "monday-agenda: the handbook's four parts, in the team channel")


def _meeting(st: Stage) -> dict[str, str]:
    with st.bot.db.read() as s:
        nike = next(c for c in queries.list_clients(s, TEAM) if c.name == "耐克")
    return {
        "client": str(nike.id),
        "kind": "meeting",
        "when": "今天上午10点",
        "summary": "春季新品发布会方案讨论：客户倾向方案B，预算待定",
        "next_steps": "周三前发会议纪要",
        "follow_up": "明天",
    }


def _meeting_id(st: Stage) -> int:
    with st.bot.db.read() as s:
        meeting = s.exec(select(ContactLog.id).where(ContactLog.kind == "meeting")).one()
    return int(meeting or 0)


WEEK: tuple[Callable[[Stage], None], ...] = (
    monday,
    tuesday,
    wednesday,
    thursday,
    friday,
    next_monday,
)
