"""`/overtime list` and `/overtime report 2026-11`: my forms of the month under their weeks,
and a month's approved overtime by person and by job or client (managers and admins), with the
same as an .xlsx (bot/sheets.py), and the hours recorded on jobs that month per job and person
with their overtime beside (人员工时记录表), sent to the requester's DM through the outbox: delivered by
the courier with retries, exactly once; if it is given up, an admin hears of it (the courier)
and so does the requester (a message queued with the file, sent only if the file fails).

handlers/overtime.py's `overtime_command` hands `list` and `report` here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlmodel import Session

from bot import sheets
from bot.rules import overtime as rules
from bot.rules.approvals import APPROVED
from bot.rules.people import is_admin
from bot.sheets import Sheet, Table
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import overtime as view
from handlers.deps import Deps
from storage import job_life, outbox, queries
from storage import overtime as store
from storage.models import Client, Job, JobHours, OvertimeForm

FILE = "overtime-report"  # the outbox's purpose of the .xlsx…
NOT_SENT = "overtime-report-not-sent"  # … and of the message saying it did not arrive


def labels_of(s: Session, team: str, forms: Sequence[OvertimeForm]) -> dict[str, str]:
    """What each form was for, by target key ("job:3", "client:2"): a job's number and project,
    a client's name."""
    by_id = store.jobs_by_id(s, team, [f.job_id for f in forms if f.job_id])
    clients = {c.id: c.name for c in queries.list_clients(s, team) if c.id is not None}
    out = {view.job_value(i): view.job_label(j.number, j.project) for i, j in by_id.items()}
    out |= {view.client_value(i): name for i, name in clients.items()}
    return out


def target_key(form: OvertimeForm) -> str:
    if form.job_id:
        return view.job_value(form.job_id)
    return view.client_value(form.client_id) if form.client_id else "?"


def entry(form: OvertimeForm) -> rules.Entry:
    return rules.Entry(
        form.day,
        rules.minutes(form.start, form.end),
        form.status,
        tuple(store.members_of(form)),
        target_key(form),
    )


def month_list(r: Reader, req: Request, deps: Deps) -> Reply:
    """My forms this month (filed or staying on), under their ISO weeks with my hours."""
    today = r.now.astimezone(deps.settings.tz).date()
    first, last = rules.month_days(today.year, today.month)
    with deps.db.read() as s:
        forms = store.of_person(s, req.team, req.user, first, last)
        labels = labels_of(s, req.team, forms)
    if not forms:
        return Reply(text=r.t("overtime.list.none"))
    weeks = rules.weeks([entry(f) for f in forms], req.user)
    shown = [
        view.Shown(
            f.day,
            f.start,
            f.end,
            rules.minutes(f.start, f.end),
            labels.get(target_key(f), "?"),
            f.status,
            f.late,
        )
        for f in forms
    ]
    text, blocks = view.month_list(r, view.month_name(r, today.year, today.month), weeks, shown)
    return Reply(text=text, blocks=blocks)


def report(r: Reader, req: Request, deps: Deps, typed: str) -> Reply:
    """A month's approved overtime by person and by job or client (managers and admins); its
    .xlsx, with the month's hours on jobs, is queued for the requester's DM in the same breath,
    and the courier sends it (also when the month had hours on jobs and no overtime)."""
    month = rules.read_month(typed, r.now.astimezone(deps.settings.tz).date())
    with deps.db.read() as s:
        me = queries.get_member(s, req.team, req.user)
        if not rules.may_see_report(
            me.role if me else None, is_admin(req.user, deps.settings.admins)
        ):
            return Reply(text=r.t("overtime.report.not_allowed"))
        if month is None:
            return Reply(text=r.t("overtime.report.bad_month", text=bk.escape(typed[:40])))
        forms = store.between(s, req.team, *rules.month_days(*month), statuses=(APPROVED,))
        labels = labels_of(s, req.team, forms)
        names = {m.user_id: m.name for m in queries.list_members(s, req.team)}
        hours = job_life.hours_between(s, req.team, *rules.month_days(*month))
    rep = rules.report([entry(f) for f in forms])
    text, blocks = view.report_message(r, view.month_name(r, *month), rep, labels)
    if not rep.forms and not hours:
        return Reply(text=text, blocks=blocks)
    if not rep.forms:
        blocks.append(bk.section(r.t("overtime.report.hours_only")))
    book = [*report_sheets(r, rep, names, labels), hours_sheet(r, rep, names, hours)]
    content = sheets.workbook(book)
    with deps.db.write() as s:
        outbox.enqueue(s, to_dm(r, req, month, content), deps.clock.now(), outbox.wall())
    return Reply(text=text, blocks=blocks, then=(deps.deliver,))


def to_dm(r: Reader, req: Request, month: tuple[int, int], content: bytes) -> list[outbox.Message]:
    """The .xlsx for the requester's DM, and what they are told if it is given up."""
    name, typed = view.month_name(r, *month), f"{month[0]:04d}-{month[1]:02d}"
    key = f"{FILE}:{req.user}:{typed}:{req.trigger_id or r.now.isoformat()}"
    title = r.t("overtime.xlsx.title", month=name)
    failed = r.t("overtime.report.file_failed", month=name, typed=typed)
    return [
        outbox.Message(
            req.team,
            key,
            FILE,
            req.user,
            title,
            file_name=f"overtime-{typed}.xlsx",
            file_bytes=content,
        ),
        outbox.Message(
            req.team,
            f"{key}:not-sent",
            NOT_SENT,
            req.user,
            failed,
            [bk.section(failed)],
            if_failed=key,
        ),
    ]


def report_sheets(
    r: Reader, rep: rules.Report, names: Mapping[str, str], targets: Mapping[str, str]
) -> list[Sheet]:
    """Sheet "人员"/"People" (name, Slack id, hours, forms) and sheet "工作单和客户"/"Jobs and
    clients" (job or client, person-hours, forms), each closed by a totals row; named in the
    reader's language."""

    def headers(*keys: str) -> list[str]:
        return [r.t(f"overtime.xlsx.{k}") for k in keys]

    total = r.t("overtime.xlsx.total")
    people = Table(
        headers("person", "user", "hours", "forms"),
        [
            *([names.get(p.key, p.key), p.key, _hours(p.minutes), p.forms] for p in rep.people),
            [total, None, _hours(rep.minutes), sum(p.forms for p in rep.people)],
        ],
        formats={2: sheets.HOURS_FORMAT},
    )
    jobs = Table(
        headers("target", "person_hours", "forms"),
        [
            *([targets.get(t.key, t.key), _hours(t.minutes), t.forms] for t in rep.targets),
            [total, _hours(sum(t.minutes for t in rep.targets)), rep.forms],
        ],
        formats={1: sheets.HOURS_FORMAT},
    )
    return [
        Sheet(r.t("overtime.sheet.people"), [people]),
        Sheet(r.t("overtime.sheet.jobs"), [jobs]),
    ]


def hours_sheet(
    r: Reader,
    rep: rules.Report,
    names: Mapping[str, str],
    records: Sequence[tuple[JobHours, Job, Client]],
) -> Sheet:
    """Sheet "工时"/"Hours": the month's hours per job and person (by job number, then name),
    each with that person's approved overtime of the month beside; a totals row."""
    minutes: dict[tuple[str, str], int] = {}
    jobs: dict[str, tuple[str, str]] = {}  # number → project, client
    for h, job, client in records:
        minutes[job.number, h.user_id] = minutes.get((job.number, h.user_id), 0) + h.minutes
        jobs[job.number] = (job.project, client.name)
    overtime = {p.key: p.minutes for p in rep.people}

    def name(user: str) -> str:
        return names.get(user, user)

    rows: list[list[sheets.Cell]] = [
        [
            number,
            *jobs[number],
            name(user),
            _hours(minutes[number, user]),
            _hours(overtime.get(user, 0)),
        ]
        for number, user in sorted(minutes, key=lambda k: (k[0], name(k[1]).casefold(), k[1]))
    ]
    total = sum(h.minutes for h, _, _ in records)
    rows.append([r.t("overtime.xlsx.total"), None, None, None, _hours(total), None])
    keys = ("number", "project", "client", "person", "job_hours", "their_overtime")
    table = Table(
        [r.t(f"overtime.xlsx.{k}") for k in keys],
        rows,
        formats={4: sheets.HOURS_FORMAT, 5: sheets.HOURS_FORMAT},
    )
    return Sheet(r.t("overtime.sheet.hours"), [table])


def _hours(minutes: int) -> float:
    return round(minutes / 60, 2)
