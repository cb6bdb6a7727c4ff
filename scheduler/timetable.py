"""The timetable: which job runs when, the (job, period) claim, catch-up after downtime.

Each team sets its own times (bot/rules/team_settings.py), so APScheduler only wakes the
timetable once a minute; `tick` then runs, for every team, each job whose time today has come
and whose period has no run yet. Whether a run happens is decided by a UNIQUE claim row in the
database, so a restart, a second process or `aebot jobs run` never sends the same message twice
(APScheduler's own job stores cannot be shared). Start-up is a tick too: a run missed while the
bot was down is made if it is still that working day.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.rules.team_settings import TeamValues
from scheduler import contact_jobs
from scheduler.run import JobDeps, Run
from storage import queries, runs

log = logging.getLogger("aebot.scheduler")
# A run still 'running' after this long lost its process; another may take it over.
STALE_RUN = timedelta(minutes=30)
HOURLY_WINDOW = "hourly_window"


@dataclass(frozen=True)
class Job:
    name: str
    description: str
    at: str | None  # the team setting that holds its daily time; None for an hourly job
    work: Callable[[Run, JobDeps], str]

    def period(self, local: datetime) -> str:
        return local.strftime("%Y-%m-%dT%H") if self.at is None else local.date().isoformat()

    def slot(self, local: datetime, values: TeamValues) -> datetime | None:
        """The latest scheduled moment at or before `local` on the same day, if any. Hourly
        jobs run on the hour within the team's `hourly_window`."""
        if self.at is None:
            start, end = values.hours(HOURLY_WINDOW)
            if not start.hour <= local.hour <= end.hour:
                return None
            return local.replace(minute=0, second=0, microsecond=0)
        at = values.time(self.at)
        s = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
        return s if s <= local else None

    def when(self, values: TeamValues) -> str:
        """When it runs, for `aebot jobs list`."""
        if self.at is None:
            start, end = values.hours(HOURLY_WINDOW)
            return f"hourly {start:%H:%M}-{end:%H:%M}, working days"
        return f"working days {values.time(self.at):%H:%M}"


JOBS: dict[str, Job] = {
    j.name: j
    for j in (
        Job(
            "contact-nudge",
            "clients due a call today, to each AE",
            "contact_nudge_at",
            contact_jobs.contact_nudge,
        ),
        Job(
            "contact-sweep",
            "clients still due; long-overdue ones to the manager",
            "contact_sweep_at",
            contact_jobs.contact_sweep,
        ),
        Job(
            "contact-report-due",
            "contact reports unsent at 24 h / 48 h",
            None,
            contact_jobs.contact_report_due,
        ),
    )
}


@dataclass
class Outcome:
    team: str
    status: str  # "sent", "already-ran", "day-off", "failed"
    detail: str = ""


def run_job(job: Job, at: datetime, deps: JobDeps) -> list[Outcome]:
    """Run `job` as if at `at` for every workspace, once per period whoever gets there first."""
    with deps.db.read() as s:
        teams = queries.team_ids(s)
    return [run_for_team(job, at, team, deps) for team in teams]


def run_for_team(job: Job, at: datetime, team: str, deps: JobDeps) -> Outcome:
    local = at.astimezone(deps.settings.tz)
    if not deps.calendars.for_team(team).is_working_day(local.date()):
        return Outcome(team, "day-off", local.date().isoformat())
    period = job.period(local)
    now = deps.clock.now()
    with deps.db.write() as s:
        claim = runs.claim_run(s, team, job.name, period, now, now - STALE_RUN)
    if claim is None:
        return Outcome(team, "already-ran", period)
    run = Run(team, local, job.name, period, deps.db, deps.sender, deps.clock)
    try:
        detail, status = job.work(run, deps), "sent"
    except Exception as exc:
        log.exception("job %s failed for %s", job.name, team)
        detail, status = f"{type(exc).__name__}: {exc}", "failed"
    with deps.db.write() as s:
        claim.status, claim.detail, claim.finished_at = status, detail[:2000], deps.clock.now()
        s.add(claim)
    return Outcome(team, status, detail)


def due_now(deps: JobDeps, at: datetime) -> list[tuple[Job, str, str]]:
    """(job, team, period) of every run whose time has come today, on the team's working days."""
    local = at.astimezone(deps.settings.tz)
    with deps.db.read() as s:
        teams = queries.team_ids(s)
    due = []
    for team in teams:
        if not deps.calendars.for_team(team).is_working_day(local.date()):
            continue
        values = deps.team_settings.of(team)
        due += [(j, team, j.period(local)) for j in JOBS.values() if j.slot(local, values)]
    return due


def tick(deps: JobDeps, at: datetime | None = None) -> list[tuple[str, Outcome]]:
    """Run every job whose time has come and that has not run for its period (one query tells
    which have); the scheduler calls this each minute."""
    when = at or deps.clock.now()
    due = due_now(deps, when)
    with deps.db.read() as s:
        done = runs.existing_runs(s, {period for _, _, period in due})
    return [
        (job.name, run_for_team(job, when, team, deps))
        for job, team, period in due
        if (team, job.name, period) not in done
    ]


def catch_up(deps: JobDeps) -> None:
    """On start-up: a run missed earlier today is made now (a failed or abandoned one is taken
    over); runs missed on earlier days are skipped and logged."""
    now = deps.clock.now()
    for job, team, _ in due_now(deps, now):
        o = run_for_team(job, now, team, deps)
        if o.status == "sent":
            log.warning("caught up on missed %s for %s: %s", job.name, o.team, o.detail)
    local = now.astimezone(deps.settings.tz)
    with deps.db.read() as s:
        teams = queries.team_ids(s)
    daily = [j for j in JOBS.values() if j.at is not None]
    expected = []  # (team, job, period) of the previous working day's daily runs
    for team in teams:
        previous = deps.calendars.for_team(team).previous_working_day(local.date())
        prev_local = datetime.combine(previous, time(23, 59), tzinfo=deps.settings.tz)
        expected += [(team, j.name, j.period(prev_local)) for j in daily]
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


def start_scheduler(deps: JobDeps) -> BackgroundScheduler:
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
    log.info("timetable started (%s): %s", deps.settings.aebot_tz, ", ".join(JOBS))
    return sched


def _wake(deps: JobDeps) -> Callable[[], None]:
    def fire() -> None:
        try:
            for name, o in tick(deps):
                log.info("%s %s: %s %s", name, o.team, o.status, o.detail)
        except Exception:  # the next minute tries again
            log.exception("the timetable's tick failed")

    return fire
