"""One text of the catalogue: whole in each language, with a plural form in English where a
count is shown."""

from __future__ import annotations

from typing import NamedTuple


class Plural(NamedTuple):
    """An English text with a count: `one` when the value named `count` is 1, else `other`."""

    one: str
    other: str
    count: str = "n"


M = dict[str, "str | Plural"]


def zh_en(zh: str, en: str | Plural) -> M:
    return {"zh": zh, "en": en}
