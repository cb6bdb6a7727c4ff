"""The App Home tab: the person's clients due today and their last 10 contacts."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.dates import echo
from bot.i18n import t
from bot.listen import lang_of
from bot.rules.contacts import due_clients
from bot.services import Services
from bot.slack import blocks as bk
from bot.views.contacts import kind_label, nudge
from storage import queries

log = logging.getLogger("aebot.home")


def home_view(sv: Services, team: str, user: str, lang: str) -> dict[str, Any]:
    tz = sv.settings.tz
    with sv.db.read() as s:
        member = queries.get_member(s, team, user)
        mine = queries.list_clients(s, team, user)
        last = queries.last_contacts(s, team, [c.id for c in mine if c.id])
        recent = queries.recent_contacts(s, team, user, 10)
    today = sv.today()
    blocks: list[bk.Block] = [bk.header(t(lang, "home.title", date=echo(sv.local_now(), False)))]
    if member is None:
        blocks.append(bk.section(t(lang, "home.not_member")))
    calendar = sv.calendar_for(team)
    if not calendar.is_working_day(today):
        blocks.append(bk.context(t(lang, "home.day_off")))
    due = due_clients(mine, last, today, tz, calendar)
    if due:
        blocks += nudge(lang, due[:20], tz)
        if len(due) > 20:
            blocks.append(bk.context(t(lang, "common.more").format(n=len(due) - 20)))
    elif mine:
        blocks.append(bk.section(t(lang, "home.none_due")))
    blocks += [bk.divider(), bk.section(t(lang, "home.recent"))]
    if not recent:
        blocks.append(bk.context(t(lang, "home.no_recent")))
    for c_log, c in recent:
        blocks.append(
            bk.context(
                t(
                    lang,
                    "home.recent_line",
                    when=echo(c_log.at.astimezone(tz)),
                    kind=kind_label(lang, c_log.kind),
                    client=bk.escape(c.name),
                    code=bk.escape(c.code),
                    summary=bk.escape(bk.clip(c_log.summary, 200)),
                )
            )
        )
    return {"type": "home", "blocks": blocks[:100]}


def refresh(sv: Services, client: WebClient, team: str, user: str, lang: str) -> None:
    """Redraw the person's App Home shortly after a change; changes within `sv.home_delay`
    share one redraw, so a burst of logging does not render the Home once per request."""
    sv.coalesce(("home", team, user), sv.home_delay, publish, sv, client, team, user, lang)


def publish(sv: Services, client: WebClient, team: str, user: str, lang: str) -> None:
    """Draw the person's App Home; a refusal is logged, it is never worth failing a request for."""
    try:
        client.views_publish(user_id=user, view=home_view(sv, team, user, lang))
    except Exception:
        log.exception("could not publish the home tab for %s", user)


def register(app: App, sv: Services) -> None:
    @app.event("app_home_opened")
    def on_home(
        event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        if event.get("tab", "home") != "home":
            return
        team = body.get("team_id") or context.team_id
        publish(sv, client, team, event["user"], lang_of(context))
