"""Closing a job (消单): `/job close NUMBER delivery note` by its owner once the client signed it
off (or by their manager or an admin); a job the client did not sign off is closed only by the
owner's manager or an admin, with the reason: `/job close NUMBER 未签发结案：reason` (or
`--unsigned reason`). The owner hears of it when someone else closed it, and every delivered
copy of the job's card is redrawn."""

from __future__ import annotations

import re

from sqlmodel import Session

from bot.rules.job_life import SIGNED, close_problem
from bot.rules.problems import Problem
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views.jobs import number_of, status_name
from handlers.deps import Deps
from handlers.job_steps import after_change, problem_text
from storage import job_life, jobs, outbox, queries
from storage.models import Job
from storage.outbox import wall

NOTE_MAX = 2000
UNSIGNED = re.compile(r"^(?:--unsigned\b|未经?签发结案)\s*[:：]?\s*", re.IGNORECASE)


def unsigned_reason(note: str) -> tuple[bool, str]:
    """Whether the note asks to close without the client's sign-off, and the note without the
    words that ask it."""
    found = UNSIGNED.match(note)
    return (True, note[found.end() :].strip()) if found else (False, note)


def close(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    parts = rest.split(maxsplit=1)
    if not parts:
        return Reply(text=r.t("job.close_usage"))
    typed = parts[0]
    unsigned, note = unsigned_reason(parts[1].strip() if len(parts) > 1 else "")
    with deps.db.write() as s:
        job = jobs.by_number(s, req.team, typed)
        if job is None or job.id is None:
            return Reply(text=r.t("job.unknown_number", number=bk.escape(typed[:40])))
        problem = _problem(s, req, deps, job, note if unsigned else "")
        if problem is None and not note:
            problem = Problem("job.close_need_note")
        if problem:
            return Reply(text=problem_text(r, problem, job))
        without = job.status != SIGNED
        now = deps.clock.now()
        if not job_life.close(s, job, req.user, note[:NOTE_MAX], now, without_sign_off=without):
            fresh = jobs.get(s, req.team, job.id, fresh=True)
            status = status_name(r, fresh.status if fresh else "?")
            return Reply(text=r.t("job.close_not_open", number=number_of(job), status=status))
        if req.user != job.owner_id:
            _tell_owner(s, req, deps, job, note, without)
    key = "job.closed_unsigned" if without else "job.closed"
    said = r.t(key, number=number_of(job), project=bk.escape(job.project), note=bk.escape(note))
    return Reply(text=said, then=after_change(deps, req.team, job.id))


def _problem(s: Session, req: Request, deps: Deps, job: Job, reason: str) -> Problem | None:
    owner = queries.get_member(s, req.team, job.owner_id)
    manager = owner.manager_id if owner else None
    return close_problem(job, req.user, manager, deps.admin(req.user), reason)


def _tell_owner(s: Session, req: Request, deps: Deps, job: Job, note: str, without: bool) -> None:
    """The owner hears that someone else closed their job (and why, without a sign-off)."""
    now = deps.clock.now()
    owner = queries.get_member(s, req.team, job.owner_id)
    ro = Reader.of(owner, deps.settings.aebot_lang, deps.settings.tz, now)
    key = "job.closed_unsigned_by_other" if without else "job.closed_by_other"
    text = ro.t(
        key,
        number=number_of(job),
        project=bk.escape(job.project),
        by=req.user,
        note=bk.escape(note),
    )
    message = outbox.Message(
        req.team, f"job-closed:{job.id}", "job-closed", job.owner_id, text, [bk.section(text)]
    )
    outbox.enqueue(s, [message], now, wall())
