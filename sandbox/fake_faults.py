"""What the fake Slack does wrong on purpose: injected faults and a workspace rate limit.

A sender that is to deliver exactly once has to be tried against what real Slack and the
network do now and then: answer 500, answer 429 with ``Retry-After``, take a message and lose
the answer, hang, refuse connections, and limit the whole workspace's rate. `FakeSlack` keeps
these here and asks them on every Web API call.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from sandbox.fake_methods import conversation

FAULTS = ("http500", "ratelimited", "lost_answer", "hang")


@dataclass
class Fault:
    """An injected fault waiting for the next ``times`` matching calls of one method."""

    kind: str  # one of FAULTS
    times: int
    channels: frozenset[str] | None  # conversations it applies to; None: every call
    retry_after: int = 1  # the Retry-After of "ratelimited"
    seconds: float = 15.0  # how long "hang" holds the request

    def matches(self, args: dict) -> bool:
        """A channel filter matches the channel argument, or the same conversation under its
        other name (a user id "U…" and the DM "D…" posted to through it)."""
        if self.channels is None:
            return True
        return conversation(args.get("channel")) in self.channels


def make_fault(
    fault: str,
    times: int,
    channels: Iterable[str] | None,
    retry_after: int,
    seconds: float,
) -> Fault:
    if fault not in FAULTS:
        raise ValueError(f"unknown fault {fault!r}; one of {', '.join(FAULTS)}")
    if times < 1:
        raise ValueError("times must be at least 1")
    wanted = None if channels is None else frozenset(conversation(c) for c in channels)
    return Fault(fault, times, wanted, max(1, int(retry_after)), float(seconds))


def take_fault(faults: list[Fault], args: dict) -> Fault | None:
    """The first waiting fault that applies to this call, one of its ``times`` used up."""
    for fault in faults:
        if fault.matches(args):
            fault.times -= 1
            if fault.times == 0:
                faults.remove(fault)
            return fault
    return None


@dataclass
class Bucket:
    """A token bucket shared by every caller: ``per_second`` tokens a second, at most
    ``burst`` saved up; it starts full. Time is time.monotonic, never the wall clock."""

    per_second: float
    burst: int
    tokens: float = field(init=False)
    stamp: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        if self.per_second <= 0 or self.burst < 1:
            raise ValueError("per_second must be positive and burst at least 1")
        self.tokens = float(self.burst)

    def take(self) -> int:
        """0 when the call may go (a token is used), else the whole seconds (at least 1) until
        a token is free: the Retry-After Slack would send."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.per_second)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0
        return max(1, math.ceil((1 - self.tokens) / self.per_second))


class Refusal(Exception):
    """An answer other than HTTP 200: ``status``, Slack's ``error``, the ``error`` recorded in
    `Call` (the fault's name for a 500) and the Retry-After of a 429."""

    def __init__(self, status: int, error: str, recorded: str, retry_after: int = 0) -> None:
        super().__init__(error)
        self.status, self.error, self.recorded = status, error, recorded
        self.headers = {"Retry-After": str(retry_after)} if status == 429 else {}

    @classmethod
    def ratelimited(cls, retry_after: int) -> Refusal:
        return cls(429, "ratelimited", "ratelimited", max(1, retry_after))

    @classmethod
    def http500(cls) -> Refusal:
        return cls(500, "internal_error", "http500")
