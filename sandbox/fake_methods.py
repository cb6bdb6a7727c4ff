"""The Web API methods the fake Slack answers, each as Slack does: its required arguments, its
errors, and the messages, views and files it keeps (`FakeSlack` holds the state)."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from sandbox.checks import ApiError, check_message, check_view

BOT_ID = "B0AEBOT"


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

    def _next_ts(self) -> str:
        self._ts += 100
        return f"{self._ts // 1_000_000}.{self._ts % 1_000_000:06d}"

    def _next_id(self, prefix: str) -> str:
        self._seq += 1
        return f"{prefix}0AEB{self._seq:06d}"

    def _find(self, channel: Any, ts: Any) -> dict:
        for m in self._messages:
            if m["channel"] == channel and m["ts"] == ts and not m["ephemeral"]:
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
        required(a, "channel", "channel_not_found")
        check_message(a)
        m = self._store(a)
        return {"channel": m["channel"], "ts": m["ts"], "message": self._public(m)}

    def _post_ephemeral(self, a: dict) -> dict:
        required(a, "channel", "channel_not_found")
        user = required(a, "user", "user_not_found")
        check_message(a)
        return {"message_ts": self._store(a, user=user)["ts"]}

    def _update(self, a: dict) -> dict:
        required(a, "channel", "channel_not_found")
        m = self._find(a["channel"], a.get("ts"))
        check_message(a)
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
            if m["channel"] == a["channel"] and m["ts"] == a["timestamp"]:
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
