"""`/aebot agenda` (items for the next weekly meeting), `/aebot receivable` (坏账管理: overdue
amounts, recorded, closed and all listed by managers and admins; anyone else lists only those of
the clients they own or back up), and the "Sent" buttons of the Monday status drafts
(scheduler/agenda_tasks.py) and of the month-end summaries (scheduler/month_end_tasks.py).

An item goes to the coming meeting: this week's while its agenda is not out yet, else the next
week's. A button is for the AE it was sent to, or an admin; the duty is marked done by one
conditional update, so a second click changes nothing and says when it was marked, and the
clicked message is redrawn with the client's line marked done.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from slack_bolt import App
from sqlmodel import Session

from bot.rules import agenda as rules
from bot.rules import client_duties
from bot.rules import month_end as month_rules
from bot.rules.people import is_admin
from bot.rules.problems import Problem
from bot.rules.receivables import (
    PAID,
    WRITTEN_OFF,
    may_record,
    may_see,
    parse_receivable,
    read_due,
    show_amount,
    stage,
    write_off_problem,
)
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request, long_reply
from bot.slack.subcommands import Subcommands, says
from bot.slack.texts import Reader
from bot.slack.views import agenda as view
from bot.slack.views import month_end as month_view
from handlers.client_lookup import find_client
from handlers.deps import Deps
from storage import agenda as stored
from storage import month_end as month
from storage import queries
from storage.models import Duty

AGENDA = ("agenda", "议程")
RECEIVABLE = ("receivable", "receivables", "应收", "应收账款", "坏账")
ITEM_MAX = 500
_ID = re.compile(r"#?(\d{1,9})")


def agenda_command(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/aebot agenda [add TOPIC | remove ID | list]`."""
    return _AGENDA.run(r, req, deps, rest)


def receivable_command(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/aebot receivable [add CLIENT AMOUNT due DATE | paid ID | writeoff ID | list]`."""
    return _RECEIVABLE.run(r, req, deps, rest)


def _id(text: str) -> int | None:
    m = _ID.fullmatch(text.strip())
    return int(m.group(1)) if m else None


# --- /aebot agenda ------------------------------------------------------------------------------
def _coming(r: Reader, req: Request, deps: Deps) -> tuple[date, date]:
    """The coming meeting's Monday, and the day it is held."""
    at = deps.team_settings.of(req.team).time("monday_agenda_at")
    calendar = deps.calendars.for_team(req.team)
    week = rules.meeting_week(r.now.astimezone(r.zone), at, calendar)
    return week, calendar.first_working_day_of_week(week) or week


def _add_item(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    if not text:
        return Reply(text=r.t("agenda.usage"))
    if len(text) > ITEM_MAX:
        return Reply(text=r.t("agenda.too_long", n=len(text), max=ITEM_MAX))
    week, day = _coming(r, req, deps)
    with deps.db.write() as s:
        item = stored.add_item(s, req.team, week, text, req.user, deps.clock.now())
    return Reply(text=r.t("agenda.added", day=r.day(day), id=item.id, text=bk.escape(text)))


def _list_items(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    week, day = _coming(r, req, deps)
    with deps.db.read() as s:
        items = stored.items(s, req.team, week)
    if not items:
        return Reply(text=r.t("agenda.list_empty", day=r.day(day)))
    lines = [r.t("agenda.list_title", day=r.day(day), n=len(items))]
    lines += [
        r.t("agenda.list_line", id=i.id, text=bk.escape(i.text), by=i.added_by) for i in items
    ]
    return long_reply(r, lines[0], bk.sections(lines))


def _remove_item(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    item_id = _id(text)
    if item_id is None:
        return Reply(text=r.t("agenda.need_id"))
    week, _ = _coming(r, req, deps)
    with deps.db.write() as s:
        item = stored.get_item(s, req.team, item_id)
        if item is None:
            return Reply(text=r.t("agenda.unknown_item", id=item_id))
        if item.added_by != req.user and not deps.admin(req.user):
            return Reply(text=r.t("agenda.not_yours", id=item_id, by=item.added_by))
        if item.week < week:
            return Reply(text=r.t("agenda.past", id=item_id, day=r.day(item.week)))
        stored.remove_item(s, req.team, item_id)
    return Reply(text=r.t("agenda.removed", id=item_id, text=bk.escape(item.text)))


# --- /aebot receivable --------------------------------------------------------------------------
def _may_record(s: Session, req: Request, deps: Deps) -> bool:
    me = queries.get_member(s, req.team, req.user)
    return may_record(me.role if me else None, deps.admin(req.user))


def _add_owed(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    today = r.now.astimezone(r.zone).date()
    parsed = parse_receivable(text, today)
    if isinstance(parsed, Problem):
        values = {k: bk.escape(v) if isinstance(v, str) else v for k, v in parsed.values.items()}
        return Reply(text=r.t(parsed.key, **values))
    with deps.db.write() as s:
        if not _may_record(s, req, deps):
            return Reply(text=r.t("receivable.managers_only"))
        client = find_client(r, s, req.team, parsed.client_words)
        if isinstance(client, str):
            return Reply(text=client)
        amount = format(parsed.amount.normalize(), "f")
        rec = stored.add_receivable(
            s, req.team, client.id or 0, amount, parsed.due, parsed.note, req.user, deps.clock.now()
        )
        values = {"id": rec.id, "client": bk.escape(client.name)}
    return Reply(
        text=r.t(
            "receivable.added",
            amount=show_amount(parsed.amount),
            due=r.day(parsed.due),
            stage=r.t(f"receivable.stage.{stage(parsed.due, today)}"),
            **values,
        )
    )


def _list_owed(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    """Every open receivable for managers and admins; anyone else's clients' only."""
    today = r.now.astimezone(r.zone).date()
    with deps.db.read() as s:
        me = queries.get_member(s, req.team, req.user)
        rows = stored.open_receivables(s, req.team)
    role, admin = (me.role if me else None), deps.admin(req.user)
    everyone = may_record(role, admin)
    rows = [
        (rec, c) for rec, c in rows if may_see(req.user, role, admin, c.owner_id, c.backup_owner_id)
    ]
    if not rows:
        return Reply(text=r.t("receivable.none" if everyone else "receivable.none_mine"))
    title = "receivable.list_title" if everyone else "receivable.list_title_mine"
    lines = [r.t(title, n=len(rows))]
    lines += [
        r.t(
            "receivable.line",
            id=rec.id,
            client=bk.escape(c.name),
            due=r.day(rec.due),
            amount=show_amount(Decimal(rec.amount)),
            stage=r.t(f"receivable.stage.{stage(rec.due, today)}"),
        )
        for rec, c in rows
    ]
    return long_reply(r, lines[0], bk.sections(lines))


def _close_owed(r: Reader, req: Request, deps: Deps, text: str, closed_as: str) -> Reply:
    rec_id = _id(text)
    if rec_id is None:
        return Reply(text=r.t("receivable.need_id"))
    with deps.db.write() as s:
        if not _may_record(s, req, deps):
            return Reply(text=r.t("receivable.managers_only"))
        found = stored.get_receivable(s, req.team, rec_id)
        if found is None:
            return Reply(text=r.t("receivable.unknown", id=rec_id))
        now = deps.clock.now()
        won = stored.close_receivable(s, req.team, rec_id, closed_as, now, req.user)
        rec, client = stored.get_receivable(s, req.team, rec_id) or found
    if not won and rec.closed_at is not None:
        when = r.when(rec.closed_at)
        return Reply(text=r.t(f"receivable.already.{rec.closed_as}", id=rec_id, when=when))
    values = {"client": bk.escape(client.name), "amount": show_amount(Decimal(rec.amount))}
    return Reply(text=r.t(f"receivable.closed.{closed_as}", id=rec_id, **values))


def _write_off(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/aebot receivable writeoff ID DAY`: recorded by the general manager or an admin, as the
    board decided on DAY, for an amount overdue more than 6 months (002 第八条)."""
    words = text.split()
    rec_id = _id(words[0]) if words else None
    if rec_id is None:
        return Reply(text=r.t("receivable.need_id"))
    today = r.now.astimezone(r.zone).date()
    found_day = read_due(words[1:4], today)
    with deps.db.read() as s:
        found = stored.get_receivable(s, req.team, rec_id)
    if found is None or found[0].closed_at is not None:
        return _close_owed(r, req, deps, str(rec_id), WRITTEN_OFF)  # unknown, or closed
    with deps.db.write() as s:
        me = queries.get_member(s, req.team, req.user)
        board_day = found_day[0] if found_day else None
        role = me.role if me else None
        problem = write_off_problem(role, deps.admin(req.user), found[0].due, today, board_day)
        if problem is not None:
            return Reply(text=r.problem(_days(r, problem)))
        now = deps.clock.now()
        stored.close_receivable(s, req.team, rec_id, WRITTEN_OFF, now, req.user, board_day)
    rec, client = found
    values = {"client": bk.escape(client.name), "amount": show_amount(Decimal(rec.amount))}
    day = r.day(board_day) if board_day else ""
    return Reply(
        text=r.t("receivable.written_off", id=rec_id, day=day, owner=client.owner_id, **values)
    )


def _days(r: Reader, p: Problem) -> Problem:
    """A problem's dates written as the reader writes them (today's as a date to copy)."""
    values = {
        k: (v.isoformat() if k == "today" else r.day(v)) if isinstance(v, date) else v
        for k, v in p.values.items()
    }
    return Problem(p.key, values)


_AGENDA = Subcommands[Deps](
    "/aebot agenda",
    help="agenda.usage",
    subs={
        ("add", "添加", "新增"): _add_item,
        ("remove", "delete", "删除"): _remove_item,
        ("list", "列表"): _list_items,
    },
    empty=_list_items,
    other=says("agenda.usage"),
)
_RECEIVABLE = Subcommands[Deps](
    "/aebot receivable",
    help="receivable.usage",
    subs={
        ("add", "添加", "登记"): _add_owed,
        ("paid", "已收", "已付", "收回"): lambda r, req, deps, rest: _close_owed(
            r, req, deps, rest, PAID
        ),
        ("writeoff", "write-off", "核销", "坏账"): _write_off,
        ("list", "列表"): _list_owed,
    },
    empty=_list_owed,
    other=says("receivable.usage"),
)


# --- the "Sent" and "Done" buttons ------------------------------------------------------------
def status_sent(req: Request, deps: Deps) -> None:
    _mark(req, deps, stored.CLIENT_STATUS)


def month_end_sent(req: Request, deps: Deps) -> None:
    _mark(req, deps, stored.MONTH_END)


def _mark(req: Request, deps: Deps, kind: str) -> None:
    mark_duty(req, deps, kind, "duty.already", _redraw)


def mark_duty(
    req: Request, deps: Deps, kind: str, already: str, redraw: Callable[[Request, Deps, Duty], None]
) -> None:
    """Mark the clicked client's duty (of `kind`) done, once, by the AE it was for or an admin;
    a second click says who marked it and when (the text `already`); then redraw its line."""
    r = deps.reader(req)
    with deps.db.write() as s:
        duty = stored.get_duty(s, req.team, req.record_id)
        if duty is None or duty.id is None or duty.kind != kind:
            deps.sender.answer(req.response_url, req.user, r.t("duty.unknown"))
            return
        if duty.user_id != req.user and not is_admin(req.user, deps.settings.admins):
            deps.sender.answer(req.response_url, req.user, r.t("duty.not_yours", user=duty.user_id))
            return
        won = stored.mark_done(s, req.team, duty.id, deps.clock.now(), req.user)
        duty = stored.get_duty(s, req.team, duty.id) or duty
        client = queries.get_client(s, req.team, duty.client_id)
    if not won:
        name = bk.escape(client.name if client else "?")
        when = r.when(duty.done_at) if duty.done_at else ""
        said = r.t(already, client=name, when=when, user=duty.user_id, by=duty.done_by or "")
        deps.sender.answer(req.response_url, req.user, said)
        return
    redraw(req, deps, duty)


def _redraw(req: Request, deps: Deps, duty: Duty) -> None:
    """The DM the click came from, as it now stands, in its owner's language."""
    now, zone = deps.clock.now(), deps.settings.tz
    if duty.kind == stored.MONTH_END:
        posts = _month_end_posts(req, deps, duty)
    else:
        week = date.fromisoformat(duty.period)
        since = client_duties.status_since(week, zone)
        with deps.db.read() as s:
            owner = queries.get_member(s, req.team, duty.user_id)
            rows, jobs, contacts = stored.draft_rows(
                s, req.team, duty.kind, duty.period, since, now, user_id=duty.user_id
            )
        r = Reader.of(owner, deps.settings.aebot_lang, zone, now)
        posts = view.status_posts(r, client_duties.drafts(rows, jobs, contacts), week)
    post = view.part_with(posts, duty.id or 0)
    if post is not None:
        deps.sender.respond(str(req.response_url), post[0], post[1], replace=True)


def _month_end_posts(req: Request, deps: Deps, duty: Duty) -> list[view.Post]:
    """The month-end DM of the duty's AE as it stands now (its drafts read afresh)."""
    now, zone = deps.clock.now(), deps.settings.tz
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, req.team)}
        clients = {c.id: c for c in queries.list_clients(s, req.team) if c.id is not None}
        rows = stored.duties(s, req.team, duty.kind, duty.period, user_id=duty.user_id)
        names = {u: m.name for u, m in members.items()}
        facts = month.facts(s, req.team, duty.period, zone, now, names)
    r = Reader.of(members.get(duty.user_id), deps.settings.aebot_lang, zone, now)
    duties = [(d.id, d.client_id, d.done_at) for d, _ in rows if d.id is not None]
    start, _, _ = month_rules.month_of(duty.period)
    until = deps.calendars.for_team(req.team).last_working_day_of_month(start) or start
    readers = {lang: Reader(lang, zone, now) for lang in ("zh", "en")}
    drafts = month_rules.client_months(duties, clients, facts)
    return month_view.posts(r, drafts, readers, start, until)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.action(view.SENT)(listen.after(status_sent, deps))
    for action in (month_view.SENT, month_view.OLD_DONE):  # Done: DMs sent before it was Sent
        app.action(action)(listen.after(month_end_sent, deps))
