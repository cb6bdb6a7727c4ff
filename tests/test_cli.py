"""The `aebot` command line: settings errors, imports, jobs list/run."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from sandbox.fake_slack import FakeSlack

ROOT = Path(__file__).parent.parent


@pytest.fixture
def env(fake: FakeSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {
        "SLACK_BOT_TOKEN": fake.token,
        "SLACK_SIGNING_SECRET": "s",
        "SLACK_API_URL": fake.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "AEBOT_TZ": "Asia/Shanghai",
    }
    for k in ("SLACK_APP_TOKEN", "AEBOT_LANG", "AEBOT_ADMINS", "AEBOT_COUNTRY", "PORT"):
        monkeypatch.delenv(k, raising=False)
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    monkeypatch.chdir(tmp_path)  # no stray .env
    fake.reset()
    return values


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_imports_then_nudge_by_hand_runs_once(
    env: dict[str, str], fake: FakeSlack, tmp_path: Path
) -> None:
    runner = CliRunner()
    team = write(
        tmp_path / "team.csv",
        "user_id,name,role,manager_id,language\nU0AM1,钱,am,,zh\nU0AE1,孙,ae,U0AM1,\n",
    )
    r = runner.invoke(main, ["team", "import", str(team)])
    assert r.exit_code == 0 and "members: 2 added, 0 updated" in r.output
    assert runner.invoke(main, ["team", "import", str(team)]).output.startswith(
        "members: 0 added, 0 updated, 2 unchanged, 0 skipped"
    )
    cl = write(
        tmp_path / "c.csv",
        "name,city,in_city,owner_id,contact_person,cadence_days\n可口可乐,上海,true,U0AE1,王,\n",
    )
    r = runner.invoke(main, ["clients", "import", str(cl)])
    assert r.exit_code == 0 and "clients: 1 added" in r.output
    r = runner.invoke(main, ["jobs", "run", "contact-nudge", "--at", "2026-11-23T09:30"])
    assert r.exit_code == 0 and "contact-nudge T0AEBOT: sent 1 DMs" in r.output
    [dm] = fake.calls_to("chat.postMessage")
    assert dm.args["channel"] == "U0AE1" and "可口可乐" in str(dm.args["blocks"])
    r = runner.invoke(main, ["jobs", "run", "contact-nudge", "--at", "2026-11-23T10:00+08:00"])
    assert "already-ran" in r.output and len(fake.calls_to("chat.postMessage")) == 1
    r = runner.invoke(main, ["jobs", "run", "contact-nudge", "--at", "2026-11-22T09:30"])
    assert "day-off" in r.output


def test_import_refuses_bad_rows_and_headers(env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    bad = write(
        tmp_path / "t.csv", "user_id,name,role,manager_id,language\nU1,a,boss,,\nnot-an-id,b,ae,,\n"
    )
    r = runner.invoke(main, ["team", "import", str(bad)])
    assert (
        r.exit_code == 1
        and "role 'boss'" in r.output
        and "'not-an-id' is not a Slack user id" in r.output
    )
    header = write(tmp_path / "h.csv", "id,name\n")
    r = runner.invoke(main, ["team", "import", str(header), "--team", "T1"])
    assert r.exit_code == 1 and "missing: user_id or email,role" in r.output


def test_jobs_list_and_unknown_job(env: dict[str, str]) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["jobs", "list"]).output
    for name in ("contact-nudge", "contact-sweep", "contact-report-due"):
        assert name in out
    r = runner.invoke(main, ["jobs", "run", "nope"])
    assert r.exit_code == 1 and "no job named 'nope'" in r.output
    r = runner.invoke(main, ["jobs", "run", "contact-nudge", "--at", "tuesday"])
    assert r.exit_code == 2 and "not ISO-8601" in r.output


def _aebot(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=env["HOME"],
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"SLACK_BOT_TOKEN": None}, "setting SLACK_BOT_TOKEN is missing"),
        (
            {"SLACK_BOT_TOKEN": "xoxp-user"},
            "setting SLACK_BOT_TOKEN is wrong (must start with xoxb-)",
        ),
        ({"AEBOT_TZ": "Mars/Olympus"}, "setting AEBOT_TZ is wrong"),
        ({"AEBOT_LANG": "fr"}, "setting AEBOT_LANG is wrong"),
        ({"DATABASE_URL": "mysql://x"}, "setting DATABASE_URL is wrong"),
        ({"AEBOT_COUNTRY": "XX"}, "setting AEBOT_COUNTRY is wrong"),
        ({"SLACK_BOT_TOKEN": "xoxb-wrong"}, "SLACK_BOT_TOKEN was refused by Slack (invalid_auth)"),
    ],
)
def test_bad_settings_stop_start_up_with_one_line(
    env: dict[str, str], tmp_path: Path, change: dict, expected: str
) -> None:
    e = {**os.environ, **env, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    for k, v in change.items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    p = _aebot(["run", "--no-scheduler"], e)
    assert p.returncode == 1
    lines = [x for x in p.stderr.splitlines() if x.strip() and " INFO " not in x]
    assert len(lines) == 1 and expected in lines[0] and "Traceback" not in p.stderr
    assert "xoxb-wrong" not in p.stderr and "xoxp-user" not in p.stderr  # secrets never printed


def test_demo_shows_every_role_through_the_week_whole_and_in_a_fixed_order(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["demo"])
    assert r.exit_code == 0, r.output
    out = r.output
    heads = re.findall(r"^((?:Mon|Tue|Wed|Thu|Fri) \d\d \w{3} \d\d:\d\d) — ", out, re.M)
    stamps = [datetime.strptime(f"{h} 2026", "%a %d %b %H:%M %Y") for h in heads]
    assert stamps == sorted(stamps)  # a week, in order: Monday to the next Monday
    assert (stamps[0], stamps[-1]) == (datetime(2026, 11, 23, 9, 30), datetime(2026, 11, 30, 9))
    for role in (
        "孙小明 (AE)",
        "Lily Li (AE)",
        "钱经理 (AM)",
        "赵总监 (AD)",
        "周总 (GM)",
        "吴总监 (project execution director)",
        "陈总监 (creative head)",
        "小吴 (copywriter)",
        "Amy (art director)",
        "#account-team",
        "#weekly-report",
    ):
        assert f"[{role} · " in out, role
    # the AE's day: nudge, /client, quick logs in both languages, a meeting's report clock
    assert "`上海-202611-可口可乐-001`" in out
    assert "已记录：与 *可口可乐*（上海-202611-可口可乐-001）的电话" in out
    assert "Logged: call with *Unilever* (Shanghai-202611-Unilever-005) at Mon 23 Nov 10:00." in out
    assert (
        "“百”可能是：百事可乐 (上海-202611-百事可乐-002)、百威啤酒 (武汉-202611-百威啤酒-003)。"
        in out
    )
    assert "联络报告须在 周三 11月25日 10:00 前发给服务团队并与客户确认" in out
    assert "周五 12月4日 15:00" in out  # /aebot dates 下周五下午3点
    # the AM approving a job request; /out; the PED's 17:00 list approved at once
    assert "钱经理 (AM) clicks 批准: CR-202611-01 is open" in out
    assert "*工作单 `CR-202611-01`*《春季新品KV》· 已批准，待接单" in out
    # the job's life: accepted, assigned, reviewed, sent proofread, signed off, closed, hours
    assert "[陈总监 (creative head) · chat.postMessage]" in out
    assert "<@U0DCD> 已接下你的工作单 `CR-202611-01`《春季新品KV》（创意部）" in out
    assert "已由 <@U0DCD> 安排给 <@U0DCA>、<@U0DCW>。" in out
    assert "<@U0DCD> assigned this job to you." in out
    assert "召集创作小组会议：工作单 `CR-202611-01`" in out
    assert "Recorded 3.5 h on `CR-202611-01`" in out
    assert "<@U0DCD> 改为“内部审稿” — 标题再口语化一点，其余通过" in out
    assert "is proofread and sent to the client." in out
    assert "由客户方 吴小姐 于 周五 11月27日 签发" in out
    assert "已消单 `CR-202611-01`「春季新品KV」。交付说明：终稿已交付" in out
    assert "合计 5 小时" in out
    assert "已登记去向：*耐克*" in out and "<@U0DAE1> 在 *耐克*（拜访提案）" in out
    assert "*周一 11月23日 的加班单还有 1 张等你审批*（17:00 截止）。" in out
    assert "已批准 1 张按时提交的加班单。" in out
    # the report clock, the Home, /weekly, the Friday report, the Monday agenda
    assert "以下联络报告已过 48 小时时限（遇休息日顺延），仍未发出，已告知你的主管：" in out
    assert "已记录：与 *耐克* 的联络报告于 周三 11月25日 10:00 发出。" in out
    assert "[home tab of U0DAE1]" in out and "我的一天 · 周三 11月25日" in out
    # a meeting: announced (5W1H, in each one's language), reconfirmed, reported, an item done
    assert "*会议通知* · 耐克 · 周三 11月25日 14:00–15:30" in out
    assert "*Meeting notice* · 耐克 · Wed 25 Nov 14:00–15:30" in out
    assert "已记录：会议通知已发给客户（周二 11月24日 16:00）。" in out
    assert "*请电话向客户再确认*：耐克 · 周三 11月25日 14:00–15:30 · Q1提案" in out
    assert "已确认：耐克 · 周三 11月25日 14:00–15:30 · Q1提案（周三 11月25日 13:00）" in out
    assert "*会议结束了*：耐克 · 周三 11月25日 14:00–15:30 · Q1提案" in out
    assert "[modal] 联络报告" in out and "【联络报告】耐克 · 周三 11月25日 15:30" in out
    report_dm = out.split("[钱经理 (AM) · chat.postMessage]\n    U0DAM:\n    *联络报告*")[1]
    assert "• 周四前把会议纪要发给客户（<@U0DAE2>，周四 11月26日 前）" in report_dm
    assert "*Contact report* · *耐克* (北京-202611-耐克-004)" in out
    assert "<@U0DAE1> gave you an action item (*耐克*):" in out
    assert "✅ 客户已确认：<@U0DAE1> 记录于 周三 11月25日 15:45。" in out
    thursday = out.split("Thu 26 Nov 09:30")[1].split("Fri 27 Nov")[0]
    assert "*Action items due today or overdue*" in thursday
    assert "✅ <@U0DAE2> 完成了 *耐克* 的待办：周四前把会议纪要发给客户" in thursday
    assert "✅ Done by <@U0DAE2> on Thu 26 Nov 11:00" in thursday
    assert "已记下 *耐克* 本周的情况" in out and "Saved this week's note on *Unilever*" in out
    report = out.split("friday-report:")[1].split("Mon 30 Nov")[0]
    assert "[周总 (GM) · chat.postMessage]" in report and "*周报 · 第48周" in report
    assert "[file: 周报（第48周）]" in report
    agenda = out.split("monday-agenda:")[1]
    assert "周例会议程 · 周一 11月30日" in agenda and "*4. 建议与反思*" in agenda
    assert "Unilever：budget agreed, contract being drafted" in agenda
    # whole lists: the morning nudge names all four of 孙小明's clients, nothing is cut
    nudge = out.split("contact-nudge: each AE")[1].split("Mon 23 Nov 10:00")[0]
    assert all(name in nudge for name in ("可口可乐", "百事可乐", "百威啤酒", "耐克"))
    assert "more lines" not in out and "(edited message)" in out  # nothing cut, no ts
    assert "今天要跟进的事项（1 项）" in out
    # the same every run, whatever order Slack got the messages in
    assert CliRunner().invoke(main, ["demo"]).output == out


def _closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Answers500(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        self.send_response(500)
        self.send_header("Content-Length", "4")
        self.end_headers()
        self.wfile.write(b"oops")

    def log_message(self, *_args: object) -> None:
        pass


def _one_line(p: subprocess.CompletedProcess[str]) -> str:
    """The command's only line of output, failing on anything more (retries, a traceback)."""
    lines = [x for x in (p.stdout + p.stderr).splitlines() if x.strip() and " INFO " not in x]
    assert p.returncode == 1 and len(lines) == 1, p.stdout + p.stderr
    return lines[0]


@pytest.mark.parametrize("command", [["jobs", "run", "contact-nudge"], ["run", "--no-scheduler"]])
def test_jobs_run_and_run_stop_with_one_line_when_slack_cannot_be_used(
    env: dict[str, str], tmp_path: Path, command: list[str]
) -> None:
    base = {**os.environ, **env, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    no_token = {k: v for k, v in base.items() if k != "SLACK_BOT_TOKEN"}
    assert _one_line(_aebot(command, no_token)).startswith(
        "Error: setting SLACK_BOT_TOKEN is missing: set it to the app's Bot User OAuth Token"
    )
    assert _one_line(_aebot(command, {**base, "SLACK_BOT_TOKEN": "xoxb-wrong"})) == (
        "Error: setting SLACK_BOT_TOKEN was refused by Slack (invalid_auth): check the token"
    )
    url = f"http://127.0.0.1:{_closed_port()}/api/"
    assert _one_line(_aebot(command, {**base, "SLACK_API_URL": url})) == (
        f"Error: cannot reach Slack at {url} (connection refused)"
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answers500)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/api/"
        assert _one_line(_aebot(command, {**base, "SLACK_API_URL": url})) == (
            f"Error: Slack at {url} answered HTTP 500; try again later"
        )
    finally:
        server.shutdown()
        server.server_close()
