"""The buttons on meeting messages: Sent to client (on the organiser's notice), Confirmed and
Postponed (on the reconfirmation), Write report (when it has ended). Each is the organiser's
(Postponed: or an admin's); each records once; a forged or stale value changes nothing."""

from __future__ import annotations

from slack_bolt import App

from bot.rules.meetings import people
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Request
from bot.slack.views import meetings as view
from handlers.deps import Deps
from handlers.reports import ReportPrefill, open_report_form
from storage import meetings
from storage.models import Client, Meeting


def _mine(req: Request, deps: Deps) -> tuple[Meeting, Client] | None:
    """The clicked meeting when the clicker organises it (else they are told why not)."""
    with deps.db.read() as s:
        found = meetings.get(s, req.team, req.record_id)
    if found is None or found[0].cancelled_at is not None:
        deps.refuse(req, "meeting.gone")
        return None
    if found[0].organiser_id != req.user:
        deps.refuse(req, "meeting.not_organiser")
        return None
    return found


def sent_to_client(req: Request, deps: Deps) -> None:
    """Sent to client: when the notice went to the client, recorded once."""
    r = deps.reader(req)
    if _mine(req, deps) is None:
        return
    with deps.db.write() as s:
        m = s.get(Meeting, req.record_id)
        assert m is not None
        already = m.client_notified_at
        if already is None:
            m.client_notified_at = m.updated_at = r.now
            s.add(m)
    if already is not None:
        return deps.refuse(req, "meeting.client_already", when=r.when(already))
    deps.sender.answer(
        req.response_url, req.user, r.t("meeting.client_notified", when=r.when(r.now))
    )


def confirmed(req: Request, deps: Deps) -> None:
    """Confirmed (by phone, an hour before): recorded once; the message says so."""
    r = deps.reader(req)
    found = _mine(req, deps)
    if found is None:
        return
    with deps.db.write() as s:
        m = s.get(Meeting, req.record_id)
        assert m is not None
        already = m.reconfirmed_at is not None
        if not already:
            m.reconfirmed_at = m.updated_at = r.now
            s.add(m)
    if already:
        return deps.refuse(req, "meeting.reconfirmed_already")
    m, c = found
    when = view.span(r, m.starts_at, m.ends_at)
    text = r.t(
        "meeting.reconfirmed",
        client=bk.escape(c.name),
        when=when,
        what=bk.escape(m.topic),
        by=r.when(r.now),
    )
    deps.sender.respond(str(req.response_url), text, [bk.section(text)], replace=True)


def postponed(req: Request, deps: Deps) -> None:
    """Postponed: the meeting's form, to move it (the organiser, or an admin)."""
    with deps.db.read() as s:
        found = meetings.get(s, req.team, req.record_id)
        clients = [found[1]] if found else []
    m = found[0] if found else None
    if m is None or m.cancelled_at is not None:
        return deps.refuse(req, "meeting.gone")
    if m.organiser_id != req.user and not deps.admin(req.user):
        return deps.refuse(req, "meeting.not_yours")
    r = deps.reader(req)
    meta = {"meeting_id": m.id, "channel": req.channel}
    v = view.meeting_modal(r, clients, view.form_values(m, r), metadata=meta, moving=True)
    deps.sender.open_modal(str(req.trigger_id), v)


def write_report(req: Request, deps: Deps) -> None:
    """Write report: the report form, pre-filled from the meeting and its contact."""
    found = _mine(req, deps)
    if found is None:
        return
    m, _ = found
    if m.contact_id is None:
        return deps.refuse(req, "meeting.gone")
    prefill = ReportPrefill(
        contact_id=m.contact_id,
        meeting_id=m.id,
        our_attendees=tuple(people(m.our_attendees)),
        client_attendees=m.client_attendees,
        topic=m.topic,
    )
    open_report_form(req, deps, prefill)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.action(view.SENT_TO_CLIENT)(listen.after(sent_to_client, deps))
    app.action(view.CONFIRMED)(listen.after(confirmed, deps))
    app.action(view.POSTPONED)(listen.after(postponed, deps))
    app.action(view.WRITE_REPORT)(listen.after(write_report, deps))
