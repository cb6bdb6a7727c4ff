"""`aebot demo`: aebot at work with no Slack account — fake Slack, temporary SQLite."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from bot.app import Bot, create_app
from bot.clock import FixedClock
from bot.server import BackgroundServer
from bot.settings import load_settings
from sandbox.driver import TEAM, SlackDriver
from sandbox.fake_slack import Call, FakeSlack
from sandbox.render import describe
from scheduler.timetable import JOBS, run_job
from storage.imports import import_clients, import_team
from storage.migrate import upgrade

SH = ZoneInfo("Asia/Shanghai")
SECRET = "demo-signing-secret"
PEOPLE = {
    "U0DAD": "赵总监 (AD)",
    "U0DAM": "钱经理 (AM)",
    "U0DAE1": "孙小明 (AE)",
    "U0DAE2": "Lily Li (AE)",
}
TEAM_ROWS = [
    {"user_id": "U0DAD", "name": "赵总监", "role": "ad", "manager_id": "", "language": "zh"},
    {"user_id": "U0DAM", "name": "钱经理", "role": "am", "manager_id": "U0DAD", "language": "zh"},
    {"user_id": "U0DAE1", "name": "孙小明", "role": "ae", "manager_id": "U0DAM", "language": "zh"},
    {"user_id": "U0DAE2", "name": "Lily Li", "role": "ae", "manager_id": "U0DAM", "language": "en"},
]
CLIENT_ROWS = [
    {
        "name": "可口可乐",
        "city": "上海",
        "in_city": "true",
        "owner_id": "U0DAE1",
        "contact_person": "王经理",
        "cadence_days": "",
    },
    {
        "name": "百事可乐",
        "city": "上海",
        "in_city": "true",
        "owner_id": "U0DAE1",
        "contact_person": "刘总",
        "cadence_days": "",
    },
    {
        "name": "百威啤酒",
        "city": "武汉",
        "in_city": "false",
        "owner_id": "U0DAE1",
        "contact_person": "陈总",
        "cadence_days": "5",
    },
    {
        "name": "耐克",
        "city": "北京",
        "in_city": "false",
        "owner_id": "U0DAE1",
        "contact_person": "吴小姐",
        "cadence_days": "",
    },
    {
        "name": "Unilever",
        "city": "Shanghai",
        "in_city": "true",
        "owner_id": "U0DAE2",
        "contact_person": "Mr Ho",
        "cadence_days": "",
    },
    {
        "name": "Adidas",
        "city": "Guangzhou",
        "in_city": "false",
        "owner_id": "U0DAE2",
        "contact_person": "Ms Chan",
        "cadence_days": "",
    },
]


def _show(title: str, lines: list[str]) -> None:
    click.secho(f"\n── {title} " + "─" * max(0, 60 - len(title)), fg="cyan", bold=True)
    for line in lines:
        click.echo(line)


def _seen(fake: FakeSlack, since: int, method: str = "chat.postMessage") -> list[str]:
    """What people saw since call number `since`: the messages (or modals) of `method`."""
    out = []
    for call in (c for c in fake.calls[since:] if c.method == method):
        who = call.args.get("user") or call.args.get("channel") or call.args.get("user_id") or ""
        out.append(f"[{PEOPLE.get(str(who), who) or 'you'} · {call.method}]")
        out.append(describe(call))
    return out


def run_demo() -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        upgrade(url)
        clock = FixedClock(datetime(2026, 11, 20, 16, 0, tzinfo=SH))  # Friday afternoon
        settings = load_settings(
            slack_bot_token=fake.token,
            slack_signing_secret=SECRET,
            slack_api_url=fake.url,
            database_url=url,
            _env_file=None,
        )
        bot = Bot.build(settings, clock)
        with bot.db.write() as s:
            import_team(s, TEAM, TEAM_ROWS, clock.now())
            import_clients(s, TEAM, CLIENT_ROWS, datetime(2026, 11, 2, 9, tzinfo=SH))
        server = BackgroundServer(create_app(bot), bot.db).start()
        slack = SlackDriver(server.url, SECRET, fake)
        try:
            _script(bot, clock, slack, fake)
        finally:
            server.stop()
            bot.close()


def _script(bot: Bot, clock: FixedClock, slack: SlackDriver, fake: FakeSlack) -> None:
    click.secho(
        "aebot demo — a fake Slack on loopback and a temporary database; nothing leaves this machine.",
        bold=True,
    )
    _show(
        "/aebot team (孙小明)",
        [describe_ack(slack.command("/aebot", "team", user="U0DAE1").json())],
    )
    r = slack.command("/contact", "可口可乐 确认了双十二方案，周一出稿", user="U0DAE1")
    _show(
        "Friday 16:00 — 孙小明 types: /contact 可口可乐 确认了双十二方案，周一出稿",
        [describe_ack(r.json())],
    )
    r = slack.command("/contact", "unilever agreed Q1 budget, contract next week", user="U0DAE2")
    _show(
        "Lily types: /contact unilever agreed Q1 budget, contract next week",
        [describe_ack(r.json())],
    )
    since = len(fake.calls)
    r = slack.command("/contact", "百 聊了一下", user="U0DAE1")
    slack.wait_for("views.open")
    _show(
        "孙小明 types an ambiguous name: /contact 百 聊了一下  → the modal opens pre-filled",
        _seen(fake, since, "views.open"),
    )
    clock.set(datetime(2026, 11, 23, 9, 30, tzinfo=SH))
    since = len(fake.calls)
    run_job(JOBS["contact-nudge"], clock.now(), bot.jobs())
    _show("Monday 09:30 — contact-nudge: what each AE finds in their DMs", _seen(fake, since))
    clock.set(datetime(2026, 11, 23, 17, 30, tzinfo=SH))
    since = len(fake.calls)
    run_job(JOBS["contact-sweep"], clock.now(), bot.jobs())
    _show("Monday 17:30 — contact-sweep: still due, and the manager's list", _seen(fake, since))
    click.echo(
        "\nThat was aebot. `aebot --help` lists the commands; README.md explains how to connect a real Slack."
    )


def describe_ack(body: dict) -> str:
    """The reply in the HTTP answer to a slash command, as the user sees it (only to them)."""
    return describe(
        Call(
            "chat.postEphemeral",
            {"channel": "C0GENERAL", "user": "you", **body},
            None,
            True,
            None,
            {},
        )
    )
