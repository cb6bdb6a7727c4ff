"""The contact report (联络报告, 会议纪要): its form, pre-filled from a contact or a meeting;
sending it to the service team through the outbox; Client confirmed; corrections."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_bolt import App

from bot.rules.reports import service_team
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Request
from bot.slack.views import reports as view
from handlers.deps import Deps
from handlers.report_checks import why_not_confirm, why_not_edit, why_not_write
from handlers.report_messages import author_blocks, shown
from handlers.report_sending import ReportDeps, submit_report
from storage import reports as stored


@dataclass(frozen=True)
class ReportPrefill:
    """What the report form opens with besides the contact's own record: a meeting's people
    and topic (`/meeting`), when the report is written after one."""

    contact_id: int
    meeting_id: int | None = None
    our_attendees: tuple[str, ...] = ()
    client_attendees: str = ""
    topic: str = ""


def open_report_form(req: Request, deps: Deps, prefill: ReportPrefill) -> None:
    """The report form for a contact, pre-filled, opened with the click's trigger id."""
    with deps.db.read() as s:
        ctx = stored.context(s, req.team, prefill.contact_id)
    refusal, values = why_not_write(deps, req, ctx)
    if refusal or ctx is None:
        return deps.refuse(req, refusal, **values)
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
        topic=prefill.topic,
    )
    deps.sender.open_modal(str(req.trigger_id), modal)


def write_click(req: Request, deps: Deps) -> None:
    """Write report (on the confirmation, the reminders and the App Home)."""
    open_report_form(req, deps, ReportPrefill(req.record_id))


def edit_click(req: Request, deps: Deps) -> None:
    """Edit report (the author's copy): the form, filled with the report as last sent."""
    with deps.db.read() as s:
        report = stored.get(s, req.team, req.record_id)
        ctx = stored.context(s, req.team, report.contact_id) if report else None
    refusal, values = why_not_edit(deps, req, report)
    if refusal or ctx is None or report is None:
        return deps.refuse(req, refusal or "creport.gone", **values)
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


def confirm_click(req: Request, deps: Deps) -> None:
    """Client confirmed (the author's copy): who and when, recorded once; the copy redrawn."""
    now = deps.clock.now()
    with deps.db.write() as s:
        report = stored.get(s, req.team, req.record_id)
        ctx = stored.context(s, req.team, report.contact_id) if report else None
        refusal, values = why_not_confirm(deps, req, ctx, report)
        if not refusal and not stored.confirm(s, req.team, req.record_id, req.user, now):
            s.refresh(report)
            refusal, values = why_not_confirm(deps, req, ctx, report)
        if report is not None and not refusal:
            s.refresh(report)
    if refusal or ctx is None or report is None:
        return deps.refuse(req, refusal or "creport.gone", **values)
    r = deps.reader(req)
    said = r.t("creport.confirmed_ok", client=bk.escape(ctx.client.name), when=r.when(now))
    blocks = author_blocks(deps, ctx, shown(ctx, report), now)
    if report.author_id != req.user:
        return deps.sender.answer(req.response_url, req.user, said)
    deps.sender.respond(str(req.response_url), said, blocks, replace=True)


def register(app: App, listen: Listen, deps: ReportDeps) -> None:
    app.action(view.WRITE)(listen.after(write_click, deps))
    app.action(view.EDIT)(listen.after(edit_click, deps))
    app.action(view.CONFIRM)(listen.after(confirm_click, deps))
    app.view(view.FORM)(listen.ack(submit_report, deps))
