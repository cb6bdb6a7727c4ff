"""The approval buttons on Slack, for every form kind: Approve, Reject (with its reason form) and
Withdraw. The engine (forms/engine.py) decides in one conditional update; here every delivered
copy of the request is redrawn in place, and the App Home of everyone involved."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from slack_bolt import App

from bot.rules.approvals import APPROVED, PENDING, REJECTED, WITHDRAWN, reason_problem
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import approvals as view
from forms import notices
from forms.engine import Decided, already
from forms.leaving import reroute_from
from forms.notices import first_line
from handlers.deps import Deps
from storage import approvals, queries

log = logging.getLogger("aebot.approvals")


@dataclass(frozen=True)
class ApprovalDeps(Deps):
    """What the approval buttons use besides: redrawing a person's App Home (team, user) when
    what waits for their decision changed."""

    home: Callable[[str, str], None] = lambda _team, _user: None


def decide(
    deps: ApprovalDeps, req: Request, approval_id: int, decision: str, note: str, via: str
) -> Decided:
    """Decide (or withdraw) a request as `req.user`, in one transaction."""
    with deps.db.write() as s:
        return deps.engine.decide(
            s,
            req.team,
            req.user,
            approval_id,
            decision,
            note,
            via,
            deps.clock.now(),
            deps.reader(req),
        )


def redraw(deps: ApprovalDeps, d: Decided) -> None:
    """Every delivered copy of the request now shows where it stands: the decision with its
    buttons gone, or, for the earlier signers of a chain, who has it now."""
    a = d.approval
    if a is None:
        return
    settings = deps.settings
    for row in d.copies:
        if not row.conversation or not row.ts:
            continue
        now = deps.clock.now()
        r = Reader.of(d.members.get(row.recipient), settings.aebot_lang, settings.tz, now)
        if row.recipient == a.requester_id and row.purpose == "approval-copy":
            blocks = view.requester_blocks(r, a)
            text = first_line(blocks)
        else:
            deciding = a.status == PENDING and row.recipient in (a.approver_id, a.escalated_to)
            blocks, text = view.request_blocks(r, a, buttons=deciding), view.summary(r, a)
        deps.sender.update(row.conversation, row.ts, text, blocks)


def after(deps: ApprovalDeps, req: Request, d: Decided) -> None:
    """Once decided: deliver what was queued, redraw the copies and the Homes; tell the one who
    clicked what happened if the redrawn DM does not."""
    if d.won and d.approval is not None:
        deps.deliver()
        redraw(deps, d)
        a = d.approval
        involved = {a.requester_id, a.approver_id, a.on_behalf_of, a.decided_by, req.user}
        for user in involved - {None}:
            deps.home(a.team_id, str(user))
    if d.say:
        deps.sender.answer(req.response_url, req.user, d.say)


# --- listeners ------------------------------------------------------------------------------
def approve_click(req: Request, deps: ApprovalDeps) -> None:
    after(deps, req, decide(deps, req, req.record_id, APPROVED, "", "button"))


def withdraw_click(req: Request, deps: ApprovalDeps) -> None:
    d = decide(deps, req, req.record_id, WITHDRAWN, "", "button")
    if d.won and d.approval is not None:
        r, a = deps.reader(req), d.approval
        said = r.t(
            "approval.withdrawn_ok",
            kind=view.kind_name(r, a.kind),
            title=bk.escape(a.title),
            approver=a.approver_id,
        )
        d = Decided(a, True, said, d.copies, d.members)
    after(deps, req, d)


def reject_click(req: Request, deps: ApprovalDeps) -> Reply:
    """Reject asks for a reason: the form opens unless the request was decided already or the
    clicker may not decide it (then they are told why, and nothing opens)."""
    r, now = deps.reader(req), deps.clock.now()
    with deps.db.read() as s:
        a = approvals.get(s, req.team, req.record_id)
        if a is None:
            say = r.t("approval.not_found")
        elif a.status != PENDING:
            say = already(r, a)
        else:
            refusal = deps.engine.refusal(a, req.user, REJECTED, deps.engine.team(s, req.team, now))
            say = refusal and r.t(refusal, approver=a.approver_id, requester=a.requester_id)
    if say or a is None:
        return Reply(then=(partial(deps.sender.answer, req.response_url, req.user, say),))
    modal = view.reject_modal(r, a, {"approval_id": a.id})
    return Reply(then=(partial(deps.sender.open_modal, str(req.trigger_id), modal),))


def submit_reject(req: Request, deps: ApprovalDeps) -> Reply:
    r = deps.reader(req)
    reason = str(req.form.get(view.REASON) or "")
    problem = reason_problem(reason)
    if problem:
        return Reply(errors={view.REASON: r.t(problem)})
    approval_id = req.metadata.get("approval_id")
    if not isinstance(approval_id, int):
        return Reply(errors={view.REASON: r.t("approval.not_found")})
    d = decide(deps, req, approval_id, REJECTED, reason.strip(), "modal")
    if not d.won:
        return Reply(errors={view.REASON: d.say or r.t("approval.not_found")})
    return Reply(then=(partial(after, deps, req, d),))


# --- an approver Slack says is gone ---------------------------------------------------------
def on_gone(deps: ApprovalDeps, gone: list[tuple[str, str, str]]) -> None:
    """Slack says these people are gone (account_inactive, user_not_found): when the message
    that found out was for someone to decide a request, their pending requests move on
    (forms/leaving.py)."""
    moved = 0
    deciders = {(team, user) for team, user, purpose in gone if purpose in notices.DECIDING}
    for team, user in sorted(deciders):
        with deps.db.write() as s:
            m = queries.get_member(s, team, user)
            successor = m.manager_id if m else None
            moved += reroute_from(deps.engine, s, team, user, successor, deps.clock.now())
    if moved:
        log.warning("%d pending requests moved from approvers Slack says are gone", moved)
        deps.deliver()


def register(app: App, listen: Listen, deps: ApprovalDeps) -> None:
    app.action(view.APPROVE)(listen.after(approve_click, deps))
    app.action(view.WITHDRAW)(listen.after(withdraw_click, deps))
    app.action(view.REJECT)(listen.ack(reject_click, deps))
    app.view(view.REJECT_FORM)(listen.ack(submit_reject, deps))
