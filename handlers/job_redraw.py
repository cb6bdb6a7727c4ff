"""After any step of a job: every delivered copy of its card drawn as the job stands now, the
App Home of everyone it shows on (its owner, assignees and department's heads), then what the
step queued delivered."""

from __future__ import annotations

from collections.abc import Collection

from forms import job_cards
from handlers.deps import Deps
from storage import job_life, jobs


def redraw_then_deliver(deps: Deps, team: str, job_id: int, fresh: Collection[str] = ()) -> None:
    """The copies already delivered are redrawn before the step's own messages go, and the
    cards the step queued (`fresh`, by key) are left as they were drawn, whichever drain
    delivers them: a card sent to someone newly assigned is not edited a moment after it
    arrives."""
    redraw(deps, team, job_id, fresh)
    deps.deliver()


def redraw(deps: Deps, team: str, job_id: int, fresh: Collection[str] = ()) -> None:
    with deps.db.read() as s:
        job = jobs.get(s, team, job_id, fresh=True)
        if job is None:
            return
        job_cards.redraw(s, deps.settings, job, deps.clock.now(), deps.sender.update, fresh=fresh)
        people = job_life.crew(s, job).people
    for user in people:
        deps.home_changed(team, user)
