"""The buttons of the overtime timetable: "No overtime today" under the 16:30 reminder, and
"Approve all on time" under the 17:00 cut-off list.

"No overtime today" stores a day mark once (a second click changes nothing) and replaces the
reminder; only the person it was for may silence it. "Approve all on time" is for the project
execution director or an admin: each of the day's on-time forms still waiting is decided through
the approval engine (one conditional update each; its DMs redrawn, the requester told once),
late ones are left for a decision one by one, and the list is redrawn as it now stands.
"""

from __future__ import annotations

from datetime import date

from slack_bolt import App

from bot.rules.approvals import APPROVED, PENDING
from bot.rules.people import PED, is_admin
from bot.slack.listeners import Listen, Request
from bot.slack.texts import Reader
from bot.slack.views import overtime_tasks as view
from handlers.approvals import ApprovalDeps, Decided, decide, redraw
from storage import overtime_day, queries


# --- "No overtime today" ----------------------------------------------------------------------
def none_today(req: Request, deps: ApprovalDeps) -> None:
    r = deps.reader(req)
    if req.value != req.user:
        deps.sender.answer(
            req.response_url, req.user, r.t("overtime_reminder.not_yours", user=req.value)
        )
        return
    now = deps.clock.now()
    with deps.db.write() as s:
        overtime_day.mark(
            s,
            req.team,
            req.user,
            now.astimezone(deps.settings.tz).date(),
            overtime_day.NO_OVERTIME,
            now,
        )
    deps.sender.respond(str(req.response_url), r.t("overtime_reminder.silenced"), replace=True)


# --- "Approve all on time" --------------------------------------------------------------------
def approve_all(req: Request, deps: ApprovalDeps) -> None:
    r = deps.reader(req)
    try:
        day = date.fromisoformat(req.value)
    except ValueError:
        deps.sender.answer(req.response_url, req.user, r.t("error.generic"))
        return
    with deps.db.read() as s:
        me = queries.get_member(s, req.team, req.user)
        on_time = overtime_day.waiting(s, req.team, day, on_time_only=True)
    if not (is_admin(req.user, deps.settings.admins) or (me is not None and me.role == PED)):
        deps.sender.answer(req.response_url, req.user, r.t("overtime_bulk.only_ped"))
        return
    tried = [
        decide(deps, req, a.id, APPROVED, "", "button") for _, a in on_time if a.id is not None
    ]
    won = [d for d in tried if d.won]
    _redraw_decided(deps, won)
    not_yours = sum(1 for d in tried if not d.won and d.approval and d.approval.status == PENDING)
    late = _redraw_list(req, deps, r, day)
    deps.sender.answer(req.response_url, req.user, _summary(r, len(won), late, not_yours))


def _redraw_decided(decisions: ApprovalDeps, won: list[Decided]) -> None:
    """As the engine does after its own buttons: deliver the requesters' DMs, redraw every copy
    of each request, and the App Home of everyone concerned."""
    if not won:
        return
    decisions.deliver()
    for d in won:
        redraw(decisions, d)
        a = d.approval
        if a is not None:
            for user in {a.requester_id, a.approver_id, a.on_behalf_of, a.decided_by} - {None}:
                decisions.home(a.team_id, str(user))


def _redraw_list(req: Request, deps: ApprovalDeps, r: Reader, day: date) -> int:
    """The cut-off list, replaced by what still waits; returns how many late forms do."""
    with deps.db.read() as s:
        rows = overtime_day.waiting(s, req.team, day)
    cutoff = deps.team_settings.of(req.team).time("overtime_cutoff")
    if rows:  # long, its first part: the thread below keeps the first list's other parts
        (text, blocks), *_ = view.cutoff_list(r, day, cutoff, rows)
        deps.sender.respond(str(req.response_url), text, blocks, replace=True)
    else:
        deps.sender.respond(str(req.response_url), view.nothing_waiting(r, day), replace=True)
    return sum(1 for form, _ in rows if form.late)


def _summary(r: Reader, approved: int, late: int, not_yours: int) -> str:
    said = []
    if approved:
        said.append(r.t("overtime_bulk.approved", n=approved))
    if not_yours:
        said.append(r.t("overtime_bulk.not_yours", n=not_yours))
    if not approved and not not_yours:
        said.append(r.t("overtime_bulk.none"))
    if late:
        said.append(r.t("overtime_bulk.late_wait", n=late))
    return ("" if r.lang == "zh" else " ").join(said)


def register(app: App, listen: Listen, deps: ApprovalDeps) -> None:
    app.action(view.NONE_TODAY)(listen.after(none_today, deps))
    app.action(view.APPROVE_ALL)(listen.after(approve_all, deps))
