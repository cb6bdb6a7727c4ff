"""The timetable's whereabouts task: `visit-log-offers`, hourly. A visit registered with `/out`
whose end has passed (or that was ended by a newer registration) gets one DM to the person who
registered it, with a "Log this visit" button that opens the contact modal filled in.

Decided once by its key: the message is keyed by the visit alone (`visit-log-offers:{id}`, not
the hour), so a rerun, a later hour or a second process finds the outbox row and sends nothing
again. The visit's `log_offered_at` is then written by the next run, which first marks settled
the visits whose offer the outbox already holds (and those whose client the person has logged
a contact with since the visit began: no offer needed) in one statement; so the run reads only
the visits still unsettled, and a run that loses the race for its period marks nothing it did
not decide. A visit ended with `/out back` was offered in that reply and marked then.
"""

from __future__ import annotations

from bot.slack.views import whereabouts as view
from scheduler.run import Outgoing, Run, TaskDeps
from storage import queries, whereabouts


def visit_log_offers(run: Run, deps: TaskDeps) -> str:
    """One DM per visit that is over and not yet offered, to whoever registered it."""
    with deps.db.write() as s:
        due = whereabouts.offers_due(s, run.team, run.now, f"{run.task}:")
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
    outbox: list[Outgoing] = []
    for visit, client in due:
        member = members.get(visit.user_id)
        if member is None or visit.id is None:  # left the team: nobody to offer it to
            continue
        r = deps.reader(member)
        text, blocks = view.offer_dm(r, visit, client)
        outbox.append(
            Outgoing(
                str(visit.id), visit.user_id, text, blocks, "visit-log-offer", per_period=False
            )
        )
    run.send(outbox)
    return f"{len(outbox)} visits offered to log"
