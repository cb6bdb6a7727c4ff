"""The timetable's task about jobs (工作单): the morning DM of jobs due, to each owner.

Like the contact tasks, it reads the whole team in a constant number of statements and
decides its messages; the run stores them in the outbox with its record.
"""

from __future__ import annotations

from collections import defaultdict

from bot.rules.jobs import due_soon
from bot.slack.views import home as home_view
from scheduler.approval_tasks import working_hours
from scheduler.contact_tasks import away
from scheduler.run import Outgoing, Run, TaskDeps
from storage import job_queries, queries
from storage.models import Client, Job


def job_deadlines(run: Run, deps: TaskDeps) -> str:
    """Each owner of open jobs gets one DM: their jobs due within one working day and the
    overdue ones, with both deadlines. Nobody with nothing due hears anything, nor anyone on
    leave; a deferred start holds the DM until then."""
    wh = working_hours(deps, run.team)
    leave, later = away(deps, run.team, run.now)
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
