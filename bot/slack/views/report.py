"""Block Kit of the Friday report (周报): the headline, each AE's section (posted in the
headline's thread), a manager's summary of their people, and `/aebot report`'s preview.

Nothing is cut to fit Slack: a message too long for one is split (bot/slack/blocks.py
`parts`), and each list of messages is posted in order, the first one being the message
itself and the others its continuation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from bot.rules.overtime import hours_text
from bot.rules.week_input import JobRow
from bot.rules.week_report import AeWeek, ClientWeek, WeekReport
from bot.slack import blocks as bk
from bot.slack.texts import Reader

Msg = bk.Post
PREVIEW_TEAM_MAX = 40  # lines of a manager's preview (the rest counted in "…and n more")


# --- dates -------------------------------------------------------------------------------------
def week_number(monday: date) -> int:
    return monday.isocalendar().week


def short_day(r: Reader, d: date, year: int | None = None) -> str:
    """ "11月23日" / "23 Nov", with the year when it is not `year`."""
    if r.lang == "zh":
        return (f"{d.year}年" if year not in (None, d.year) else "") + f"{d.month}月{d.day}日"
    return f"{d.day} {d:%b}" + (f" {d.year}" if year not in (None, d.year) else "")


def span(r: Reader, rep: WeekReport) -> str:
    """The days the report covers: "11月23日–11月27日" / "23 Nov – 27 Nov"."""
    first, last = rep.monday, rep.last_day
    sep = "–" if r.lang == "zh" else " – "
    return f"{short_day(r, first)}{sep}{short_day(r, last, first.year)}"


def hours(minutes: int) -> str:
    return hours_text(minutes)


# --- the headline --------------------------------------------------------------------------------
def headline(r: Reader, rep: WeekReport) -> list[Msg]:
    """The report's first message: the week, who submitted notes and who did not, who was
    on leave all week, and the totals."""
    week, days = week_number(rep.monday), span(r, rep)
    t = rep.totals
    submitted = [bk.escape(a.person.name) for a in rep.submitted]
    lines = [
        r.t("friday.title", week=week, span=days),
        r.t(
            "friday.submitted",
            n=t.submitted,
            of=t.people,
            who=r.join(submitted) if submitted else r.t("friday.nobody"),
        ),
    ]
    if rep.not_submitted:
        lines.append(r.t("friday.not_submitted", who=_mentions(r, rep.not_submitted)))
    if rep.on_leave:
        lines.append(r.t("friday.on_leave", who=_mentions(r, rep.on_leave)))
    lines += [
        r.t(
            "friday.totals",
            logged=t.logged,
            required=t.required,
            days=t.contacted_days,
            missed=t.missed_clients,
            reports=t.reports_overdue,
        ),
        r.t(
            "friday.jobs_total",
            opened=t.opened,
            revised=t.revised,
            closed=t.closed,
            overdue=t.overdue,
        ),
        r.t("friday.overtime_total", on_time=hours(t.on_time_minutes), late=hours(t.late_minutes)),
    ]
    if t.monitored:
        lines.append(r.t("friday.owed_total", n=t.monitored))
    lines.append(r.t("friday.in_thread"))
    return bk.parts(r.t("friday.text", week=week, span=days), bk.sections(lines), r)


def _mentions(r: Reader, aes: Iterable[AeWeek]) -> str:
    return r.join(f"<@{a.user_id}>" for a in aes)


# --- one AE ----------------------------------------------------------------------------------------
def ae_lines(r: Reader, a: AeWeek) -> list[str]:
    """An AE's week: clients contacted against their cadence, missed calls, contacts by kind,
    contact reports overdue, jobs, overtime, receivables, funnel changes, notes, problems and
    suggestions."""
    name = bk.escape(a.person.name)
    lines = [r.t("friday.ae_on_leave" if a.all_week_leave else "friday.ae", name=name)]
    lines += [r.t("friday.clients"), *(_client_line(r, c) for c in a.clients)]
    if not a.clients:
        lines.append(r.t("friday.no_clients"))
    missed = [
        r.t("friday.missed_one", client=bk.escape(c.client.name), short=c.short) for c in a.missed
    ]
    lines.append(r.t("friday.missed", clients=r.join(missed) if missed else r.t("friday.nobody")))
    kinds = [f"{r.t('kind.' + k)} {n}" for k, n in a.by_kind.items()]
    lines.append(r.t("friday.kinds", kinds=" · ".join(kinds) or r.t("friday.nobody")))
    reports = [
        r.t(
            "friday.report_one",
            client=bk.escape(name_),
            kind=r.t("kind." + x.kind),
            day=short_day(r, x.at.astimezone(r.zone).date()),
        )
        for x, name_ in a.reports_overdue
    ]
    lines.append(r.t("friday.reports", items=r.join(reports) or r.t("friday.nobody")))
    lines.append(_jobs_line(r, a))
    lines += _items_line(r, a)
    lines.append(
        r.t("friday.overtime", on_time=hours(a.on_time_minutes), late=hours(a.late_minutes))
    )
    lines += _owed_and_changes(r, a)
    return lines + _notes_lines(r, a)


def _client_line(r: Reader, c: ClientWeek) -> str:
    key = "friday.client_short" if c.short else "friday.client"
    return r.t(
        key,
        client=bk.escape(c.client.name),
        days=c.days,
        n=c.contacts,
        required=c.required,
        short=c.short,
    )


def _numbers(r: Reader, jobs: Sequence[JobRow]) -> str:
    n = len(jobs)
    if not n:
        return "0"
    listed = r.join(j.number for j in jobs)
    return f"{n}（{listed}）" if r.lang == "zh" else f"{n} ({listed})"


def _jobs_line(r: Reader, a: AeWeek) -> str:
    return r.t(
        "friday.jobs",
        opened=_numbers(r, a.opened),
        revised=_numbers(r, a.revised),
        closed=_numbers(r, a.closed),
        overdue=_numbers(r, a.overdue),
    )


def _items_line(r: Reader, a: AeWeek) -> list[str]:
    """Action items (督促落实): a tally, left out for someone with none this week."""
    i = a.items
    if not (i.done or i.open):
        return []
    return [r.t("friday.items", done=i.done, open=i.open, overdue=i.overdue)]


def _owed_and_changes(r: Reader, a: AeWeek) -> list[str]:
    lines = []
    if a.monitored:
        items = [
            r.t(
                "friday.owed_one",
                client=bk.escape(m.client.name),
                amount=m.amount,
                due=short_day(r, m.due, r.now.year),
                months=m.months,
            )
            for m in a.monitored
        ]
        lines.append(r.t("friday.owed", items=r.join(items)))
    if a.changes:
        items = [
            r.t(
                "friday.change_one",
                client=bk.escape(name),
                from_=stage(r, ch.from_stage),
                to=stage(r, ch.to_stage),
            )
            for ch, name in a.changes
        ]
        lines.append(r.t("friday.funnel_changes", items=r.join(items)))
    return lines


def stage(r: Reader, name: str) -> str:
    key = f"friday.stage.{name}"
    try:
        return r.t(key)
    except KeyError:
        return bk.escape(name)


def _notes_lines(r: Reader, a: AeWeek) -> list[str]:
    if not a.submitted:
        return [r.t("friday.no_notes")]
    lines = []
    if a.notes:
        lines.append(r.t("friday.notes"))
        lines += [
            r.t("friday.note", client=bk.escape(c), text=bk.escape(text)) for c, text in a.notes
        ]
    if a.problems:
        lines.append(r.t("friday.problems", text=bk.escape(a.problems)))
    if a.suggestions:
        lines.append(r.t("friday.suggestions", text=bk.escape(a.suggestions)))
    return lines


def ae_messages(r: Reader, rep: WeekReport, a: AeWeek) -> list[Msg]:
    text = r.t("friday.ae_text", name=a.person.name, week=week_number(rep.monday))
    return bk.parts(text, bk.sections(ae_lines(r, a)), r)


# --- managers ------------------------------------------------------------------------------------
def team_line(r: Reader, a: AeWeek) -> str:
    """One line of a manager's summary for one of their people."""
    missed = [bk.escape(c.client.name) for c in a.missed]
    listed = r.join(missed)
    short = f"{len(missed)}（{listed}）" if r.lang == "zh" else f"{len(missed)} ({listed})"
    notes = "friday.team_notes_yes" if a.submitted else "friday.team_notes_no"
    if a.all_week_leave and not a.submitted:
        notes = "friday.team_notes_leave"
    return r.t(
        "friday.team_line",
        name=bk.escape(a.person.name),
        logged=a.logged,
        missed=short if missed else "0",
        reports=len(a.reports_overdue),
        opened=len(a.opened),
        revised=len(a.revised),
        closed=len(a.closed),
        overdue=len(a.overdue),
        hours=hours(a.on_time_minutes + a.late_minutes),
        late=hours(a.late_minutes),
        notes=r.t(notes),
    )


def team_messages(r: Reader, rep: WeekReport, manager: str, channel: str | None) -> list[Msg]:
    """A manager's DM: one line per person of theirs (everyone below them), and where the full
    report is; when long, the rest in its thread."""
    week, days = week_number(rep.monday), span(r, rep)
    lines = [r.t("friday.team_title", week=week, span=days)]
    lines += [team_line(r, a) for a in rep.team_of(manager)]
    if channel:
        lines.append(r.t("friday.team_channel", channel=channel))
    text = r.t("friday.team_text", week=week, span=days)
    return bk.parts(text, bk.sections(lines), r, rest="common.rest_in_thread")


# --- /aebot report -------------------------------------------------------------------------------
def preview(r: Reader, rep: WeekReport, user: str, now: datetime) -> Msg | None:
    """What `/aebot report` shows someone: their own section (an AE), their team's first lines
    (a manager), or both (what is left out is counted, never dropped silently); split when
    long by whoever sends it. None when there is nothing of theirs."""
    mine, team = rep.of(user), rep.team_of(user)
    if mine is None and not team:
        return None
    lines = [r.t("friday.preview_title", now=r.when(now))]
    if mine is not None:
        lines += ae_lines(r, mine)
    if team:
        lines.append(r.t("friday.preview_team"))
        lines += [team_line(r, a) for a in team[:PREVIEW_TEAM_MAX]]
        if len(team) > PREVIEW_TEAM_MAX:
            lines.append(r.more(len(team) - PREVIEW_TEAM_MAX))
    return r.t("friday.preview_text"), bk.sections(lines)
