"""The timetable: which task runs when, the (task, period) claim, catch-up after downtime.

Each team sets its own times (bot/rules/team_settings.py), so APScheduler only wakes the
timetable once a minute; `tick` then runs, for every team, each task whose time today has come
and whose period has no run yet. A run is decided once: its UNIQUE row and the messages it
decided are written in one transaction, so a restart, a second process or `aebot jobs run` never
decides it again (APScheduler's own job stores cannot be shared); the outbox's courier delivers
what was decided, and a rerun delivers what is still undelivered. Start-up is a tick too: a run
missed while the bot was down is made if it is still that working day.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from time import monotonic, sleep

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from scheduler import (
    action_item_tasks,
    agenda_tasks,
    approval_tasks,
    collector,
    contact_tasks,
    day_tasks,
    holiday_tasks,
    job_life_tasks,
    job_tasks,
    meeting_tasks,
    month_end_tasks,
    report_tasks,
    visit_tasks,
    weekly_tasks,
)
from scheduler import overtime_tasks as overtime
from scheduler.outbox_pass import Tally
from scheduler.run import NobodyToTell, Run, TaskDeps
from scheduler.task import Task
from storage import outbox, queries, runs, workspaces
from storage.outbox import wall

log = logging.getLogger("aebot.scheduler")
# A drain on the worker (after some form's ack) may claim a run's messages between the run's
# decision and its own delivery: the run waits for them, so that it says what became of them.
SETTLE_FOR = 10.0  # seconds at most (a drain that died leaves them to its lease's end)
SETTLE_EVERY = 0.05  # seconds between two looks
TASKS: dict[str, Task] = {
    j.name: j
    for j in (
        Task(
            "contact-nudge",
            "clients due a call today, to each AE",
            "contact_nudge_at",
            contact_tasks.contact_nudge,
        ),
        Task(
            "contact-sweep",
            "long-overdue clients to the manager (the AE's still-due list is in day-summary)",
            "contact_sweep_at",
            contact_tasks.contact_sweep,
        ),
        Task(
            "contact-report-due",
            "contact reports unsent at 24 h / 48 h",
            None,
            contact_tasks.contact_report_due,
        ),
        Task(
            "approval-reminders",
            "pending approvals: the approver reminded, then the manager",
            None,
            approval_tasks.approval_reminders,
        ),
        Task(
            "visit-log-offers",
            "visits whose end has passed, offered to log (once each)",
            None,
            visit_tasks.visit_log_offers,
        ),
        Task(
            "meeting-notices",
            "meetings up to the next working day announced (5W1H), with the client's text",
            "meeting_notice_at",
            meeting_tasks.meeting_notices,
        ),
        Task(
            "meeting-reconfirm",
            "meetings starting in about an hour: the organiser reconfirms by phone",
            None,
            meeting_tasks.meeting_reconfirm,
            quarter=True,
        ),
        Task(
            "meeting-reports",
            "meetings that have ended: contact logged, the organiser asked for the report",
            None,
            meeting_tasks.meeting_reports,
            quarter=True,
        ),
        Task(
            "job-deadlines",
            "open jobs due within a working day or overdue, to each owner and assignee",
            "job_deadlines_at",
            job_tasks.job_deadlines,
        ),
        *(
            Task(n, what, None, work, quarter=True)
            for n, what, work in job_life_tasks.QUARTER_HOURLY
        ),
        Task(
            "action-items",
            "open action items overdue: a working day to the author, two to the owner's manager",
            "action_items_at",
            action_item_tasks.action_item_reminders,
        ),
        Task(
            "overtime-reminder",
            "no overtime form today, to each AE/AAE with an open job",
            "overtime_reminder_at",
            overtime.overtime_reminder,
        ),
        Task(
            "overtime-cutoff",
            "today's overtime forms still waiting, to the PED",
            "overtime_cutoff",
            overtime.overtime_cutoff,
        ),
        Task(
            "weekly-prompt",
            "no weekly notes yet this week, to each AE/AAE not on leave",
            "weekly_prompt_at",
            weekly_tasks.weekly_prompt,
            on="week-last",
        ),
        Task(
            "friday-report",
            "the week's report: channel thread per AE, .xlsx, chart; managers' DMs",
            "friday_report_at",
            report_tasks.friday_report,
            on="week-last",
        ),
        Task(
            "monday-agenda",
            "the weekly meeting's agenda to the team channel; receivables past 6 months flagged",
            "monday_agenda_at",
            agenda_tasks.monday_agenda,
            on="week-first",
        ),
        Task(
            "client-status",
            "drafts of each active client's weekly status report, to each AE, with Sent",
            "monday_agenda_at",
            agenda_tasks.client_status,
            on="week-first",
        ),
        Task(
            "month-end",
            "each active client's month summary and next month's plan, to its AE, with Sent",
            "month_end_at",
            month_end_tasks.month_end,
            on="month-end",
        ),
        Task(
            "expense-reminder",
            "expenses are claimed from the 25th to the 30th, to each AE, AAE and manager",
            "month_end_at",
            agenda_tasks.expense_reminder,
            on="expenses",
        ),
        Task(
            "holiday-notices",
            "holiday_notice_days working days before a public holiday: each AE's active clients to "
            "notify in writing, a notice each in the client's language, with Notified",
            "month_end_at",
            holiday_tasks.holiday_notices,
        ),
        Task(
            "day-summary",
            "the day's record and tomorrow's, Write summary and the clients still due, to each AE/AAE",
            "day_summary_at",
            day_tasks.day_summary,
        ),
        Task(
            "day-digest",
            "the previous working day's summaries and plans, to each AM and AD",
            "day_digest_at",
            day_tasks.day_digest,
        ),
    )
}


@dataclass
class Outcome:
    team: str
    status: str  # sent, pending, resumed, already-ran, day-off, failed
    detail: str = ""
    undelivered: int = 0  # of the run's messages: still pending, or given up
    decided: bool = False  # this call decided the run (else an earlier one or another process)


def run_task(task: Task, at: datetime, deps: TaskDeps) -> list[Outcome]:
    """Run `task` as if at `at` for every workspace: decided once per period, undelivered sent."""
    with deps.db.read() as s:
        teams = queries.team_ids(s)
    return [run_for_team(task, at, team, deps) for team in teams]


def run_for_team(task: Task, at: datetime, team: str, deps: TaskDeps) -> Outcome:
    """Decide the run (its messages queued with the run's record, in one transaction) unless
    it was decided before; then deliver what of it is undelivered and say what became of it."""
    local = at.astimezone(deps.settings.tz)
    if not task.runs_on(deps.calendars.for_team(team), local.date()):
        return Outcome(team, "day-off", local.date().isoformat())
    period = task.period(local)
    with deps.db.read() as s:
        existing = runs.get_run(s, team, task.name, period)
    decided = False
    if existing is None or existing.status == runs.FAILED:
        end_of_day = deps.team_settings.of(team).end_of_day
        run = Run(team, local, task.name, period, end_of_day)
        try:
            with collector.held_off():
                detail = task.work(run, deps)
                with deps.db.write() as s:
                    decided = runs.decide_run(s, team, task.name, period, deps.clock.now(), detail)
                    if decided:
                        outbox.enqueue(s, run.messages(), deps.clock.now(), wall())
        except Exception as exc:
            if isinstance(exc, NobodyToTell):  # nothing broke: a setting is missing, one line
                log.warning("job %s failed for %s: %s", task.name, team, exc)
                why = str(exc)
            else:
                log.exception("job %s failed for %s", task.name, team)
                why = f"{type(exc).__name__}: {exc}"
            with contextlib.suppress(Exception), deps.db.write() as s:
                runs.record_failure(s, team, task.name, period, deps.clock.now(), why)
            return Outcome(team, "failed", why)
    return _deliver(task, team, period, deps, decided)


def _deliver(task: Task, team: str, period: str, deps: TaskDeps, decided: bool) -> Outcome:
    """Deliver the task's undelivered messages now, those waiting for a later try too (an hourly
    run also takes what an earlier hour could not deliver); report on this period's."""
    try:
        now_sent = deps.courier.drain(team_id=team, task=task.name, now_or_later=True)
        give_up = monotonic() + SETTLE_FOR
        while True:
            with deps.db.read() as s:
                counts = outbox.tally(s, team, task.name, period)
                decision = runs.get_run(s, team, task.name, period)
            if not counts.pop(outbox.SENDING) or monotonic() >= give_up:
                break
            sleep(SETTLE_EVERY)  # another drain is sending some: say what became of them
    except Exception as exc:  # the database went away: the courier's next round goes on
        log.exception("delivering %s for %s failed", task.name, team)
        return Outcome(team, "pending", f"{type(exc).__name__}: {exc}")
    detail = f"{decision.detail if decision else ''} · {Tally(**counts)}"
    status = runs.SENDING if counts["pending"] else runs.DONE
    with contextlib.suppress(Exception), deps.db.write() as s:
        runs.finish_run(s, team, task.name, period, status, deps.clock.now())
    undelivered = counts["pending"] + counts["failed"]
    if counts["pending"]:
        return Outcome(team, "pending", detail, undelivered, decided)
    if decided:
        return Outcome(team, "sent", detail, undelivered, decided)
    status = "resumed" if now_sent.delivered else "already-ran"
    return Outcome(team, status, detail, undelivered, decided)


def due_now(deps: TaskDeps, at: datetime) -> list[tuple[Task, str, str]]:
    """(task, team, period) of every run whose time has come today, on the team's working days."""
    local = at.astimezone(deps.settings.tz)
    with deps.db.read() as s:
        teams = queries.team_ids(s)
    due = []
    for team in teams:
        calendar = deps.calendars.for_team(team)
        if not calendar.is_working_day(local.date()):
            continue
        values = deps.team_settings.of(team)
        due += [
            (j, team, j.period(local))
            for j in TASKS.values()
            if j.runs_on(calendar, local.date()) and j.slot(local, values)
        ]
    return due


def tick(deps: TaskDeps, at: datetime | None = None) -> list[tuple[str, Outcome]]:
    """Run every task whose time has come and that has not run for its period (one query tells
    which have); the scheduler calls this each minute."""
    when = at or deps.clock.now()
    due = due_now(deps, when)
    with deps.db.read() as s:
        done = runs.existing_runs(s, {period for _, _, period in due})
    return [
        (task.name, run_for_team(task, when, team, deps))
        for task, team, period in due
        if (team, task.name, period) not in done
    ]


def catch_up(deps: TaskDeps) -> None:
    """On start-up: a run missed earlier today is made now (a failed one is taken over, an
    interrupted one delivers the rest); runs missed on earlier days are skipped and logged,
    except those due before the team was imported (the first start after an install)."""
    now = deps.clock.now()
    for task, team, _ in due_now(deps, now):
        o = run_for_team(task, now, team, deps)
        if o.status in ("sent", "resumed", "pending"):
            log.warning("caught up on %s for %s: %s %s", task.name, o.team, o.status, o.detail)
    local = now.astimezone(deps.settings.tz)
    with deps.db.read() as s:
        since = workspaces.installed(s)  # a team's runs before its import were never due
    daily = [j for j in TASKS.values() if j.at is not None]
    expected = []  # (team, task, period) of the previous working day's daily runs
    for team, installed in since.items():
        calendar, values = deps.calendars.for_team(team), deps.team_settings.of(team)
        previous = calendar.previous_working_day(local.date())
        prev_local = datetime.combine(previous, time(23, 59), tzinfo=deps.settings.tz)
        expected += [
            (team, j.name, j.period(prev_local))
            for j in daily
            if j.runs_on(calendar, previous) and (j.slot(prev_local, values) or now) >= installed
        ]
    with deps.db.read() as s:
        done = runs.existing_runs(s, {period for _, _, period in expected})
    for team, name, period in expected:
        if (team, name, period) not in done:
            log.warning(
                "missed %s on %s for %s: skipped, it is no longer that working day",
                name,
                period,
                team,
            )


def start_scheduler(deps: TaskDeps) -> BackgroundScheduler:
    """Wake the timetable every minute in the workspace zone; claims decide the rest."""
    sched = BackgroundScheduler(timezone=deps.settings.tz)
    sched.add_job(
        _wake(deps),
        CronTrigger(minute="*", timezone=deps.settings.tz),
        id="timetable",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=50,
    )
    sched.start()
    log.info("timetable started (%s): %s", deps.settings.aebot_tz, ", ".join(TASKS))
    return sched


def _wake(deps: TaskDeps) -> Callable[[], None]:
    def fire() -> None:
        try:
            for name, o in tick(deps):
                log.info("%s %s: %s %s", name, o.team, o.status, o.detail)
        except Exception:  # the next minute tries again
            log.exception("the timetable's tick failed")

    return fire
