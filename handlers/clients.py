"""`/client`: list, add, edit and reassign client records."""

from __future__ import annotations

import re
from functools import partial

from slack_bolt import App

from bot.rules.clients import may_reassign_client, read_client_form
from bot.rules.people import is_admin
from bot.rules.weekly import FUNNEL_STAGES, may_set_stage, stage_of
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request, long_reply
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import clients as view
from handlers import client_end, client_status, first_steps
from handlers.client_lookup import find_client
from handlers.client_status import may_change, owner_manager
from handlers.deps import Deps
from storage import outbox, queries
from storage import weekly as funnel
from storage.models import Client, Member
from storage.outbox import wall

COMMAND = "/client"
MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")


def client_command(req: Request, deps: Deps) -> Reply:
    return CLIENT.run(deps.reader(req), req, deps, req.text)


def _list_command(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/client`, `/client list`: my clients (and those I back up); `/client list all`: all."""
    everyone = " ".join(rest.split()).lower() in ("all", "全部")
    return _list(r, deps, req.team, req.user, everyone=everyone)


def _add(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """The form; with no one on the team, who could own a client, what to do first instead."""
    with deps.db.read() as s:
        if first_steps.no_one_yet(s, req.team):
            return Reply(text=r.t("first.client_needs_owner"))
    return Reply(then=(partial(open_client_form, req, deps, None),))


def _list(r: Reader, deps: Deps, team: str, user: str, everyone: bool) -> Reply:
    with deps.db.read() as s:
        clients = queries.list_clients(s, team, None if everyone else user)
        if not everyone:
            clients += [
                c
                for c in queries.list_clients(s, team)
                if c.backup_owner_id == user and c.owner_id != user
            ]
    if not clients:
        with deps.db.read() as s:
            first = first_steps.missing(s, team)
        return Reply(text=r.t(first or "client.none"))
    title = r.t("client.list_all" if everyone else "client.list_mine", n=len(clients))
    return long_reply(r, title, view.client_list(r, clients, title))


def _edit(r: Reader, req: Request, deps: Deps, name: str) -> Reply:
    with deps.db.read() as s:
        found = find_client(r, s, req.team, name)
        if isinstance(found, str):
            return Reply(text=found)
        if not may_change(deps, s, req.user, found):
            return Reply(text=r.t("client.not_allowed_edit", name=bk.escape(found.name)))
    return Reply(then=(partial(open_client_form, req, deps, found.id),))


def open_client_form(req: Request, deps: Deps, client_id: int | None) -> None:
    """The add (client_id None) or edit modal."""
    client = None
    if client_id:
        with deps.db.read() as s:
            client = queries.get_client(s, req.team, client_id)
    v = view.client_modal(deps.reader(req), client=client, owner_id=req.user, channel=req.channel)
    deps.sender.open_modal(str(req.trigger_id), v)


def _reassign(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """Hand a client to someone else (the owner's manager or an admin); the new owner is told."""
    parts = rest.rsplit(maxsplit=1)
    target = MENTION.match(parts[-1]) if parts else None
    if len(parts) < 2 or target is None:
        return Reply(text=r.t("client.reassign_usage"))
    new_owner = target.group(1)
    with deps.db.write() as s:
        c = find_client(r, s, req.team, parts[0])
        if isinstance(c, str):
            return Reply(text=c)
        admin = is_admin(req.user, deps.settings.admins)
        if not may_reassign_client(req.user, owner_manager(s, c), admin):
            return Reply(text=r.t("client.not_allowed_reassign", name=bk.escape(c.name)))
        member = queries.get_member(s, req.team, new_owner)
        if member is None:
            return Reply(text=r.t("client.owner_unknown"))
        if new_owner == c.owner_id:
            return Reply(text=r.t("client.already_owner", name=bk.escape(c.name), user=new_owner))
        old = c.owner_id
        queries.change_client(s, c, deps.clock.now(), owner_id=new_owner)
        outbox.enqueue(s, [_now_yours(req, deps, member, c)], deps.clock.now(), wall())
    said = r.t(
        "client.reassigned", name=bk.escape(c.name), code=bk.escape(c.code), old=old, new=new_owner
    )
    return Reply(text=said, then=(deps.deliver,))


def _stage(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/client stage 耐克 proposal` (or 提案): the client moved in the sales funnel, by its
    owner, the owner's manager or an admin; the change recorded for the week's report."""
    parts = rest.rsplit(maxsplit=1)
    stages = r.join(view.stage_name(r, x) for x in FUNNEL_STAGES)
    if len(parts) < 2:
        return Reply(text=r.t("client.stage.usage", stages=stages))
    stage = stage_of(parts[1])
    if stage is None:
        return Reply(text=r.t("client.stage.unknown", word=bk.escape(parts[1][:40]), stages=stages))
    with deps.db.write() as s:
        c = find_client(r, s, req.team, parts[0])
        if isinstance(c, str):
            return Reply(text=c)
        admin = is_admin(req.user, deps.settings.admins)
        if not may_set_stage(req.user, c.owner_id, owner_manager(s, c), admin):
            return Reply(text=r.t("client.stage.not_allowed", name=bk.escape(c.name)))
        was = c.funnel_stage
        if stage == was:
            return Reply(
                text=r.t(
                    "client.stage.same", name=bk.escape(c.name), stage=view.stage_name(r, stage)
                )
            )
        if funnel.set_stage(s, c, stage, req.user, deps.clock.now()) is None:
            return Reply(text=r.t("client.stage.meanwhile", name=bk.escape(c.name)))
        status = client_status.after_funnel(r, req, deps, s, c, stage)
    said = r.t(
        "client.stage.set",
        name=bk.escape(c.name),
        code=bk.escape(c.code),
        was=view.stage_name(r, was),
        stage=view.stage_name(r, stage),
    )
    said += f"\n{status}" if status else ""
    return Reply(text=said, blocks=[bk.section(said), bk.section(view.client_line(r, c))])


CLIENT_LANGUAGES = {"zh": "zh", "中文": "zh", "en": "en", "英文": "en", "english": "en"}


def _language(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/client language 耐克 en`: the language of the contact report text for the client, set
    by whoever may change the client."""
    parts = rest.rsplit(maxsplit=1)
    if len(parts) < 2:
        return Reply(text=r.t("client.language.usage"))
    lang = CLIENT_LANGUAGES.get(parts[1].lower())
    if lang is None:
        return Reply(text=r.t("client.language.unknown", word=bk.escape(parts[1][:40])))
    with deps.db.write() as s:
        c = find_client(r, s, req.team, parts[0])
        if isinstance(c, str):
            return Reply(text=c)
        if not may_change(deps, s, req.user, c):
            return Reply(text=r.t("client.language.not_allowed", client=bk.escape(c.name)))
        queries.change_client(s, c, deps.clock.now(), language=lang)
    said = r.t(
        "client.language.set",
        client=bk.escape(c.name),
        code=bk.escape(c.code),
        value=r.t(f"client.language.{lang}"),
    )
    return Reply(text=said)


def _now_yours(req: Request, deps: Deps, owner: Member, c: Client) -> outbox.Message:
    """The new owner's DM, queued with the reassignment itself."""
    now = deps.clock.now()
    text = Reader.of(owner, deps.settings.aebot_lang, deps.settings.tz, now).t(
        "client.now_yours", name=bk.escape(c.name), code=bk.escape(c.code), by=req.user
    )
    key = f"client-owner:{c.id}:{owner.user_id}:{now.isoformat()}"
    return outbox.Message(req.team, key, "client-owner", owner.user_id, text, [bk.section(text)])


def submit_client(req: Request, deps: Deps) -> Reply:
    """The add/edit form: stored, or its problems shown under the fields."""
    r = deps.reader(req)
    meta = req.metadata
    editing = meta.get("client_id")
    fields, problems = read_client_form(req.form, editing=bool(editing))
    errors = {name: r.problem(p) for name, p in problems.items()}
    with deps.db.write() as s:
        same = (
            queries.find_client_by_name_ci(s, req.team, fields["name"]) if fields["name"] else None
        )
        if same is not None and same.id != editing:
            errors.setdefault("name", r.t("client.name_taken", code=same.code))
        if "owner_id" in fields and queries.get_member(s, req.team, fields["owner_id"]) is None:
            errors.setdefault("owner", r.t("client.owner_unknown"))
        if errors:
            return Reply(errors=errors)
        if editing:
            c = queries.get_client(s, req.team, int(editing))
            if c is None or not may_change(deps, s, req.user, c):
                return Reply(errors={"name": r.t("client.not_allowed_edit", name="")})
            fields.pop("owner_id", None)
            queries.change_client(s, c, deps.clock.now(), **fields)
        else:
            local = deps.clock.now().astimezone(deps.settings.tz)
            c = queries.insert_client(s, req.team, created_local=local, **fields)
    key = "client.updated" if editing else "client.added"
    text = r.t(key, name=bk.escape(c.name), code=bk.escape(c.code))
    blocks = [bk.section(text), bk.section(view.client_line(r, c))]
    channel = meta.get("channel")
    return Reply(then=(partial(deps.sender.tell, req.user, channel, text, blocks),))


CLIENT = Subcommands[Deps](
    COMMAND,
    help="client.help",
    subs={
        ("list", "mine", "列表"): _list_command,
        ("add", "新增", "添加"): _add,
        ("edit", "修改", "编辑"): _edit,
        ("reassign", "转交"): _reassign,
        ("stage", "阶段", "漏斗"): _stage,
        ("language", "语言"): _language,
        ("status", "状态"): client_status.status_command,
        ("show", "查看", "详情"): client_status.show_command,
        ("end", "合约结束", "结束合约"): client_end.end_command,
    },
    empty=_list_command,
)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.command(COMMAND)(listen.ack(client_command, deps))
    app.view(view.FORM)(listen.ack(submit_client, deps))
    client_end.register(app, listen, deps)
