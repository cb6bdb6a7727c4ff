"""The timetable's `weekly-prompt`: on the week's last working day (a holiday Friday moves it to
Thursday) at `weekly_prompt_at` (10:00), each AE and AAE who has written no weekly note this
week and is not on leave today gets one DM with "Write this week's notes" (handlers/weekly.py
opens the form). Three statements for the whole team. The DM is useful until the report is
compiled (`friday_report_at`): one the courier could not deliver by then expires.
"""

from __future__ import annotations

from datetime import datetime, time

from bot.rules.weekly import PROMPTED_ROLES, needs_prompt, week_of
from bot.slack.views import weekly as view
from scheduler.run import Outgoing, Run, TaskDeps
from storage import absence, queries
from storage import weekly as store


def at_time(local: datetime, at: time) -> datetime:
    """`at` on the day of `local`, in its zone."""
    return local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)


def weekly_prompt(run: Run, deps: TaskDeps) -> str:
    """Who has written no note this week gets the prompt; who has, or is on leave, does not."""
    report_at = deps.team_settings.of(run.team).time("friday_report_at")
    today = run.now.date()
    week = week_of(today)
    with deps.db.read() as s:
        members = queries.list_members(s, run.team)
        wrote = store.writers(s, run.team, week)
        leave = absence.on_leave(s, run.team, today)
    until = at_time(run.now, report_at)
    if until <= run.now:  # a report time set before the prompt's: useful for the day
        until = run.until_end_of_day()
    asked = [m for m in members if m.role in PROMPTED_ROLES]
    outbox: list[Outgoing] = []
    for m in asked:
        if not needs_prompt(m.role, m.user_id, wrote, leave):
            continue
        text, blocks = view.prompt(deps.reader(m), week, report_at)
        outbox.append(
            Outgoing(m.user_id, m.user_id, text, blocks, "weekly-prompt", useful_until=until)
        )
    run.send(outbox)
    written = sum(1 for m in asked if m.user_id in wrote)
    away = sum(1 for m in asked if m.user_id in leave and m.user_id not in wrote)
    return f"{len(outbox)} DMs, {written} wrote, {away} on leave"
