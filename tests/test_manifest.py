"""manifest.yml describes the app the code serves; every text exists in both languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import yaml

from bot.app import FEATURES
from bot.slack.messages import MESSAGES, Plural
from bot.slack.texts import t
from sandbox.scopes import manifest_scopes, needed_scope
from tests.conftest import World

ROOT = Path(__file__).parent.parent
MANIFEST = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))


def test_manifest_declares_every_command_the_app_serves_and_each_answers_help(world: World) -> None:
    declared = {c["command"] for c in MANIFEST["features"]["slash_commands"]}
    served = {f.COMMAND for f in FEATURES if hasattr(f, "COMMAND")}
    assert (
        declared
        == served
        == {
            "/contact",
            "/client",
            "/aebot",
            "/job",
            "/meeting",
            "/out",
            "/overtime",
            "/weekly",
            "/todo",
            "/daily",
        }
    )
    for command in sorted(declared):
        for user in ("U0AE1", "U0AE2"):  # one reads Chinese, the other English
            reply = world.slack.command(command, "help", user=user)
            assert reply.status_code == 200 and command in reply.json()["text"], (command, user)
    assert world.slack.command("/nope", "help").status_code == 404  # not served, not declared
    for c in MANIFEST["features"]["slash_commands"]:
        assert c["description"] and c["usage_hint"] and c["should_escape"] is True


def test_manifest_settings() -> None:
    settings = MANIFEST["settings"]
    assert settings["interactivity"]["is_enabled"] and settings["socket_mode_enabled"]
    assert settings["event_subscriptions"]["bot_events"] == ["app_home_opened", "message.im"]
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"]
    assert set(MANIFEST["oauth_config"]["scopes"]["bot"]) == {
        "commands",
        "chat:write",
        "users:read",
        "channels:read",  # a channel setting given by its name is looked up
        "users:read.email",  # `aebot team import` of a file that names people by address
        "im:write",
        "im:history",
        "channels:history",  # a lost answer to a channel post is looked up before a repost
        "groups:history",
        "files:write",  # the .xlsx of /overtime report, uploaded to a DM
    }


def test_the_fake_slack_reads_the_manifest_scopes_as_yaml_does(tmp_path: Path) -> None:
    """The fake of the tests grants what manifest.yml declares, read without PyYAML."""
    assert manifest_scopes(ROOT / "manifest.yml") == MANIFEST["oauth_config"]["scopes"]["bot"]
    other = tmp_path / "manifest.yml"
    other.write_text(
        "oauth_config:\n  redirect_urls: [x]\n  scopes:\n    user: [search:read]\n"
        "    bot: ['chat:write', \"users:read\"]  # flow style\nsettings:\n  bot: [no]\n",
        encoding="utf-8",
    )
    assert (
        manifest_scopes(other) == yaml.safe_load(other.read_text())["oauth_config"]["scopes"]["bot"]
    )
    other.write_text("display_information:\n  name: x\n", encoding="utf-8")
    assert manifest_scopes(other) == []


WEB_CALL = re.compile(r"\.((?:chat|users|conversations|reactions|files|views|auth)_\w+)\(")
WEB_METHOD = re.compile(r"[\"']((?:chat|users|conversations|reactions|files)\.\w+)[\"']")


def test_every_web_api_method_the_code_calls_is_granted_by_the_manifest() -> None:
    """Real Slack answers missing_scope to a method the app was not granted; a DM's history
    stands for conversations.history (the code reads DMs)."""
    called: set[str] = set()
    for pkg in ("bot", "handlers", "scheduler"):
        for path in (ROOT / pkg).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            called |= {m.replace("_", ".", 1) for m in WEB_CALL.findall(text)}
            called |= set(WEB_METHOD.findall(text))
    granted = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    needed = {m: needed_scope(m, {"channel": "D0AE1", "users": "U0AE1"}) for m in called}
    assert {m: s for m, s in needed.items() if s and s not in granted} == {}
    assert "users.info" in called  # the scan sees the code's calls


def test_every_text_exists_in_both_languages_with_the_same_placeholders() -> None:
    def names(s: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(s) if f}

    for key, entry in MESSAGES.items():
        assert set(entry) == {"zh", "en"}, key
        zh, en = entry["zh"], entry["en"]
        assert isinstance(zh, str) and zh.strip(), key
        if isinstance(en, Plural):  # the singular may write the count out ("1 client")
            assert en.one.strip() and names(en.one) <= names(zh), key
            assert en.count in names(zh), key
            en = en.other
        assert en.strip() and names(en) == names(zh), key


def test_english_counts_take_the_singular_or_the_plural() -> None:
    assert t("en", "nudge.sweep_text", n=1) == "1 client is still due a call today."
    assert t("en", "nudge.sweep_text", n=3) == "3 clients are still due a call today."
    assert t("zh", "nudge.sweep_text", n=1) == "今天还有 1 个客户没联络。"
    one = t("en", "nudge.last", when="Fri 20 Nov 16:00", days=1)
    assert one == "last contact Fri 20 Nov 16:00 (1 working day ago)"
    assert "(2 working days ago)" in t("en", "nudge.last", when="x", days=2)
    assert t("en", "team.title", n=1) == "The team (1 person)"


def test_the_readme_lists_exactly_the_scopes_the_manifest_asks_for() -> None:
    """The table under "Put it in your Slack workspace" is what an installer reads."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| bot scope | what aebot does with it |", 1)[1].split("\n\n", 1)[0]
    listed = re.findall(r"^\s*\| `([a-z:.]+)` \|", table, flags=re.MULTILINE)
    assert listed == MANIFEST["oauth_config"]["scopes"]["bot"]


def test_env_example_says_why_aebot_admins_matters() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    comment = example.split("AEBOT_ADMINS=", 1)[0].rsplit("\n\n", 1)[-1]
    assert "only admins may" in comment and "settings" in comment and "Left empty" in comment
