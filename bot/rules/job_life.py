"""A job's life after its approval (001: 工作单下发，并不代表着工作结束，它只是一个开始): its
states, who may move it where, what `sent` needs first (an internal review and proofreading),
the sign-off and closing, and the hours people record against it (人员工时记录表).

Pure rules: the handlers and the timetable ask them, storage records what they allow.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Protocol

from bot.rules.problems import Problem

# The states of an approved job, in order. "open" is approved and waiting for its department
# to accept it (the name it had before jobs had a life).
OPEN, ACCEPTED, PROGRESS, REVIEW, SENT, REVISING, SIGNED, CLOSED = (
    "open",
    "accepted",
    "progress",
    "review",
    "sent",
    "revising",
    "signed",
    "closed",
)
LIVE = (OPEN, ACCEPTED, PROGRESS, REVIEW, SENT, REVISING, SIGNED)  # approved, not closed
WORKING = (ACCEPTED, PROGRESS, REVIEW, REVISING)  # in the department's hands, not yet sent
NOT_SENT = (OPEN, *WORKING)  # its internal deadline still counts
ORDER = (OPEN, ACCEPTED, PROGRESS, REVIEW, SENT, REVISING, SIGNED, CLOSED)

# What each state may become by a step (`/job status`, the buttons); accepting and closing
# have their own ways in.
NEXT: dict[str, frozenset[str]] = {
    ACCEPTED: frozenset({PROGRESS, REVIEW}),
    PROGRESS: frozenset({REVIEW}),
    REVIEW: frozenset({PROGRESS, SENT}),
    SENT: frozenset({SIGNED, REVISING}),
    REVISING: frozenset({PROGRESS, REVIEW}),
}
# The words of `/job status NUMBER WORD`: the step and the state it leads to.
STEP_WORDS: dict[str, str] = {
    "progress": PROGRESS,
    "进行中": PROGRESS,
    "制作中": PROGRESS,
    "review": REVIEW,
    "审稿": REVIEW,
    "内部审稿": REVIEW,
    "sent": SENT,
    "send": SENT,
    "已送客户": SENT,
    "送客户": SENT,
    "signed": SIGNED,
    "签发": SIGNED,
    "签字": SIGNED,
    "revise": REVISING,
    "revising": REVISING,
    "客户修改": REVISING,
    "修改": REVISING,
}
PROOFREAD_FLAGS = ("--proofread", "--已校对", "已校对")

MIN_MINUTES, MAX_MINUTES = 15, 16 * 60  # 0.25 to 16 hours on one day
NOTE_MAX = 2000


class JobState(Protocol):
    @property
    def status(self) -> str: ...

    @property
    def owner_id(self) -> str: ...

    @property
    def department(self) -> str: ...


@dataclass(frozen=True)
class Crew:
    """Who is on a job: its owner (the AE), the heads of its department, its assignees."""

    owner: str
    heads: frozenset[str]
    assignees: frozenset[str]

    def on(self, user: str) -> bool:
        return user == self.owner or user in self.heads or user in self.assignees

    @property
    def people(self) -> list[str]:
        """Everyone on the job, each once: its owner, its assignees, its heads."""
        return list(dict.fromkeys([self.owner, *sorted(self.assignees), *sorted(self.heads)]))


@dataclass(frozen=True)
class Step:
    """One step recorded on a job, as the rules read them back: which, by whom, when."""

    action: str
    actor: str
    at: datetime
    note: str = ""


def step_of(word: str) -> str | None:
    """The state a typed step word leads to ("review", "审稿"…), or None."""
    return STEP_WORDS.get(word.strip().lower())


def may_accept(user: str, heads: Collection[str], admin: bool) -> bool:
    """A head of the job's department (role dh), or an admin, accepts it and assigns it."""
    return admin or user in heads


def may_move(user: str, crew: Crew, admin: bool) -> bool:
    """The assignees, the department's heads and the owner move a job; an admin too."""
    return admin or crew.on(user)


def reviewed(steps: Iterable[Step], crew: Crew) -> bool:
    """Whether the work as it stands had its internal review (组织内部审稿): a `review` step
    with a note by someone who is not an assignee, since the client last asked for changes."""
    ok = False
    for step in steps:
        if step.action == REVISING:
            ok = False
        elif step.action == REVIEW and step.note.strip() and step.actor not in crew.assignees:
            ok = True
    return ok


def move_problem(
    job: JobState,
    to: str,
    user: str,
    crew: Crew,
    admin: bool,
    steps: Iterable[Step],
    *,
    note: str = "",
    proofread: bool = False,
    signed_by: str = "",
) -> Problem | None:
    """Why `user` may not move `job` to `to` now (None: they may). The job must be in a state
    that leads there; only its crew (or an admin) moves it; `sent` needs the internal review
    and the proofreading confirmation; `signed` is the owner's, and says who signed."""
    if not may_move(user, crew, admin):
        return Problem("jobstep.not_on_job", {"owner": job.owner_id})
    if job.status == OPEN:
        return Problem("jobstep.not_accepted")
    if to not in NEXT.get(job.status, frozenset()):
        return Problem("jobstep.not_from", {"status": job.status, "to": to})
    if to == REVIEW and user not in crew.assignees and not note.strip():
        return Problem("jobstep.review_needs_note")
    if to == SENT:
        if not reviewed(steps, crew):
            return Problem("jobstep.sent_needs_review")
        if not proofread:
            return Problem("jobstep.sent_needs_proofread")
    if to == SIGNED:
        if user != job.owner_id and not admin:
            return Problem("jobstep.signed_owner_only", {"owner": job.owner_id})
        if not signed_by.strip():
            return Problem("jobstep.signed_needs_who")
    if len(note) > NOTE_MAX:
        return Problem("jobstep.note_too_long", {"n": len(note), "max": NOTE_MAX})
    return None


def close_problem(
    job: JobState, user: str, owner_manager: str | None, admin: bool, reason: str
) -> Problem | None:
    """Why `user` may not close (消单) `job`: a signed-off job is closed by its owner, their
    manager or an admin; one not signed off only by the manager or an admin, with the reason
    ("closed without sign-off: …")."""
    manager = admin or (owner_manager is not None and user == owner_manager)
    if user != job.owner_id and not manager:
        return Problem("job.close_not_allowed", {"owner": job.owner_id})
    if job.status == CLOSED or job.status not in LIVE:
        return Problem("job.close_not_open", {"status": job.status})
    if job.status == SIGNED:
        return None
    if not manager:
        return Problem("job.close_needs_sign_off")
    if not reason.strip():
        return Problem("job.close_needs_reason")
    return None


def read_hours(typed: str) -> int | Problem:
    """Hours as typed ("3.5", "3,5", "２") in minutes, from 0.25 to 16 hours."""
    text = typed.strip().replace("，", ".").replace(",", ".").replace("h", "").replace("小时", "")
    try:
        hours = Decimal(text)
    except InvalidOperation:
        return Problem("jobhours.not_a_number", {"typed": typed[:20]})
    if not hours.is_finite():
        return Problem("jobhours.not_a_number", {"typed": typed[:20]})
    minutes = int((hours * 60).to_integral_value())
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        return Problem("jobhours.out_of_bounds", {"typed": typed[:20]})
    return minutes


def hours_text(minutes: int) -> str:
    """Minutes as hours the way people write them: 3.5, 0.25, 8."""
    return f"{Decimal(minutes) / 60:.2f}".rstrip("0").rstrip(".")


def hours_day_problem(day: date, today: date, earliest: date) -> Problem | None:
    """Hours are for a day that has come, and not before the job was filed."""
    if day > today:
        return Problem("jobhours.future")
    if day < earliest:
        return Problem("jobhours.before_job")
    return None
