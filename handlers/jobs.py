"""`/job`: job requests (工作单) — the form (handlers/job_form.py) files them, numbered (工作号),
for the requester's business supervisor to sign through the form engine; here they are listed,
shown with their history, steps and hours, and revised (后续修改). Their steps and the Update
status form are handlers/job_steps.py and handlers/job_step_form.py, hours
handlers/job_hours.py, closing (消单) handlers/job_close.py."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from slack_bolt import App

from bot.rules.job_life import LIVE
from bot.rules.jobs import department_of
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request, long_reply
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import jobs as view
from bot.slack.views.job_steps import life_lines
from handlers import first_steps, job_close, job_hours, job_step_form, job_steps
from handlers.client_lookup import client_leading
from handlers.deps import Deps
from handlers.job_form import REVISABLE, revise_refusal, submit_job
from storage import approvals as approval_store
from storage import job_life, jobs, queries
from storage.models import Client, Job

COMMAND = "/job"
OPEN_STATUSES = ("pending", *LIVE)  # what `/job list` shows


# --- the command ---------------------------------------------------------------------------
def job_command(req: Request, deps: Deps) -> Reply:
    return JOB.run(deps.reader(req), req, deps, req.text)


def _quick(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/job`, `/job new`, or `/job 耐克 创意 春季KV…`: the modal, with what was typed in it;
    without a client to pick, what to do first instead."""
    with deps.db.read() as s:
        first = first_steps.missing(s, req.team)
    if first:
        return Reply(text=r.t(first))
    return Reply(then=(partial(open_new_form, req, deps, text),))


def quick_prefill(r: Reader, clients: list[Client], text: str) -> view.Prefill:
    """Read `CLIENT [DEPARTMENT] PROJECT…` (the client may be left out): a name that is no
    client is said above the form, and everything typed stays in the project's name."""
    text = " ".join(text.split())
    if not text:
        return view.Prefill()
    found = client_leading(r, clients, text)
    client, rest = found.client, found.rest
    if client is None:
        if department_of(text.split(maxsplit=1)[0]):
            rest = text
        else:
            notice = f"{found.said}\n{r.t('job.choose_client')}"
            return view.Prefill(project=text, notice=notice)
    parts = rest.split(maxsplit=1)
    department = department_of(parts[0]) if parts else None
    project = (parts[1] if len(parts) > 1 else "") if department else rest
    return view.Prefill(
        client_id=client.id if client else None, department=department, project=project
    )


def open_new_form(req: Request, deps: Deps, text: str) -> None:
    r = deps.reader(req)
    with deps.db.read() as s:
        clients = queries.list_clients(s, req.team)
    prefill = quick_prefill(r, clients, text)
    ordered = view.sorted_clients(clients, req.user, prefill.client_id)
    meta = {"mode": "new", "channel": req.channel}
    deps.sender.open_modal(str(req.trigger_id), view.job_modal(r, ordered, prefill, meta))


def _list(r: Reader, req: Request, deps: Deps, _rest: str = "") -> Reply:
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


def _show(r: Reader, req: Request, deps: Deps, typed: str) -> Reply:
    """One job: its fields, revisions, the history of its approval and of its steps since (who,
    when, the notes), and the hours per person; split over several messages when long."""
    with deps.db.read() as s:
        job = jobs.by_number(s, req.team, typed) if typed else None
        if job is None or job.id is None:
            return Reply(text=_unknown_number(r, typed))
        client = queries.get_client(s, req.team, job.client_id)
        original = jobs.get(s, req.team, job.parent_id) if job.parent_id else None
        revisions = jobs.revisions(s, req.team, job.id)
        requests = [a.id for a in jobs.approvals_of(s, req.team, [job.id]) if a.id]
        history = [(job.number, e) for e in approval_store.events(s, req.team, requests)]
        life = life_lines(
            r,
            job_life.events(s, req.team, job.id),
            job_life.hours_by_person(s, req.team, job.id),
            job.number,
        )
    name = client.name if client else "?"
    text, blocks = view.job_detail(r, job, name, original, revisions, history, life)
    return long_reply(r, text, blocks)


def _revise(r: Reader, req: Request, deps: Deps, typed: str) -> Reply:
    """`/job revise NUMBER`: the modal pre-filled from the original (open or closed)."""
    with deps.db.read() as s:
        job = jobs.by_number(s, req.team, typed) if typed else None
        if job is not None and job.parent_id:  # a revision of a revision revises the original
            job = jobs.get(s, req.team, job.parent_id)
        if job is None or job.id is None:
            return Reply(text=_unknown_number(r, typed))
        refusal = revise_refusal(r, s, req.user, job, deps.settings.admins)
        if refusal:
            return Reply(text=refusal)
        if job.status not in REVISABLE:
            return Reply(
                text=r.t(
                    "job.revise_not_open",
                    number=view.number_of(job),
                    status=view.status_name(r, job.status),
                )
            )
        client = queries.get_client(s, req.team, job.client_id)
    prefill = prefill_from(r, job, client, with_original=True)
    meta = {"mode": "revise", "job_id": job.id, "channel": req.channel}
    modal = view.job_modal(
        r, [], prefill, meta, title_key="job.modal.revise", pick_client=False, pick_department=False
    )
    return Reply(then=(partial(deps.sender.open_modal, str(req.trigger_id), modal),))


def prefill_from(
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


def resubmit_click(req: Request, deps: Deps) -> Reply:
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
    prefill = prefill_from(r, job, client, with_original=False)
    resubmitting = r.t("job.form.resubmitting", number=view.number_of(job))
    prefill = replace(prefill, fixed=(resubmitting, *prefill.fixed))
    meta = {"mode": "resubmit", "job_id": job.id, "channel": req.channel}
    ordered = view.sorted_clients(clients, req.user, job.client_id)
    modal = view.job_modal(
        r, ordered, prefill, meta, title_key="job.modal.resubmit", pick_department=False
    )
    return Reply(then=(partial(deps.sender.open_modal, str(req.trigger_id), modal),))


def _answer(deps: Deps, req: Request, text: str) -> Reply:
    return Reply(then=(partial(deps.sender.answer, req.response_url, req.user, text),))


JOB = Subcommands[Deps](
    COMMAND,
    help="job.help",
    subs={
        ("new", "新建", "开单"): _quick,
        ("list", "mine", "列表"): _list,
        ("show", "查看"): _show,
        ("revise", "修改"): _revise,
        ("status", "进度", "状态"): job_steps.status,
        ("hours", "工时"): job_hours.hours,
        ("close", "消单", "结案"): job_close.close,
    },
    empty=_quick,
    other=_quick,  # `/job 耐克 创意 春季KV`: the form, filled in
)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.command(COMMAND)(listen.ack(job_command, deps))
    app.view(view.FORM)(listen.ack(submit_job, deps))
    app.action(view.RESUBMIT)(listen.ack(resubmit_click, deps))
    job_step_form.register(app, listen, deps)
