"""Block Kit of overtime forms (加班单): the modal, the filer's confirmation, `/overtime list`,
the month's report (its .xlsx is handlers/overtime_report.py's), and the DMs about a later
start the next morning."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.rules.overtime import MAX_MEMBERS, REASON_MAX, Report, Week, hours_text
from bot.slack import blocks as bk
from bot.slack.limits import LABEL_MAX
from bot.slack.texts import Reader

FORM = "overtime_form"  # callback_id of the modal
OPEN = "overtime_file"  # a button that opens the modal (the 16:30 reminder's "File overtime")
REFILE = "overtime_refile"  # under a rejection: the modal again, filled from the rejected form
TARGET, MEMBERS, DAY, TIME, REASON = "target", "members", "day", "time", "reason"


@dataclass(frozen=True)
class Prefill:
    """What the modal shows already: what the quick path read, or a rejected form's fields;
    `notice` says above the form what is missing or could not be read."""

    target: str | None = None  # "job:ID" or "client:ID"
    members: tuple[str, ...] = ()
    day: str = ""
    time: str = ""
    reason: str = ""
    notice: str = ""


def job_value(job_id: int) -> str:
    return f"job:{job_id}"


def client_value(client_id: int) -> str:
    return f"client:{client_id}"


def read_target(value: object) -> tuple[str, int] | None:
    """ "job:12" → ("job", 12); None for anything else."""
    kind, _, number = str(value or "").partition(":")
    if kind not in ("job", "client") or not number.isdigit() or len(number) > 17:
        return None
    return kind, int(number)


def job_label(number: str, project: str) -> str:
    return f"{number} {project}"


def client_label(r: Reader, name: str) -> str:
    return r.t("overtime.option.client", name=name)


def overtime_modal(
    r: Reader, options: Sequence[tuple[str, str]], prefill: Prefill, meta: Mapping[str, Any]
) -> bk.Block:
    """The form: the job or client (the filer's open jobs first), who stays (the filer by
    default), the day (empty = today), the planned time, the reason."""
    p = prefill
    body: list[bk.Block] = [bk.section(p.notice)] if p.notice else []
    if options:
        shown = [bk.option(label, value) for value, label in options]
        body.append(
            bk.select_input(
                TARGET,
                r.t("overtime.f.target"),
                shown,
                initial=p.target,
                placeholder=r.t("overtime.form.target_ph"),
            )
        )
    else:
        body.append(bk.section(r.t("overtime.no_targets")))
    body += [
        users_input(MEMBERS, r.t("overtime.f.members"), p.members),
        bk.text_input(
            DAY,
            r.t("overtime.f.day"),
            initial=p.day,
            optional=True,
            max_length=100,
            placeholder=r.t("overtime.form.day_ph"),
        ),
        bk.text_input(
            TIME,
            r.t("overtime.f.time"),
            initial=p.time,
            max_length=100,
            placeholder=r.t("overtime.form.time_ph"),
        ),
        bk.text_input(
            REASON,
            r.t("overtime.f.reason"),
            initial=p.reason,
            multiline=True,
            max_length=REASON_MAX,
            placeholder=r.t("overtime.form.reason_ph"),
        ),
    ]
    return bk.modal(
        FORM,
        r.t("overtime.modal.title"),
        body,
        r.t("overtime.form.submit") if options else None,
        r.t("common.cancel"),
        json.dumps(dict(meta)),
    )


def users_input(block_id: str, label: str, initial: Sequence[str]) -> bk.Block:
    """A multi_users_select input (bot/slack/blocks.py has the single one)."""
    el: bk.Block = {
        "type": "multi_users_select",
        "action_id": "value",
        "max_selected_items": MAX_MEMBERS,
    }
    if initial:
        el["initial_users"] = list(initial)[:MAX_MEMBERS]
    return {
        "type": "input",
        "block_id": block_id,
        "label": bk.plain(label, LABEL_MAX),
        "element": el,
        "optional": False,
    }


def selected_users(chosen: object) -> list[str]:
    """The users chosen in the form's multi_users_select (`Request.form` gives the list)."""
    return [u for u in chosen if isinstance(u, str)] if isinstance(chosen, list) else []


# --- what the filer, the list and the report show --------------------------------------------
def time_text(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """ "19:00–22:30"; "19:00–00:30 (+1)" when it ends the next day."""
    a, b = start.astimezone(zone), end.astimezone(zone)
    days = (b.date() - a.date()).days
    return f"{a:%H:%M}–{b:%H:%M}" + (f" (+{days})" if days > 0 else "")


def users_text(r: Reader, users: Sequence[str]) -> str:
    return r.join(f"<@{u}>" for u in users)


@dataclass(frozen=True)
class Shown:
    """A form as `/overtime list` shows it (its target already a label)."""

    day: date
    start: datetime
    end: datetime
    minutes: int
    target: str
    status: str
    late: bool


def week_line(r: Reader, w: Week) -> str:
    return r.t(
        "overtime.list.week",
        week=w.week,
        first=r.day(w.monday),
        last=r.day(w.monday + timedelta(days=6)),
        approved=hours_text(w.approved),
        waiting=hours_text(w.waiting),
    )


def form_line(r: Reader, f: Shown) -> str:
    key = "overtime.list.line_late" if f.late else "overtime.list.line"
    return r.t(
        key,
        day=r.day(f.day),
        time=time_text(f.start, f.end, r.zone),
        hours=hours_text(f.minutes),
        target=bk.escape(f.target),
        status=r.t(f"overtime.status.{f.status}"),
    )


def month_list(
    r: Reader, month: str, weeks: Sequence[Week], forms: Sequence[Shown]
) -> tuple[str, list[bk.Block]]:
    """My forms of the month, under the ISO week they fall in, with its hours."""
    title = r.t("overtime.list.title", month=month, n=len(forms))
    lines: list[str] = [f"*{title}*"]
    by_week = {(w.year, w.week): w for w in weeks}
    seen: set[tuple[int, int]] = set()
    for f in forms:
        iso = f.day.isocalendar()
        key = (iso.year, iso.week)
        if key not in seen:
            seen.add(key)
            w = by_week.get(key) or Week(
                iso.year, iso.week, f.day - timedelta(f.day.weekday()), 0, 0
            )
            lines.append(week_line(r, w))
        lines.append(form_line(r, f))
    return title, bk.cap_blocks(bk.sections(lines), r.more)


def month_name(r: Reader, year: int, month: int) -> str:
    """ "2026年11月", "November 2026" (a date written as bot.dates writes them)."""
    return f"{_EN_MONTHS[month - 1]} {year}" if r.lang == "en" else f"{year}年{month}月"


_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def report_message(
    r: Reader, month: str, rep: Report, targets: Mapping[str, str]
) -> tuple[str, list[bk.Block]]:
    """The month's approved overtime by person and by job or client (`targets`: label by
    key)."""
    if not rep.forms:
        text = r.t("overtime.report.none", month=month)
        return text, [bk.section(text)]
    title = r.t("overtime.report.title", month=month, n=rep.forms, hours=hours_text(rep.minutes))
    lines = [title, r.t("overtime.report.people")]
    lines += [
        r.t("overtime.report.person_line", user=x.key, hours=hours_text(x.minutes), n=x.forms)
        for x in rep.people
    ]
    lines.append(r.t("overtime.report.jobs"))
    lines += [
        r.t(
            "overtime.report.target_line",
            target=bk.escape(targets.get(x.key, x.key)),
            hours=hours_text(x.minutes),
            n=x.forms,
        )
        for x in rep.targets
    ]
    lines.append(r.t("overtime.report.file_note"))
    return title, bk.cap_blocks(bk.sections(lines), r.more)


# --- a later start the next morning ------------------------------------------------------------
def deferred_for_manager(
    r: Reader, users: Sequence[str], end: datetime, until: datetime
) -> tuple[str, list[bk.Block]]:
    """To a member's manager: who worked late and when they start (one line each)."""
    local = until.astimezone(r.zone)
    lines = [
        r.t(
            "overtime.deferred.manager",
            user=u,
            end=f"{end.astimezone(r.zone):%H:%M}",
            start=f"{local:%H:%M}",
            day=r.day(local.date()),
        )
        for u in users
    ]
    text = "\n".join(lines)
    return text, bk.sections(lines)


def deferred_for_member(r: Reader, end: datetime, until: datetime) -> tuple[str, list[bk.Block]]:
    local = until.astimezone(r.zone)
    text = r.t(
        "overtime.deferred.member",
        end=f"{end.astimezone(r.zone):%H:%M}",
        start=f"{local:%H:%M}",
        day=r.day(local.date()),
    )
    return text, [bk.section(text)]
