"""Action items for tests: a report of a contact with its items, written straight to the
database (the report form is another feature's)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import select

from bot.rules.action_items import ItemLine
from storage import action_items, queries
from storage.models import ActionItem, Client, ContactLog, ContactReport
from tests.conftest import SH, TEAM, World


def client_id(w: World, name: str) -> int:
    with w.bot.db.read() as s:
        return s.exec(select(Client).where(Client.name == name)).one().id or 0


def report_with(
    w: World,
    lines: list[ItemLine],
    *,
    client: str = "可口可乐",
    author: str = "U0AE1",
    at: datetime = datetime(2026, 11, 23, 9, 0, tzinfo=SH),
) -> tuple[int, list[int]]:
    """A meeting, its report by `author` and its items: (report id, item ids)."""
    cid = client_id(w, client)
    with w.bot.db.write() as s:
        contact = queries.add_contact(
            s,
            ContactLog(
                team_id=TEAM, client_id=cid, author_id=author, kind="meeting", at=at, summary="s"
            ),
        )
        report = ContactReport(
            team_id=TEAM, contact_id=contact.id or 0, client_id=cid, author_id=author, sent_at=at
        )
        s.add(report)
        s.flush()
        items = action_items.add_items(
            s, TEAM, author_id=author, client_id=cid, report_id=report.id, lines=lines, now=at
        )
        return report.id or 0, [i.id or 0 for i in items]


def item(w: World, item_id: int) -> ActionItem:
    with w.bot.db.read() as s:
        return s.exec(select(ActionItem).where(ActionItem.id == item_id)).one()


def line(owner: str, text: str, due: date | None = None) -> ItemLine:
    return ItemLine(owner, text, due)
