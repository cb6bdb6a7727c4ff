"""Block Kit of the week's rhythm: the Monday agenda for the team channel (the rest in its
thread, never cut, when it outgrows one message), the DM to management about a receivable past
6 months, the Monday status-report drafts with "Sent" per client, and the lines of
`/aebot agenda` and `/aebot receivable` (the month-end drafts: views/month_end.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta

from bot.rules.agenda import Agenda, JobFact, Owed, Said, Shortfalls
from bot.rules.client_duties import Draft, job_step
from bot.rules.receivables import show_amount
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views import holidays as holiday_view
from bot.slack.views.approvals import kind_name
from bot.slack.views.jobs import status_name

SENT = "client_status_sent"  # value: the Duty's id

Post = bk.Post


def _name(names: Mapping[str, str], user: str) -> str:
    return bk.escape(names[user]) if user in names else f"<@{user}>"


# --- the agenda ---------------------------------------------------------------------------------
def agenda_posts(
    r: Reader, a: Agenda, meeting_day: date, at: time, minutes: int, place: str
) -> list[Post]:
    """The meeting's agenda: when and where, the four parts, the items, the receivables and
    the calendar warning."""
    values = {"at": f"{at:%H:%M}", "minutes": minutes, "place": bk.escape(place)}
    head = [
        bk.header(r.t("agenda.title", day=r.day(meeting_day))),
        bk.section(r.t("agenda.meeting_at" if place else "agenda.meeting", **values)),
    ]
    parts = [
        _progress(r, a),
        _this_week(r, a),
        holiday_view.agenda_lines(r, a.holiday, a.not_notified, a.names),
        [r.t("agenda.part3"), *_shortfalls(r, a.shortfalls, a.names)],
        [r.t("agenda.part4"), *_said(r, a.suggestions, a.names)],
        _extras(r, a),
    ]
    blocks = head + [b for lines in parts if lines for b in [bk.divider(), *bk.sections(lines)]]
    if a.uncovered_years:
        years = ", ".join(map(str, a.uncovered_years))
        warning = r.t("calendar.check_missing", years=years)
        blocks.append(bk.context(r.t("agenda.calendar", warning=warning)))
    text = r.t("agenda.text", day=r.day(meeting_day), at=values["at"])
    return bk.parts(text, blocks, r, rest="common.rest_in_thread")


def _progress(r: Reader, a: Agenda) -> list[str]:
    week = r.day(a.week - timedelta(days=7))
    lines = [r.t("agenda.part1", week=week)]
    for p in a.progress:
        name = _name(a.names, p.user)
        if not p.notes:
            lines.append(r.t("agenda.no_notes", name=name))
            continue
        lines.append(r.t("agenda.person", name=name))
        lines += [r.t("agenda.note", client=bk.escape(c), note=bk.escape(n)) for c, n in p.notes]
    return lines + ([] if a.progress else [r.t("agenda.nobody")])


def _this_week(r: Reader, a: Agenda) -> list[str]:
    lines = [r.t("agenda.part2")]
    lines.append(r.t("agenda.jobs", n=len(a.jobs)) if a.jobs else r.t("agenda.no_jobs"))
    for j in a.jobs:
        key = "agenda.job_overdue" if j.overdue else "agenda.job"
        lines.append(
            r.t(
                key,
                number=bk.escape(j.number),
                client=bk.escape(j.client),
                project=bk.escape(j.project),
                owner=_name(a.names, j.owner),
                internal=r.when(j.internal_deadline),
                deadline=r.when(j.deadline),
            )
        )
    lines.append(r.t("agenda.waiting", n=len(a.waiting)) if a.waiting else r.t("agenda.no_waiting"))
    lines += [
        r.t(
            "agenda.wait",
            requester=_name(a.names, w.requester),
            approver=_name(a.names, w.approver),
            kind=kind_name(r, w.kind),
            title=bk.escape(w.title),
            since=r.when(w.since),
        )
        for w in a.waiting
    ]
    others = a.overdue_items or a.late_jobs or a.ended_owed
    said = _said(r, a.problems, a.names) if a.problems or not others else []
    problems = [*said, *_late(r, a), *_overdue(r, a), *_ended(r, a)]
    return [*lines, r.t("agenda.problems"), *problems]


def _ended(r: Reader, a: Agenda) -> list[str]:
    """Receivables still open on clients whose contract has ended (合约结束), the oldest due
    first."""
    if not a.ended_owed:
        return []
    lines = [r.t("cend.agenda_title")]
    lines += [
        r.t(
            "cend.agenda_line",
            client=bk.escape(o.client),
            day=r.day(o.ended_on) if o.ended_on else "—",
            id=o.id,
            amount=show_amount(o.amount),
            due=r.day(o.due),
            name=_name(a.names, o.owner),
        )
        for o in a.ended_owed
    ]
    return lines


def _late(r: Reader, a: Agenda) -> list[str]:
    """Jobs past the client's deadline and not signed off, the longest past first."""
    if not a.late_jobs:
        return []
    lines = [r.t("jobremind.agenda_title")]
    lines += [
        r.t(
            "jobremind.agenda_line",
            number=bk.escape(j.number),
            client=bk.escape(j.client),
            project=bk.escape(j.project),
            owner=_name(a.names, j.owner),
            deadline=r.when(j.deadline),
            status=status_name(r, j.status),
        )
        for j in a.late_jobs
    ]
    return lines


def _overdue(r: Reader, a: Agenda) -> list[str]:
    """Open action items past their due day, the oldest first (督促落实)."""
    if not a.overdue_items:
        return []
    lines = [r.t("agenda.items_overdue")]
    for i in a.overdue_items:
        text = bk.escape(bk.clip(i.text, 200))
        name = _name(a.names, i.owner)
        lines.append(
            r.t(
                "agenda.item_overdue",
                name=name,
                client=bk.escape(i.client),
                text=text,
                day=r.day(i.due),
            )
        )
    return lines


def _said(r: Reader, rows: Sequence[Said], names: Mapping[str, str]) -> list[str]:
    out = [r.t("agenda.said", name=_name(names, x.user), text=bk.escape(x.text)) for x in rows]
    return out or [r.t("agenda.none")]


def _shortfalls(r: Reader, f: Shortfalls, names: Mapping[str, str]) -> list[str]:
    if not f:
        return [r.t("agenda.all_done")]
    lines: list[str] = []
    if f.missed:
        lines.append(r.t("agenda.missed"))
        for user, rows in sorted(f.missed.items(), key=lambda kv: _name(names, kv[0])):
            items = r.join(r.t("agenda.missed_client", client=bk.escape(c), n=n) for c, n in rows)
            lines.append(r.t("agenda.person_list", name=_name(names, user), items=items))
    if f.reports:
        lines.append(r.t("agenda.reports"))
        for user, clients in sorted(f.reports.items(), key=lambda kv: _name(names, kv[0])):
            shown = r.join(bk.escape(c) for c in clients)
            lines.append(
                r.t("agenda.report_count", name=_name(names, user), n=len(clients), clients=shown)
            )
    if f.late_forms:
        lines.append(r.t("agenda.late_forms"))
        lines += [
            r.t("agenda.late_form_count", name=_name(names, user), n=n)
            for user, n in sorted(f.late_forms.items(), key=lambda kv: _name(names, kv[0]))
        ]
    if f.no_notes:
        lines.append(r.t("agenda.no_notes_title"))
        lines.append(r.t("agenda.names", names=r.join(_name(names, u) for u in f.no_notes)))
    if f.unsent:
        lines.append(r.t("agenda.unsent"))
        for user, clients in sorted(f.unsent.items(), key=lambda kv: _name(names, kv[0])):
            shown = r.join(bk.escape(c) for c in clients)
            lines.append(r.t("agenda.person_list", name=_name(names, user), items=shown))
    if f.unconfirmed:
        lines.append(r.t("creport.agenda_title"))
        for user, rows in sorted(f.unconfirmed.items(), key=lambda kv: _name(names, kv[0])):
            shown = r.join(
                r.t("creport.agenda_item", client=bk.escape(c), since=r.day(d)) for c, d in rows
            )
            lines.append(r.t("agenda.person_list", name=_name(names, user), items=shown))
    return lines


def _extras(r: Reader, a: Agenda) -> list[str]:
    lines: list[str] = []
    if a.items:
        lines.append(r.t("agenda.items"))
        lines += [
            r.t("agenda.item", text=bk.escape(text), name=_name(a.names, by))
            for _, text, by in a.items
        ]
    if a.owed:
        lines.append(r.t("agenda.owed"))
        lines += [owed_line(r, o) for o in a.owed]
    return lines


def owed_line(r: Reader, o: Owed) -> str:
    key = "agenda.owed_flagged" if o.flagged else "agenda.owed_line"
    return r.t(
        key,
        id=o.id,
        client=bk.escape(o.client),
        amount=show_amount(o.amount),
        due=r.day(o.due),
        months=o.months,
    )


def no_channel(r: Reader) -> Post:
    text = r.t("agenda.no_channel")
    return text, [bk.section(text)]


def flagged(r: Reader, o: Owed, by: str) -> Post:
    """The DM to a general manager (else an admin) the first Monday a receivable is past 6
    months overdue."""
    values = {"client": bk.escape(o.client), "amount": show_amount(o.amount)}
    text = r.t("agenda.flagged_text", **values)
    body = r.t("agenda.flagged", id=o.id, due=r.day(o.due), months=o.months, by=by, **values)
    return text, [bk.section(body)]


# --- Monday: the weekly status report to each client ---------------------------------------------
def status_posts(r: Reader, drafts: Sequence[Draft], week: date) -> list[Post]:
    """One AE's drafts, each client's with its "Sent" button (or when it was marked sent)."""
    start = datetime.combine(week, time(0), r.zone)
    span = (start, start + timedelta(days=7))
    intro = r.t("status.intro", start=r.day(week), end=r.day(week + timedelta(days=4)))
    units: list[bk.Unit] = [bk.section(intro)]
    for d in drafts:
        lines = [r.t("status.client", client=bk.escape(d.client))]
        lines += [_job_line(r, j, span) for j in d.jobs] or [r.t("status.no_jobs")]
        if d.next_steps:
            lines.append(r.t("status.next", text=bk.escape(d.next_steps)))
        units.append(_with_button(r, lines, d, SENT, "status.sent_button", "status.sent"))
    return bk.parts(r.t("status.text", n=len(drafts)), units, r, rest="common.rest_in_thread")


def _job_line(r: Reader, j: JobFact, week: tuple[datetime, datetime]) -> str:
    step = job_step(j, week, r.now)
    closed = r.when(j.closed_at) if j.closed_at else ""
    said = r.t(
        f"status.step.{step}",
        deadline=r.when(j.deadline),
        internal=r.when(j.internal_deadline),
        closed=closed,
    )
    return r.t("status.job", number=bk.escape(j.number), project=bk.escape(j.project), step=said)


def _with_button(
    r: Reader, lines: list[str], d: Draft, action: str, button: str, done: str
) -> list[bk.Block]:
    """A client's lines with its button on the first section, or the line saying when it was
    marked done; the first block's id names the duty (`part_with`)."""
    first, *rest = bk.sections(lines)
    first["block_id"] = f"duty-{d.duty_id}"
    if d.done_at is not None:
        return [first, *rest, bk.context(r.t(done, when=r.when(d.done_at)))]
    first["accessory"] = bk.button(r.t(button), action, str(d.duty_id), "primary")
    return [first, *rest]


def part_with(posts: Sequence[Post], duty_id: int) -> Post | None:
    """The message of a split DM that carries a duty's button or done line."""
    block_id = f"duty-{duty_id}"
    return next((p for p in posts if any(b.get("block_id") == block_id for b in p[1])), None)
