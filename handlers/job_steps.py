"""A job's steps after its handoff (需掌握工作进度): `/job status NUMBER STEP note…` and the
Update status button's form move a job on (in progress, internal review, sent to the client
once reviewed and proofread, signed off by the client, client revisions), by the rules of
bot/rules/job_life.py. Each change is one conditional move; its owner is told through the
outbox (unless they made it) and every delivered copy of its card is redrawn. The form also
records the clicker's hours of today.

What `/job hours` (handlers/job_hours.py) and closing (handlers/job_close.py) share with the
steps lives here too: a job's refusal in words, the day a phrase names, the cards redrawn."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlmodel import Session

from bot.dates import DateRefusal, find_dates, parse_when
from bot.rules.job_life import (
    NEXT,
    PROOFREAD_FLAGS,
    SENT,
    SIGNED,
    Crew,
    hours_text,
    move_problem,
    step_of,
)
from bot.rules.problems import Problem
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import job_steps as view
from bot.slack.views.jobs import number_of, status_name
from handlers.deps import Deps
from handlers.job_redraw import redraw_then_deliver
from storage import job_life, jobs, outbox, queries
from storage.models import Job
from storage.outbox import wall

FLAGS = re.compile(
    r"(?<!\S)(?:" + "|".join(re.escape(f) for f in PROOFREAD_FLAGS) + r")(?!\S)", re.IGNORECASE
)

SPACES = re.compile(r"[ \t]{2,}")


@dataclass(frozen=True)
class Change:
    """What someone asks of a job: a step (with its note, the proofreading confirmation, the
    client's signer and day), and/or their hours of today (the form)."""

    to: str | None
    note: str = ""
    proofread: bool = False
    signed_by: str = ""
    signed_on: date | None = None
    minutes: int | None = None
    expected: str | None = None  # the status the form was opened on


# --- shared with `/job hours` and closing ------------------------------------------------------
def problem_text(r: Reader, p: Problem, job: Job) -> str:
    """A refusal about `job` in the reader's words: its number, states by their names, the
    steps it can take instead."""
    values = dict(p.values)
    for name in ("status", "to"):
        if name in values:
            values[name] = status_name(r, str(values[name]))
    day = values.get("day")
    if isinstance(day, date):
        values["day"] = r.day(day)
    key = p.key
    if key == "jobstep.not_from":
        if job.status == SIGNED:
            key = "jobstep.signed_close"
        elif not NEXT.get(job.status):
            key = "jobstep.not_live"
        values["choices"] = view.choices_text(r, sorted(NEXT.get(job.status, ())))
    return r.t(key, **(values | {"number": number_of(job), "job": bk.escape(job.number)}))


def said_day(
    r: Reader, deps: Deps, team: str, text: str, *, leading: bool
) -> tuple[date, int, int] | None:
    """The day `text` names (a day gone by: 周五 said on Monday is last Friday), with where its
    words are; `leading`: only at its start."""
    end_of_day = deps.team_settings.of(team).end_of_day
    found = find_dates(text, r.now, deps.settings.aebot_tz, r.lang, end_of_day)
    first = min(found, key=lambda f: f.start, default=None)
    if first is None or (leading and text[: first.start].strip()):
        return None
    tz, lang = deps.settings.aebot_tz, r.lang
    again = parse_when(first.words, r.now, tz, lang, end_of_day, past=True)
    at = first.at if isinstance(again, DateRefusal) else again.at
    return at.astimezone(r.zone).date(), first.start, first.end


def job_day(job: Job, r: Reader) -> date:
    """The day the job was filed, in the workspace's zone."""
    return job.created_at.astimezone(r.zone).date()


# --- `/job status NUMBER STEP note…` ---------------------------------------------------------
def status(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    proofread = bool(FLAGS.search(rest))  # `--proofread` (已校对) wherever it is typed
    parts = SPACES.sub(" ", FLAGS.sub("", rest)).strip().split(maxsplit=2)
    if len(parts) < 2:
        return Reply(text=r.t("jobstep.usage"))
    typed, word = parts[0], parts[1]
    if step_of(typed) and not step_of(word):  # `/job status review CR-202611-01 …`
        typed, word = word, typed
    to = step_of(word)
    if to is None:
        return Reply(text=r.t("jobstep.unknown_step", word=bk.escape(word[:40])))
    change = typed_change(r, deps, req.team, to, parts[2] if len(parts) > 2 else "", proofread)
    with deps.db.write() as s:
        job = jobs.by_number(s, req.team, typed)
        if job is None or job.id is None:
            return Reply(text=_unknown(r, typed))
        problem = apply(s, req, deps, job, change)
        if problem:
            return Reply(text=problem_text(r, problem, job))
        said = done_text(r, job, change)
    return Reply(text=said, then=after_change(deps, req.team, job.id))


def typed_change(r: Reader, deps: Deps, team: str, to: str, text: str, proofread: bool) -> Change:
    """The step's note as typed; for `signed`, who signed it and the day (`王经理 12月3日
    备注`: today when no day is said)."""
    if to != SIGNED:
        return Change(to, note=text, proofread=proofread)
    day = said_day(r, deps, team, text, leading=False)
    if day is None:
        return Change(to, signed_by=text, signed_on=r.today)
    on, start, end = day
    who, note = text[:start].strip(), text[end:].strip()
    return Change(to, note=note if who else "", signed_by=who or note, signed_on=on)


def _unknown(r: Reader, typed: str) -> str:
    return r.t("job.unknown_number", number=bk.escape(typed[:40]))


def after_change(deps: Deps, team: str, job_id: int) -> tuple[Callable[[], object], ...]:
    """After the ack: every copy of the card redrawn, then the owner's message delivered."""
    return (partial(redraw_then_deliver, deps, team, job_id),)


# --- the change, checked and recorded ---------------------------------------------------------
def apply(s: Session, req: Request, deps: Deps, job: Job, change: Change) -> Problem | None:
    """Check the change and record it in the caller's transaction: the step (one conditional
    move), its owner told, the hours; a Problem when anything is refused (nothing changed)."""
    crew = job_life.crew(s, job)
    problem = _problem(s, req, deps, job, crew, change)
    if problem is None and change.minutes is not None and not crew.on(req.user):
        problem = Problem("jobhours.not_on_job")
    if problem:
        return problem
    now = deps.clock.now()
    if change.to:
        problem = _move(s, req, deps, job, change)
        if problem:
            return problem
    if change.minutes:
        day = now.astimezone(deps.settings.tz).date()
        job_life.add_hours(s, job, req.user, day, change.minutes, "", now)
    return None


def _move(s: Session, req: Request, deps: Deps, job: Job, change: Change) -> Problem | None:
    """The step, as one conditional move with its event; the owner told when someone else made
    it. A Problem when someone moved the job first."""
    assert job.id is not None and change.to is not None
    fields: dict[str, object] = {}
    data: dict[str, object] = {"proofread": True} if change.to == SENT else {}
    if change.to == SIGNED:
        fields = {"signed_by_client": change.signed_by, "signed_on": change.signed_on}
        data = {"by_client": change.signed_by, "on": str(change.signed_on)}
    now = deps.clock.now()
    if not job_life.move(s, job, change.to, req.user, now, note=change.note, data=data, **fields):
        fresh = jobs.get(s, req.team, job.id, fresh=True)
        return Problem("jobstep.moved_meanwhile", {"status": fresh.status if fresh else "?"})
    if req.user != job.owner_id:
        event = job_life.events(s, req.team, job.id)[-1]
        _tell_owner(s, deps, job, req.user, change, f"job-step:{job.id}:{event.id}")
    return None


def _problem(
    s: Session, req: Request, deps: Deps, job: Job, crew: Crew, change: Change
) -> Problem | None:
    if not change.to:
        return None if change.minutes is not None else Problem("jobstep.form.nothing")
    if change.expected and job.status != change.expected:  # the form was opened before
        return Problem("jobstep.form.moved", {"status": job.status})
    assert job.id is not None
    steps = job_life.steps(s, req.team, job.id)
    admin = deps.admin(req.user)
    problem = move_problem(
        job,
        change.to,
        req.user,
        crew,
        admin,
        steps,
        note=change.note,
        proofread=change.proofread,
        signed_by=change.signed_by,
    )
    if problem and problem.key == "jobstep.not_from" and job.status == change.to:
        return Problem("jobstep.already", {"status": job.status})
    if problem or change.to != SIGNED:
        return problem
    if len(change.signed_by) > view.SIGNER_MAX:
        return Problem("jobstep.signer_too_long", {"max": view.SIGNER_MAX})
    return _signed_day_problem(change.signed_on, deps, job)


def _signed_day_problem(day: date | None, deps: Deps, job: Job) -> Problem | None:
    today = deps.local_now().date()
    if day is None or day > today:
        return Problem("jobstep.signed_future", {"day": day or today})
    if day < job.created_at.astimezone(deps.settings.tz).date():
        return Problem("jobstep.signed_before_job", {"day": day})
    return None


def _tell_owner(s: Session, deps: Deps, job: Job, by: str, change: Change, key: str) -> None:
    now = deps.clock.now()
    owner = queries.get_member(s, job.team_id, job.owner_id)
    ro = Reader.of(owner, deps.settings.aebot_lang, deps.settings.tz, now)
    project = bk.escape(job.project)
    if change.to == SIGNED and change.signed_on:
        who, day = bk.escape(change.signed_by), ro.day(change.signed_on)
        text = ro.t(
            "jobstep.told_owner_signed",
            by=by,
            number=number_of(job),
            project=project,
            who=who,
            day=day,
        )
    else:
        status_now = status_name(ro, str(change.to))
        text = ro.t(
            "jobstep.told_owner", by=by, number=number_of(job), project=project, status=status_now
        )
    if change.note:
        text += "\n" + ro.t("jobstep.note_line", note=bk.escape(change.note))
    message = outbox.Message(job.team_id, key, "job-step", job.owner_id, text, [bk.section(text)])
    outbox.enqueue(s, [message], now, wall())


def done_text(r: Reader, job: Job, change: Change) -> str:
    """What was recorded, as the person who did it reads it."""
    number, project = number_of(job), bk.escape(job.project)
    lines = []
    if change.to == SIGNED and change.signed_on:
        who, day, typed = (
            bk.escape(change.signed_by),
            r.day(change.signed_on),
            bk.escape(job.number),
        )
        said = r.t(
            "jobstep.done_signed", number=number, job=typed, project=project, who=who, day=day
        )
        lines.append(said)
    elif change.to == SENT:
        lines.append(r.t("jobstep.done_proofread", number=number, project=project))
    elif change.to:
        status_now = status_name(r, change.to)
        lines.append(r.t("jobstep.done", number=number, project=project, status=status_now))
    if change.to and change.note:
        lines.append(r.t("jobstep.note_line", note=bk.escape(change.note)))
    if change.minutes:
        lines.append(
            r.t(
                "jobhours.recorded_today",
                hours=hours_text(change.minutes),
                number=number,
                project=project,
            )
        )
    return "\n".join(lines)
