"""`/aebot calendar`: see the working-day calendar; admins correct it (调休, next year's holidays)."""

from __future__ import annotations

from bot.rules.calendar import coverage, day_kind, parse_day, special_days, uncovered_years
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views.calendar import year_view
from storage import calendars as stored
from storage.calendars import Calendars
from storage.db import Database


def calendar_command(
    r: Reader, req: Request, args: list[str], db: Database, calendars: Calendars, admin: bool
) -> Reply:
    sub = args[0].lower() if args else "show"
    today = r.now.astimezone(r.zone).date()
    if sub in ("set", "unset") and not admin:
        return Reply(text=r.t("calendar.admin_only"))
    if sub == "set":
        return _set(r, req, args[1:], db)
    if sub == "unset":
        return _unset(r, req, args[1:], db)
    if sub == "check":
        missing = uncovered_years(calendars.for_team(req.team), today)
        if not missing:
            return Reply(text=r.t("calendar.check_ok"))
        return Reply(text=r.t("calendar.check_missing", years=", ".join(map(str, missing))))
    if sub == "show" or sub.isdigit():
        year_text = (
            args[1]
            if sub == "show" and len(args) > 1
            else sub
            if sub.isdigit()
            else str(today.year)
        )
        if not year_text.isdigit() or not 2000 <= int(year_text) <= 2100:
            return Reply(text=r.t("calendar.usage"))
        return _show(r, req.team, int(year_text), calendars)
    return Reply(text=r.t("calendar.usage"))


def _show(r: Reader, team: str, year: int, calendars: Calendars) -> Reply:
    overrides = calendars.overrides(team)
    corrections = sum(1 for d in overrides if d.year == year)
    state = coverage(calendars.library_has_official_data(year), corrections)
    days = special_days(calendars.for_team(team), year, overrides)
    title, blocks = year_view(r, year, state, corrections, days)
    return Reply(text=title, blocks=blocks)


def _set(r: Reader, req: Request, args: list[str], db: Database) -> Reply:
    day = parse_day(args[0]) if args else None
    working = day_kind(args[1]) if len(args) > 1 else None
    if day is None or working is None:
        return Reply(text=r.t("calendar.usage"))
    name = " ".join(args[2:])[:100] or None
    with db.write() as s:
        stored.set_day(s, req.team, day, working, name, req.user, r.now)
    key = "calendar.set_work" if working else "calendar.set_off"
    return Reply(
        text=r.t(key, day=day.isoformat(), weekday=r.weekday(day), name=bk.escape(name or ""))
    )


def _unset(r: Reader, req: Request, args: list[str], db: Database) -> Reply:
    day = parse_day(args[0]) if args else None
    if day is None:
        return Reply(text=r.t("calendar.usage"))
    with db.write() as s:
        found = stored.unset_day(s, req.team, day)
    return Reply(
        text=r.t("calendar.unset" if found else "calendar.unset_none", day=day.isoformat())
    )
