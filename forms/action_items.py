"""The messages of action items as outbox rows, for whoever creates items (the report form,
`/todo add`): each owner's DM with the item and **Done**, under a key per item so that it is
sent once however often it is decided (`item:{id}:owner`)."""

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
