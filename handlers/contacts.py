"""`/contact`: log a call, visit or meeting; its modal; Edit, Undo, report-sent, log-a-call buttons."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.dates import echo
from bot.i18n import t
from bot.listen import lang_of, listener, safe_ack, safe_after
from bot.rules.clients import split_client_and_text
from bot.rules.contacts import can_undo
from bot.services import Services
from bot.slack import blocks as bk
from bot.views import contacts as view
from handlers import home
from handlers.contact_form import SUMMARY_LIMIT, read_form, unknown_client_notice
from storage import queries
from storage.models import REPORT_KINDS, Client, ContactLog


def register(app: App, sv: Services) -> None:
    def lang(context: BoltContext) -> str:
        return lang_of(context)

    def clients_for(team_id: str, user_id: str) -> list[Client]:
        """Team clients, the user's own (and backup) first, for the modal's picker."""
        with sv.db.read() as s:
            cs = queries.list_clients(s, team_id)
        return sorted(cs, key=lambda c: (user_id not in (c.owner_id, c.backup_owner_id), c.name))

    @safe_ack
    def on_command(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        text = (body.get("text") or "").strip()
        team, user, lg = body["team_id"], body["user_id"], lang_of(context)
        if text.lower() in ("help", "帮助", "?"):
            ack(text=t(lg, "contact.help"))
            return
        if not text:
            context["open_modal"] = {}
            ack()
            return
        with sv.db.read() as s:
            clients = queries.client_names(s, team)
        match, summary = split_client_and_text(clients, text)
        notice = None
        if match.client is None:
            notice = unknown_client_notice(lg, text.split()[0], match.candidates)
        elif not summary:
            notice = t(lg, "contact.need_summary", client=bk.escape(match.client.name))
        elif len(summary) > SUMMARY_LIMIT:
            notice = t(lg, "contact.too_long", n=len(summary), limit=SUMMARY_LIMIT)
        if notice is not None:
            context["open_modal"] = {
                "notice": notice,
                "summary": summary[:SUMMARY_LIMIT],
                "client_id": match.client.id if match.client else None,
            }
            ack()
            return
        assert match.client is not None
        with sv.db.write() as s:
            log = queries.add_contact(
                s,
                _new_contact(
                    sv,
                    team,
                    user,
                    client_id=match.client.id,
                    kind="call",
                    at=sv.now(),
                    summary=summary,
                ),
            )
        context["home_changed"] = True
        ack(
            response_type="ephemeral",
            text=t(lg, "contact.logged_text", client=match.client.name),
            blocks=view.confirmation(lg, log, match.client, sv.settings.tz),
        )

    @safe_after
    def open_modal(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        prefill = context.get("open_modal")
        if prefill is None:
            return
        lg = lang_of(context)
        meta = {"channel": body.get("channel_id")}
        v = view.contact_modal(
            lg,
            clients_for(body["team_id"], body["user_id"]),
            metadata=meta,
            client_id=prefill.get("client_id"),
            summary=prefill.get("summary", ""),
            notice=prefill.get("notice", ""),
        )
        client.views_open(trigger_id=body["trigger_id"], view=v)

    @safe_after
    def refresh_home(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        """The App Home shows the last contacts and who is due: after a change, redraw it."""
        if context.get("home_changed") and context.team_id and context.user_id:
            home.refresh(sv, client, context.team_id, context.user_id, lang_of(context))

    app.command("/contact")(listener(sv.worker, on_command, open_modal, refresh_home))

    @safe_ack
    def on_submit(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        team, user, lg = body["team"]["id"], body["user"]["id"], lang_of(context)
        meta = json.loads(body["view"].get("private_metadata") or "{}")
        values = bk.state_values(body["view"])
        fields, errors = read_form(sv, lg, team, values)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        contact_id = meta.get("contact_id")
        with sv.db.write() as s:
            if contact_id:
                log = queries.get_contact(s, team, int(contact_id))
                if log is None or log.deleted_at is not None:
                    ack(response_action="errors", errors={"summary": t(lg, "contact.gone")})
                    return
                if log.author_id != user and not sv.is_admin(user):
                    ack(response_action="errors", errors={"summary": t(lg, "contact.not_author")})
                    return
                if fields["follow_up_on"] != log.follow_up_on:
                    log.follow_up_sent_at = None
                for k, v in fields.items():
                    setattr(log, k, v)
                log.report_due = log.kind in REPORT_KINDS
                log.updated_at = sv.now()
                s.add(log)
            else:
                log = queries.add_contact(s, _new_contact(sv, team, user, **fields))
            context["home_changed"] = True
            context["confirm"] = {
                "contact_id": log.id,
                "channel": meta.get("channel"),
                "updated": bool(contact_id),
            }
        ack()

    @safe_after
    def confirm(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        info = context.get("confirm")
        if not info:
            return
        team, user, lg = body["team"]["id"], body["user"]["id"], lang_of(context)
        with sv.db.read() as s:
            log = queries.get_contact(s, team, info["contact_id"])
            c = queries.get_client(s, team, log.client_id) if log else None
        if log is None or c is None:
            return
        blocks = view.confirmation(lg, log, c, sv.settings.tz, updated=info["updated"])
        text = t(lg, "contact.logged_text", client=c.name)
        sv.sender.tell(user, info.get("channel"), text, blocks)

    for callback in ("contact_log", "contact_edit"):
        app.view(callback)(listener(sv.worker, on_submit, confirm, refresh_home))

    _register_buttons(app, sv, clients_for)


def _register_buttons(app: App, sv: Services, clients_for: Any) -> None:
    def act(body: dict[str, Any], context: BoltContext) -> tuple[str, str, int, str]:
        """Who clicked, on which record (0 for a value that is not one), in which language."""
        value = str(body["actions"][0].get("value", ""))
        lang = lang_of(context)
        return body["team"]["id"], body["user"]["id"], int(value) if value.isdigit() else 0, lang

    def refuse(respond: Respond, lang: str, key: str, **values: object) -> None:
        """Tell only the clicker why nothing changed; the message they clicked stays."""
        respond(text=t(lang, key, **values), replace_original=False)

    @safe_after
    def undo(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        team, user, value, lg = act(body, context)
        with sv.db.write() as s:
            log = queries.get_contact(s, team, value)
            if log is None or log.deleted_at is not None:
                refuse(respond, lg, "contact.gone" if log is None else "contact.already_undone")
                return
            if not can_undo(log.author_id, user, log.created_at, sv.now()):
                key = "contact.not_author" if log.author_id != user else "contact.undo_expired"
                refuse(respond, lg, key)
                return
            log.deleted_at = sv.now()
            s.add(log)
            c = queries.get_client(s, team, log.client_id)
        name = c.name if c else "?"
        respond(text=t(lg, "contact.undone", client=bk.escape(name)), replace_original=True)
        home.refresh(sv, client, team, user, lg)

    @safe_after
    def edit(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        team, user, value, lg = act(body, context)
        with sv.db.read() as s:
            log = queries.get_contact(s, team, value)
        if log is None or log.deleted_at is not None:
            refuse(respond, lg, "contact.gone")
            return
        if log.author_id != user and not sv.is_admin(user):
            refuse(respond, lg, "contact.not_author")
            return
        at = log.at.astimezone(sv.settings.tz)
        v = view.contact_modal(
            lg,
            clients_for(team, user),
            client_id=log.client_id,
            kind=log.kind,
            when=at.strftime("%Y-%m-%d %H:%M"),
            summary=log.summary,
            next_steps=log.next_steps,
            follow_up=log.follow_up_on.isoformat() if log.follow_up_on else "",
            metadata={"contact_id": log.id, "channel": context.channel_id},
            editing=True,
        )
        client.views_open(trigger_id=body["trigger_id"], view=v)

    @safe_after
    def report_sent(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        team, user, value, lg = act(body, context)
        with sv.db.write() as s:
            log = queries.get_contact(s, team, value)
            c = queries.get_client(s, team, log.client_id) if log else None
            if log is None or c is None or log.deleted_at is not None:
                refuse(respond, lg, "contact.gone")
                return
            if user not in (log.author_id, c.owner_id, c.backup_owner_id) and not sv.is_admin(user):
                refuse(respond, lg, "contact.report_not_yours")
                return
            if log.report_sent_at is not None:
                when = echo(log.report_sent_at.astimezone(sv.settings.tz))
                refuse(respond, lg, "contact.report_already", when=when)
                return
            log.report_sent_at = sv.now()
            s.add(log)
        respond(
            text=t(
                lg, "contact.report_marked", client=bk.escape(c.name), when=echo(sv.local_now())
            ),
            replace_original=True,
        )

    @safe_after
    def log_call(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        team, user, value, lg = act(body, context)
        v = view.contact_modal(
            lg,
            clients_for(team, user),
            client_id=value or None,
            kind="call",
            metadata={"channel": context.channel_id},
        )
        client.views_open(trigger_id=body["trigger_id"], view=v)

    for action_id, fn in (
        ("contact_undo", undo),
        ("contact_edit", edit),
        ("contact_report_sent", report_sent),
        ("contact_log_call", log_call),
    ):
        app.action(action_id)(listener(sv.worker, None, fn))


def _new_contact(sv: Services, team: str, author: str, **fields: Any) -> ContactLog:
    """A contact as logged now: meetings and visits start the contact-report clock."""
    now = sv.now()
    return ContactLog(
        team_id=team,
        author_id=author,
        report_due=fields["kind"] in REPORT_KINDS,
        created_at=now,
        updated_at=now,
        **fields,
    )
