"""The timetable's overtime tasks: the 16:30 reminder to file today's overtime form (加班单),
and the 17:00 cut-off list to the project execution director.

Both read the whole team in a constant number of statements. The reminder is useful only until
the cut-off: one the courier could not deliver by then expires instead of arriving late. The
reminder's "No overtime today" and the list's "Approve all on time" are handlers/overtime_day.py;
each form in the list carries the approval engine's own Approve and Reject.
"""

from __future__ import annotations

from datetime import datetime, time

from bot.rules.people import PED
from bot.slack.views import overtime_tasks as view
from scheduler.run import Outgoing, Run, TaskDeps
from storage import absence, overtime_day, queries

REMINDED_ROLES = ("ae", "aae")


def at_time(local: datetime, at: time) -> datetime:
    """`at` on the day of `local`, in its zone."""
    return local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)


def overtime_reminder(run: Run, deps: TaskDeps) -> str:
    """Each AE and AAE who owns an open job and is on no overtime form today gets one DM, unless
    they said "no overtime today", are on leave, or are out for the rest of the working day."""
    values = deps.team_settings.of(run.team)
    cutoff_at = values.time("overtime_cutoff")
    today = run.now.date()
    end = at_time(run.now, values.end_of_day)
    with deps.db.read() as s:
        members = queries.list_members(s, run.team)
        jobs = overtime_day.open_jobs_by_owner(s, run.team)
        on_form = overtime_day.on_a_form(s, run.team, today)
        said_no = overtime_day.marked(s, run.team, today, overtime_day.NO_OVERTIME)
        leave = absence.on_leave(s, run.team, today)
        out = absence.out_until(s, run.team, run.now, end)
    # who is left out, and why (the first reason that holds)
    apart = {"on a form": on_form, "said no overtime": said_no, "on leave": leave, "out": out}
    skipped = dict.fromkeys(apart, 0)
    outbox: list[Outgoing] = []
    for m in members:
        if m.role not in REMINDED_ROLES or not jobs.get(m.user_id):
            continue
        why = next((w for w, users in apart.items() if m.user_id in users), None)
        if why:
            skipped[why] += 1
            continue
        r = deps.reader(m)
        text, blocks = view.reminder(r, m.user_id, jobs[m.user_id], cutoff_at)
        outbox.append(
            Outgoing(
                m.user_id,
                m.user_id,
                text,
                blocks,
                "overtime-reminder",
                useful_until=at_time(run.now, cutoff_at),
            )
        )
    run.send(outbox)
    return f"{len(outbox)} DMs, " + ", ".join(f"{n} {w}" for w, n in skipped.items())


def overtime_cutoff(run: Run, deps: TaskDeps) -> str:
    """Today's forms still waiting for a decision, in one DM to the project execution director
    (the first by name; with none on the team, to each admin), the rest in its thread when
    long. Nothing waiting: no DM."""
    values = deps.team_settings.of(run.team)
    today = run.now.date()
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        rows = overtime_day.waiting(s, run.team, today)
    if not rows:
        return "0 DMs, nothing waiting"
    peds = [m.user_id for m in members.values() if m.role == PED]
    to = peds[:1] or sorted(deps.settings.admins)
    outbox: list[Outgoing] = []
    for user in to:
        r = deps.reader(members.get(user))
        posts = view.cutoff_list(r, today, values.time("overtime_cutoff"), rows, to_admins=not peds)
        until = run.until_end_of_day()
        outbox += run.parts(user, user, posts, "overtime-cutoff", useful_until=until)
    run.send(outbox)
    late = sum(1 for form, _ in rows if form.late)
    return f"{len(to)} DMs, {len(rows)} forms waiting, {late} late"
