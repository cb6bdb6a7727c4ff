"""Ack latency of the `/contact` quick path beside a bare Bolt app on the same server.

Run: .venv/bin/python bench/bench_ack.py [--requests 400] [--senders 20]

Both apps are served the same way aebot serves production HTTP (uvicorn, Starlette,
`App(process_before_response=True)`), on loopback; 20 concurrent senders post signed
slash commands. aebot's quick path parses, looks the client up, stores the contact
and answers with the confirmation in the ack; the bare app only acks. The ratio of
the two is the figure: what aebot's own work adds to each ack.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_bolt import App  # noqa: E402

from bot.app import Bot, create_app  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.server import BackgroundServer  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from sandbox.driver import TEAM, sign  # noqa: E402
from sandbox.fake_slack import FakeSlack  # noqa: E402
from storage.imports import import_clients, import_team  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

SECRET = "bench-secret"
SH = ZoneInfo("Asia/Shanghai")


def bare_app(token: str, api_url: str) -> App:
    """The floor: Bolt as MEASURED.md's fastest row, acking /contact and nothing else."""
    from slack_sdk import WebClient

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


def hammer(url: str, total: int, senders: int, user_of: callable) -> tuple[list[float], int]:  # type: ignore[valid-type]
    latencies: list[float] = []
    dropped = 0
    lock = threading.Lock()
    per = total // senders

    def sender(n: int) -> None:
        nonlocal dropped
        with httpx.Client(timeout=10) as http:
            for i in range(per):
                body = urlencode(
                    {
                        "team_id": TEAM,
                        "user_id": user_of(n),
                        "command": "/contact",
                        "text": f"Client{n % 50} call {n}-{i} 🎯 agreed the plan",
                        "channel_id": "C1",
                        "trigger_id": f"{n}.{i}",
                        "response_url": "http://127.0.0.1:9/none",
                    }
                )
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    **sign(SECRET, body),
                }
                t0 = time.perf_counter()
                try:
                    r = http.post(url, content=body, headers=headers)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                dt = time.perf_counter() - t0
                with lock:
                    if ok:
                        latencies.append(dt)
                    else:
                        dropped += 1

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(senders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, dropped


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] * 1000


def serve_child(kind: str, db_url: str, fake_url: str, token: str) -> None:
    """In a child process: serve one app on a loopback port, print the port, run until killed."""
    settings = load_settings(
        slack_bot_token=token,
        slack_signing_secret=SECRET,
        slack_api_url=fake_url,
        database_url=db_url,
        _env_file=None,
    )
    sv = Bot.build(settings, Clock())
    if kind == "bare":
        app = bare_app(str(settings.slack_bot_token), fake_url)
    else:
        from bot.dates import warm_up

        warm_up()
        app = create_app(sv)
    server = BackgroundServer(app, sv.db).start()
    print(server.port, flush=True)
    threading.Event().wait()


def seed(url: str, users: list[str]) -> None:
    settings = load_settings(
        slack_bot_token="xoxb-x", slack_signing_secret=SECRET, database_url=url, _env_file=None
    )
    sv = Bot.build(settings, Clock())
    when = datetime.now(SH)
    with sv.db.write() as s:
        import_team(
            s,
            TEAM,
            [
                {"user_id": u, "name": u, "role": "ae", "manager_id": "", "language": ""}
                for u in users
            ],
            when,
        )
        import_clients(
            s,
            TEAM,
            [
                {
                    "name": f"Client{i}",
                    "city": "上海",
                    "in_city": "true",
                    "owner_id": users[i % len(users)],
                    "contact_person": "",
                    "cadence_days": "",
                }
                for i in range(50)
            ],
            when,
        )
    sv.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--senders", type=int, default=20)
    ap.add_argument("--serve", choices=["bare", "aebot"], help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--fake", help=argparse.SUPPRESS)
    ap.add_argument("--token", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve_child(args.serve, args.db, args.fake, args.token)
        return
    import subprocess

    with tempfile.TemporaryDirectory() as tmp, FakeSlack(team_id=TEAM) as fake:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        users = [f"U0B{n:04d}" for n in range(args.senders)]
        seed(url, users)
        rows = []
        for label, kind in (
            ("bare Bolt app (ack only)", "bare"),
            ("aebot /contact quick path", "aebot"),
        ):
            child = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--serve",
                    kind,
                    "--db",
                    url,
                    "--fake",
                    fake.url,
                    "--token",
                    fake.token,
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            try:
                port = int(child.stdout.readline())  # type: ignore[union-attr]
                target = f"http://127.0.0.1:{port}/slack/events"
                hammer(target, args.senders * 5, args.senders, lambda n: users[n])  # warm-up
                t0 = time.perf_counter()
                lat, dropped = hammer(target, args.requests, args.senders, lambda n: users[n])
                wall = time.perf_counter() - t0
            finally:
                child.terminate()
                child.wait(timeout=10)
            rows.append(
                (label, pct(lat, 50), pct(lat, 99), max(lat) * 1000, dropped, len(lat) / wall)
            )
        import sqlalchemy as sa

        with sa.create_engine(url).connect() as conn:
            stored = conn.exec_driver_sql("SELECT count(*) FROM contactlog").scalar()
    print(
        f"{args.requests} signed /contact requests from {args.senders} concurrent senders (another process), "
        "loopback; each app in its own process on uvicorn + Starlette, process_before_response=True"
    )
    print(f"{'app':<28}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'dropped':>9}{'req/s':>9}")
    for label, p50, p99, mx, dropped, rps in rows:
        print(f"{label:<28}{p50:>9.1f}{p99:>9.1f}{mx:>9.1f}{dropped:>9}{rps:>9.0f}")
    print(
        f"ratio aebot/bare: p50 {rows[1][1] / rows[0][1]:.2f}x, p99 {rows[1][2] / rows[0][2]:.2f}x"
    )
    print(f"contacts stored by aebot: {stored} (expected {args.requests + args.senders * 5})")
    print("Slack's limit for an ack is 3,000 ms.")


if __name__ == "__main__":
    main()
