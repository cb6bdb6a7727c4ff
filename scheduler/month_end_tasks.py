"""The timetable's `month-end`, on the last working day but two of the month at `month_end_at`
(每月月底需向客户提交一份本月工作总结及下月工作时间计划表，写清每样工作的提交、完成、定稿时间).

Each AE not on leave gets one DM (the rest in its thread when long): per active client (its
status active, with a contact this month or a job open), the draft of the month's summary and
next month's plan, in the client's language, with "Sent"; and in the DM's thread one .xlsx of
the same, a sheet per client. The whole team is read in a constant number of statements; the
duties (one per client and month, UNIQUE) are created in a write of their own before the DMs
are decided, so a rerun finds them. "Sent" is handlers/agenda.py.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from bot.rules import client_duties
from bot.rules import month_end as rules
from bot.rules.job_life import LIVE
from bot.rules.month_end import ClientMonth
from bot.slack.texts import Reader
from bot.slack.views import month_end as view
from scheduler import month_end_files as files
from scheduler.run import Outgoing, Run, TaskDeps
from storage import absence, queries
from storage import agenda as stored
from storage import month_end as month

FILE = "month-end-file"


def month_end(run: Run, deps: TaskDeps) -> str:
    """Each AE's drafts of their active clients' month summaries, and the .xlsx of them."""
    period, today, zone = f"{run.now:%Y-%m}", run.now.date(), deps.settings.tz
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, run.team)}
        clients = queries.list_clients(s, run.team)
        leave = absence.on_leave(s, run.team, today)
        names = {u: m.name for u, m in members.items()}
        facts = month.facts(s, run.team, period, zone, run.now, names)
    active = [c for c in clients if rules.is_active(c, today)]
    contacted = {c.client_id for c in facts.contacts if c.in_month}
    open_for = {j.client_id for j in facts.jobs if j.status in LIVE}
    by_owner = client_duties.active(active, contacted, open_for)
    by_owner = {u: cs for u, cs in by_owner.items() if u in members and u not in leave}
    pairs = [(c.id, u) for u, cs in by_owner.items() for c in cs if c.id is not None]
    with deps.db.write() as s:
        stored.ensure_duties(s, run.team, stored.MONTH_END, period, pairs, run.now)
        duties = stored.duties(s, run.team, stored.MONTH_END, period)
    mine: dict[str, list[tuple[int, int, datetime | None]]] = defaultdict(list)
    for d, _ in duties:
        if d.user_id in by_owner and d.id is not None:
            mine[d.user_id].append((d.id, d.client_id, d.done_at))
    by_id = {c.id: c for c in clients if c.id is not None}
    start, _, _ = rules.month_of(period)
    until = deps.calendars.for_team(run.team).last_working_day_of_month(today) or today
    outbox: list[Outgoing] = []
    for user, rows in sorted(mine.items()):
        drafts = rules.client_months(rows, by_id, facts)
        r = deps.reader(members[user])
        outbox += _dm(run, r, user, drafts, start, until)
    run.send(outbox)
    n = sum(len(v) for v in mine.values())
    dms = sum(1 for o in outbox if o.file_name is None)
    return f"{len(mine)} AEs, {n} clients, {dms} DMs, {len(mine)} files"


def _dm(
    run: Run, r: Reader, user: str, drafts: list[ClientMonth], start: date, until: date
) -> list[Outgoing]:
    """The AE's DM (split when long) and, in its thread, the .xlsx."""
    readers = {lang: Reader(lang, r.zone, r.now) for lang in ("zh", "en")}
    out = run.parts(user, user, view.posts(r, drafts, readers, start, until), stored.MONTH_END)
    title = r.t("month_end.xlsx_title", **view.months(r, start))
    out.append(
        Outgoing(
            f"xlsx:{user}",
            user,
            title,
            [],
            FILE,
            thread_of=run.key(user),
            file_name=files.xlsx_name(start),
            file_bytes=files.workbook(drafts, readers, start),
        )
    )
    return out
