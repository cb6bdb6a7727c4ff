"""`/client`: list, add, edit and reassign client records."""

from __future__ import annotations

import json
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.i18n import t
from bot.listen import lang_of, listener, safe_ack, safe_after
from bot.rules.clients import match_client
from bot.services import Services
from bot.slack import blocks as bk
from bot.views import clients as view
from storage import queries
from storage.models import Client

MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")


def register(app: App, sv: Services) -> None:
    @safe_ack
    def on_command(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        team, user, lg = body["team_id"], body["user_id"], lang_of(context)
        words = (body.get("text") or "").strip().split()
        sub = words[0].lower() if words else "list"
        rest = " ".join(words[1:])
        if sub in ("help", "帮助", "?"):
            ack(text=t(lg, "client.help"))
        elif sub in ("list", "mine", "列表"):
            _list(ack, sv, lg, team, user, everyone=rest.lower() in ("all", "全部"))
        elif sub == "add":
            context["open_modal"] = {"client_id": None}
            ack()
        elif sub == "edit":
            c = _find(ack, sv, lg, team, rest)
            if c is None:
                return
            if not _may_change(sv, team, user, c):
                ack(text=t(lg, "client.not_allowed_edit", name=bk.escape(c.name)))
                return
            context["open_modal"] = {"client_id": c.id}
            ack()
        elif sub == "reassign":
            context["tell_owner"] = _reassign(ack, sv, lg, team, user, rest)
        else:
            ack(text=t(lg, "client.unknown_sub", sub=bk.escape(sub[:40])))

    @safe_after
    def open_modal(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        prefill = context.get("open_modal")
        if prefill is None:
            return
        c = None
        if prefill.get("client_id"):
            with sv.db.read() as s:
                c = queries.get_client(s, body["team_id"], prefill["client_id"])
        v = view.client_modal(
            lang_of(context),
            client=c,
            owner_id=body["user_id"],
            channel=body.get("channel_id"),
        )
        client.views_open(trigger_id=body["trigger_id"], view=v)

    @safe_after
    def tell_owner(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        info = context.get("tell_owner")
        if not info:
            return
        lg = sv.lang(body["team_id"], info["owner"])
        text = t(
            lg,
            "client.now_yours",
            name=bk.escape(info["name"]),
            code=bk.escape(info["code"]),
            by=info["by"],
        )
        sv.sender.dm(info["owner"], text, [bk.section(text)])

    app.command("/client")(listener(sv.worker, on_command, open_modal, tell_owner))

    @safe_ack
    def on_submit(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        team, user, lg = body["team"]["id"], body["user"]["id"], lang_of(context)
        meta = json.loads(body["view"].get("private_metadata") or "{}")
        values = bk.state_values(body["view"])
        fields, errors = _read_form(lg, values, editing=bool(meta.get("client_id")))
        with sv.db.write() as s:
            same = (
                queries.find_client_by_name_ci(s, team, fields["name"])
                if fields.get("name")
                else None
            )
            if same is not None and same.id != meta.get("client_id"):
                errors.setdefault("name", t(lg, "client.name_taken", code=same.code))
            if "owner" in fields and queries.get_member(s, team, fields["owner"]) is None:
                errors.setdefault("owner", t(lg, "client.owner_unknown"))
            if errors:
                ack(response_action="errors", errors=errors)
                return
            if meta.get("client_id"):
                c = queries.get_client(s, team, int(meta["client_id"]))
                if c is None or not _may_change(sv, team, user, c):
                    ack(
                        response_action="errors",
                        errors={"name": t(lg, "client.not_allowed_edit", name="")},
                    )
                    return
                for k in ("name", "city", "in_city", "contact_person", "backup_owner_id"):
                    setattr(c, k, fields[k])
                c.cadence_days = fields["cadence_days"] or (1 if c.in_city else 3)
                c.updated_at = sv.now()
                s.add(c)
                key = "client.updated"
            else:
                owner = fields.pop("owner")
                c = queries.insert_client(
                    s, team, owner_id=owner, created_local=sv.local_now(), **fields
                )
                key = "client.added"
        ack()
        text = t(lg, key, name=bk.escape(c.name), code=bk.escape(c.code))
        context["confirm"] = {
            "text": text,
            "line": view.client_line(lg, c),
            "channel": meta.get("channel"),
        }

    @safe_after
    def confirm(
        body: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
    ) -> None:
        info = context.get("confirm")
        if not info:
            return
        user = body["user"]["id"]
        blocks = [bk.section(info["text"]), bk.section(info["line"])]
        sv.sender.tell(user, info.get("channel"), info["text"], blocks)

    app.view("client_form")(listener(sv.worker, on_submit, confirm))


def _list(ack: Ack, sv: Services, lg: str, team: str, user: str, everyone: bool) -> None:
    with sv.db.read() as s:
        clients = queries.list_clients(s, team, None if everyone else user)
        if not everyone:
            clients += [
                c
                for c in queries.list_clients(s, team)
                if c.backup_owner_id == user and c.owner_id != user
            ]
    if not clients:
        ack(text=t(lg, "client.none"))
        return
    title = t(lg, "client.list_all" if everyone else "client.list_mine", n=len(clients))
    ack(text=title, blocks=view.client_list(lg, clients, title))


def _find(ack: Ack, sv: Services, lg: str, team: str, name: str) -> Client | None:
    """Look a client up; an unknown or ambiguous name gets the candidates, never a guess."""
    if not name.strip():
        ack(text=t(lg, "client.need_name"))
        return None
    with sv.db.read() as s:
        m = match_client(queries.list_clients(s, team), name)
    if m.client is not None:
        return m.client
    if m.candidates:
        names = ", ".join(f"{bk.escape(c.name)} ({bk.escape(c.code)})" for c in m.candidates[:10])
        ack(text=t(lg, "client.ambiguous", name=bk.escape(name[:100]), names=names))
    else:
        ack(text=t(lg, "client.unknown", name=bk.escape(name[:100])))
    return None


def _may_change(sv: Services, team: str, user: str, c: Client) -> bool:
    if sv.is_admin(user) or user in (c.owner_id, c.backup_owner_id):
        return True
    with sv.db.read() as s:
        owner = queries.get_member(s, team, c.owner_id)
    return owner is not None and owner.manager_id == user


def _reassign(
    ack: Ack, sv: Services, lg: str, team: str, user: str, rest: str
) -> dict[str, Any] | None:
    """Hand a client to someone else; returns what to tell the new owner, if it was done."""
    parts = rest.rsplit(maxsplit=1)
    target = MENTION.match(parts[-1]) if parts else None
    if len(parts) < 2 or target is None:
        ack(text=t(lg, "client.reassign_usage"))
        return
    c = _find(ack, sv, lg, team, parts[0])
    if c is None:
        return
    new_owner = target.group(1)
    with sv.db.write() as s:
        owner = queries.get_member(s, team, c.owner_id)
        if not (sv.is_admin(user) or (owner is not None and owner.manager_id == user)):
            ack(text=t(lg, "client.not_allowed_reassign", name=bk.escape(c.name)))
            return
        if queries.get_member(s, team, new_owner) is None:
            ack(text=t(lg, "client.owner_unknown"))
            return
        if new_owner == c.owner_id:
            ack(text=t(lg, "client.already_owner", name=bk.escape(c.name), user=new_owner))
            return
        fresh = queries.get_client(s, team, c.id or 0)
        assert fresh is not None
        old = fresh.owner_id
        fresh.owner_id = new_owner
        fresh.updated_at = sv.now()
        s.add(fresh)
    ack(
        text=t(
            lg,
            "client.reassigned",
            name=bk.escape(c.name),
            code=bk.escape(c.code),
            old=old,
            new=new_owner,
        )
    )
    return {"owner": new_owner, "name": c.name, "code": c.code, "by": user}


def _read_form(
    lg: str, values: dict[str, Any], editing: bool
) -> tuple[dict[str, Any], dict[str, str]]:
    errors: dict[str, str] = {}
    name = " ".join((values.get("name") or "").split())
    city = " ".join((values.get("city") or "").split())
    if not name:
        errors["name"] = t(lg, "client.need_name")
    if not city:
        errors["city"] = t(lg, "client.need_city")
    cadence_text = (values.get("cadence") or "").strip()
    cadence = None
    if cadence_text:
        if not cadence_text.isdigit() or not 1 <= int(cadence_text) <= 60:
            errors["cadence"] = t(lg, "client.bad_cadence")
        else:
            cadence = int(cadence_text)
    fields: dict[str, Any] = dict(
        name=name,
        city=city,
        in_city=values.get("in_city") != "false",
        contact_person=(values.get("contact_person") or "").strip(),
        backup_owner_id=values.get("backup") or None,
        cadence_days=cadence,
    )
    if not editing:
        fields["owner"] = values.get("owner")
        if not fields["owner"]:
            errors["owner"] = t(lg, "client.owner_unknown")
    return fields, errors
