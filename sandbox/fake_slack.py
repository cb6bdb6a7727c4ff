"""A fake Slack Web API server on 127.0.0.1, for tests, ``aebot demo`` and tools.

Point ``slack_sdk.WebClient(base_url=fake.url)`` (or a Bolt app's client) at it.
It answers like Slack, rejects what Slack would reject (see :mod:`sandbox.checks`),
records every call and keeps the current state of posted messages and views.
Given the granted ``scopes`` (tests pass manifest.yml's), it refuses a method the app was
not granted with ``missing_scope``, as Slack does.
To try a sender against what goes wrong in real life it misbehaves on request: inject()
(HTTP 500, 429 with Retry-After, a lost answer, a hang), rate_limit() (a workspace-wide
token bucket), refuse_connections() (see :mod:`sandbox.fake_faults`) and set_clock() (Slack's
clock off this machine's).
It never contacts anything beyond the loopback interface.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from sandbox.checks import ApiError, check_ack, check_message
from sandbox.fake_faults import Bucket, Fault, Refusal, make_fault, take_fault
from sandbox.fake_listener import Handler, Listener, decode_args
from sandbox.fake_methods import SlackMethods, conversation, required
from sandbox.scopes import check_scope


@dataclass
class Call:
    method: str  # e.g. "chat.postMessage", or "response_url" for posts to a response URL
    args: dict  # decoded arguments (JSON-string fields decoded into lists/dicts)
    token: str | None
    ok: bool
    error: str | None  # Slack's error code; "http500" for an injected 500
    response: dict
    status: int = 200  # the HTTP status answered (500, 429)
    lost: bool = False  # processed, but the connection was closed without an answer
    fault: str | None = None  # the injected fault this call met, if any


@dataclass
class Reply:
    """What the HTTP layer sends: ``close`` drops the connection without any answer."""

    status: int
    body: dict | bytes
    headers: dict[str, str] = field(default_factory=dict)
    close: bool = False


class FakeSlack(Listener, SlackMethods):
    """The fake Slack. ``scopes`` are the bot token's granted scopes (None: every scope, so
    ``aebot demo`` needs no manifest); ``app_token`` is the app-level token ("xapp-…") that
    methods added with ``add_method(..., app_token=True)`` take instead of the bot token."""

    def __init__(
        self,
        token: str = "xoxb-test-token",
        team_id: str = "T0AEBOT",
        bot_user_id: str = "U0AEBOT",
        scopes: Iterable[str] | None = None,
        app_token: str = "xapp-test-token",
    ) -> None:
        self.token, self.team_id, self.bot_user_id = token, team_id, bot_user_id
        self.app_token = app_token
        self.scopes: list[str] | None = None if scopes is None else list(scopes)
        self.users: dict[str, dict] = {}
        # the workspace's channels by id: {"name": …, "is_private": …, "is_archived": …}
        self.channels: dict[str, dict] = {"C0GENERAL": {"name": "general"}}
        self.calls: list[Call] = []
        self.uploads: dict[str, bytes] = {}  # file_id -> uploaded bytes
        self.files: dict[str, dict] = {}  # file_id -> file object after completeUploadExternal
        self._lock = threading.RLock()  # the state: messages, calls, faults
        self._init_listener()
        self._release = threading.Event()  # set to end every held ("hang") request
        self._generation = 0  # reset() drops requests held from before it
        self._holding = 0  # requests a "hang" holds right now
        # microseconds; only ever increases, even across reset(), unless set_clock() sets
        # Slack's clock back
        self._ts = 1_700_000_000_000_000
        self._seq = 0
        self._app_methods: set[str] = set()
        self._methods: dict[str, Callable[[dict], dict]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post_message,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.update": self._update,
            "chat.delete": self._delete,
            "chat.scheduleMessage": self._schedule,
            "chat.getPermalink": self._permalink,
            "conversations.open": self._conversations_open,
            "conversations.list": self._conversations_list,
            "conversations.history": self._history,
            "conversations.replies": self._replies,
            "users.info": lambda a: {"user": self._user(required(a, "user", "user_not_found"))},
            "users.lookupByEmail": self._lookup_by_email,
            "reactions.add": self._reaction,
            "views.open": lambda a: self._view(a, "views.open"),
            "views.push": lambda a: self._view(a, "views.push"),
            "views.update": lambda a: self._view(a, "views.update"),
            "views.publish": lambda a: self._view(a, "views.publish"),
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
            "files.upload": self._deprecated,
        }
        self.reset()

    # ------------------------------------------------------------ test helpers
    def reset(self) -> None:
        """Forget calls, messages, views, uploads, pending fail_next(), injected faults and rate
        limits, and accept connections again if refused; keeps ``users`` and ``channels``. Requests still held by
        a "hang" are dropped unprocessed (their connection closed), so nothing of one test lands
        in the next."""
        with self._lock:
            self.calls.clear()
            self.uploads.clear()
            self.files.clear()
            self._messages: list[dict] = []
            self._views: dict[str, dict] = {}
            self._home: dict[str, str] = {}  # user id -> view id of the published home tab
            self._pending_files: dict[str, dict] = {}
            self._failures: defaultdict[str, deque[str]] = defaultdict(deque)
            self._faults: defaultdict[str, list[Fault]] = defaultdict(list)
            self._buckets: dict[str, Bucket] = {}
            self._deactivated: set[str] = set()
            self.clock_offset = 0.0
            self._generation += 1
        self.release()
        self.accept_connections()

    def ack(self, body: dict) -> None:
        """What the app answered a request of Slack's with (sandbox/driver.py tells it), checked
        as Slack checks it; an answer Slack would refuse is recorded as a failed call "ack"."""
        try:
            check_ack(body)
        except ApiError as exc:
            with self._lock:
                self.calls.append(Call("ack", body, None, False, exc.error, self._error(exc)))

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def response_url(self, key: str = "r") -> str:
        return f"{self.base}/response/{key}"

    def messages(self, channel: str | None = None) -> list[dict]:
        with self._lock:
            return [copy.deepcopy(m) for m in self._messages if channel in (None, m["channel"])]

    def dms(self, user_id: str) -> list[dict]:
        """The app's DMs to a user, oldest first: posted to the user id or to its "D…"
        conversation; ephemeral messages are not in it."""
        with self._lock:
            return [
                copy.deepcopy(m)
                for m in self._messages
                if conversation(m["channel"]) == conversation(user_id) and not m["ephemeral"]
            ]

    def views(self) -> list[dict]:
        """Current state of every opened/updated/published view, oldest first."""
        with self._lock:
            return copy.deepcopy(list(self._views.values()))

    def home_view(self, user_id: str) -> dict | None:
        with self._lock:
            view_id = self._home.get(user_id)
            return copy.deepcopy(self._views[view_id]) if view_id else None

    def set_clock(self, seconds: float) -> None:
        """Slack's clock runs `seconds` ahead of this machine's (behind, if negative) until
        reset(): the `ts` of what is posted from now on and the `Date` of every answer follow
        it, as they would for a server whose clock is off Slack's."""
        with self._lock:
            self.clock_offset = seconds
            self._ts = min(self._ts, int(self.slack_time() * 1_000_000))

    def deactivate(self, user_id: str) -> None:
        """Someone's account is deactivated (until reset()): messages to them are refused with
        `account_inactive`."""
        with self._lock:
            self._deactivated.add(conversation(user_id))

    def fail_next(self, method: str, error: str) -> None:
        """The next call to ``method`` (after auth) answers {"ok": false, "error": error};
        "ratelimited" comes as Slack sends it, HTTP 429 with ``Retry-After: 1``."""
        with self._lock:
            self._failures[method].append(error)

    def inject(
        self,
        method: str,
        fault: str,
        *,
        times: int = 1,
        channels: Iterable[str] | None = None,
        retry_after: int = 1,
        seconds: float = 15.0,
    ) -> None:
        """The next ``times`` authenticated calls of ``method`` (with ``channels``: only those
        whose ``channel`` argument is one of them, a user id and its "D…" DM being the same)
        meet ``fault``; other calls pass untouched. Several injections queue in order.

        - "http500": HTTP 500 ``{"ok": false, "error": "internal_error"}``, nothing processed.
        - "ratelimited": HTTP 429 with ``Retry-After: retry_after``, nothing processed.
        - "lost_answer": processed (message stored, Call recorded with ``lost=True``), then the
          connection is closed without an answer (the client sees RemoteDisconnected).
        - "hang": the request is held ``seconds`` (release() or stop() end it at once), then
          processed and answered; a client that gave up meanwhile still finds it stored.
        """
        made = make_fault(fault, times, channels, retry_after, seconds)
        with self._lock:
            self._faults[method].append(made)

    def rate_limit(self, method: str, per_second: float | None, burst: int = 1) -> None:
        """A workspace-wide limit on ``method`` across every caller and thread (a token bucket
        of ``burst`` tokens refilled at ``per_second``): a call over it answers HTTP 429 with
        ``Retry-After`` = whole seconds until a token is free (at least 1), nothing processed.
        ``per_second`` None removes the limit."""
        with self._lock:
            if per_second is None:
                self._buckets.pop(method, None)
            else:
                self._buckets[method] = Bucket(per_second, burst)

    def held(self) -> int:
        """How many requests a "hang" holds right now (release() ends them)."""
        with self._lock:
            return self._holding

    def release(self) -> None:
        """End every request held by a "hang" now (they are then processed and answered)."""
        with self._lock:
            held, self._release = self._release, threading.Event()
        held.set()

    def add_method(self, name: str, fn: Callable[[dict], dict], *, app_token: bool = False) -> None:
        """Serve one more Web API method: ``fn(args)`` returns the answer's fields beyond
        ``"ok": true`` or raises ApiError. With ``app_token`` only the app-level token is taken
        (the bot token gets invalid_auth, like apps.connections.open) and no bot scope is
        checked. ``fn`` is called under the fake's lock."""
        with self._lock:
            self._methods[name] = fn
            if app_token:
                self._app_methods.add(name)
            else:
                self._app_methods.discard(name)

    # ------------------------------------------------------------------- HTTP
    def _serve(self, h: Handler) -> None:
        parts = urlsplit(h.path)
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        path = unquote(parts.path)
        if path.startswith("/api/"):
            args = decode_args(parts.query, body, h.headers.get("Content-Type", ""))
            reply = self._api(path[5:], args, h.headers.get("Authorization", ""))
        elif path.startswith("/response/"):
            reply = Reply(*self._response_post(path[len("/response/") :], body))
        elif path.startswith("/upload/") and h.command == "POST":
            reply = Reply(*self._upload(path[len("/upload/") :], body))
        else:
            reply = Reply(404, {"ok": False, "error": "not_found"})
        if reply.close:
            h.close_connection = True  # no status line at all: the answer is lost
            return
        data = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
        ctype = "text/plain" if isinstance(reply.body, bytes) else "application/json; charset=utf-8"
        with contextlib.suppress(OSError):  # a client that gave up (timeout) is gone
            h.send_response(reply.status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(data)))
            for name, value in reply.headers.items():
                h.send_header(name, value)
            h.end_headers()
            h.wfile.write(data)

    def _api(self, method: str, args: dict, authorization: str) -> Reply:
        """One Web API call: take a fault meant for it, hold it if the fault is a hang (outside
        the lock, so other calls go on), then answer it under the lock."""
        token, bad_json = args.pop("token", None), args.pop("_invalid_json", False)
        if authorization.startswith("Bearer ") and authorization[7:].strip():
            token = authorization[7:].strip()
        with self._lock:
            authorised = self._auth_error(method, token) is None
            fault = take_fault(self._faults[method], args) if authorised else None
            generation, released = self._generation, self._release
            hangs = fault is not None and fault.kind == "hang"
            self._holding += hangs
        if fault is not None and hangs:
            released.wait(fault.seconds)
        with self._lock:
            self._holding -= hangs
            if generation != self._generation:  # reset() while it was held
                return Reply(0, {}, close=True)
            return self._answer(method, args, token, fault, bad_json)

    def _auth_error(self, method: str, token: str | None) -> str | None:
        if not token:
            return "not_authed"
        if method in self._app_methods:
            return None if token == self.app_token else "invalid_auth"
        if token == self.app_token:
            return "not_allowed_token_type"
        return None if token == self.token else "invalid_auth"

    def _answer(
        self, method: str, args: dict, token: str | None, fault: Fault | None, bad_json: bool
    ) -> Reply:
        reply = Reply(200, {}, close=fault is not None and fault.kind == "lost_answer")
        recorded = None
        try:
            self._admit(method, args, token, fault)
            if bad_json:
                raise ApiError("invalid_json")
            answer = {"ok": True, **self._methods[method](args)}
        except Refusal as exc:
            answer, recorded = {"ok": False, "error": exc.error}, exc.recorded
            reply.status, reply.headers = exc.status, exc.headers
        except ApiError as exc:
            answer = self._error(exc)
        reply.body = answer
        call = Call(method, args, token, answer["ok"], recorded or answer.get("error"), answer)
        call.status, call.lost, call.fault = reply.status, reply.close, fault and fault.kind
        self.calls.append(call)
        return reply

    def _admit(self, method: str, args: dict, token: str | None, fault: Fault | None) -> None:
        """Everything Slack checks before doing a call, in its order: the token, the server
        (injected faults), the method, the scope, the rate limit, then fail_next()."""
        error = self._auth_error(method, token)
        if error:
            raise ApiError(error)
        if fault is not None and fault.kind == "http500":
            raise Refusal.http500()
        if fault is not None and fault.kind == "ratelimited":
            raise Refusal.ratelimited(fault.retry_after)
        if method not in self._methods:
            raise ApiError("unknown_method")
        if method not in self._app_methods:
            check_scope(method, args, self.scopes)
        bucket = self._buckets.get(method)
        wait = bucket.take() if bucket is not None else 0
        if wait:
            raise Refusal.ratelimited(wait)
        if method == "chat.postMessage" and conversation(args.get("channel")) in self._deactivated:
            raise ApiError("account_inactive")
        if self._failures[method]:
            error = self._failures[method].popleft()
            raise Refusal.ratelimited(1) if error == "ratelimited" else ApiError(error)

    @staticmethod
    def _error(exc: ApiError) -> dict:
        answer: dict[str, Any] = {"ok": False, "error": exc.error, **exc.fields}
        if exc.detail:
            answer["response_metadata"] = {"messages": [exc.detail]}
        return answer

    def _response_post(self, key: str, body: bytes) -> tuple[int, dict]:
        try:
            args = json.loads(body or b"{}")
        except ValueError:
            args = dict(parse_qsl(body.decode("utf-8", "replace")))
        args = args if isinstance(args, dict) else {}
        args["_key"] = key
        with self._lock:
            try:
                if self._failures["response_url"]:
                    raise ApiError(self._failures["response_url"].popleft())
                if not args.get("delete_original"):
                    check_message(args)
                answer, status = {"ok": True}, 200
            except ApiError as exc:
                answer, status = self._error(exc), 400
            self.calls.append(
                Call("response_url", args, None, status == 200, answer.get("error"), answer)
            )
        return status, answer

    def _upload(self, file_id: str, body: bytes) -> tuple[int, dict | bytes]:
        with self._lock:
            if file_id not in self._pending_files:
                return 404, {"ok": False, "error": "file_not_found"}
            self.uploads[file_id] = body
        return 200, f"OK - {len(body)}".encode()
