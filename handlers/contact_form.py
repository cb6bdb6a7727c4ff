"""The contact form's rules: reading what was typed into it, and explaining an unknown client."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.dates import DateRefusal, echo, parse_when
from bot.i18n import t
from bot.services import Services
from bot.slack import blocks as bk
from storage import queries
from storage.models import CONTACT_KINDS, Client

SUMMARY_LIMIT = 3000
FUTURE_SLACK = timedelta(minutes=10)  # a clock a little ahead of Slack's is not "the future"


def unknown_client_notice(lang: str, name: str, candidates: list[Client]) -> str:
    if candidates:
        names = (
            "、".join(bk.escape(c.name) for c in candidates[:10])
            if lang == "zh"
            else ", ".join(bk.escape(c.name) for c in candidates[:10])
        )
        return t(lang, "contact.ambiguous", name=bk.escape(name), names=names)
    return t(lang, "contact.unknown_client", name=bk.escape(name))


def read_form(
    sv: Services, lang: str, team: str, values: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check a submitted contact form; the errors are shown under their fields."""
    errors: dict[str, str] = {}
    now = sv.now()
    with sv.db.read() as s:
        c = (
            queries.get_client(s, team, int(values["client"]))
            if str(values.get("client") or "").isdigit()
            else None
        )
    if c is None:
        errors["client"] = t(lang, "contact.pick_client")
    kind = values.get("kind") or "call"
    if kind not in CONTACT_KINDS:
        errors["kind"] = t(lang, "contact.bad_kind")
    at: datetime = now
    when_text = (values.get("when") or "").strip()
    if when_text:
        # A contact already happened: "下午3点" typed at 17:00 is today's, "周五" last Friday's.
        parsed = parse_when(
            when_text, now, sv.settings.aebot_tz, lang, sv.end_of_day(team), past=True
        )
        if isinstance(parsed, DateRefusal):
            errors["when"] = parsed.message
        elif not parsed.has_time and parsed.at.date() == now.astimezone(parsed.at.tzinfo).date():
            at = now  # "今天" with no time: now, not the end of the day
        elif parsed.at > now + FUTURE_SLACK:
            errors["when"] = t(lang, "contact.future", when=echo(parsed.at))
        else:
            at = parsed.at
    summary = (values.get("summary") or "").strip()
    if not summary:
        errors["summary"] = t(lang, "contact.empty_summary")
    follow_up = None
    fu_text = (values.get("follow_up") or "").strip()
    if fu_text:
        parsed = parse_when(fu_text, now, sv.settings.aebot_tz, lang, sv.end_of_day(team))
        if isinstance(parsed, DateRefusal):
            errors["follow_up"] = parsed.message
        elif parsed.at.astimezone(sv.settings.tz).date() < sv.today():
            errors["follow_up"] = t(lang, "contact.follow_up_past", when=echo(parsed.at, False))
        else:
            follow_up = parsed.at.astimezone(sv.settings.tz).date()
    fields = dict(
        client_id=c.id if c else 0,
        kind=kind,
        at=at,
        summary=summary[:SUMMARY_LIMIT],
        next_steps=(values.get("next_steps") or "").strip()[:SUMMARY_LIMIT],
        follow_up_on=follow_up,
    )
    return fields, errors
