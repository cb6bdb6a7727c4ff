"""manifest.yml describes the app the code serves."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.app import create_app
from bot.messages import MESSAGES

ROOT = Path(__file__).parent.parent


def test_manifest_declares_every_command_the_app_serves(world) -> None:  # noqa: ANN001
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    declared = {c["command"] for c in manifest["features"]["slash_commands"]}
    app = create_app(world.sv)
    served = set()
    for listener in app._listeners:
        for matcher in listener.matchers:
            func = getattr(matcher, "func", None)
            names = getattr(func, "__closure__", None) or ()
            for cell in names:
                if isinstance(cell.cell_contents, str) and cell.cell_contents.startswith("/"):
                    served.add(cell.cell_contents)
    assert declared == {"/contact", "/client", "/aebot"}
    assert served == declared
    for c in manifest["features"]["slash_commands"]:
        assert c["description"] and c["usage_hint"] and c["should_escape"] is True
    settings = manifest["settings"]
    assert settings["interactivity"]["is_enabled"] and settings["socket_mode_enabled"]
    assert settings["event_subscriptions"]["bot_events"] == ["app_home_opened"]
    assert manifest["features"]["app_home"]["home_tab_enabled"]
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {"commands", "chat:write"}


def test_every_text_exists_in_both_languages_with_the_same_placeholders() -> None:
    import string

    def names(s: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(s) if f}

    for key, entry in MESSAGES.items():
        assert set(entry) == {"zh", "en"}, key
        assert entry["zh"].strip() and entry["en"].strip(), key
        assert names(entry["zh"]) == names(entry["en"]), key
