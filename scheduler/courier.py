"""The courier: delivers what the outbox holds, exactly once in effect.

It claims a batch of rows with a short lease, sends them a few at a time, and writes back what
happened, in a constant number of statements per batch. Slack's trouble is retried with backoff
(5xx, timeouts, dropped connections); a rate limit holds every sender of the process for the
`Retry-After` Slack gave (the limit is the workspace's, not the thread's); an answer that got
lost is looked up in the conversation (the key rides in the message's metadata) before
anything is sent again; a permanent refusal fails the row and an admin is told once. A
reminder that can no longer be useful is dropped and logged, not sent late.

A process killed mid-send leaves rows `sending` with a lease that runs out within a minute; the
next drain (another process's, the next start's, a rerun's) takes them over, looking before
sending. The courier's waits within the process (backoff, a rate limit, renewing leases) run
on the monotonic clock; the times it stores (a lease, the next try) come from the machine's wall
clock, and a step of that clock (NTP, a restored VM) holds no row longer than the wait meant
(storage/outbox_leases.py `claim`). Whether a reminder is still useful follows the product's
clock.

The shared rate limit is scheduler/rate_limit.py; a pass's lanes, each row's progress and the
tally are scheduler/outbox_pass.py; the admins' notice is scheduler/failure_notices.py.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from slack_sdk import WebClient

from bot.clock import Clock
from bot.settings import Settings
from bot.slack import delivery
from scheduler.failure_notices import tell_admins
from scheduler.outbox_pass import Progress, Tally, side_by_side
from scheduler.rate_limit import Gate
from storage import outbox
from storage import outbox_leases as leases
from storage.db import Database
from storage.models import OutboxMessage
from storage.outbox import wall

log = logging.getLogger("aebot.courier")
LEASE = timedelta(seconds=float(os.environ.get("AEBOT_OUTBOX_LEASE_SECONDS", "45")))
GONE = frozenset(
    {"account_inactive", "user_not_found", "user_disabled"}
)  # Slack's word for someone who left
RETRY_LATER = timedelta(seconds=60)  # a row still failing after a pass waits this long


@dataclass
class Courier:
    db: Database
    web: WebClient  # delivery.courier_client: no retries of its own
    clock: Clock
    settings: Settings
    concurrency: int = 8
    batch: int = 64
    backoff: float = 0.5  # seconds before the first retry; doubles each time, up to 8 s
    tries: int = 6  # attempts within one pass before a row waits for a later one
    owner: str = field(default_factory=lambda: f"{os.getpid()}-{uuid.uuid4().hex[:8]}")
    gate: Gate = field(default_factory=Gate)
    _stop: threading.Event = field(default_factory=threading.Event)
    _wake: threading.Event = field(default_factory=threading.Event)
    _pool: ThreadPoolExecutor | None = None
    # Told of the people Slack says are gone (account_inactive, user_not_found), as (team,
    # user, the purpose of the message that found out) triples; whoever cares acts (the form
    # engine moves on the requests they were to decide: handlers/approvals.py).
    on_gone: Callable[[list[tuple[str, str, str]]], None] | None = None
    _loop: threading.Thread | None = None
    # how far the machine's clock (`wall`, which stamps a row's first try) is ahead of Slack's,
    # from the Date of every answer: a lookup after a lost answer reads from there
    slack_clock: delivery.SlackClock = field(
        default_factory=lambda: delivery.SlackClock(lambda: wall().timestamp())
    )

    def __post_init__(self) -> None:
        self.web.retry_handlers.append(self.slack_clock)  # it never asks for a retry

    # ------------------------------------------------------------------ draining
    def drain(
        self,
        *,
        team_id: str | None = None,
        task: str | None = None,
        period: str | None = None,
        now_or_later: bool = False,
    ) -> Tally:
        """Deliver every row that may be tried now (of one run, when given; `now_or_later`
        also those waiting for a later try), each once, batch after batch; then tell admins of
        what was given up, and deliver that too."""
        tally = self._drain(team_id=team_id, task=task, period=period, now_or_later=now_or_later)
        if tell_admins(self.db, self.settings, self.clock):
            self._drain(purpose="failure-notice")
        return tally

    def _drain(self, **which: object) -> Tally:
        tally, after = Tally(), 0
        while not self._stop.is_set():
            with self.db.write() as s:
                at = wall()
                rows = leases.claim(
                    s,
                    at,
                    at + LEASE,
                    self.owner,
                    self.batch,
                    after_id=after,
                    now=self.clock.now(),
                    longest_wait=RETRY_LATER,
                    **which,  # type: ignore[arg-type]
                )
                threads = leases.parents(s, rows)
            if not rows:
                break
            after = max(r.id or 0 for r in rows)

            with self._lease_kept([r.id for r in rows if r.id is not None]):
                lanes = self._executor().map(self._deliver_lane, side_by_side(rows, threads))
                results = [result for lane in lanes for result in lane]
            with self.db.write() as s:
                leases.finish(s, results, self.owner, self.clock.now())
            for r in results:
                tally.add(r.status)
            self._tell_gone(rows, results)
        return tally

    def _deliver_lane(
        self, lane: list[tuple[OutboxMessage, tuple[str, str] | None]]
    ) -> list[leases.Result]:
        return [self._deliver(row, thread) for row, thread in lane]

    def _tell_gone(self, rows: list[OutboxMessage], results: list[leases.Result]) -> None:
        if self.on_gone is None:
            return
        by_id = {r.id: r for r in rows}
        gone = [
            (by_id[x.id].team_id, by_id[x.id].recipient, by_id[x.id].purpose)
            for x in results
            if x.status == outbox.FAILED and x.error in GONE
        ]
        if gone:
            try:
                self.on_gone(gone)
            except Exception:  # told again by the next message that finds them gone
                log.exception("moving requests of people who are gone failed")

    @contextlib.contextmanager
    def _lease_kept(self, ids: list[int]) -> Iterator[None]:
        """Renew the lease on a batch while it is being sent (a third of the lease at a time):
        a live sender keeps its rows however long Slack makes it wait, a dead one loses them
        within one lease."""
        done = threading.Event()

        def renew() -> None:
            while not done.wait(LEASE.total_seconds() / 3):
                try:
                    with self.db.write() as s:
                        leases.renew(s, ids, self.owner, wall() + LEASE)
                except Exception:
                    log.exception("could not renew the outbox lease")

        keeper = threading.Thread(target=renew, name="aebot-courier-lease", daemon=True)
        keeper.start()
        try:
            yield
        finally:
            done.set()
            keeper.join()

    def _executor(self) -> Executor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="aebot-courier")
        return self._pool

    # ------------------------------------------------------------------- one row
    def _deliver(self, row: OutboxMessage, thread: tuple[str, str] | None = None) -> leases.Result:
        """One row: a DM, a channel post, a reply in the thread `thread` (its conversation
        and parent ts), or a file."""
        assert row.id is not None
        first = row.first_attempt_at or wall()
        result = Progress(row.id, row.attempts, row.unknown, row.conversation, first, thread)
        if row.useful_until is not None and self.clock.now() > row.useful_until:
            return self._expired(row, result, row.useful_until)
        return self._send_with_retries(row, result)

    def _expired(
        self, row: OutboxMessage, result: Progress, useful_until: datetime
    ) -> leases.Result:
        """A row no longer useful: dropped and logged, unless it went out after all."""
        if row.unknown:  # it may have gone out before its sender died: if so, it counts
            where, first = row.conversation or row.recipient, result.first.timestamp()
            found = delivery.find(self.web, where, row.key, first, self.slack_clock)
            if found.outcome == "delivered":
                return result.done("delivered", ts=found.ts, conversation=found.channel)
        log.warning(
            "dropped %s for %s: no longer useful after %s",
            row.key,
            row.recipient,
            useful_until.isoformat(),
        )
        return result.done("expired", error="no longer useful")

    def _send_with_retries(self, row: OutboxMessage, result: Progress) -> leases.Result:
        """Attempts at a row until it is delivered or refused; Slack's trouble is retried with
        backoff and a rate limit waited out, up to `tries`, then it waits for a later pass."""
        tries, throttles = 0, 0
        while tries < self.tries and throttles < 50:
            self.gate.wait(self._stop)
            if self._stop.is_set():
                break
            attempt = self._attempt(row, result)
            if attempt.outcome != "throttled":
                self.gate.passed()
            if attempt.outcome == "delivered":
                return result.done("delivered", ts=attempt.ts, conversation=attempt.channel)
            if attempt.outcome == "failed":
                log.error("giving up %s for %s: %s", row.key, row.recipient, attempt.error)
                return result.done("failed", error=attempt.error)
            if attempt.outcome == "throttled":
                throttles += 1
                self.gate.hold(attempt.retry_after)
                log.warning("Slack asks to slow down: holding sends %.0f s", attempt.retry_after)
                continue
            tries += 1
            result.unknown = result.unknown or attempt.outcome == "unknown"
            result.error = attempt.error
            log.warning("%s for %s: %s (try %d)", row.key, row.recipient, attempt.error, tries)
            if self._stop.wait(min(self.backoff * 2 ** (tries - 1), 8.0)):
                break
        return result.later(wall() + RETRY_LATER)

    def _attempt(self, row: OutboxMessage, progress: Progress) -> delivery.Attempt:
        channel, thread_ts = progress.thread or (row.recipient, None)
        if row.thread_of and progress.thread is None:
            return delivery.Attempt("retry", error="its thread's first message is not out yet")
        if row.file_name and progress.unknown:
            return delivery.Attempt("failed", error="upload outcome unknown")
        if progress.unknown:  # it may be there already: look before posting again
            where, first = row.conversation or channel, progress.first.timestamp()
            found = delivery.find(self.web, where, row.key, first, self.slack_clock, thread_ts)
            if found.channel:
                progress.conversation = found.channel
            if found.outcome != "retry":
                return found
            progress.unknown = False
        progress.attempts += 1
        if row.file_name:
            return self._upload(row, channel, thread_ts)
        blocks = json.loads(row.blocks or "[]")
        attempt = delivery.post(self.web, channel, row.text, blocks, row.key, thread_ts)
        if attempt.outcome == "unknown":
            progress.unknown = True
        return attempt

    def _upload(self, row: OutboxMessage, channel: str, thread_ts: str | None) -> delivery.Attempt:
        if channel[:1] in ("U", "W"):  # a DM: files go to the conversation's id
            try:
                channel = self.web.conversations_open(users=channel)["channel"]["id"]
            except Exception as exc:  # noqa: BLE001 - told as the attempt's error
                return delivery.Attempt("retry", error=f"conversations.open: {type(exc).__name__}")
        content = base64.b64decode(row.file_b64 or "")
        return delivery.upload(
            self.web, channel, row.file_name or "file", content, row.text, thread_ts
        )

    # -------------------------------------------------------------- background
    def start(self, every: float = 30.0) -> None:
        """Drain now and then every `every` seconds, and whenever woken."""
        if self._loop is not None:
            return
        self._loop = threading.Thread(
            target=self._run, args=(every,), name="aebot-courier-loop", daemon=True
        )
        self._loop.start()

    def _run(self, every: float) -> None:
        while not self._stop.is_set():
            try:
                self.drain()
            except Exception:  # the database may be down: the next round tries again
                log.exception("the outbox drain failed")
            self._wake.wait(every)
            self._wake.clear()

    def wake(self, run: Callable[[Callable[[], object]], object] | None = None) -> None:
        """Something was queued: drain soon (the loop's next round, or on `run` if given)."""
        if self._loop is not None:
            self._wake.set()
        elif run is not None:
            run(self._drain_quietly)

    def _drain_quietly(self) -> None:
        try:
            self.drain()
        except Exception:
            log.exception("the outbox drain failed")

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._loop is not None:
            self._loop.join(timeout=15)
        if self._pool is not None:
            self._pool.shutdown(wait=True)
