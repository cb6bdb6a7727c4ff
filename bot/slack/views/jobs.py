"""Block Kit of job requests (工作单): the modal (new, revision, resubmission), the job card, the
list and one job with its revisions and history. Every message about a job shows its number."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from bot.rules.approvals import Shown
from bot.rules.clients import ClientRecord
from bot.rules.jobs import DEPARTMENTS
from bot.slack import blocks as bk
from bot.slack.texts import Reader

FORM = "job_form"  # callback_id of the job modal
RESUBMIT = "job_resubmit"  # action_id of "Edit and resubmit" under a rejection
CLIENT, PROJECT, DEPARTMENT, JOB_TYPE = "client", "project", "department", "job_type"
BRIEF, DEADLINE, LINK = "brief", "deadline", "link"
MODAL_CLIENT_OPTIONS = 100
BRIEF_EXCERPT = 300


class JobRecord(Protocol):
    id: int | None
    number: str
    department: str
    revision: int
    parent_id: int | None
    client_id: int
    project: str
    job_type: str
    brief: str
    deadline: datetime
    internal_deadline: datetime
    materials_url: str | None
    owner_id: str
    issued_by: str
    status: str
    delivery_note: str | None
    closed_by: str | None
    closed_at: datetime | None
    created_at: datetime
    accepted_by: str | None
    accepted_at: datetime | None
    signed_by_client: str | None
    signed_on: date | None


class EventRecord(Protocol):
    at: datetime
    actor: str
    action: str
    via: str
    note: str


@dataclass(frozen=True)
class Prefill:
    """What the modal shows already: typed on the quick path, or the job being revised or
    resubmitted (`fixed` are its lines that cannot change: client, department, original)."""

    client_id: int | None = None
    department: str | None = None
    project: str = ""
    job_type: str = ""
    brief: str = ""
    deadline: str = ""
    link: str = ""
    notice: str = ""
    fixed: tuple[str, ...] = ()


def department_name(r: Reader, code: str) -> str:
    """ "创意 (CR)", "Creative (CR)"."""
    return r.t("job.dept_label", name=r.t(f"job.dept.{code}"), prefix=DEPARTMENTS.get(code, "?"))


def status_name(r: Reader, status: str) -> str:
    return r.t(f"job.status.{status}")


def deadline_text(r: Reader, at: datetime) -> str:
    """A stored deadline as the modal shows it again: a form every language's parser reads."""
    return f"{at.astimezone(r.zone):%Y-%m-%d %H:%M}"


def number_of(job: JobRecord) -> str:
    return f"`{bk.escape(job.number)}`"


# --- the modal -----------------------------------------------------------------------------
def job_modal(
    r: Reader,
    clients: Sequence[ClientRecord],
    prefill: Prefill,
    meta: Mapping[str, Any],
    *,
    title_key: str = "job.modal.new",
    pick_client: bool = True,
    pick_department: bool = True,
) -> bk.Block:
    """The job request: client (the person's own first), project, department, job type, the
    brief, the client's deadline as typed, a link to materials. A revision keeps the original's
    client and department, a resubmission its department (its number stays)."""
    p = prefill
    body: list[bk.Block] = [bk.section(p.notice)] if p.notice else []
    body += [bk.context(line) for line in p.fixed]
    can_submit = True
    if pick_client:
        if clients:
            options = [
                bk.option(f"{c.name} · {c.code}", str(c.id))
                for c in clients[:MODAL_CLIENT_OPTIONS]
                if c.id is not None
            ]
            initial = str(p.client_id) if p.client_id else None
            body.append(
                bk.select_input(
                    CLIENT,
                    r.t("job.f.client"),
                    options,
                    initial=initial,
                    placeholder=r.t("job.form.client_ph"),
                )
            )
        else:
            body.append(bk.section(r.t("job.no_clients")))
            can_submit = False
    body.append(bk.text_input(PROJECT, r.t("job.f.project"), initial=p.project, max_length=200))
    if pick_department:
        depts = [bk.option(department_name(r, d), d) for d in DEPARTMENTS]
        body.append(
            bk.select_input(
                DEPARTMENT,
                r.t("job.f.department"),
                depts,
                initial=p.department,
                placeholder=r.t("job.form.department_ph"),
            )
        )
    body += [
        bk.text_input(
            JOB_TYPE,
            r.t("job.f.job_type"),
            initial=p.job_type,
            max_length=100,
            placeholder=r.t("job.form.job_type_ph"),
        ),
        bk.text_input(
            BRIEF,
            r.t("job.form.brief"),
            initial=p.brief,
            multiline=True,
            max_length=3000,
            placeholder=r.t("job.form.brief_ph"),
        ),
        bk.text_input(
            DEADLINE,
            r.t("job.form.deadline"),
            initial=p.deadline,
            max_length=100,
            placeholder=r.t("job.form.deadline_ph"),
            optional=True,
        ),
        bk.text_input(
            LINK,
            r.t("job.f.link"),
            initial=p.link,
            optional=True,
            max_length=500,
            placeholder="https://…",
        ),
    ]
    return bk.modal(
        FORM,
        r.t(title_key),
        body,
        r.t("job.form.submit") if can_submit else None,
        r.t("common.cancel"),
        json.dumps(dict(meta)),
    )


def sorted_clients(clients: Sequence[ClientRecord], user: str, chosen: int | None) -> list[Any]:
    """The picker's order: the one already chosen, then the person's own (and backup) clients,
    then the rest by name; the modal shows the first 100."""
    return sorted(
        clients,
        key=lambda c: (
            c.id != chosen,
            user not in (c.owner_id, c.backup_owner_id),
            c.name,
        ),
    )


# --- the job as messages show it -------------------------------------------------------------
def detail_lines(r: Reader, job: JobRecord, client: str) -> list[str]:
    """The job's fields, one a line: what the card, `/job show` and the channel show."""
    lines = [
        r.t("job.line.client", client=bk.escape(client)),
        r.t("job.line.department", department=department_name(r, job.department)),
        r.t("job.line.job_type", job_type=bk.escape(job.job_type)),
        r.t(
            "job.line.deadlines",
            deadline=r.when(job.deadline),
            internal=r.when(job.internal_deadline),
        ),
        r.t("job.line.owner", owner=job.owner_id, issued_by=job.issued_by),
    ]
    if job.materials_url:
        lines.append(r.t("job.line.link", link=bk.escape(job.materials_url)))
    return lines


def brief_lines(r: Reader, brief: str) -> list[str]:
    quoted = "\n".join(f"> {bk.escape(x)}" if x.strip() else ">" for x in brief.splitlines())
    return [r.t("job.line.brief"), quoted]


def card(
    r: Reader, job: JobRecord, client: str, approved_by: str | None, original: str | None = None
) -> tuple[str, list[bk.Block]]:
    """The job card: the job is open, with everything the team needs to start."""
    key = "job.card.revision" if job.revision else "job.card.head"
    head = r.t(
        key,
        number=number_of(job),
        project=bk.escape(job.project),
        original=f"`{bk.escape(original or '')}`",
    )
    text = r.t("job.card.text", number=job.number, project=bk.escape(job.project))
    lines = detail_lines(r, job, client)
    if approved_by:
        lines.append(r.t("job.line.approved_by", by=approved_by))
    out = [bk.section(head), *bk.sections(lines + brief_lines(r, job.brief))]
    return text, bk.cap_blocks(out, r.more)


def list_line(r: Reader, job: JobRecord, client: str) -> str:
    return r.t(
        "job.list.line",
        number=number_of(job),
        project=bk.escape(job.project),
        client=bk.escape(client),
        status=status_name(r, job.status),
        deadline=r.when(job.deadline),
        internal=r.when(job.internal_deadline),
    )


def job_list(
    r: Reader, jobs: Sequence[JobRecord], clients: Mapping[int, str]
) -> tuple[str, list[bk.Block]]:
    title = r.t("job.list.title", n=len(jobs))
    lines = [list_line(r, j, clients.get(j.client_id, "?")) for j in jobs]
    return title, bk.cap_blocks([bk.section(title), *bk.sections(lines)], r.more)


def event_line(r: Reader, e: EventRecord, number: str) -> str:
    actor = f"<@{e.actor}>" if e.actor[:1] in ("U", "W") else bk.escape(e.actor)
    known = f"job.event.{e.action}"
    action = r.t(known) if known in _EVENT_KEYS else bk.escape(e.action)
    note = f" — {bk.escape(e.note)}" if e.note else ""
    return r.t(
        "job.event.line",
        when=r.when(e.at),
        number=f"`{bk.escape(number)}`",
        actor=actor,
        action=action,
        note=note,
    )


_EVENT_KEYS = frozenset(
    f"job.event.{a}"
    for a in (
        "filed",
        "routed",
        "approved",
        "rejected",
        "withdrawn",
        "reminded",
        "escalated",
        "rerouted",
        "self-approved",
    )
)


def job_detail(
    r: Reader,
    job: JobRecord,
    client: str,
    original: JobRecord | None,
    revisions: Sequence[JobRecord],
    history: Sequence[tuple[str, EventRecord]],
    life: Sequence[str] = (),
) -> tuple[str, list[bk.Block]]:
    """One job: its fields, the original it modifies or its revisions, the brief, the history
    of its requests (each event with the number it was about), its closing, and `life` (its
    steps and hours, bot/slack/views/job_steps.py). Not capped: the caller splits it to fit
    (`long_reply`)."""
    text = r.t(
        "job.show.head",
        number=number_of(job),
        project=bk.escape(job.project),
        status=status_name(r, job.status),
    )
    lines = detail_lines(r, job, client)
    if original is not None:
        lines.append(
            r.t(
                "job.show.original",
                number=number_of(original),
                status=status_name(r, original.status),
            )
        )
    if revisions:
        shown = r.join(f"{number_of(x)} ({status_name(r, x.status)})" for x in revisions)
        lines.append(r.t("job.show.revisions", revisions=shown))
    if job.signed_by_client and job.signed_on:
        who = bk.escape(job.signed_by_client)
        lines.append(r.t("jobcard.signed", who=who, day=r.day(job.signed_on)))
    if job.status == "closed" and job.closed_at:
        lines.append(
            r.t(
                "job.show.closed",
                by=job.closed_by or "?",
                when=r.when(job.closed_at),
                note=bk.escape(job.delivery_note or ""),
            )
        )
    out = [bk.section(text), *bk.sections(lines + brief_lines(r, job.brief))]
    if history:
        out += bk.sections([r.t("job.show.history")] + [event_line(r, e, n) for n, e in history])
    return text, out + bk.sections(life)


def approval_fields(job: JobRecord, client: str, original: str | None) -> list[Shown]:
    """What the approver's DM shows of the job (the engine writes each in the reader's
    language)."""
    excerpt = (
        job.brief if len(job.brief) <= BRIEF_EXCERPT else (job.brief[: BRIEF_EXCERPT - 1] + "…")
    )
    out = []
    if original:
        out.append(Shown("job.f.original", original, "code"))
    out += [
        Shown("job.f.client", client),
        Shown("job.f.department", f"job.dept.{job.department}", "key"),
        Shown("job.f.job_type", job.job_type),
        Shown("job.f.deadline", job.deadline.isoformat(), "when"),
        Shown("job.f.internal_deadline", job.internal_deadline.isoformat(), "when"),
        Shown("job.f.brief", excerpt),
    ]
    if job.materials_url:
        out.append(Shown("job.f.link", job.materials_url))
    return out
