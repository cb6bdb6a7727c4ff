"""Job requests (工作单): departments, job numbers (工作号), what makes a request unfit to open,
who may close one, and which open jobs are due soon or overdue."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import NamedTuple, Protocol, TypeVar

from bot.rules.job_life import LIVE, NOT_SENT
from bot.rules.problems import Problem
from bot.rules.working_time import WorkingHours, add_working_days

# Department code → job-number prefix, in display order.
DEPARTMENTS: Mapping[str, str] = MappingProxyType(
    {
        "creative": "CR",
        "design": "DS",
        "production": "PR",
        "media": "MD",
        "planning": "PL",
        "other": "OT",
    }
)
DEPARTMENT_NAMES_ZH: Mapping[str, str] = MappingProxyType(
    {
        "creative": "创意",
        "design": "设计",
        "production": "制作",
        "media": "媒介",
        "planning": "策划",
        "other": "其他",
    }
)
JOB_STATUSES = ("pending", *LIVE, "rejected", "withdrawn", "closed")

_BY_PREFIX = {prefix: code for code, prefix in DEPARTMENTS.items()}
_BY_ZH = {name: code for code, name in DEPARTMENT_NAMES_ZH.items()}
_JOB_NUMBER = re.compile(r"([A-Z]{2})-(\d{4})(\d{2})-(\d+)(?:-R([1-9]\d*))?")


class JobNumber(NamedTuple):
    """A job number's parts; `department` is the department code ("creative")."""

    department: str
    year: int
    month: int
    seq: int
    revision: int = 0


def department_of(word: str) -> str | None:
    """The department code for what someone typed: the code ("creative"), the prefix in any
    case ("CR", "cr") or the Chinese name ("创意", also "创意部"); None otherwise."""
    w = unicodedata.normalize("NFKC", word).strip()
    if w.lower() in DEPARTMENTS:
        return w.lower()
    if w.upper() in _BY_PREFIX:
        return _BY_PREFIX[w.upper()]
    return _BY_ZH.get(w.removesuffix("部"))


def job_number(department: str, year: int, month: int, seq: int, revision: int = 0) -> str:
    """The job number, e.g. "CR-202611-07": prefix, year and two-digit month, the department's
    sequence in that month (at least two digits), and "-R1", "-R2"… for follow-up revisions.
    `department` is a code or anything `department_of` reads."""
    code = department_of(department)
    if code is None:
        raise ValueError(f"unknown department {department!r}")
    if not 1000 <= year <= 9999 or not 1 <= month <= 12:
        raise ValueError(f"bad year/month {year}/{month}")
    if seq < 1 or revision < 0:
        raise ValueError(f"bad sequence {seq} or revision {revision}")
    suffix = f"-R{revision}" if revision else ""
    return f"{DEPARTMENTS[code]}-{year:04d}{month:02d}-{seq:02d}{suffix}"


def parse_job_number(text: str) -> JobNumber | None:
    """The parts of a typed job number (any case, surrounding spaces ignored), or None."""
    m = _JOB_NUMBER.fullmatch(unicodedata.normalize("NFKC", text).strip().upper())
    if m is None or m.group(1) not in _BY_PREFIX:
        return None
    year, month, seq = int(m.group(2)), int(m.group(3)), int(m.group(4))
    if not 1 <= month <= 12 or seq < 1:
        return None
    return JobNumber(_BY_PREFIX[m.group(1)], year, month, seq, int(m.group(5) or 0))


def next_seq(taken: Iterable[int]) -> int:
    """The next sequence number: one past the highest taken (numbers are never reused)."""
    return max(taken, default=0) + 1


def brief_problem(brief: str, min_chars: int) -> Problem | None:
    """What is wrong with a brief: blank, or shorter than `min_chars` characters once stripped
    (characters, so each Chinese character counts one)."""
    text = brief.strip()
    if not text:
        return Problem("job.brief_empty")
    if len(text) < min_chars:
        return Problem("job.brief_too_short", {"n": len(text), "min": min_chars})
    return None


def deadline_problem(deadline: datetime, now: datetime) -> Problem | None:
    """A deadline that is not in the future is a problem."""
    return Problem("job.deadline_past", {}) if deadline <= now else None


def may_change_job(user: str, owner: str, owner_manager: str | None, admin: bool) -> bool:
    """The job's owner, the owner's manager, or an admin may close a job (消单) or file a
    follow-up modification of it (后续修改)."""
    return admin or user == owner or (owner_manager is not None and user == owner_manager)


class JobLike(Protocol):
    @property
    def internal_deadline(self) -> datetime: ...

    @property
    def status(self) -> str: ...


J = TypeVar("J", bound=JobLike)


def due_soon(jobs: Iterable[J], now: datetime, wh: WorkingHours) -> tuple[list[J], list[J]]:
    """Of the open jobs: those due within one working day (internal deadline from `now` to
    one working day later, inclusive) and those overdue (internal deadline before `now`),
    each sorted by internal deadline."""
    horizon = add_working_days(now, 1, wh)
    open_jobs = sorted((j for j in jobs if j.status in NOT_SENT), key=lambda j: j.internal_deadline)
    soon = [j for j in open_jobs if now <= j.internal_deadline <= horizon]
    overdue = [j for j in open_jobs if j.internal_deadline < now]
    return soon, overdue
