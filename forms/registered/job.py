"""The job request (工作单) and its follow-up modification (后续修改工作单): signed by the
requester's business supervisor (营业主管); a rejected one is edited and filed again under its
number; once approved, its card goes to its owner and to the department's channel (if set)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.rules.approvals import APPROVED, REJECTED, WITHDRAWN, Route, supervisor
from bot.rules.problems import Problem
from bot.slack.texts import Reader
from bot.slack.views import jobs as view
from forms.kinds import Context, FormKind, Signing, register
from storage import jobs, queries
from storage.approvals import Subject
from storage.models import Approval, Job
from storage.outbox import Message

SUBJECT = Subject("job", Job, {APPROVED: "open", REJECTED: "rejected", WITHDRAWN: "withdrawn"})


def signers(_s: Session, g: Signing) -> Route | Problem:
    boss = supervisor(g.requester.user_id, g.members)
    return Route((boss.user_id,)) if boss else Problem("job.no_supervisor")


def cards(s: Session, a: Approval, now: datetime, ctx: Context) -> list[Message]:
    """Once approved: the job's card to its owner and, when the team set one, to the
    department's channel."""
    if a.status != APPROVED or a.subject != SUBJECT.name or not a.subject_id:
        return []
    job = jobs.get(s, a.team_id, a.subject_id, fresh=True)
    if job is None or job.id is None:
        return []
    client = queries.get_client(s, a.team_id, job.client_id)
    name = client.name if client else "?"
    parent = jobs.get(s, a.team_id, job.parent_id) if job.parent_id else None
    original = parent.number if parent else None
    settings = ctx.settings
    owner = queries.get_member(s, a.team_id, job.owner_id)
    r = Reader.of(owner, settings.aebot_lang, settings.tz, now)
    text, blocks = view.card(r, job, name, a.decided_by, original)
    out = [Message(a.team_id, f"job-card:{job.id}", "job-card", job.owner_id, text, blocks)]
    channel = ctx.team_settings.of(a.team_id).channel(f"job_channel_{job.department}")
    if channel:
        rc = Reader(settings.aebot_lang, settings.tz, now)
        text, blocks = view.card(rc, job, name, a.decided_by, original)
        out.append(
            Message(a.team_id, f"job-channel:{job.id}", "job-channel", channel, text, blocks)
        )
    return out


for _code in ("job", "job-revision"):
    register(
        FormKind(
            _code,
            signers,
            SUBJECT,
            after_reject=(view.RESUBMIT, "job.resubmit"),
            followers=cards,
        )
    )
