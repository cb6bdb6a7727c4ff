"""Ack latency of the `/contact` quick path beside a bare Bolt app on the same server.

Run: .venv/bin/python bench/bench_ack.py [--requests 400] [--senders 20] [--rounds 3]

Both apps are served the way aebot serves production HTTP (uvicorn, Starlette,
`App(process_before_response=True)`), each in its own process on loopback. Concurrent
senders post signed slash commands, prepared and signed before the clock starts so that the
sender's own work is small; the two apps take turns, round after round, so that both see the
same machine. aebot's quick path finds the client, stores the contact and answers with the
confirmation in the ack; the bare app only acks. Printed: latency percentiles over all rounds,
the median of the rounds' p50, and the server process's CPU time per request (from
/proc/PID/stat), the least noisy figure of what aebot's own work adds.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from slack_bolt import App  # noqa: E402
from slack_sdk import WebClient  # noqa: E402

from bot.app import Bot, create_app  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.dates import warm_up  # noqa: E402
from bot.server import BackgroundServer, settle  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from sandbox.driver import TEAM, sign  # noqa: E402
from sandbox.fake_slack import FakeSlack  # noqa: E402
from storage.imports import import_clients, import_team  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

SECRET = "bench-secret"
SH = ZoneInfo("Asia/Shanghai")
TICKS = os.sysconf("SC_CLK_TCK")


def bare_app(token: str, api_url: str) -> App:
    """The floor: Bolt as MEASURED.md's fastest row, acking /contact and nothing else."""
    app = App(
        client=WebClient(token=token, base_url=api_url),
        signing_secret=SECRET,
        process_before_response=True,
        token_verification_enabled=False,
    )

    @app.command("/contact")
    def ack_only(ack) -> None:  # noqa: ANN001
        ack()

    return app


def serve_child(kind: str, db_url: str, fake_url: str, token: str) -> None:
    """In a child process: serve one app on a loopback port, print the port, run until killed."""
    settings = load_settings(
        slack_bot_token=token,
        slack_signing_secret=SECRET,
        slack_api_url=fake_url,
        database_url=db_url,
        _env_file=None,
    )
    bot = Bot.build(settings, Clock())
    if kind == "bare":
        app = bare_app(token, fake_url)
    else:
        warm_up()
        app = create_app(bot)
    server = BackgroundServer(app, bot.db).start()
    settle()  # as `aebot run` does, for both apps
    print(server.port, flush=True)
    threading.Event().wait()


def seed(url: str, users: list[str]) -> None:
    settings = load_settings(
        slack_bot_token="xoxb-x", slack_signing_secret=SECRET, database_url=url, _env_file=None
    )
    bot = Bot.build(settings, Clock())
    when = datetime.now(SH)
    members = [
        {"user_id": u, "name": u, "role": "ae", "manager_id": "", "language": ""} for u in users
    ]
    clients = [
        {
            "name": f"Client{i}",
            "city": "上海",
            "in_city": "true",
            "owner_id": users[i % len(users)],
            "contact_person": "",
            "cadence_days": "",
        }
        for i in range(50)
    ]
    with bot.db.write() as s:
        import_team(s, TEAM, members, when)
        import_clients(s, TEAM, clients, when)
    bot.close()


def signed_requests(users: list[str], per_sender: int, tag: str) -> list[list[tuple[bytes, dict]]]:
    """Every sender's requests, built and signed ahead (a signature is good for 5 minutes)."""
    out = []
    for n, user in enumerate(users):
        mine = []
        for i in range(per_sender):
            body = urlencode(
                {
                    "team_id": TEAM,
                    "user_id": user,
                    "command": "/contact",
                    "text": f"Client{n % 50} call {tag}{n}-{i} 🎯 agreed the plan",
                    "channel_id": "C1",
                    "trigger_id": f"{n}.{i}",
                    "response_url": "http://127.0.0.1:9/none",
                }
            )
            headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(SECRET, body)}
            mine.append((body.encode(), headers))
        out.append(mine)
    return out


def hammer(port: int, work: list[list[tuple[bytes, dict]]]) -> tuple[list[float], int, float]:
    """Each sender posts its requests one after another on a kept-alive connection; returns
    the latencies, the failures and the wall time."""
    latencies: list[float] = []
    dropped = 0
    lock = threading.Lock()

    def sender(requests: list[tuple[bytes, dict]]) -> None:
        nonlocal dropped
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, failed = [], 0
        for body, headers in requests:
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/slack/events", body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            if ok:
                mine.append(time.perf_counter() - t0)
            else:
                failed += 1
        conn.close()
        with lock:
            latencies.extend(mine)
            dropped += failed

    threads = [threading.Thread(target=sender, args=(w,)) for w in work]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, dropped, time.perf_counter() - t0


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its threads so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] * 1000


@dataclass
class Figures:
    label: str
    latencies: list[float] = field(default_factory=list)
    round_p50: list[float] = field(default_factory=list)
    dropped: int = 0
    requests: int = 0
    cpu: float = 0.0
    wall: float = 0.0


@dataclass
class RemoteFake:
    """The fake Slack served by a process of its own: the senders' process does nothing but
    send and time (the apps' after-ack calls to Slack must not steal its CPU)."""

    url: str
    token: str


def serve_fake() -> None:
    with FakeSlack(team_id=TEAM) as fake:
        print(fake.url, fake.token, flush=True)
        threading.Event().wait()


@contextlib.contextmanager
def fake_slack() -> Iterator[RemoteFake]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--serve", "fake"], stdout=subprocess.PIPE, text=True
    )
    try:
        url, token = proc.stdout.readline().split()  # type: ignore[union-attr]
        yield RemoteFake(url, token)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def start(kind: str, url: str, fake: RemoteFake) -> tuple[subprocess.Popen, int]:
    args = [sys.executable, __file__, "--serve", kind, "--db", url, "--fake", fake.url]
    child = subprocess.Popen([*args, "--token", fake.token], stdout=subprocess.PIPE, text=True)
    return child, int(child.stdout.readline())  # type: ignore[union-attr]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400, help="per app and round")
    ap.add_argument("--senders", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--serve", choices=["bare", "aebot", "fake"], help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--fake", help=argparse.SUPPRESS)
    ap.add_argument("--token", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve == "fake":
        serve_fake()
        return
    if args.serve:
        serve_child(args.serve, args.db, args.fake, args.token)
        return
    per = args.requests // args.senders
    with tempfile.TemporaryDirectory() as tmp, fake_slack() as fake:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        users = [f"U0B{n:04d}" for n in range(args.senders)]
        seed(url, users)
        apps = {
            "bare": Figures("bare Bolt app (ack only)"),
            "aebot": Figures("aebot /contact quick path"),
        }
        children = {kind: start(kind, url, fake) for kind in apps}
        try:
            for kind, (_, port) in children.items():  # warm up: connections, caches, JIT-free paths
                hammer(port, signed_requests(users, 5, f"warm-{kind}-"))
            for r in range(args.rounds):
                for kind, figures in apps.items():
                    child, port = children[kind]
                    work = signed_requests(users, per, f"r{r}-")
                    cpu0 = cpu_seconds(child.pid)
                    lat, dropped, wall = hammer(port, work)
                    figures.cpu += cpu_seconds(child.pid) - cpu0
                    figures.latencies += lat
                    figures.round_p50.append(pct(lat, 50))
                    figures.dropped += dropped
                    figures.requests += per * args.senders
                    figures.wall += wall
        finally:
            for child, _ in children.values():
                child.terminate()
                child.wait(timeout=10)
        with sa.create_engine(url).connect() as conn:
            stored = conn.exec_driver_sql("SELECT count(*) FROM contactlog").scalar()
    report(args, apps, stored, per * args.senders * args.rounds + 5 * args.senders)


def report(args: argparse.Namespace, apps: dict[str, Figures], stored: int, expected: int) -> None:
    print(
        f"{args.rounds} rounds of {args.requests} signed /contact requests per app from "
        f"{args.senders} concurrent senders (another process), loopback; each app in its own "
        "process on uvicorn + Starlette, process_before_response=True"
    )
    head = f"{'app':<28}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}{'rounds p50':>20}{'CPU ms/req':>12}{'req/s':>7}{'dropped':>9}"
    print(head)
    for f in apps.values():
        rounds = "/".join(f"{x:.0f}" for x in f.round_p50)
        cpu = f.cpu * 1000 / f.requests
        rps = f.requests / f.wall
        print(
            f"{f.label:<28}{pct(f.latencies, 50):>8.1f}{pct(f.latencies, 99):>8.1f}"
            f"{max(f.latencies) * 1000:>8.1f}{rounds:>20}{cpu:>12.2f}{rps:>7.0f}{f.dropped:>9}"
        )
    bare, aebot = apps["bare"], apps["aebot"]
    print(
        f"ratio aebot/bare: p50 {pct(aebot.latencies, 50) / pct(bare.latencies, 50):.2f}x, "
        f"p99 {pct(aebot.latencies, 99) / pct(bare.latencies, 99):.2f}x, "
        f"median of rounds' p50 {statistics.median(aebot.round_p50) / statistics.median(bare.round_p50):.2f}x, "
        f"CPU per request {_ratio(aebot.cpu / aebot.requests, bare.cpu / bare.requests)}"
    )
    print(f"contacts stored by aebot: {stored} (expected {expected})")
    print("Slack's limit for an ack is 3,000 ms.")


def _ratio(a: float, b: float) -> str:
    """a/b, or "n/a" when b is too small to measure (the kernel counts CPU in ticks: a tiny
    run of the bare app can show none)."""
    return f"{a / b:.2f}x" if b > 0 else "n/a (too little CPU to measure)"


if __name__ == "__main__":
    main()
