"""The week's facts per AE, for the Friday report (周报) and its preview: pure, data in
(bot/rules/week_input.py), facts out (bot/rules/week_report.py).

- Who is reported on: every AE, and anyone else who owns clients; sorted by name.
- Contact cadence: a client with cadence 1 (in-city) is due a contact every working day, one
  with cadence N on ceil(working days / N) days. Only the working days counted (Monday up to
  the report's day) on which the AE was not on leave, and from the day the client was added,
  are asked for; a client is short (a missed call, named) when it was contacted on fewer
  distinct days than that. Contacts by anyone count for the client; "contacts logged by kind"
  counts the AE's own.
- Contact reports overdue: the AE's meetings and visits past 48 hours with no report sent.
- Jobs: opened (filed this week, revision 0) and revised (revision > 0) this week unless
  rejected or withdrawn, closed this week, overdue (open, internal deadline passed).
- Overtime: approved forms of the week, each member's hours, on time or late.
- Receivables monitored: not closed and overdue more than 2 months (DOMAIN.md, 坏账管理).
- Notes: the week's note per client, problems needing coordination, suggestions; someone
  with any note has submitted. Someone on leave every working day counted is "on leave all
  week": listed apart, never as not submitted.
- Managers: everyone above an AE in the reporting line (AM, AD…) gets their people's summary.
- The client log sheet (客户日志表) comes in the last week of a month: the week holding that
  month's last working day.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Protocol

from bot.rules.client_status import cadence, counted_on
from bot.rules.contacts import CONTACT_KINDS, REPORT_ESCALATE_AFTER, report_stage
from bot.rules.job_life import CLOSED, LIVE, NOT_SENT
from bot.rules.receivables import MONITORED_AFTER, months_overdue, over
from bot.rules.week_input import (
    ClientRow,
    JobRow,
    LeaveSpan,
    LogRow,
    Note,
    OpenReport,
    Owed,
    Person,
    StageChange,
    WeekInput,
)
from bot.rules.week_report import AeWeek, ClientWeek, Monitored, Totals, WeekReport
from bot.rules.weekly import FUNNEL_STAGES, PROBLEMS, SUGGESTIONS

REPORTED_ROLES = ("ae",)
# a filing that counts as opened or revised: any state but rejected and withdrawn
LIVE_JOB = ("pending", *LIVE, CLOSED)


# --- the rules ---------------------------------------------------------------------------------
def required_days(cadence: int, days: int) -> int:
    """Days a client is due a contact in `days` working days: every one at cadence 1 (in-city),
    ceil(days / N) at cadence N."""
    if days <= 0:
        return 0
    return days if cadence <= 1 else math.ceil(days / cadence)


def due_days(c: ClientRow, working: Sequence[date], prospect_days: int) -> tuple[int, int]:
    """The working days a client was due calls on (from the day it was added, and as its status
    says: bot/rules/client_status.py counted_on), and its cadence (a prospect's is
    `prospect_days`)."""
    days = [d for d in working if d >= c.added_on and counted_on(c.status, c.status_since, d)]
    every = cadence(c.status, c.cadence_days, prospect_days)
    return len(days), every if every is not None else c.cadence_days


def log_month(monday: date, last_working_days: Iterable[date]) -> tuple[int, int] | None:
    """The month whose client log this week carries: the month whose last working day falls in
    the week (the week of Monday–Sunday `monday`), if any."""
    sunday = monday + timedelta(days=6)
    found = [d for d in last_working_days if monday <= d <= sunday]
    return (found[-1].year, found[-1].month) if found else None


class Calendar(Protocol):
    def working_days_in(self, start: date, end: date) -> list[date]: ...
    def last_working_day_of_month(self, d: date) -> date | None: ...


def week_days(
    calendar: Calendar, today: date
) -> tuple[date, tuple[date, ...], tuple[int, int] | None]:
    """The week of `today`: its Monday, its working days up to `today` (those the report
    counts), and the month whose client log it carries, if any."""
    monday = today - timedelta(days=today.weekday())
    days = tuple(calendar.working_days_in(monday, today))
    lasts = {calendar.last_working_day_of_month(d) for d in (monday, monday + timedelta(days=6))}
    return monday, days, log_month(monday, sorted(d for d in lasts if d is not None))


def reported(people: Iterable[Person], clients: Iterable[ClientRow]) -> list[Person]:
    """Who the report is about: the AEs, and anyone else who owns clients."""
    owners = {c.owner_id for c in clients}
    return sorted(
        (p for p in people if p.role in REPORTED_ROLES or p.user_id in owners),
        key=lambda p: (p.name.casefold(), p.user_id),
    )


def managers_of(people: Iterable[Person], aes: Sequence[Person]) -> dict[str, list[str]]:
    """Everyone above an AE in the reporting line, with the AEs below them (report order)."""
    by_id = {p.user_id: p for p in people}
    out: dict[str, list[str]] = defaultdict(list)
    for ae in aes:
        seen = {ae.user_id}
        boss = ae.manager_id
        while boss and boss not in seen and boss in by_id:
            out[boss].append(ae.user_id)
            seen.add(boss)
            boss = by_id[boss].manager_id
    return dict(out)


def _report_overdue(rep: OpenReport, w: WeekInput) -> bool:
    """Past its clock: 48 hours, a weekend or holiday not eating the author's time."""
    if w.hours is None:
        return rep.at <= w.now - REPORT_ESCALATE_AFTER
    return report_stage(rep.at, w.now, w.hours) == "escalate"


def compile_week(w: WeekInput) -> WeekReport:
    """The week's facts per AE, the managers' people and the totals."""
    aes = reported(w.people, w.clients)
    names = {c.id: c.name for c in w.clients}
    leave = _leave_days(w.leave, w.days)
    ctx = _Context(w, names, leave)
    weeks = [ctx.ae_week(p) for p in aes]
    ledger = {p.user_id: p.name for p in w.people}
    log = (
        [
            (c, ledger.get(c.owner_id, c.owner_id), row)
            for c in sorted(w.clients, key=lambda c: (c.name.casefold(), c.id))
            for row in [ctx.log.get(c.id, LogRow(c.id, 0, None))]
        ]
        if w.log_month
        else []
    )
    return WeekReport(
        w.monday,
        w.days,
        weeks,
        managers_of(w.people, aes),
        _totals(weeks),
        w.log_month,
        log,
        ledger,
        sorted(w.job_hours, key=lambda j: j.number),
    )


def _leave_days(spans: Iterable[LeaveSpan], days: Sequence[date]) -> dict[str, set[date]]:
    out: dict[str, set[date]] = defaultdict(set)
    for span in spans:
        out[span.user_id].update(d for d in days if span.first <= d <= span.last)
    return out


class _Context:
    """The week's rows grouped once (by client, author, owner, member), for every AE."""

    def __init__(self, w: WeekInput, names: dict[int, str], leave: dict[str, set[date]]) -> None:
        self.w, self.names, self.leave = w, names, leave
        self.clients: dict[str, list[ClientRow]] = defaultdict(list)
        for c in w.clients:
            self.clients[c.owner_id].append(c)
        self.days_by_client: dict[int, set[date]] = defaultdict(set)
        self.count_by_client: Counter[int] = Counter()
        self.kinds: dict[str, Counter[str]] = defaultdict(Counter)
        for x in w.contacts:
            self.days_by_client[x.client_id].add(x.day)
            self.count_by_client[x.client_id] += 1
            self.kinds[x.author_id][x.kind] += 1
        self.reports: dict[str, list[OpenReport]] = defaultdict(list)
        for rep in sorted(w.open_reports, key=lambda x: x.at):
            if _report_overdue(rep, w):
                self.reports[rep.author_id].append(rep)
        self.jobs: dict[str, list[JobRow]] = defaultdict(list)
        for j in sorted(w.jobs, key=lambda j: j.number):
            self.jobs[j.owner_id].append(j)
        self.minutes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for f in w.overtime:
            for user in dict.fromkeys(f.members):
                self.minutes[user][1 if f.late else 0] += f.minutes
        self.notes: dict[str, list[Note]] = defaultdict(list)
        for n in w.notes:
            self.notes[n.user_id].append(n)
        owner = {c.id: c.owner_id for c in w.clients}
        self.changes: dict[str, list[StageChange]] = defaultdict(list)
        for ch in sorted(w.changes, key=lambda x: x.at):
            self.changes[owner.get(ch.client_id, "")].append(ch)
        self.owed: dict[str, list[Owed]] = defaultdict(list)
        for o in sorted(w.owed, key=lambda o: (o.due, o.client_id)):
            self.owed[owner.get(o.client_id, "")].append(o)
        self.log = {row.client_id: row for row in w.log}

    def ae_week(self, p: Person) -> AeWeek:
        w, user = self.w, p.user_id
        away = self.leave.get(user, set())
        working = [d for d in w.days if d not in away]
        clients = sorted(self.clients.get(user, []), key=lambda c: (c.name.casefold(), c.id))
        notes = {n.client_id: n.text for n in self.notes.get(user, []) if n.kind == "client"}
        a = AeWeek(p, all_week_leave=bool(w.days) and not working)
        for c in clients:
            counted, every = due_days(c, working, w.prospect_days)
            a.clients.append(
                ClientWeek(
                    c,
                    required_days(every, counted),
                    len(self.days_by_client.get(c.id, ())),
                    self.count_by_client.get(c.id, 0),
                    notes.get(c.id),
                )
            )
        kinds = self.kinds.get(user, Counter())
        a.by_kind = {
            k: kinds[k]
            for k in (*CONTACT_KINDS, *sorted(set(kinds) - set(CONTACT_KINDS)))
            if kinds[k]
        }
        a.reports_overdue = [
            (x, self.names.get(x.client_id, "?")) for x in self.reports.get(user, [])
        ]
        self._jobs(a)
        a.on_time_minutes, a.late_minutes = self.minutes.get(user, [0, 0])
        a.notes = [(c.name, notes[c.id]) for c in clients if notes.get(c.id)]
        owned = {c.id for c in clients}
        others = [
            (self.names.get(cid, "?"), text)
            for cid, text in notes.items()
            if cid is not None and text and cid not in owned
        ]
        a.notes += sorted(others)
        texts = {n.kind: n.text for n in self.notes.get(user, []) if n.client_id is None}
        a.problems, a.suggestions = texts.get(PROBLEMS, ""), texts.get(SUGGESTIONS, "")
        today = w.now.date()
        by_id = {c.id: c for c in clients}  # receivables of the clients the AE owns
        a.monitored = [
            Monitored(by_id[o.client_id], o.amount, o.due, months_overdue(o.due, today), o.note)
            for o in self.owed.get(user, [])
            if o.client_id in by_id and over(o.due, today, MONITORED_AFTER)
        ]
        a.stages = {s: n for s in FUNNEL_STAGES if (n := sum(1 for c in clients if c.stage == s))}
        a.changes = [(ch, self.names.get(ch.client_id, "?")) for ch in self.changes.get(user, [])]
        a.items = w.items.get(user, a.items)
        return a

    def _jobs(self, a: AeWeek) -> None:
        w, start = self.w, self.w.start
        for j in self.jobs.get(a.user_id, []):
            filed = start <= j.created_at <= w.now and j.status in LIVE_JOB
            if filed and j.revision == 0:
                a.opened.append(j)
            elif filed:
                a.revised.append(j)
            if j.status == "closed" and j.closed_at is not None and start <= j.closed_at <= w.now:
                a.closed.append(j)
            if j.status in NOT_SENT and j.internal_deadline < w.now:
                a.overdue.append(j)


def _totals(weeks: Sequence[AeWeek]) -> Totals:
    return Totals(
        people=len(weeks),
        submitted=sum(1 for a in weeks if a.submitted),
        logged=sum(a.logged for a in weeks),
        required=sum(a.required for a in weeks),
        contacted_days=sum(a.contacted_days for a in weeks),
        missed_clients=sum(len(a.missed) for a in weeks),
        opened=sum(len(a.opened) for a in weeks),
        revised=sum(len(a.revised) for a in weeks),
        closed=sum(len(a.closed) for a in weeks),
        overdue=sum(len(a.overdue) for a in weeks),
        reports_overdue=sum(len(a.reports_overdue) for a in weeks),
        on_time_minutes=sum(a.on_time_minutes for a in weeks),
        late_minutes=sum(a.late_minutes for a in weeks),
        monitored=sum(len(a.monitored) for a in weeks),
    )
