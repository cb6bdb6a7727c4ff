"""The scopes Slack's Web API methods need, and the ones manifest.yml grants: the fake Slack
refuses a method whose scope the app was not granted (`missing_scope`), as Slack does."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sandbox.checks import ApiError

# The bot-token scope each Web API method needs (Slack's method reference, "Required scopes").
# A method not listed needs none (auth.test, views.*, chat.getPermalink).
METHOD_SCOPES = {
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "chat.update": "chat:write",
    "chat.delete": "chat:write",
    "chat.scheduleMessage": "chat:write",
    "users.info": "users:read",
    "users.lookupByEmail": "users:read.email",
    "reactions.add": "reactions:write",
    "files.getUploadURLExternal": "files:write",
    "files.completeUploadExternal": "files:write",
    "files.upload": "files:write",
}
HISTORY_SCOPES = {"D": "im:history", "C": "channels:history", "G": "groups:history"}
LIST_SCOPES = {  # conversations.list: each type of conversation listed needs its own
    "public_channel": "channels:read",
    "private_channel": "groups:read",
    "im": "im:read",
    "mpim": "mpim:read",
}


def needed_scope(method: str, args: dict) -> str | None:
    """The scope a call needs; for conversations.* it depends on the kind of conversation, as
    on Slack (a DM's history needs im:history, a public channel's channels:history)."""
    if method == "conversations.open":
        users = args.get("users") or ""
        users = users.split(",") if isinstance(users, str) else users
        return "mpim:write" if len([u for u in users if str(u).strip()]) > 1 else "im:write"
    if method in ("conversations.history", "conversations.replies"):
        return HISTORY_SCOPES.get(str(args.get("channel") or "")[:1])
    if method == "conversations.list":
        types = str(args.get("types") or "public_channel").split(",")
        return LIST_SCOPES.get(types[0].strip())
    return METHOD_SCOPES.get(method)


def check_scope(method: str, args: dict, granted: Iterable[str] | None) -> None:
    """Refuse a call whose scope was not granted, with Slack's ``needed``/``provided`` fields;
    ``granted`` None means every scope (the fake's default, for ``aebot demo``)."""
    if granted is None:
        return
    needed = needed_scope(method, args)
    granted = list(granted)
    if needed and needed not in granted:
        raise ApiError("missing_scope", needed=needed, provided=",".join(granted))


def manifest_scopes(path: str | Path) -> list[str]:
    """The bot scopes (``oauth_config.scopes.bot``) of a Slack app manifest.yml.

    Read without PyYAML, which is only a test extra: sandbox ships with the product. It
    understands the block list form the manifest uses (``- chat:write`` lines) and a flow list
    (``bot: [a, b]``); tests/test_manifest.py checks it against PyYAML's reading.
    """
    path_keys, scopes, inside = ["oauth_config", "scopes", "bot"], [], None
    stack: list[tuple[int, str]] = []  # (indent, key) of the mapping keys we are inside
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        text = line.strip()
        if inside is not None:
            if indent > inside and text.startswith("- "):
                scopes.append(_scalar(text[2:]))
                continue
            if indent > inside:
                continue
            return scopes
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if text.startswith("- ") or ":" not in text:
            continue
        key, _, rest = text.partition(":")
        stack.append((indent, key.strip()))
        if [k for _, k in stack] == path_keys:
            rest = rest.strip()
            if rest.startswith("["):
                return [_scalar(s) for s in rest.strip("[]").split(",") if s.strip()]
            inside = indent
    return scopes


def _scalar(text: str) -> str:
    return text.strip().strip("'\"")
