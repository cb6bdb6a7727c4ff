"""The timetable's task about jobs (工作单): the morning DM of jobs due, to each owner and each
assignee.

Like the contact tasks, it reads the whole team in a constant number of statements and
decides its messages; the run stores them in the outbox with its record.
"""

from __future__ import annotations

from collections import defaultdict

from bot.rules.jobs import due_soon
from bot.rules.working_time import add_working_days
from bot.slack.views import job_tasks as view
from scheduler.approval_tasks import working_hours
from scheduler.contact_tasks import away
from scheduler.run import Outgoing, Run, TaskDeps
from storage import job_reminders
from storage.job_reminders import Row

Rows = list[Row]


def job_deadlines(run: Run, deps: TaskDeps) -> str:
    """Each owner of open jobs and each assignee gets one DM: the jobs they asked for and those
    they are assigned, due within one working day and overdue, with both deadlines. Nobody with
    nothing due hears anything, nor anyone on leave; a deferred start holds the DM until
    then."""
    wh = working_hours(deps, run.team)
    leave, later = away(deps, run.team, run.now)
    horizon = add_working_days(run.now, 1, wh)  # as far as `due_soon` looks
    with deps.db.read() as s:
        rows = job_reminders.due_by(s, run.team, horizon)
        members = job_reminders.people(s, run.team)
        on = job_reminders.assignees_due_by(s, run.team, horizon)
    client_of = {job.id: client for job, client in rows}
    soon, overdue = due_soon([job for job, _ in rows], run.now, wh)
    # person → ([soon, overdue] they asked for, [soon, overdue] they are assigned)
    theirs: dict[str, tuple[list[Rows], list[Rows]]] = defaultdict(lambda: ([[], []], [[], []]))
    for i, jobs in enumerate((soon, overdue)):
        for job in jobs:
            row = (job, client_of[job.id])
            theirs[job.owner_id][0][i].append(row)
            for user in dict.fromkeys(on.get(job.id, [])):
                if user != job.owner_id:
                    theirs[user][1][i].append(row)
    outbox: list[Outgoing] = []
    soon_n = overdue_n = 0
    for user, (owned, assigned) in sorted(theirs.items()):
        if user not in members or user in leave:
            continue
        r = deps.reader(members[user])
        text, blocks = view.deadlines_dm(r, (owned[0], owned[1]), (assigned[0], assigned[1]))
        outbox.append(
            Outgoing(
                user,
                user,
                text,
                blocks,
                "job-deadlines",
                useful_until=run.until_end_of_day(),
                not_before=later.get(user),
            )
        )
        soon_n += len(owned[0]) + len(assigned[0])
        overdue_n += len(owned[1]) + len(assigned[1])
    run.send(outbox)
    return f"{len(outbox)} DMs, {soon_n} due soon, {overdue_n} overdue"
