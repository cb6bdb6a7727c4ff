"""What is wrong with something a person typed, as data: the caller words it in their language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """A text key of the catalogue (bot/slack/messages.py) and the values it is filled with."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)
