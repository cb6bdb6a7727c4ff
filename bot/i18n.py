"""Texts by key, in Chinese and English. Each text is whole in each language:
sentences are never glued together from fragments."""

from __future__ import annotations

from bot.messages import MESSAGES

LANGS = ("zh", "en")


def t(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang` (falling back to Chinese), with `values` filled in."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**values) if values else text


def lang_from_locale(locale: str | None) -> str | None:
    """Slack locale ("en-US", "zh-CN", "zh-TW") to an aebot language, or None."""
    if not locale:
        return None
    prefix = locale.split("-")[0].lower()
    return prefix if prefix in LANGS else None
