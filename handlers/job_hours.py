"""`/job hours NUMBER 3.5 [day] [note]`: hours recorded against a job (人员工时记录表) by
someone on it (its owner, its department's heads, its assignees), from 0.25 to 16 at a time,
for a day that has come (today when none is said) and not before the job was filed."""

from __future__ import annotations

import re

from bot.rules.job_life import CLOSED, LIVE, NOTE_MAX, hours_day_problem, hours_text, read_hours
from bot.rules.problems import Problem
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views.jobs import number_of
from handlers.deps import Deps
from handlers.job_steps import job_day, problem_text, said_day
from storage import job_life, jobs

UNIT = re.compile(r"^(?:小时|hours?\b|hrs?\b|h\b)\s*", re.IGNORECASE)  # "3.5 小时 昨天"


def hours(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    parts = rest.split(maxsplit=2)
    if len(parts) < 2:
        return Reply(text=r.t("jobhours.usage"))
    typed, amount, more = parts[0], parts[1], (parts[2].strip() if len(parts) > 2 else "")
    minutes = read_hours(amount)
    if isinstance(minutes, Problem):
        return Reply(text=r.problem(minutes))
    more = UNIT.sub("", more)
    found = said_day(r, deps, req.team, more, leading=True)
    day, note = (found[0], more[found[2] :].strip()) if found else (r.today, more)
    with deps.db.write() as s:
        job = jobs.by_number(s, req.team, typed)
        if job is None or job.id is None:
            return Reply(text=r.t("job.unknown_number", number=bk.escape(typed[:40])))
        problem = _problem(job.status, job_life.crew(s, job).on(req.user), note)
        problem = problem or hours_day_problem(day, r.today, job_day(job, r))
        if problem:
            return Reply(text=problem_text(r, problem, job))
        job_life.add_hours(s, job, req.user, day, minutes, note, deps.clock.now())
        mine = dict(job_life.hours_by_person(s, req.team, job.id)).get(req.user, minutes)
        said = r.t(
            "jobhours.recorded",
            hours=hours_text(minutes),
            number=number_of(job),
            project=bk.escape(job.project),
            day=r.day(day),
            total=hours_text(mine),
        )
    return Reply(
        text=said + (f"\n{r.t('jobstep.note_line', note=bk.escape(note))}" if note else "")
    )


def _problem(status: str, on_job: bool, note: str) -> Problem | None:
    if status not in (*LIVE, CLOSED):
        return Problem("jobhours.not_approved", {"status": status})
    if not on_job:
        return Problem("jobhours.not_on_job")
    if len(note) > NOTE_MAX:
        return Problem("jobstep.note_too_long", {"max": NOTE_MAX})
    return None
