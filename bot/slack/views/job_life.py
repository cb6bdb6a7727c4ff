"""A job's card as it moves (工作单 after its approval): one look for its department's heads,
its assignees, its owner and the department's channel, with the buttons the state allows.
Every step redraws every copy (forms/job_cards.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from bot.rules.job_life import CLOSED, OPEN, SIGNED
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views.jobs import (
    BRIEF_EXCERPT,
    JobRecord,
    brief_lines,
    detail_lines,
    number_of,
    status_name,
)

ACCEPT = "job_accept"  # value: the job's id
ASSIGN = "job_assign"  # opens the assign form; value: the job's id
ASSIGN_FORM = "job_assign_form"  # callback_id of the assign form
KICKOFF = "job_kickoff"  # value: the job's id
STEP = "job_step"  # opens the status form; value: the job's id
STEP_FORM = "job_step_form"  # callback_id of the status form

Audience = Literal["head", "channel", "assignee", "owner"]


def card_text(r: Reader, job: JobRecord) -> str:
    return r.t(
        "jobcard.text",
        number=job.number,
        project=bk.escape(job.project),
        status=status_name(r, job.status),
    )


def card(
    r: Reader,
    job: JobRecord,
    client: str,
    people: Sequence[str],
    audience: Audience,
    *,
    assigned_by: str | None = None,
    approved_by: str | None = None,
    original: str | None = None,
    whole_brief: bool = False,
) -> tuple[str, list[bk.Block]]:
    """The card for one audience: what the job is, where it stands and who has it; a head's
    copy and the channel's offer Accept (then Assign and Call a kick-off), everyone's offer
    Update status once the job is accepted. An assignee's first DM says who assigned them
    and carries the whole brief (`whole_brief`)."""
    head = r.t(
        "jobcard.head",
        number=number_of(job),
        project=bk.escape(job.project),
        status=status_name(r, job.status),
    )
    out: list[bk.Block] = [bk.section(head)]
    if original:
        out.append(bk.context(r.t("jobcard.revision_of", original=f"`{bk.escape(original)}`")))
    if audience == "head" and job.status == OPEN:
        department = r.t(f"job.dept.{job.department}")
        out.append(bk.context(r.t("jobcard.to_head", department=department)))
    if audience == "assignee" and assigned_by:
        out.append(bk.context(r.t("jobcard.to_assignee", by=assigned_by)))
    lines = detail_lines(r, job, client)
    if approved_by:
        lines.append(r.t("job.line.approved_by", by=approved_by))
    if job.accepted_by and job.accepted_at:
        lines.append(r.t("jobcard.accepted_by", user=job.accepted_by, when=r.when(job.accepted_at)))
    if people:
        lines.append(r.t("jobcard.assignees", people=r.join(f"<@{u}>" for u in people)))
    elif job.status != OPEN:
        lines.append(r.t("jobcard.nobody_yet"))
    if job.signed_by_client and job.signed_on and job.status in (SIGNED, CLOSED):
        who = bk.escape(job.signed_by_client)
        lines.append(r.t("jobcard.signed", who=who, day=r.day(job.signed_on)))
    brief = job.brief if whole_brief else bk.clip(job.brief, BRIEF_EXCERPT)
    out += bk.sections(lines + brief_lines(r, brief))
    buttons = _buttons(r, job, audience)
    blocks = bk.cap_blocks(out, r.more, max_blocks=bk.MESSAGE_MAX_BLOCKS - 1)
    return card_text(r, job), blocks + ([bk.actions(*buttons)] if buttons else [])


def _buttons(r: Reader, job: JobRecord, audience: Audience) -> list[bk.Block]:
    value = str(job.id or "")
    if job.status == OPEN:
        if audience in ("head", "channel"):
            return [bk.button(r.t("jobcard.accept_btn"), ACCEPT, value, "primary")]
        return []
    if job.status == CLOSED:
        return []
    buttons = [bk.button(r.t("jobcard.step_btn"), STEP, value)]
    if audience in ("head", "channel"):
        buttons += [
            bk.button(r.t("jobcard.assign_btn"), ASSIGN, value),
            bk.button(r.t("jobcard.kickoff_btn"), KICKOFF, value),
        ]
    return buttons
