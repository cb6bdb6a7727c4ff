"""The Update status button on a job's card (`job_step`) and its form (`job_step_form`): the
steps the job can take now, a note, the proofreading tick, the clicker's hours of today, the
client's signer and day. The form is checked by the same rules as `/job status`
(handlers/job_steps.py); what is refused is said under its field."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import App

from bot.dates import DateRefusal, parse_when
from bot.rules.job_life import CLOSED, LIVE, NEXT, OPEN, ORDER, SIGNED, may_move, read_hours
from bot.rules.problems import Problem
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import job_life as card_view
from bot.slack.views import job_steps as view
from handlers.deps import Deps
from handlers.job_steps import Change, after_change, apply, done_text, problem_text
from storage import job_life, jobs
from storage.models import Job

# where a refusal is shown in the form, and in which words there (None: as the command says it)
FIELD_OF: dict[str, tuple[str, str | None]] = {
    "jobstep.review_needs_note": (view.NOTE, "jobstep.form.review_needs_note"),
    "jobstep.note_too_long": (view.NOTE, None),
    "jobstep.sent_needs_proofread": (view.PROOFREAD, "jobstep.form.proofread_needed"),
    "jobstep.signed_needs_who": (view.SIGNER, "jobstep.form.signer_needed"),
    "jobstep.signer_too_long": (view.SIGNER, None),
    "jobstep.signed_future": (view.SIGNED_ON, None),
    "jobstep.signed_before_job": (view.SIGNED_ON, None),
    "jobhours.not_on_job": (view.HOURS, None),
}


def step_click(req: Request, deps: Deps) -> None:
    """Update status: the form with the steps this person may take the job to now (a sign-off
    only for its owner or an admin); refused, in reply to the click, when they may not."""
    r = deps.reader(req)
    with deps.db.read() as s:
        job = jobs.get(s, req.team, req.record_id) if req.record_id else None
        if job is None or job.id is None:
            return deps.refuse(req, "job.gone")
        crew = job_life.crew(s, job)
    admin = deps.admin(req.user)
    mine = admin or req.user == job.owner_id
    choices = [c for c in NEXT.get(job.status, ()) if c != SIGNED or mine]
    refusal: Problem | None = None
    if not may_move(req.user, crew, admin):
        refusal = Problem("jobstep.not_on_job", {"owner": job.owner_id})
    elif job.status == OPEN:
        refusal = Problem("jobstep.not_accepted")
    elif job.status not in LIVE or (not choices and not crew.on(req.user)):
        refusal = Problem("jobstep.not_from", {"status": job.status, "to": CLOSED})
    if refusal:
        deps.sender.answer(req.response_url, req.user, problem_text(r, refusal, job))
        return None
    meta = {"job_id": job.id, "status": job.status, "channel": req.channel}
    deps.sender.open_modal(str(req.trigger_id), view.step_modal(r, job, choices, meta))
    return None


def step_submit(req: Request, deps: Deps) -> Reply:
    r = deps.reader(req)
    meta = req.metadata
    job_id = meta.get("job_id")
    errors, change = read_form(r, deps, req.form, meta)
    if errors:
        return Reply(errors=errors)
    with deps.db.write() as s:
        job = jobs.get(s, req.team, job_id) if isinstance(job_id, int) else None
        if job is None or job.id is None:
            return Reply(errors={_first(req): r.t("job.gone")})
        problem = apply(s, req, deps, job, change)
        if problem:
            return Reply(errors={_field(req, problem): _form_text(r, problem, job)})
        said = done_text(r, job, change)
    channel = meta.get("channel")
    tell = partial(deps.sender.tell, req.user, channel if isinstance(channel, str) else None, said)
    return Reply(then=(*after_change(deps, req.team, job.id), tell))


def read_form(
    r: Reader, deps: Deps, form: dict[str, Any], meta: dict[str, Any]
) -> tuple[dict[str, str], Change]:
    """The change the form asks for, or what is wrong with it, by field."""
    errors: dict[str, str] = {}
    picked = form.get(view.STEP_PICK)
    to = picked if picked in ORDER else None
    minutes = None
    typed_hours = str(form.get(view.HOURS) or "").strip()
    if typed_hours:
        read = read_hours(typed_hours)
        if isinstance(read, Problem):
            errors[view.HOURS] = r.problem(read)
        else:
            minutes = read
    on = r.today
    typed_day = str(form.get(view.SIGNED_ON) or "").strip()
    if typed_day and to == SIGNED:
        parsed = parse_when(typed_day, r.now, deps.settings.aebot_tz, r.lang, past=True)
        if isinstance(parsed, DateRefusal):
            errors[view.SIGNED_ON] = parsed.message
        else:
            on = parsed.at.astimezone(r.zone).date()
    change = Change(
        to,
        note=str(form.get(view.NOTE) or "").strip(),
        proofread=view.PROOFREAD_VALUE in (form.get(view.PROOFREAD) or []),
        signed_by=str(form.get(view.SIGNER) or "").strip(),
        signed_on=on,
        minutes=minutes,
        expected=str(meta.get("status") or "") or None,
    )
    return errors, change


def _form_text(r: Reader, problem: Problem, job: Job) -> str:
    """A refusal as the form says it: in the form's words where they differ from the command's
    (a tick, not `--proofread`)."""
    words = FIELD_OF.get(problem.key, ("", None))[1]
    return r.t(words) if words else problem_text(r, problem, job)


def _field(req: Request, problem: Problem) -> str:
    """The form's field a refusal belongs under (the step's, else the first field shown)."""
    wanted = FIELD_OF.get(problem.key, (view.STEP_PICK, None))[0]
    if problem.key.startswith("jobhours."):
        wanted = view.HOURS
    shown = _inputs(req)
    return wanted if wanted in shown else _first(req)


def _inputs(req: Request) -> list[str]:
    blocks = (req.body.get("view") or {}).get("blocks") or []
    return [str(b.get("block_id")) for b in blocks if b.get("type") == "input"]


def _first(req: Request) -> str:
    shown = _inputs(req)
    return shown[0] if shown else view.HOURS


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.action(card_view.STEP)(listen.after(step_click, deps))
    app.view(card_view.STEP_FORM)(listen.ack(step_submit, deps))
