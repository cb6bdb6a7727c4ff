"""Block Kit for action items (督促落实): the owner's DM with Done, its redrawn form, the lines of
`/todo`, the nudge and the reminders."""

from __future__ import annotations

from datetime import datetime

from bot.rules.action_items import ItemRecord
from bot.slack import blocks as bk
from bot.slack.texts import Reader

DONE = "item_done"  # action_id of the Done button; value: the item's id
TEXT_SHOWN = 500  # of an item's words in a list line


def due_words(r: Reader, item: ItemRecord) -> str:
    return r.t("item.due", day=r.day(item.due_on)) if item.due_on else r.t("item.no_due")


def source(r: Reader, item: ItemRecord, report_at: datetime | None) -> str:
    """Where the item came from: a report (its author and the contact's time) or `/todo add`."""
    if item.report_id is not None and report_at is not None:
        return r.t("item.from_report", author=item.author_id, when=r.when(report_at))
    return r.t("item.from_todo", author=item.author_id)


def item_blocks(
    r: Reader, item: ItemRecord, client: str, report_at: datetime | None
) -> list[bk.Block]:
    """The owner's DM: who gave the item, for which client, the words, the due day, where it
    came from, and Done (or who did it, once done; or that an edit removed it)."""
    blocks = [
        bk.section(r.t("item.dm_intro", author=item.author_id, client=bk.escape(client))),
        bk.section(r.t("item.line", text=bk.escape(item.text))),
        bk.context(f"{due_words(r, item)} · {source(r, item, report_at)}"),
    ]
    if item.dropped_at is not None:
        blocks.append(bk.context(r.t("item.dropped_line")))
    elif item.done_at is not None:
        blocks.append(bk.section(done_line(r, item)))
    else:
        button = bk.button(r.t("item.done_btn"), DONE, str(item.id), style="primary")
        blocks.append(bk.actions(button))
    return blocks


def done_line(r: Reader, item: ItemRecord) -> str:
    assert item.done_at is not None
    return r.t("item.done_line", by=item.done_by or "", when=r.when(item.done_at))


def item_text(r: Reader, item: ItemRecord) -> str:
    """The DM's notification text."""
    return r.t("item.dm_text", text=bk.clip(item.text, 150))
