"""The messages of action items as outbox rows, for whoever creates items (the report form,
`/todo add`): each owner's DM with the item and **Done**, under a key per item so that it is
sent once however often it is decided (`item:{id}:owner`).

A report's items, in the transaction that stores the report:

    people = deps.directory.at_names(team)            # the team's @names, made once per version
    lines, problem = read_item_lines(box, author, people, now, tz, lang, end_of_day)
    # problem: show views/action_items.py problem_text(r, problem) under the box
    items = action_items.add_items(s, team, author_id=author, client_id=client.id,
                                   report_id=report.id, lines=lines, now=now)
    # an edit: added, kept, dropped = action_items.replace_items(s, team, report.id, lines, now)
    rows = action_items.rows_of(items, client, contact.at)
    outbox.enqueue(s, item_messages(Writer(settings, members_by_id, now), team, rows), now, wall())

then `deps.deliver()`; after an edit, handlers/action_items.py `redraw_owner_dms` for the
dropped ones (their DMs lose Done)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.slack.views import action_items as view
from forms.notices import Writer
from storage.action_items import ItemRow
from storage.outbox import Message

PURPOSE = "action-item"


def item_messages(w: Writer, team: str, rows: Iterable[ItemRow]) -> list[Message]:
    """Each open item's DM to its owner (an item its author owns is not sent: the author wrote
    it and has the report). Store them with `outbox.enqueue` in the transaction that stored the
    items, then `deps.deliver()`."""
    messages = []
    for row in rows:
        item = row.item
        if item.owner_id == item.author_id or item.done_at or item.dropped_at:
            continue
        r = w.reader(item.owner_id)
        blocks = view.item_blocks(r, item, row.client.name, row.report_at)
        messages.append(
            Message(
                team, item_key(item.id), PURPOSE, item.owner_id, view.item_text(r, item), blocks
            )
        )
    return messages


def item_key(item_id: int | None) -> str:
    """The outbox key of an item's DM to its owner (the Done click redraws that message)."""
    return f"item:{item_id}:owner"
