"""`/out`: the whereabouts register (去向登记) and leave.

`/out CLIENT PURPOSE [WHEN]` registers that I am going out: the client must be named (vague
entries count as not registered, as the handbook says), WHEN is read by `bot.dates` (a range,
"到17:00", or nothing: until the end of the working day). A newer registration ends an
overlapping one. `/out tomorrow …` registers a visit straight from home on the next working
day. `/out back` ends mine with the offer to log the visit; otherwise the `visit-log-offers`
task makes that offer once the visit's end has passed (scheduler/visit_tasks.py). The offer's
button opens the contact modal filled in. `/out who` is for managers. `/out leave …` stores
leave; what leave changes elsewhere (no reminders, approvals routed around) reads
storage/absence.py.
"""

from __future__ import annotations

from datetime import timedelta

from slack_bolt import App
from sqlmodel import Session

from bot.dates import DateRefusal
from bot.rules.people import is_admin
from bot.rules.problems import Problem
from bot.rules.whereabouts import (
    PURPOSE_LIMIT,
    is_vague,
    may_see_whereabouts,
    named_inside,
    read_leave,
    read_out,
    starts_vague,
    visit_span,
)
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import contacts as contact_view
from bot.slack.views import whereabouts as view
from handlers.client_lookup import client_leading
from handlers.deps import Deps
from storage import absence, queries, whereabouts
from storage.models import Client, Leave, Whereabouts

COMMAND = "/out"


def out_command(req: Request, deps: Deps) -> Reply:
    return OUT.run(deps.reader(req), req, deps, req.text)


def _going(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/out 耐克 提案 14:00-17:00`."""
    return _register(r, req, deps, text, tomorrow=False)


def _tomorrow(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/out tomorrow 耐克 提案`: straight from home on the next working day."""
    return _register(r, req, deps, text, tomorrow=True)


# --- registering ----------------------------------------------------------------------------
def _register(r: Reader, req: Request, deps: Deps, text: str, *, tomorrow: bool) -> Reply:
    values = deps.team_settings.of(req.team)
    hours = (values.start_of_day, values.end_of_day)
    now = deps.local_now()
    said = read_out(text, now, deps.settings.aebot_tz, r.lang, hours[1])
    if isinstance(said, DateRefusal):
        return Reply(text=r.t("out.unreadable", message=bk.escape(said.message)))
    if is_vague(said.head):
        return Reply(text=r.t("out.vague"))
    calendar = deps.calendars.for_team(req.team)
    day = calendar.next_working_day(now.date()) if tomorrow else now.date()
    span = visit_span(said.when, now, day, hours, tomorrow)
    if isinstance(span, Problem):
        return Reply(text=r.problem(span))
    with deps.db.write() as s:
        found = _client_and_purpose(r, s, req, said.head)
        if isinstance(found, str):
            return Reply(text=found)
        client, purpose = found
        visit = Whereabouts(
            team_id=req.team,
            user_id=req.user,
            client_id=client.id or 0,
            purpose=purpose,
            start=span[0],
            end=span[1],
            from_home=tomorrow,
            created_at=r.now,
        )
        ended = whereabouts.register(s, visit, r.now, keep_open_now=tomorrow)
    text, blocks = view.registered(r, visit, client, ended)
    return Reply(text=text, blocks=blocks)


def _client_and_purpose(r: Reader, s: Session, req: Request, head: str) -> tuple[Client, str] | str:
    """The client named first (or, failing that, the one client named anywhere) and the rest as
    the purpose; or why not: vague words, an unknown name, the candidates."""
    clients = queries.list_clients(s, req.team)
    found = client_leading(r, clients, head)
    client, purpose = found.client, found.rest
    if client is None and not found.match.candidates and (inside := named_inside(clients, head)):
        client, purpose = inside
    if client is None:
        return r.t("out.vague") if starts_vague(head) else found.said
    if len(purpose) > PURPOSE_LIMIT:
        return r.t("out.purpose_too_long", limit=PURPOSE_LIMIT, n=len(purpose))
    return client, purpose


# --- back, who, and the offer to log a visit ----------------------------------------------
def _back(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    """`/out back`: my open visit ends now; the reply offers to log it."""
    with deps.db.write() as s:
        visit = whereabouts.open_now(s, req.team, req.user, r.now)
        if visit is None:
            return Reply(text=r.t("out.back_none"))
        whereabouts.end_now(s, visit, r.now)
        client = queries.get_client(s, req.team, visit.client_id)
    assert client is not None
    text, blocks = view.back(r, visit, client, r.now)
    return Reply(text=text, blocks=blocks)


def _who(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    """`/out who` (managers and admins): who is out now and where, who is on leave today."""
    admin = is_admin(req.user, deps.settings.admins)
    today = deps.local_now().date()
    with deps.db.read() as s:
        me = queries.get_member(s, req.team, req.user)
        if not may_see_whereabouts(me.role if me else None, admin):
            return Reply(text=r.t("out.who_not_allowed"))
        out = whereabouts.out_now(s, req.team, r.now)
        leave = absence.leave_between(s, req.team, today, today)
    blocks = view.who(r, out, leave)
    text = r.t("out.who_title", n=len(out)) if out else r.t("out.who_none")
    return Reply(text=text, blocks=blocks)


def log_visit(req: Request, deps: Deps) -> None:
    """ "Log this visit": the contact modal with the client, kind visit, the visit's start and
    its purpose filled in; only for the person who registered it."""
    with deps.db.read() as s:
        found = whereabouts.get(s, req.team, req.record_id)
        clients = queries.list_clients(s, req.team)
    r = deps.reader(req)
    if found is None or found[0].user_id != req.user:
        key = "out.visit_gone" if found is None else "out.visit_not_yours"
        deps.sender.answer(req.response_url, req.user, r.t(key))
        return
    visit, client = found
    mine = sorted(
        clients,
        key=lambda c: (c.id != client.id, req.user not in (c.owner_id, c.backup_owner_id), c.name),
    )
    v = contact_view.contact_modal(
        r,
        mine,
        client_id=client.id,
        kind="visit",
        summary=visit.purpose,
        when=visit.start.astimezone(deps.settings.tz).strftime("%Y-%m-%d %H:%M"),
        metadata={"channel": req.channel},
    )
    deps.sender.open_modal(str(req.trigger_id), v)


# --- leave ----------------------------------------------------------------------------------
def _leave_add(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """Leave from today on, whole days, not overlapping leave I already have (refused: cancel
    that first), with the working days it takes."""
    now = deps.local_now()
    end_of_day = deps.team_settings.of(req.team).end_of_day
    said = read_leave(text, now, deps.settings.aebot_tz, r.lang, end_of_day)
    if isinstance(said, Problem):  # it may quote what was typed
        return Reply(text=r.t(said.key, **{k: bk.escape(str(v)) for k, v in said.values.items()}))
    if said.first < now.date():
        return Reply(text=r.t("leave.past", day=r.day(said.first)))
    with deps.db.write() as s:
        clash = whereabouts.overlapping_leave(s, req.team, req.user, said.first, said.last)
        if clash is not None:
            days = view.days(r, clash.first_day, clash.last_day)
            return Reply(text=r.t("leave.overlap", kind=view.kind_name(r, clash.kind), days=days))
        s.add(
            Leave(
                team_id=req.team,
                user_id=req.user,
                first_day=said.first,
                last_day=said.last,
                kind=said.kind,
                note=said.note,
                created_at=r.now,
            )
        )
    calendar = deps.calendars.for_team(req.team)
    n = calendar.working_days_between(said.first - timedelta(days=1), said.last)
    days = view.days(r, said.first, said.last)
    lines = [view.leave_recorded(r, view.kind_name(r, said.kind), days, n)]
    if said.note:
        lines.append(r.t("leave.note_line", note=bk.escape(said.note)))
    return Reply(text="\n".join(lines))


def _leave_list(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    with deps.db.read() as s:
        mine = whereabouts.leave_from(s, req.team, req.user, deps.local_now().date())
    if not mine:
        return Reply(text=r.t("leave.list_none"))
    return Reply(text=r.t("leave.list_title", n=len(mine)), blocks=view.leave_list(r, mine))


def _leave_cancel(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    """My current or next leave: cancelled; one that began before today ends yesterday."""
    today = deps.local_now().date()
    with deps.db.write() as s:
        mine = whereabouts.leave_from(s, req.team, req.user, today)
        if not mine:
            return Reply(text=r.t("leave.cancel_none"))
        leave = mine[0]
        if leave.first_day < today:
            leave.last_day = today - timedelta(days=1)
        else:
            leave.cancelled_at = r.now
        s.add(leave)
    kind, days = view.kind_name(r, leave.kind), view.days(r, leave.first_day, leave.last_day)
    key = "leave.cancelled" if leave.cancelled_at else "leave.cut_short"
    return Reply(text=r.t(key, kind=kind, days=days))


LEAVE = Subcommands[Deps](
    "/out leave",
    help="out.help",
    subs={("list", "mine", "列表"): _leave_list, ("cancel", "取消"): _leave_cancel},
    other=_leave_add,
)
OUT = Subcommands[Deps](
    COMMAND,
    help="out.help",
    subs={
        ("who", "谁", "谁在外"): _who,
        ("back", "回来", "回来了", "回公司"): _back,
        ("leave", "请假"): lambda r, req, deps, rest: LEAVE.run(r, req, deps, rest),
        ("tomorrow", "明天"): _tomorrow,
    },
    other=_going,
)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.command(COMMAND)(listen.ack(out_command, deps))
    app.action(view.VISIT_LOG)(listen.after(log_visit, deps))
