"""The Notified button of the holiday notices (scheduler/holiday_tasks.py): for the AE the
notice was sent to, or an admin; anyone else is refused politely and nothing changes. The duty
is marked by one conditional update, so a second click changes nothing and says when it was
marked, by whom; the clicked DM is redrawn with the client's line marked."""

from __future__ import annotations

from datetime import date

from slack_bolt import App

from bot.rules import holidays as rules
from bot.slack.listeners import Listen, Request
from bot.slack.texts import Reader
from bot.slack.views import holidays as view
from handlers.agenda import mark_duty
from handlers.deps import Deps
from storage import holidays as stored
from storage import queries
from storage.models import Duty


def notified(req: Request, deps: Deps) -> None:
    """Mark the clicked client notified, once, and redraw its line."""
    mark_duty(req, deps, stored.HOLIDAY, "holiday.already", _redraw)


def _redraw(req: Request, deps: Deps, duty: Duty) -> None:
    """The DM the click came from, as it now stands, in its AE's language."""
    now, zone = deps.clock.now(), deps.settings.tz
    calendar = deps.calendars.for_team(req.team)
    holiday = rules.holiday_from(calendar, date.fromisoformat(duty.period))
    if holiday is None:  # the calendar was corrected since: the line is marked, the DM stays
        return
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, req.team)}
        rows = stored.sent_with(s, req.team, duty, zone)
    r = Reader.of(members.get(duty.user_id), deps.settings.aebot_lang, zone, now)
    posts = view.notice_posts(
        r,
        holiday,
        view.notices(rows, {u: m.name for u, m in members.items()}),
        rules.confirmed(calendar, holiday),
        lambda lang: Reader(lang, zone, now),
    )
    post = view.part_with(posts, duty.id or 0)
    if post is not None:
        deps.sender.respond(str(req.response_url), post[0], post[1], replace=True)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.action(view.NOTIFIED)(listen.after(notified, deps))
