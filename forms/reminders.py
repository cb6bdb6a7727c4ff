"""Reminders and escalation, per step of every pending request: past `remind_after` working
time since it reached its current signer, one reminder to them (not while they are on leave);
past `escalate_after`, the request with its buttons also goes to their manager, or to whoever
receives for that manager (a delegate, or a stand-in while the manager is on leave), who may
then decide it. A later step of a chain starts its own clock.

The timetable (scheduler/) stores what this decides in the outbox with its run; what a
reminder or an escalation marks on the request is marked once it is delivered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.rules.approvals import Team, address
from bot.rules.working_time import Duration, WorkingHours, past
from bot.slack.views import approvals as view
from forms.engine import Engine
from forms.notices import step_suffix
from storage import approvals
from storage.models import Approval


@dataclass(frozen=True)
class Nudge:
    """One reminder or escalation to send: to whom, what, and what its delivery marks
    (`effect` on the request `approval_id`)."""

    key: str
    user: str
    text: str
    blocks: list[dict[str, Any]]
    purpose: str
    effect: str
    approval_id: int


@dataclass(frozen=True)
class Nudges:
    sent: list[Nudge]
    reminded: int
    escalated: int
    stuck: int  # past the escalation limit with nobody above to escalate to


def nudges(
    engine: Engine,
    s: Session,
    team_id: str,
    now: datetime,
    wh: WorkingHours,
    remind_after: Duration,
    escalate_after: Duration,
) -> Nudges:
    """What every pending request of the team is owed now (a constant number of statements)."""
    waiting = approvals.pending(s, team_id)
    team = engine.team(s, team_id, now)
    out: list[Nudge] = []
    reminded = escalated = stuck = 0
    for a in waiting:
        if not a.approver_id or a.id is None:
            continue
        routed = a.routed_at.astimezone(now.tzinfo)
        due = a.reminded_at is None and a.approver_id not in team.away
        if due and past(routed, remind_after, now, wh):
            out.append(_reminder(engine, team, a, now))
            reminded += 1
        if a.escalated_at is None and past(routed, escalate_after, now, wh):
            to = escalation_target(a, team)
            if to is None:
                stuck += 1
                continue
            out.append(_escalation(engine, team, a, to, now))
            escalated += 1
    return Nudges(out, reminded, escalated, stuck)


def escalation_target(a: Approval, team: Team) -> str | None:
    """Who a request escalates to: the current signer's manager, or whoever receives for them
    (their delegate; while they are on leave, the first one up the line who is here); never
    the requester or the signer themselves."""
    approver = team.members.get(a.approver_id or "")
    manager = approver.manager_id if approver else None
    if not manager or manager not in team.members:
        return None
    to = address(manager, team, a.requester_id).to
    return None if to in (a.requester_id, a.approver_id) else to


def _reminder(engine: Engine, team: Team, a: Approval, now: datetime) -> Nudge:
    assert a.approver_id is not None and a.id is not None
    r = engine.writer(team, now).reader(a.approver_id)
    kind = view.kind_name(r, a.kind)
    note = r.t("approval.reminder", since=r.when(a.routed_at))
    return Nudge(
        f"{a.id}:remind:{a.approver_id}{step_suffix(a)}",
        a.approver_id,
        r.t("approval.reminder_text", requester=a.requester_id, kind=kind),
        view.request_blocks(r, a, note=note),
        "approval-reminder",
        "approval_reminded",
        a.id,
    )


def _escalation(engine: Engine, team: Team, a: Approval, to: str, now: datetime) -> Nudge:
    assert a.id is not None
    r = engine.writer(team, now).reader(to)
    kind = view.kind_name(r, a.kind)
    note = r.t("approval.escalated_note", approver=a.approver_id, since=r.when(a.routed_at))
    text = r.t(
        "approval.escalated_text", requester=a.requester_id, kind=kind, approver=a.approver_id
    )
    return Nudge(
        f"{a.id}:escalate:{to}{step_suffix(a)}",
        to,
        text,
        view.request_blocks(r, a, note=note),
        "approval-escalation",
        "approval_escalated",
        a.id,
    )
