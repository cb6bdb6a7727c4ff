"""The timetable: which job runs when, the (job, period) claim, catch-up after downtime.

APScheduler only wakes us; whether a run happens is decided by a UNIQUE claim row
in the database, so a restart, a second process or `aebot jobs run` never sends
the same message twice (APScheduler's own job stores cannot be shared).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.services import Services
from scheduler import contact_jobs
from scheduler.run import Run
from storage import queries

log = logging.getLogger("aebot.scheduler")
# A run still 'running' after this long lost its process; another may take it over.
STALE_RUN = timedelta(minutes=30)


@dataclass(frozen=True)
class Job:
    name: str
    description: str
    at: time | None  # daily time, or None for hourly
    work: Callable[[Run], str]
    hours: tuple[int, int] = (9, 19)  # hourly jobs: first and last hour

    def period(self, local: datetime) -> str:
        return local.strftime("%Y-%m-%dT%H") if self.at is None else local.date().isoformat()

    def slot(self, local: datetime) -> datetime | None:
        """The latest scheduled moment at or before `local` on the same day, if any."""
        if self.at is None:
            if not self.hours[0] <= local.hour <= self.hours[1]:
                return None
            return local.replace(minute=0, second=0, microsecond=0)
        s = local.replace(hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0)
        return s if s <= local else None


JOBS: dict[str, Job] = {
    j.name: j
    for j in (
        Job(
            "contact-nudge",
            "clients due a call today, to each AE",
            time(9, 30),
            contact_jobs.contact_nudge,
        ),
        Job(
            "contact-sweep",
            "clients still due; long-overdue ones to the manager",
            time(17, 30),
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


def run_job(sv: Services, job: Job, at: datetime) -> list[Outcome]:
    """Run `job` as if at `at` for every workspace, once per period whoever gets there first."""
    local = at.astimezone(sv.settings.tz)
    with sv.db.read() as s:
        teams = queries.team_ids(s)
    out = []
    for team in teams:
        if not sv.calendar_for(team).is_working_day(local.date()):
            out.append(Outcome(team, "day-off", local.date().isoformat()))
            continue
        period = job.period(local)
        with sv.db.write() as s:
            run = queries.claim_run(s, team, job.name, period, sv.now(), sv.now() - STALE_RUN)
        if run is None:
            out.append(Outcome(team, "already-ran", period))
            continue
        try:
            detail, status = job.work(Run(sv, team, local, job.name, period)), "sent"
        except Exception as exc:
            log.exception("job %s failed for %s", job.name, team)
            detail, status = f"{type(exc).__name__}: {exc}", "failed"
        with sv.db.write() as s:
            run.status, run.detail, run.finished_at = status, detail[:2000], sv.now()
            s.add(run)
        out.append(Outcome(team, status, detail))
    return out


def catch_up(sv: Services) -> None:
    """On start-up: a run missed earlier today is sent now; earlier days are skipped and logged."""
    local = sv.local_now()
    for job in JOBS.values():
        if job.slot(local) is None:
            continue
        for o in run_job(sv, job, local):
            if o.status == "sent":
                log.warning("caught up on missed %s for %s: %s", job.name, o.team, o.detail)
    with sv.db.read() as s:
        teams = queries.team_ids(s)
    for team in teams:
        previous = sv.calendar_for(team).previous_working_day(local.date())
        prev_local = datetime.combine(previous, time(23, 59), tzinfo=sv.settings.tz)
        for job in (j for j in JOBS.values() if j.at is not None):
            with sv.db.read() as s:
                missed = not queries.run_exists(s, team, job.name, job.period(prev_local))
            if missed:
                log.warning(
                    "missed %s on %s for %s: skipped, it is no longer that working day",
                    job.name,
                    previous,
                    team,
                )


def start_scheduler(sv: Services) -> BackgroundScheduler:
    """APScheduler wakes each job at its time in the workspace zone; claims decide the rest."""
    sched = BackgroundScheduler(
        timezone=sv.settings.tz, job_defaults={"coalesce": True, "misfire_grace_time": 3600}
    )
    for job in JOBS.values():
        if job.at is None:
            trigger = CronTrigger(
                hour=f"{job.hours[0]}-{job.hours[1]}", minute=0, timezone=sv.settings.tz
            )
        else:
            trigger = CronTrigger(hour=job.at.hour, minute=job.at.minute, timezone=sv.settings.tz)
        sched.add_job(_wake(sv, job), trigger, id=job.name, name=job.name)
    sched.start()
    log.info("timetable started (%s): %s", sv.settings.aebot_tz, ", ".join(JOBS))
    return sched


def _wake(sv: Services, job: Job) -> Callable[[], None]:
    def fire() -> None:
        for o in run_job(sv, job, sv.now()):
            log.info("%s %s: %s %s", job.name, o.team, o.status, o.detail)

    return fire
