"""Block Kit for `/aebot settings`: each setting, its value, and what it does."""

from __future__ import annotations

from bot.rules.team_settings import SETTINGS, TeamValues
from bot.slack import blocks as bk
from bot.slack.texts import Reader


def settings_view(r: Reader, values: TeamValues) -> list[bk.Block]:
    lines = [
        r.t(
            "settings.line_default" if values.is_default(key) else "settings.line_set",
            key=key,
            value=values.text(key),
            default=SETTINGS[key].default,
            meaning=r.t(f"setting.{key}"),
        )
        for key in SETTINGS
    ]
    return [
        bk.section(r.t("settings.title")),
        *bk.sections(lines),
        bk.context(r.t("settings.usage")),
    ]
