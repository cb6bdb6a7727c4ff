"""`/aebot team`: the org chart for everyone; for admins, the team itself, from Slack as the CSV
import does it from the shell: `add @someone ROLE [manager @someone]`, `set @someone manager
@someone|none`, `set @someone role ROLE` and `remove @someone`, each checked as an imported row
is (bot/rules/imports.py: a known role, a manager on the team, no reporting cycle) and answered
with what changed.

Taking someone off the team (`remove`, also `aebot team remove U…`): their clients are left
without an owner, so their manager (else every admin) is told which, in a DM queued with the
removal itself; requests waiting for their decision go to that manager."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime

from sqlmodel import Session

from bot.rules.imports import line_problem
from bot.rules.jobs import department_of
from bot.rules.people import DEPARTMENT_ROLES, ROLES
from bot.slack import blocks as bk
from bot.slack.listeners import Reply, Request
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import clients as client_view
from forms.engine import Engine
from forms.leaving import reroute_from
from handlers.deps import Deps
from storage import outbox, queries
from storage.models import Client, Member
from storage.outbox import wall

MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$")
MANAGER_WORDS = frozenset({"manager", "汇报", "汇报对象", "主管", "上级"})
ROLE_WORDS = frozenset({"role", "角色"})
DEPARTMENT_WORDS = frozenset({"department", "dept", "部门"})
NOBODY = frozenset({"none", "-", "无", "没有"})


def team_command(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    return TEAM.run(r, req, deps, rest)


def _chart(r: Reader, req: Request, deps: Deps, _rest: str) -> Reply:
    """The org chart; an empty team says how to load one."""
    with deps.db.read() as s:
        members = queries.list_members(s, req.team)
    if not members:
        return Reply(text=r.t("team.empty"))
    return Reply(text=r.t("team.title", n=len(members)), blocks=client_view.org_chart(r, members))


def _add(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`add @someone ROLE [manager @someone]`: a new member, with their reporting line."""
    if not deps.admin(req.user):
        return Reply(text=r.t("team.admin_only"))
    args = rest.split()
    target = MENTION.match(args[0]) if args else None
    role = args[1].lower() if len(args) > 1 else ""
    department, more = _department_typed(role, args[2:])
    manager = _manager_typed(more)
    if target is None or role not in ROLES or manager is False or department is False:
        return Reply(text=r.t("team.add_usage", roles=", ".join(ROLES)))
    uid, label = target.group(1), target.group(2) or target.group(1)
    with deps.db.write() as s:
        members = {m.user_id: m for m in queries.list_members(s, req.team)}
        if uid in members:
            return Reply(text=r.t("team.already", user=uid, role=r.t("role." + members[uid].role)))
        lines = {u: m.manager_id for u, m in members.items()} | {uid: None}
        problem = line_problem(lines, uid, manager)
        if problem is not None:
            return Reply(text=r.problem(problem))
        queries.upsert_member(
            s,
            req.team,
            uid,
            r.now,
            name=label,
            role=role,
            manager_id=manager,
            department=department,
        )
    role_name = _role_name(r, role, department)
    if manager is None:
        return Reply(text=r.t("team.added_no_manager", user=uid, role=role_name))
    return Reply(text=r.t("team.added", user=uid, role=role_name, manager=manager))


def _department_typed(role: str, args: list[str]) -> tuple[str | None | bool, list[str]]:
    """The department after a role dh or staff (its code, or False when missing or unknown),
    and the words after it; other roles take none."""
    if role not in DEPARTMENT_ROLES:
        return None, args
    code = department_of(args[0]) if args else None
    return (code if code else False), args[1:]


def _role_name(r: Reader, role: str, department: str | None) -> str:
    """ "部门主管（创意）", "department head (Creative)"; a role without a department alone."""
    name = r.t("role." + role)
    if not department:
        return name
    return r.t("team.role_in", role=name, department=r.t(f"job.dept.{department}"))


def _manager_typed(args: list[str]) -> str | None | bool:
    """What follows the role in `add`: nothing (None), `manager @someone` (their id), or
    anything else (False)."""
    if not args:
        return None
    if len(args) == 2 and args[0].lower() in MANAGER_WORDS:
        found = MENTION.match(args[1])
        return found.group(1) if found else False
    return False


def _set(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`set @someone manager @someone|none` or `set @someone role ROLE`."""
    if not deps.admin(req.user):
        return Reply(text=r.t("team.admin_only"))
    args = rest.split()
    target = MENTION.match(args[0]) if args else None
    what = args[1].lower() if len(args) > 1 else ""
    if target is None or len(args) not in (3, 4):
        return Reply(text=r.t("team.set_usage", roles=", ".join(ROLES)))
    if what in ROLE_WORDS:
        return _set_role(r, req, deps, target.group(1), args[2].lower(), args[3:])
    if what in DEPARTMENT_WORDS and len(args) == 3:
        return _set_department(r, req, deps, target.group(1), args[2])
    if len(args) != 3:
        return Reply(text=r.t("team.set_usage", roles=", ".join(ROLES)))
    if what in MANAGER_WORDS:
        return _set_manager(r, req, deps, target.group(1), args[2])
    return Reply(text=r.t("team.set_usage", roles=", ".join(ROLES)))


def _set_role(r: Reader, req: Request, deps: Deps, uid: str, role: str, more: list[str]) -> Reply:
    """A new role; dh and staff with their department (`role dh creative`), other roles
    leave any department behind."""
    department, rest = _department_typed(role, more)
    if role not in ROLES or department is False or rest:
        return Reply(text=r.t("team.set_usage", roles=", ".join(ROLES)))
    with deps.db.write() as s:
        member = queries.get_member(s, req.team, uid)
        if member is None:
            return Reply(text=r.t("team.not_member", user=uid))
        before = (member.role, member.department)
        if before != (role, department):
            queries.upsert_member(s, req.team, uid, r.now, role=role, department=department)
    now = _role_name(r, role, department)
    if before == (role, department):
        return Reply(text=r.t("team.role_unchanged", user=uid, role=now))
    was = _role_name(r, *before)
    return Reply(text=r.t("team.role_set", user=uid, was=was, now=now))


def _set_department(r: Reader, req: Request, deps: Deps, uid: str, typed: str) -> Reply:
    """Another department for a head or a member of staff."""
    department = department_of(typed)
    if department is None:
        return Reply(text=r.t("team.set_usage", roles=", ".join(ROLES)))
    with deps.db.write() as s:
        member = queries.get_member(s, req.team, uid)
        if member is None:
            return Reply(text=r.t("team.not_member", user=uid))
        if member.role not in DEPARTMENT_ROLES:
            role = r.t("role." + member.role)
            return Reply(text=r.t("team.department_not_for", user=uid, role=role))
        before = _role_name(r, member.role, member.department)
        if member.department != department:
            queries.upsert_member(s, req.team, uid, r.now, department=department)
        now = _role_name(r, member.role, department)
    if before == now:
        return Reply(text=r.t("team.role_unchanged", user=uid, role=now))
    return Reply(text=r.t("team.role_set", user=uid, was=before, now=now))


def _set_manager(r: Reader, req: Request, deps: Deps, uid: str, typed: str) -> Reply:
    found = MENTION.match(typed)
    if found is None and typed.lower() not in NOBODY:
        return Reply(text=r.t("team.set_usage", roles=", ".join(ROLES)))
    manager = found.group(1) if found else None
    with deps.db.write() as s:
        members = {m.user_id: m for m in queries.list_members(s, req.team)}
        if uid not in members:
            return Reply(text=r.t("team.not_member", user=uid))
        before = members[uid].manager_id
        problem = line_problem({u: m.manager_id for u, m in members.items()}, uid, manager)
        if problem is not None:
            return Reply(text=r.problem(problem))
        if before != manager:
            queries.upsert_member(s, req.team, uid, r.now, manager_id=manager)
    return Reply(text=_manager_said(r, uid, before, manager))


def _manager_said(r: Reader, uid: str, before: str | None, manager: str | None) -> str:
    """What changed in someone's reporting line, in a sentence."""
    if before == manager:
        if manager is None:
            return r.t("team.manager_unchanged_none", user=uid)
        return r.t("team.manager_unchanged", user=uid, manager=manager)
    was = f"<@{before}>" if before else r.t("team.no_manager")
    now = f"<@{manager}>" if manager else r.t("team.no_manager")
    return r.t("team.manager_set", user=uid, was=was, now=now)


def _remove_member(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """Admins take someone off the team; whoever must reassign their clients is told."""
    if not deps.admin(req.user):
        return Reply(text=r.t("team.remove_admin_only"))
    args = rest.split()
    target = MENTION.match(args[0]) if len(args) == 1 else None
    if target is None:
        return Reply(text=r.t("team.remove_usage"))
    uid = target.group(1)
    with deps.db.write() as s:
        done = remove(s, req.team, uid, req.user, deps.engine, deps.clock.now())
    if done is None:
        return Reply(text=r.t("team.remove_not_member", user=uid))
    _, clients, told = done
    if not clients:
        return Reply(text=r.t("team.removed_no_clients", user=uid), then=(deps.deliver,))
    who = r.join(f"<@{u}>" for u in told) if told else r.t("team.nobody")
    text = r.t("team.removed", user=uid, n=len(clients), told=who)
    return Reply(text=text, then=(deps.deliver,))


TEAM = Subcommands[Deps](
    "/aebot team",
    help="team.help",
    subs={
        ("list", "show", "列表"): _chart,
        ("add", "加入", "添加"): _add,
        ("set", "设置", "修改"): _set,
        ("remove", "移除"): _remove_member,
    },
    empty=_chart,
)


def remove(
    s: Session, team: str, user: str, by: str, engine: Engine, now: datetime
) -> tuple[Member, list[Client], list[str]] | None:
    """Remove `user` from the team and queue the notice of their ownerless clients; returns
    the removed member, their clients and who is told (None if they were not on the team)."""
    removed = queries.remove_member(s, team, user)
    if removed is None:
        return None
    member, clients = removed
    manager = member.manager_id if queries.get_member(s, team, member.manager_id or "") else None
    reroute_from(engine, s, team, user, manager, now)  # no request waits for them
    settings = engine.settings
    if not clients:
        return member, clients, []
    members = {m.user_id: m for m in queries.list_members(s, team)}
    told = _who_is_told(member, members, settings.admins)
    notices = []
    for uid in told:
        r = Reader.of(members.get(uid), settings.aebot_lang, settings.tz, now)
        lines = [f"• {bk.escape(c.name)} ({bk.escape(c.code)})" for c in clients[:40]]
        if len(clients) > 40:
            lines.append(r.more(len(clients) - 40))
        head = r.t("team.ownerless", user=user, by=by, n=len(clients))
        key = f"ownerless:{user}:{uid}:{now.isoformat()}"
        blocks = bk.sections([head, *lines])
        notices.append(outbox.Message(team, key, "ownerless-clients", uid, head, blocks))
    outbox.enqueue(s, notices, now, wall())
    return member, clients, told


def _who_is_told(member: Member, members: dict[str, Member], admins: Collection[str]) -> list[str]:
    """The removed person's manager, if still on the team; else every admin."""
    if member.manager_id and member.manager_id in members:
        return [member.manager_id]
    return sorted(admins)
