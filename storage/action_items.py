"""Action items (督促落实): stored from a report's lines or `/todo add`, replaced when a report is
edited, marked done once, and read for a whole team in one statement (the nudge, the
reminders, the agenda, the Friday report)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.rules.action_items import ItemLine, Tally
from storage.models import ActionItem, Client, ContactLog, ContactReport
from storage.outbox import Effect, register_effect


@dataclass(frozen=True)
class ItemRow:
    """An item with its client and, when it came from a report, that contact's time."""

    item: ActionItem
    client: Client
    report_at: datetime | None


def add_items(
    s: Session,
    team: str,
    *,
    author_id: str,
    client_id: int,
    report_id: int | None,
    lines: Sequence[ItemLine],
    now: datetime,
) -> list[ActionItem]:
    """The lines stored as open items (their ids set)."""
    items = [
        ActionItem(
            team_id=team,
            report_id=report_id,
            client_id=client_id,
            author_id=author_id,
            owner_id=line.owner_id,
            text=line.text[:3000],
            due_on=line.due_on,
            created_at=now,
            updated_at=now,
        )
        for line in lines
    ]
    s.add_all(items)
    s.flush()
    return items


def rows_of(
    items: Sequence[ActionItem], client: Client, report_at: datetime | None
) -> list[ItemRow]:
    """Items just stored for one client (and the time of their report's contact), as the
    owners' DMs take them (forms/action_items.py `item_messages`)."""
    return [ItemRow(item, client, report_at) for item in items]


def replace_items(
    s: Session, team: str, report_id: int, lines: Sequence[ItemLine], now: datetime
) -> tuple[list[ActionItem], list[ActionItem], list[ActionItem]]:
    """An edited report's items: an item whose owner and words are unchanged is kept (done or
    not, its due day updated), one no longer there is dropped, a new line is added. Returns
    (added, kept, dropped)."""
    report = s.exec(
        select(ContactReport).where(ContactReport.team_id == team, ContactReport.id == report_id)
    ).first()
    if report is None:
        return [], [], []
    was = list(
        s.exec(
            select(ActionItem)
            .where(
                ActionItem.team_id == team,
                ActionItem.report_id == report_id,
                col(ActionItem.dropped_at).is_(None),
            )
            .order_by(col(ActionItem.id))
        )
    )
    kept: list[ActionItem] = []
    new: list[ItemLine] = []
    for line in lines:
        same = next((i for i in was if (i.owner_id, i.text) == (line.owner_id, line.text)), None)
        if same is None:
            new.append(line)
            continue
        was.remove(same)
        if same.due_on != line.due_on:
            same.due_on, same.updated_at = line.due_on, now
            same.author_told_at = same.manager_told_at = None
            s.add(same)
        kept.append(same)
    for gone in was:
        gone.dropped_at, gone.updated_at = now, now
        s.add(gone)
    added = add_items(
        s,
        team,
        author_id=report.author_id,
        client_id=report.client_id,
        report_id=report_id,
        lines=new,
        now=now,
    )
    return added, kept, was


def mark_done(s: Session, team: str, item_id: int, by: str, now: datetime) -> bool:
    """Done, once: False when the item is not open (done already, dropped, not this team's)."""
    done = s.exec(  # type: ignore[call-overload]
        update(ActionItem)
        .where(
            ActionItem.team_id == team,
            ActionItem.id == item_id,
            col(ActionItem.done_at).is_(None),
            col(ActionItem.dropped_at).is_(None),
        )
        .values(done_at=now, done_by=by, updated_at=now)
    )
    return bool(done.rowcount)


def _rows(team: str, *where: object):  # type: ignore[no-untyped-def]
    return (
        select(ActionItem, Client, ContactLog.at)
        .join(Client, col(Client.id) == ActionItem.client_id)
        .outerjoin(ContactReport, col(ContactReport.id) == ActionItem.report_id)
        .outerjoin(ContactLog, col(ContactLog.id) == ContactReport.contact_id)
        .where(ActionItem.team_id == team, *where)
    )


def get_item(s: Session, team: str, item_id: int) -> ItemRow | None:
    """One item of this team with its client (any state)."""
    got = s.exec(_rows(team, ActionItem.id == item_id)).first()
    return ItemRow(*got) if got else None


def open_items(
    s: Session, team: str, owners: Collection[str] | None = None, due_by: date | None = None
) -> list[ItemRow]:
    """The open items of a team (or of these owners; or only those due by a day), the ones
    due soonest first, then those with no due day, oldest first. One statement."""
    where: list[object] = [col(ActionItem.done_at).is_(None), col(ActionItem.dropped_at).is_(None)]
    if owners is not None:
        where.append(col(ActionItem.owner_id).in_(list(owners)))
    if due_by is not None:
        where.append(col(ActionItem.due_on) <= due_by)
    stmt = _rows(team, *where).order_by(
        col(ActionItem.due_on).is_(None), col(ActionItem.due_on), col(ActionItem.id)
    )
    return [ItemRow(*row) for row in s.exec(stmt)]


class DueItem(NamedTuple):
    """An open item as a list shows it, read as plain columns (no ORM objects: the morning
    nudge reads every owner's at once). It is an ItemRecord (bot/rules/action_items.py)."""

    id: int
    author_id: str
    owner_id: str
    text: str
    due_on: date | None
    done_at: datetime | None
    done_by: str | None
    dropped_at: datetime | None
    report_id: int | None
    client: str
    report_at: datetime | None


def due_items(s: Session, team: str, today: date, owner: str | None = None) -> list[DueItem]:
    """The team's (or one owner's) open items due today or before, oldest due first: one
    statement."""
    a = ActionItem
    stmt = (
        select(  # type: ignore[call-overload]
            a.id,
            a.author_id,
            a.owner_id,
            a.text,
            a.due_on,
            a.done_at,
            a.done_by,
            a.dropped_at,
            a.report_id,
            Client.name,
            ContactLog.at,
        )
        .join(Client, col(Client.id) == a.client_id)
        .outerjoin(ContactReport, col(ContactReport.id) == a.report_id)
        .outerjoin(ContactLog, col(ContactLog.id) == ContactReport.contact_id)
        .where(
            a.team_id == team,
            col(a.done_at).is_(None),
            col(a.dropped_at).is_(None),
            col(a.due_on) <= today,
            *([a.owner_id == owner] if owner is not None else []),
        )
        .order_by(col(a.due_on), col(a.id))
    )
    return [DueItem(*row) for row in s.exec(stmt)]


def week_tallies(
    s: Session, team: str, start: datetime, end: datetime, today: date
) -> dict[str, Tally]:
    """Per owner: items done in [start, end), open at `end`, and of those overdue (a due day
    before `today`). One statement."""
    stmt = select(ActionItem.owner_id, ActionItem.due_on, ActionItem.done_at).where(
        ActionItem.team_id == team,
        col(ActionItem.dropped_at).is_(None),
        col(ActionItem.created_at) < end,
        (col(ActionItem.done_at).is_(None)) | (col(ActionItem.done_at) >= start),
    )
    done: Counter[str] = Counter()
    still: Counter[str] = Counter()
    late: Counter[str] = Counter()
    for owner, due_on, done_at in s.exec(stmt):
        if done_at is not None and done_at < end:
            done[owner] += 1
        elif done_at is None or done_at >= end:
            still[owner] += 1
            late[owner] += 1 if due_on is not None and due_on < today else 0
    return {o: Tally(done[o], still[o], late[o]) for o in sorted(done.keys() | still.keys())}


# What a delivered reminder of overdue items marks (the courier marks it, storage/outbox.py).
def _told(s: Session, ids: list[int], _to: dict[int, str], now: datetime) -> list[int]:
    """A delivered reminder of overdue items marks each as told once: an id as is, to its
    author (`author_told_at`); a negative one, to its owner's manager (`manager_told_at`)."""
    for column, wanted in (
        ("author_told_at", [i for i in ids if i > 0]),
        ("manager_told_at", [-i for i in ids if i < 0]),
    ):
        if wanted:
            s.exec(  # type: ignore[call-overload]
                update(ActionItem)
                .where(col(ActionItem.id).in_(wanted), col(getattr(ActionItem, column)).is_(None))
                .values({column: now})
            )
    return []


register_effect("items_told", Effect(ActionItem, "author_told_at", first=_told))
