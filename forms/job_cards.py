"""A job's cards as outbox messages, and every delivered copy redrawn after a step.

Keys: `job-card:{id}` (the owner's, since the job was approved), `job-channel:{id}` (the
department's channel, when the team set one), `job-head:{id}:{user}` (each head of the
department) and `job-assignee:{id}:{user}` (each assignee, once assigned)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime

from sqlmodel import Session

from bot.settings import Settings
from bot.slack.texts import Reader
from bot.slack.views import job_life as view
from forms.notices import Writer
from storage import job_life, outbox, queries
from storage.models import Approval, Job, Member
from storage.outbox import Message

Update = Callable[[str, str, str, list], object]  # channel, ts, text, blocks (Sender.update)


def owner_key(job_id: int) -> str:
    return f"job-card:{job_id}"


def channel_key(job_id: int) -> str:
    return f"job-channel:{job_id}"


def head_key(job_id: int, user: str) -> str:
    return f"job-head:{job_id}:{user}"


def assignee_key(job_id: int, user: str) -> str:
    return f"job-assignee:{job_id}:{user}"


def _audience(key: str, job_id: int) -> view.Audience | None:
    if key == owner_key(job_id):
        return "owner"
    if key == channel_key(job_id):
        return "channel"
    if key.startswith(f"job-head:{job_id}:"):
        return "head"
    if key.startswith(f"job-assignee:{job_id}:"):
        return "assignee"
    return None


def handoff(
    w: Writer,
    job: Job,
    client: str,
    heads: Sequence[Member],
    channel: str | None,
    rc: Reader,
    approved_by: str | None,
    original: str | None = None,
) -> list[Message]:
    """Once approved: each head of the department gets the card with Accept, and so does the
    department's channel (if set)."""
    assert job.id is not None
    out = []
    for head in heads:
        r = w.reader(head.user_id)
        text, blocks = view.card(
            r, job, client, [], "head", approved_by=approved_by, original=original
        )
        key = head_key(job.id, head.user_id)
        out.append(Message(job.team_id, key, "job-handoff", head.user_id, text, blocks))
    if channel:
        text, blocks = view.card(
            rc, job, client, [], "channel", approved_by=approved_by, original=original
        )
        out.append(Message(job.team_id, channel_key(job.id), "job-channel", channel, text, blocks))
    return out


def to_assignees(
    w: Writer, job: Job, client: str, people: Sequence[str], new: Sequence[str], by: str
) -> list[Message]:
    """Each newly assigned person gets the card with the whole brief and the materials."""
    assert job.id is not None
    out = []
    for user in new:
        r = w.reader(user)
        text, blocks = view.card(
            r, job, client, people, "assignee", assigned_by=by, whole_brief=True
        )
        key = assignee_key(job.id, user)
        out.append(Message(job.team_id, key, "job-assigned", user, text, blocks))
    return out


def redraw(
    s: Session,
    settings: Settings,
    job: Job,
    now: datetime,
    update: Update,
    *,
    skip: str | None = None,
    fresh: Collection[str] = (),
) -> int:
    """Every delivered card of the job drawn as the job stands now (the message `skip`, a ts,
    is left to the click that answers it; the copies whose keys are `fresh` were queued with
    this very step, drawn as the job stands, and are not edited); returns how many were
    redrawn."""
    assert job.id is not None
    jid = job.id
    keys = [owner_key(jid), channel_key(jid), f"job-head:{jid}:", f"job-assignee:{jid}:"]
    shown = [m for m in outbox.delivered(s, job.team_id, keys) if _audience(m.key, jid)]
    if not shown:
        return 0
    members: Mapping[str, Member] = {m.user_id: m for m in queries.list_members(s, job.team_id)}
    client = queries.get_client(s, job.team_id, job.client_id)
    people = job_life.assignees(s, job.team_id, [jid]).get(jid, [])
    approval = s.get(Approval, job.approval_id) if job.approval_id else None
    approved_by = approval.decided_by if approval is not None else None
    parent = s.get(Job, job.parent_id) if job.parent_id else None
    w = Writer(settings, members, now)
    rc = Reader(settings.aebot_lang, settings.tz, now)
    n = 0
    for message in shown:
        audience = _audience(message.key, jid)
        if audience is None or not message.conversation or not message.ts or message.ts == skip:
            continue
        if message.key in fresh:
            continue
        r = rc if audience == "channel" else w.reader(message.recipient)
        name = client.name if client else "?"
        text, blocks = view.card(
            r,
            job,
            name,
            people,
            audience,
            approved_by=approved_by,
            original=parent.number if parent else None,
            whole_brief=audience == "assignee",
        )
        update(message.conversation, message.ts, text, blocks)
        n += 1
    return n
