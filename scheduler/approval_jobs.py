"""The timetable's approval and job rows: pending requests reminded and escalated, and the
morning DM of jobs due.

Like the contact rows, each reads the whole team in a constant number of statements and decides
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
from bot.rules.working_time import WorkingHours, past
from bot.slack.views import approvals as approval_view
from bot.slack.views import home as home_view
from scheduler import contact_jobs
from scheduler.run import JobDeps, Outgoing, Run
from storage import absence, approvals, job_queries, queries
from storage.models import Approval, Client, Job, Member


def working_hours(deps: JobDeps, team: str) -> WorkingHours:
    return deps.team_settings.of(team).working_hours(deps.calendars.for_team(team))


def _escalation_target(a: Approval, members: dict[str, Member]) -> str | None:
    """The approver's manager, if they are on the team and are not the requester."""
    approver = members.get(a.approver_id or "")
    manager = approver.manager_id if approver else None
    if not manager or manager not in members or manager == a.requester_id:
        return None
    return manager


def approval_reminders(run: Run, deps: JobDeps) -> str:
    """Pending requests: past `approval_remind_after` working time since they reached their
    approver, one reminder to the approver; past `approval_escalate_after`, the request (with
    its buttons) to the approver's manager, who may then decide it. The requester hears
    nothing more."""
    values = deps.team_settings.of(run.team)
    remind_after = values.duration("approval_remind_after")
    escalate_after = values.duration("approval_escalate_after")
    wh = working_hours(deps, run.team)
    with deps.db.read() as s:
        waiting = approvals.pending(s, run.team)
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        leave = absence.on_leave(s, run.team, run.now.date())
    outbox: list[Outgoing] = []
    reminded = escalated = stuck = 0
    for a in waiting:
        if not a.approver_id or a.id is None:
            continue
        routed = a.routed_at.astimezone(run.now.tzinfo)
        if (
            a.reminded_at is None
            and a.approver_id not in leave
            and past(routed, remind_after, run.now, wh)
        ):
            r = deps.reader(members.get(a.approver_id))
            kind = approval_view.kind_name(r, a.kind)
            note = r.t("approval.reminder", since=r.when(a.routed_at))
            outbox.append(
                Outgoing(
                    f"{a.id}:remind:{a.approver_id}",
                    a.approver_id,
                    r.t("approval.reminder_text", requester=a.requester_id, kind=kind),
                    approval_view.request_blocks(r, a, note=note),
                    "approval-reminder",
                    "approval_reminded",
                    (a.id,),
                    per_period=False,
                )
            )
            reminded += 1
        if a.escalated_at is None and past(routed, escalate_after, run.now, wh):
            manager = _escalation_target(a, members)
            if manager is None:
                stuck += 1
                continue
            r = deps.reader(members[manager])
            kind = approval_view.kind_name(r, a.kind)
            note = r.t("approval.escalated_note", approver=a.approver_id, since=r.when(a.routed_at))
            text = r.t(
                "approval.escalated_text",
                requester=a.requester_id,
                kind=kind,
                approver=a.approver_id,
            )
            outbox.append(
                Outgoing(
                    f"{a.id}:escalate:{manager}",
                    manager,
                    text,
                    approval_view.request_blocks(r, a, note=note),
                    "approval-escalation",
                    "approval_escalated",
                    (a.id,),
                    per_period=False,
                )
            )
            escalated += 1
    run.send(outbox)
    detail = f"{reminded} reminded, {escalated} escalated"
    return detail + (f", {stuck} with no manager to escalate to" if stuck else "")


def job_deadlines(run: Run, deps: JobDeps) -> str:
    """Each owner of open jobs gets one DM: their jobs due within one working day and the
    overdue ones, with both deadlines. Nobody with nothing due hears anything, nor anyone on
    leave; a deferred start holds the DM until then."""
    wh = working_hours(deps, run.team)
    leave, later = contact_jobs.away(deps, run.team, run.now)
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
