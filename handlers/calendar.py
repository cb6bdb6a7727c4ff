"""`/aebot calendar`: see the working-day calendar; admins correct it (调休, next year's holidays)."""

from __future__ import annotations

from datetime import date

from slack_bolt import Ack

from bot.i18n import t
from bot.rules.calendar import coverage, day_kind, parse_day, special_days, uncovered_years
from bot.services import Services
from bot.slack import blocks as bk
from scheduler.workdays import WorkCalendar
from storage import queries

WEEKDAYS = {"zh": "一二三四五六日", "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]}


def command(ack: Ack, sv: Services, lg: str, team: str, user: str, args: list[str]) -> None:
    sub = args[0].lower() if args else "show"
    if sub in ("set", "unset") and not sv.is_admin(user):
        ack(text=t(lg, "calendar.admin_only"))
    elif sub == "set":
        _set(ack, sv, lg, team, user, args[1:])
    elif sub == "unset":
        _unset(ack, sv, lg, team, args[1:])
    elif sub == "check":
        missing = uncovered_years(sv.calendar_for(team), sv.today())
        years = ", ".join(map(str, missing))
        ack(
            text=t(lg, "calendar.check_missing", years=years)
            if missing
            else t(lg, "calendar.check_ok")
        )
    elif sub == "show" or sub.isdigit():
        year_text = (
            args[1]
            if sub == "show" and len(args) > 1
            else (sub if sub.isdigit() else str(sv.today().year))
        )
        if not year_text.isdigit() or not 2000 <= int(year_text) <= 2100:
            ack(text=t(lg, "calendar.usage"))
            return
        _show(ack, sv, lg, team, int(year_text))
    else:
        ack(text=t(lg, "calendar.usage"))


def _weekday(lg: str, d: date) -> str:
    return ("周" + WEEKDAYS["zh"][d.weekday()]) if lg == "zh" else WEEKDAYS["en"][d.weekday()]


def _show(ack: Ack, sv: Services, lg: str, team: str, year: int) -> None:
    with sv.db.read() as s:
        overrides = queries.calendar_overrides(s, team)
    corrections = sum(1 for d in overrides if d.year == year)
    state = coverage(WorkCalendar(sv.settings.aebot_country).has_official_data(year), corrections)
    title = t(lg, f"calendar.title_{state}", year=year, n=corrections)
    lines = [
        t(
            lg,
            "calendar.line_work" if d.working else "calendar.line_off",
            day=d.day.isoformat(),
            weekday=_weekday(lg, d.day),
            name=bk.escape(d.name or ""),
            mark=t(lg, "calendar.mark") if d.source == "override" else "",
        )
        for d in special_days(sv.calendar_for(team), year, overrides)
    ]
    blocks = [bk.section(title)] + [
        bk.section("\n".join(lines[i : i + 40])) for i in range(0, len(lines), 40)
    ]
    ack(text=title, blocks=blocks)


def _set(ack: Ack, sv: Services, lg: str, team: str, user: str, args: list[str]) -> None:
    day = parse_day(args[0]) if args else None
    working = day_kind(args[1]) if len(args) > 1 else None
    if day is None or working is None:
        ack(text=t(lg, "calendar.usage"))
        return
    name = " ".join(args[2:])[:100] or None
    with sv.db.write() as s:
        queries.set_calendar_day(s, team, day, working, name, user, sv.now())
    key = "calendar.set_work" if working else "calendar.set_off"
    ack(text=t(lg, key, day=day.isoformat(), weekday=_weekday(lg, day), name=bk.escape(name or "")))


def _unset(ack: Ack, sv: Services, lg: str, team: str, args: list[str]) -> None:
    day = parse_day(args[0]) if args else None
    if day is None:
        ack(text=t(lg, "calendar.usage"))
        return
    with sv.db.write() as s:
        found = queries.unset_calendar_day(s, team, day)
    ack(text=t(lg, "calendar.unset" if found else "calendar.unset_none", day=day.isoformat()))
