"""The handoff (工作单下发) once a job is approved: a head of its department accepts it (接单),
assigns people of the department (安排人手) and calls the creative team together
(召集创作小组会议) on the `/meeting` form. Each step redraws every delivered card of the job
(forms/job_cards.py); the owner (the AE) is told through the outbox, each thing once.

Only a head of the job's department (role dh) or an admin does these; anyone else, a job id
that names no approved job, or a second click is told why, and nothing changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from slack_bolt import App
from sqlmodel import Session

from bot.rules.job_life import CLOSED, LIVE, OPEN, may_accept
from bot.rules.meetings import TOPIC_LIMIT
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import job_assign as form
from bot.slack.views import job_life as card
from bot.slack.views import meetings as meeting_view
from bot.slack.views.jobs import number_of, status_name
from forms import job_cards
from forms.notices import Writer
from handlers.deps import Deps
from handlers.job_redraw import redraw_then_deliver
from storage import job_life, jobs, outbox, queries
from storage.models import Client, Job, Member
from storage.outbox import Message, wall

ID_MAX = 2**31 - 1  # a job id beyond an INTEGER column names no job (and PostgreSQL refuses it)


@dataclass(frozen=True)
class Refusal:
    """Why nothing changed, said to the one who clicked: a text key and its values."""

    key: str
    values: dict[str, str] = field(default_factory=dict)

    def said(self, r: Reader) -> str:
        return r.t(self.key, **self.values)


def _department(r: Reader, job: Job) -> str:
    return r.t(f"job.dept.{job.department}")


def _job_for_head(s: Session, r: Reader, req: Request, deps: Deps, job_id: object) -> Job | Refusal:
    """The approved job a click or a form names, when `req.user` heads its department or is
    an admin."""
    wanted = job_id if isinstance(job_id, int) and not isinstance(job_id, bool) else 0
    job = jobs.get(s, req.team, wanted, fresh=True) if 0 < wanted <= ID_MAX else None
    if job is None or job.id is None or job.status not in (*LIVE, CLOSED):
        return Refusal("handoff.gone")
    heads = {m.user_id for m in job_life.heads(s, req.team, job.department)}
    if not may_accept(req.user, heads, deps.admin(req.user)):
        return Refusal(
            "handoff.not_head", {"number": number_of(job), "department": _department(r, job)}
        )
    return job


def _working_job(s: Session, r: Reader, req: Request, deps: Deps, job_id: object) -> Job | Refusal:
    """As `_job_for_head`, for assigning and the kick-off: once accepted, until closed."""
    job = _job_for_head(s, r, req, deps, job_id)
    if isinstance(job, Refusal):
        return job
    if job.status == OPEN:
        return Refusal("handoff.accept_first", {"number": number_of(job)})
    if job.status == CLOSED:
        return Refusal("handoff.closed", {"number": number_of(job)})
    return job


def _refuse(deps: Deps, req: Request, refusal: Refusal) -> Reply:
    return Reply(then=(partial(deps.refuse, req, refusal.key, **refusal.values),))


def _owner_reader(s: Session, deps: Deps, job: Job, now: datetime) -> Reader:
    owner = queries.get_member(s, job.team_id, job.owner_id)
    return Reader.of(owner, deps.settings.aebot_lang, deps.settings.tz, now)


# --- Accept (接单) ----------------------------------------------------------------------------
def accept_click(req: Request, deps: Deps) -> None:
    """Accept: the first head to click takes the job; the others are told who did and when."""
    with deps.db.write() as s:
        refusal = _accept(s, deps.reader(req), req, deps)
    if refusal is not None:
        deps.refuse(req, refusal.key, **refusal.values)
        return
    redraw_then_deliver(deps, req.team, req.record_id)


def _accept(s: Session, r: Reader, req: Request, deps: Deps) -> Refusal | None:
    """Accept the job in this transaction, with the owner's message; or why not."""
    job = _job_for_head(s, r, req, deps, req.record_id)
    if isinstance(job, Refusal):
        return job
    now = deps.clock.now()
    if not job_life.accept(s, job, req.user, now):
        return _not_accepted(r, jobs.get(s, req.team, req.record_id, fresh=True) or job)
    if job.owner_id != req.user:
        ro = _owner_reader(s, deps, job, now)
        text = ro.t(
            "handoff.owner_accepted",
            user=req.user,
            number=number_of(job),
            project=bk.escape(job.project),
            department=_department(ro, job),
        )
        key = f"job-accepted:{job.id}"
        told = Message(job.team_id, key, "job-accepted", job.owner_id, text, [bk.section(text)])
        outbox.enqueue(s, [told], now, wall())
    return None


def _not_accepted(r: Reader, job: Job) -> Refusal:
    """A second click: who accepted it, and when; or the state it is in."""
    number = number_of(job)
    if job.accepted_by and job.accepted_at:
        when = r.when(job.accepted_at)
        return Refusal("handoff.already", {"number": number, "user": job.accepted_by, "when": when})
    return Refusal("handoff.not_open", {"number": number, "status": status_name(r, job.status)})


# --- Assign (安排人手) -------------------------------------------------------------------------
def assign_click(req: Request, deps: Deps) -> Reply:
    """Assign: the form with the department's people, those on the job already ticked."""
    r = deps.reader(req)
    with deps.db.read() as s:
        job = _working_job(s, r, req, deps, req.record_id)
        if isinstance(job, Refusal):
            return _refuse(deps, req, job)
        people = job_life.department_members(s, req.team, job.department)
        on_job = job_life.assignees(s, req.team, [req.record_id]).get(req.record_id, [])
    meta = {"job_id": job.id, "channel": req.channel}
    modal = form.assign_modal(r, job, people, on_job, meta)
    return Reply(then=(partial(deps.sender.open_modal, str(req.trigger_id), modal),))


def submit_assign(req: Request, deps: Deps) -> Reply:
    """The form: the newly picked get the job and its whole brief, the owner hears who has it,
    and every card is redrawn; a name not of the department is refused under the field."""
    r, now = deps.reader(req), deps.clock.now()
    picked = form.picked(req.form.get(form.PEOPLE))
    with deps.db.write() as s:
        done = _assign(s, r, req, deps, picked, now)
    if isinstance(done, str):
        return Reply(errors={form.PEOPLE: done})
    tell = partial(deps.sender.tell, req.user, req.metadata.get("channel"), done.said)
    redraw = partial(redraw_then_deliver, deps, req.team, done.job_id, done.fresh)
    return Reply(then=(redraw, tell))


@dataclass(frozen=True)
class Assigned:
    job_id: int
    said: str  # to the one who assigned
    fresh: tuple[str, ...]  # the keys of the new assignees' cards, drawn as the job stands


def _assign(
    s: Session, r: Reader, req: Request, deps: Deps, picked: list[str], now: datetime
) -> Assigned | str:
    """Assign in this transaction, with each new assignee's card and the owner's message; or
    why not (under the field)."""
    job = _working_job(s, r, req, deps, req.metadata.get("job_id"))
    if isinstance(job, Refusal):
        return job.said(r)
    members = {m.user_id: m for m in queries.list_members(s, req.team)}
    strangers = [u for u in picked if getattr(members.get(u), "department", None) != job.department]
    if strangers:
        shown = r.join(f"<@{u}>" if u in members else f"`{bk.escape(u[:40])}`" for u in strangers)
        return r.t("handoff.assign_not_member", users=shown, department=_department(r, job))
    if not picked:
        return r.t("handoff.assign_pick")
    new = job_life.assign(s, job, picked, req.user, now)
    if not new:
        return r.t("handoff.assign_nobody_new")
    _tell_assigned(s, deps, job, members, new, req.user, now)
    people = r.join(f"<@{u}>" for u in new)
    said = r.t("handoff.assigned_ok", number=number_of(job), people=people)
    fresh = tuple(job_cards.assignee_key(job.id or 0, u) for u in new)
    return Assigned(job.id or 0, said, fresh)


def _tell_assigned(
    s: Session,
    deps: Deps,
    job: Job,
    members: dict[str, Member],
    new: list[str],
    by: str,
    now: datetime,
) -> None:
    """Each new assignee's card with the whole brief and the materials (once each: its key
    names them), and the owner told who has the job; queued in the assignment's transaction."""
    assert job.id is not None
    client = queries.get_client(s, job.team_id, job.client_id)
    people = job_life.assignees(s, job.team_id, [job.id]).get(job.id, [])
    w = Writer(deps.settings, members, now)
    out = job_cards.to_assignees(w, job, client.name if client else "?", people, new, by)
    if job.owner_id != by:
        ro = w.reader(job.owner_id)
        text = ro.t(
            "handoff.owner_assigned",
            number=number_of(job),
            project=bk.escape(job.project),
            people=ro.join(f"<@{u}>" for u in new),
            by=by,
        )
        key = f"job-assigned:{job.id}:{new[0]}"  # the first one new: once per assignment
        out.append(
            Message(job.team_id, key, "job-assigned-owner", job.owner_id, text, [bk.section(text)])
        )
    outbox.enqueue(s, out, now, wall())


# --- Call a kick-off (召集创作小组会议) ---------------------------------------------------------
def kickoff_click(req: Request, deps: Deps) -> Reply:
    """Call a kick-off: the `/meeting` form, filled with the job's client, its people (the
    assignees, the owner and the head) and what it is for; submitted, it is a meeting like any
    other (its notice, reconfirmation and report prompt come from /meeting)."""
    r = deps.reader(req)
    with deps.db.read() as s:
        job = _working_job(s, r, req, deps, req.record_id)
        on_job = [] if isinstance(job, Refusal) else _on_job(s, job)
        if not isinstance(job, Refusal) and not on_job:
            job = Refusal("handoff.kickoff_nobody", {"number": number_of(job)})
        if isinstance(job, Refusal):
            return _refuse(deps, req, job)
        heads = [m.user_id for m in job_life.heads(s, req.team, job.department)]
        clients = queries.list_clients(s, req.team)
    heads = [req.user] if req.user in heads else heads  # an admin calls it for the heads
    ours = list(dict.fromkeys([*on_job, job.owner_id, *heads]))
    modal = _kickoff_form(r, req, job, clients, ours)
    return Reply(then=(partial(deps.sender.open_modal, str(req.trigger_id), modal),))


def _on_job(s: Session, job: Job) -> list[str]:
    return job_life.assignees(s, job.team_id, [job.id or 0]).get(job.id or 0, [])


def _kickoff_form(
    r: Reader, req: Request, job: Job, clients: list[Client], ours: list[str]
) -> bk.Block:
    """The meeting form with the job's client first (so it is among the options) and chosen."""
    ordered = sorted(clients, key=lambda c: (c.id != job.client_id, c.name))
    project = bk.clip(job.project, TOPIC_LIMIT - 20)
    values = {
        "client": job.client_id,
        "topic": r.t("handoff.kickoff_topic", project=project),
        "ours": ours,
        "purpose": r.t("handoff.kickoff_purpose", number=job.number, project=job.project),
        "materials": job.materials_url or "",
    }
    notice = r.t("handoff.kickoff_notice", number=number_of(job))
    meta = {"channel": req.channel}
    return meeting_view.meeting_modal(r, ordered, values, notice=notice, metadata=meta)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.action(card.ACCEPT)(listen.after(accept_click, deps))
    app.action(card.ASSIGN)(listen.ack(assign_click, deps))
    app.view(card.ASSIGN_FORM)(listen.ack(submit_assign, deps))
    app.action(card.KICKOFF)(listen.ack(kickoff_click, deps))
