"""`/aebot report`: a preview of this week's report so far, any day, only to whoever asks
(ephemeral, in parts when long; nothing is posted): an AE sees their own section, a manager
the first lines of their team's summary (everyone below them), someone who is both sees
both."""

from __future__ import annotations

from bot.rules import week as rules
from bot.slack.listeners import Reply, Request, long_reply
from bot.slack.texts import Reader
from bot.slack.views import report as view
from handlers.deps import Deps
from storage.week import read_week


def report_command(r: Reader, req: Request, deps: Deps) -> Reply:
    """The week so far, as the Friday report would say it of me and of my people."""
    now = deps.clock.now().astimezone(deps.settings.tz)
    calendar = deps.calendars.for_team(req.team)
    monday, days, _ = rules.week_days(calendar, now.date())
    with deps.db.read() as s:
        week, _members = read_week(
            s,
            req.team,
            monday=monday,
            days=days,
            now=now,
            zone=deps.settings.tz,
            hours=deps.hours(req.team),
            prospect_days=deps.team_settings.of(req.team).count("prospect_cadence_days"),
        )
    shown = view.preview(r, rules.compile_week(week), req.user, now)
    if shown is None:
        return Reply(text=r.t("friday.preview_nothing"))
    return long_reply(r, *shown)
