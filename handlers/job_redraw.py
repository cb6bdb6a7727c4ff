"""After any step of a job: every delivered copy of its card drawn as the job stands now, and
the App Home of everyone it shows on (its owner, assignees and department's heads)."""

from __future__ import annotations

from forms import job_cards
from handlers.deps import Deps
from storage import job_life, jobs


def redraw_job(deps: Deps, team: str, job_id: int) -> None:
    with deps.db.read() as s:
        job = jobs.get(s, team, job_id, fresh=True)
        if job is None:
            return
        job_cards.redraw(s, deps.settings, job, deps.clock.now(), deps.sender.update)
        people = job_life.crew(s, job).people
    for user in people:
        deps.home_changed(team, user)
