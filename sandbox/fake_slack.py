"""A fake Slack Web API server on 127.0.0.1, for tests, ``aebot demo`` and tools.

Point ``slack_sdk.WebClient(base_url=fake.url)`` (or a Bolt app's client) at it.
It answers like Slack, rejects what Slack would reject (see :mod:`sandbox.checks`),
records every call and keeps the current state of posted messages and views.
It never contacts anything beyond the loopback interface.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from sandbox.checks import ApiError, check_message
from sandbox.fake_methods import SlackMethods, required

JSON_FIELDS = ("blocks", "attachments", "view", "metadata", "files")


@dataclass
class Call:
    method: str  # e.g. "chat.postMessage", or "response_url" for posts to a response URL
    args: dict  # decoded arguments (JSON-string fields decoded into lists/dicts)
    token: str | None
    ok: bool
    error: str | None
    response: dict


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 stalls bursts of concurrent clients for ~1 s
    fake: FakeSlack


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep stderr quiet
        pass

    def do_POST(self) -> None:
        self.server.fake._serve(self)

    do_GET = do_POST


class FakeSlack(SlackMethods):
    def __init__(
        self, token: str = "xoxb-test-token", team_id: str = "T0AEBOT", bot_user_id: str = "U0AEBOT"
    ) -> None:
        self.token, self.team_id, self.bot_user_id = token, team_id, bot_user_id
        self.users: dict[str, dict] = {}
        self.calls: list[Call] = []
        self.uploads: dict[str, bytes] = {}  # file_id -> uploaded bytes
        self.files: dict[str, dict] = {}  # file_id -> file object after completeUploadExternal
        self._lock = threading.RLock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._ts = 1_700_000_000_000_000  # microseconds; only ever increases, even across reset()
        self._seq = 0
        self._methods = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post_message,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.update": self._update,
            "chat.delete": self._delete,
            "chat.scheduleMessage": self._schedule,
            "chat.getPermalink": self._permalink,
            "conversations.open": self._conversations_open,
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

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> FakeSlack:
        if self._server is None:
            self._server = _Server(("127.0.0.1", 0), _Handler)
            self._server.fake = self
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.05,), name="fake-slack", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = self._thread = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeSlack is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        return f"{self.base}/api/"

    # ------------------------------------------------------------ test helpers
    def reset(self) -> None:
        """Forget calls, messages, views, uploads and pending fail_next(); keeps ``users``."""
        with self._lock:
            self.calls.clear()
            self.uploads.clear()
            self.files.clear()
            self._messages: list[dict] = []
            self._views: dict[str, dict] = {}
            self._home: dict[str, str] = {}  # user id -> view id of the published home tab
            self._pending_files: dict[str, dict] = {}
            self._failures: defaultdict[str, deque[str]] = defaultdict(deque)

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def response_url(self, key: str = "r") -> str:
        return f"{self.base}/response/{key}"

    def messages(self, channel: str | None = None) -> list[dict]:
        with self._lock:
            return [copy.deepcopy(m) for m in self._messages if channel in (None, m["channel"])]

    def views(self) -> list[dict]:
        """Current state of every opened/updated/published view, oldest first."""
        with self._lock:
            return copy.deepcopy(list(self._views.values()))

    def home_view(self, user_id: str) -> dict | None:
        with self._lock:
            view_id = self._home.get(user_id)
            return copy.deepcopy(self._views[view_id]) if view_id else None

    def fail_next(self, method: str, error: str) -> None:
        """The next call to ``method`` (after auth) answers {"ok": false, "error": error}."""
        with self._lock:
            self._failures[method].append(error)

    # ------------------------------------------------------------------- HTTP
    def _serve(self, h: _Handler) -> None:
        parts = urlsplit(h.path)
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        path = unquote(parts.path)
        if path.startswith("/api/"):
            args = self._decode(parts.query, body, h.headers.get("Content-Type", ""))
            status, answer = 200, self._api(path[5:], args, h.headers.get("Authorization", ""))
        elif path.startswith("/response/"):
            status, answer = self._response_post(path[len("/response/") :], body)
        elif path.startswith("/upload/") and h.command == "POST":
            status, answer = self._upload(path[len("/upload/") :], body)
        else:
            status, answer = 404, {"ok": False, "error": "not_found"}
        data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        h.send_response(status)
        ctype = "text/plain" if isinstance(answer, bytes) else "application/json; charset=utf-8"
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    @staticmethod
    def _decode(query: str, body: bytes, ctype: str) -> dict:
        args: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
        if body and "json" in ctype:
            try:
                parsed = json.loads(body)
            except ValueError:
                parsed = None
            args.update(parsed if isinstance(parsed, dict) else {"_invalid_json": True})
        elif body:
            args.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        for key in JSON_FIELDS:
            if isinstance(args.get(key), str) and args[key]:
                with contextlib.suppress(ValueError):  # else left as a string for validation
                    args[key] = json.loads(args[key])
        return args

    def _api(self, method: str, args: dict, authorization: str) -> dict:
        token, bad_json = args.pop("token", None), args.pop("_invalid_json", False)
        if authorization.startswith("Bearer ") and authorization[7:].strip():
            token = authorization[7:].strip()
        with self._lock:
            try:
                if not token:
                    raise ApiError("not_authed")
                if token != self.token:
                    raise ApiError("invalid_auth")
                if self._failures[method]:
                    raise ApiError(self._failures[method].popleft())
                if method not in self._methods:
                    raise ApiError("unknown_method")
                if bad_json:
                    raise ApiError("invalid_json")
                answer = {"ok": True, **self._methods[method](args)}
            except ApiError as exc:
                answer = self._error(exc)
            self.calls.append(Call(method, args, token, answer["ok"], answer.get("error"), answer))
        return answer

    @staticmethod
    def _error(exc: ApiError) -> dict:
        answer: dict[str, Any] = {"ok": False, "error": exc.error}
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
