"""`/aebot settings`: the workspace's settings (every time of the timetable, limits); admins
change them with `set KEY VALUE` and put one back to its default with `unset KEY`. A channel
may be given by its name (`#general`), looked up in Slack once the command is answered."""

from __future__ import annotations

from functools import partial

from slack_sdk.errors import SlackApiError

from bot.rules.problems import Problem
from bot.rules.team_settings import SETTINGS, ChannelName, check_together, read_setting
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views.settings import settings_view
from handlers.deps import Deps
from storage import team_settings as stored


def settings_command(r: Reader, req: Request, args: list[str], deps: Deps) -> Reply:
    sub = args[0].lower() if args else "list"
    if sub in ("set", "unset") and not deps.admin(req.user):
        return Reply(text=r.t("settings.admin_only"))
    if sub == "set" and len(args) >= 3:
        return _set(r, req, args[1], " ".join(args[2:]), deps)
    if sub == "unset" and len(args) == 2:
        return _unset(r, req, args[1], deps)
    if sub in ("list", "show", "列表"):
        values = deps.team_settings.of(req.team)
        return Reply(text=r.t("settings.title"), blocks=settings_view(r, values))
    return Reply(text=r.t("settings.usage"))


def _set(r: Reader, req: Request, key: str, text: str, deps: Deps) -> Reply:
    value = read_setting(key, text)
    if isinstance(value, Problem):
        return Reply(text=r.problem(value))
    if isinstance(value, ChannelName):  # Slack is asked after the ack: it may take a moment
        return Reply(then=(partial(_set_named, r, req, value, deps),))
    return _store(r, req, key, value, deps)


def _set_named(r: Reader, req: Request, named: ChannelName, deps: Deps) -> None:
    """Look the channel up by its name, store its id, and tell the admin either way."""
    try:
        found = deps.sender.channel_named(named.name)
    except SlackApiError as exc:
        said = r.t("settings.channel_lookup_failed", name=named.name, error=exc.response["error"])
    else:
        if found is None:
            said = r.t("settings.channel_not_found", name=named.name)
        else:
            said = _store(r, req, named.key, found, deps).text or ""
    deps.sender.answer(req.response_url, req.user, said)


def _store(r: Reader, req: Request, key: str, value: str, deps: Deps) -> Reply:
    with deps.db.write() as s:
        clash = check_together(stored.stored(s, req.team), key, value)
        if clash is None:
            stored.store(s, req.team, key, value, req.user, r.now)
    if clash is not None:
        return Reply(text=r.problem(clash))
    return Reply(text=r.t("settings.set", key=key, value=value))


def _unset(r: Reader, req: Request, key: str, deps: Deps) -> Reply:
    if key not in SETTINGS:
        return Reply(text=r.t("settings.unknown_key", key=key, keys=", ".join(SETTINGS)))
    with deps.db.write() as s:
        clash = check_together(stored.stored(s, req.team), key, None)
        found = clash is None and stored.unset(s, req.team, key)
    if clash is not None:
        return Reply(text=r.problem(clash))
    default = SETTINGS[key].default
    return Reply(
        text=r.t("settings.unset" if found else "settings.unset_none", key=key, value=default)
    )
