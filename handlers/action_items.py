"""Action items (督促落实): **Done** on the owner's DM (and `/todo done N`, handlers/todo.py).

Done is recorded once (a conditional update), by the owner, the author, anyone above either of
them or an admin; the report's author is told through the outbox, and the owner's DM is redrawn
without its button. A forged or stale value (another team's id, a dropped item, one already
done) changes nothing and says why."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from slack_bolt import App

from bot.rules.action_items import may_mark_done
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Request
from bot.slack.texts import Reader
from bot.slack.views import action_items as view
from forms.action_items import item_key
from forms.notices import Writer
from handlers.deps import Deps
from storage import action_items, outbox, queries
from storage.action_items import ItemRow
from storage.outbox import Message, wall


@dataclass(frozen=True)
class ItemDeps(Deps):
    """What action items use besides: redrawing a person's App Home (team, user), where the
    items due today are listed."""

    home: Callable[[str, str], None] = lambda _team, _user: None


@dataclass(frozen=True)
class Marked:
    """What marking an item done came to: the item as it now stands, or why nothing changed
    (a text key and its values)."""

    row: ItemRow | None
    refusal: str | None = None
    values: tuple[tuple[str, object], ...] = ()


def mark(
    deps: ItemDeps, r: Reader, team: str, user: str, item_id: int, clicked: str | None = None
) -> Marked:
    """Mark one item done for `user`, queue the author's note (one transaction), and redraw
    the owner's DM unless it is the message `clicked` (its ts)."""
    with deps.db.write() as s:
        row = action_items.get_item(s, team, item_id)
        if row is None or row.item.dropped_at is not None:
            return Marked(None, "item.gone")
        members = {m.user_id: m for m in queries.list_members(s, team)}
        bosses = {u: m.manager_id for u, m in members.items()}
        if not may_mark_done(row.item, user, bosses, deps.admin(user)):
            return Marked(row, "item.not_allowed")
        if not action_items.mark_done(s, team, item_id, user, r.now):
            s.refresh(row.item)
            return Marked(row, *_already(r, row))
        s.refresh(row.item)
        w = Writer(deps.settings, members, r.now)
        if row.item.author_id != user:
            outbox.enqueue(s, [_tell_author(w, team, row)], r.now, wall())
    deps.deliver()
    redraw_owner_dms(deps, team, [row], r.now, skip=clicked)
    for person in {row.item.owner_id, user}:
        deps.home(team, person)
    return Marked(row)


def redraw_owner_dms(
    deps: Deps, team: str, rows: Sequence[ItemRow], now: datetime, skip: str | None = None
) -> None:
    """The owners' delivered DMs of these items drawn as the items now stand: done (who and
    when) or removed by an edit of their report; the message `skip` (a ts) is left alone (the
    click's own answer redraws it). For the report form after `replace_items`: its dropped."""
    by_key = {item_key(row.item.id): row for row in rows}
    with deps.db.read() as s:
        shown = outbox.delivered(s, team, list(by_key))
        members = {m.user_id: m for m in queries.list_members(s, team)} if shown else {}
    w = Writer(deps.settings, members, now)
    for message in shown:
        row = by_key.get(message.key)
        if row is None or not message.conversation or not message.ts or message.ts == skip:
            continue
        r = w.reader(message.recipient)
        blocks = view.item_blocks(r, row.item, row.client.name, row.report_at)
        deps.sender.update(message.conversation, message.ts, view.item_text(r, row.item), blocks)


def _already(r: Reader, row: ItemRow) -> tuple[str, tuple[tuple[str, object], ...]]:
    item = row.item
    if item.done_at is None:  # dropped meanwhile
        return "item.gone", ()
    return "item.already_done", (("by", item.done_by or ""), ("when", r.when(item.done_at)))


def _tell_author(w: Writer, team: str, row: ItemRow) -> Message:
    item = row.item
    r = w.reader(item.author_id)
    said = r.t(
        "item.told_author",
        by=item.done_by or "",
        client=bk.escape(row.client.name),
        text=bk.escape(bk.clip(item.text, 500)),
    )
    text = r.t("item.told_author_text", text=bk.clip(item.text, 150))
    return Message(
        team, f"item:{item.id}:done", "action-item-done", item.author_id, text, [bk.section(said)]
    )


def done_click(req: Request, deps: ItemDeps) -> None:
    """Done, on the owner's DM or a `/todo` list: the clicked message redrawn, or why not."""
    r = deps.reader(req)
    clicked = (req.body.get("container") or {}).get("message_ts")
    got = mark(deps, r, req.team, req.user, req.record_id, clicked)
    if got.refusal is not None or got.row is None:
        said = r.t(got.refusal or "item.gone", **dict(got.values))
        deps.sender.answer(req.response_url, req.user, said)
        return
    item = got.row.item
    blocks = view.item_blocks(r, item, got.row.client.name, got.row.report_at)
    if req.response_url:
        deps.sender.respond(req.response_url, view.item_text(r, item), blocks, replace=True)


def todo_done_click(req: Request, deps: ItemDeps) -> None:
    """Done beside a `/todo` line: the list stays; the clicker is told."""
    r = deps.reader(req)
    got = mark(deps, r, req.team, req.user, req.record_id)
    if got.refusal is not None or got.row is None:
        said = r.t(got.refusal or "item.gone", **dict(got.values))
    else:
        said = r.t("item.done", text=bk.escape(bk.clip(got.row.item.text, 500)))
    deps.sender.answer(req.response_url, req.user, said)


def register(app: App, listen: Listen, deps: ItemDeps) -> None:
    app.action(view.DONE)(listen.after(done_click, deps))
    app.action(view.TODO_DONE)(listen.after(todo_done_click, deps))
