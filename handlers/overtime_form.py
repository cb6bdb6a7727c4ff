"""The overtime form (加班单): reading it (the time, the people, the job or client, the reason),
storing it with what the rules work out when it is filed (late after the day's cut-off; a later
start the next morning for work past 23:00), and asking its signer through the form engine
(forms/registered/overtime.py, which also tells of a later start once approved)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import NamedTuple

from sqlmodel import Session

from bot.dates import DateRange, DateRefusal, ParsedWhen, TimeRange, parse_range, parse_when
from bot.rules import overtime as rules
from bot.rules.approvals import Shown
from bot.rules.job_life import LIVE
from bot.rules.problems import Problem
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import overtime as view
from handlers.deps import Deps
from storage import jobs, queries
from storage import overtime as store
from storage.approvals import Filing
from storage.models import Client, Job, OvertimeForm

TARGET_STATUSES = LIVE  # overtime is filed for approved jobs not yet closed


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


# --- reading the time ----------------------------------------------------------------------
def read_time(
    deps: Deps, r: Reader, team: str, text: str, anchor: datetime, day: date | None
) -> Planned | str:
    """A planned time ("19:00-22:30", "晚上8点到凌晨1点", or an end alone, "到晚上十点", from the
    end of the working day), read from `anchor` (the form's day at the time of filing): a range
    is on the day it names, else the anchor's; an end alone on `day`, else the anchor's. Else a
    refusal's message in the reader's language."""
    tz, zone = deps.settings.aebot_tz, deps.settings.tz
    close = deps.team_settings.of(team).end_of_day
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
    deps: Deps, r: Reader, team: str, day_text: str, time_text: str
) -> Planned | dict[str, str]:
    """The form's day (empty: today, or the day the time names) and time; errors by field."""
    day = None
    if day_text.strip():
        close = deps.team_settings.of(team).end_of_day
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


# --- the form ------------------------------------------------------------------------------
def read_form(req: Request, deps: Deps, r: Reader) -> Typed | dict[str, str]:
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


def submit_form(req: Request, deps: Deps) -> Reply:
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
    s: Session, deps: Deps, r: Reader, team: str, user: str, typed: Typed, now: datetime
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
    deps: Deps,
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


def judged(deps: Deps, team: str, p: Planned, now: datetime) -> tuple[bool, datetime | None]:
    """Late (filed at or after the day's cut-off), and the later start of the next working
    morning that work past 23:00 earns."""
    values = deps.team_settings.of(team)
    zone = deps.settings.tz
    late = rules.is_late(now, p.day, values.time("overtime_cutoff"), zone)
    next_day = deps.calendars.for_team(team).next_working_day(p.day)
    start = datetime.combine(next_day, values.start_of_day, zone)
    deferred = rules.deferred_start(
        p.day,
        p.end,
        values.time("overtime_defer_after"),
        values.count("overtime_deferral_percent"),
        start,
    )
    return late, deferred


def title(deps: Deps, form: OvertimeForm, label: str) -> str:
    """What every message about the request names it by (one text for every reader; a late
    form starts with ⚠)."""
    zone = deps.settings.tz
    a, b = form.start.astimezone(zone), form.end.astimezone(zone)
    mark = "⚠ " if form.late else ""
    return f"{mark}{form.day.isoformat()} {a:%H:%M}–{b:%H:%M} · {label}"


def shown_fields(
    deps: Deps, form: OvertimeForm, job: Job | None, client: Client | None, now: datetime
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


def confirmation(r: Reader, deps: Deps, team: str, f: Filed) -> str:
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
