"""The timetable's tasks in a job's life (工作单下发，并不代表着工作结束), each quarter hour of
working hours on working days:

- `job-accept-reminders`: a job nobody accepted half a working day after its approval: its
  department's heads are reminded and its owner told, once (`accept_reminded_at`).
- `job-internal-reminders`: half a working day before its internal deadline, a job not yet
  sent: its assignees and its department's heads are reminded, once (`internal_reminded_at`).
- `job-overdue-notices`: a job past the client's deadline and not signed off: its owner and
  the owner's manager are told, once (`overdue_told_at`).

Like every task, each reads the team in a constant number of statements, whatever the number
of jobs or people, and sends one DM per person per run, to nobody on leave (a deferred
morning start holds it). A job is marked when a DM about it is delivered, never before; a job
already in a DM of the task not delivered (Slack slow to take it, given up, no longer useful)
is left out of later runs, so a fault never makes a second DM about it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.rules import job_reminders as rules
from bot.slack.views import job_tasks as view
from scheduler.approval_tasks import working_hours
from scheduler.contact_tasks import away
from scheduler.run import Outgoing, Run, TaskDeps
from storage import job_life, job_reminders
from storage.job_reminders import ACCEPT_REMINDED, INTERNAL_REMINDED, OVERDUE_TOLD, Person


def _team(deps: TaskDeps, run: Run) -> tuple[dict[str, Person], set[str], dict[str, datetime]]:
    """The team's people by id, who is on leave, and who starts later this morning."""
    leave, later = away(deps, run.team, run.now)
    with deps.db.read() as s:
        members = job_reminders.people(s, run.team)
    return members, leave, later


def _dm(
    user: str,
    post: view.Post,
    purpose: str,
    effect: str,
    ids: Sequence[int],
    later: dict[str, datetime],
    useful_until: datetime | None = None,
) -> Outgoing:
    """One person's DM of this run; its delivery marks the jobs `ids`."""
    text, blocks = post
    return Outgoing(
        user,
        user,
        text,
        blocks,
        purpose,
        effect,
        tuple(sorted(set(ids))),
        useful_until=useful_until,
        not_before=later.get(user),
    )


def job_accept_reminders(run: Run, deps: TaskDeps) -> str:
    """Jobs not accepted half a working day after their approval: one DM to each head of their
    departments (the jobs to accept) and to each owner (who was reminded)."""
    wh = working_hours(deps, run.team)
    members, leave, later = _team(deps, run)
    with deps.db.read() as s:
        rows = job_reminders.to_accept(s, run.team, run.now - rules.half_day(wh))
        told = job_reminders.in_messages_not_delivered(s, run.team, run.task)
    due = [x for x in rows if x[0].id not in told and rules.accept_due(x[2], run.now, wh)]
    heads = rules.heads_by_department(
        (u, p.role, p.department) for u, p in members.items() if u not in leave
    )
    as_head = rules.to_each(due, lambda x: heads.get(x[0].department, ()), leave)
    as_owner = rules.to_each(due, lambda x: [x[0].owner_id], leave)
    outbox: list[Outgoing] = []
    for user in sorted((set(as_head) | set(as_owner)) & members.keys()):
        mine = [(j, c) for j, c, _ in as_owner.get(user, [])]
        theirs = as_head.get(user, [])
        post = view.accept_dm(deps.reader(members[user]), theirs, mine, heads)
        ids = [j.id for j, _ in mine] + [j.id for j, _, _ in theirs]
        outbox.append(_dm(user, post, "job-accept-reminder", ACCEPT_REMINDED, ids, later))
    run.send(outbox)
    return f"{len(due)} jobs not accepted, {len(outbox)} DMs"


def job_internal_reminders(run: Run, deps: TaskDeps) -> str:
    """Jobs half a working day from their internal deadline and not yet sent: one DM to each of
    their assignees and their departments' heads."""
    wh = working_hours(deps, run.team)
    members, leave, later = _team(deps, run)
    with deps.db.read() as s:
        rows = job_reminders.near_internal(s, run.team, run.now, run.now + rules.NEAR_WITHIN)
        told = job_reminders.in_messages_not_delivered(s, run.team, run.task)
        due = [
            (j, c)
            for j, c in rows
            if j.id not in told and rules.internal_due(j.internal_deadline, run.now, wh)
        ]
        on = job_life.assignees(s, run.team, [j.id for j, _ in due])
    heads = rules.heads_by_department((u, p.role, p.department) for u, p in members.items())
    each = rules.to_each(
        due, lambda x: [*on.get(x[0].id, []), *heads.get(x[0].department, ())], leave
    )
    outbox = [
        _dm(
            user,
            view.internal_dm(deps.reader(members[user]), theirs),
            "job-internal-reminder",
            INTERNAL_REMINDED,
            [j.id for j, _ in theirs],
            later,
            useful_until=min(j.internal_deadline for j, _ in theirs),
        )
        for user, theirs in sorted(each.items())
        if user in members
    ]
    run.send(outbox)
    return f"{len(due)} jobs near their internal deadline, {len(outbox)} DMs"


def job_overdue_notices(run: Run, deps: TaskDeps) -> str:
    """Jobs past the client's deadline and not signed off: one DM to each owner (their jobs)
    and to each owner's manager (their team's)."""
    members, leave, later = _team(deps, run)
    with deps.db.read() as s:
        rows = job_reminders.past_client_deadline(s, run.team, run.now)
        told = job_reminders.in_messages_not_delivered(s, run.team, run.task)
    due = [(j, c) for j, c in rows if j.id not in told]
    managers = {u: p.manager_id for u, p in members.items()}
    mine = rules.to_each(due, lambda x: [x[0].owner_id], leave)
    team = rules.to_each(
        due, lambda x: [b for b in [rules.manager_of(managers, x[0].owner_id)] if b], leave
    )
    outbox: list[Outgoing] = []
    for user in sorted((set(mine) | set(team)) & members.keys()):
        own, theirs = mine.get(user, []), team.get(user, [])
        post = view.overdue_dm(deps.reader(members[user]), own, theirs)
        ids = [j.id for j, _ in [*own, *theirs]]
        outbox.append(_dm(user, post, "job-overdue-notice", OVERDUE_TOLD, ids, later))
    run.send(outbox)
    return f"{len(due)} jobs past the client's deadline, {len(outbox)} DMs"


# What scheduler/timetable.py runs each quarter hour of working hours: (name, what, the task).
QUARTER_HOURLY = (
    (
        "job-accept-reminders",
        "jobs not accepted half a working day after approval: the heads reminded, the owner told",
        job_accept_reminders,
    ),
    (
        "job-internal-reminders",
        "jobs not sent half a working day before the internal deadline: assignees and heads",
        job_internal_reminders,
    ),
    (
        "job-overdue-notices",
        "jobs past the client's deadline, not signed off: the owner and their manager, once",
        job_overdue_notices,
    ),
)
