"""The Web API methods the fake Slack answers, each as Slack does: its required arguments, its
errors, and the messages, views and files it keeps (`FakeSlack` holds the state)."""

from __future__ import annotations

import base64
import copy
import hashlib
from typing import Any

from sandbox.checks import ApiError, check_message, check_metadata, check_view

BOT_ID = "B0AEBOT"
HISTORY_LIMIT, HISTORY_MAX = 100, 999  # conversations.history's default and largest limit
TRUE = (True, "true", "1", 1)


def conversation(channel: Any) -> str:
    """The conversation a channel argument names: a user id ("U…"/"W…") posted to is the
    app's DM with that user, which Slack calls "D…" (here "D" + the user id)."""
    channel = str(channel or "")
    return "D" + channel if channel[:1] in ("U", "W") else channel


def required(args: dict, key: str, error: str) -> Any:
    value = args.get(key)
    if value in (None, "", []):
        raise ApiError(error, f"missing argument: {key}")
    return value


class SlackMethods:
    """Mixed into FakeSlack: one method per Web API method, called under its lock."""

    team_id: str
    bot_user_id: str
    users: dict[str, dict]
    channels: dict[str, dict]
    uploads: dict[str, bytes]
    files: dict[str, dict]
    _messages: list[dict]
    _views: dict[str, dict]
    _home: dict[str, str]
    _pending_files: dict[str, dict]
    _ts: int
    _seq: int

    @property
    def base(self) -> str:
        raise NotImplementedError

    def slack_time(self) -> float:
        raise NotImplementedError

    def _next_ts(self) -> str:
        # Slack's ts is the epoch time of the message (conversations.history's `oldest` compares
        # with it); unique and only ever increasing, like Slack's within a conversation
        self._ts = max(self._ts + 100, int(self.slack_time() * 1_000_000))
        return f"{self._ts // 1_000_000}.{self._ts % 1_000_000:06d}"

    def _next_id(self, prefix: str) -> str:
        self._seq += 1
        return f"{prefix}0AEB{self._seq:06d}"

    def _find(self, channel: Any, ts: Any) -> dict:
        for m in self._messages:
            same = conversation(m["channel"]) == conversation(channel)
            if same and m["ts"] == ts and not m["ephemeral"]:
                return m
        raise ApiError("message_not_found")

    def _public(self, m: dict) -> dict:
        public = {
            "type": "message",
            "user": self.bot_user_id,
            "bot_id": BOT_ID,
            "team": self.team_id,
        }
        skip = ("user", "ephemeral")  # "user" is the ephemeral recipient in stored messages
        return public | {
            k: copy.deepcopy(v) for k, v in m.items() if v is not None and k not in skip
        }

    def _store(self, a: dict, user: str | None = None) -> dict:
        m = {"channel": a["channel"], "ts": self._next_ts(), "text": a.get("text") or ""}
        m |= {"blocks": copy.deepcopy(a.get("blocks") or []), "thread_ts": a.get("thread_ts")}
        m |= {"user": user, "ephemeral": user is not None}
        for key in ("attachments", "metadata"):
            if a.get(key):
                m[key] = copy.deepcopy(a[key])
        self._messages.append(m)
        return m

    def _deprecated(self, a: dict) -> dict:
        raise ApiError("method_deprecated", "use files.getUploadURLExternal (files_upload_v2)")

    def _auth_test(self, a: dict) -> dict:
        answer = {"team_id": self.team_id, "user_id": self.bot_user_id, "bot_id": BOT_ID}
        return answer | {"team": "aebot test", "url": "https://aebot-test.slack.com/"}

    def _post_message(self, a: dict) -> dict:
        """Posted to a user id, the answer names the DM ("D…") as Slack's does; the message is
        kept under the channel argument as given (``fake.messages("U…")``)."""
        required(a, "channel", "channel_not_found")
        check_message(a)
        check_metadata(a.get("metadata"))
        m = self._store(a)
        return {"channel": conversation(m["channel"]), "ts": m["ts"], "message": self._public(m)}

    def _post_ephemeral(self, a: dict) -> dict:
        required(a, "channel", "channel_not_found")
        user = required(a, "user", "user_not_found")
        check_message(a)
        return {"message_ts": self._store(a, user=user)["ts"]}

    def _update(self, a: dict) -> dict:
        required(a, "channel", "channel_not_found")
        m = self._find(a["channel"], a.get("ts"))
        check_message(a)
        check_metadata(a.get("metadata"))
        for key in ("text", "blocks", "attachments", "metadata"):
            if key in a:  # omitted blocks/attachments keep the previous ones, like Slack
                m[key] = copy.deepcopy(a[key])
        m["edited"] = {"user": self.bot_user_id, "ts": self._next_ts()}
        answer = {"channel": m["channel"], "ts": m["ts"], "text": m["text"]}
        return answer | {"message": self._public(m)}

    def _delete(self, a: dict) -> dict:
        required(a, "channel", "channel_not_found")
        self._messages.remove(self._find(a["channel"], a.get("ts")))
        return {"channel": a["channel"], "ts": a["ts"]}

    def _schedule(self, a: dict) -> dict:
        required(a, "channel", "channel_not_found")
        check_message(a)
        try:
            post_at = int(required(a, "post_at", "invalid_time"))
        except ValueError:
            raise ApiError("invalid_time") from None
        message = {"text": a.get("text") or "", "blocks": copy.deepcopy(a.get("blocks") or [])}
        answer = {"channel": a["channel"], "scheduled_message_id": self._next_id("Q")}
        return answer | {"post_at": post_at, "message": message | {"bot_id": BOT_ID}}

    def _permalink(self, a: dict) -> dict:
        channel = required(a, "channel", "channel_not_found")
        ts = required(a, "message_ts", "message_not_found")
        link = f"https://aebot-test.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"channel": channel, "permalink": link}

    def _conversations_open(self, a: dict) -> dict:
        if a.get("channel"):
            return {"channel": {"id": a["channel"]}, "already_open": True}
        users = a.get("users") or ""
        users = [u.strip() for u in (users.split(",") if isinstance(users, str) else users)]
        users = [u for u in users if u]
        if not users:
            raise ApiError("users_list_not_supplied")
        if len(users) == 1:
            return {"channel": {"id": "D" + users[0], "is_im": True}}
        digest = hashlib.sha1(",".join(sorted(users)).encode()).hexdigest()[:10].upper()
        return {"channel": {"id": "G" + digest, "is_mpim": True}}

    def _conversations_list(self, a: dict) -> dict:
        """conversations.list: the workspace's channels of the `types` asked (public ones by
        default), archived ones unless excluded, `limit` a page (at most 1000) after `cursor`."""
        types = {t.strip() for t in str(a.get("types") or "public_channel").split(",")}
        limit = int(a.get("limit") or 100)
        if not 1 <= limit <= 1000:
            raise ApiError("invalid_limit")
        listed = [
            {"id": cid, "is_channel": True, "is_archived": False, "is_private": False} | c
            for cid, c in sorted(self.channels.items())
            if ("private_channel" if c.get("is_private") else "public_channel") in types
            and not (a.get("exclude_archived") in TRUE and c.get("is_archived"))
        ]
        start = int(a.get("cursor") or 0)
        page, more = listed[start : start + limit], start + limit < len(listed)
        for c in page:
            c["name_normalized"] = c["name"]
        next_cursor = str(start + limit) if more else ""
        return {"channels": page, "response_metadata": {"next_cursor": next_cursor}}

    def _history(self, a: dict) -> dict:
        """conversations.history: the conversation's messages (not ephemeral ones, not thread
        replies), newest first, between ``oldest`` and ``latest``; ``metadata`` only with
        ``include_all_metadata``; a cursor ("next_ts:<ts>", base64) when there are more."""
        channel = required(a, "channel", "channel_not_found")
        if str(channel)[:1] not in ("C", "D", "G"):
            raise ApiError("channel_not_found")
        oldest, latest = _float(a, "oldest", 0.0), _float(a, "latest", 1e12)
        inclusive = (a.get("inclusive") in TRUE,) * 2  # (oldest, latest)
        if a.get("cursor"):  # the next page starts at the cursor's message
            latest, inclusive = _cursor_ts(a["cursor"]), (inclusive[0], True)
        try:
            limit = min(max(int(a.get("limit") or HISTORY_LIMIT), 1), HISTORY_MAX)
        except (TypeError, ValueError):
            raise ApiError("invalid_limit") from None
        found = [
            m
            for m in reversed(self._messages)
            if conversation(m["channel"]) == conversation(channel)
            and not m["ephemeral"]
            and m.get("thread_ts") in (None, m["ts"])
            and _between(float(m["ts"]), oldest, latest, inclusive)
        ]
        page, rest = found[:limit], found[limit:]
        keep_metadata = a.get("include_all_metadata") in TRUE
        messages = [self._public(m) for m in page]
        for m in messages:
            m.pop("channel", None)
            if not keep_metadata:
                m.pop("metadata", None)
        answer: dict[str, Any] = {"messages": messages, "has_more": bool(rest), "pin_count": 0}
        cursor = base64.b64encode(f"next_ts:{rest[0]['ts']}".encode()).decode() if rest else ""
        return answer | {"response_metadata": {"next_cursor": cursor}}

    def _replies(self, a: dict) -> dict:
        """conversations.replies: a thread (its parent first, then replies, oldest first) since
        ``oldest``; ``metadata`` only with ``include_all_metadata``."""
        channel = required(a, "channel", "channel_not_found")
        ts = required(a, "ts", "thread_not_found")
        oldest = _float(a, "oldest", 0.0)
        found = [
            m
            for m in self._messages
            if conversation(m["channel"]) == conversation(channel)
            and not m["ephemeral"]
            and (m["ts"] == ts or m.get("thread_ts") == ts)
        ]
        if not any(m["ts"] == ts for m in found):
            raise ApiError("thread_not_found")
        keep_metadata = a.get("include_all_metadata") in TRUE
        messages = []
        for m in found:
            if m["ts"] != ts and float(m["ts"]) < oldest:
                continue
            shown = self._public(m)
            shown.pop("channel", None)
            if not keep_metadata:
                shown.pop("metadata", None)
            messages.append(shown)
        return {"messages": messages, "has_more": False, "response_metadata": {"next_cursor": ""}}

    def _user(self, uid: str) -> dict:
        given = copy.deepcopy(self.users.get(uid, {}))
        real_name = given.get("real_name", f"User {uid}")
        profile = {"real_name": real_name, "display_name": given.get("name", uid.lower())}
        profile |= {"email": given.get("email", f"{uid.lower()}@example.com")}
        profile |= given.pop("profile", {})
        user = {"id": uid, "team_id": self.team_id, "name": uid.lower(), "real_name": real_name}
        user |= {"tz": "Asia/Shanghai", "tz_offset": 28800, "locale": "zh-CN", "is_bot": False}
        return user | {"deleted": False} | given | {"profile": profile}

    def _lookup_by_email(self, a: dict) -> dict:
        email = required(a, "email", "users_not_found")
        for uid in self.users:
            user = self._user(uid)
            if email in (user.get("email"), user["profile"].get("email")):
                return {"user": user}
        raise ApiError("users_not_found")

    def _reaction(self, a: dict) -> dict:
        required(a, "channel", "channel_not_found")
        required(a, "timestamp", "bad_timestamp")
        name = required(a, "name", "no_reaction")
        for m in self._messages:
            same = conversation(m["channel"]) == conversation(a["channel"])
            if same and m["ts"] == a["timestamp"]:
                if name in m.setdefault("reactions", []):
                    raise ApiError("already_reacted")
                m["reactions"].append(name)
        return {}

    def _view(self, a: dict, method: str) -> dict:
        if method in ("views.open", "views.push"):
            required(a, "trigger_id", "invalid_arguments")
        view = required(a, "view", "invalid_arguments")
        if method == "views.publish":
            user_id = required(a, "user_id", "invalid_arguments")
            check_view(view, ("home",))
            view_id = self._home.get(user_id) or self._next_id("V")
            self._home[user_id] = view_id
        elif method == "views.update":
            if not a.get("view_id") and not a.get("external_id"):
                raise ApiError("invalid_arguments", "view_id or external_id is required")
            by_external = {v.get("external_id"): k for k, v in self._views.items()}
            view_id = a.get("view_id") or by_external.get(a["external_id"])
            if view_id not in self._views:
                raise ApiError("not_found")
            if a.get("hash") and a["hash"] != self._views[view_id]["hash"]:
                raise ApiError("hash_conflict")
            check_view(view)
        else:
            check_view(view, ("modal",))
            view_id = self._next_id("V")
        if method != "views.publish" and view.get("external_id"):
            for other in self._views.values():
                if other["id"] != view_id and other.get("external_id") == view["external_id"]:
                    raise ApiError("duplicate_external_id")
        self._seq += 1
        stored = copy.deepcopy(view) | {"id": view_id, "team_id": self.team_id, "bot_id": BOT_ID}
        stored |= {"hash": f"1700000000.{self._seq:08x}", "state": {"values": {}}}
        stored.setdefault("private_metadata", "")
        stored.setdefault("callback_id", "")
        self._views.pop(view_id, None)
        self._views[view_id] = stored
        return {"view": copy.deepcopy(stored)}

    def _upload_url(self, a: dict) -> dict:
        filename = required(a, "filename", "invalid_arguments")
        try:
            length = int(required(a, "length", "invalid_arguments"))
        except ValueError:
            raise ApiError("invalid_arguments", "length must be an integer") from None
        file_id = self._next_id("F")
        self._pending_files[file_id] = {"name": filename, "length": length}
        return {"upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}

    def _complete_upload(self, a: dict) -> dict:
        entries = required(a, "files", "invalid_arguments")
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise ApiError("invalid_arguments", "files must be a JSON array of objects")
        channels = [a["channel_id"]] if a.get("channel_id") else []
        channels += [c for c in (a.get("channels") or "").split(",") if c]
        done = []
        for entry in entries:
            file_id = entry.get("id")
            if file_id not in self.uploads:
                raise ApiError("file_not_found", f"file {file_id} was not uploaded")
            name = self._pending_files[file_id]["name"]
            size = len(self.uploads[file_id])
            f = {"id": file_id, "name": name, "title": entry.get("title") or name, "size": size}
            f |= {"channels": channels, "initial_comment": a.get("initial_comment")}
            self.files[file_id] = f | {"thread_ts": a.get("thread_ts")}
            done.append(copy.deepcopy(f))
        return {"files": done}


def _float(a: dict, key: str, default: float) -> float:
    try:
        return float(a.get(key) or default)
    except (TypeError, ValueError):
        raise ApiError("invalid_ts_" + key) from None


def _cursor_ts(cursor: Any) -> float:
    try:
        kind, _, ts = base64.b64decode(str(cursor), validate=True).decode().partition(":")
        if kind != "next_ts":
            raise ValueError(kind)
        return float(ts)
    except ValueError:
        raise ApiError("invalid_cursor") from None


def _between(ts: float, oldest: float, latest: float, inclusive: tuple[bool, bool]) -> bool:
    above = ts >= oldest if inclusive[0] else ts > oldest
    return above and (ts <= latest if inclusive[1] else ts < latest)
