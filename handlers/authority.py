"""Delegation (`/aebot delegate`) and the authority limits (`/aebot authority`; `aebot authority`
on the command line). A delegate decides what comes to the one who delegated, on their behalf,
until the last day given; an assistant (AAE) approves nothing and cannot be one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Session

from bot.dates import DateRefusal, parse_when
from bot.rules.approvals import NEVER_APPROVE
from bot.rules.authority import (
    DEFAULT_LIMITS,
    KINDS,
    RANK,
    Kind,
    Limit,
    kind_of,
    limit_problem,
    outranked,
    read_limit,
    show_limit,
)
from bot.rules.people import ROLES
from bot.rules.problems import Problem
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.texts import Reader
from bot.slack.views import clients as client_view
from bot.slack.views.approvals import kind_name
from handlers.deps import Deps
from storage import approvals, authority, outbox, queries
from storage.outbox import wall

MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")  # at the start of the text
UNTIL_WORDS = ("until", "till", "to", "到", "至", "直到")
OFF_WORDS = ("off", "stop", "end", "cancel", "关闭", "结束", "取消")
FORCE_WORDS = ("force", "强制")  # after a limit that lets a role outrank the one above it
COLUMNS = ("am", "ad", "gm")  # the roles the table always shows; others when they have limits


def after_sub(text: str) -> str:
    """What follows the sub-command, as typed (a reason keeps its spacing)."""
    parts = text.strip().split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


def _kinds_text(r: Reader) -> str:
    """The kinds' names in the reader's language: 佣金、补量… or commission, make-good…"""
    if r.lang == "zh":
        return r.join(next((n for n in k.names if not n.isascii()), k.code) for k in KINDS)
    return r.join(k.names[0] for k in KINDS)


def _amount(amount: Decimal, unit: str) -> str:
    """7% or 60d: the amount as every message about the request shows it."""
    number = format(amount.normalize(), "f")
    return f"{number}{'d' if unit == 'days' else unit}"


def _problem(r: Reader, p: Problem) -> str:
    values: dict[str, object] = {
        k: bk.escape(v) if isinstance(v, str) else v for k, v in p.values.items()
    }
    if isinstance(p.values.get("kind"), str) and (k := kind_of(str(p.values["kind"]))):
        values["kind"] = kind_name(r, k.code)
    return r.t(p.key, **{**values, "kinds": _kinds_text(r), "roles": client_view.role_list(r)})


# --- /aebot delegate ------------------------------------------------------------------------
def delegate_command(r: Reader, req: Request, deps: Deps) -> Reply:
    """`/aebot delegate @someone until DAY`, `/aebot delegate off`, `/aebot delegate`."""
    text = after_sub(req.text)
    if not text:
        return _show_delegation(r, req, deps)
    if text.lower() in OFF_WORDS:
        return _end_delegation(r, req, deps)
    wanted = _read_delegation(r, req, deps, text)
    if isinstance(wanted, str):
        return Reply(text=wanted)
    delegate, until = wanted
    today = r.now.astimezone(deps.settings.tz).date()
    now = deps.clock.now()
    with deps.db.write() as s:
        member = queries.get_member(s, req.team, delegate)
        if member is None or member.role in NEVER_APPROVE:
            key = "delegation.not_member" if member is None else "delegation.not_approver"
            return Reply(text=r.t(key, user=delegate))
        before = approvals.delegations(s, req.team, today).get(req.user)
        d = approvals.delegate(s, req.team, req.user, delegate, until, now)
        them = Reader.of(member, deps.settings.aebot_lang, deps.settings.tz, now)
        told = them.t("delegation.told", user=req.user, day=them.day(until))
        message = outbox.Message(
            req.team, f"delegation:{d.id}", "delegation", delegate, told, [bk.section(told)]
        )
        outbox.enqueue(s, [message], now, wall())
    said = r.t("delegation.set", user=delegate, day=r.day(until))
    if before and before[0] != delegate:
        said += "\n" + r.t("delegation.replaced", user=before[0])
    return Reply(text=said, then=(deps.deliver,))


def _read_delegation(r: Reader, req: Request, deps: Deps, text: str) -> tuple[str, date] | str:
    """`@someone until DAY` as typed: the delegate and the last day, or what to say instead."""
    target = MENTION.match(text)
    rest = text[target.end() :].split() if target else []
    if rest and rest[0].lower() in UNTIL_WORDS:
        rest = rest[1:]
    if target is None or not rest:
        return r.t("delegation.usage")
    if target.group(1) == req.user:
        return r.t("delegation.self")
    end_of_day = deps.team_settings.of(req.team).end_of_day
    parsed = parse_when(" ".join(rest), r.now, deps.settings.aebot_tz, r.lang, end_of_day)
    if isinstance(parsed, DateRefusal):
        return parsed.message
    until = parsed.at.astimezone(deps.settings.tz).date()
    if until < r.now.astimezone(deps.settings.tz).date():
        return r.t("delegation.past", day=r.day(until))
    return target.group(1), until


def _end_delegation(r: Reader, req: Request, deps: Deps) -> Reply:
    today = r.now.astimezone(deps.settings.tz).date()
    with deps.db.write() as s:
        running = approvals.delegations(s, req.team, today).get(req.user)
        ended = approvals.end_delegation(s, req.team, req.user, deps.clock.now())
    if not ended or running is None:
        return Reply(text=r.t("delegation.off_none"))
    return Reply(text=r.t("delegation.off", user=running[0]))


def _show_delegation(r: Reader, req: Request, deps: Deps) -> Reply:
    today = r.now.astimezone(deps.settings.tz).date()
    with deps.db.read() as s:
        running = approvals.delegations(s, req.team, today)
    mine = running.get(req.user)
    lines = [
        r.t("delegation.show", user=mine[0], day=r.day(mine[1]))
        if mine
        else r.t("delegation.show_none")
    ]
    lines += [
        r.t("delegation.held", user=user, day=r.day(until))
        for user, (delegate, until) in sorted(running.items())
        if delegate == req.user
    ]
    return Reply(text="\n".join(lines))


# --- the authority limits -------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    """One kind of request in the table: each role's limit as shown, and whether it differs
    from the handbook's (an admin changed it)."""

    kind: Kind
    limits: dict[str, str]
    changed: bool


def table(limits: Iterable[Limit]) -> tuple[tuple[str, ...], list[Row]]:
    """The roles shown (am, ad, gm, then any other role given a limit) and a row per kind."""
    current = {(x.kind, x.role): x for x in limits}
    handbook = {(x.kind, x.role): x for x in DEFAULT_LIMITS}
    extra = sorted({role for _, role in current} - set(COLUMNS), key=lambda x: (RANK.get(x, 9), x))
    roles = (*COLUMNS, *extra)
    rows = []
    for k in KINDS:
        keys = {key for key in (*current, *handbook) if key[0] == k.code}
        changed = any(current.get(key) != handbook.get(key) for key in keys)
        shown = {role: show_limit(current.get((k.code, role)), k.unit) for role in roles}
        rows.append(Row(k, shown, changed))
    return roles, rows


@dataclass(frozen=True)
class Change:
    """An admin's change of one limit, read from what they typed."""

    kind: Kind
    role: str
    limit: Decimal | None
    strict: bool
    denied: bool


def read_change(kind_word: str, role_word: str, limit_text: str) -> Change | Problem:
    """`KIND ROLE LIMIT` as an admin typed it, or what is wrong with it."""
    kind = kind_of(kind_word)
    if kind is None:
        return Problem("authority.bad_kind", {"kind": kind_word[:40]})
    role = role_word.strip().lower()
    if role not in ROLES:
        return Problem("authority.bad_role", {"role": role_word[:40], "roles": ", ".join(ROLES)})
    value = read_limit(limit_text)
    if value is None:
        return Problem("authority.bad_limit", {"limit": limit_text[:40]})
    return limit_problem(kind, value) or Change(kind, role, value.limit, value.strict, value.denied)


def outranking(s: Session, team: str, change: Change) -> Problem | None:
    """Whether the change would let a role decide more than one above it (the roles as codes,
    for the caller to name; `force` is the caller's word for going ahead anyway)."""
    if change.denied:
        return None
    new = Limit(change.kind.code, change.role, change.limit, change.strict)
    pair = outranked(authority.limits(s, team), new)
    if pair is None:
        return None
    low, high = pair
    unit = change.kind.unit
    return Problem(
        "authority.outranks",
        {
            "low": low.role,
            "low_limit": show_limit(low, unit),
            "high": high.role,
            "high_limit": show_limit(high, unit),
        },
    )


def apply_change(s: Session, team: str, change: Change, by: str, now: datetime) -> tuple[str, str]:
    """Store the change; the limit before and after, as shown."""

    def shown() -> str:
        found = {(x.kind, x.role): x for x in authority.limits(s, team)}
        return show_limit(found.get((change.kind.code, change.role)), change.kind.unit)

    old = shown()
    authority.set_limit(
        s, team, change.kind.code, change.role, change.limit, change.strict, change.denied, by, now
    )
    s.flush()
    return old, shown()


def authority_command(r: Reader, req: Request, deps: Deps, args: list[str]) -> Reply:
    """`/aebot authority` shows the limits; `/aebot authority set KIND ROLE LIMIT` (admins)."""
    sub = args[0].lower() if args else "show"
    admin = deps.admin(req.user)
    if sub in ("set", "设置"):
        if not admin:
            return Reply(text=r.t("authority.admin_only"))
        if len(args) < 4:
            return Reply(text=r.t("authority.set_usage"))
        return _set(r, req, deps, args[1], args[2], " ".join(args[3:]))
    if sub not in ("show", "list", "查看"):
        return Reply(text=r.t("authority.set_usage" if admin else "authority.admin_only"))
    with deps.db.read() as s:
        limits = authority.limits(s, req.team)
    _, rows = table(limits)
    lines = [f"*{r.t('authority.title')}*"]
    for row in rows:
        shown = " · ".join(
            f"{role.upper()} {r.t('authority.any') if v == 'any' else v}"
            for role, v in row.limits.items()
            if role in COLUMNS or v != "—"
        )
        lines.append(
            r.t(
                "authority.line",
                name=kind_name(r, row.kind.code),
                code=row.kind.code,
                mark=" *" if row.changed else "",
                limits=shown,
            )
        )
    blocks = bk.sections(lines)
    legend = r.t("authority.legend") + ("\n" + r.t("authority.legend_admin") if admin else "")
    blocks.append(bk.context(legend))
    return Reply(text=r.t("authority.title"), blocks=blocks)


def _set(r: Reader, req: Request, deps: Deps, kind: str, role: str, limit: str) -> Reply:
    words = limit.split()
    force = len(words) > 1 and words[-1].lower() in FORCE_WORDS
    change = read_change(kind, role, " ".join(words[:-1]) if force else limit)
    if isinstance(change, Problem):
        return Reply(text=_problem(r, change))
    with deps.db.write() as s:
        clash = None if force else outranking(s, req.team, change)
        if clash is None:
            old, new = apply_change(s, req.team, change, req.user, deps.clock.now())
    if clash is not None:
        named = {k: r.t(f"role.{clash.values[k]}") for k in ("low", "high")}
        return Reply(text=r.t(clash.key, **{**clash.values, **named, "force": "`force`"}))
    any_ = r.t("authority.any")
    return Reply(
        text=r.t(
            "authority.set_done",
            name=kind_name(r, change.kind.code),
            role=r.t(f"role.{change.role}"),
            old=any_ if old == "any" else old,
            new=any_ if new == "any" else new,
        )
    )
