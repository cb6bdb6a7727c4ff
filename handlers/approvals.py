"""The approval engine on Slack, one for every kind of request: a feature files a request
(`ask`), the approver gets a DM with Approve and Reject, the requester a copy with Withdraw;
a decision is stored once (storage/approvals.py), every copy is redrawn in place, and the
requester hears of it exactly once, through the outbox.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

from slack_bolt import App
from sqlmodel import Session

from bot.clock import Clock
from bot.rules.approvals import (
    APPROVED,
    PENDING,
    REJECTED,
    WITHDRAWN,
    addressed_to,
    chain,
    decider_refusal,
    delegate_of,
    reason_problem,
)
from bot.rules.people import is_admin
from bot.settings import Settings
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.sender import Sender
from bot.slack.texts import Reader
from bot.slack.views import approvals as view
from storage import absence, approvals, outbox, queries
from storage.approvals import Filing
from storage.db import Database
from storage.models import Approval, Member, OutboxMessage
from storage.outbox import wall

log = logging.getLogger("aebot.approvals")
# What else a decision sends, by kind: (session, the decided request, now) -> messages. A job's
# card to its owner and department channel, for instance (handlers/jobs.py).
Followers = Mapping[str, Callable[[Session, Approval, datetime], list[outbox.Message]]]


@dataclass(frozen=True)
class ApprovalDeps:
    db: Database
    clock: Clock
    settings: Settings
    sender: Sender
    deliver: Callable[[], None]
    followers: Followers = field(default_factory=dict)
    # Redraw a person's App Home (team, user): what waits for their decision changed.
    home: Callable[[str, str], None] = lambda _team, _user: None

    def reader(self, req: Request) -> Reader:
        return req.reader(self.settings.tz, self.clock.now())

    def reader_of(self, member: Member | None) -> Reader:
        return Reader.of(member, self.settings.aebot_lang, self.settings.tz, self.clock.now())


# --- filing ---------------------------------------------------------------------------------
def ask(
    s: Session,
    settings: Settings,
    filing: Filing,
    approver: str | None,
    now: datetime,
    *,
    self_approved: bool = False,
) -> Approval:
    """File a request for `approver` (their delegate while a delegation runs; their manager
    while they are on leave) and queue the DMs: the decider's with Approve and Reject, the
    requester's copy with Withdraw. A request within the requester's own authority is stored
    approved, and no one is asked."""
    if self_approved:
        return approvals.file(s, filing, None, None, now, self_approved=True)
    if approver is None:  # the feature refuses first (approval.no_approver); never approve
        raise ValueError(f"a {filing.kind} request with no one to approve it")
    today = now.astimezone(settings.tz).date()
    members = {m.user_id: m for m in queries.list_members(s, filing.team_id)}
    delegations = approvals.delegations(s, filing.team_id, today)
    to, behalf = addressed_to(approver, delegations, today, filing.requester_id)
    note_key: str | None = "approval.on_behalf" if behalf else None
    note: dict[str, object] = {"user": behalf, "until": delegations[approver][1]} if behalf else {}
    away = {x.user_id: x.last_day for x in absence.leave_between(s, filing.team_id, today, today)}
    if to in away and not behalf:
        stand_in = standing_in(to, members, set(away), filing.requester_id, settings.admins)
        if stand_in:
            to, behalf = stand_in, approver
            note_key, note = "approval.on_leave_note", {"user": approver, "until": away[approver]}
    a = approvals.file(s, filing, to, behalf, now)
    messages = request_messages(settings, a, members, now, note_key=note_key, note_values=note)
    outbox.enqueue(s, messages, now, wall())
    return a


def standing_in(
    user: str,
    members: Mapping[str, Member],
    away: set[str],
    requester: str,
    admins: Collection[str],
) -> str | None:
    """Who decides for `user` while they are on leave: the first one up their line who is
    here and is not the requester; else an admin."""
    for p in chain(user, members):
        if p.user_id not in away and p.user_id != requester:
            return p.user_id
    return next((x for x in sorted(admins) if x != requester), None)


def request_messages(
    settings: Settings,
    a: Approval,
    members: Mapping[str, Member],
    now: datetime,
    *,
    note_key: str | None = None,
    note_values: dict[str, object] | None = None,
    copy: bool = True,
) -> list[outbox.Message]:
    """The DM to the request's decider (and the requester's copy, unless `copy` is False)."""

    def reader(user: str) -> Reader:
        return Reader.of(members.get(user), settings.aebot_lang, settings.tz, now)

    out = []
    if a.approver_id:
        r = reader(a.approver_id)
        values = {k: r.day(v) if isinstance(v, date) else v for k, v in (note_values or {}).items()}
        note = r.t(note_key, **values) if note_key else None
        blocks = view.request_blocks(r, a, note=note)
        out.append(
            outbox.Message(
                a.team_id,
                f"approval:{a.id}:ask:{a.approver_id}",
                "approval",
                a.approver_id,
                view.summary(r, a),
                blocks,
            )
        )
    if copy:
        r = reader(a.requester_id)
        blocks = view.requester_blocks(r, a)
        text = blocks[0]["text"]["text"].split("\n", 1)[0]
        out.append(
            outbox.Message(
                a.team_id, f"approval:{a.id}:copy", "approval-copy", a.requester_id, text, blocks
            )
        )
    return out


# --- deciding -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Decided:
    """What a decision attempt came to: the request as it now stands, whether this attempt
    decided it, what to tell the one who tried (None: the redrawn DM says it), and the copies
    of the request to redraw."""

    approval: Approval | None
    won: bool
    say: str | None = None
    copies: tuple[OutboxMessage, ...] = ()
    members: Mapping[str, Member] = field(default_factory=dict)


def decide(
    deps: ApprovalDeps,
    team: str,
    user: str,
    approval_id: int,
    decision: str,
    note: str,
    via: str,
    r: Reader,
) -> Decided:
    """Decide (or withdraw) a request, if `user` may and it is still pending: one conditional
    update, and in the same transaction the requester's DM and what the kind's feature sends."""
    now = deps.clock.now()
    with deps.db.write() as s:
        a = approvals.get(s, team, approval_id)
        if a is None:
            return Decided(None, False, r.t("approval.not_found"))
        if a.status != PENDING:
            return Decided(a, False, _already(r, a))
        members = {m.user_id: m for m in queries.list_members(s, team)}
        refusal = _refusal(deps, s, a, user, decision, members, now)
        if refusal:
            return Decided(a, False, r.t(refusal, approver=a.approver_id, requester=a.requester_id))
        done = approvals.decide(s, team, approval_id, user, decision, note, via, now)
        if done is None:  # someone else decided between the read and the update
            fresh = approvals.get(s, team, approval_id, fresh=True)
            return Decided(fresh, False, _already(r, fresh) if fresh else None)
        messages = []
        if decision != WITHDRAWN:
            messages.append(_told(deps, done, members, now))
            follow = deps.followers.get(done.kind)
            if follow:
                messages += follow(s, done, now)
        for prefix in (
            f"approval:{done.id}:ask",
            f"approval:{done.id}:copy",
            f"approval-reminders:{done.id}:",
        ):
            outbox.cancel(s, team, prefix, now)
        outbox.enqueue(s, messages, now, wall())
        copies = outbox.delivered(
            s, team, [f"approval:{done.id}:", f"approval-reminders:{done.id}:"]
        )
    return Decided(done, True, None, tuple(copies), members)


def _refusal(
    deps: ApprovalDeps,
    s: Session,
    a: Approval,
    user: str,
    decision: str,
    members: Mapping[str, Member],
    now: datetime,
) -> str | None:
    if decision == WITHDRAWN:
        return None if user == a.requester_id else "approval.only_requester"
    today = now.astimezone(deps.settings.tz).date()
    delegs = approvals.delegations(s, a.team_id, today)
    approver = members.get(a.approver_id or "")
    return decider_refusal(
        user,
        a,
        admin=is_admin(user, deps.settings.admins),
        delegate=delegate_of(a.approver_id or "", delegs, today),
        approver_manager=approver.manager_id if approver else None,
    )


def _already(r: Reader, a: Approval) -> str:
    return r.t("approval.already", decision=view.decision_line(r, a))


def _told(
    deps: ApprovalDeps, a: Approval, members: Mapping[str, Member], now: datetime
) -> outbox.Message:
    r = Reader.of(members.get(a.requester_id), deps.settings.aebot_lang, deps.settings.tz, now)
    text, blocks = view.told_blocks(r, a, a.subject_id)
    return outbox.Message(
        a.team_id, f"approval-told:{a.id}", "approval-decision", a.requester_id, text, blocks
    )


def redraw(deps: ApprovalDeps, d: Decided) -> None:
    """Every delivered copy of the request now shows the decision, its buttons gone."""
    a = d.approval
    if a is None:
        return
    for row in d.copies:
        if not row.conversation or not row.ts:
            continue
        r = Reader.of(
            d.members.get(row.recipient),
            deps.settings.aebot_lang,
            deps.settings.tz,
            deps.clock.now(),
        )
        if row.recipient == a.requester_id and row.purpose == "approval-copy":
            blocks = view.requester_blocks(r, a)
            text = blocks[0]["text"]["text"].split("\n", 1)[0]
        else:
            blocks, text = view.request_blocks(r, a), view.summary(r, a)
        deps.sender.update(row.conversation, row.ts, text, blocks)


def _after(deps: ApprovalDeps, req: Request, d: Decided) -> None:
    if d.won and d.approval is not None:
        deps.deliver()
        redraw(deps, d)
        a = d.approval
        for user in {a.requester_id, a.approver_id, a.on_behalf_of, a.decided_by} - {None}:
            deps.home(a.team_id, str(user))
    if d.say:
        deps.sender.answer(req.response_url, req.user, d.say)


# --- listeners ------------------------------------------------------------------------------
def approve_click(req: Request, deps: ApprovalDeps) -> None:
    r = deps.reader(req)
    _after(deps, req, decide(deps, req.team, req.user, req.record_id, APPROVED, "", "button", r))


def withdraw_click(req: Request, deps: ApprovalDeps) -> None:
    r = deps.reader(req)
    d = decide(deps, req.team, req.user, req.record_id, WITHDRAWN, "", "button", r)
    if d.won and d.approval is not None:
        a = d.approval
        said = r.t(
            "approval.withdrawn_ok",
            kind=view.kind_name(r, a.kind),
            title=bk.escape(a.title),
            approver=a.approver_id,
        )
        d = Decided(a, True, said, d.copies, d.members)
    _after(deps, req, d)


def reject_click(req: Request, deps: ApprovalDeps) -> Reply:
    """Reject asks for a reason: the modal opens unless the request was decided already or the
    clicker may not decide it (then they are told why, and nothing opens)."""
    r = deps.reader(req)
    with deps.db.read() as s:
        a = approvals.get(s, req.team, req.record_id)
        if a is None:
            return Reply(
                then=(
                    partial(
                        deps.sender.answer, req.response_url, req.user, r.t("approval.not_found")
                    ),
                )
            )
        members = {m.user_id: m for m in queries.list_members(s, req.team)}
        say = _already(r, a) if a.status != PENDING else None
        refusal = say or _refusal(deps, s, a, req.user, REJECTED, members, deps.clock.now())
    if refusal:
        text = refusal if say else r.t(refusal, approver=a.approver_id, requester=a.requester_id)
        return Reply(then=(partial(deps.sender.answer, req.response_url, req.user, text),))
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
    d = decide(deps, req.team, req.user, approval_id, REJECTED, reason.strip(), "modal", r)
    if not d.won:
        return Reply(errors={view.REASON: d.say or r.t("approval.not_found")})
    return Reply(then=(partial(_after, deps, req, d),))


# --- an approver who left -------------------------------------------------------------------
def reroute_from(
    s: Session, settings: Settings, team: str, gone: str, successor: str | None, now: datetime
) -> int:
    """Pending requests waiting for someone who left go to `successor` (the one they reported
    to; else the first admin), and each requester is told. Returns how many moved."""
    to = successor or next(iter(sorted(settings.admins)), None)
    moved = [a for a in approvals.pending(s, team) if gone in (a.approver_id, a.escalated_to)]
    if to is None or not moved:
        return 0
    members = {m.user_id: m for m in queries.list_members(s, team)}
    messages: list[outbox.Message] = []
    n = 0
    for a in moved:
        if a.requester_id == to:  # never to the requester themselves: one level higher
            up = members.get(to)
            to_here = (up.manager_id if up else None) or next(iter(sorted(settings.admins)), to)
        else:
            to_here = to
        if not approvals.reroute(s, a, to_here, None, f"{gone} left", now):
            continue
        fresh = approvals.get(s, team, a.id or 0, fresh=True)
        assert fresh is not None
        n += 1
        outbox.cancel(s, team, f"approval:{a.id}:ask:{gone}", now)
        messages += request_messages(
            settings,
            fresh,
            members,
            now,
            note_key="approval.rerouted_to_you",
            note_values={"old": gone},
            copy=False,
        )
        r = Reader.of(members.get(a.requester_id), settings.aebot_lang, settings.tz, now)
        text = r.t(
            "approval.rerouted",
            old=gone,
            new=to_here,
            kind=view.kind_name(r, a.kind),
            title=bk.escape(a.title),
        )
        messages.append(
            outbox.Message(
                team,
                f"approval:{a.id}:rerouted:{to_here}",
                "approval-rerouted",
                a.requester_id,
                text,
                [bk.section(text)],
            )
        )
    outbox.enqueue(s, messages, now, wall())
    return n


def on_gone(deps: ApprovalDeps, gone: list[tuple[str, str]]) -> None:
    """Slack says these people are gone (account_inactive, user_not_found): their pending
    requests go to their managers."""
    moved = 0
    for team, user in sorted(set(gone)):
        with deps.db.write() as s:
            m = queries.get_member(s, team, user)
            moved += reroute_from(
                s, deps.settings, team, user, m.manager_id if m else None, deps.clock.now()
            )
    if moved:
        log.warning("%d pending requests moved from approvers Slack says are gone", moved)
        deps.deliver()


def register(app: App, listen: Listen, deps: ApprovalDeps) -> None:
    app.action(view.APPROVE)(listen.after(approve_click, deps))
    app.action(view.WITHDRAW)(listen.after(withdraw_click, deps))
    app.action(view.REJECT)(listen.ack(reject_click, deps))
    app.view(view.REJECT_FORM)(listen.ack(submit_reject, deps))


__all__ = ["APPROVED", "REJECTED", "WITHDRAWN", "ApprovalDeps", "Filing", "ask", "register"]
