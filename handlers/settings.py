"""`/aebot settings`: the workspace's settings (every time of the timetable, limits); admins
change them with `set KEY VALUE` and put one back to its default with `unset KEY`."""

from __future__ import annotations

from bot.rules.problems import Problem
from bot.rules.team_settings import SETTINGS, check_together, read_setting
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views.settings import settings_view
from storage import team_settings as stored
from storage.db import Database
from storage.team_settings import TeamSettings


def settings_command(
    r: Reader, req: Request, args: list[str], db: Database, team_settings: TeamSettings, admin: bool
) -> Reply:
    sub = args[0].lower() if args else "list"
    if sub in ("set", "unset") and not admin:
        return Reply(text=r.t("settings.admin_only"))
    if sub == "set" and len(args) >= 3:
        return _set(r, req, args[1], " ".join(args[2:]), db)
    if sub == "unset" and len(args) == 2:
        return _unset(r, req, args[1], db)
    if sub in ("list", "show", "列表"):
        values = team_settings.of(req.team)
        return Reply(text=r.t("settings.title"), blocks=settings_view(r, values))
    return Reply(text=r.t("settings.usage"))


def _set(r: Reader, req: Request, key: str, text: str, db: Database) -> Reply:
    value = read_setting(key, text)
    if isinstance(value, Problem):
        return Reply(text=r.problem(value))
    with db.write() as s:
        clash = check_together(stored.stored(s, req.team), key, value)
        if clash is None:
            stored.store(s, req.team, key, value, req.user, r.now)
    if clash is not None:
        return Reply(text=r.problem(clash))
    return Reply(text=r.t("settings.set", key=key, value=value))


def _unset(r: Reader, req: Request, key: str, db: Database) -> Reply:
    if key not in SETTINGS:
        return Reply(text=r.t("settings.unknown_key", key=key, keys=", ".join(SETTINGS)))
    with db.write() as s:
        clash = check_together(stored.stored(s, req.team), key, None)
        found = clash is None and stored.unset(s, req.team, key)
    if clash is not None:
        return Reply(text=r.problem(clash))
    default = SETTINGS[key].default
    return Reply(
        text=r.t("settings.unset" if found else "settings.unset_none", key=key, value=default)
    )
