"""The one approval engine, for every registered form kind: file a request and route it, take a
decision (one conditional update; a chain moves on step by step), and say who may decide.

Routing reads the team once (members, delegations, leave): a request meant for someone goes to
their delegate while a delegation runs, to whoever stands in while they are on leave, and never
to the requester (bot/rules/approvals.py `address`). Everything a decision sends is queued in
the decision's own transaction; the Slack side (handlers/approvals.py) redraws what was
already delivered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from bot.rules.approvals import (
    APPROVED,
    PENDING,
    WITHDRAWN,
    Route,
    Team,
    address,
    decider_refusal,
    delegate_of,
    holders,
)
from bot.rules.people import is_admin
from bot.rules.problems import Problem
from bot.settings import Settings
from bot.slack.texts import Reader
from bot.slack.views import approvals as view
from forms import kinds, notices
from forms.kinds import FormKind, Signing
from storage import absence, approvals, outbox, queries
from storage.approvals import Filing
from storage.models import Approval, Member, OutboxMessage
from storage.outbox import wall
from storage.team_settings import TeamSettings


@dataclass(frozen=True)
class Filed:
    """A request as filed, and how it was routed (whether it reached the top of the line)."""

    approval: Approval
    route: Route


@dataclass(frozen=True)
class Decided:
    """What a decision attempt came to: the request as it now stands, whether this attempt
    decided it (or signed its step), what to tell the one who tried (None: the redrawn DM says
    it), and the copies of the request to redraw."""

    approval: Approval | None
    won: bool
    say: str | None = None
    copies: tuple[OutboxMessage, ...] = ()
    members: Mapping[str, Member] = field(default_factory=dict)


@dataclass(frozen=True)
class Engine:
    settings: Settings
    team_settings: TeamSettings

    def team(self, s: Session, team_id: str, now: datetime) -> Team:
        """The team as routing reads it today (three statements)."""
        today = now.astimezone(self.settings.tz).date()
        members = {m.user_id: m for m in queries.list_members(s, team_id)}
        delegations = approvals.delegations(s, team_id, today)
        leave = absence.leave_between(s, team_id, today, today)
        away = {x.user_id: x.last_day for x in leave}
        return Team(members, delegations, away, self.settings.admins, today)

    def writer(self, team: Team, now: datetime) -> notices.Writer:
        return notices.Writer(self.settings, team.members, now)  # type: ignore[arg-type]

    # --- filing ---------------------------------------------------------------------------
    def route(self, s: Session, filing: Filing, now: datetime) -> Route | Problem:
        """Who would sign `filing`, by its kind's rule; or why nobody can."""
        team = self.team(s, filing.team_id, now)
        me = team.members.get(filing.requester_id)
        if me is None:
            return Problem("approval.not_member")
        signing = Signing(
            filing.team_id, me, dict(team.members), filing.amount, filing.client_id, filing.basis
        )
        return _kind(filing.kind).signers(s, signing)

    def ask(
        self, s: Session, filing: Filing, now: datetime, route: Route | None = None
    ) -> Filed | Problem:
        """Route a request by its kind's rule (or as `route` said, read in this transaction)
        and file it: within the requester's own authority it is recorded approved; else its
        first signer (or whoever receives for them) gets the DM with Approve and Reject, the
        requester a copy with Withdraw, and those copied on filing are told. Nothing is stored
        when nobody can sign it."""
        kind = _kind(filing.kind)
        found = route or self.route(s, filing, now)
        if isinstance(found, Problem):
            return found
        route, team = found, self.team(s, filing.team_id, now)
        w = self.writer(team, now)
        if route.self_approved:  # those copied still hear of it
            a = approvals.file(s, filing, None, None, now, subject=kind.subject)
            copied = self.copied(kind, team, kinds.FILED) + self.copied(kind, team, kinds.APPROVED)
            outbox.enqueue(
                s, notices.copies(w, a, sorted(set(copied)), kinds.APPROVED), now, wall()
            )
            return Filed(a, route)
        if not route.signers:
            return Problem("approval.no_approver")
        how = address(route.signers[0], team, filing.requester_id)
        a = approvals.file(
            s, filing, how.to, how.behalf, now, signers=route.signers, subject=kind.subject
        )
        messages = [notices.ask(w, a, how, kind.note), notices.requester_copy(w, a)]
        messages += notices.copies(w, a, self.copied(kind, team, kinds.FILED), kinds.FILED)
        outbox.enqueue(s, messages, now, wall())
        return Filed(a, route)

    def copied(self, kind: FormKind, team: Team, on: str) -> list[str]:
        """Who is copied at this point: everyone with each copied role, else the admins."""
        out: list[str] = []
        for c in kind.copies:
            if c.on == on:
                out += holders(team.members, c.role) or sorted(self.settings.admins)
        return sorted(set(out))

    # --- deciding -------------------------------------------------------------------------
    def decide(
        self,
        s: Session,
        team_id: str,
        user: str,
        approval_id: int,
        decision: str,
        note: str,
        via: str,
        now: datetime,
        r: Reader,
    ) -> Decided:
        """Decide (or withdraw) a request, if `user` may and it is still pending. Approving a
        step of a chain that is not the last sends it on to the next signer."""
        a = approvals.get(s, team_id, approval_id)
        if a is None:
            return Decided(None, False, r.t("approval.not_found"))
        if a.status != PENDING:
            return Decided(a, False, already(r, a))
        team = self.team(s, team_id, now)
        refusal = self.refusal(a, user, decision, team)
        if refusal:
            return Decided(a, False, r.t(refusal, approver=a.approver_id, requester=a.requester_id))
        chain = approvals.signers_of(a)
        if decision == APPROVED and a.step + 1 < len(chain):
            return self._sign(s, a, user, via, now, team, chain[a.step + 1], r)
        kind = kinds.kind_of(a.kind)
        done = approvals.decide(s, a, user, decision, note, via, now, kind and kind.subject)
        if done is None:  # someone else decided between the read and the update
            return _lost(s, a, r)
        w = self.writer(team, now)
        messages = []
        if decision != WITHDRAWN and kind is not None:
            messages.append(notices.told(w, done, kind.after_reject))
            if kind.followers is not None:
                messages += kind.followers(s, done, now, self)
            if decision == APPROVED:
                on = kinds.APPROVED
                messages += notices.copies(w, done, self.copied(kind, team, on), on)
        return _queued(s, done, messages, now, team, ask_too=True)

    def _sign(
        self,
        s: Session,
        a: Approval,
        user: str,
        via: str,
        now: datetime,
        team: Team,
        nxt: str,
        r: Reader,
    ) -> Decided:
        """One signature of a chain: the request goes on to the next signer, the requester is
        told who signed and who is next."""
        kind = _kind(a.kind)
        if nxt not in team.members:  # the next signer left: the kind's rule says who now
            nxt = self._signer_now(s, a, team, kind) or nxt
        how = address(nxt, team, a.requester_id)
        done = approvals.advance(s, a, user, how.to, how.behalf, via, now)
        if done is None:
            return _lost(s, a, r)
        w = self.writer(team, now)
        messages = [notices.ask(w, done, how, kind.note), notices.signed(w, done, user)]
        return _queued(s, done, messages, now, team, ask_too=False)

    def _signer_now(self, s: Session, a: Approval, team: Team, kind: FormKind) -> str | None:
        me = team.members.get(a.requester_id)
        if me is None:
            return next(iter(sorted(self.settings.admins)), None)
        signing = Signing(a.team_id, me, dict(team.members), None, a.client_id)
        route = kind.signers(s, signing)
        if isinstance(route, Route) and len(route.signers) > a.step + 1:
            return route.signers[a.step + 1]
        return next(iter(sorted(self.settings.admins)), None)

    def refusal(self, a: Approval, user: str, decision: str, team: Team) -> str | None:
        """Why `user` may not decide `a` now (a text key), or None."""
        if decision == WITHDRAWN:
            return None if user == a.requester_id else "approval.only_requester"
        delegate = delegate_of(a.on_behalf_of or a.approver_id or "", team, a.requester_id)
        admin = is_admin(user, self.settings.admins)
        return decider_refusal(user, a, admin=admin, delegate=delegate)


def _kind(code: str) -> FormKind:
    kind = kinds.kind_of(code)
    if kind is None:
        raise LookupError(f"no form kind {code!r} is registered")
    return kind


def already(r: Reader, a: Approval) -> str:
    return r.t("approval.already", decision=view.decision_line(r, a))


def _lost(s: Session, a: Approval, r: Reader) -> Decided:
    fresh = approvals.get(s, a.team_id, a.id or 0, fresh=True)
    if fresh is not None and fresh.status == PENDING:  # moved on a step: say where it is
        return Decided(fresh, False, r.t("approval.moved_on", approver=fresh.approver_id))
    return Decided(fresh, False, already(r, fresh) if fresh else None)


def _queued(
    s: Session,
    a: Approval,
    messages: list[outbox.Message],
    now: datetime,
    team: Team,
    *,
    ask_too: bool,
) -> Decided:
    """Cancel what is not out yet and no longer true (the old step's DM and reminders; with
    `ask_too`, the requester's copy), queue `messages`, and list the copies to redraw."""
    prefixes = [f"approval:{a.id}:ask", f"approval-reminders:{a.id}:"]
    if ask_too:
        prefixes.append(f"approval:{a.id}:copy")
    for prefix in prefixes:
        outbox.cancel(s, a.team_id, prefix, now)
    outbox.enqueue(s, messages, now, wall())
    shown = outbox.delivered(s, a.team_id, [f"approval:{a.id}:", f"approval-reminders:{a.id}:"])
    return Decided(a, True, None, tuple(shown), team.members)
