"""The timetable's approval task: pending requests reminded and escalated.

Like the contact tasks, each reads the whole team in a constant number of statements and decides
its messages; the run stores them in the outbox with its record. What a reminder or an
escalation marks on the request (`reminded_at`, `escalated_at` and `escalated_to`, an entry in
its history) is marked once it is delivered (storage/outbox.py EFFECTS). Their keys are the
request's and the recipient's, not the hour's (`approval-reminders:{id}:remind:{approver}`), so
each is decided once (again only for a new approver, after a reroute clears the marks), and a
decision cancels an undelivered one and redraws a delivered one (handlers/approvals.py).
"""

from __future__ import annotations

from bot.rules.working_time import WorkingHours
from forms.reminders import nudges
from scheduler.run import Outgoing, Run, TaskDeps


def working_hours(deps: TaskDeps, team: str) -> WorkingHours:
    return deps.team_settings.of(team).working_hours(deps.calendars.for_team(team))


def approval_reminders(run: Run, deps: TaskDeps) -> str:
    """Pending requests, per step: past `approval_remind_after` working time since they reached
    their current signer, one reminder to them; past `approval_escalate_after`, the request
    (with its buttons) to their manager, who may then decide it (forms/reminders.py). The
    requester hears nothing more."""
    values = deps.team_settings.of(run.team)
    remind_after = values.duration("approval_remind_after")
    escalate_after = values.duration("approval_escalate_after")
    wh = working_hours(deps, run.team)
    with deps.db.read() as s:
        found = nudges(deps.engine, s, run.team, run.now, wh, remind_after, escalate_after)
    run.send(
        [
            Outgoing(
                n.key,
                n.user,
                n.text,
                n.blocks,
                n.purpose,
                n.effect,
                (n.approval_id,),
                per_period=False,
            )
            for n in found.sent
        ]
    )
    detail = f"{found.reminded} reminded, {found.escalated} escalated"
    return detail + (f", {found.stuck} with no manager to escalate to" if found.stuck else "")
