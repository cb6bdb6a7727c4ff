"""What the Friday report says (bot/rules/week.py compiles it): per AE the week's clients,
contacts, jobs, overtime, notes, receivables and funnel; the managers' people; the totals; the
month's client log when the week carries it; each job's hours this week.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.rules.action_items import Tally
from bot.rules.week_input import (
    ClientRow,
    JobHoursRow,
    JobRow,
    LogRow,
    OpenReport,
    Person,
    StageChange,
)


@dataclass(frozen=True)
class ClientWeek:
    client: ClientRow
    required: int  # days a contact was due
    days: int  # distinct days it was contacted
    contacts: int  # contacts logged on it (by anyone)
    note: str | None

    @property
    def short(self) -> int:
        return max(0, self.required - self.days)


@dataclass(frozen=True)
class Monitored:
    client: ClientRow
    amount: str
    due: date
    months: int  # whole months overdue
    note: str


@dataclass
class AeWeek:
    person: Person
    clients: list[ClientWeek] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)  # the AE's own contacts
    reports_overdue: list[tuple[OpenReport, str]] = field(default_factory=list)  # with client
    opened: list[JobRow] = field(default_factory=list)
    revised: list[JobRow] = field(default_factory=list)
    closed: list[JobRow] = field(default_factory=list)
    overdue: list[JobRow] = field(default_factory=list)
    on_time_minutes: int = 0
    late_minutes: int = 0
    notes: list[tuple[str, str]] = field(default_factory=list)  # (client name, text)
    problems: str = ""
    suggestions: str = ""
    monitored: list[Monitored] = field(default_factory=list)
    stages: dict[str, int] = field(default_factory=dict)
    changes: list[tuple[StageChange, str]] = field(default_factory=list)  # with client name
    all_week_leave: bool = False
    items: Tally = field(default_factory=Tally)  # action items: done this week, open, overdue

    @property
    def user_id(self) -> str:
        return self.person.user_id

    @property
    def submitted(self) -> bool:
        return bool(self.notes or self.problems or self.suggestions)

    @property
    def logged(self) -> int:
        return sum(self.by_kind.values())

    @property
    def required(self) -> int:
        return sum(c.required for c in self.clients)

    @property
    def contacted_days(self) -> int:
        """Days contacted, counted up to what each client required (the picture's bar)."""
        return sum(min(c.days, c.required) for c in self.clients)

    @property
    def missed(self) -> list[ClientWeek]:
        return [c for c in self.clients if c.short]


@dataclass(frozen=True)
class Totals:
    people: int
    submitted: int
    logged: int
    required: int
    contacted_days: int
    missed_clients: int
    opened: int
    revised: int
    closed: int
    overdue: int
    reports_overdue: int
    on_time_minutes: int
    late_minutes: int
    monitored: int


@dataclass(frozen=True)
class WeekReport:
    monday: date
    days: tuple[date, ...]
    aes: list[AeWeek]
    managers: dict[str, list[str]]  # manager -> the AEs below them, in report order
    totals: Totals
    log_month: tuple[int, int] | None
    log: list[tuple[ClientRow, str, LogRow]]  # (client, owner's name, its month)
    names: dict[str, str] = field(default_factory=dict)  # everyone's name, by Slack id
    job_hours: list[JobHoursRow] = field(default_factory=list)  # by job number

    def hours_by_owner(self) -> dict[tuple[str, int], int]:
        """The minutes recorded this week on the jobs each owner asked for, by (owner, client)."""
        out: dict[tuple[str, int], int] = {}
        for j in self.job_hours:
            out[j.owner_id, j.client_id] = out.get((j.owner_id, j.client_id), 0) + j.minutes
        return out

    def name_of(self, user_id: str) -> str:
        """A person's name as the files show it (their id only for someone no longer on the
        team)."""
        return self.names.get(user_id) or user_id

    @property
    def last_day(self) -> date:
        return self.days[-1] if self.days else self.monday

    @property
    def not_submitted(self) -> list[AeWeek]:
        return [a for a in self.aes if not a.submitted and not a.all_week_leave]

    @property
    def on_leave(self) -> list[AeWeek]:
        return [a for a in self.aes if a.all_week_leave]

    @property
    def submitted(self) -> list[AeWeek]:
        return [a for a in self.aes if a.submitted]

    def of(self, user: str) -> AeWeek | None:
        return next((a for a in self.aes if a.user_id == user), None)

    def team_of(self, manager: str) -> list[AeWeek]:
        wanted = set(self.managers.get(manager, ()))
        return [a for a in self.aes if a.user_id in wanted]
