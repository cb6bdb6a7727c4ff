"""The notice of meetings (5W1H), shared by `/meeting` (a meeting recorded or moved after its
notice time is announced at once) and the `meeting-notices` task: one message per person, each
in their language; the organiser's carries each meeting's plain text for the client, in the
client's language, with Sent to client."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.rules.meetings import attendees, people
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views import meetings as view
from storage.models import Client, Meeting, Member

Row = tuple[Meeting, Client]


class Notice:
    """One person's notice: the text, the blocks, the meetings it announces."""

    def __init__(self, text: str, blocks: list[dict[str, Any]], meetings: tuple[int, ...]):
        self.text, self.blocks, self.meetings = text, blocks, meetings


def recipients(m: Meeting) -> list[str]:
    """Who is told of a meeting: the organiser and our attendees."""
    return attendees(m.organiser_id, people(m.our_attendees))


def notices(
    rows: Sequence[Row],
    members: Mapping[str, Member],
    default_lang: str,
    zone: ZoneInfo,
    now: datetime,
    *,
    lead: Mapping[int, str] | None = None,
) -> dict[str, Notice]:
    """Each person's notice of `rows` (the meetings they organise or attend). `lead`: a line
    put before a meeting's notice in every language's key (`meeting.moved_dm`), by meeting."""
    mine: dict[str, list[Row]] = defaultdict(list)
    for m, c in rows:
        for user in recipients(m):
            mine[user].append((m, c))
    names = {u: p.name for u, p in members.items()}
    out: dict[str, Notice] = {}
    for user, theirs in sorted(mine.items()):
        r = Reader.of(members.get(user), default_lang, zone, now)
        texts = {
            m.id or 0: view.client_text(Reader(c.language or "zh", zone, now), m, names)
            for m, c in theirs
            if m.organiser_id == user
        }
        blocks = []
        for m, c in theirs:
            if lead and m.id in lead:
                when = view.span(r, m.starts_at, m.ends_at)
                blocks.append(
                    bk.section(
                        r.t(
                            lead[m.id or 0],
                            client=bk.escape(c.name),
                            what=bk.escape(m.topic),
                            when=when,
                        )
                    )
                )
            blocks += view.notice_blocks(r, [(m, c)], names, texts)
        out[user] = Notice(r.t("meeting.notice_text"), blocks, tuple(m.id or 0 for m, _ in theirs))
    return out
