"""The contact report (联络报告, 会议纪要): its form, pre-filled from a contact or a meeting;
sending it to the service team through the outbox; Client confirmed; corrections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from slack_bolt import App
from sqlmodel import Session

from bot.rules.reports import ReportFields, may_confirm, may_write, read_report_form, service_team
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.views import reports as view
from handlers.deps import Deps
from handlers.home import HomeTab
from handlers.report_messages import author_blocks, report_messages, shown
from storage import outbox
from storage import reports as stored
from storage.models import ContactReport
from storage.reports import ReportContext


@dataclass(frozen=True)
class ReportPrefill:
    """What the report form opens with besides the contact's own record: a meeting's people
    and topic (`/meeting`), when the report is written after one."""

    contact_id: int
    meeting_id: int | None = None
    our_attendees: tuple[str, ...] = ()
    client_attendees: str = ""
    topic: str = ""


@dataclass(frozen=True)
class ReportDeps(Deps):
    """The App Home, redrawn once a report is sent."""

    home: HomeTab


def refuse(req: Request, deps: Deps, key: str, **values: object) -> None:
    """Tell only the clicker why nothing changed (in reply to the click, else in a DM)."""
    deps.sender.answer(req.response_url, req.user, deps.reader(req).t(key, **values))


def _why_not_write(deps: Deps, req: Request, ctx: ReportContext | None) -> tuple[str, dict]:
    """Why `req.user` may not write this contact's report ("" when they may)."""
    if ctx is None:
        return "creport.gone", {}
    if ctx.report is not None:
        sent = ctx.report.sent_at or ctx.report.created_at
        return "creport.already_written", {"when": deps.reader(req).when(sent)}
    c, client = ctx.contact, ctx.client
    people = (c.author_id, client.owner_id, client.backup_owner_id)
    if not may_write(req.user, people, (ctx.manager(c.author_id),), deps.admin(req.user)):
        return "creport.not_yours_write", {}
    return "", {}


def open_report_form(req: Request, deps: Deps, prefill: ReportPrefill) -> None:
    """The report form for a contact, pre-filled, opened with the click's trigger id."""
    with deps.db.read() as s:
        ctx = stored.context(s, req.team, prefill.contact_id)
    refusal, values = _why_not_write(deps, req, ctx)
    if refusal or ctx is None:
        return refuse(req, deps, refusal, **values)
    client = ctx.client
    ours = list(dict.fromkeys([req.user, *prefill.our_attendees]))
    team = service_team(
        req.user,
        client.owner_id,
        client.backup_owner_id,
        ours,
        ctx.job_owners,
        ctx.manager(req.user),
    )
    meta: dict[str, Any] = {"contact_id": ctx.contact.id}
    if prefill.meeting_id:
        meta["meeting_id"] = prefill.meeting_id
    modal = view.report_modal(
        deps.reader(req),
        ctx.contact,
        client,
        ours=ours,
        theirs=prefill.client_attendees,
        sent_to=team,
        metadata=meta,
    )
    deps.sender.open_modal(str(req.trigger_id), modal)


def write_click(req: Request, deps: Deps) -> None:
    """Write report (on the confirmation, the reminders and the App Home)."""
    open_report_form(req, deps, ReportPrefill(req.record_id))


def _why_not_edit(deps: Deps, req: Request, report: ContactReport | None) -> tuple[str, dict]:
    r = deps.reader(req)
    if report is None:
        return "creport.gone", {}
    if report.author_id != req.user:
        return "creport.not_author", {"author": report.author_id}
    if report.confirmed_at is not None:
        return "creport.edit_confirmed", {
            "when": r.when(report.confirmed_at),
            "user": report.confirmed_by or "",
        }
    return "", {}


def edit_click(req: Request, deps: Deps) -> None:
    """Edit report (the author's copy): the form, filled with the report as last sent."""
    with deps.db.read() as s:
        report = stored.get(s, req.team, req.record_id)
        ctx = stored.context(s, req.team, report.contact_id) if report else None
    refusal, values = _why_not_edit(deps, req, report)
    if refusal or ctx is None or report is None:
        return refuse(req, deps, refusal or "creport.gone", **values)
    modal = view.report_modal(
        deps.reader(req),
        ctx.contact,
        ctx.client,
        ours=stored.people(report.our_attendees),
        theirs=report.client_attendees,
        conclusions=report.conclusions,
        items=report.items_text,
        sent_to=stored.people(report.sent_to),
        metadata={"contact_id": report.contact_id, "report_id": report.id},
        editing=True,
    )
    deps.sender.open_modal(str(req.trigger_id), modal)


def submit_report(req: Request, deps: ReportDeps) -> Reply:
    """The report form: its problems under the fields, or closed at once and sent after (the
    ack never waits for the database or Slack)."""
    r = deps.reader(req)
    fields, problems = read_report_form(req.form)
    if fields is None:
        return Reply(errors={name: r.problem(p) for name, p in problems.items()})
    meta = req.metadata
    contact_id, report_id = meta.get("contact_id"), meta.get("report_id")
    if not isinstance(contact_id, int) or not isinstance(report_id, int | None):
        return Reply(errors={"conclusions": r.t("creport.gone")})
    return Reply(then=(partial(send_report, req, deps, contact_id, report_id, fields),))


def send_report(
    req: Request, deps: ReportDeps, contact_id: int, report_id: int | None, fields: ReportFields
) -> None:
    """Store the report (or its next version) and queue its messages in one transaction, then
    deliver them; a refusal found now is told to the author in a DM."""
    now = deps.clock.now()
    with deps.db.write() as s:
        ctx = stored.context(s, req.team, contact_id)
        refusal, values, report, before = _store(s, deps, req, ctx, report_id, fields, now)
        if report is not None and ctx is not None:
            outbox.enqueue(s, report_messages(deps, ctx, report, before, now), now, outbox.wall())
    if refusal:
        return refuse(req, deps, refusal, **values)
    deps.deliver()
    deps.home.changed(req.team, req.user, req.lang)


def _store(
    s: Session,
    deps: Deps,
    req: Request,
    ctx: ReportContext | None,
    report_id: int | None,
    fields: ReportFields,
    now: datetime,
) -> tuple[str, dict, ContactReport | None, list[str]]:
    """The report stored: new, or the next version of the one being edited."""
    if report_id is None:
        refusal, values = _why_not_write(deps, req, ctx)
        if refusal or ctx is None:
            return refusal, values, None, []
        report = stored.insert(s, ctx.contact, req.user, fields, now)
        if report is None:
            return "creport.already_written", {"when": deps.reader(req).when(now)}, None, []
        return "", {}, report, []
    report = ctx.report if ctx is not None and ctx.report and ctx.report.id == report_id else None
    refusal, values = _why_not_edit(deps, req, report)
    if refusal or report is None:
        return refusal or "creport.gone", values, None, []
    return "", {}, report, stored.revise(s, report, fields, now)


def confirm_click(req: Request, deps: Deps) -> None:
    """Client confirmed (the author's copy): who and when, recorded once; the copy redrawn."""
    now = deps.clock.now()
    with deps.db.write() as s:
        report = stored.get(s, req.team, req.record_id)
        ctx = stored.context(s, req.team, report.contact_id) if report else None
        refusal, values = _why_not_confirm(deps, req, ctx, report)
        if not refusal and not stored.confirm(s, req.team, req.record_id, req.user, now):
            s.refresh(report)
            refusal, values = _why_not_confirm(deps, req, ctx, report)
        if report is not None and not refusal:
            s.refresh(report)
    if refusal or ctx is None or report is None:
        return refuse(req, deps, refusal or "creport.gone", **values)
    r = deps.reader(req)
    said = r.t("creport.confirmed_ok", client=view.bk.escape(ctx.client.name), when=r.when(now))
    blocks = author_blocks(deps, ctx, shown(ctx, report), now)
    if report.author_id != req.user:
        return deps.sender.answer(req.response_url, req.user, said)
    deps.sender.respond(str(req.response_url), said, blocks, replace=True)


def _why_not_confirm(
    deps: Deps, req: Request, ctx: ReportContext | None, report: ContactReport | None
) -> tuple[str, dict]:
    if ctx is None or report is None:
        return "creport.gone", {}
    client = ctx.client
    people = (report.author_id, client.owner_id, client.backup_owner_id)
    managers = [ctx.manager(p) for p in people]
    if not may_confirm(req.user, people, managers, deps.admin(req.user)):
        return "creport.not_allowed_confirm", {}
    if report.confirmed_at is not None:
        when = deps.reader(req).when(report.confirmed_at)
        return "creport.already_confirmed", {"when": when, "user": report.confirmed_by or ""}
    return "", {}


def register(app: App, listen: Listen, deps: ReportDeps) -> None:
    app.action(view.WRITE)(listen.after(write_click, deps))
    app.action(view.EDIT)(listen.after(edit_click, deps))
    app.action(view.CONFIRM)(listen.after(confirm_click, deps))
    app.view(view.FORM)(listen.ack(submit_report, deps))
