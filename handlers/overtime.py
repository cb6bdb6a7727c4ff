"""`/overtime`: overtime forms (加班单) — filed in a modal or in one line, marked late after the
day's cut-off (17:00), signed by the project execution director through the approval engine;
work past 23:00 defers the next working morning's start (11点以后第二天早上顺延). Also the
month's list (`/overtime list`) and report (`/overtime report 2026-11`, with an .xlsx in the DM).

A form is stored pending with what the rules worked out when it was filed (late, the later
start); the form engine asks its signer, and a decision sets its status in the decision's own
transaction (forms/registered/overtime.py, which also tells of a later start once approved).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import NamedTuple

from slack_bolt import App
from sqlmodel import Session

from bot.clock import Clock
from bot.dates import DateRange, DateRefusal, ParsedWhen, TimeRange, parse_range, parse_when
from bot.rules import overtime as rules
from bot.rules.approvals import Shown
from bot.rules.clients import ClientIndex
from bot.rules.jobs import parse_job_number
from bot.rules.problems import Problem
from bot.settings import Settings
from bot.slack import blocks as bk
from bot.slack.limits import SELECT_OPTIONS_MAX
from bot.slack.listeners import Listen, Reply, Request, asks_help
from bot.slack.sender import Sender
from bot.slack.texts import Reader
from bot.slack.views import jobs as job_view
from bot.slack.views import overtime as view
from forms.engine import Engine
from handlers import overtime_report
from storage import jobs, queries
from storage import overtime as store
from storage.approvals import Filing
from storage.calendars import Calendars
from storage.db import Database
from storage.models import Client, Job, OvertimeForm
from storage.team_settings import TeamSettings

COMMAND = "/overtime"
TARGET_STATUSES = ("open",)  # overtime is filed for open jobs
QUICK_TIME_WORDS = 3  # the quick path's time is read from at most its first three words
_TIMELIKE = re.compile(r"[0-9０-９]|点|點|到|至|am|pm|until|till", re.IGNORECASE)

log = logging.getLogger("aebot.overtime")


@dataclass(frozen=True)
class OvertimeDeps:
    """What the overtime listeners use."""

    db: Database
    clock: Clock
    settings: Settings
    sender: Sender
    team_settings: TeamSettings
    calendars: Calendars
    deliver: Callable[[], None]  # the courier: deliver what was just queued
    engine: Engine

    def reader(self, req: Request) -> Reader:
        return req.reader(self.settings.tz, self.clock.now())


@dataclass(frozen=True)
class Planned:
    """The day a form is for, and its planned start and end (aware, the workspace zone)."""

    day: date
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Typed:
    """A form as read, before the database is asked."""

    target: tuple[str, int]
    members: tuple[str, ...]
    planned: Planned
    reason: str
    via: str


class Refusal(NamedTuple):
    """Why a form cannot be filed, and the field of the modal it is said under."""

    field: str
    text: str


@dataclass(frozen=True)
class Filed:
    form: OvertimeForm
    approver: str
    target: str  # the job's number and project, or the client's name


# --- the command ---------------------------------------------------------------------------
def overtime_command(req: Request, deps: OvertimeDeps) -> Reply:
    r = deps.reader(req)
    words = req.text.split(maxsplit=1)
    sub = words[0].lower() if words else ""
    rest = words[1].strip() if len(words) > 1 else ""
    if asks_help(sub):
        return Reply(text=r.t("overtime.help"))
    if not sub or sub in ("new", "新建"):
        return _open(req, deps, view.Prefill(members=(req.user,)))
    if sub in ("list", "mine", "列表"):
        return overtime_report.month_list(r, req, deps)
    if sub in ("report", "统计", "报表"):
        return overtime_report.report(r, req, deps, rest)
    return quick(r, req, deps, req.text)


def _open(req: Request, deps: OvertimeDeps, prefill: view.Prefill) -> Reply:
    return Reply(then=(partial(open_form, req, deps, prefill),))


def open_form(req: Request, deps: OvertimeDeps, prefill: view.Prefill) -> None:
    r = deps.reader(req)
    with deps.db.read() as s:
        options = target_options(s, r, req.team, req.user, prefill.target)
    modal = view.overtime_modal(r, options, prefill, {"channel": req.channel})
    deps.sender.open_modal(str(req.trigger_id), modal)


def target_options(
    s: Session, r: Reader, team: str, user: str, chosen: str | None
) -> list[tuple[str, str]]:
    """The picker: my open jobs, then my clients, then the team's other clients (the one
    already chosen first, even someone else's job); the modal shows the first 100."""
    options = [
        (view.job_value(j.id), view.job_label(j.number, j.project))
        for j in jobs.owned(s, team, user, TARGET_STATUSES)
        if j.id
    ]
    clients = job_view.sorted_clients(queries.list_clients(s, team), user, None)
    options += [(view.client_value(c.id), view.client_label(r, c.name)) for c in clients if c.id]
    picked = view.read_target(chosen)
    if picked and chosen not in dict(options) and picked[0] == "job":
        job = jobs.get(s, team, picked[1])
        if job is not None and job.id:
            options.append((view.job_value(job.id), view.job_label(job.number, job.project)))
    options.sort(key=lambda o: o[0] != chosen)
    return options[:SELECT_OPTIONS_MAX]


# --- reading the time ----------------------------------------------------------------------
def read_time(
    deps: OvertimeDeps, r: Reader, team: str, text: str, anchor: datetime, day: date | None
) -> Planned | str:
    """A planned time ("19:00-22:30", "晚上8点到凌晨1点", or an end alone, "到晚上十点", from the
    end of the working day), read from `anchor` (the form's day at the time of filing): a range
    is on the day it names, else the anchor's; an end alone on `day`, else the anchor's. Else a
    refusal's message in the reader's language."""
    tz, zone = deps.settings.aebot_tz, deps.settings.tz
    close = deps.team_settings.of(team).time("end_of_day")
    got = parse_range(text, anchor, tz, r.lang, close)
    if isinstance(got, TimeRange):
        return Planned(got.start.astimezone(zone).date(), got.start, got.end)
    if isinstance(got, DateRange):
        return r.t("overtime.need_times")
    end = rules.end_only(text)
    when = parse_when(end, anchor, tz, r.lang, close) if end else None
    if not isinstance(when, ParsedWhen) or not when.has_time:
        return got.message
    on = day or anchor.astimezone(zone).date()
    clock = when.at.astimezone(zone).time()
    span = rules.from_close(on, clock, close, zone)
    if span is None:
        return r.t("overtime.end_before_close", close=f"{close:%H:%M}", end=f"{clock:%H:%M}")
    return Planned(on, *span)


def read_planned(
    deps: OvertimeDeps, r: Reader, team: str, day_text: str, time_text: str
) -> Planned | dict[str, str]:
    """The form's day (empty: today, or the day the time names) and time; errors by field."""
    day = None
    if day_text.strip():
        close = deps.team_settings.of(team).time("end_of_day")
        when = parse_when(day_text, r.now, deps.settings.aebot_tz, r.lang, close)
        if isinstance(when, DateRefusal):
            return {view.DAY: when.message}
        day = when.at.astimezone(deps.settings.tz).date()
    if not time_text.strip():
        return {view.TIME: r.t("overtime.need_time")}
    local = r.now.astimezone(deps.settings.tz)
    anchor = local if day is None else datetime.combine(day, local.time(), deps.settings.tz)
    got = read_time(deps, r, team, time_text.strip(), anchor, day)
    return {view.TIME: got} if isinstance(got, str) else got


def reason_problem(r: Reader, reason: str) -> str | None:
    if not reason:
        return r.t("overtime.need_reason")
    if len(reason) > rules.REASON_MAX:
        return r.t("overtime.reason_too_long", max=rules.REASON_MAX)
    return None


# --- the quick path ------------------------------------------------------------------------
def quick(r: Reader, req: Request, deps: OvertimeDeps, text: str) -> Reply:
    """`/overtime 19:00-22:00 CR-202611-07 赶提案`: filed for me at once when every part reads;
    else the modal, filled with what did, saying what is missing."""
    words = text.split()
    planned, time_text, rest, notice = leading_time(deps, r, req.team, words)
    with deps.db.read() as s:
        target, reason, why = quick_target(s, r, req.team, rest)
    if not notice and not why and reason_problem(r, reason):
        why = r.t("overtime.quick.need_reason")
    notice = notice or why
    if planned is None or target is None or notice:
        prefill = view.Prefill(
            target=target,
            members=(req.user,),
            time=time_text,
            reason=reason[: rules.REASON_MAX],
            notice=notice or "",
        )
        return _open(req, deps, prefill)
    typed = Typed(view.read_target(target) or ("", 0), (req.user,), planned, reason, "command")
    now = deps.clock.now()
    with deps.db.write() as s:
        got = file_form(s, deps, r, req.team, req.user, typed, now)
    if isinstance(got, Refusal):
        return Reply(text=got.text)
    return Reply(text=confirmation(r, deps, req.team, got), then=(deps.deliver,))


def leading_time(
    deps: OvertimeDeps, r: Reader, team: str, words: list[str]
) -> tuple[Planned | None, str, list[str], str]:
    """The time the quick path starts with: (it, as typed, the words after it, why not)."""
    for k in range(min(QUICK_TIME_WORDS, len(words)), 0, -1):
        typed = " ".join(words[:k])
        got = read_time(deps, r, team, typed, r.now, None)
        if isinstance(got, Planned):
            return got, typed, words[k:], ""
    if not words or parse_job_number(words[0]) or not _TIMELIKE.search(words[0]):
        return None, "", words, r.t("overtime.quick.time_first")
    problem = read_time(deps, r, team, words[0], r.now, None)
    return None, words[0], words[1:], r.t("overtime.quick.time", problem=problem)


def quick_target(s: Session, r: Reader, team: str, words: list[str]) -> tuple[str | None, str, str]:
    """A job number or a client name, then the reason: (the target's value, the reason, why
    the target is missing)."""
    if not words:
        return None, "", r.t("overtime.quick.need_target")
    first, after = words[0], " ".join(words[1:])
    if parse_job_number(first):
        job = jobs.by_number(s, team, first)
        if job is None or job.id is None:
            return None, after, r.t("overtime.quick.unknown_number", number=bk.escape(first[:40]))
        if job.status not in TARGET_STATUSES:
            return (
                None,
                after,
                r.t(
                    "overtime.quick.job_not_open",
                    number=f"`{job.number}`",
                    status=r.t(f"job.status.{job.status}"),
                ),
            )
        return view.job_value(job.id), after, ""
    match, rest = ClientIndex(queries.list_clients(s, team)).split(" ".join(words))
    if match.client is not None and match.client.id is not None:
        return view.client_value(match.client.id), rest.strip(), ""
    name = bk.escape(first[:100])
    if match.candidates:
        names = r.join(bk.escape(c.name) for c in match.candidates[:10])
        return None, after, r.t("overtime.quick.ambiguous", name=name, names=names)
    return None, " ".join(words), r.t("overtime.quick.unknown_target", name=name)


# --- the form ------------------------------------------------------------------------------
def read_form(req: Request, deps: OvertimeDeps, r: Reader) -> Typed | dict[str, str]:
    form = req.form
    errors: dict[str, str] = {}
    target = view.read_target(form.get(view.TARGET))
    if target is None:
        errors[view.TARGET] = r.t("overtime.need_target")
    members = tuple(dict.fromkeys(view.selected_users(req.form.get(view.MEMBERS))))
    if not members:
        errors[view.MEMBERS] = r.t("overtime.need_members")
    elif len(members) > rules.MAX_MEMBERS:
        errors[view.MEMBERS] = r.t("overtime.too_many_members", max=rules.MAX_MEMBERS)
    planned = read_planned(
        deps, r, req.team, str(form.get(view.DAY) or ""), str(form.get(view.TIME) or "")
    )
    if isinstance(planned, dict):
        errors |= planned
    reason = str(form.get(view.REASON) or "").strip()
    if problem := reason_problem(r, reason):
        errors[view.REASON] = problem
    if errors or target is None or isinstance(planned, dict):
        return errors
    return Typed(target, members, planned, reason, "modal")


def submit_form(req: Request, deps: OvertimeDeps) -> Reply:
    """The modal: stored and sent for signature, or its problems shown under the fields."""
    r = deps.reader(req)
    typed = read_form(req, deps, r)
    if isinstance(typed, dict):
        return Reply(errors=typed)
    now = deps.clock.now()
    with deps.db.write() as s:
        got = file_form(s, deps, r, req.team, req.user, typed, now)
    if isinstance(got, Refusal):
        return Reply(errors={got.field: got.text})
    channel = req.metadata.get("channel")
    said = confirmation(r, deps, req.team, got)
    tell = partial(deps.sender.tell, req.user, channel if isinstance(channel, str) else None, said)
    return Reply(then=(deps.deliver, tell))


def file_form(
    s: Session, deps: OvertimeDeps, r: Reader, team: str, user: str, typed: Typed, now: datetime
) -> Filed | Refusal:
    """Store the form (late or not, the later start it earns) and ask its signer; or why not."""
    route = deps.engine.route(s, Filing(team, "overtime", user, ""), now)
    if isinstance(route, Problem):
        return Refusal(view.TARGET, r.problem(route))
    checked = _check(s, r, team, typed)
    if isinstance(checked, Refusal):
        return checked
    job, client = checked
    form = _store(s, deps, team, user, typed, job, client, now)
    label = view.job_label(job.number, job.project) if job else (client.name if client else "?")
    filing = Filing(
        team,
        "overtime",
        user,
        title=title(deps, form, label),
        reason=typed.reason,
        fields=shown_fields(deps, form, job, client, now),
        client_id=form.client_id,
        subject="overtime",
        subject_id=form.id,
        via=typed.via,
    )
    filed = deps.engine.ask(s, filing, now, route=route)
    assert not isinstance(filed, Problem) and form.id is not None  # routed above
    store.set_approval(s, form.id, filed.approval.id or 0)
    return Filed(form, filed.approval.approver_id or route.signers[0], label)


def _store(
    s: Session,
    deps: OvertimeDeps,
    team: str,
    user: str,
    typed: Typed,
    job: Job | None,
    client: Client | None,
    now: datetime,
) -> OvertimeForm:
    """The form as filed: late or not, and the later start it earns."""
    late, deferred = judged(deps, team, typed.planned, now)
    p = typed.planned
    fields = store.FormFields(
        user,
        typed.members,
        job.id if job else None,
        client.id if client else None,
        p.day,
        p.start,
        p.end,
        typed.reason,
        late,
        deferred,
    )
    return store.file(s, team, fields, now)


def _check(
    s: Session, r: Reader, team: str, typed: Typed
) -> tuple[Job | None, Client | None] | Refusal:
    """The job or client the form is for, and who stays: or why the form cannot be filed."""
    members = {m.user_id for m in queries.list_members(s, team)}
    strangers = [u for u in typed.members if u not in members]
    if strangers:
        return Refusal(
            view.MEMBERS, r.t("overtime.not_on_team", users=view.users_text(r, strangers))
        )
    kind, target_id = typed.target
    job = jobs.get(s, team, target_id) if kind == "job" else None
    client_id = job.client_id if job else (target_id if kind == "client" else None)
    client = queries.get_client(s, team, client_id) if client_id else None
    if (kind == "job" and job is None) or (kind == "client" and client is None):
        return Refusal(view.TARGET, r.t("overtime.target_gone"))
    if job is not None and job.status not in TARGET_STATUSES:
        text = r.t(
            "overtime.job_not_open",
            number=f"`{job.number}`",
            status=r.t(f"job.status.{job.status}"),
        )
        return Refusal(view.TARGET, text)
    return job, client


def judged(
    deps: OvertimeDeps, team: str, p: Planned, now: datetime
) -> tuple[bool, datetime | None]:
    """Late (filed at or after the day's cut-off), and the later start of the next working
    morning that work past 23:00 earns."""
    values = deps.team_settings.of(team)
    zone = deps.settings.tz
    late = rules.is_late(now, p.day, values.time("overtime_cutoff"), zone)
    next_day = deps.calendars.for_team(team).next_working_day(p.day)
    start = datetime.combine(next_day, values.time("start_of_day"), zone)
    deferred = rules.deferred_start(
        p.day,
        p.end,
        values.time("overtime_defer_after"),
        values.count("overtime_deferral_percent"),
        start,
    )
    return late, deferred


def title(deps: OvertimeDeps, form: OvertimeForm, label: str) -> str:
    """What every message about the request names it by (one text for every reader; a late
    form starts with ⚠)."""
    zone = deps.settings.tz
    a, b = form.start.astimezone(zone), form.end.astimezone(zone)
    mark = "⚠ " if form.late else ""
    return f"{mark}{form.day.isoformat()} {a:%H:%M}–{b:%H:%M} · {label}"


def shown_fields(
    deps: OvertimeDeps, form: OvertimeForm, job: Job | None, client: Client | None, now: datetime
) -> list[Shown]:
    """What the approver's DM shows (each reader in their language): late first."""
    out = [Shown("overtime.f.late", now.isoformat(), "when")] if form.late else []
    out += [
        Shown("overtime.f.day", form.day.isoformat(), "day"),
        Shown("overtime.f.time_range", view.time_text(form.start, form.end, deps.settings.tz)),
        Shown("overtime.f.hours", rules.hours_text(rules.minutes(form.start, form.end))),
        *(Shown("overtime.f.member", u, "user") for u in store.members_of(form)),
    ]
    if job is not None:
        out.append(Shown("overtime.f.job", view.job_label(job.number, job.project)))
    if client is not None:
        out.append(Shown("overtime.f.client", client.name))
    if form.deferred_until is not None:
        out.append(Shown("overtime.f.deferred", form.deferred_until.isoformat(), "when"))
    return out


def confirmation(r: Reader, deps: OvertimeDeps, team: str, f: Filed) -> str:
    """The filer's: on time or late, whom it waits for, and the later start it would earn."""
    values = deps.team_settings.of(team)
    form = f.form
    text = r.t(
        "overtime.filed_late" if form.late else "overtime.filed",
        day=r.day(form.day),
        time=view.time_text(form.start, form.end, r.zone),
        hours=rules.hours_text(rules.minutes(form.start, form.end)),
        members=view.users_text(r, store.members_of(form)),
        target=bk.escape(f.target),
        approver=f.approver,
        cutoff=f"{values.time('overtime_cutoff'):%H:%M}",
    )
    if form.deferred_until is not None:
        later = form.deferred_until.astimezone(r.zone)
        text += "\n" + r.t(
            "overtime.filed_deferred",
            day=r.day(later.date()),
            start=f"{later:%H:%M}",
            after=f"{values.time('overtime_defer_after'):%H:%M}",
        )
    return text


# --- buttons: "File overtime", "Edit and file again" ----------------------------------------
def open_click(req: Request, deps: OvertimeDeps) -> Reply:
    """A "File overtime" button (the 16:30 reminder's): the form, for me today."""
    return _open(req, deps, view.Prefill(members=(req.user,)))


def refile_click(req: Request, deps: OvertimeDeps) -> Reply:
    """Under a rejection: the form again, filled from the rejected one (filed as a new form)."""
    r = deps.reader(req)
    with deps.db.read() as s:
        form = store.get(s, req.team, req.record_id) if req.record_id else None
    if form is None:
        return _answer(deps, req, r.t("overtime.gone"))
    if form.filer_id != req.user:
        return _answer(deps, req, r.t("overtime.refile_not_yours", filer=form.filer_id))
    zone = deps.settings.tz
    a, b = form.start.astimezone(zone), form.end.astimezone(zone)
    target = (
        view.job_value(form.job_id)
        if form.job_id
        else (view.client_value(form.client_id) if form.client_id else None)
    )
    prefill = view.Prefill(
        target=target,
        members=tuple(store.members_of(form)),
        day=form.day.isoformat(),
        time=f"{a:%H:%M}-{b:%H:%M}",
        reason=form.reason,
        notice=r.t("overtime.refiling"),
    )
    return _open(req, deps, prefill)


def _answer(deps: OvertimeDeps, req: Request, text: str) -> Reply:
    return Reply(then=(partial(deps.sender.answer, req.response_url, req.user, text),))


def register(app: App, listen: Listen, deps: OvertimeDeps) -> None:
    app.command(COMMAND)(listen.ack(overtime_command, deps))
    app.view(view.FORM)(listen.ack(submit_form, deps))
    app.action(view.OPEN)(listen.ack(open_click, deps))
    app.action(view.REFILE)(listen.ack(refile_click, deps))
