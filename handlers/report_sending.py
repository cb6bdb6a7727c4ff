"""Sending a contact report: the form checked in the ack (its problems under the fields, the
action items read by their line reader), then, after the ack, the report stored with its items
and its messages queued in one transaction, and delivered."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlmodel import Session

from bot.rules.action_items import ItemLine, read_item_lines
from bot.rules.reports import ReportFields, read_report_form
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views.action_items import problem_text
from forms.action_items import item_messages
from forms.notices import Writer
from handlers.action_items import redraw_owner_dms
from handlers.deps import Deps
from handlers.home import HomeTab
from handlers.report_checks import why_not_edit, why_not_write
from handlers.report_messages import report_messages
from storage import action_items, outbox
from storage import reports as stored
from storage.action_items import rows_of
from storage.directory import Directory
from storage.models import ActionItem, ContactReport
from storage.reports import ReportContext

SEND_AFTER = 0.05  # seconds from the ack to storing and sending (measured: bench_report_form.py)


@dataclass(frozen=True)
class ReportDeps(Deps):
    """The team's cached members (an action item's @name) and the App Home, redrawn once a
    report is sent."""

    directory: Directory
    home: HomeTab


@dataclass(frozen=True)
class Stored:
    """What storing a report came to: a refusal, or the report, who had it before an edit,
    and the items it added."""

    refusal: str = ""
    values: dict[str, object] | None = None
    report: ContactReport | None = None
    before: tuple[str, ...] = ()
    added: tuple[ActionItem, ...] = ()
    dropped: tuple[ActionItem, ...] = ()  # by an edit: their owners' DMs lose Done


def submit_report(req: Request, deps: ReportDeps) -> Reply:
    """The report form: its problems under the fields, or closed at once and sent after (the
    ack never waits for the database or Slack)."""
    r = deps.reader(req)
    fields, problems = read_report_form(req.form)
    errors = {name: r.problem(p) for name, p in problems.items()}
    items = _item_lines(deps, req, r, req.form.get("items"), errors)
    meta = req.metadata
    contact_id, report_id = meta.get("contact_id"), meta.get("report_id")
    if not isinstance(contact_id, int) or not isinstance(report_id, int | None):
        errors.setdefault("conclusions", r.t("creport.gone"))
    if errors or fields is None or not isinstance(contact_id, int):
        return Reply(errors=errors)
    send = partial(send_report, req, deps, contact_id, report_id, fields, items)
    return Reply(then=(send,))


def _item_lines(
    deps: ReportDeps, req: Request, r: Reader, text: object, errors: dict[str, str]
) -> list[ItemLine]:
    """The action-item box read line by line (owner, words, due day); its problem shown
    under it. Owners are on the team."""
    if "items" in errors or not isinstance(text, str) or not text.strip():
        return []
    people = deps.directory.people(req.team)
    names = deps.directory.at_names(req.team)
    end_of_day = deps.team_settings.of(req.team).end_of_day
    tz = deps.settings.tz
    lines, problem = read_item_lines(text, req.user, names, r.now, tz, r.lang, end_of_day)
    if problem is not None:
        errors["items"] = problem_text(r, problem)
        return []
    stranger = next((i.owner_id for i in lines if i.owner_id not in people), None)
    if stranger:
        errors["items"] = r.t("todo.owner_not_member", owner=stranger)
        return []
    return lines


def send_report(
    req: Request,
    deps: ReportDeps,
    contact_id: int,
    report_id: int | None,
    fields: ReportFields,
    items: list[ItemLine],
) -> None:
    """Store the report (or its next version) with its action items, and queue its messages
    and the new items' DMs to their owners in one transaction, then deliver them; a refusal
    found now is told to the author in a DM. It starts a moment after the ack (`SEND_AFTER`):
    the ack's answer leaves while this thread waits, not while it holds the interpreter."""
    time.sleep(SEND_AFTER)
    now = deps.clock.now()
    with deps.db.write() as s:
        ctx = stored.context(s, req.team, contact_id)
        got = _store(s, deps, req, ctx, report_id, fields, items, now)
        if got.report is not None and ctx is not None and got.report.id:
            listed = stored.report_items(s, req.team, got.report.id)
            messages = report_messages(deps, ctx, got.report, list(got.before), now, listed)
            writer = Writer(deps.settings, ctx.members, now)
            messages += item_messages(
                writer, req.team, rows_of(got.added, ctx.client, ctx.contact.at)
            )
            outbox.enqueue(s, messages, now, outbox.wall())
    if got.refusal:
        return deps.refuse(req, got.refusal, **(got.values or {}))
    deps.deliver()
    if got.dropped and ctx is not None:
        redraw_owner_dms(deps, req.team, rows_of(got.dropped, ctx.client, ctx.contact.at), now)
    deps.home.changed(req.team, req.user, req.lang)


def _store(
    s: Session,
    deps: Deps,
    req: Request,
    ctx: ReportContext | None,
    report_id: int | None,
    fields: ReportFields,
    items: list[ItemLine],
    now: datetime,
) -> Stored:
    """The report stored with its items: new, or the next version of the one being edited."""
    if report_id is None:
        refusal, values = why_not_write(deps, req, ctx)
        if refusal or ctx is None:
            return Stored(refusal, values)
        report = stored.insert(s, ctx.contact, req.user, fields, now)
        if report is None:
            return Stored("creport.already_written", {"when": deps.reader(req).when(now)})
        added = action_items.add_items(
            s,
            req.team,
            author_id=report.author_id,
            client_id=report.client_id,
            report_id=report.id,
            lines=items,
            now=now,
        )
        return Stored(report=report, added=tuple(added))
    report = ctx.report if ctx is not None and ctx.report and ctx.report.id == report_id else None
    refusal, values = why_not_edit(deps, req, report)
    if refusal or report is None:
        return Stored(refusal or "creport.gone", values)
    before = stored.revise(s, report, fields, now)
    new, _, dropped = action_items.replace_items(s, req.team, report_id, items, now)
    return Stored(report=report, before=tuple(before), added=tuple(new), dropped=tuple(dropped))
