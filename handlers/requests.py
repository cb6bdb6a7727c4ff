"""`/aebot request KIND …`: every kind registered with a request form (forms/registered/), read
by its own grammar and filed through the form engine; and `/aebot requests [mine|waiting|all]`:
where each request stands (which step, waiting for whom since when)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from bot.rules.approvals import PENDING, chain
from bot.rules.clients import ClientIndex, Match
from bot.rules.people import sees_as_manager
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request, asks_help, long_reply
from bot.slack.texts import Reader
from bot.slack.views import approvals as view
from bot.slack.views import clients as client_view
from forms import kinds
from forms.engine import Filed
from forms.kinds import Asked, FormKind, Reading
from handlers.deps import Deps
from storage import approvals, queries
from storage.approvals import Filing
from storage.models import Approval

RECENT_DAYS = 30  # decided requests shown by `/aebot requests`


def request_command(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/aebot request KIND …`: the kind's usage when only its name is given."""
    words = text.split(maxsplit=1)
    if not words or asks_help(words[0]):
        return Reply(text=usage(r))
    kind = kinds.by_word(words[0])
    if kind is None or kind.request is None:
        return Reply(
            text=r.t("request.unknown_kind", kind=bk.escape(words[0][:40]), usage=usage(r))
        )
    rest = words[1] if len(words) > 1 else ""
    if not rest.strip() or asks_help(rest):
        return Reply(text=kind_usage(r, kind))
    now = deps.clock.now()
    with deps.db.write() as s:
        asked = kind.request.read(rest, _reading(s, r, req, deps))
        if not isinstance(asked, Asked):
            return Reply(text=refusal(r, kind, asked))
        filing = Filing(
            req.team,
            kind.code,
            req.user,
            asked.title,
            asked.fields,
            asked.reason,
            asked.amount,
            asked.client_id,
            via="command",
            basis=asked.basis,
        )
        filed = deps.engine.ask(s, filing, now)
    if isinstance(filed, Problem):  # about the team (nobody to sign), not what was typed
        return Reply(text=said(r, filed))
    return Reply(text=filed_text(r, filed, asked.shown_amount), then=(deps.deliver,))


def _reading(s: Session, r: Reader, req: Request, deps: Deps) -> Reading:
    clients = ClientIndex(queries.list_clients(s, req.team))
    end_of_day = deps.team_settings.of(req.team).end_of_day
    return Reading(clients, r.now, deps.settings.tz, deps.settings.aebot_tz, r.lang, end_of_day)


def usage(r: Reader) -> str:
    """Every kind that can be asked for, each with an example made from today."""
    lines = [r.t("request.usage")]
    for kind in kinds.requestable():
        assert kind.request is not None
        example = kind.request.example(r.now, r.lang)
        lines.append(r.t("request.usage_line", kind=view.kind_name(r, kind.code), example=example))
    return "\n".join(lines)


def kind_usage(r: Reader, kind: FormKind) -> str:
    assert kind.request is not None
    example = kind.request.example(r.now, r.lang)
    return r.t(kind.request.usage, code=kind.code, example=example)


def refusal(r: Reader, kind: FormKind, problem: Problem | ClientNotFound[Any]) -> str:
    """What was wrong with what was typed, with the kind's usage and an example to copy; a
    client typed that is none (or several) is answered as every command answers it."""
    if isinstance(problem, ClientNotFound) and problem.typed:  # as every command says it
        return client_not_found(r, problem)
    if isinstance(problem, ClientNotFound):
        return client_not_found(r, problem) + "\n" + kind_usage(r, kind)
    return said(r, problem) + "\n" + kind_usage(r, kind)


def said(r: Reader, problem: Problem) -> str:
    values = {k: _shown(r, v) for k, v in problem.values.items()}
    if isinstance(values.get("unit"), str):
        values["unit"] = r.t(f"amount.unit.{problem.values['unit']}")
    return r.t(problem.key, **values)


def _shown(r: Reader, value: object) -> object:
    """A problem's value as the reader reads it: a day in their words, text escaped."""
    if isinstance(value, date):
        return r.day(value)
    return bk.escape(value) if isinstance(value, str) else value


def client_not_found(r: Reader, nf: ClientNotFound[Any]) -> str:
    """No client read where one was due: the same words as everywhere (bot/slack/views/clients.py),
    or, with nothing typed before the amount, a request to name it."""
    if not nf.typed:
        return r.t("request.need_client")
    return client_view.not_found(r, nf.typed, Match(candidates=nf.candidates))


def filed_text(r: Reader, filed: Filed, amount: str) -> str:
    """Where the request went: recorded within one's own authority, or to whom (on whose
    behalf; the whole chain when several sign; the top of the line when nobody's limit
    covered it)."""
    a = filed.approval
    values = {"kind": view.kind_name(r, a.kind), "title": bk.escape(a.title)}
    if filed.route.self_approved:
        return r.t("approval.self_approved", **values)
    if a.on_behalf_of:
        text = r.t("request.filed_on_behalf", approver=a.approver_id, user=a.on_behalf_of, **values)
    else:
        text = r.t("request.filed", approver=a.approver_id, **values)
    if len(filed.route.signers) > 1:
        order = " → ".join(f"<@{u}>" for u in filed.route.signers)
        text += "\n" + r.t("request.chain", order=order)
    if filed.route.top_reached:
        text += "\n" + r.t("request.top_reached", approver=a.approver_id, amount=amount)
    return text


# --- /aebot requests --------------------------------------------------------------------------
def requests_command(r: Reader, req: Request, deps: Deps, args: list[str]) -> Reply:
    """`/aebot requests [mine|waiting|all]`: mine by default; `all` is everyone's for an admin,
    a manager's people's (and their own) for a manager, and refused to anyone else."""
    which = (args[0].lower() if args else "mine").strip()
    which = {"我的": "mine", "待审": "waiting", "全部": "all"}.get(which, which)
    if which not in ("mine", "waiting", "all"):
        return Reply(text=r.t("requests.usage"))
    now = deps.clock.now()
    with deps.db.read() as s:
        members = {m.user_id: m for m in queries.list_members(s, req.team)}
        me = members.get(req.user)
        if which == "waiting":
            team = deps.engine.team(s, req.team, now)
            for_whom = [u for u, (to, _) in team.delegations.items() if to == req.user]
            rows = approvals.waiting_for(s, req.team, [req.user, *for_whom])
            rows = [a for a in rows if a.requester_id != req.user]
        elif which == "all":
            if not (deps.admin(req.user) or sees_as_manager(me.role if me else None, False)):
                return Reply(text=r.t("requests.managers_only"))
            people = None if deps.admin(req.user) else _people_of(req.user, members)
            rows = approvals.of_requesters(s, req.team, people)
        else:
            rows = approvals.of_requesters(s, req.team, [req.user])
    return _listing(r, which, _recent(rows, now - timedelta(days=RECENT_DAYS)))


def _people_of(user: str, members: dict[str, Any]) -> list[str]:
    """`user` and everyone who reports to them, directly or further down."""
    return [u for u in members if u == user or user in {p.user_id for p in chain(u, members)}]


def _recent(rows: list[Approval], since: Any) -> list[Approval]:
    """Pending ones first (oldest first), then those decided since `since` (newest first)."""
    waiting = sorted((a for a in rows if a.status == PENDING), key=lambda a: a.routed_at)
    decided = [a for a in rows if a.status != PENDING and (a.decided_at or a.created_at) >= since]
    return waiting + decided


def _listing(r: Reader, which: str, rows: list[Approval]) -> Reply:
    if not rows:
        return Reply(text=r.t(f"requests.none.{which}"))
    title = r.t(f"requests.title.{which}", n=len(rows))
    lines = [f"*{title}*"] + [request_line(r, a) for a in rows]
    return long_reply(r, title, bk.sections(lines))


def request_line(r: Reader, a: Approval) -> str:
    """One request and where it stands."""
    values: dict[str, Any] = {
        "kind": view.kind_name(r, a.kind),
        "title": bk.escape(a.title),
        "requester": a.requester_id,
    }
    if a.status != PENDING:
        return r.t("requests.line.decided", decision=view.decision_line(r, a), **values)
    total = len(approvals.signers_of(a))
    step = r.t("requests.step", n=a.step + 1, total=total) if total > 1 else ""
    since = r.when(a.routed_at)
    return r.t("requests.line.pending", approver=a.approver_id, since=since, step=step, **values)
