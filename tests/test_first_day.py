"""The first day in Slack (issue 18): every command, on an empty database (an admin from
AEBOT_ADMINS typing), on a team with people but no clients, and on a team where nobody has a
manager, says what to do next in the reader's language: never the generic "something went
wrong", never "ask an admin" to an admin, and never a view or message Slack would refuse (the
fake Slack refuses them, and checks every ack as Slack does). The commands are read from the
Bolt app, so a command added later must be walked too."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from datetime import datetime, timedelta
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlmodel import select

from bot.app import create_app
from bot.clock import FixedClock
from bot.server import BackgroundServer
from bot.slack.texts import t
from sandbox.checks import ApiError, check_ack
from sandbox.driver import SlackDriver
from sandbox.fake_slack import Call, FakeSlack
from storage.imports import import_clients, import_team
from storage.models import Job
from tests.conftest import (
    ADMIN,
    CLIENT_ROWS,
    MONDAY_10,
    SECRET,
    SH,
    TEAM,
    TEAM_ROWS,
    World,
    make_bot,
)
from tests.messages import text_of
from tests.test_outsiders import registered

GENERIC = {t("zh", "error.generic"), t("en", "error.generic")}
# what would send an admin to ask an admin (an instruction to admins, 请管理员用…, is fine)
ASK_AN_ADMIN = ("请管理员先", "请管理员把你", "请联系管理员", "ask an admin", "Ask an admin")
CJK = re.compile(r"[\u4e00-\u9fff]")


def in_two_weeks(fmt: str) -> str:
    """A day two weeks from the test's today, as typed (examples never in the past)."""
    return (MONDAY_10 + timedelta(days=14)).strftime(fmt)


# What a person might type first after each command: nothing, help, and the sub-commands that
# need a team, a client, a job or a reporting line. Every command the app registers has a row.
TYPED: dict[str, list[str]] = {
    "/contact": ["", "help", "可口可乐 打过电话", "Nike 约了下周提案"],
    "/client": [
        "",
        "help",
        "list",
        "list all",
        "add",
        "edit 可口可乐",
        "stage Nike proposal",
        "status 可口可乐 暂停 客户内部调整",
        "show Nike",
        "end 可口可乐 2026-12-31",
    ],
    "/daily": ["", "help", "今天：拜访可口可乐 明天：Nike 提案", "team"],
    "/job": [
        "",
        "help",
        "new",
        "list",
        "可口可乐 创意 春季KV",
        "show CR-202611-01",
        "revise CR-202611-01",
        "close CR-202611-01 已交付",
    ],
    "/overtime": [
        "",
        "help",
        "list",
        "report 2026-11",
        "19:00-22:00 可口可乐 赶提案",
        "19:00-22:00 CR-202611-01 赶提案",
    ],
    "/meeting": ["", "help", "list", "可口可乐 明天14:00-15:30 Q1提案", "cancel 1"],
    "/out": ["", "help", "可口可乐 拜访提案 14:00-17:00", "who", "back", "tomorrow Nike 提案"],
    "/weekly": ["", "help", "show", "可口可乐 提案已提交，等待反馈"],
    "/todo": [
        "",
        "help",
        "list",
        "team",
        "done 1",
        "add 可口可乐 周三前发排期 @Li",
        "add Nike call",
    ],
    "/aebot": [
        "",
        "help",
        "team",
        "team help",
        "role",
        "language en",
        "calendar",
        "calendar check",
        "settings",
        "dates 下周五下午3点",
        "request",
        "request commission 可口可乐 7% 客户要求提高一季度返点",
        f"request travel 3000 北京 {in_two_weeks('%m月%d日')} 提案",
        "request expense 680 可口可乐 sales 客户晚餐",
        "request fee 可口可乐 12000 7% 第四季度佣金",
        "request contract 可口可乐 付款期改为60天",
        "requests",
        "requests waiting",
        "requests all",
        "delegate",
        f"delegate <@U0AM1|qian> until {in_two_weeks('%Y-%m-%d')}",
        "authority",
        "agenda list",
        "receivable list",
        "report",
    ],
}


class Inline(Executor):
    """Runs the work after an ack at once, on the request's thread: when a command's HTTP answer
    is back, everything it made Slack see has been sent (modals, messages, deliveries)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        done: Future[Any] = Future()
        try:
            done.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            done.set_exception(exc)
        return done


def no_reporting_lines() -> list[dict[str, str]]:
    return [dict(row, manager_id="") for row in TEAM_ROWS]


STATES = {
    "empty": ([], []),
    "no-clients": (TEAM_ROWS, []),
    "no-managers": (no_reporting_lines(), CLIENT_ROWS),
}
WHO = {"empty": [ADMIN], "no-clients": [ADMIN, "U0AE1", "U0AE2"], "no-managers": ["U0AE1", "U0AE2"]}


@pytest.fixture(params=sorted(STATES))
def state(
    request: pytest.FixtureRequest,
    fake: FakeSlack,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[str, World]]:
    monkeypatch.setattr("bot.app.AfterAck", lambda **_: Inline())
    bot = make_bot(fake, db_url, FixedClock(MONDAY_10))
    bot.home.delay = 0
    people, clients = STATES[request.param]
    with bot.db.write() as s:
        import_team(s, TEAM, people, datetime(2026, 11, 2, 9, tzinfo=SH))
        import_clients(s, TEAM, clients, datetime(2026, 11, 2, 9, tzinfo=SH))
    server = BackgroundServer(create_app(bot), bot.db).start()
    fake.reset()
    try:
        yield request.param, World(bot, bot.clock, SlackDriver(server.url, SECRET, fake), fake)  # type: ignore[arg-type]
    finally:
        server.stop()
        bot.close()


def seen(calls: list[Call], user: str) -> list[str]:
    """What the person was shown by these calls: messages to them (a DM, an ephemeral reply,
    through the response URL) and the text of a modal opened for them."""
    out = []
    for c in calls:
        if c.method in ("chat.postMessage", "chat.postEphemeral", "response_url"):
            out.append("\n".join(filter(None, [c.args.get("text") or "", text_of(c.args)])))
        elif c.method == "views.open":
            view = c.args["view"]
            out.append("\n".join([view["title"]["text"], text_of(view)]))
    return [x for x in out if x]


def walk(w: World, user: str, command: str, typed: str) -> tuple[str, list[Call]]:
    """Type the command; what the person saw, and every call it made to Slack."""
    before = len(w.fake.calls)
    reply = w.slack.command(command, typed, user=user)
    assert reply.status_code == 200, (command, typed, reply.status_code)
    calls = [c for c in w.fake.calls[before:] if c.method != "auth.test"]  # Bolt's, once
    body = reply.json()
    said = [body.get("text") or "", text_of(body)] + seen(calls, user)
    return "\n".join(x for x in said if x), calls


def test_every_command_says_what_to_do_next_in_every_first_day_state(
    state: tuple[str, World],
) -> None:
    name, w = state
    commands = registered(create_app(w.bot))["command"]
    assert sorted(commands) == sorted(TYPED)  # a new command needs its row above
    for user in WHO[name]:
        english = user == "U0AE2"
        for command in commands:
            for typed in TYPED[command]:
                said, calls = walk(w, user, command, typed)
                where = (name, user, command, typed, said[:300])
                refused = [(c.method, c.error, c.response) for c in calls if not c.ok]
                assert refused == [], where
                assert said.strip(), where  # an answer, a form or a message: never silence
                assert not any(g in said for g in GENERIC), where
                if user == ADMIN:
                    assert not any(a in said for a in ASK_AN_ADMIN), where
                if english:  # the sentence that answers; what follows may be data (names)
                    assert not CJK.search(_without_typed(said, typed).splitlines()[0]), where


def _without_typed(said: str, typed: str) -> str:
    """The answer without what was typed or named in it (a client's name, its code and city)."""
    for row in CLIENT_ROWS:
        said = said.replace(row["name"], "").replace(row["city"], "")
    for word in re.split(r"[\s,，]+", typed):
        said = said.replace(word, "")
    said = re.sub(r"`[^`]*`|“[^”]*”|\([^)]*[\u4e00-\u9fff][^)]*\)", "", said)  # examples shown
    return re.sub(r"\S*-\d{6}-\S*", "", said)  # client codes


@pytest.mark.parametrize("command", ["/contact", "/job", "/overtime"])
def test_an_admin_on_an_empty_database_is_told_the_first_steps(
    state: tuple[str, World], command: str
) -> None:
    name, w = state
    text = {"/contact": "可口可乐 打过电话", "/job": "", "/overtime": ""}[command]
    said, calls = walk(w, ADMIN, command, text)
    if name == "empty":
        assert said == t("zh", "first.no_team")
        assert "`/aebot team add @同事 ae manager @主管`" in said
    elif name == "no-clients":
        assert (
            said
            == "团队还没有客户档案，请先用 `/client add` 添加客户（整批的可以在服务器上用 "
            + ("`aebot clients import clients.csv` 导入）。")
        )
        english, _ = walk(w, "U0AE2", command, text)
        assert english.startswith("The team has no clients yet: add one first with `/client add`")
    else:
        return
    assert [c.method for c in calls] == []  # no form Slack would refuse, no error DM


def test_a_client_is_added_only_once_someone_could_own_it(state: tuple[str, World]) -> None:
    name, w = state
    said, calls = walk(w, ADMIN, "/client", "add")
    if name == "empty":
        assert said.startswith("每个客户都要有团队里的负责人，但团队名单还是空的。")
        assert calls == []
    else:
        [form] = [c for c in calls if c.method == "views.open"]
        assert form.ok and form.args["view"]["submit"]


def test_the_first_hour_in_order(state: tuple[str, World]) -> None:
    """From nothing to a logged call, following only what aebot says."""
    name, w = state
    if name != "empty":
        return
    said, _ = walk(w, ADMIN, "/contact", "可口可乐 打过电话")
    assert "/aebot team add" in said
    said, _ = walk(w, ADMIN, "/aebot", "team add <@U0AM1|qian> am")
    assert said.startswith("已把 <@U0AM1> 加入团队：客户经理（AM），还没有汇报对象。")
    said, _ = walk(w, ADMIN, "/aebot", "team add <@U0AE1|sun> ae manager <@U0AM1|qian>")
    assert said == "已把 <@U0AE1> 加入团队：客户执行（AE），汇报对象 <@U0AM1>。"
    said, _ = walk(w, "U0AE1", "/contact", "可口可乐 打过电话")
    assert said.startswith("团队还没有客户档案，请先用 `/client add` 添加客户")
    said, calls = walk(w, "U0AE1", "/client", "add")
    form = next(c for c in calls if c.method == "views.open").args["view"]
    values = {"name": "可口可乐", "city": "上海", "in_city": "true", "owner": "U0AE1"}
    values |= {"contact_person": "王经理"}
    assert w.slack.submit(form, values, user="U0AE1").text == ""
    said, _ = walk(w, "U0AE1", "/contact", "可口可乐 打过电话")
    assert "已记录：与 *可口可乐*" in said


def test_without_a_reporting_line_a_job_says_which_command_sets_one(
    state: tuple[str, World],
) -> None:
    name, w = state
    if name != "no-managers":
        return
    _, calls = walk(w, "U0AE1", "/job", "可口可乐 创意 春季KV")
    form = next(c for c in calls if c.method == "views.open").args["view"]
    brief = (
        "春季新品上市主视觉，含户外、地铁和线上三个尺寸的延展，需要符合品牌规范，下周五前交初稿。"
    )
    values = {"job_type": "KV", "brief": brief}
    values |= {"deadline": "下周五"}
    r = w.slack.submit(form, values, user="U0AE1")
    [error] = r.json()["errors"].values()
    assert "`/aebot team set @同事 manager @主管`" in error
    with w.bot.db.read() as s:
        assert s.exec(select(Job)).all() == []


def test_the_app_home_of_an_admin_on_an_empty_database(state: tuple[str, World]) -> None:
    name, w = state
    if name != "empty":
        return
    w.slack.home_opened(ADMIN)
    home = w.fake.home_view(ADMIN)
    assert home is not None
    assert "你是管理员，但不在团队名单里" in text_of(home)
    assert not any(a in text_of(home) for a in ASK_AN_ADMIN)


def test_the_fake_refuses_what_slack_refuses(fake: FakeSlack) -> None:
    """A modal with fields and no submit button, a picker with nothing in it, and the same in
    an ack: Slack refuses each (the person sees an error instead)."""
    client = WebClient(token=fake.token, base_url=fake.url)
    field = {
        "type": "input",
        "block_id": "client",
        "label": {"type": "plain_text", "text": "Client"},
        "element": {"type": "static_select", "action_id": "v", "options": []},
    }
    title = {"type": "plain_text", "text": "Log"}
    with_submit = {"type": "modal", "title": title, "blocks": [field], "submit": title}
    no_submit = {
        "type": "modal",
        "title": title,
        "blocks": [dict(field, element={"type": "plain_text_input"})],
    }
    for view in (with_submit, no_submit):
        with pytest.raises(Exception) as refused:
            client.views_open(trigger_id="1.t", view=view)
        assert "invalid_arguments" in str(refused.value)
    for body in (
        {"response_action": "update", "view": no_submit},
        {"response_action": "errors", "errors": {}},
        {"text": "x" * 40_001},
    ):
        with pytest.raises(ApiError):
            check_ack(body)
    check_ack({"response_action": "errors", "errors": {"client": "Pick one"}})
    check_ack({"text": "ok"})
