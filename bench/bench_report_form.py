"""Ack latency of submitting a contact report (10 recipients, 10 action items) beside a bare
Bolt app on the same server.

Run: .venv/bin/python bench/bench_report_form.py [--requests 60] [--senders 2] [--pace 0.5] [--rounds 3]

Served as bench/bench_ack.py serves both apps (uvicorn, Starlette,
`App(process_before_response=True)`, each in its own process on loopback, the fake Slack in a
third). Each sender submits the report form of contacts of its own, signed ahead: 10 people
in "sent to", 10 action-item lines naming an owner and a due day, 5 conclusions. aebot's ack
checks the form and reads the action items (their owners and dates) and closes the form; the
report is stored and sent after the ack. The bare app only acks. Printed: p50 and p99 of each,
and aebot's beside the bare floor × 1.5 (shared/MEASURED.md); then the reports stored once the
after-ack work is done.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_ack as ack  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from slack_bolt import App  # noqa: E402
from slack_sdk import WebClient  # noqa: E402

from bot.app import Bot, create_app  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.dates import warm_up  # noqa: E402
from bot.server import BackgroundServer, settle  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from sandbox.driver import TEAM, sign  # noqa: E402
from storage.imports import import_clients, import_team  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import ContactLog  # noqa: E402

SECRET = ack.SECRET
FORM = "contact_report_form"
RECIPIENTS = 10
ITEMS = 10
FLOOR_FACTOR = 1.5


def bare_app(token: str, api_url: str) -> App:
    """The floor: Bolt as MEASURED.md's fastest row, acking the report form and nothing else."""
    app = App(
        client=WebClient(token=token, base_url=api_url),
        signing_secret=SECRET,
        process_before_response=True,
        token_verification_enabled=False,
    )

    @app.view(FORM)
    def ack_only(ack) -> None:  # noqa: ANN001
        ack()

    return app


def serve_child(kind: str, db_url: str, fake_url: str, token: str) -> None:
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
    settle()
    print(server.port, flush=True)
    threading.Event().wait()


def start(kind: str, url: str, fake: ack.RemoteFake) -> tuple[subprocess.Popen, int]:
    args = [sys.executable, __file__, "--serve", kind, "--db", url, "--fake", fake.url]
    child = subprocess.Popen([*args, "--token", fake.token], stdout=subprocess.PIPE, text=True)
    return child, int(child.stdout.readline())  # type: ignore[union-attr]


def seed(url: str, senders: list[str], others: list[str], contacts: int) -> dict[str, list[int]]:
    """The team, a client per sender, and `contacts` important calls of each sender, each
    owing a report; returns each sender's contact ids."""
    settings = load_settings(
        slack_bot_token="xoxb-x", slack_signing_secret=SECRET, database_url=url, _env_file=None
    )
    bot = Bot.build(settings, Clock())
    when = datetime.now(ack.SH)
    people = [
        {"user_id": u, "name": f"Person {u}", "role": "ae", "manager_id": "", "language": ""}
        for u in senders + others
    ]
    clients = [
        {
            "name": f"Client{i}",
            "city": "上海",
            "in_city": "true",
            "owner_id": u,
            "contact_person": "",
            "cadence_days": "",
        }
        for i, u in enumerate(senders)
    ]
    mine: dict[str, list[int]] = {}
    with bot.db.write() as s:
        import_team(s, TEAM, people, when)
        import_clients(s, TEAM, clients, when)
        ids = dict(s.exec(sa.text("SELECT owner_id, id FROM client")).all())  # type: ignore[call-overload]
        for u in senders:
            logs = [
                ContactLog(
                    team_id=TEAM,
                    client_id=ids[u],
                    author_id=u,
                    kind="call",
                    at=when - timedelta(hours=1),
                    summary="价格谈判",
                    important=True,
                    report_due=True,
                )
                for _ in range(contacts)
            ]
            s.add_all(logs)
            s.flush()
            mine[u] = [c.id or 0 for c in logs]
    bot.close()
    return mine


def state(others: list[str], author: str) -> dict:
    """The form as submitted: 10 recipients, 10 action items with owners and dates."""
    items = "\n".join(
        f"<@{others[i % len(others)]}> 下周五前提供报价第 {i + 1} 版" for i in range(ITEMS)
    )
    conclusions = "\n".join(f"结论 {i + 1}：价格下调 {i}% 🎯" for i in range(5))

    def text(value: str) -> dict:
        return {"value": {"type": "plain_text_input", "value": value}}

    def users(ids: list[str]) -> dict:
        return {"value": {"type": "multi_users_select", "selected_users": ids}}

    return {
        "ours": users([author, others[0]]),
        "theirs": text("Ms Wu、采购部张总"),
        "conclusions": text(conclusions),
        "items": text(items),
        "sent_to": users(others[:RECIPIENTS]),
    }


def signed_requests(
    mine: dict[str, list[int]], others: list[str], take: slice
) -> list[list[tuple[bytes, dict]]]:
    out = []
    for n, (user, contacts) in enumerate(sorted(mine.items())):
        work = []
        for i, cid in enumerate(contacts[take]):
            view = {
                "id": f"V{n}-{i}",
                "type": "modal",
                "callback_id": FORM,
                "private_metadata": json.dumps({"contact_id": cid}),
                "blocks": [],
                "state": {"values": state(others, user)},
            }
            payload = {
                "type": "view_submission",
                "team": {"id": TEAM, "domain": "aebot"},
                "user": {"id": user, "team_id": TEAM, "name": user.lower()},
                "api_app_id": "A0AEBOT",
                "trigger_id": f"{n}.{i}",
                "view": view,
            }
            body = urlencode({"payload": json.dumps(payload)})
            headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(SECRET, body)}
            work.append((body.encode(), headers))
        out.append(work)
    return out


def hammer(
    port: int, work: list[list[tuple[bytes, dict]]], pace: float
) -> tuple[list[float], int, float]:
    """Each sender posts its submissions one after another on a kept-alive connection,
    `pace` seconds apart (people write reports minutes apart, not back to back: without a pause
    the after-ack work of sending each report, 21 messages, outgrows the machine). The senders
    start `pace / senders` apart, as people do not all press Submit in the same millisecond:
    started together, with the same pause, they stayed in step, and every other submission
    waited for another's ack before its own began."""
    latencies: list[float] = []
    dropped = 0
    lock = threading.Lock()

    def sender(requests: list[tuple[bytes, dict]], start: float) -> None:
        nonlocal dropped
        time.sleep(start)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
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
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - t0)
                else:
                    dropped += 1
            time.sleep(pace)
        conn.close()

    apart = pace / max(1, len(work))
    threads = [threading.Thread(target=sender, args=(w, k * apart)) for k, w in enumerate(work)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, dropped, time.perf_counter() - t0


def stored_reports(url: str, expected: int, wait: float = 60.0) -> int:
    """The reports stored, once the after-ack work has stored them all (or `wait` passed)."""
    deadline = time.monotonic() + wait
    engine = sa.create_engine(url)
    try:
        while True:
            with engine.connect() as conn:
                n = int(conn.exec_driver_sql("SELECT count(*) FROM contactreport").scalar() or 0)
            if n >= expected or time.monotonic() > deadline:
                return n
            time.sleep(0.2)
    finally:
        engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=60, help="per app and round")
    ap.add_argument("--senders", type=int, default=2)
    ap.add_argument("--pace", type=float, default=0.5, help="seconds between a sender's posts")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--serve", choices=["bare", "aebot"], help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--fake", help=argparse.SUPPRESS)
    ap.add_argument("--token", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve_child(args.serve, args.db, args.fake, args.token)
        return
    per = args.requests // args.senders
    warm = 2
    with tempfile.TemporaryDirectory() as tmp, ack.fake_slack() as fake:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        senders = [f"U0S{n:04d}" for n in range(args.senders)]
        others = [f"U0R{n:04d}" for n in range(RECIPIENTS)]
        mine = seed(url, senders, others, warm + per * args.rounds)
        apps = {
            "bare": ack.Figures("bare Bolt app (ack only)"),
            "aebot": ack.Figures("aebot report form"),
        }
        children = {kind: start(kind, url, fake) for kind in apps}
        try:
            for _, port in children.values():
                hammer(port, signed_requests(mine, others, slice(0, warm)), args.pace)
            for r in range(args.rounds):
                take = slice(warm + r * per, warm + (r + 1) * per)
                for kind, figures in apps.items():
                    child, port = children[kind]
                    cpu0 = ack.cpu_seconds(child.pid)
                    work = signed_requests(mine, others, take)
                    lat, dropped, wall = hammer(port, work, args.pace)
                    figures.cpu += ack.cpu_seconds(child.pid) - cpu0
                    figures.latencies += lat
                    figures.round_p50.append(ack.pct(lat, 50))
                    figures.dropped += dropped
                    figures.requests += per * args.senders
                    figures.wall += wall
            expected = (warm + per * args.rounds) * args.senders
            stored = stored_reports(url, expected)
        finally:
            for child, _ in children.values():
                child.terminate()
                child.wait(timeout=10)
    report(args, apps, stored, expected)


def report(
    args: argparse.Namespace, apps: dict[str, ack.Figures], stored: int, expected: int
) -> None:
    print(
        f"{args.rounds} rounds of {args.requests} signed report-form submissions per app from "
        f"{args.senders} concurrent senders started {args.pace / args.senders:g} s apart, each "
        f"{args.pace:g} s between posts ({RECIPIENTS} recipients, {ITEMS} action items each)"
    )
    print(
        f"{'app':<28}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}{'rounds p50':>20}"
        f"{'CPU ms/req':>12}{'dropped':>9}"
    )
    for f in apps.values():
        rounds = "/".join(f"{x:.0f}" for x in f.round_p50)
        cpu = f.cpu * 1000 / max(1, f.requests)  # aebot's includes storing and sending after
        print(
            f"{f.label:<28}{ack.pct(f.latencies, 50):>8.1f}{ack.pct(f.latencies, 99):>8.1f}"
            f"{max(f.latencies) * 1000:>8.1f}{rounds:>20}{cpu:>12.1f}{f.dropped:>9}"
        )
    bare, aebot = apps["bare"], apps["aebot"]
    for p in (50, 99):
        floor = ack.pct(bare.latencies, p) * FLOOR_FACTOR
        mine = ack.pct(aebot.latencies, p)
        verdict = "within" if mine <= floor else "OVER"
        print(
            f"p{p}: aebot {mine:.1f} ms vs bare floor × {FLOOR_FACTOR} = {floor:.1f} ms ({verdict})"
        )
    median = statistics.median(aebot.round_p50) / statistics.median(bare.round_p50)
    print(f"median of rounds' p50, aebot/bare: {median:.2f}x")
    print(f"reports stored after the acks: {stored} (expected {expected})")
    print("Slack's limit for an ack is 3,000 ms.")


if __name__ == "__main__":
    main()
