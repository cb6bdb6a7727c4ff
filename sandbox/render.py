"""Render a recorded Slack call as the person would see it, in plain text (demo, debugging)."""

from __future__ import annotations

import json
from typing import Any

from sandbox.fake_slack import Call


def _txt(obj: Any) -> str:
    return str(obj.get("text", "")) if isinstance(obj, dict) else ""


def _initial(el: dict) -> str:
    for key in ("initial_value", "initial_date", "initial_time", "initial_user", "initial_channel"):
        if el.get(key):
            return str(el[key])
    if el.get("initial_conversation"):
        return str(el["initial_conversation"])
    if isinstance(el.get("initial_option"), dict):
        return _txt(el["initial_option"].get("text"))
    many = el.get("initial_options") or el.get("initial_users") or el.get("initial_conversations")
    if many:
        return ", ".join(_txt(o.get("text")) if isinstance(o, dict) else str(o) for o in many)
    return ""


def _element(el: Any) -> str:
    if not isinstance(el, dict):
        return ""
    kind = el.get("type", "")
    if kind == "button":
        return f"[{_txt(el.get('text'))}]"
    if kind == "image":
        return f"[image: {el.get('alt_text', '')}]"
    if kind == "overflow":
        return "[⋯]"
    label = _initial(el) or _txt(el.get("placeholder"))
    if kind.endswith("select"):
        return f"[▾ {label}]"
    return f"[{kind}: {label}]" if label else f"[{kind}]"


def _rich_text(node: Any) -> str:
    if isinstance(node, list):
        return "".join(_rich_text(n) for n in node)
    if not isinstance(node, dict):
        return ""
    kind = node.get("type")
    if kind == "text":
        return node.get("text", "")
    if kind == "link":
        return node.get("text") or node.get("url", "")
    if kind == "user":
        return f"<@{node.get('user_id', '')}>"
    if kind == "emoji":
        return f":{node.get('name', '')}:"
    text = _rich_text(node.get("elements", []))
    return f"{text}\n" if kind in ("rich_text_section", "rich_text_list") else text


def _blocks(blocks: Any) -> list[str]:
    lines: list[str] = []
    for b in blocks if isinstance(blocks, list) else []:
        kind = b.get("type") if isinstance(b, dict) else None
        if kind == "section":
            accessory = _element(b.get("accessory"))
            head = " ".join(x for x in (_txt(b.get("text")), accessory) if x)
            fields = [_txt(f) for f in b.get("fields") or []]
            lines += [head] if head else []
            lines += [" | ".join(fields[i : i + 2]) for i in range(0, len(fields), 2)]
        elif kind in ("header", "markdown"):
            text = b.get("text")
            lines.append(text if isinstance(text, str) else _txt(text))
        elif kind == "context":
            lines.append(
                "  ".join(_txt(e) if _txt(e) else _element(e) for e in b.get("elements") or [])
            )
        elif kind == "actions":
            lines.append(" ".join(_element(e) for e in b.get("elements") or []))
        elif kind == "divider":
            lines.append("────")
        elif kind == "input":
            el = b.get("element") if isinstance(b.get("element"), dict) else {}
            initial = _initial(el)
            suffix = f" ({initial})" if initial else ""
            lines.append(f"{_txt(b.get('label'))}: <{el.get('type', '?')}>{suffix}")
        elif kind == "image":
            lines.append(f"[image: {b.get('alt_text', '')}]")
        elif kind == "rich_text":
            lines += _rich_text(b.get("elements", [])).rstrip("\n").splitlines()
        elif kind:
            lines.append(f"[{kind}: {_txt(b.get('title'))}]" if b.get("title") else f"[{kind}]")
    return lines


def _message(a: dict) -> list[str]:
    text = [str(a["text"])] if a.get("text") else []
    lines = _blocks(a.get("blocks")) if a.get("blocks") else text
    for att in a.get("attachments") or []:
        if isinstance(att, dict):
            inner = _blocks(att.get("blocks")) if att.get("blocks") else []
            lines += [
                f"▌ {line}" for line in inner or [att.get("text") or att.get("fallback") or ""]
            ]
    return lines


def describe(call: Call) -> str:
    """Render a call as a person would see it in Slack, as plain text."""
    a, method = call.args, call.method
    view = a.get("view") if isinstance(a.get("view"), dict) else {}
    if method == "views.publish":
        head = f"[home tab of {a.get('user_id', '?')}]"
    elif method.startswith("views."):
        head = f"[{view.get('type', 'modal')}] {_txt(view.get('title'))}"
    elif method == "chat.postEphemeral":
        head = f"{a.get('channel')} (only visible to {a.get('user')}):"
    elif method == "chat.update":
        head = f"{a.get('channel')} (edited message {a.get('ts')}):"
    elif method == "chat.scheduleMessage":
        head = f"{a.get('channel')} (scheduled for {a.get('post_at')}):"
    elif method == "response_url":
        kind = a.get("response_type", "ephemeral")
        kind = "replaces original" if a.get("replace_original") else kind
        kind = "deletes original" if a.get("delete_original") else kind
        head = f"response_url {a.get('_key')} ({kind}):"
    elif method == "chat.postMessage":
        thread = f" (in thread {a['thread_ts']})" if a.get("thread_ts") else ""
        head = f"{a.get('channel')}{thread}:"
    elif method == "files.completeUploadExternal":
        thread = f" (in thread {a['thread_ts']})" if a.get("thread_ts") else ""
        files = a.get("files") if isinstance(a.get("files"), list) else []
        titles = ", ".join(str(f.get("title", "")) for f in files if isinstance(f, dict))
        return f"{a.get('channel_id') or a.get('channels')}{thread}:\n[file: {titles}]"
    else:
        shown = {k: v for k, v in a.items() if k not in ("blocks", "view")}
        failed = "" if call.ok else f" ✗ {call.error}"
        return f"{method} {json.dumps(shown, ensure_ascii=False)}{failed}"
    lines = [head] if call.ok else [head, f"✗ {call.error}"]
    if method.startswith("views."):
        lines += _blocks(view.get("blocks"))
        lines += [f"[{_txt(view['submit'])}]"] if view.get("submit") else []
    elif not a.get("delete_original"):
        lines += _message(a)
    return "\n".join(lines)
