"""`/contact`: log a call, visit or meeting; its modal; the Edit, Undo, Report sent and
Log a call buttons."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import partial

from slack_bolt import App

from bot.dates import find_dates
from bot.rules.contact_form import ContactFields, read_contact_form
from bot.rules.contacts import (
    SUMMARY_LIMIT,
    can_undo,
    follow_up_offer,
    important_mark,
    may_edit_contact,
    may_mark_report,
    owes_report,
    report_clock,
)
from bot.rules.people import is_admin
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request, asks_help
from bot.slack.texts import Reader
from bot.slack.views import contacts as view
from handlers import first_steps
from handlers.client_lookup import client_leading
from handlers.deps import Deps
from handlers.home import HomeTab
from storage import queries, reports
from storage.contact_writer import ContactWriter, NewContact, NotSaved
from storage.directory import ClientName, Directory
from storage.models import Client, ContactLog

COMMAND = "/contact"


@dataclass(frozen=True)
class ContactDeps(Deps):
    """What the contact listeners use besides: the cached team (the quick path reads no
    database), the App Home, and the writer that shares commits between requests."""

    directory: Directory
    home: HomeTab
    writer: ContactWriter


@dataclass(frozen=True)
class Prefill:
    """What the contact modal opens with when the quick path could not finish."""

    notice: str = ""
    summary: str = ""
    client_id: int | None = None
    important: bool = False


def contact_command(req: Request, deps: ContactDeps) -> Reply:
    """`/contact CLIENT SUMMARY` logs a call now; anything less opens the form, saying why."""
    r = deps.reader(req)
    if asks_help(req.text):
        return Reply(text=r.t("contact.help"))
    if not deps.directory.clients(req.team).clients and (first := _first_step(deps, req.team)):
        return Reply(text=r.t(first))  # no form to open: what to do first
    important, text = important_mark(req.text)
    if not text:
        return Reply(then=(partial(open_log_form, req, deps, Prefill(important=important)),))
    found = client_leading(r, deps.directory.clients(req.team), text)
    if found.client is None:  # perhaps a client added since the team's clients were read
        found = client_leading(r, deps.directory.reload_clients(req.team), text)
    client, summary = found.client, found.rest
    notice = found.said or _quick_path_notice(r, client, summary)
    if notice or client is None:
        cid = client.id if client else None
        prefill = Prefill(notice, summary[:SUMMARY_LIMIT], cid, important)
        return Reply(then=(partial(open_log_form, req, deps, prefill),))
    fields = ContactFields(client.id, "call", r.now, summary, "", None, important)
    try:
        contact = deps.writer.add(new_contact(req.team, req.user, r.now, fields))
    except NotSaved:
        return Reply(text=r.t("contact.not_saved"))
    deps.home.changed(req.team, req.user, req.lang)
    return Reply(
        text=r.t("contact.logged_text", client=client.name),
        blocks=view.confirmation(r, contact, client, offer=offer(deps, req.team, r, contact)),
    )


def _first_step(deps: ContactDeps, team: str) -> str | None:
    """What the team lacks before a contact can be logged (no one on it, no client yet)."""
    with deps.db.read() as s:
        return first_steps.missing(s, team)


def new_contact(team: str, author: str, now: datetime, fields: ContactFields) -> NewContact:
    """A contact as logged now: meetings, visits and important contacts start the
    contact-report clock."""
    return NewContact(
        team_id=team,
        author_id=author,
        client_id=fields.client_id,
        kind=fields.kind,
        at=fields.at,
        summary=fields.summary,
        next_steps=fields.next_steps,
        follow_up_on=fields.follow_up_on,
        report_due=owes_report(fields.kind, fields.important),
        created_at=now,
        updated_at=now,
        important=fields.important,
    )


def _quick_path_notice(r: Reader, client: ClientName | None, summary: str) -> str:
    """Why the quick path cannot log this client's contact ("" when it can)."""
    if client is None:
        return ""
    if not summary:
        return r.t("contact.need_summary", client=bk.escape(client.name))
    if len(summary) > SUMMARY_LIMIT:
        return r.t("contact.too_long", n=len(summary), limit=SUMMARY_LIMIT)
    return ""


def open_log_form(req: Request, deps: ContactDeps, prefill: Prefill) -> None:
    """The contact modal, pre-filled, in reply to the command."""
    v = view.contact_modal(
        deps.reader(req),
        _clients_for(deps, req.team, req.user),
        metadata={"channel": req.channel},
        client_id=prefill.client_id,
        summary=prefill.summary,
        notice=prefill.notice,
        important=prefill.important,
    )
    deps.sender.open_modal(str(req.trigger_id), v)


def _clients_for(deps: ContactDeps, team: str, user: str) -> list[Client]:
    """The team's clients for the modal's picker, the person's own (and backup) first."""
    with deps.db.read() as s:
        clients = queries.list_clients(s, team)
    return sorted(clients, key=lambda c: (user not in (c.owner_id, c.backup_owner_id), c.name))


def submit_contact(req: Request, deps: ContactDeps) -> Reply:
    """The contact form, new or edited: stored, or its problems shown under the fields."""
    r, form, meta = deps.reader(req), req.form, req.metadata
    editing = meta.get("contact_id")
    end_of_day = deps.team_settings.of(req.team).end_of_day
    client_id = _team_client(deps, req.team, form.get("client"))
    fields, problems = read_contact_form(
        form, client_id, r.now, deps.settings.tz, req.lang, end_of_day
    )
    if fields is None:
        return Reply(errors={name: r.problem(p) for name, p in problems.items()})
    if editing:
        saved, refusal = _save_edit(deps, req, int(editing), fields)
        if refusal:
            return Reply(errors={"summary": r.t(refusal)})
    else:
        try:
            saved = deps.writer.add(new_contact(req.team, req.user, r.now, fields)).id
        except NotSaved:
            return Reply(errors={"summary": r.t("contact.not_saved")})
    deps.home.changed(req.team, req.user, req.lang)
    channel = meta.get("channel")
    return Reply(then=(partial(confirm_contact, req, deps, saved or 0, channel, bool(editing)),))


def _team_client(deps: ContactDeps, team: str, chosen: object) -> int | None:
    """The chosen client's id if it is one of the team's clients."""
    value = str(chosen or "")
    if not value.isdigit():
        return None
    wanted = int(value)
    if any(c.id == wanted for c in deps.directory.clients(team).clients):
        return wanted
    # perhaps a client added since the team's clients were read
    if any(c.id == wanted for c in deps.directory.reload_clients(team).clients):
        return wanted
    return None


def _save_edit(
    deps: ContactDeps, req: Request, contact_id: int, fields: ContactFields
) -> tuple[int | None, str | None]:
    """Store an edit; (id, None), or (None, the key of why it was refused)."""
    admin = is_admin(req.user, deps.settings.admins)
    with deps.db.write() as s:
        contact = queries.get_contact(s, req.team, contact_id)
        if contact is None or contact.deleted_at is not None:
            return None, "contact.gone"
        if not may_edit_contact(contact.author_id, req.user, admin):
            return None, "contact.not_author"
        queries.update_contact(s, contact, deps.clock.now(), **asdict(fields))
        return contact.id, None


def confirm_contact(
    req: Request, deps: ContactDeps, contact_id: int, channel: str | None, updated: bool
) -> None:
    """Everything recorded, echoed to its author where they started (else in a DM)."""
    with deps.db.read() as s:
        contact = queries.get_contact(s, req.team, contact_id)
        client = queries.get_client(s, req.team, contact.client_id) if contact else None
    if contact is None or client is None:
        return
    r = deps.reader(req)
    mention = offer(deps, req.team, r, contact)
    due = report_due(deps, req.team, contact)
    blocks = view.confirmation(r, contact, client, updated=updated, offer=mention, report_due=due)
    deps.sender.tell(req.user, channel, r.t("contact.logged_text", client=client.name), blocks)


def report_due(deps: ContactDeps, team: str, contact: ContactLog) -> datetime | None:
    """When a meeting's or visit's contact report is due (its 48-hour clock, past days off)."""
    if not contact.report_due:
        return None
    return report_clock(contact.at.astimezone(deps.settings.tz), deps.hours(team)).escalate_at


def offer(
    deps: ContactDeps, team: str, r: Reader, contact: ContactLog | NewContact
) -> tuple[date, str] | None:
    """The follow-up day a contact's notes mention (next steps first), when none was set."""
    if contact.follow_up_on is not None:
        return None
    end_of_day = deps.team_settings.of(team).end_of_day
    for text in (contact.next_steps, contact.summary):
        found = find_dates(text or "", r.now, deps.settings.aebot_tz, r.lang, end_of_day)
        today = r.now.astimezone(deps.settings.tz).date()
        pick = follow_up_offer([(f.at.date(), f.words) for f in found], today)
        if pick:
            return pick
    return None


def set_follow_up(req: Request, deps: ContactDeps) -> None:
    """ "Set follow-up" under a confirmation: the day the notes mentioned, once, by the author."""
    r = deps.reader(req)
    contact_id, _, day_text = req.value.partition(":")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        return deps.refuse(req, "contact.gone")
    admin = is_admin(req.user, deps.settings.admins)
    with deps.db.write() as s:
        contact = queries.get_contact(s, req.team, int(contact_id) if contact_id.isdigit() else 0)
        if contact is None or contact.deleted_at is not None:
            return deps.refuse(req, "contact.gone")
        if not may_edit_contact(contact.author_id, req.user, admin):
            return deps.refuse(req, "contact.not_author")
        if contact.follow_up_on is not None:
            return deps.refuse(req, "contact.follow_up_already", day=r.day(contact.follow_up_on))
        if day < r.now.astimezone(deps.settings.tz).date():
            return deps.refuse(req, "contact.follow_up_gone")
        queries.update_contact(s, contact, r.now, follow_up_on=day)
        client = queries.get_client(s, req.team, contact.client_id)
    assert client is not None
    blocks = [
        bk.section(r.t("contact.follow_up_set", day=r.day(day))),
        *view.confirmation(r, contact, client, report_due=report_due(deps, req.team, contact)),
    ]
    deps.sender.respond(
        str(req.response_url), r.t("contact.follow_up_set", day=r.day(day)), blocks, replace=True
    )
    deps.home.changed(req.team, req.user, req.lang)


def undo_contact(req: Request, deps: ContactDeps) -> None:
    """Undo: the author, within 15 minutes. The contact is marked deleted, never erased."""
    now = deps.clock.now()
    with deps.db.write() as s:
        contact = queries.get_contact(s, req.team, req.record_id)
        refusal = _why_not_undo(contact, req.user, now)
        if contact is not None and refusal is None:
            contact.deleted_at = now
            s.add(contact)
            client = queries.get_client(s, req.team, contact.client_id)
    if refusal is not None:
        return deps.refuse(req, refusal)
    name = bk.escape(client.name if client else "?")
    r = deps.reader(req)
    deps.sender.respond(str(req.response_url), r.t("contact.undone", client=name), replace=True)
    deps.home.changed(req.team, req.user, req.lang)


def _why_not_undo(contact: ContactLog | None, user: str, now: datetime) -> str | None:
    if contact is None:
        return "contact.gone"
    if contact.deleted_at is not None:
        return "contact.already_undone"
    if not can_undo(contact.author_id, user, contact.created_at, now):
        return "contact.not_author" if contact.author_id != user else "contact.undo_expired"
    return None


def edit_contact(req: Request, deps: ContactDeps) -> None:
    """Edit: the contact modal, filled with what was logged."""
    with deps.db.read() as s:
        contact = queries.get_contact(s, req.team, req.record_id)
    if contact is None or contact.deleted_at is not None:
        return deps.refuse(req, "contact.gone")
    if not may_edit_contact(contact.author_id, req.user, is_admin(req.user, deps.settings.admins)):
        return deps.refuse(req, "contact.not_author")
    r = deps.reader(req)
    mention = offer(deps, req.team, r, contact)
    notice = (
        r.t("contact.follow_up_prefilled", day=r.day(mention[0]), words=bk.escape(mention[1]))
        if mention
        else ""
    )
    follow_up = contact.follow_up_on or (mention[0] if mention else None)
    v = view.contact_modal(
        r,
        _clients_for(deps, req.team, req.user),
        client_id=contact.client_id,
        kind=contact.kind,
        when=contact.at.astimezone(deps.settings.tz).strftime("%Y-%m-%d %H:%M"),
        summary=contact.summary,
        next_steps=contact.next_steps,
        follow_up=follow_up.isoformat() if follow_up else "",
        notice=notice,
        important=contact.important,
        metadata={"contact_id": contact.id, "channel": req.channel},
        editing=True,
    )
    deps.sender.open_modal(str(req.trigger_id), v)


def mark_report_sent(req: Request, deps: ContactDeps) -> None:
    """Report sent: stops the 48-hour clock, once."""
    r, admin = deps.reader(req), is_admin(req.user, deps.settings.admins)
    with deps.db.write() as s:
        contact = queries.get_contact(s, req.team, req.record_id)
        client = queries.get_client(s, req.team, contact.client_id) if contact else None
        refusal = _why_not_mark(contact, client, req.user, admin)
        if contact is not None and refusal is None:
            contact.report_sent_at = r.now
            s.add(contact)
            reports.cancel_reminders(s, req.team, contact.id or 0)  # moot now
    if refusal is not None:
        sent_at = r.when(contact.report_sent_at) if contact and contact.report_sent_at else ""
        return deps.refuse(req, refusal, when=sent_at)
    assert client is not None
    # on a list of reports (the report clock's DM) the others stay: answered, not replaced
    in_list = (req.body.get("actions") or [{}])[0].get("action_id") == view.REPORT_SENT_IN_LIST
    said = view.report_marked(r, client, r.now)
    deps.sender.respond(str(req.response_url), said, replace=not in_list)


def _why_not_mark(
    contact: ContactLog | None, client: Client | None, user: str, admin: bool
) -> str | None:
    if contact is None or client is None or contact.deleted_at is not None:
        return "contact.gone"
    if not may_mark_report(user, contact.author_id, client.owner_id, client.backup_owner_id, admin):
        return "contact.report_not_yours"
    if contact.report_sent_at is not None:
        return "contact.report_already"
    return None


def log_call(req: Request, deps: ContactDeps) -> None:
    """Log a call (on a nudge): the contact modal with that client chosen."""
    v = view.contact_modal(
        deps.reader(req),
        _clients_for(deps, req.team, req.user),
        client_id=req.record_id or None,
        kind="call",
        metadata={"channel": req.channel},
    )
    deps.sender.open_modal(str(req.trigger_id), v)


def register(app: App, listen: Listen, deps: ContactDeps) -> None:
    app.command(COMMAND)(listen.ack(contact_command, deps))
    for form in (view.LOG_FORM, view.EDIT_FORM, view.OLD_EDIT_FORM):
        app.view(form)(listen.ack(submit_contact, deps))
    app.action(view.UNDO)(listen.after(undo_contact, deps))
    app.action(view.EDIT)(listen.after(edit_contact, deps))
    for sent in (view.REPORT_SENT, view.REPORT_SENT_IN_LIST):
        app.action(sent)(listen.after(mark_report_sent, deps))
    app.action(view.LOG_CALL)(listen.after(log_call, deps))
    app.action(view.SET_FOLLOW_UP)(listen.after(set_follow_up, deps))
