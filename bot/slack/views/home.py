"""The App Home tab: what waits for the person's decision (with the buttons), their live jobs
with their state (those they work on, those they asked for, their department's), their clients
due today and their last contacts; and the morning DM of jobs due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.rules.action_items import ItemRecord
from bot.rules.clients import ClientRecord
from bot.rules.contacts import ContactRecord, Due
from bot.rules.job_life import NOT_SENT, SIGNED
from bot.slack import blocks as bk
from bot.slack.limits import VIEW_MAX_BLOCKS
from bot.slack.texts import Reader
from bot.slack.views import action_items as item_view
from bot.slack.views.approvals import ApprovalRecord, request_blocks
from bot.slack.views.clients import StagedClient, status_text
from bot.slack.views.contacts import kind_label, nudge
from bot.slack.views.jobs import department_name, status_name
from bot.slack.views.reports import Row, owing_part

DUE_SHOWN = 20
JOBS_SHOWN = 20  # job lines on the Home, shared by its groups
PEOPLE_SHOWN = 8  # assignees named on one job's line
# the groups of my jobs, in the Home's order: how I am on the job, and its title
JOB_GROUPS = (("assignee", "home.jobs_assigned"), ("owner", "home.jobs_asked"), ("head", ""))
REST_TEXT = bk.TEXT_PER_MESSAGE * 2 // 3  # what all but the waiting requests may hold


class JobRecord(Protocol):
    number: str
    project: str
    deadline: datetime
    internal_deadline: datetime


JobRow = tuple[JobRecord, ClientRecord]


class LiveJob(JobRecord, Protocol):
    status: str
    department: str


# a live job of mine: the job, its client, how I am on it (owner, assignee, head), its assignees
MyJob = tuple[LiveJob, ClientRecord, str, Sequence[str]]


def _jobs_part(r: Reader, jobs: Sequence[MyJob]) -> list[bk.Block]:
    """My live jobs by how I am on them: those I work on, those I asked for, my department's
    (a head's); each group gets its share of the lines, the rest counted."""
    groups = [(key, [x for x in jobs if x[2] == how]) for how, key in JOB_GROUPS]
    groups = [(key, group) for key, group in groups if group]
    if not groups:
        return []
    share = JOBS_SHOWN // len(groups)
    out = [bk.divider()]
    for key, group in groups:
        title = r.t(key) if key else _department_title(r, group)
        out += bk.sections([title, *(_state_line(r, *x) for x in group[:share])])
        if len(group) > share:
            out.append(bk.context(r.more(len(group) - share)))
    return out


def _department_title(r: Reader, group: Sequence[MyJob]) -> str:
    return r.t("home.jobs_department", department=department_name(r, group[0][0].department))


def _state_line(
    r: Reader, job: LiveJob, client: ClientRecord, how: str, people: Sequence[str]
) -> str:
    """One job: number, project, client, state, internal deadline (overdue said); for its owner
    and its head, who has it."""
    key = "home.job_state_overdue" if _late(job, r.now) else "home.job_state"
    line = r.t(
        key,
        number=bk.escape(job.number),
        project=bk.escape(bk.clip(job.project, 80)),
        client=bk.escape(bk.clip(client.name, 60)),
        state=status_name(r, job.status),
        internal=r.when(job.internal_deadline),
    )
    if how == "assignee":
        return line
    if not people:
        return f"{line} · {r.t('home.job_nobody')}"
    named = r.join(f"<@{u}>" for u in people[:PEOPLE_SHOWN])
    named += "…" if len(people) > PEOPLE_SHOWN else ""
    return f"{line} · {r.t('home.job_people', people=named)}"


def _late(job: LiveJob, now: datetime) -> bool:
    """Past its internal deadline and not yet sent, or past the client's and not signed off."""
    if job.status in NOT_SENT and job.internal_deadline < now:
        return True
    return job.status != SIGNED and job.deadline < now


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


def _resting_part(r: Reader, clients: Sequence[StagedClient]) -> list[bk.Block]:
    """My clients that are not active (prospects, paused, ended), with since when and why."""
    if not clients:
        return []
    lines = [
        r.t("cstatus.home_line", name=bk.escape(c.name), status=status_text(r, c))
        for c in clients[:DUE_SHOWN]
    ]
    more = [bk.context(r.more(len(clients) - DUE_SHOWN))] if len(clients) > DUE_SHOWN else []
    return [bk.context(r.t("cstatus.home_title")), *map(bk.context, lines), *more]


def home_view(
    r: Reader,
    *,
    member: bool,
    day_off: bool,
    owns_clients: bool,
    due: Sequence[Due[Any]],
    recent: Sequence[tuple[ContactRecord, ClientRecord]],
    jobs: Sequence[MyJob] = (),
    waiting: Sequence[tuple[ApprovalRecord, str | None]] = (),
    approver: bool = False,
    items: Sequence[tuple[ItemRecord, str, datetime | None]] = (),
    owing: Sequence[Row] = (),
    resting: Sequence[StagedClient] = (),
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
    rest += _resting_part(r, resting)
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
