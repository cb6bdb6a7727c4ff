"""`/overtime`: overtime forms (加班单) — filed in a modal or in one line (the form and its
filing: handlers/overtime_form.py), marked late after the day's cut-off (17:00), signed by the
project execution director through the form engine; work past 23:00 defers the next working
morning's start (11点以后第二天早上顺延). Also the month's list (`/overtime list`) and report
(`/overtime report 2026-11`, with an .xlsx in the DM: handlers/overtime_report.py).
"""

from __future__ import annotations

import re
from functools import partial

from slack_bolt import App
from sqlmodel import Session

from bot.rules import overtime as rules
from bot.rules.jobs import parse_job_number
from bot.slack import blocks as bk
from bot.slack.limits import SELECT_OPTIONS_MAX
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import jobs as job_view
from bot.slack.views import overtime as view
from handlers import first_steps, overtime_report
from handlers.client_lookup import client_leading
from handlers.deps import Deps
from handlers.overtime_form import (
    TARGET_STATUSES,
    Planned,
    Refusal,
    Typed,
    confirmation,
    file_form,
    read_time,
    reason_problem,
    submit_form,
)
from storage import jobs, queries
from storage import overtime as store

COMMAND = "/overtime"
QUICK_TIME_WORDS = 3  # the quick path's time is read from at most its first three words
_TIMELIKE = re.compile(r"[0-9０-９]|点|點|到|至|am|pm|until|till", re.IGNORECASE)


# --- the command ---------------------------------------------------------------------------
def overtime_command(req: Request, deps: Deps) -> Reply:
    return OVERTIME.run(deps.reader(req), req, deps, req.text)


def _new(r: Reader, req: Request, deps: Deps, _rest: str) -> Reply:
    """The form, for me today; without a job or client to pick, what to do first instead."""
    return _first_step(r, req, deps) or _open(req, deps, view.Prefill(members=(req.user,)))


def _first_step(r: Reader, req: Request, deps: Deps) -> Reply | None:
    """What the team lacks before overtime can be filed: a job needs a client, and so does
    overtime without a job."""
    with deps.db.read() as s:
        first = first_steps.missing(s, req.team)
    return Reply(text=r.t(first)) if first else None


def _open(req: Request, deps: Deps, prefill: view.Prefill) -> Reply:
    return Reply(then=(partial(open_form, req, deps, prefill),))


def open_form(req: Request, deps: Deps, prefill: view.Prefill) -> None:
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


# --- the quick path ------------------------------------------------------------------------
def quick(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/overtime 19:00-22:00 CR-202611-07 赶提案`: filed for me at once when every part reads;
    else the modal, filled with what did, saying what is missing."""
    if (first := _first_step(r, req, deps)) is not None:
        return first
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
    deps: Deps, r: Reader, team: str, words: list[str]
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
    found = client_leading(r, queries.list_clients(s, team), " ".join(words))
    if found.client is not None and found.client.id is not None:
        return view.client_value(found.client.id), found.rest.strip(), ""
    choose = r.t("overtime.quick.choose_below")
    if found.match.candidates:
        return None, after, f"{found.said}\n{choose}"
    return None, " ".join(words), f"{found.said}\n{choose}"


# --- buttons: "File overtime", "Edit and file again" ----------------------------------------
def open_click(req: Request, deps: Deps) -> Reply:
    """A "File overtime" button (the 16:30 reminder's): the form, for me today."""
    return _open(req, deps, view.Prefill(members=(req.user,)))


def refile_click(req: Request, deps: Deps) -> Reply:
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


def _answer(deps: Deps, req: Request, text: str) -> Reply:
    return Reply(then=(partial(deps.sender.answer, req.response_url, req.user, text),))


OVERTIME = Subcommands[Deps](
    COMMAND,
    help="overtime.help",
    subs={
        ("new", "新建"): _new,
        ("list", "mine", "列表"): lambda r, req, deps, _: overtime_report.month_list(r, req, deps),
        ("report", "统计", "报表"): overtime_report.report,
    },
    empty=_new,
    other=quick,  # `/overtime 19:00-22:00 CR-202611-07 赶提案`
)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.command(COMMAND)(listen.ack(overtime_command, deps))
    app.view(view.FORM)(listen.ack(submit_form, deps))
    app.action(view.OPEN)(listen.ack(open_click, deps))
    app.action(view.REFILE)(listen.ack(refile_click, deps))
