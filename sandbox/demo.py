"""`aebot demo`: a working Friday and Monday of a small account department, in a minute, with no
Slack account: the real app on a fake Slack, a temporary SQLite database and a set clock.

Everything shown is what a person would see in Slack: the replies only they see, their DMs,
the forms that open, the App Home.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click
from sqlmodel import select

from bot.app import Bot, create_app
from bot.clock import FixedClock
from bot.server import BackgroundServer
from bot.settings import load_settings
from sandbox.driver import TEAM, SlackDriver
from sandbox.fake_slack import Call, FakeSlack
from sandbox.render import describe
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage.imports import import_clients, import_team
from storage.migrate import upgrade
from storage.models import ContactLog, Job

SH = ZoneInfo("Asia/Shanghai")
SECRET = "demo-signing-secret"
SUN, LILY, QIAN, ZHAO = "U0DAE1", "U0DAE2", "U0DAM", "U0DAD"
PEOPLE = {ZHAO: "赵总监 (AD)", QIAN: "钱经理 (AM)", SUN: "孙小明 (AE)", LILY: "Lily Li (AE)"}
TEAM_ROWS = [
    {"user_id": ZHAO, "name": "赵总监", "role": "ad", "manager_id": "", "language": "zh"},
    {"user_id": QIAN, "name": "钱经理", "role": "am", "manager_id": ZHAO, "language": "zh"},
    {"user_id": SUN, "name": "孙小明", "role": "ae", "manager_id": QIAN, "language": "zh"},
    {"user_id": LILY, "name": "Lily Li", "role": "ae", "manager_id": QIAN, "language": "en"},
]
CLIENTS = [  # name, city, in-city, owner, contact person, cadence
    ("可口可乐", "上海", "true", SUN, "王经理", ""),
    ("百事可乐", "上海", "true", SUN, "刘总", ""),
    ("百威啤酒", "武汉", "false", SUN, "陈总", "5"),
    ("耐克", "北京", "false", SUN, "吴小姐", ""),
    ("Unilever", "Shanghai", "true", LILY, "Mr Ho", ""),
    ("Adidas", "Guangzhou", "false", LILY, "Ms Chan", ""),
]
CLIENT_ROWS = [
    dict(
        zip(
            ("name", "city", "in_city", "owner_id", "contact_person", "cadence_days"),
            c,
            strict=True,
        )
    )
    for c in CLIENTS
]


@dataclass
class Stage:
    """The demo's world: the clock, what people send, and what Slack shows them."""

    bot: Bot
    clock: FixedClock
    slack: SlackDriver
    fake: FakeSlack

    def at(self, when: datetime, title: str) -> None:
        self.clock.set(when)
        click.secho(f"\n{when:%a %d %b %H:%M} — {title}", fg="cyan", bold=True)

    def scene(self, caption: str, lines: list[str], limit: int = 14) -> None:
        click.secho(f"  ▸ {caption}", bold=True)
        shown = (
            lines
            if len(lines) <= limit
            else [*lines[:limit], f"… ({len(lines) - limit} more lines)"]
        )
        for line in shown:
            click.echo(f"    {line}")

    def typed(self, user: str, command: str, text: str = "") -> list[str]:
        """What the person sees in reply to a slash command (only they see it)."""
        reply = self.slack.command(command, text, user=user).json() or {}
        call = Call(
            "chat.postEphemeral",
            {"channel": "C0GENERAL", "user": user, **reply},
            None,
            True,
            None,
            {},
        )
        return describe(call).splitlines()[1:]

    @contextmanager
    def watching(self, *methods: str) -> Iterator[list[str]]:
        """Collect what reaches people through `methods` while the block runs."""
        since, seen = len(self.fake.calls), []
        yield seen  # the block waits for what it expects (after-ack work runs on a worker)
        for call in self.fake.calls[since:]:
            if call.method in methods:
                who = call.args.get("user_id") or call.args.get("user") or call.args.get("channel")
                if str(who) in PEOPLE:
                    seen.append(f"[{PEOPLE[str(who)]} · {call.method}]")
                seen += describe(call).splitlines()

    def wait(self, method: str, count: int) -> dict[str, Any]:
        return self.slack.wait_for(method, count)[-1].args


def run_demo() -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        upgrade(url)
        clock = FixedClock(datetime(2026, 11, 20, 14, 0, tzinfo=SH))
        settings = load_settings(
            slack_bot_token=fake.token,
            slack_signing_secret=SECRET,
            slack_api_url=fake.url,
            database_url=url,
            _env_file=None,
        )
        bot = Bot.build(settings, clock)
        bot.home.delay = 0  # redraw the Home at once: the demo has no time to wait
        with bot.db.write() as s:
            import_team(s, TEAM, TEAM_ROWS, clock.now())
            import_clients(s, TEAM, CLIENT_ROWS, datetime(2026, 11, 2, 9, tzinfo=SH))
        server = BackgroundServer(create_app(bot), bot.db).start()
        try:
            stage = Stage(bot, clock, SlackDriver(server.url, SECRET, fake), fake)
            click.secho(
                "aebot demo — the real app on a fake Slack and a temporary database; "
                "nothing leaves this machine.",
                bold=True,
            )
            friday(stage)
            monday(stage)
            click.echo(
                "\nThat was aebot. `aebot --help` lists the commands; README.md explains how to "
                "connect a real Slack."
            )
        finally:
            server.stop()
            bot.close()


def friday(st: Stage) -> None:
    st.at(datetime(2026, 11, 20, 14, 0, tzinfo=SH), "Friday: the department at work")
    st.scene(
        "孙小明: /client  (his clients, each with its client code)", st.typed(SUN, "/client"), 6
    )
    st.scene(
        "孙小明, after a call: /contact 可口可乐 确认了双十二方案，周一出稿",
        st.typed(SUN, "/contact", "可口可乐 确认了双十二方案，周一出稿"),
    )
    st.scene(
        "Lily, in English: /contact unilever agreed Q1 budget, contract next week",
        st.typed(LILY, "/contact", "unilever agreed Q1 budget, contract next week"),
    )
    with st.watching("views.open") as seen:
        st.slack.command("/contact", "百 聊了一下", user=SUN)
        form = st.wait("views.open", 1)["view"]
    st.scene("孙小明 types an ambiguous name: /contact 百 聊了一下 → the form, saying why", seen, 5)
    with st.watching("chat.postEphemeral") as seen:
        st.slack.submit(form, _meeting(st), user=SUN)
        st.wait("chat.postEphemeral", 1)
    st.scene(
        "… he picks 耐克: a meeting 今天上午10点, follow up 下周二 → the 48-hour report clock starts",
        seen,
    )
    st.scene(
        "孙小明: /aebot dates 下周五下午3点  (how aebot reads a typed date)",
        st.typed(SUN, "/aebot", "dates 下周五下午3点"),
    )
    st.scene(
        "Lily: /aebot calendar check  (is next year's 调休 entered yet?)",
        st.typed(LILY, "/aebot", "calendar check"),
    )


def job_request(st: Stage) -> None:
    """A job request (工作单): filed from the quick path's pre-filled form, numbered, and
    approved by the business supervisor with one click."""
    st.at(
        datetime(2026, 11, 23, 11, 0, tzinfo=SH), "a job request (工作单), approved with one click"
    )
    before = len(st.fake.calls_to("views.open"))
    st.slack.command("/job", "耐克 创意 春季新品KV", user=SUN)
    form = st.wait("views.open", before + 1)["view"]
    typed = {
        "job_type": "平面主视觉",
        "brief": "目标：春季新品上市造势；受众：18-30岁城市跑步爱好者；交付物：主KV一张及三个尺寸延展",
        "deadline": "下周五下午5点",
    }
    with st.watching("chat.postEphemeral", "chat.postMessage") as seen:
        sent = len(st.fake.calls_to("chat.postMessage"))
        st.slack.submit(form, typed, user=SUN)
        st.wait("chat.postMessage", sent + 2)  # the supervisor's DM and 孙小明's copy
    st.scene("孙小明: /job 耐克 创意 春季新品KV → the form, filled in; he adds the brief", seen, 22)
    with st.bot.db.read() as s:
        [job] = s.exec(select(Job)).all()
    with st.watching("chat.update", "chat.postMessage") as seen:
        updates, sent = (
            len(st.fake.calls_to("chat.update")),
            len(st.fake.calls_to("chat.postMessage")),
        )
        st.slack.click("approval_approve", str(job.approval_id), user=QIAN)
        st.wait("chat.update", updates + 2)
        st.wait("chat.postMessage", sent + 2)  # the decision and the job card, to 孙小明
    st.scene(f"钱经理 clicks 批准: {job.number} is open, and everyone's copy says so", seen, 30)


def _dm_of(seen: list[str], user: str) -> list[str]:
    """One person's message among what was watched (DMs are delivered in any order)."""
    out: list[str] = []
    mine = False
    for line in seen:
        if line.startswith("[") and " · " in line:
            mine = line.startswith(f"[{PEOPLE[user]} ·")
        if mine and line:
            out.append(line)
    return out


def _meeting(st: Stage) -> dict[str, str]:
    with st.bot.db.read() as s:
        nike = next(c for c in queries.list_clients(s, TEAM) if c.name == "耐克")
    return {
        "client": str(nike.id),
        "kind": "meeting",
        "when": "今天上午10点",
        "summary": "春季新品发布会方案讨论：客户倾向方案B，预算待定",
        "next_steps": "周一前发会议纪要",
        "follow_up": "下周二",
    }


def _meeting_id(st: Stage) -> int:
    with st.bot.db.read() as s:
        meeting = s.exec(select(ContactLog.id).where(ContactLog.kind == "meeting")).one()
    return int(meeting or 0)


def monday(st: Stage) -> None:
    st.at(datetime(2026, 11, 23, 9, 30, tzinfo=SH), "Monday: the timetable's morning nudge")
    with st.watching("chat.postMessage") as seen:
        run_task(TASKS["contact-nudge"], st.clock.now(), st.bot.tasks())
    st.scene("contact-nudge: each AE's DM, longest without contact first", seen, 24)
    st.at(datetime(2026, 11, 23, 10, 0, tzinfo=SH), "the contact-report clock")
    with st.watching("chat.postMessage") as seen:
        run_task(TASKS["contact-report-due"], st.clock.now(), st.bot.tasks())
    st.scene(
        "The 耐克 meeting's report is still unsent after the weekend: 孙小明 is reminded the first "
        "working morning; his manager would hear at 18:00",
        seen,
    )
    with st.watching("response_url") as seen:
        st.slack.click("contact_report_sent", str(_meeting_id(st)), user=SUN, key="report")
        st.wait("response_url", 1)
    st.scene("孙小明 sends the report and clicks 报告已发 on that DM: the clock stops", seen)
    st.at(
        datetime(2026, 11, 23, 10, 30, tzinfo=SH),
        "孙小明 opens aebot's App Home, then calls 百事可乐",
    )
    with st.watching("views.publish") as seen:
        st.slack.home_opened(SUN)
        st.wait("views.publish", 1)
    st.scene("His day, on the Home tab", seen, 10)
    with st.watching("views.publish") as seen:
        st.typed(SUN, "/contact", "百事可乐 确认周三提案时间")
        st.wait("views.publish", 2)
    st.scene("… and after /contact 百事可乐 确认周三提案时间, the Home follows", seen, 6)
    job_request(st)
    st.at(datetime(2026, 11, 23, 17, 30, tzinfo=SH), "before leaving: the evening sweep")
    with st.watching("chat.postMessage") as seen:
        run_task(TASKS["contact-sweep"], st.clock.now(), st.bot.tasks())
    st.scene("contact-sweep: only the clients still due, and the manager's list", seen, 24)
    st.at(datetime(2026, 11, 24, 9, 30, tzinfo=SH), "Tuesday: the follow-up set on Friday")
    with st.watching("chat.postMessage") as seen:
        run_task(TASKS["contact-nudge"], st.clock.now(), st.bot.tasks())
    st.scene("孙小明's nudge opens with what he planned for today", _dm_of(seen, SUN)[:6])
