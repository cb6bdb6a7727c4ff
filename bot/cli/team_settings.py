"""`aebot settings list / set / unset`: the workspace's settings (the timetable's times, limits)."""

from __future__ import annotations

import click
from slack_sdk.errors import SlackApiError

from bot.cli.common import NEW_OPTION, TEAM_OPTION
from bot.cli.parts import workspace
from bot.cli.workspaces import unreachable_reason
from bot.rules.problems import Problem
from bot.rules.team_settings import SETTINGS, ChannelName, check_together, read_setting
from bot.slack.sender import Sender
from bot.slack.texts import t
from storage import team_settings as stored


@click.group("settings")
def settings_group() -> None:
    """Per-workspace settings: each time of the timetable, limits (admins)."""


@settings_group.command("list")
@TEAM_OPTION
def settings_list(team: str | None) -> None:
    """Every setting, its value for the workspace, and its default."""
    with workspace(team) as (bot, tid):
        values = bot.team_settings.of(tid)
        for key, setting in SETTINGS.items():
            mark = "" if values.is_default(key) else f"   (default {setting.default})"
            click.echo(f"{key:<24} {values.text(key):<14} {t('en', f'setting.{key}')}{mark}")


@settings_group.command("set")
@click.argument("key")
@click.argument("value")
@TEAM_OPTION
@NEW_OPTION
def settings_set(key: str, value: str, team: str | None, new: bool) -> None:
    """Set KEY to VALUE for the workspace, e.g. `aebot settings set contact_nudge_at 09:00`;
    a channel by its id or its name (`"#general"`, looked up in Slack)."""
    read = read_setting(key, value)
    if isinstance(read, Problem):
        raise click.ClickException(t("en", read.key, **read.values))
    with workspace(team, new) as (bot, tid):
        normalised = read if isinstance(read, str) else _channel_id(bot.sender, read)
        with bot.db.write() as s:
            clash = check_together(stored.stored(s, tid), key, normalised)
            if clash is None:
                stored.store(s, tid, key, normalised, None, bot.clock.now())
        if clash is not None:
            raise click.ClickException(t("en", clash.key, **clash.values))
        click.echo(f"{key} is now {normalised}")


def _channel_id(sender: Sender, named: ChannelName) -> str:
    """The id of the channel named, asked from Slack; or one line saying why there is none."""
    try:
        found = sender.channel_named(named.name)
    except SlackApiError as exc:
        error = exc.response.get("error")
        raise click.ClickException(
            t("en", "settings.channel_lookup_failed", name=named.name, error=error)
        ) from None
    except Exception as exc:
        raise click.ClickException(
            f"cannot reach Slack to look up #{named.name} ({unreachable_reason(exc)}); give "
            "the channel's id instead, e.g. C0123ABCD"
        ) from None
    if found is None:
        raise click.ClickException(t("en", "settings.channel_not_found", name=named.name))
    return found


@settings_group.command("unset")
@click.argument("key")
@TEAM_OPTION
def settings_unset(key: str, team: str | None) -> None:
    """Put KEY back to its default."""
    if key not in SETTINGS:
        raise click.ClickException(
            t("en", "settings.unknown_key", key=key, keys=", ".join(SETTINGS))
        )
    with workspace(team) as (bot, tid):
        with bot.db.write() as s:
            clash = check_together(stored.stored(s, tid), key, None)
            found = clash is None and stored.unset(s, tid, key)
        if clash is not None:
            raise click.ClickException(t("en", clash.key, **clash.values))
        default = SETTINGS[key].default
        click.echo(
            f"{key} is back to its default {default}"
            if found
            else f"{key} was not set; it is {default}"
        )
