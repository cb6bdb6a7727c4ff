"""Shared setup of the job's-life tests: the departments' people (heads and staff) added to the
test team, and a job filed by U0AE1 and approved by U0AM1 through signed requests."""

from __future__ import annotations

from storage import jobs
from storage.imports import import_team
from storage.models import Job
from tests.conftest import TEAM, TEAM_ROWS, World
from tests.test_jobs import approve_first

# creative: a head and two staff; design: a head; one English reader among them
DEPARTMENT_ROWS = [
    {
        "user_id": "U0CDH",
        "name": "Chen CD",
        "role": "dh",
        "manager_id": "",
        "language": "zh",
        "department": "creative",
    },
    {
        "user_id": "U0CW1",
        "name": "Wu Copy",
        "role": "staff",
        "manager_id": "U0CDH",
        "language": "zh",
        "department": "creative",
    },
    {
        "user_id": "U0CW2",
        "name": "Ann Art",
        "role": "staff",
        "manager_id": "U0CDH",
        "language": "en",
        "department": "creative",
    },
    {
        "user_id": "U0DDH",
        "name": "Deng Design",
        "role": "dh",
        "manager_id": "",
        "language": "zh",
        "department": "design",
    },
]
HEAD, WRITER, ARTIST, DESIGN_HEAD = "U0CDH", "U0CW1", "U0CW2", "U0DDH"


def add_departments(w: World) -> None:
    """The test team with the departments' people (the old rows keep no department)."""
    with w.bot.db.write() as s:
        import_team(s, TEAM, [*TEAM_ROWS, *DEPARTMENT_ROWS], w.clock.now())


def the_job(w: World, number: str) -> Job:
    with w.bot.db.read() as s:
        found = jobs.by_number(s, TEAM, number)
    assert found is not None, number
    return found


def approved_job(w: World, number: str = "CR-202611-01", **over: str) -> Job:
    """A creative job filed by U0AE1 and approved by U0AM1 (its handoff queued and sent)."""
    return approve_first(w, number, **over)
