"""The job request form (工作单): a new job, a follow-up modification (后续修改, `-R1`) or a
rejected job edited and filed again. A job is numbered (工作号) and stored pending, and the form
engine asks the requester's business supervisor (forms/registered/job.py); nothing is stored
unless someone can sign it."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session

from bot.dates import DateRefusal, find_dates, parse_when
from bot.rules.approvals import Route
from bot.rules.job_life import CLOSED, LIVE
from bot.rules.jobs import (
    brief_problem,
    deadline_problem,
    department_of,
    may_change_job,
)
from bot.rules.people import is_admin
from bot.rules.problems import Problem
from bot.rules.working_time import half_day_before
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import jobs as view
from handlers.deps import Deps
from storage import jobs, queries
from storage.approvals import Filing
from storage.jobs import JobFields
from storage.models import Approval, Client, Job

REVISABLE = (*LIVE, CLOSED)  # a follow-up modification needs an approved original
LINK_MAX = 500
_SPACE = re.compile(r"\s")


def revise_refusal(
    r: Reader, s: Session, user: str, job: Job, admins: Collection[str]
) -> str | None:
    """Only the job's owner, the owner's manager or an admin files a follow-up modification."""
    owner = queries.get_member(s, job.team_id, job.owner_id)
    manager = owner.manager_id if owner else None
    if may_change_job(user, job.owner_id, manager, is_admin(user, admins)):
        return None
    return r.t("job.revise_not_allowed", number=view.number_of(job), owner=job.owner_id)


@dataclass(frozen=True)
class Typed:
    """The form as read, before the database is asked: the fields, or the problems by field."""

    project: str
    job_type: str
    brief: str
    deadline: datetime | None
    link: str | None
    department: str | None
    client_id: int | None
    errors: dict[str, str]


def read_form(req: Request, deps: Deps, r: Reader, mode: str) -> Typed:
    form = req.form
    values = deps.team_settings.of(req.team)
    errors: dict[str, str] = {}
    project = " ".join(str(form.get(view.PROJECT) or "").split())
    job_type = " ".join(str(form.get(view.JOB_TYPE) or "").split())
    brief = str(form.get(view.BRIEF) or "").strip()
    if not project:
        errors[view.PROJECT] = r.t("job.need_project")
    if not job_type:
        errors[view.JOB_TYPE] = r.t("job.need_job_type")
    problem = brief_problem(brief, values.count("job_brief_min_chars"))
    if problem:
        errors[view.BRIEF] = r.problem(problem)
    deadline = None
    typed = str(form.get(view.DEADLINE) or "").strip()
    if typed:  # else proposed from the brief, or asked for (submit_job)
        end_of_day = values.end_of_day
        parsed = parse_when(typed, r.now, deps.settings.aebot_tz, r.lang, end_of_day)
        if isinstance(parsed, DateRefusal):
            errors[view.DEADLINE] = parsed.message
        elif late := deadline_problem(parsed.at, r.now):
            errors[view.DEADLINE] = r.problem(late)
        else:
            deadline = parsed.at
    link = str(form.get(view.LINK) or "").strip() or None
    if link and not _good_link(link):
        errors[view.LINK] = r.t("job.bad_link")
    department = None
    if mode == "new":
        department = department_of(str(form.get(view.DEPARTMENT) or ""))
        if department is None:
            errors[view.DEPARTMENT] = r.t("job.need_department")
    client_id = None
    if mode in ("new", "resubmit"):
        chosen = str(form.get(view.CLIENT) or "")
        client_id = int(chosen) if chosen.isdigit() and len(chosen) < 18 else None
        if client_id is None:
            errors[view.CLIENT] = r.t("job.need_client")
    return Typed(project, job_type, brief, deadline, link, department, client_id, errors)


def _good_link(link: str) -> bool:
    """An http(s) address to open, nothing else (no javascript:, no file:, no spaces)."""
    if len(link) > LINK_MAX or _SPACE.search(link):
        return False
    try:
        parts = urlsplit(link)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


@dataclass(frozen=True)
class Filed:
    job: Job
    approval: Approval
    approver: str
    original: str | None = None


def submit_job(req: Request, deps: Deps) -> Reply:
    """The job modal (new, revision or resubmission): numbered and sent for approval, or its
    problems shown under the fields; nothing is stored unless it can be asked for."""
    r = deps.reader(req)
    meta = req.metadata
    mode = str(meta.get("mode") or "new")
    if mode not in ("new", "revise", "resubmit"):
        mode = "new"
    typed = read_form(req, deps, r, mode)
    if typed.errors:
        return Reply(errors=typed.errors)
    if typed.deadline is None:
        return propose_deadline(req, deps, r, typed, mode)
    now = deps.clock.now()
    internal = half_day_before(typed.deadline, deps.hours(req.team))
    with deps.db.write() as s:
        route = deps.engine.route(s, Filing(req.team, "job", req.user, ""), now)
        if isinstance(route, Problem):
            return Reply(
                errors={view.CLIENT if mode != "revise" else view.PROJECT: r.problem(route)}
            )
        outcome = _file(r, s, req, deps, Target(mode, meta, typed, internal), route, now)
        if isinstance(outcome, dict):
            return Reply(errors=outcome)
    return Reply(then=(deps.deliver, partial(confirm, req, deps, outcome, meta.get("channel"))))


def propose_deadline(req: Request, deps: Deps, r: Reader, typed: Typed, mode: str) -> Reply:
    """No deadline typed: a date the brief mentions is proposed (the form comes back with it
    filled in, nothing stored until it is submitted again); else the deadline is asked for."""
    end_of_day = deps.team_settings.of(req.team).end_of_day
    found = find_dates(typed.brief, r.now, deps.settings.aebot_tz, r.lang, end_of_day)
    ahead = next((f for f in found if deadline_problem(f.at, r.now) is None), None)
    if ahead is None or mode != "new":
        return Reply(errors={view.DEADLINE: r.t("job.need_deadline")})
    when = view.deadline_text(r, ahead.at)
    notice = r.t("job.deadline_proposed", words=bk.escape(ahead.words), when=r.when(ahead.at))
    with deps.db.read() as s:
        clients = queries.list_clients(s, req.team)
    prefill = view.Prefill(
        client_id=typed.client_id,
        department=typed.department,
        project=typed.project,
        job_type=typed.job_type,
        brief=typed.brief,
        deadline=when,
        link=typed.link or "",
        notice=notice,
    )
    ordered = view.sorted_clients(clients, req.user, typed.client_id)
    return Reply(view=view.job_modal(r, ordered, prefill, req.metadata))


@dataclass(frozen=True)
class Target:
    """What the form was for: new, a revision of or the resubmission of `meta`'s job."""

    mode: str
    meta: dict[str, Any]
    typed: Typed
    internal: datetime


def _file(
    r: Reader,
    s: Session,
    req: Request,
    deps: Deps,
    t: Target,
    route: Route,
    now: datetime,
) -> Filed | dict[str, str]:
    """Store the job (numbered, or the resubmitted one) and ask its supervisor."""
    found = _existing_and_client(r, s, req, t)
    if isinstance(found, dict):
        return found
    existing, client = found
    assert client.id is not None
    typed = t.typed
    fields = JobFields(
        client.id,
        typed.project,
        typed.job_type,
        typed.brief,
        typed.deadline or now,
        t.internal,
        typed.link,
    )
    stored: tuple[Job, str | None] | dict[str, str]
    if existing is None:
        assert typed.department is not None  # read_form refused a new job without one
        local = now.astimezone(deps.settings.tz)
        stored = jobs.file_new(s, req.team, typed.department, local, fields, req.user, now), None
    elif t.mode == "revise":
        stored = _revision(r, s, req, deps, existing, fields, now)
    else:
        stored = _resubmission(r, s, req, existing, fields, now)
    if isinstance(stored, dict):
        return stored
    return _ask(s, deps, req, stored, client, route, now)


def _existing_and_client(
    r: Reader, s: Session, req: Request, t: Target
) -> tuple[Job | None, Client] | dict[str, str]:
    """The job revised or resubmitted (None for a new one) and the job's client."""
    job_id = t.meta.get("job_id")
    new = t.mode == "new"
    existing = jobs.get(s, req.team, job_id) if isinstance(job_id, int) and not new else None
    if not new and existing is None:
        return {view.PROJECT: r.t("job.gone")}
    revise = existing is not None and t.mode == "revise"
    client_id = existing.client_id if revise and existing else t.typed.client_id
    client = queries.get_client(s, req.team, client_id) if client_id else None
    if client is None or client.id is None:
        return {
            view.CLIENT if t.mode != "revise" else view.PROJECT: r.t("job.unknown_client_picked")
        }
    return existing, client


def _ask(
    s: Session,
    deps: Deps,
    req: Request,
    stored: tuple[Job, str | None],
    client: Client,
    route: Route,
    now: datetime,
) -> Filed:
    """The stored job goes to its supervisor through the engine."""
    job, original = stored
    assert job.id is not None
    filing = Filing(
        req.team,
        "job-revision" if job.revision else "job",
        req.user,
        title=f"{job.number} {job.project}",
        fields=view.approval_fields(job, client.name, original),
        subject="job",
        subject_id=job.id,
        client_id=client.id,
        via="modal",
    )
    filed = deps.engine.ask(s, filing, now, route=route)
    assert not isinstance(filed, Problem)  # routed above, in this transaction
    a = filed.approval
    assert a.id is not None
    jobs.set_approval(s, job.id, a.id)
    return Filed(job, a, a.approver_id or route.signers[0], original)


def _revision(
    r: Reader,
    s: Session,
    req: Request,
    deps: Deps,
    original: Job,
    fields: JobFields,
    now: datetime,
) -> tuple[Job, str | None] | dict[str, str]:
    """A follow-up modification of an approved job (open or closed), by its owner, the owner's
    manager or an admin."""
    refusal = revise_refusal(r, s, req.user, original, deps.settings.admins)
    if refusal:
        return {view.PROJECT: refusal}
    if original.status not in REVISABLE:
        return {
            view.PROJECT: r.t(
                "job.revise_not_open",
                number=view.number_of(original),
                status=view.status_name(r, original.status),
            )
        }
    return jobs.file_revision(s, original, fields, req.user, now), original.number


def _resubmission(
    r: Reader, s: Session, req: Request, job: Job, fields: JobFields, now: datetime
) -> tuple[Job, str | None] | dict[str, str]:
    """The rejected job, edited by its owner: pending again under the same number."""
    assert job.id is not None
    if job.owner_id != req.user:
        return {
            view.PROJECT: r.t(
                "job.resubmit_not_owner", number=view.number_of(job), owner=job.owner_id
            )
        }
    if not jobs.resubmit(s, req.team, job.id, fields, now):
        now_is = jobs.get(s, req.team, job.id, fresh=True) or job
        return {
            view.PROJECT: r.t(
                "job.resubmit_not_rejected",
                number=view.number_of(job),
                status=view.status_name(r, now_is.status),
            )
        }
    fresh = jobs.get(s, req.team, job.id, fresh=True) or job
    parent = jobs.get(s, req.team, fresh.parent_id) if fresh.parent_id else None
    return fresh, parent.number if parent else None


def confirm(req: Request, deps: Deps, f: Filed, channel: object) -> None:
    """The filer's confirmation, in the channel they started from (else a DM)."""
    r = deps.reader(req)
    key = {"job": "job.filed", "job-revision": "job.revision_filed"}[f.approval.kind]
    text = r.t(
        key,
        number=view.number_of(f.job),
        project=bk.escape(f.job.project),
        approver=f.approver,
        deadline=r.when(f.job.deadline),
        internal=r.when(f.job.internal_deadline),
        original=f"`{bk.escape(f.original or '')}`",
    )
    deps.sender.tell(req.user, channel if isinstance(channel, str) else None, text)


# --- "Edit and resubmit" -------------------------------------------------------------------
