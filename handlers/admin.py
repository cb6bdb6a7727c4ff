"""`/aebot`: help, team (org chart), role (admins), language, and today's view."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.dates import HELP_TEXT, DateRefusal, echo, parse_when
from bot.i18n import LANGS, t
from bot.listen import lang_of, safe_ack
from bot.services import Services
from bot.slack import blocks as bk
from bot.views import clients as client_view
from handlers import calendar
from storage import queries
from storage.models import ROLES

MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$")


def register(app: App, sv: Services) -> None:
    @safe_ack
    def on_command(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        team, user, lg = body["team_id"], body["user_id"], lang_of(context)
        words = (body.get("text") or "").strip().split()
        sub = words[0].lower() if words else "help"
        if sub in ("help", "帮助", "?"):
            ack(text=t(lg, "aebot.help"))
        elif sub in ("team", "团队"):
            with sv.db.read() as s:
                members = queries.list_members(s, team)
            ack(text=t(lg, "team.title", n=len(members)), blocks=client_view.org_chart(lg, members))
        elif sub in ("role", "角色"):
            _set_role(ack, sv, lg, team, user, words[1:])
        elif sub in ("language", "lang", "语言"):
            _set_language(ack, sv, team, user, lg, words[1:])
        elif sub in ("calendar", "日历"):
            calendar.command(ack, sv, lg, team, user, words[1:])
        elif sub in ("dates", "date", "日期"):
            _dates(ack, sv, lg, team, " ".join(words[1:]))
        else:
            ack(text=t(lg, "aebot.unknown_sub", sub=bk.escape(sub[:40])))

    app.command("/aebot")(on_command)


def _dates(ack: Ack, sv: Services, lg: str, team: str, phrase: str) -> None:
    """How aebot reads a typed date, or the conventions when no phrase is given."""
    if not phrase:
        ack(text=HELP_TEXT[lg])
        return
    parsed = parse_when(phrase, sv.now(), sv.settings.aebot_tz, lg, sv.end_of_day(team))
    if isinstance(parsed, DateRefusal):
        ack(text=parsed.message)
    else:
        ack(
            text=t(
                lg, "dates.read_as", phrase=bk.escape(phrase), when=echo(parsed.at, parsed.has_time)
            )
        )


def _set_role(ack: Ack, sv: Services, lg: str, team: str, user: str, args: list[str]) -> None:
    if not sv.is_admin(user):
        ack(text=t(lg, "role.admin_only"))
        return
    target = MENTION.match(args[0]) if args else None
    role = args[1].lower() if len(args) > 1 else ""
    if target is None or role not in ROLES:
        ack(text=t(lg, "role.usage", roles=", ".join(ROLES)))
        return
    uid, label = target.group(1), target.group(2) or target.group(1)
    with sv.db.write() as s:
        m, created = queries.upsert_member(s, team, uid, sv.now(), role=role)
        if created:
            m.name = label
            s.add(m)
    ack(text=t(lg, "role.set", user=uid, role=t(lg, "role." + role)))


def _set_language(ack: Ack, sv: Services, team: str, user: str, lg: str, args: list[str]) -> None:
    choice = args[0].lower() if args else ""
    choice = {"中文": "zh", "chinese": "zh", "english": "en", "英文": "en"}.get(choice, choice)
    if choice not in LANGS:
        ack(text=t(lg, "language.usage"))
        return
    with sv.db.write() as s:
        m = queries.get_member(s, team, user)
        if m is None:
            ack(text=t(lg, "language.not_member"))
            return
        m.language = choice
        s.add(m)
    ack(text=t(choice, "language.set"))
