"""`/client end 耐克 2026-12-31` (合约结束, 001): the form asks for the end date, the service
fees not yet received, the amount invoiced and a note; on submit the end is stored, the client
is ended from that date, the fees not yet received become a receivable, and finance (role
`fin`, else the admins) and the owner's manager are told through the outbox, each once (keyed
by the end's id and the person, so a retry never sends twice). A plain modal: nobody signs it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from slack_bolt import App
from sqlmodel import Session

from bot.dates import DateRefusal, parse_when
from bot.rules.client_status import ENDED, NOTE_MAX
from bot.rules.contract_end import may_end, read_fee, read_note, told
from bot.rules.people import FIN
from bot.rules.problems import Problem
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import client_end as view
from handlers import first_steps
from handlers.client_lookup import client_leading
from handlers.client_status import owner_manager, yuan
from handlers.deps import Deps
from storage import agenda, outbox, queries
from storage import client_status as stored
from storage.models import Client, ContractEnd, Member
from storage.outbox import wall

MAX_TEXT = 300  # `/client end CLIENT DATE`: no more than this is read


@dataclass(frozen=True)
class EndFields:
    client_id: int
    end_on: date
    unreceived: Decimal
    invoiced: Decimal
    note: str


def end_command(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """The form, the client and the date typed filled in; a client the person may not end, or
    none they may, is refused at once."""
    with deps.db.read() as s:
        clients = queries.list_clients(s, req.team)
        first = first_steps.missing(s, req.team) if not clients else None
        managers = {m.user_id: m.manager_id for m in queries.list_members(s, req.team)}
    if first:
        return Reply(text=r.t(first))
    admin = deps.admin(req.user)
    mine = [c for c in clients if may_end(req.user, c.owner_id, managers.get(c.owner_id), admin)]
    values: dict[str, Any] = {}
    if rest.strip():
        found = client_leading(r, clients, rest[:MAX_TEXT])
        if found.client is None:
            return Reply(text=found.said)
        if found.client not in mine:
            return Reply(text=r.t("cend.not_allowed", name=bk.escape(found.client.name)))
        values = {"client": found.client.id, "end_on": found.rest}
    elif not mine:
        return Reply(text=r.t("cend.none_yours"))
    mine.sort(key=lambda c: (c.owner_id != req.user, c.name))
    v = view.end_modal(r, mine, values, req.channel)
    return Reply(then=(partial(deps.sender.open_modal, str(req.trigger_id), v),))


def read_form(r: Reader, deps: Deps, form: dict[str, Any]) -> EndFields | dict[str, str]:
    """The form's values, or what is wrong, by field, in the reader's words."""
    errors: dict[str, str] = {}
    got: dict[str, Any] = {}
    typed = str(form.get("end_on") or "").strip()
    when = parse_when(typed, r.now, deps.settings.aebot_tz, r.lang) if typed else None
    if when is None:
        errors["end_on"] = r.t("cend.need_day")
    elif isinstance(when, DateRefusal):
        errors["end_on"] = when.message
    for name, read in (
        ("unreceived", read_fee),
        ("invoiced", read_fee),
        ("note", read_note),
    ):
        value = read(str(form.get(name) or ""))
        if isinstance(value, Problem):
            errors[name] = r.problem(value)
        got[name] = value
    client = str(form.get("client") or "")
    if not client.isdigit():
        errors["client"] = r.t("cend.need_client")
    if errors or when is None or isinstance(when, DateRefusal):
        return errors
    day = when.at.astimezone(deps.settings.tz).date()
    return EndFields(int(client), day, got["unreceived"], got["invoiced"], got["note"])


def submit_end(req: Request, deps: Deps) -> Reply:
    """Stored with the client ended from the end date, and the notices queued in the same
    write; the person hears what was recorded and who was told."""
    r = deps.reader(req)
    fields = read_form(r, deps, req.form)
    if isinstance(fields, dict):
        return Reply(errors=fields)
    with deps.db.write() as s:
        c = queries.get_client(s, req.team, fields.client_id)
        manager = owner_manager(s, c) if c is not None else None
        if c is None or not may_end(req.user, c.owner_id, manager, deps.admin(req.user)):
            return Reply(errors={"client": r.t("cend.none_yours")})
        end, receivable, people = _store(deps, req, s, c, fields, manager)
    text = _confirmation(r, c, end, receivable, people)
    redraw = partial(deps.home_changed, req.team, c.owner_id)
    tell = partial(deps.sender.tell, req.user, req.metadata.get("channel"), text, None)
    return Reply(then=(deps.deliver, tell, redraw))


def _store(
    deps: Deps, req: Request, s: Session, c: Client, f: EndFields, manager: str | None
) -> tuple[ContractEnd, int | None, list[str]]:
    """The end, the status, the receivable and the notices, in one write."""
    now = deps.clock.now()
    end = stored.add_contract_end(
        s,
        ContractEnd(
            team_id=req.team,
            client_id=c.id or 0,
            end_on=f.end_on,
            unreceived=str(f.unreceived),
            invoiced=str(f.invoiced),
            note=f.note,
            by=req.user,
            at=now,
        ),
    )
    why = f.note[:NOTE_MAX] or _end_word(deps, req)
    stored.set_status(s, c, ENDED, f.end_on, why, now)
    receivable = None
    if f.unreceived > 0:
        note = f"{_end_word(deps, req)} {f.note}".strip()[:500]
        rec = agenda.add_receivable(
            s, req.team, c.id or 0, str(f.unreceived), f.end_on, note, req.user, now
        )
        receivable = rec.id
    members = {m.user_id: m for m in queries.list_members(s, req.team)}
    finance = [u for u, m in members.items() if m.role == FIN]
    people = told(finance, deps.settings.admins, manager, req.user)
    messages = [_notice(deps, req, members.get(u), u, c, end) for u in people]
    outbox.enqueue(s, messages, now, wall())
    return end, receivable, people


def _end_word(deps: Deps, req: Request) -> str:
    """ "合约结束", in the workspace's language: the why of the status and the receivable."""
    return Reader.of(None, deps.settings.aebot_lang, deps.settings.tz, deps.clock.now()).t(
        "cend.receivable_note"
    )


def _notice(
    deps: Deps, req: Request, m: Member | None, user: str, c: Client, end: ContractEnd
) -> outbox.Message:
    r = Reader.of(m, deps.settings.aebot_lang, deps.settings.tz, deps.clock.now())
    amounts = (yuan(end.unreceived), yuan(end.invoiced))
    text, blocks = view.notice(r, c, end.end_on, amounts, end.note, req.user)
    key = f"contract-end:{end.id}:{user}"
    return outbox.Message(req.team, key, "contract-end", user, text, blocks)


def _confirmation(
    r: Reader, c: Client, end: ContractEnd, receivable: int | None, people: list[str]
) -> str:
    name = bk.escape(c.name)
    lines = [
        r.t(
            "cend.done",
            name=name,
            code=bk.escape(c.code),
            day=r.day(end.end_on),
            amount=yuan(end.unreceived),
            invoiced=yuan(end.invoiced),
        ),
        r.t("cend.ended_from", day=r.day(end.end_on), name=name),
    ]
    if receivable is not None:
        lines.append(r.t("cend.receivable", amount=yuan(end.unreceived), id=receivable))
    if people:
        lines.append(r.t("cend.told", people=r.join(f"<@{u}>" for u in people)))
    else:
        lines.append(r.t("cend.told_nobody"))
    return "\n".join(lines)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.view(view.FORM)(listen.ack(submit_end, deps))
