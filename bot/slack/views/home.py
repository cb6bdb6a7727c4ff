"""The App Home tab: what waits for the person's decision (with the buttons), their open jobs,
their clients due today and their last contacts; and the morning DM of jobs due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.rules.action_items import ItemRecord
from bot.rules.clients import ClientRecord
from bot.rules.contacts import ContactRecord, Due
from bot.slack import blocks as bk
from bot.slack.limits import MESSAGE_MAX_BLOCKS, VIEW_MAX_BLOCKS
from bot.slack.texts import Reader
from bot.slack.views import action_items as item_view
from bot.slack.views.approvals import ApprovalRecord, request_blocks
from bot.slack.views.contacts import kind_label, nudge
from bot.slack.views.reports import Row, owing_part

DUE_SHOWN = 20
JOBS_SHOWN = 20
REST_TEXT = bk.TEXT_PER_MESSAGE * 2 // 3  # what all but the waiting requests may hold


class JobRecord(Protocol):
    number: str
    project: str
    deadline: datetime
    internal_deadline: datetime


JobRow = tuple[JobRecord, ClientRecord]


def job_line(r: Reader, job: JobRecord, client: ClientRecord, *, both: bool = False) -> str:
    """One job: its number, project and client, its internal deadline (and the client's)."""
    values = {
        "number": bk.escape(job.number),
        "project": bk.escape(job.project),
        "client": bk.escape(client.name),
        "internal": r.when(job.internal_deadline),
    }
    if both:
        return r.t("job_deadlines.line", deadline=r.when(job.deadline), **values)
    key = "home.job_line_overdue" if job.internal_deadline < r.now else "home.job_line"
    return r.t(key, **values)


def deadlines_dm(
    r: Reader, soon: Sequence[JobRow], overdue: Sequence[JobRow]
) -> tuple[str, list[bk.Block]]:
    """The morning DM to a job's owner: the overdue jobs, then those due within one working
    day, both deadlines of each."""
    lines = [r.t("job_deadlines.intro")]
    if overdue:
        lines += ["", r.t("job_deadlines.overdue", n=len(overdue))]
        lines += [job_line(r, j, c, both=True) for j, c in overdue]
    if soon:
        lines += ["", r.t("job_deadlines.soon", n=len(soon))]
        lines += [job_line(r, j, c, both=True) for j, c in soon]
    blocks = bk.cap_blocks(bk.sections(lines), r.more, max_blocks=MESSAGE_MAX_BLOCKS - 1)
    blocks.append(bk.context(r.t("job_deadlines.close_hint")))
    return _deadlines_text(r, len(soon), len(overdue)), blocks


def _deadlines_text(r: Reader, soon: int, overdue: int) -> str:
    """The notification line: overdue and due-soon jobs, a count said only when some."""
    if soon and overdue:
        return r.t("job_deadlines.text", soon=soon, overdue=overdue)
    if overdue:
        return r.t("job_deadlines.text_overdue", n=overdue)
    return r.t("job_deadlines.text_soon", n=soon)


def _jobs_part(r: Reader, jobs: Sequence[JobRow]) -> list[bk.Block]:
    if not jobs:
        return []
    lines = [r.t("home.my_jobs", n=len(jobs))]
    lines += [job_line(r, j, c) for j, c in jobs[:JOBS_SHOWN]]
    out = [bk.divider(), *bk.sections(lines)]
    if len(jobs) > JOBS_SHOWN:
        out.append(bk.context(r.more(len(jobs) - JOBS_SHOWN)))
    return out


def _waiting_part(
    r: Reader,
    waiting: Sequence[tuple[ApprovalRecord, str | None]],
    approver: bool,
    room: tuple[int, int],
) -> list[bk.Block]:
    """The requests waiting for the person, each whole with Approve / Reject, within `room`
    (blocks, characters of text); the last line says how many more wait."""
    if not waiting:
        return [bk.section(r.t("home.waiting_none"))] if approver else []
    intro = bk.section(r.t("home.waiting", n=len(waiting)))
    requests = [request_blocks(r, a, note=note) for a, note in waiting]
    blocks, chars = room[0] - 2, room[1] - bk.text_size(intro)  # the intro and the divider
    shown = bk.cap_blocks(requests, r.more, max_blocks=blocks, max_text=chars)
    return [intro, *shown, bk.divider()]


def home_view(
    r: Reader,
    *,
    member: bool,
    day_off: bool,
    owns_clients: bool,
    due: Sequence[Due[Any]],
    recent: Sequence[tuple[ContactRecord, ClientRecord]],
    jobs: Sequence[JobRow] = (),
    waiting: Sequence[tuple[ApprovalRecord, str | None]] = (),
    approver: bool = False,
    items: Sequence[tuple[ItemRecord, str, datetime | None]] = (),
    owing: Sequence[Row] = (),
) -> dict[str, Any]:
    """The Home, within Slack's 100 blocks and the text a message may carry (Slack's total,
    bot/slack/blocks.py): the requests waiting for a decision get the room the rest leaves (a
    line says how many more wait); the rest takes two thirds of it at most."""
    head: list[bk.Block] = [
        bk.header(r.t("home.title", date=r.day(r.now.astimezone(r.zone).date())))
    ]
    if not member:
        head.append(bk.section(r.t("home.not_member")))
    if day_off:
        head.append(bk.context(r.t("home.day_off")))
    rest: list[bk.Block] = item_view.due_part(r, list(items), limit=item_view.HOME_SHOWN)
    if due:
        rest += nudge(r, due[:DUE_SHOWN])
        if len(due) > DUE_SHOWN:
            rest.append(bk.context(r.more(len(due) - DUE_SHOWN)))
    elif owns_clients:
        rest.append(bk.section(r.t("home.none_due")))
    rest += owing_part(r, owing[:DUE_SHOWN])
    rest += _jobs_part(r, jobs)
    rest += [bk.divider(), bk.section(r.t("home.recent"))]
    if not recent:
        rest.append(bk.context(r.t("home.no_recent")))
    for contact, c in recent:
        line = r.t(
            "home.recent_line",
            when=r.when(contact.at),
            kind=kind_label(r, contact.kind),
            client=bk.escape(c.name),
            code=bk.escape(c.code),
            summary=bk.escape(bk.clip(contact.summary, 200)),
        )
        rest.append(bk.context(line))
    rest = bk.cap_blocks(rest, r.more, max_blocks=VIEW_MAX_BLOCKS // 2, max_text=REST_TEXT)
    room = (
        VIEW_MAX_BLOCKS - len(head) - len(rest),
        bk.TEXT_PER_MESSAGE - bk.text_size(head) - bk.text_size(rest),
    )
    return {"type": "home", "blocks": [*head, *_waiting_part(r, waiting, approver, room), *rest]}
