"""The timetable's approval and job tasks: pending requests reminded and escalated, and the
morning DM of jobs due.

Like the contact tasks, each reads the whole team in a constant number of statements and decides
its messages; the run stores them in the outbox with its record. What a reminder or an
escalation marks on the request (`reminded_at`, `escalated_at` and `escalated_to`, an entry in
its history) is marked once it is delivered (storage/outbox.py EFFECTS). Their keys are the
request's and the recipient's, not the hour's (`approval-reminders:{id}:remind:{approver}`), so
each is decided once (again only for a new approver, after a reroute clears the marks), and a
decision cancels an undelivered one and redraws a delivered one (handlers/approvals.py).
"""

from __future__ import annotations

from collections import defaultdict

from bot.rules.jobs import due_soon
from bot.rules.working_time import WorkingHours
from bot.slack.views import home as home_view
from forms.reminders import nudges
from scheduler import contact_tasks
from scheduler.run import Outgoing, Run, TaskDeps
from storage import job_queries, queries
from storage.models import Client, Job


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


def job_deadlines(run: Run, deps: TaskDeps) -> str:
    """Each owner of open jobs gets one DM: their jobs due within one working day and the
    overdue ones, with both deadlines. Nobody with nothing due hears anything, nor anyone on
    leave; a deferred start holds the DM until then."""
    wh = working_hours(deps, run.team)
    leave, later = contact_tasks.away(deps, run.team, run.now)
    with deps.db.read() as s:
        rows = job_queries.open_jobs(s, run.team)
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
    by_owner: dict[str, list[Job]] = defaultdict(list)
    client_of: dict[int | None, Client] = {}
    for job, client in rows:
        by_owner[job.owner_id].append(job)
        client_of[job.id] = client
    outbox: list[Outgoing] = []
    soon_n = overdue_n = 0
    for owner, jobs in sorted(by_owner.items()):
        if owner not in members or owner in leave:
            continue
        soon, overdue = due_soon(jobs, run.now, wh)
        if not soon and not overdue:
            continue
        r = deps.reader(members[owner])
        text, blocks = home_view.deadlines_dm(
            r, [(j, client_of[j.id]) for j in soon], [(j, client_of[j.id]) for j in overdue]
        )
        outbox.append(
            Outgoing(
                owner,
                owner,
                text,
                blocks,
                "job-deadlines",
                useful_until=run.until_end_of_day(),
                not_before=later.get(owner),
            )
        )
        soon_n, overdue_n = soon_n + len(soon), overdue_n + len(overdue)
    run.send(outbox)
    return f"{len(outbox)} DMs, {soon_n} due soon, {overdue_n} overdue"
