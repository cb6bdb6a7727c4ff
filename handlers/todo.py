"""`/todo`: my open action items (督促落实), `/todo done N`, `/todo add CLIENT WHAT [DUE] [@OWNER]`
outside a report, and `/todo team` for managers (their people's open items, overdue first).

The items and their DMs are action items' own (storage/action_items.py, forms/action_items.py);
Done here is the same as the button's (handlers/action_items.py `mark`)."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from slack_bolt import App
from sqlmodel import Session

from bot.rules.action_items import ItemRecord, managers_of, people_names, read_item_lines
from bot.rules.people import sees_as_manager
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request, long_reply
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import action_items as view
from forms.action_items import item_messages
from forms.notices import Writer
from handlers.action_items import ItemDeps, mark
from handlers.client_lookup import client_leading
from storage import action_items, outbox, queries
from storage.action_items import ItemRow
from storage.models import Member

COMMAND = "/todo"


def todo_command(req: Request, deps: ItemDeps) -> Reply:
    return TODO.run(deps.reader(req), req, deps, req.text)


def _rows(rows: list[ItemRow]) -> list[tuple[ItemRecord, str, datetime | None]]:
    return [(row.item, row.client.name, row.report_at) for row in rows]


def _mine(r: Reader, req: Request, deps: ItemDeps, _: str = "") -> Reply:
    """`/todo`: my open items, the soonest due first."""
    with deps.db.read() as s:
        rows = action_items.open_items(s, req.team, owners=[req.user])
    if not rows:
        return Reply(text=r.t("todo.mine_none"))
    return long_reply(r, r.t("todo.mine_title", n=len(rows)), view.todo_blocks(r, _rows(rows)))


def _team(r: Reader, req: Request, deps: ItemDeps, _: str = "") -> Reply:
    """`/todo team`: the open items of everyone below me (all, for an admin), overdue first."""
    admin = deps.admin(req.user)
    with deps.db.read() as s:
        members = queries.list_members(s, req.team)
        me = next((m for m in members if m.user_id == req.user), None)
        if not sees_as_manager(me.role if me else None, admin):
            return Reply(text=r.t("todo.team_not_allowed"))
        bosses = {m.user_id: m.manager_id for m in members}
        mine = [u for u in bosses if admin or req.user in managers_of(u, bosses)]
        rows = action_items.open_items(s, req.team, owners=mine)
    if not rows:
        return Reply(text=r.t("todo.team_none"))
    rows.sort(key=lambda x: not (x.item.due_on is not None and x.item.due_on < r.today))
    blocks = view.todo_blocks(r, _rows(rows), with_owner=True)
    return long_reply(r, r.t("todo.team_title", n=len(rows)), blocks)


def _done(r: Reader, req: Request, deps: ItemDeps, rest: str) -> Reply:
    """`/todo done 12` (or `#12`)."""
    number = rest.strip().lstrip("#")
    if not number.isdigit() or len(number) > 12:
        return Reply(text=r.t("todo.done_usage"))
    got = mark(deps, r, req.team, req.user, int(number))
    if got.refusal is not None or got.row is None:
        return Reply(text=r.t(got.refusal or "item.gone", **dict(got.values)))
    return Reply(text=r.t("item.done", text=bk.escape(bk.clip(got.row.item.text, 500))))


def _add(r: Reader, req: Request, deps: ItemDeps, rest: str) -> Reply:
    """`/todo add 耐克 周三前发排期 @Dan`: one item outside a report; its owner told by DM."""
    if not rest.strip():
        return Reply(text=r.t("todo.add_usage"))
    with deps.db.write() as s:
        got = _store(r, req, deps, s, rest)
        if isinstance(got, str):
            return Reply(text=got)
        row, members = got
        messages = item_messages(Writer(deps.settings, members, r.now), req.team, [row])
        outbox.enqueue(s, messages, r.now, outbox.wall())
    item = row.item
    said = r.t(
        "todo.added",
        id=item.id,
        client=bk.escape(row.client.name),
        text=bk.escape(bk.clip(item.text, 500)),
        owner=item.owner_id,
        due=view.due_words(r, item),
    )
    return Reply(text=said, then=(deps.deliver, partial(deps.home, req.team, item.owner_id)))


def _store(
    r: Reader, req: Request, deps: ItemDeps, s: Session, rest: str
) -> tuple[ItemRow, dict[str, Member]] | str:
    """The item `rest` gives (client, words, due day, owner) stored, or what to say instead."""
    found = client_leading(r, queries.list_clients(s, req.team), rest)
    if found.client is None or found.client.id is None:
        return found.said
    members = {m.user_id: m for m in queries.list_members(s, req.team)}
    people = people_names((u, m.name) for u, m in members.items())
    end_of_day = deps.team_settings.of(req.team).end_of_day
    tz, lang = deps.settings.tz, r.lang
    lines, problem = read_item_lines(found.rest, req.user, people, r.now, tz, lang, end_of_day)
    if problem is not None:
        return view.problem_text(r, problem)
    if len(lines) != 1:
        return r.t("todo.add_usage")
    if lines[0].owner_id not in members:
        return r.t("todo.owner_not_member", owner=lines[0].owner_id)
    [item] = action_items.add_items(
        s,
        req.team,
        author_id=req.user,
        client_id=found.client.id,
        report_id=None,
        lines=lines,
        now=r.now,
    )
    return ItemRow(item, found.client, None), members


TODO = Subcommands[ItemDeps](
    COMMAND,
    help="todo.help",
    subs={
        ("list", "mine", "列表", "我的"): _mine,
        ("done", "完成"): _done,
        ("add", "添加", "加"): _add,
        ("team", "团队", "下属"): _team,
    },
    empty=_mine,
)


def register(app: App, listen: Listen, deps: ItemDeps) -> None:
    app.command(COMMAND)(listen.ack(todo_command, deps))
