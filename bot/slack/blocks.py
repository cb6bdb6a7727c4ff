"""Small builders of Block Kit dicts, so views read like the message they make."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.slack.limits import (
    BUTTON_TEXT_MAX,
    BUTTON_VALUE_MAX,
    FIELD_TEXT_MAX,
    FIELDS_MAX,
    HEADER_TEXT_MAX,
    LABEL_MAX,
    MESSAGE_MAX_BLOCKS,
    PLACEHOLDER_MAX,
    PRIVATE_METADATA_MAX,
    SECTION_TEXT_MAX,
    SELECT_OPTIONS_MAX,
    TEXT_INPUT_MAX,
    VIEW_BUTTON_MAX,
    VIEW_MAX_BLOCKS,
    VIEW_TITLE_MAX,
)

Block = dict[str, Any]


def escape(text: str) -> str:
    """Escape user text for mrkdwn: `<!channel>`, `<@U…>` and links typed by a user stay plain text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, limit: int = BUTTON_TEXT_MAX) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text, limit), "emoji": True}


def section(text: str, accessory: Block | None = None, block_id: str | None = None) -> Block:
    b: Block = {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, SECTION_TEXT_MAX)}}
    if accessory:
        b["accessory"] = accessory
    if block_id:
        b["block_id"] = block_id
    return b


def fields(*texts: str) -> Block:
    return {
        "type": "section",
        "fields": [{"type": "mrkdwn", "text": clip(x, FIELD_TEXT_MAX)} for x in texts[:FIELDS_MAX]],
    }


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, HEADER_TEXT_MAX)}


def context(text: str) -> Block:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": clip(text, SECTION_TEXT_MAX)}],
    }


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str = "", style: str | None = None) -> Block:
    b: Block = {
        "type": "button",
        "text": plain(text),
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_MAX],
    }
    if style:
        b["style"] = style
    return b


def actions(*elements: Block, block_id: str | None = None) -> Block:
    b: Block = {"type": "actions", "elements": list(elements)}
    if block_id:
        b["block_id"] = block_id
    return b


def option(text: str, value: str) -> dict[str, Any]:
    return {"text": plain(text), "value": value}


def text_input(
    block_id: str,
    label: str,
    *,
    initial: str = "",
    multiline: bool = False,
    optional: bool = False,
    placeholder: str = "",
    max_length: int = TEXT_INPUT_MAX,
) -> Block:
    el: Block = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": multiline,
        "max_length": max_length,
    }
    if initial:
        el["initial_value"] = initial[:max_length]
    return _input(block_id, label, el, optional, placeholder)


def select_input(
    block_id: str,
    label: str,
    options: list[dict[str, Any]],
    *,
    initial: str | None = None,
    optional: bool = False,
    placeholder: str = "",
) -> Block:
    el: Block = {
        "type": "static_select",
        "action_id": "value",
        "options": options[:SELECT_OPTIONS_MAX],
    }
    chosen = [o for o in options if o["value"] == initial]
    if chosen:
        el["initial_option"] = chosen[0]
    return _input(block_id, label, el, optional, placeholder)


def user_input(
    block_id: str, label: str, *, initial: str | None = None, optional: bool = False
) -> Block:
    el: Block = {"type": "users_select", "action_id": "value"}
    if initial:
        el["initial_user"] = initial
    return _input(block_id, label, el, optional)


def modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    submit: str | None,
    close: str,
    private_metadata: str = "",
) -> Block:
    v: Block = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, VIEW_TITLE_MAX),
        "close": plain(close, VIEW_BUTTON_MAX),
        "blocks": blocks[:VIEW_MAX_BLOCKS],
        "private_metadata": private_metadata[:PRIVATE_METADATA_MAX],
    }
    if submit:
        v["submit"] = plain(submit, VIEW_BUTTON_MAX)
    return v


def _input(block_id: str, label: str, el: Block, optional: bool, placeholder: str = "") -> Block:
    """An input block: every form field's label, element and whether it may be left empty."""
    if placeholder:
        el["placeholder"] = plain(placeholder, PLACEHOLDER_MAX)
    return {
        "type": "input",
        "block_id": block_id,
        "label": plain(label, LABEL_MAX),
        "element": el,
        "optional": optional,
    }


def state_values(view: dict[str, Any]) -> dict[str, Any]:
    """A submitted modal's values by block id: text, selected option value, user or users."""
    out: dict[str, Any] = {}
    for block_id, acts in view.get("state", {}).get("values", {}).items():
        v = acts.get("value", {})
        if "selected_option" in v:
            out[block_id] = (v["selected_option"] or {}).get("value")
        elif "selected_user" in v:
            out[block_id] = v["selected_user"]
        elif "selected_users" in v:
            out[block_id] = list(v["selected_users"] or [])
        else:
            out[block_id] = v.get("value")
    return out


def cap_blocks(blocks: list[Block], more: Callable[[int], str]) -> list[Block]:
    """Keep a message within Slack's 50 blocks; the last says how many were left out
    (`more(n)` words it)."""
    if len(blocks) <= MESSAGE_MAX_BLOCKS:
        return blocks
    kept = blocks[: MESSAGE_MAX_BLOCKS - 1]
    return [*kept, context(more(len(blocks) - len(kept)))]


def sections(lines: list[str], margin: int = 100) -> list[Block]:
    """Lines as as few sections as fit Slack's limit on a section's text (none is cut)."""
    out: list[Block] = []
    chunk: list[str] = []
    size = 0
    for line in lines:
        line = clip(line, SECTION_TEXT_MAX - margin)
        if chunk and size + len(line) + 1 > SECTION_TEXT_MAX - margin:
            out.append(section("\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        out.append(section("\n".join(chunk)))
    return out
