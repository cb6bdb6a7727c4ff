"""The App Home tab: the person's clients due today and their last contacts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.rules.clients import ClientRecord
from bot.rules.contacts import ContactRecord, Due
from bot.slack import blocks as bk
from bot.slack.limits import VIEW_MAX_BLOCKS
from bot.slack.texts import Reader
from bot.slack.views.contacts import kind_label, nudge

DUE_SHOWN = 20


def home_view(
    r: Reader,
    *,
    member: bool,
    day_off: bool,
    owns_clients: bool,
    due: Sequence[Due[Any]],
    recent: Sequence[tuple[ContactRecord, ClientRecord]],
) -> dict[str, Any]:
    blocks: list[bk.Block] = [
        bk.header(r.t("home.title", date=r.day(r.now.astimezone(r.zone).date())))
    ]
    if not member:
        blocks.append(bk.section(r.t("home.not_member")))
    if day_off:
        blocks.append(bk.context(r.t("home.day_off")))
    if due:
        blocks += nudge(r, due[:DUE_SHOWN])
        if len(due) > DUE_SHOWN:
            blocks.append(bk.context(r.more(len(due) - DUE_SHOWN)))
    elif owns_clients:
        blocks.append(bk.section(r.t("home.none_due")))
    blocks += [bk.divider(), bk.section(r.t("home.recent"))]
    if not recent:
        blocks.append(bk.context(r.t("home.no_recent")))
    for contact, c in recent:
        line = r.t(
            "home.recent_line",
            when=r.when(contact.at),
            kind=kind_label(r, contact.kind),
            client=bk.escape(c.name),
            code=bk.escape(c.code),
            summary=bk.escape(bk.clip(contact.summary, 200)),
        )
        blocks.append(bk.context(line))
    return {"type": "home", "blocks": blocks[:VIEW_MAX_BLOCKS]}
