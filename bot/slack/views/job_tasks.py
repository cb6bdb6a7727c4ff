"""Block Kit of the timetable's DMs in a job's life: one per person per run, listing their
jobs (a long list cut to fit one message, the last line saying how many more).

- `accept_dm`: to a department's head, jobs nobody has accepted half a working day after
  their approval; to the owner, that they are not accepted and who was reminded.
- `internal_dm`: to the assignees and the heads, jobs half a working day from their internal
  deadline and not yet sent.
- `overdue_dm`: to the owner (their jobs) and to the owner's manager (their team's), jobs past
  the client's deadline and not signed off.
- `deadlines_dm`: the 09:00 DM of jobs due soon and overdue, with the jobs someone is assigned
  beside those they asked for (an owner's reads as it always did).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from bot.slack import blocks as bk
from bot.slack.limits import MESSAGE_MAX_BLOCKS
from bot.slack.texts import Reader
from bot.slack.views.jobs import status_name

Post = tuple[str, list[bk.Block]]


class JobFact(Protocol):
    number: str
    project: str
    department: str
    status: str
    owner_id: str
    deadline: datetime
    internal_deadline: datetime


class ClientRecord(Protocol):
    name: str


Row = tuple[JobFact, ClientRecord]


def _values(r: Reader, job: JobFact, client: ClientRecord) -> dict[str, str]:
    return {
        "number": bk.escape(job.number),
        "project": bk.escape(job.project),
        "client": bk.escape(client.name),
    }


def _message(text: str, lines: list[str], r: Reader, hint: str | None = None) -> Post:
    """One message: the lines, cut to fit (saying how many more), and the hint under them."""
    room = MESSAGE_MAX_BLOCKS - (1 if hint else 0)
    blocks = bk.cap_blocks(bk.sections(lines), r.more, max_blocks=room)
    if hint:
        blocks.append(bk.context(hint))
    return text, blocks


def accept_dm(
    r: Reader,
    to_accept: Sequence[tuple[JobFact, ClientRecord, datetime]],
    mine: Sequence[Row],
    heads: Mapping[str, Sequence[str]],
) -> Post:
    """To a head, the jobs of their department waiting to be accepted (`to_accept`, oldest
    approval first); to an owner, their jobs not accepted yet (`mine`) and which head was
    reminded, or that the department has none to remind."""
    lines: list[str] = []
    if to_accept:
        lines.append(r.t("jobremind.accept_intro"))
        lines += [
            r.t(
                "jobremind.accept_line",
                since=r.when(at),
                internal=r.when(j.internal_deadline),
                **_values(r, j, c),
            )
            for j, c, at in to_accept
        ]
    if mine:
        lines += [""] if to_accept else []
        lines.append(r.t("jobremind.accept_owner_intro"))
        lines += [_reminded_line(r, j, c, heads.get(j.department, ())) for j, c in mine]
    text = r.t("jobremind.accept_text" if to_accept else "jobremind.accept_owner_text")
    return _message(text, lines, r)


def _reminded_line(r: Reader, j: JobFact, c: ClientRecord, told: Sequence[str]) -> str:
    department = r.t(f"job.dept.{j.department}")
    if not told:
        return r.t("jobremind.accept_owner_no_head", department=department, **_values(r, j, c))
    people = r.join(f"<@{u}>" for u in told)
    return r.t(
        "jobremind.accept_owner_line", department=department, people=people, **_values(r, j, c)
    )


def internal_dm(r: Reader, rows: Sequence[Row]) -> Post:
    """To an assignee or a head: the jobs half a working day from their internal deadline."""
    lines = [r.t("jobremind.internal_intro")]
    lines += [
        r.t(
            "jobremind.internal_line",
            internal=r.when(j.internal_deadline),
            deadline=r.when(j.deadline),
            status=status_name(r, j.status),
            **_values(r, j, c),
        )
        for j, c in rows
    ]
    return _message(r.t("jobremind.internal_text"), lines, r, r.t("jobremind.step_hint"))


def overdue_dm(r: Reader, mine: Sequence[Row], team: Sequence[Row]) -> Post:
    """To an owner (their jobs) and a manager (their team's, each with its owner): the jobs past
    the client's deadline and not signed off."""
    lines: list[str] = []
    if mine:
        lines.append(r.t("jobremind.overdue_intro"))
        lines += [_overdue_line(r, j, c) for j, c in mine]
    if team:
        lines += [""] if mine else []
        lines.append(r.t("jobremind.overdue_team_intro"))
        lines += [_overdue_line(r, j, c, with_owner=True) for j, c in team]
    return _message(r.t("jobremind.overdue_text"), lines, r, r.t("jobremind.overdue_hint"))


def _overdue_line(r: Reader, j: JobFact, c: ClientRecord, *, with_owner: bool = False) -> str:
    values = {"deadline": r.when(j.deadline), "status": status_name(r, j.status)}
    values |= _values(r, j, c)
    if with_owner:
        return r.t("jobremind.overdue_team_line", owner=j.owner_id, **values)
    return r.t("jobremind.overdue_line", **values)


def deadlines_dm(
    r: Reader,
    owned: tuple[Sequence[Row], Sequence[Row]],
    assigned: tuple[Sequence[Row], Sequence[Row]],
) -> Post:
    """The morning DM: of the jobs someone asked for and of those they are assigned (each
    pair: due within one working day, overdue), the overdue ones, then those due soon, with
    both deadlines. Someone with only jobs they asked for reads the owner's DM as it was."""
    (soon, overdue), (on_soon, on_overdue) = owned, assigned
    mine, theirs = _due_lines(r, soon, overdue), _due_lines(r, on_soon, on_overdue)
    lines = [r.t("job_deadlines.intro")]
    if mine and theirs:
        lines += ["", r.t("jobremind.deadlines_owned"), *mine[1:]]
        lines += ["", r.t("jobremind.deadlines_assigned"), *theirs[1:]]
    else:
        lines += mine or theirs
    hints = [r.t("job_deadlines.close_hint")] if mine else []
    hints += [r.t("jobremind.step_hint")] if theirs else []
    n_soon, n_overdue = len(soon) + len(on_soon), len(overdue) + len(on_overdue)
    return _message(_deadlines_text(r, n_soon, n_overdue), lines, r, " ".join(hints))


def _due_lines(r: Reader, soon: Sequence[Row], overdue: Sequence[Row]) -> list[str]:
    """The overdue jobs, then those due soon, each part after an empty line."""
    lines: list[str] = []
    if overdue:
        lines += ["", r.t("job_deadlines.overdue", n=len(overdue))]
        lines += [_both_deadlines(r, j, c) for j, c in overdue]
    if soon:
        lines += ["", r.t("job_deadlines.soon", n=len(soon))]
        lines += [_both_deadlines(r, j, c) for j, c in soon]
    return lines


def _both_deadlines(r: Reader, j: JobFact, c: ClientRecord) -> str:
    return r.t(
        "job_deadlines.line",
        internal=r.when(j.internal_deadline),
        deadline=r.when(j.deadline),
        **_values(r, j, c),
    )


def _deadlines_text(r: Reader, soon: int, overdue: int) -> str:
    """The notification line: overdue and due-soon jobs, a count said only when some."""
    if soon and overdue:
        return r.t("job_deadlines.text", soon=soon, overdue=overdue)
    if overdue:
        return r.t("job_deadlines.text_overdue", n=overdue)
    return r.t("job_deadlines.text_soon", n=soon)
