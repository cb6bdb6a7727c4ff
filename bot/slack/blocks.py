"""Small builders of Block Kit dicts, so views read like the message they make; and the one way
a message too long for one is split (`parts`, `split`) or capped (`cap_blocks`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

import orjson

from bot.slack.limits import (
    BUTTON_TEXT_MAX,
    BUTTON_VALUE_MAX,
    FIELD_TEXT_MAX,
    FIELDS_MAX,
    HEADER_TEXT_MAX,
    LABEL_MAX,
    MESSAGE_BLOCKS_TEXT_MAX,
    MESSAGE_MAX_BLOCKS,
    OPTION_TEXT_MAX,
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
Unit = Block | list[Block]  # a block, or blocks kept in one message (a request and its buttons)
Post = tuple[str, list[Block]]  # a message: its notification text and its blocks


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


def users_input(
    block_id: str,
    label: str,
    initial: Sequence[str] | None = None,
    *,
    optional: bool = False,
    max_selected: int = 50,
) -> Block:
    """A multi_users_select input: several people (at most `max_selected`)."""
    el: Block = {
        "type": "multi_users_select",
        "action_id": "value",
        "max_selected_items": max_selected,
    }
    if initial:
        el["initial_users"] = list(initial)[:max_selected]
    return _input(block_id, label, el, optional)


def checkbox_input(block_id: str, label: str, option_text: str, value: str, checked: bool) -> Block:
    """One checkbox, optional (left unticked, the field is simply empty)."""
    opt = {"text": plain(option_text, OPTION_TEXT_MAX), "value": value}
    el: Block = {"type": "checkboxes", "action_id": "value", "options": [opt]}
    if checked:
        el["initial_options"] = [opt]
    return _input(block_id, label, el, True)


def modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    submit: str | None,
    close: str,
    private_metadata: str = "",
) -> Block:
    """A modal. One that cannot be submitted (`submit` None: nothing to pick from) shows no
    fields, only what it says: Slack refuses a modal with input blocks and no submit button."""
    if not submit:
        blocks = [b for b in blocks if b.get("type") != "input"]
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
        elif "selected_options" in v:
            out[block_id] = [(o or {}).get("value") for o in v["selected_options"] or []]
        else:
            out[block_id] = v.get("value")
    return out


# --- one way to split a long message ------------------------------------------------------------
# Slack refuses a message over 50 blocks, a section over 3,000 characters, and blocks carrying
# more than about 12,000 characters of text in all (MESSAGE_BLOCKS_TEXT_MAX). What is too long
# for one message becomes several, in order; nothing is cut and no line is lost.
TEXT_PER_MESSAGE = MESSAGE_BLOCKS_TEXT_MAX - 2000  # well under Slack's undocumented limit
LINE_MAX = SECTION_TEXT_MAX - 100  # a section's text; a longer line is broken at a separator
LABEL_ROOM = 200  # kept free in each part for the line saying which part it is
SEPARATORS = (" · ", "、", ", ", "，", "；", "\n", " ")


class Texts(Protocol):
    """Who writes the lines of a split message (bot/slack/texts.py's Reader)."""

    def t(self, key: str, /, **values: object) -> str: ...


def fit(lines: Iterable[str], limit: int = LINE_MAX) -> list[str]:
    """Every line within `limit` characters: a longer one is broken before the limit at the
    last " · ", else a list's "、" or ", ", … else a space; hard only if there is none."""
    out: list[str] = []
    for line in lines:
        while len(line) > limit:
            cuts = (line.rfind(sep, 0, limit) for sep in SEPARATORS)
            cut = next((c for c in cuts if c > limit // 2), limit)  # the first kind that does
            out.append(line[:cut].rstrip())
            line = line[cut:].lstrip(" ·、,，；\n")
        out.append(line)
    return out


def sections(lines: Iterable[str], limit: int = LINE_MAX) -> list[Block]:
    """Lines as as few sections as fit Slack's limit on a section's text; a line too long for
    one is broken (`fit`), never cut."""
    out: list[Block] = []
    chunk: list[str] = []
    size = 0
    for line in fit(lines, limit):
        if chunk and size + len(line) + 1 > limit:
            out.append(section("\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        out.append(section("\n".join(chunk)))
    return out


def text_size(block: Any) -> int:
    """The characters of text a block carries toward a message's total: the text of every text
    object in it (section text and fields, context elements, headers, buttons, options…)."""
    size = 0
    if isinstance(block, dict):
        for key, value in block.items():
            if isinstance(value, str):
                size += len(value) if key == "text" else 0
            elif isinstance(value, dict | list):
                size += text_size(value)
    elif isinstance(block, list):
        for value in block:
            size += text_size(value)
    return size


def split(
    units: Sequence[Unit],
    *,
    max_blocks: int = MESSAGE_MAX_BLOCKS,
    max_text: int = TEXT_PER_MESSAGE,
) -> list[list[Block]]:
    """Blocks as messages, in order, each within `max_blocks` blocks and `max_text` characters
    of text. A unit that is a list of blocks (a form with its buttons) stays whole in one
    message, unless it alone is too big for one; a section over Slack's limit is broken
    between its lines."""
    whole = [b for unit in units for b in ([unit] if isinstance(unit, dict) else unit)]
    if _plainly_fits(whole, max_blocks, max_text):
        return [whole]
    return [[b for unit in part for b in unit] for part in _pack(units, max_blocks, max_text)]


def _plainly_fits(blocks: list[Block], max_blocks: int, max_text: int) -> bool:
    """Most messages at a glance, without counting their text object by object: few enough
    blocks, no section over Slack's limit, and their whole JSON shorter than the text allowed
    (every text is in it, as long or longer)."""
    if len(blocks) > max_blocks or any(len(_within(b)) > 1 for b in blocks):
        return False
    try:
        return len(orjson.dumps(blocks)) <= max_text
    except TypeError:  # something orjson will not write (a key that is not text): count it all
        return False


def parts(text: str, units: Sequence[Unit], r: Texts, *, rest: str | None = None) -> list[Post]:
    """A message as one post, or as several (`split`) when Slack's limits ask: each later one's
    text and first line say which part it is ("（续 2/3）"); with `rest` (a text key taking
    `n`), the first also says where the other n are (in its thread, in a DM)."""
    whole = split(units)
    if len(whole) == 1:
        return [(text, whole[0])]
    chunks = split(units, max_blocks=MESSAGE_MAX_BLOCKS - 1, max_text=TEXT_PER_MESSAGE - LABEL_ROOM)
    n = len(chunks)
    first = chunks[0] + ([context(r.t(rest, n=n - 1))] if rest else [])
    posts = [(text, first)]
    for i, chunk in enumerate(chunks[1:], 2):
        label = r.t("common.continued", i=i, n=n)
        posts.append((f"{text} {label}", [context(label), *chunk]))
    return posts


def cap_blocks(
    units: Sequence[Unit],
    more: Callable[[int], str],
    *,
    max_blocks: int = MESSAGE_MAX_BLOCKS,
    max_text: int = TEXT_PER_MESSAGE,
) -> list[Block]:
    """What fits one message (the first part of `split`); when that is not all, the last line
    says how many were left out (`more(n)` words it)."""
    packed = _pack(units, max_blocks, max_text)
    if len(packed) == 1:
        return [b for unit in packed[0] for b in unit]
    kept = _pack(units, max_blocks - 1, max_text - LABEL_ROOM)
    left = sum(len(part) for part in kept[1:])
    return [*(b for unit in kept[0] for b in unit), context(more(left))]


def _pack(units: Sequence[Unit], max_blocks: int, max_text: int) -> list[list[list[Block]]]:
    """The units, whole, in as few messages as the limits allow, in order."""
    packed: list[list[list[Block]]] = [[]]
    blocks = chars = 0
    for unit, size in _units(units, max_blocks, max_text):
        n = len(unit)
        if packed[-1] and (blocks + n > max_blocks or chars + size > max_text):
            packed.append([])
            blocks = chars = 0
        packed[-1].append(unit)
        blocks, chars = blocks + n, chars + size
    return packed


def _units(
    units: Sequence[Unit], max_blocks: int, max_text: int
) -> Iterator[tuple[list[Block], int]]:
    """Each unit as a list of blocks with its text size (measured once); one too big for a
    message comes apart into its blocks, and a bare section over Slack's limit into sections
    between its lines."""
    for unit in units:
        if isinstance(unit, dict):
            group = _within(unit)
        else:
            group = [piece for b in unit for piece in _within(b)]
        sizes = [text_size(b) for b in group]
        if len(group) > max_blocks or sum(sizes) > max_text:
            yield from (([b], size) for b, size in zip(group, sizes, strict=True))
        else:
            yield group, sum(sizes)


def _within(block: Block) -> list[Block]:
    """A bare section (no accessory, no id) over Slack's limit as sections of its lines."""
    text = (block.get("text") or {}).get("text") if block.get("type") == "section" else None
    if not isinstance(text, str) or len(text) <= SECTION_TEXT_MAX or len(block) > 2:
        return [block]
    return sections(text.split("\n"))
