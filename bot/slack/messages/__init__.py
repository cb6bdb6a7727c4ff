"""The text catalogue: every user-visible string, whole, in Chinese and English, by feature.

Each module of this package holds one feature's texts in `MESSAGES`; every module is loaded
(in name order), so a new feature's texts are one new module. A key defined twice is an error.
"""

from __future__ import annotations

import importlib
import pkgutil

from bot.slack.messages.entry import M, Plural

MESSAGES: dict[str, M] = {}
for _name in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    _texts = getattr(importlib.import_module(f"{__name__}.{_name}"), "MESSAGES", None)
    if _texts is None:  # entry.py: the form of an entry, no texts
        continue
    if _twice := MESSAGES.keys() & _texts.keys():
        raise ValueError(f"texts defined twice: {sorted(_twice)}")
    MESSAGES |= _texts

__all__ = ["MESSAGES", "Plural"]
