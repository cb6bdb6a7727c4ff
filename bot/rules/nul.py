"""Text that cannot be stored: a NUL character (PostgreSQL refuses it; SQLite would keep it, so
aebot refuses it on both)."""

from __future__ import annotations

from typing import Any

import orjson

_WRITTEN_NUL = b"\\u0000"  # how JSON writes a NUL (and how it writes the text "\u0000" typed)


def holds_nul(value: Any) -> bool:
    """Whether any string in `value` (objects with their keys, lists, tuples, strings) holds a
    NUL. Most values are read at once as JSON, which writes every NUL as `\\u0000`: without one
    there is none (a department's morning queues megabytes of text, three times faster so). A
    value JSON cannot write, or that may hold one, is walked through, without recursion however
    deep a hostile payload nests."""
    try:
        if _WRITTEN_NUL not in orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS):
            return False
    except TypeError:  # not JSON (bytes, a set, a number too big, too deep): walk it
        pass
    return _walk(value)


def _walk(value: Any) -> bool:
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, list | tuple):
            todo.extend(item)
    return False
