"""The job request (工作单) and its follow-up modification (后续修改工作单): signed by the
requester's business supervisor (营业主管); a rejected one is edited and filed again under its
number; once approved, its card goes to its owner and to the department's channel (if set)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.rules.approvals import APPROVED, REJECTED, WITHDRAWN, Route, supervisor
from bot.rules.problems import Problem
from bot.slack.texts import Reader
from bot.slack.views import job_life as view
from bot.slack.views import jobs as job_view
from forms import job_cards
from forms.kinds import Context, FormKind, Signing, register
from forms.notices import Writer
from storage import job_life, jobs, queries
from storage.approvals import Subject
from storage.models import Approval, Job
from storage.outbox import Message

SUBJECT = Subject("job", Job, {APPROVED: "open", REJECTED: "rejected", WITHDRAWN: "withdrawn"})


def signers(_s: Session, g: Signing) -> Route | Problem:
    boss = supervisor(g.requester.user_id, g.members)
    return Route((boss.user_id,)) if boss else Problem("job.no_supervisor")


def cards(s: Session, a: Approval, now: datetime, ctx: Context) -> list[Message]:
    """Once approved: the job's card to its owner; the handoff (工作单下发) to each head of its
    department with Accept, and to the department's channel when the team set one."""
    if a.status != APPROVED or a.subject != SUBJECT.name or not a.subject_id:
        return []
    job = jobs.get(s, a.team_id, a.subject_id, fresh=True)
    if job is None or job.id is None:
        return []
    client = queries.get_client(s, a.team_id, job.client_id)
    name = client.name if client else "?"
    settings = ctx.settings
    members = {m.user_id: m for m in queries.list_members(s, a.team_id)}
    w = Writer(settings, members, now)
    parent = jobs.get(s, a.team_id, job.parent_id) if job.parent_id else None
    original = parent.number if parent else None
    r = w.reader(job.owner_id)
    text, blocks = view.card(r, job, name, [], "owner", approved_by=a.decided_by, original=original)
    key = job_cards.owner_key(job.id)
    out = [Message(a.team_id, key, "job-card", job.owner_id, text, blocks)]
    channel = ctx.team_settings.of(a.team_id).channel(f"job_channel_{job.department}")
    heads = job_life.heads(s, a.team_id, job.department)
    rc = Reader(settings.aebot_lang, settings.tz, now)
    return out + job_cards.handoff(w, job, name, heads, channel, rc, a.decided_by, original)


for _code in ("job", "job-revision"):
    register(
        FormKind(
            _code,
            signers,
            SUBJECT,
            after_reject=(job_view.RESUBMIT, "job.resubmit"),
            followers=cards,
        )
    )
