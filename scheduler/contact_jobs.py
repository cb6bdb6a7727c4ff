"""The timetable's contact rows: 09:30 nudge, 17:30 sweep, hourly contact-report clock.

Each job reads everything it needs in a handful of statements for the whole team
(never one per person or per client), then sends one DM per person through its Run,
which claims every message in the database before sending it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from bot.i18n import t
from bot.rules.contacts import REPORT_REMIND_AFTER, Due, due_clients, escalations, report_stage
from bot.services import Services
from bot.views import contacts as view
from scheduler.run import Outgoing, Run
from storage import queries
from storage.models import Client, ContactLog, Member

ESCALATE_AFTER_DEFAULT = "2"


def _team_state(
    sv: Services, team: str
) -> tuple[dict[str, Member], dict[str, list[Client]], dict[int, Any]]:
    with sv.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, team)}
        clients = queries.list_clients(s, team)
        last = queries.last_contacts(s, team)
    by_owner: dict[str, list[Client]] = defaultdict(list)
    for c in clients:
        by_owner[c.owner_id].append(c)
    return members, by_owner, last


def _lang(sv: Services, m: Member | None) -> str:
    return sv.pick_lang(m.language, m.slack_locale) if m else sv.settings.aebot_lang


def _due_by_owner(
    sv: Services, team: str, now: datetime
) -> tuple[dict[str, Member], dict[str, list[Due[Client]]]]:
    members, by_owner, last = _team_state(sv, team)
    today = now.astimezone(sv.settings.tz).date()
    calendar = sv.calendar_for(team)
    due = {
        owner: due_clients(cs, last, today, sv.settings.tz, calendar)
        for owner, cs in by_owner.items()
    }
    return members, {o: d for o, d in due.items() if d}


def contact_nudge(run: Run) -> str:
    """09:30: each AE gets one DM with the clients due a call today and today's follow-ups."""
    sv, team, now = run.sv, run.team, run.now
    members, due = _due_by_owner(sv, team, now)
    with sv.db.read() as s:
        follow = queries.follow_ups_due(s, team, now.date())
    follow_by: dict[str, list[tuple[ContactLog, Client]]] = defaultdict(list)
    for row in follow:
        follow_by[row[0].author_id].append(row)
    outbox = []
    for user in sorted(set(due) | set(follow_by)):
        if user not in members:
            continue
        lg = _lang(sv, members[user])
        blocks = view.nudge(lg, due[user], sv.settings.tz) if user in due else []
        if follow_by.get(user):
            blocks = [*view.follow_up_lines(lg, follow_by[user][:20]), *blocks][:50]
        text = t(lg, "nudge.text", n=len(due.get(user, [])), f=len(follow_by.get(user, [])))
        outbox.append(Outgoing(user, user, text, blocks))
    delivered = run.send(outbox)
    done = [
        log.id
        for m, ok in zip(outbox, delivered, strict=True)
        if ok
        for log, _ in follow_by.get(m.user, [])
        if log.id
    ]
    with sv.db.write() as s:
        queries.mark_contacts(s, done, follow_up_sent_at=sv.now())
    return f"{sum(delivered)} DMs, {sum(len(d) for d in due.values())} clients due, {len(done)} follow-ups"


def contact_sweep(run: Run) -> str:
    """17:30: the clients still due, to each AE; long-overdue ones to the AE's manager."""
    sv, team = run.sv, run.team
    members, due = _due_by_owner(sv, team, run.now)
    limit = int(sv.setting(team, "contact_escalate_after", ESCALATE_AFTER_DEFAULT))
    to_manager: dict[str, list[tuple[str, Due[Client]]]] = defaultdict(list)
    to_aes = []
    for user, items in sorted(due.items()):
        m = members.get(user)
        if m is None:
            continue
        lg = _lang(sv, m)
        blocks = view.nudge(lg, items, sv.settings.tz, sweep=True)
        to_aes.append(Outgoing(f"ae:{user}", user, t(lg, "nudge.sweep_text", n=len(items)), blocks))
        if m.manager_id:
            to_manager[m.manager_id] += [(m.name, d) for d in escalations(items, limit)]
    to_managers = []
    for manager, rows in sorted(to_manager.items()):
        if rows:
            lg = _lang(sv, members.get(manager))
            text = t(lg, "sweep.escalate_text", n=len(rows))
            to_managers.append(
                Outgoing(f"manager:{manager}", manager, text, view.escalation_rows(lg, rows, limit))
            )
    sent, told = sum(run.send(to_aes)), sum(run.send(to_managers))
    return f"{sent} DMs, {told} managers told"


def contact_report_due(run: Run) -> str:
    """Hourly: meetings/visits with no contact report at 24 h (author) and 48 h (author and manager)."""
    sv, team, now, tz = run.sv, run.team, run.now, run.sv.settings.tz
    with sv.db.read() as s:
        rows = queries.unsent_reports(s, team, now - REPORT_REMIND_AFTER)
        members = {m.user_id: m for m in queries.list_members(s, team)}
    reminded: list[int] = []
    escalated: list[int] = []
    outbox = []
    for log, client in rows:
        stage = report_stage(log.at, now)
        author = members.get(log.author_id)
        lg = _lang(sv, author)
        blocks = view.report_reminder(lg, log, client, tz, stage)
        if stage == "escalate" and log.report_escalated_at is None:
            outbox.append(
                Outgoing(f"{log.id}:escalate", log.author_id, t(lg, "report.text"), blocks)
            )
            if author and author.manager_id:
                mlg = _lang(sv, members.get(author.manager_id))
                to_mgr = view.report_reminder(
                    mlg, log, client, tz, stage, for_manager=log.author_id
                )
                outbox.append(
                    Outgoing(f"{log.id}:manager", author.manager_id, t(mlg, "report.text"), to_mgr)
                )
            escalated.append(log.id or 0)
        elif stage == "remind" and log.report_reminded_at is None:
            outbox.append(Outgoing(f"{log.id}:remind", log.author_id, t(lg, "report.text"), blocks))
            reminded.append(log.id or 0)
    run.send(outbox)
    with sv.db.write() as s:
        queries.mark_contacts(s, reminded, report_reminded_at=sv.now())
        queries.mark_contacts(s, escalated, report_escalated_at=sv.now())
    return f"{len(reminded)} reminded, {len(escalated)} escalated"
