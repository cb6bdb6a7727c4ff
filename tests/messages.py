"""Reading a message as its reader sees it: the text of its sections and context lines, and
its buttons. Shared by the feature tests."""

from __future__ import annotations

from typing import Any


def lines_of(message: dict[str, Any]) -> list[str]:
    """The text of each section and each context element, in order."""
    out = []
    for b in message.get("blocks") or []:
        if b["type"] == "section":
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out += [e["text"] for e in b["elements"]]
    return out


def text_of(message: dict[str, Any]) -> str:
    """All of it, one line after another."""
    return "\n".join(lines_of(message))


def buttons(message: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(text, action_id, value) of every button in the message's action rows."""
    return [
        (e["text"]["text"], e["action_id"], e.get("value", ""))
        for b in message.get("blocks") or []
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "button"
    ]
