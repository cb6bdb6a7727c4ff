"""A client's life (001): `/client status 耐克 暂停 客户内部调整到1月` and `/client show 耐克`;
what a funnel stage of `lost` or `won` does to the status. The contract end is
handlers/client_end.py's."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from sqlmodel import Session

from bot.rules.client_status import (
    CLIENT_STATUSES,
    ENDED,
    NOTE_MAX,
    PAUSED,
    PROSPECT,
    after_stage,
    read_status,
)
from bot.rules.clients import may_change_client
from bot.rules.receivables import show_amount
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import clients as view
from handlers.client_lookup import client_leading, find_client
from handlers.deps import Deps
from storage import client_status as stored
from storage import queries
from storage.models import Client

PROSPECT_DAYS = "prospect_cadence_days"
MAX_TEXT = 1000  # a `/client status` longer than this is refused before it is read


def owner_manager(s: Session, client: Client) -> str | None:
    """The manager (汇报对象) of the client's owner, if any."""
    owner = queries.get_member(s, client.team_id, client.owner_id)
    return owner.manager_id if owner else None


def may_change(deps: Deps, s: Session, user: str, c: Client) -> bool:
    """The owner, the backup, the owner's manager or an admin (bot/rules/clients.py)."""
    return may_change_client(
        user, c.owner_id, c.backup_owner_id, owner_manager(s, c), deps.admin(user)
    )


def meaning(r: Reader, deps: Deps, team: str, status: str, name: str) -> str:
    """What the status means for the reminders, in the reader's words."""
    if status == PROSPECT:
        days = deps.team_settings.of(team).count(PROSPECT_DAYS)
        return r.t("cstatus.meaning.prospect", cadence=str(days))
    if status == PAUSED:
        return r.t("cstatus.meaning.paused", name=name)
    if status == ENDED:
        return r.t("cstatus.meaning.ended")
    return r.t("cstatus.meaning.active")


def status_command(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/client status 耐克 paused 客户内部调整到1月`: set by whoever may change the client;
    from today, with the why as typed."""
    statuses = r.join(f"`{view.status_name(r, x)}`" for x in CLIENT_STATUSES)
    if len(rest) > MAX_TEXT:
        return Reply(text=r.t("cstatus.too_long", max=NOTE_MAX))
    if not rest.strip():
        return Reply(text=r.t("cstatus.usage", stages=statuses))
    with deps.db.write() as s:
        found = client_leading(r, queries.list_clients(s, req.team), rest)
        if found.client is None:
            return Reply(text=found.said)
        c, read = found.client, read_status(found.rest)
        if read is None and not found.rest.strip():
            return Reply(text=r.t("cstatus.usage", stages=statuses))
        if read is None:
            word = bk.escape(found.rest.split()[0][:40])
            return Reply(text=r.t("cstatus.unknown", word=word, stages=statuses))
        status, why = read
        if len(why) > NOTE_MAX:
            return Reply(text=r.t("cstatus.too_long", max=NOTE_MAX))
        if not may_change(deps, s, req.user, c):
            return Reply(text=r.t("cstatus.not_allowed", name=bk.escape(c.name)))
        if status == c.status:
            said = r.t("cstatus.same", name=bk.escape(c.name), status=view.status_name(r, status))
            return Reply(text=said)
        was = c.status
        if not stored.set_status(s, c, status, deps.local_now().date(), why, deps.clock.now()):
            return Reply(text=r.t("cstatus.meanwhile", name=bk.escape(c.name)))
    return _said(r, req, deps, c, was, why)


def _said(r: Reader, req: Request, deps: Deps, c: Client, was: str, why: str) -> Reply:
    said = r.t(
        "cstatus.set",
        name=bk.escape(c.name),
        code=bk.escape(c.code),
        was=view.status_name(r, was),
        status=view.status_name(r, c.status),
        meaning=meaning(r, deps, req.team, c.status, bk.escape(c.name)),
    )
    if why:
        said += "\n" + r.t("cstatus.why", note=bk.escape(why))
    blocks = [bk.section(said), bk.section(view.client_line(r, c))]
    redraw = tuple(partial(deps.home_changed, req.team, u) for u in _owners(c))
    return Reply(text=said, blocks=blocks, then=redraw)


def _owners(c: Client) -> list[str]:
    return [u for u in (c.owner_id, c.backup_owner_id) if u]


def after_funnel(r: Reader, req: Request, deps: Deps, s: Session, c: Client, stage: str) -> str:
    """A funnel stage's effect on the status (`lost` ends the client, `won` makes a prospect
    active), stored in the same write; what to tell the user, or nothing."""
    status = after_stage(c.status, stage)
    if status == c.status:
        return ""
    if not stored.set_status(s, c, status, deps.local_now().date(), "", deps.clock.now()):
        return ""
    name = bk.escape(c.name)
    return r.t(
        "cstatus.by_stage",
        status=view.status_name(r, status),
        meaning=meaning(r, deps, req.team, status, name),
    )


def show_command(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/client show 耐克`: the record, its status since when and why, its last contract end."""
    if not rest.strip():
        return Reply(text=r.t("cstatus.show_usage"))
    with deps.db.read() as s:
        c = find_client(r, s, req.team, rest[:200])
        if isinstance(c, str):
            return Reply(text=c)
        end = stored.last_contract_end(s, req.team, c.id or 0)
    lines = [view.client_line(r, c)]
    if end is not None:
        lines.append(
            r.t(
                "cstatus.last_end",
                day=r.day(end.end_on),
                amount=yuan(end.unreceived),
                invoiced=yuan(end.invoiced),
                by=end.by,
            )
        )
    return Reply(text=lines[0], blocks=[bk.section(x) for x in lines])


def yuan(text: str) -> str:
    """A stored amount (a Decimal as text) as every message shows it: ¥120,000."""
    return f"¥{show_amount(Decimal(text))}"
