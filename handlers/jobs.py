"""`/job`: job requests (工作单) — filed in a modal, numbered (工作号), signed by the requester's
business supervisor through the approval engine, revised (后续修改), closed (消单), listed.

A job is filed pending with its number; the engine asks the supervisor (handlers/approvals.py)
and a decision sets the job's status in its own transaction (storage/approvals.py SUBJECTS).
What an approval sends besides (the job card to its owner and to the department's channel) is
this feature's `followers`. A rejected job is edited and resubmitted under the same number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from slack_bolt import App
from sqlmodel import Session

from bot.clock import Clock
from bot.dates import DateRefusal, find_dates, parse_when
from bot.rules.approvals import APPROVED, Shown, supervisor
from bot.rules.clients import ClientIndex
from bot.rules.jobs import (
    DEPARTMENT_NAMES_ZH,
    brief_problem,
    deadline_problem,
    department_of,
    may_close_job,
)
from bot.rules.people import is_admin
from bot.rules.working_time import WorkingHours, half_day_before
from bot.settings import Settings
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request, asks_help
from bot.slack.sender import Sender
from bot.slack.texts import Reader
from bot.slack.views import jobs as view
from handlers.approvals import ask
from storage import approvals as approval_store
from storage import jobs, outbox, queries
from storage.approvals import Filing
from storage.calendars import Calendars
from storage.db import Database
from storage.jobs import JobFields
from storage.models import Approval, Client, Job, Member
from storage.outbox import wall
from storage.team_settings import TeamSettings

COMMAND = "/job"
OPEN_STATUSES = ("pending", "open")  # what `/job list` shows
REVISABLE = ("open", "closed")  # a follow-up modification needs an approved original
LINK_MAX = 500
_SPACE = re.compile(r"\s")

Follower = Callable[[Session, Approval, datetime], list[outbox.Message]]


@dataclass(frozen=True)
class JobFeatureDeps:
    """What the job listeners use."""

    db: Database
    clock: Clock
    settings: Settings
    sender: Sender
    team_settings: TeamSettings
    calendars: Calendars
    deliver: Callable[[], None]  # the courier: deliver what was just queued

    def reader(self, req: Request) -> Reader:
        return req.reader(self.settings.tz, self.clock.now())

    def hours(self, team: str) -> WorkingHours:
        return working_hours(self.team_settings, self.calendars, team)


def working_hours(team_settings: TeamSettings, calendars: Calendars, team: str) -> WorkingHours:
    return team_settings.of(team).working_hours(calendars.for_team(team))


# --- the command ---------------------------------------------------------------------------
def job_command(req: Request, deps: JobFeatureDeps) -> Reply:
    r = deps.reader(req)
    words = req.text.split(maxsplit=1)
    sub = words[0].lower() if words else ""
    rest = words[1].strip() if len(words) > 1 else ""
    if asks_help(sub):
        return Reply(text=r.t("job.help"))
    if sub in ("", "new", "新建", "开单"):
        return _quick(req, deps, rest)
    if sub in ("list", "mine", "列表"):
        return _list(r, req, deps)
    if sub in ("show", "查看"):
        return _show(r, req, deps, rest)
    if sub in ("revise", "修改"):
        return _revise(r, req, deps, rest)
    if sub in ("close", "消单"):
        return _close(r, req, deps, rest)
    return _quick(req, deps, req.text)


def _quick(req: Request, deps: JobFeatureDeps, text: str) -> Reply:
    """`/job`, `/job new`, or `/job 耐克 创意 春季KV…`: the modal, with what was typed in it."""
    return Reply(then=(partial(open_new_form, req, deps, text),))


def quick_prefill(r: Reader, clients: list[Client], text: str) -> view.Prefill:
    """Read `CLIENT [DEPARTMENT] PROJECT…` (the client may be left out): a name that is no
    client is said above the form, and everything typed stays in the project's name."""
    text = " ".join(text.split())
    if not text:
        return view.Prefill()
    match, rest = ClientIndex(clients).split(text)
    client = match.client
    if client is None:
        first = text.split(maxsplit=1)
        if department_of(first[0]):
            rest = text
        else:
            return view.Prefill(project=text, notice=_unknown_client(r, first[0], match.candidates))
    parts = rest.split(maxsplit=1)
    department = department_of(parts[0]) if parts else None
    project = (parts[1] if len(parts) > 1 else "") if department else rest
    return view.Prefill(
        client_id=client.id if client else None, department=department, project=project
    )


def _unknown_client(r: Reader, name: str, candidates: list[Client]) -> str:
    shown = bk.escape(name[:100])
    if candidates:
        names = r.join(bk.escape(c.name) for c in candidates[:10])
        return r.t("job.client_ambiguous", name=shown, names=names)
    return r.t("job.client_unknown", name=shown)


def open_new_form(req: Request, deps: JobFeatureDeps, text: str) -> None:
    r = deps.reader(req)
    with deps.db.read() as s:
        clients = queries.list_clients(s, req.team)
    prefill = quick_prefill(r, clients, text)
    ordered = view.sorted_clients(clients, req.user, prefill.client_id)
    meta = {"mode": "new", "channel": req.channel}
    deps.sender.open_modal(str(req.trigger_id), view.job_modal(r, ordered, prefill, meta))


def _list(r: Reader, req: Request, deps: JobFeatureDeps) -> Reply:
    with deps.db.read() as s:
        mine = jobs.owned(s, req.team, req.user, OPEN_STATUSES)
        names = {c.id: c.name for c in queries.list_clients(s, req.team) if c.id is not None}
    if not mine:
        return Reply(text=r.t("job.list.none"))
    text, blocks = view.job_list(r, mine, names)
    return Reply(text=text, blocks=blocks)


def _unknown_number(r: Reader, typed: str) -> str:
    if not typed:
        return r.t("job.need_number")
    return r.t("job.unknown_number", number=bk.escape(typed[:40]))


def _show(r: Reader, req: Request, deps: JobFeatureDeps, typed: str) -> Reply:
    with deps.db.read() as s:
        job = jobs.by_number(s, req.team, typed) if typed else None
        if job is None or job.id is None:
            return Reply(text=_unknown_number(r, typed))
        client = queries.get_client(s, req.team, job.client_id)
        original = jobs.get(s, req.team, job.parent_id) if job.parent_id else None
        revisions = jobs.revisions(s, req.team, job.id)
        requests = [a.id for a in jobs.approvals_of(s, req.team, [job.id]) if a.id]
        history = [(job.number, e) for e in approval_store.events(s, req.team, requests)]
    text, blocks = view.job_detail(
        r, job, client.name if client else "?", original, revisions, history
    )
    return Reply(text=text, blocks=blocks)


def _revise(r: Reader, req: Request, deps: JobFeatureDeps, typed: str) -> Reply:
    """`/job revise NUMBER`: the modal pre-filled from the original (open or closed)."""
    with deps.db.read() as s:
        job = jobs.by_number(s, req.team, typed) if typed else None
        if job is not None and job.parent_id:  # a revision of a revision revises the original
            job = jobs.get(s, req.team, job.parent_id)
        if job is None or job.id is None:
            return Reply(text=_unknown_number(r, typed))
        if job.status not in REVISABLE:
            return Reply(
                text=r.t(
                    "job.revise_not_open",
                    number=view.number_of(job),
                    status=view.status_name(r, job.status),
                )
            )
        client = queries.get_client(s, req.team, job.client_id)
    prefill = _prefill_from(r, job, client, with_original=True)
    meta = {"mode": "revise", "job_id": job.id, "channel": req.channel}
    modal = view.job_modal(
        r, [], prefill, meta, title_key="job.modal.revise", pick_client=False, pick_department=False
    )
    return Reply(then=(partial(deps.sender.open_modal, str(req.trigger_id), modal),))


def _prefill_from(
    r: Reader, job: Job, client: Client | None, *, with_original: bool
) -> view.Prefill:
    fixed = []
    if with_original:
        fixed.append(r.t("job.form.original", number=view.number_of(job)))
        fixed.append(r.t("job.line.client", client=bk.escape(client.name if client else "?")))
    fixed.append(r.t("job.line.department", department=view.department_name(r, job.department)))
    return view.Prefill(
        client_id=job.client_id,
        department=job.department,
        project=job.project,
        job_type=job.job_type,
        brief=job.brief,
        deadline=view.deadline_text(r, job.deadline),
        link=job.materials_url or "",
        fixed=tuple(fixed),
    )


def _close(r: Reader, req: Request, deps: JobFeatureDeps, rest: str) -> Reply:
    """`/job close NUMBER delivery note…`: the owner, their manager or an admin closes an open
    job (消单); the owner hears of it when someone else did."""
    parts = rest.split(maxsplit=1)
    if not parts:
        return Reply(text=r.t("job.close_usage"))
    typed, note = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    now = deps.clock.now()
    with deps.db.write() as s:
        job = jobs.by_number(s, req.team, typed)
        if job is None or job.id is None:
            return Reply(text=_unknown_number(r, typed))
        owner = queries.get_member(s, req.team, job.owner_id)
        admin = is_admin(req.user, deps.settings.admins)
        if not may_close_job(req.user, job.owner_id, owner.manager_id if owner else None, admin):
            return Reply(
                text=r.t("job.close_not_allowed", number=view.number_of(job), owner=job.owner_id)
            )
        if job.status != "open":
            return Reply(
                text=r.t(
                    "job.close_not_open",
                    number=view.number_of(job),
                    status=view.status_name(r, job.status),
                )
            )
        if not note:
            return Reply(text=r.t("job.close_need_note", number=bk.escape(job.number)))
        if not jobs.close(s, req.team, job.id, req.user, note[:2000], now):
            fresh = jobs.get(s, req.team, job.id, fresh=True)
            return Reply(
                text=r.t(
                    "job.close_not_open",
                    number=view.number_of(job),
                    status=view.status_name(r, fresh.status if fresh else "?"),
                )
            )
        told = req.user != job.owner_id
        if told:
            ro = Reader.of(owner, deps.settings.aebot_lang, deps.settings.tz, now)
            text = ro.t(
                "job.closed_by_other",
                number=view.number_of(job),
                project=bk.escape(job.project),
                by=req.user,
                note=bk.escape(note),
            )
            outbox.enqueue(
                s,
                [
                    outbox.Message(
                        req.team,
                        f"job-closed:{job.id}",
                        "job-closed",
                        job.owner_id,
                        text,
                        [bk.section(text)],
                    )
                ],
                now,
                wall(),
            )
    said = r.t(
        "job.closed",
        number=view.number_of(job),
        project=bk.escape(job.project),
        note=bk.escape(note),
    )
    return Reply(text=said, then=(deps.deliver,) if told else ())


# --- the form ------------------------------------------------------------------------------
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


def read_form(req: Request, deps: JobFeatureDeps, r: Reader, mode: str) -> Typed:
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
        end_of_day = values.time("end_of_day")
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


def submit_job(req: Request, deps: JobFeatureDeps) -> Reply:
    """The job modal (new, revision or resubmission): numbered and sent for approval, or its
    problems shown under the fields; nothing is stored unless it can be asked for."""
    r = deps.reader(req)
    meta = req.metadata
    mode = str(meta.get("mode") or "new")
    if mode not in ("new", "revise", "resubmit"):
        mode = "new"
    typed = read_form(req, deps, r, mode)
    first = view.CLIENT if mode != "revise" else view.PROJECT
    if typed.errors:
        return Reply(errors=typed.errors)
    if typed.deadline is None:
        return propose_deadline(req, deps, r, typed, mode)
    now = deps.clock.now()
    internal = half_day_before(typed.deadline, deps.hours(req.team))
    with deps.db.write() as s:
        members = {m.user_id: m for m in queries.list_members(s, req.team)}
        if req.user not in members:
            return Reply(errors={first: r.t("job.not_member")})
        boss = supervisor(req.user, members)
        if boss is None:
            return Reply(errors={first: r.t("job.no_supervisor")})
        outcome = _file(r, s, req, deps, mode, meta, typed, internal, boss.user_id, now)
        if isinstance(outcome, dict):
            return Reply(errors=outcome)
    return Reply(then=(deps.deliver, partial(confirm, req, deps, outcome, meta.get("channel"))))


def propose_deadline(
    req: Request, deps: JobFeatureDeps, r: Reader, typed: Typed, mode: str
) -> Reply:
    """No deadline typed: a date the brief mentions is proposed (the form comes back with it
    filled in, nothing stored until it is submitted again); else the deadline is asked for."""
    end_of_day = deps.team_settings.of(req.team).time("end_of_day")
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


def _file(
    r: Reader,
    s: Session,
    req: Request,
    deps: JobFeatureDeps,
    mode: str,
    meta: dict[str, Any],
    typed: Typed,
    internal: datetime,
    approver: str,
    now: datetime,
) -> Filed | dict[str, str]:
    """Store the job (numbered, or the resubmitted one) and ask its supervisor."""
    job_id = meta.get("job_id")
    existing = jobs.get(s, req.team, job_id) if isinstance(job_id, int) and mode != "new" else None
    if mode != "new" and existing is None:
        return {view.PROJECT: r.t("job.gone")}
    client_id = typed.client_id if existing is None or mode != "revise" else existing.client_id
    client = queries.get_client(s, req.team, client_id) if client_id else None
    if client is None or client.id is None:
        return {view.CLIENT if mode != "revise" else view.PROJECT: r.t("job.unknown_client_picked")}
    fields = JobFields(
        client.id,
        typed.project,
        typed.job_type,
        typed.brief,
        typed.deadline or now,
        internal,
        typed.link,
    )
    stored: tuple[Job, str | None] | dict[str, str]
    if existing is None:
        assert typed.department is not None  # read_form refused a new job without one
        local = now.astimezone(deps.settings.tz)
        stored = jobs.file_new(s, req.team, typed.department, local, fields, req.user, now), None
    elif mode == "revise":
        stored = _revision(r, s, req, existing, fields, now)
    else:
        stored = _resubmission(r, s, req, existing, fields, now)
    if isinstance(stored, dict):
        return stored
    job, original = stored
    assert job.id is not None
    filing = Filing(
        req.team,
        "job-revision" if job.revision else "job",
        req.user,
        title=f"{job.number} {job.project}",
        fields=shown_fields(job, client, original),
        subject="job",
        subject_id=job.id,
        client_id=client.id,
        via="modal",
    )
    a = ask(s, deps.settings, filing, approver, now)
    assert a.id is not None
    jobs.set_approval(s, job.id, a.id)
    return Filed(job, a, a.approver_id or approver, original)


def _revision(
    r: Reader, s: Session, req: Request, original: Job, fields: JobFields, now: datetime
) -> tuple[Job, str | None] | dict[str, str]:
    """A follow-up modification of an approved job (open or closed)."""
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


def shown_fields(job: Job, client: Client, original: str | None) -> list[Shown]:
    """What the approver's DM shows of the job (the engine writes each in the reader's
    language)."""
    excerpt = (
        job.brief
        if len(job.brief) <= view.BRIEF_EXCERPT
        else (job.brief[: view.BRIEF_EXCERPT - 1] + "…")
    )
    out = []
    if original:
        out.append(Shown("job.f.original", original, "code"))
    out += [
        Shown("job.f.client", client.name),
        Shown("job.f.department", f"{DEPARTMENT_NAMES_ZH[job.department]} / {job.department}"),
        Shown("job.f.job_type", job.job_type),
        Shown("job.f.deadline", job.deadline.isoformat(), "when"),
        Shown("job.f.internal_deadline", job.internal_deadline.isoformat(), "when"),
        Shown("job.f.brief", excerpt),
    ]
    if job.materials_url:
        out.append(Shown("job.f.link", job.materials_url))
    return out


def confirm(req: Request, deps: JobFeatureDeps, f: Filed, channel: object) -> None:
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
def resubmit_click(req: Request, deps: JobFeatureDeps) -> Reply:
    """Under a rejection: the modal again, filled from the rejected job (its number stays)."""
    r = deps.reader(req)
    with deps.db.read() as s:
        job = jobs.get(s, req.team, req.record_id) if req.record_id else None
        if job is None or job.id is None:
            return _answer(deps, req, r.t("job.gone"))
        if job.owner_id != req.user:
            return _answer(
                deps,
                req,
                r.t("job.resubmit_not_owner", number=view.number_of(job), owner=job.owner_id),
            )
        if job.status != "rejected":
            return _answer(
                deps,
                req,
                r.t(
                    "job.resubmit_not_rejected",
                    number=view.number_of(job),
                    status=view.status_name(r, job.status),
                ),
            )
        clients = queries.list_clients(s, req.team)
        client = next((c for c in clients if c.id == job.client_id), None)
    prefill = _prefill_from(r, job, client, with_original=False)
    resubmitting = r.t("job.form.resubmitting", number=view.number_of(job))
    prefill = replace(prefill, fixed=(resubmitting, *prefill.fixed))
    meta = {"mode": "resubmit", "job_id": job.id, "channel": req.channel}
    ordered = view.sorted_clients(clients, req.user, job.client_id)
    modal = view.job_modal(
        r, ordered, prefill, meta, title_key="job.modal.resubmit", pick_department=False
    )
    return Reply(then=(partial(deps.sender.open_modal, str(req.trigger_id), modal),))


def _answer(deps: JobFeatureDeps, req: Request, text: str) -> Reply:
    return Reply(then=(partial(deps.sender.answer, req.response_url, req.user, text),))


# --- what an approval sends besides --------------------------------------------------------
def followers(settings: Settings, team_settings: TeamSettings) -> dict[str, Follower]:
    """For the approval engine (ApprovalDeps.followers): once a job (or a revision) is
    approved, its card to the owner and, when the team set one, to the department's channel —
    queued in the decision's own transaction."""

    def follow(s: Session, a: Approval, now: datetime) -> list[outbox.Message]:
        if a.status != APPROVED or a.subject != "job" or not a.subject_id:
            return []
        job = jobs.get(s, a.team_id, a.subject_id, fresh=True)
        if job is None or job.id is None:
            return []
        client = queries.get_client(s, a.team_id, job.client_id)
        name = client.name if client else "?"
        parent = jobs.get(s, a.team_id, job.parent_id) if job.parent_id else None
        original = parent.number if parent else None
        owner: Member | None = queries.get_member(s, a.team_id, job.owner_id)
        r = Reader.of(owner, settings.aebot_lang, settings.tz, now)
        text, blocks = view.card(r, job, name, a.decided_by, original)
        out = [
            outbox.Message(a.team_id, f"job-card:{job.id}", "job-card", job.owner_id, text, blocks)
        ]
        channel = team_settings.of(a.team_id).channel(f"job_channel_{job.department}")
        if channel:
            rc = Reader(settings.aebot_lang, settings.tz, now)
            text, blocks = view.card(rc, job, name, a.decided_by, original)
            out.append(
                outbox.Message(
                    a.team_id, f"job-channel:{job.id}", "job-channel", channel, text, blocks
                )
            )
        return out

    return {"job": follow, "job-revision": follow}


def register(app: App, listen: Listen, deps: JobFeatureDeps) -> None:
    app.command(COMMAND)(listen.ack(job_command, deps))
    app.view(view.FORM)(listen.ack(submit_job, deps))
    app.action(view.RESUBMIT)(listen.ack(resubmit_click, deps))
