"""`holds_nul`: a NUL anywhere in a value is found, whether the value reads as JSON or not."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bot.rules.nul import holds_nul

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def nested(depth: int, inner: object) -> object:
    value = inner
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("value", "held"),
    [
        ("价格谈判 🎯", False),
        ("价格\x00谈判", True),
        ({"text": "a\x00"}, True),
        ({"te\x00xt": "a"}, True),  # in a key
        ([("U1", NOW, None, 3, 1.5, True)], False),  # a statement's rows
        ([("U1", NOW, "x\x00")], True),
        ({1: "a", 2: "b\x00"}, True),  # keys that are not text
        (r"typed \u0000 as six characters", False),  # JSON writes it like a NUL: walked
        ([b"\x00", "plain"], False),  # bytes are not text (JSON cannot write them): walked
        ([Decimal("1.5"), "a\x00"], True),
        ({("a", "b"): "c\x00"}, True),  # a key JSON cannot write
        ([2**70, "a\x00"], True),  # a number too big for JSON
        ("\ud800 lone surrogate", False),  # text JSON refuses
        (nested(1000, "deep\x00"), True),  # deeper than JSON goes
        (nested(1000, "deep"), False),
    ],
)
def test_a_nul_is_found_wherever_it_is(value: object, held: bool) -> None:
    assert holds_nul(value) is held
