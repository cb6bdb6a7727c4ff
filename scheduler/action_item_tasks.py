"""The timetable's action-item task (督促落实): open items overdue by a working day are told to
the report's author, by two working days to the owner's manager; each once (marked when the
DM is delivered), in one DM per person per run, read for the whole team in a few statements.
Working days are the team's calendar: weekends, holidays, and 调休 Saturdays that are worked.
Items due today are the morning nudge's (scheduler/contact_tasks.py)."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from bot.rules.action_items import overdue_by, who_to_tell
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from scheduler.contact_tasks import IN_THREAD, dms
from scheduler.run import Outgoing, Run, TaskDeps
from storage import absence, action_items, queries
from storage.action_items import ItemRow

EFFECT = "items_told"  # storage/action_items.py: an id to its author, a negative id to a manager


def action_item_reminders(run: Run, deps: TaskDeps) -> str:
    """One DM per person: the overdue items of their reports, and of their people."""
    today = run.now.date()
    calendar = deps.calendars.for_team(run.team)
    with deps.db.read() as s:
        rows = action_items.open_items(s, run.team, due_by=today - timedelta(days=1))
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        leave = absence.on_leave(s, run.team, today)
    as_author: dict[str, list[ItemRow]] = defaultdict(list)
    as_manager: dict[str, list[ItemRow]] = defaultdict(list)
    for row in rows:
        item = row.item
        owner = members.get(item.owner_id)
        manager = owner.manager_id if owner else None
        told = (item.author_told_at is not None, item.manager_told_at is not None)
        tell = who_to_tell(item, told, overdue_by(item.due_on, today, calendar), manager)
        if tell.author and item.author_id in members and item.author_id not in leave:
            as_author[item.author_id].append(row)
        if tell.manager and manager in members and manager not in leave:
            as_manager[str(manager)].append(row)
    outbox: list[Outgoing] = []
    for user in sorted(as_author.keys() | as_manager.keys()):
        r = deps.reader(members[user])
        theirs = as_manager.get(user, [])
        both = {row.item.id for row in theirs}  # the author is the owner's manager: listed once
        mine = [row for row in as_author.get(user, []) if row.item.id not in both]
        blocks = _part(r, "items.overdue_author_intro", mine)
        blocks += _part(r, "items.overdue_manager_intro", theirs)
        text = r.t("items.overdue_text", n=len(mine) + len(theirs))
        ids = tuple(row.item.id or 0 for row in as_author.get(user, []))
        ids += tuple(-(row.item.id or 0) for row in theirs)
        posts = bk.parts(text, blocks, r, rest=IN_THREAD)
        outbox += run.parts(user, user, posts, "items-overdue", effect=EFFECT, effect_ids=ids)
    run.send(outbox)
    told = {row.item.id for rows in (*as_author.values(), *as_manager.values()) for row in rows}
    return f"{dms(outbox)} DMs, {len(told)} overdue items told"


def _part(r: Reader, intro: str, rows: list[ItemRow]) -> list[bk.Block]:
    if not rows:
        return []
    lines = [
        r.t(
            "items.overdue_line",
            owner=row.item.owner_id,
            client=bk.escape(row.client.name),
            text=bk.escape(bk.clip(row.item.text, 300)),
            day=r.day(row.item.due_on) if row.item.due_on else "",
        )
        for row in rows
    ]
    return [bk.section(r.t(intro)), *bk.sections(lines)]
