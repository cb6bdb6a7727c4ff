"""What the Friday report's week is read from (bot/rules/week.py): the people, their clients and
the week's rows (contacts, open contact reports, jobs, overtime, notes, leave, funnel changes,
receivables, the client log, the hours recorded on jobs), as plain records that storage fills (storage/week.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.rules.action_items import Tally
from bot.rules.working_time import WorkingHours


@dataclass(frozen=True)
class Person:
    user_id: str
    name: str
    role: str
    manager_id: str | None


@dataclass(frozen=True)
class ClientRow:
    id: int
    name: str
    code: str
    owner_id: str
    cadence_days: int
    added_on: date  # in the workspace's zone
    stage: str = "prospect"
    status: str = "active"  # the client's life (bot/rules/client_status.py)
    status_since: date | None = None


@dataclass(frozen=True)
class Contact:
    client_id: int
    author_id: str
    kind: str
    day: date  # in the workspace's zone


@dataclass(frozen=True)
class OpenReport:
    """A meeting or visit whose contact report is not sent."""

    client_id: int
    author_id: str
    kind: str
    at: datetime


@dataclass(frozen=True)
class JobRow:
    number: str
    owner_id: str
    client_id: int
    revision: int
    status: str
    created_at: datetime
    closed_at: datetime | None
    internal_deadline: datetime


@dataclass(frozen=True)
class Overtime:
    """An approved overtime form: who stayed, how long, filed late or not."""

    members: tuple[str, ...]
    minutes: int
    late: bool


@dataclass(frozen=True)
class Note:
    user_id: str
    kind: str  # client problems suggestions
    client_id: int | None
    text: str


@dataclass(frozen=True)
class LeaveSpan:
    user_id: str
    first: date
    last: date


@dataclass(frozen=True)
class StageChange:
    client_id: int
    from_stage: str
    to_stage: str
    by: str
    at: datetime


@dataclass(frozen=True)
class Owed:
    client_id: int
    amount: str
    due: date
    note: str = ""


@dataclass(frozen=True)
class LogRow:
    """A client's contacts in the month of the client log."""

    client_id: int
    contacts: int
    last: date | None


@dataclass(frozen=True)
class JobHoursRow:
    """A job's hours recorded in the week (人员工时记录表), summed over its people."""

    number: str
    project: str
    client_id: int
    client: str
    owner_id: str
    department: str
    status: str
    minutes: int


@dataclass(frozen=True)
class WeekInput:
    monday: date
    start: datetime  # Monday 00:00 in the workspace's zone
    days: tuple[date, ...]  # the working days counted: Monday up to the report's day
    now: datetime  # when it is compiled (aware)
    people: Sequence[Person]
    clients: Sequence[ClientRow]
    contacts: Sequence[Contact] = ()
    open_reports: Sequence[OpenReport] = ()
    jobs: Sequence[JobRow] = ()
    overtime: Sequence[Overtime] = ()
    notes: Sequence[Note] = ()
    leave: Sequence[LeaveSpan] = ()
    changes: Sequence[StageChange] = ()
    owed: Sequence[Owed] = ()
    log_month: tuple[int, int] | None = None  # (year, month) of the client log, if this week
    log: Sequence[LogRow] = ()
    # The working day and its calendar: a contact report is overdue once its clock says so
    # (48 hours, days off not eating the author's time: bot/rules/contacts.py report_clock).
    hours: WorkingHours | None = None
    items: Mapping[str, Tally] = field(default_factory=dict)  # action items, by owner
    job_hours: Sequence[JobHoursRow] = ()  # each job's hours recorded Monday to Sunday
    prospect_days: int = 5  # a prospect is due a call this often (a team setting)
