"""Text that cannot be stored: a NUL character (PostgreSQL refuses it; SQLite would keep it, so
aebot refuses it on both)."""

from __future__ import annotations

from typing import Any


def holds_nul(value: Any) -> bool:
    """Whether any string in `value` (objects with their keys, lists, tuples, strings) holds a
    NUL; without recursion, however deep a hostile payload nests."""
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
