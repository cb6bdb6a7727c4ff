"""Block Kit for action items (督促落实): the owner's DM with Done, its redrawn form, the lines of
`/todo`, the nudge and the reminders."""

from __future__ import annotations

from datetime import datetime

from bot.rules.action_items import ItemRecord
from bot.rules.problems import Problem
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


def problem_text(r: Reader, problem: Problem) -> str:
    """Why the lines were refused, the typed words in it escaped (a line may hold markup)."""
    values = {k: bk.escape(v) if isinstance(v, str) else v for k, v in problem.values.items()}
    return r.t(problem.key, **values)


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


TODO_DONE = "todo_done"  # action_id of Done beside a `/todo` line; value: the item's id


def list_line(
    r: Reader,
    item: ItemRecord,
    client: str,
    report_at: datetime | None,
    *,
    with_owner: bool = False,
) -> str:
    """A `/todo` line: number, (owner,) due day or overdue, client, words, where it came from."""
    if item.due_on is not None and item.due_on < r.today:
        due = r.t("todo.overdue_mark", day=r.day(item.due_on))
    else:
        due = due_words(r, item)
    values = {
        "id": item.id,
        "due": due,
        "client": bk.escape(client),
        "text": bk.escape(bk.clip(item.text, TEXT_SHOWN)),
        "source": source(r, item, report_at),
    }
    if with_owner:
        return r.t("todo.line_owner", owner=item.owner_id, **values)
    return r.t("todo.line", **values)


def todo_blocks(
    r: Reader, rows: list[tuple[ItemRecord, str, datetime | None]], *, with_owner: bool = False
) -> list[bk.Block]:
    """The lines of `/todo` (each with Done) or `/todo team`."""
    blocks = []
    done = r.t("item.done_btn")
    for item, client, report_at in rows:
        line = list_line(r, item, client, report_at, with_owner=with_owner)
        blocks.append(bk.section(line, accessory=bk.button(done, TODO_DONE, str(item.id))))
    return blocks


HOME_SHOWN = 10  # items due listed on the App Home


def due_part(
    r: Reader, rows: list[tuple[ItemRecord, str, datetime | None]], *, limit: int | None = None
) -> list[bk.Block]:
    """My items due today or overdue, each with Done: in the morning nudge and the App Home."""
    if not rows:
        return []
    shown = rows if limit is None else rows[:limit]
    blocks = [bk.section(r.t("items.due_today")), *todo_blocks(r, shown)]
    if len(rows) > len(shown):
        blocks.append(bk.context(r.more(len(rows) - len(shown))))
    return blocks


def nudge_text(r: Reader, n: int) -> str:
    """The morning DM's notification line when only action items are due."""
    return r.t("items.nudge_text", n=n)
