"""What a payload from Slack must look like before anything reads it.

`payload_problem` names what makes a signed payload one Slack never sends: the parts Bolt's
routing and the listeners' door (bot/slack/listeners.py) read without checking. The HTTP server
answers such a payload 400 with one log line (bot/server.py), Socket Mode leaves it unanswered
(bot/socket_mode.py); nothing runs for it and nothing is stored.

`holds_nul` (bot/rules/nul.py) says whether any text in a payload holds a NUL character: PostgreSQL refuses to store
one and SQLite would keep it, so the door refuses such a request whatever the feature, with a
line in the person's language.
"""

from __future__ import annotations

from typing import Any

OBJECTS = ("team", "user", "channel", "event", "view")


def payload_problem(body: Any) -> str:
    """Why a signed payload is not one Slack sends ("" when it looks right)."""
    if not isinstance(body, dict):
        return "the payload is not an object"
    kind = body.get("type")
    if kind == "block_actions":
        actions = body.get("actions")
        if not (isinstance(actions, list) and actions and isinstance(actions[0], dict)):
            return "a block_actions payload without actions"
    if kind in ("view_submission", "view_closed") and not isinstance(body.get("view"), dict):
        return f"a {kind} payload without a view"
    for part in OBJECTS:
        if part in body and not isinstance(body[part], dict | None):
            return f"its {part} is not an object"
    view = body.get("view")
    return view_problem(view) if isinstance(view, dict) else ""


def view_problem(view: dict[str, Any]) -> str:
    """What is wrong with a view as Slack sends it (a modal submitted, the App Home clicked):
    its type, callback id and private metadata are strings, its blocks objects, and its state
    holds an object per block, each an object per element."""
    if not isinstance(view.get("type"), str):
        return "its view has no type"
    for text in ("callback_id", "private_metadata"):
        if not isinstance(view.get(text, ""), str):
            return f"its view's {text} is not a string"
    blocks = view.get("blocks", [])
    if not (isinstance(blocks, list) and all(isinstance(b, dict) for b in blocks)):
        return "its view's blocks are not a list of objects"
    state = view.get("state", {})
    if not isinstance(state, dict):
        return "its view's state is not an object"
    values = state.get("values", {})
    if not isinstance(values, dict):
        return "its view's state values are not an object"
    for elements in values.values():
        if not (isinstance(elements, dict) and all(isinstance(v, dict) for v in elements.values())):
            return "its view's state values are not objects"
    return ""
