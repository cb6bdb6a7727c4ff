"""Messages and views checked the way the Slack Web API checks them, against bot/slack/limits.py.

Used by :mod:`sandbox.fake_slack` so tests fail on payloads that real Slack would
reject. Every check raises :class:`ApiError` carrying the Slack error code and a
detail line shaped like Slack's ``response_metadata.messages`` entries.
"""

from __future__ import annotations

from typing import Any, NoReturn

from bot.slack.limits import (
    ACTIONS_ELEMENTS_MAX,
    BUTTON_TEXT_MAX,
    BUTTON_VALUE_MAX,
    CONTEXT_ELEMENTS_MAX,
    FIELD_TEXT_MAX,
    FIELDS_MAX,
    HEADER_TEXT_MAX,
    ID_MAX,
    LABEL_MAX,
    MESSAGE_BLOCKS_TEXT_MAX,
    MESSAGE_MAX_BLOCKS,
    MESSAGE_TEXT_MAX,
    OPTION_TEXT_MAX,
    OPTION_VALUE_MAX,
    OPTIONS_MAX,
    PLACEHOLDER_MAX,
    PRIVATE_METADATA_MAX,
    SECTION_TEXT_MAX,
    SELECT_OPTIONS_MAX,
    URL_MAX,
    VIEW_BUTTON_MAX,
    VIEW_MAX_BLOCKS,
    VIEW_TITLE_MAX,
)

BLOCK_TYPES = frozenset(
    {"section", "divider", "header", "context", "actions", "input", "image", "rich_text"}
    | {"file", "video", "markdown"}
)
SELECT_INITIALS = ("initial_option", "initial_options")


class ApiError(Exception):
    """A Slack Web API error: ``error`` is the code, ``detail`` an optional explanation,
    ``fields`` extra top-level keys of the answer (``missing_scope`` names the scope needed)."""

    def __init__(self, error: str, detail: str | None = None, **fields: Any) -> None:
        super().__init__(f"{error}: {detail}" if detail else error)
        self.error = error
        self.detail = detail
        self.fields = fields


def _fail(problem: str, pointer: str, code: str = "invalid_blocks") -> NoReturn:
    raise ApiError(code, f"[ERROR] {problem} [json-pointer:{pointer}]")


def _max_len(value: Any, limit: int, pointer: str) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        _fail("must be a string", pointer)
    if len(value) > limit:
        _fail(f"must be less than {limit + 1} characters", pointer)


def _text(obj: Any, pointer: str, limit: int, plain: bool = False) -> None:
    kinds = ("plain_text",) if plain else ("plain_text", "mrkdwn")
    if not isinstance(obj, dict) or obj.get("type") not in kinds:
        _fail(f"must be a text object of type {' or '.join(kinds)}", pointer)
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        _fail("must be more than 0 characters", f"{pointer}/text")
    _max_len(text, limit, f"{pointer}/text")


def _items(value: Any, pointer: str, limit: int) -> list:
    if not isinstance(value, list) or not value:
        _fail("must provide at least 1 item", pointer)
    if len(value) > limit:
        _fail(f"no more than {limit} items allowed", pointer)
    return value


def _options(el: dict, pointer: str) -> None:
    kind = el["type"]
    if "option_groups" in el:
        groups = _items(el["option_groups"], f"{pointer}/option_groups", 100)
        options = [o for g in groups if isinstance(g, dict) for o in g.get("options") or []]
    else:
        options = _items(
            el.get("options"), f"{pointer}/options", OPTIONS_MAX.get(kind, SELECT_OPTIONS_MAX)
        )
    for i, opt in enumerate(options):
        if not isinstance(opt, dict):
            _fail("must be an option object", f"{pointer}/options/{i}")
        plain = kind not in ("checkboxes", "radio_buttons")
        _text(opt.get("text"), f"{pointer}/options/{i}/text", OPTION_TEXT_MAX, plain=plain)
        if not isinstance(opt.get("value"), str):
            _fail("must provide a string", f"{pointer}/options/{i}/value")
        _max_len(opt["value"], OPTION_VALUE_MAX, f"{pointer}/options/{i}/value")
    known = {(o.get("value"), (o.get("text") or {}).get("text")) for o in options}
    for key in SELECT_INITIALS:
        initial = el.get(key)
        chosen = initial if isinstance(initial, list) else [initial] if initial else []
        for opt in chosen:
            if (
                not isinstance(opt, dict)
                or (opt.get("value"), (opt.get("text") or {}).get("text")) not in known
            ):
                _fail("must match one of the provided options", f"{pointer}/{key}")


def check_element(el: Any, pointer: str) -> None:
    """An interactive element: button, select, overflow, input, date picker..."""
    if not isinstance(el, dict) or not isinstance(el.get("type"), str):
        _fail("must be an element object with a type", pointer)
    _max_len(el.get("action_id"), ID_MAX, f"{pointer}/action_id")
    kind = el["type"]
    if kind == "button":
        _text(el.get("text"), f"{pointer}/text", BUTTON_TEXT_MAX, plain=True)
        _max_len(el.get("value"), BUTTON_VALUE_MAX, f"{pointer}/value")
        _max_len(el.get("url"), URL_MAX, f"{pointer}/url")
        if el.get("style") not in (None, "primary", "danger"):
            _fail("must be one of primary, danger", f"{pointer}/style")
    elif kind == "image":
        _image(el, pointer)
    elif kind in ("static_select", "multi_static_select") or kind in OPTIONS_MAX:
        _options(el, pointer)
    if "placeholder" in el:
        _text(el["placeholder"], f"{pointer}/placeholder", PLACEHOLDER_MAX, plain=True)


def _image(block: dict, pointer: str) -> None:
    if not block.get("image_url") and not block.get("slack_file"):
        _fail("must provide image_url or slack_file", pointer)
    _max_len(block.get("image_url"), URL_MAX, f"{pointer}/image_url")
    if not isinstance(block.get("alt_text"), str):
        _fail("must provide alt_text", f"{pointer}/alt_text")
    _max_len(block["alt_text"], LABEL_MAX, f"{pointer}/alt_text")


def _section(block: dict, p: str) -> None:
    if block.get("text") is None and not block.get("fields"):
        _fail("must provide text or fields", p)
    if block.get("text") is not None:
        _text(block["text"], f"{p}/text", SECTION_TEXT_MAX)
    if block.get("fields") is not None:
        for i, f in enumerate(_items(block["fields"], f"{p}/fields", FIELDS_MAX)):
            _text(f, f"{p}/fields/{i}", FIELD_TEXT_MAX)
    if block.get("accessory") is not None:
        check_element(block["accessory"], f"{p}/accessory")


def _actions(block: dict, p: str) -> None:
    seen: set[str] = set()
    for i, el in enumerate(_items(block.get("elements"), f"{p}/elements", ACTIONS_ELEMENTS_MAX)):
        check_element(el, f"{p}/elements/{i}")
        action_id = el.get("action_id")
        if action_id is not None and action_id in seen:
            _fail(f"duplicate action_id {action_id!r} in block", f"{p}/elements/{i}/action_id")
        seen.add(action_id)


def _context(block: dict, p: str) -> None:
    for i, el in enumerate(_items(block.get("elements"), f"{p}/elements", CONTEXT_ELEMENTS_MAX)):
        if isinstance(el, dict) and el.get("type") == "image":
            _image(el, f"{p}/elements/{i}")
        else:
            _text(el, f"{p}/elements/{i}", SECTION_TEXT_MAX)


def _input(block: dict, p: str) -> None:
    _text(block.get("label"), f"{p}/label", LABEL_MAX, plain=True)
    if block.get("hint") is not None:
        _text(block["hint"], f"{p}/hint", LABEL_MAX, plain=True)
    check_element(block.get("element"), f"{p}/element")


_BLOCK_CHECKS = {
    "section": _section,
    "header": lambda b, p: _text(b.get("text"), f"{p}/text", HEADER_TEXT_MAX, plain=True),
    "actions": _actions,
    "context": _context,
    "input": _input,
    "image": _image,
}


def check_blocks(blocks: Any, max_blocks: int, pointer: str = "/blocks") -> None:
    """Validate a list of blocks; raise ApiError("invalid_blocks", ...) on the first problem."""
    if not isinstance(blocks, list):
        raise ApiError("invalid_blocks_format", "blocks must be a JSON array")
    if len(blocks) > max_blocks:
        _fail(f"no more than {max_blocks} items allowed", pointer)
    block_ids: set[str] = set()
    for i, block in enumerate(blocks):
        p = f"{pointer}/{i}"
        if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
            _fail("must be a block object of a known type", p)
        block_id = block.get("block_id")
        _max_len(block_id, ID_MAX, f"{p}/block_id")
        if block_id is not None and block_id in block_ids:
            _fail(f"duplicate block_id {block_id!r}", f"{p}/block_id")
        block_ids.add(block_id)
        check = _BLOCK_CHECKS.get(block["type"])
        if check:
            check(block, p)


def check_message(args: dict) -> None:
    """Message payload (chat.* arguments or a response_url body)."""
    text, blocks, attachments = args.get("text"), args.get("blocks"), args.get("attachments")
    if not text and not blocks and not attachments:
        raise ApiError("no_text", "text, blocks or attachments is required")
    if isinstance(text, str) and len(text) > MESSAGE_TEXT_MAX:
        raise ApiError("msg_too_long", f"text is {len(text)} characters, limit {MESSAGE_TEXT_MAX}")
    if blocks not in (None, ""):
        check_blocks(blocks, MESSAGE_MAX_BLOCKS)
    if attachments not in (None, ""):
        if not isinstance(attachments, list):
            raise ApiError("invalid_attachments", "attachments must be a JSON array")
        for i, att in enumerate(attachments):
            if isinstance(att, dict) and att.get("blocks") is not None:
                check_blocks(att["blocks"], MESSAGE_MAX_BLOCKS, f"/attachments/{i}/blocks")
    inner = [a.get("blocks") for a in attachments or [] if isinstance(a, dict)]
    size = text_in(blocks) + text_in(inner)
    if size > MESSAGE_BLOCKS_TEXT_MAX:
        raise ApiError(
            "msg_blocks_too_long",
            f"the blocks carry {size} characters of text, limit {MESSAGE_BLOCKS_TEXT_MAX}",
        )


def text_in(blocks: Any) -> int:
    """The characters of text blocks carry in all, counted as Slack counts them against
    MESSAGE_BLOCKS_TEXT_MAX, whatever each block's own limit: the text of every text object
    (section text and fields, context elements, headers, buttons, options, placeholders) and
    of markdown and rich-text elements. Counted here on its own, not with the product's
    bot/slack/blocks.py `text_size`, so that a miscount there is caught."""
    if isinstance(blocks, list):
        return sum(text_in(b) for b in blocks)
    if not isinstance(blocks, dict):
        return 0
    text = blocks.get("text")
    own = len(text) if isinstance(text, str) else 0
    return own + sum(text_in(v) for k, v in blocks.items() if k != "text" or not isinstance(v, str))


def check_view(view: Any, kinds: tuple[str, ...] = ("modal", "home")) -> None:
    """A modal or home view; every problem is ``invalid_arguments`` like the views.* methods."""
    if not isinstance(view, dict):
        raise ApiError("invalid_arguments", "view must be a JSON object")
    if view.get("type") not in kinds:
        _fail(f"must be one of {', '.join(kinds)}", "/view/type", "invalid_arguments")
    try:
        if view["type"] == "modal":
            _text(view.get("title"), "/view/title", VIEW_TITLE_MAX, plain=True)
        for key in ("submit", "close"):
            if view.get(key) is not None:
                _text(view[key], f"/view/{key}", VIEW_BUTTON_MAX, plain=True)
        for key, limit in (("callback_id", ID_MAX), ("external_id", ID_MAX)):
            _max_len(view.get(key), limit, f"/view/{key}")
        _max_len(view.get("private_metadata"), PRIVATE_METADATA_MAX, "/view/private_metadata")
        check_blocks(view.get("blocks"), VIEW_MAX_BLOCKS, "/view/blocks")
    except ApiError as exc:
        raise ApiError("invalid_arguments", exc.detail) from None
    has_input = any(b.get("type") == "input" for b in view["blocks"])
    if view["type"] == "modal" and has_input and view.get("submit") is None:
        _fail(
            "must provide submit when the view has input blocks",
            "/view/submit",
            "invalid_arguments",
        )


def check_ack(body: Any) -> None:
    """What an app answers a request of Slack's with, checked as Slack checks it: a command's
    reply (a message), a submitted form's errors (block id → text) or its next view. Slack
    shows the person an error instead of an answer it refuses."""
    if not isinstance(body, dict):
        raise ApiError("invalid_ack", "the answer must be a JSON object")
    action = body.get("response_action")
    if action in ("update", "push"):
        check_view(body.get("view"), ("modal",))
    elif action == "errors":
        errors = body.get("errors")
        if not isinstance(errors, dict) or not errors:
            raise ApiError("invalid_arguments", "errors must name at least one block")
        if not all(isinstance(v, str) and v for v in errors.values()):
            raise ApiError("invalid_arguments", "each error must be a non-empty text")
    elif action not in (None, "clear"):
        raise ApiError("invalid_arguments", f"unknown response_action {action!r}")
    elif body.get("text") or body.get("blocks"):
        check_message(body)


def check_metadata(metadata: Any) -> None:
    """Message metadata as chat.postMessage and chat.update take it: an object with a string
    ``event_type`` and an object ``event_payload`` (Slack answers invalid_metadata_format)."""
    if metadata in (None, ""):
        return
    if (
        not isinstance(metadata, dict)
        or not isinstance(metadata.get("event_type"), str)
        or not metadata["event_type"]
        or not isinstance(metadata.get("event_payload"), dict)
    ):
        raise ApiError(
            "invalid_metadata_format",
            "metadata must be an object with a string event_type and an object event_payload",
        )
