"""Which rows of a team or client CSV are imported, and why the others are skipped.

Pure: the rows come numbered by their line in the file (the header is line 1) and what the
database already holds comes in as plain mappings, so every rule is tested without one. A
skipped row is never half-imported, and nothing is guessed: a missing name is not replaced by
the id, a repeated id or client name keeps its first row and skips the others.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from bot.rules.clients import MAX_CADENCE, default_cadence, name_key
from bot.rules.jobs import DEPARTMENTS, department_of
from bot.rules.people import DEPARTMENT_ROLES, LANGS, ROLES
from bot.rules.problems import Problem

TRUE = frozenset({"true", "yes", "1", "y", "是", "市内"})
FALSE = frozenset({"false", "no", "0", "n", "否", "市外"})
SLACK_USER_ID = re.compile(r"[UW][A-Za-z0-9]{1,31}")
# the columns' sizes in the database (storage/models.py): PostgreSQL refuses longer text
MAX_MEMBER_NAME, MAX_CLIENT_NAME, MAX_CITY, MAX_CONTACT_PERSON = 200, 100, 50, 100

Numbered = Iterable[tuple[int, Mapping[str, str]]]  # (line in the file, the row by column)


@dataclass(frozen=True)
class Skipped:
    """A row left out, with its line in the file and the reason, as the operator reads it."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class MemberRow:
    line: int
    user_id: str
    name: str
    role: str
    manager_id: str | None
    language: str | None
    department: str | None = None  # a job department's code, for roles dh and staff


@dataclass(frozen=True)
class ClientRow:
    line: int
    name: str
    city: str
    in_city: bool
    owner_id: str
    contact_person: str
    cadence_days: int  # the default for in-city or out-of-city when the file leaves it empty
    language: str | None = None  # of the contact report text for the client; None: not given

    @property
    def key(self) -> str:
        """The name as clients are told apart (case and width ignored)."""
        return name_key(self.name)


# --- the team ------------------------------------------------------------------------
def read_member(line: int, row: Mapping[str, str]) -> MemberRow | Skipped:
    """One team row on its own: a Slack id, a name, a known role and language, not its own
    manager."""
    uid, name = row.get("user_id", ""), " ".join(row.get("name", "").split())
    role, lang = row.get("role", "").lower(), row.get("language", "").lower() or None
    manager = row.get("manager_id", "") or None
    if not uid and not row.get("email", "").strip():
        return Skipped(line, "neither user_id nor email is given")
    if not SLACK_USER_ID.fullmatch(uid):
        return Skipped(line, f"user_id {uid!r} is not a Slack user id (like U0123ABCD)")
    if not name:
        return Skipped(line, f"name is empty for {uid}")
    if len(name) > MAX_MEMBER_NAME:
        return Skipped(line, f"name is longer than {MAX_MEMBER_NAME} characters")
    if role not in ROLES:
        return Skipped(line, f"role {row.get('role', '')!r} is not one of {', '.join(ROLES)}")
    if lang is not None and lang not in LANGS:
        return Skipped(line, f"language {row.get('language', '')!r} must be zh, en or empty")
    if manager == uid:
        return Skipped(line, f"manager_id {uid} is the member's own id")
    typed = row.get("department", "").strip()
    department = department_of(typed) if typed else None
    if typed and department is None:
        return Skipped(line, f"department {typed!r} is not one of {', '.join(DEPARTMENTS)}")
    if role in DEPARTMENT_ROLES and department is None:
        return Skipped(line, f"role {role} needs a department ({', '.join(DEPARTMENTS)})")
    if role not in DEPARTMENT_ROLES and department is not None:
        return Skipped(line, f"department is for roles dh and staff, not {role}")
    return MemberRow(line, uid, name, role, manager, lang, department)


def email_key(address: str) -> str:
    """An e-mail address as addresses are told apart: case and surrounding spaces ignored."""
    return address.strip().lower()


def emails_to_look_up(rows: Numbered) -> list[str]:
    """The addresses a team file gives instead of Slack ids (`email` for the person,
    `manager_email` for their manager), each once, in file order."""
    wanted: dict[str, str] = {}
    for _, row in rows:
        for id_column, email_column in (("user_id", "email"), ("manager_id", "manager_email")):
            address = row.get(email_column, "").strip()
            if address and not row.get(id_column, "").strip():
                wanted.setdefault(email_key(address), address)
    return list(wanted.values())


def with_slack_ids(
    rows: Numbered, found: Mapping[str, str | None]
) -> tuple[list[tuple[int, dict[str, str]]], list[Skipped]]:
    """The rows with `user_id` and `manager_id` filled in from their addresses (`found`: each
    address, by `email_key`, and its Slack id or None when Slack knows no one by it); a row
    with an address Slack does not know is skipped, naming it. A given id wins over an
    address."""
    kept: list[tuple[int, dict[str, str]]] = []
    skipped: list[Skipped] = []
    for line, row in rows:
        out = dict(row)
        problem = None
        for id_column, email_column in (("user_id", "email"), ("manager_id", "manager_email")):
            address = row.get(email_column, "").strip()
            if not address or row.get(id_column, "").strip():
                continue
            uid = found.get(email_key(address))
            if uid is None:
                problem = f"{email_column} {address!r} is no one in this Slack workspace"
                break
            out[id_column] = uid
        if problem is None:
            kept.append((line, out))
        else:
            skipped.append(Skipped(line, problem))
    return kept, skipped


def check_team(
    rows: Numbered, stored: Mapping[str, str | None]
) -> tuple[list[MemberRow], list[Skipped]]:
    """The rows to import and the rows skipped (in file order). `stored` is the team in the
    database, user id → manager id. A user id may appear once (a later row is skipped, even when
    the first is skipped too). A manager must be stored or imported by this file, and no
    one may end up managing themselves through a chain (a reporting cycle)."""
    skipped: list[Skipped] = []
    first_line: dict[str, int] = {}
    accepted: dict[str, MemberRow] = {}
    for line, row in rows:
        got = read_member(line, row)
        uid = row.get("user_id", "")
        if uid in first_line and not isinstance(got, Skipped):
            got = Skipped(line, f"user_id {uid} is already on line {first_line[uid]}")
        first_line.setdefault(uid, line)
        if isinstance(got, Skipped):
            skipped.append(got)
        else:
            accepted[got.user_id] = got
    while True:  # skipping a row can leave another without a manager, or close a cycle
        dropped = _drop_unknown_managers(accepted, stored, first_line)
        dropped += _drop_cycles(accepted, stored)
        if not dropped:
            break
        skipped += dropped
    return sorted(accepted.values(), key=lambda m: m.line), sorted(skipped, key=lambda s: s.line)


def _drop_unknown_managers(
    accepted: dict[str, MemberRow], stored: Mapping[str, str | None], lines: Mapping[str, int]
) -> list[Skipped]:
    """Rows whose manager is neither stored nor accepted, and then the rows that reported to
    those (a worklist: each row is looked at a bounded number of times)."""
    reports: dict[str, list[str]] = {}
    for m in accepted.values():
        if m.manager_id:
            reports.setdefault(m.manager_id, []).append(m.user_id)
    todo = [m.user_id for m in accepted.values() if m.manager_id]
    dropped = []
    while todo:
        m = accepted.get(todo.pop())
        if m is None or not m.manager_id:
            continue
        boss = m.manager_id
        if boss in accepted or boss in stored:
            continue
        reason = (
            f"manager_id {boss} is on line {lines[boss]}, which is skipped"
            if boss in lines
            else f"manager_id {boss!r} is neither on the team nor in this file"
        )
        dropped.append(Skipped(m.line, reason))
        del accepted[m.user_id]
        if m.user_id not in stored:
            todo += reports.get(m.user_id, [])
    return dropped


def _drop_cycles(accepted: dict[str, MemberRow], stored: Mapping[str, str | None]) -> list[Skipped]:
    """Imported rows that sit on a reporting cycle, once the file's rows replace the stored."""
    managers = {**stored, **{u: m.manager_id for u, m in accepted.items()}}
    dropped = []
    for uid, cycle in reporting_cycles(managers).items():
        if uid in accepted:
            dropped.append(Skipped(accepted.pop(uid).line, f"reporting cycle {cycle}"))
    return dropped


def line_problem(
    managers: Mapping[str, str | None], user: str, manager: str | None
) -> Problem | None:
    """Whether `user` may report to `manager` (None: to nobody), by the import's rules: the
    manager is on the team (`managers`: each member's user id and manager id) and is not the
    person, and no one ends up managing themselves through a chain. The same checks as a team
    CSV's row, for one change typed in Slack (`/aebot team add|set`)."""
    if manager is None:
        return None
    if manager == user:
        return Problem("team.own_manager", {"user": user})
    if manager not in managers:
        return Problem("team.manager_not_member", {"manager": manager})
    cycle = reporting_cycles({**managers, user: manager}).get(user)
    if cycle:
        return Problem("team.cycle", {"cycle": " → ".join(f"<@{u}>" for u in cycle.split(" → "))})
    return None


def reporting_cycles(managers: Mapping[str, str | None]) -> dict[str, str]:
    """Everyone on a cycle of "reports to", with the cycle as read from them ("U1 → U2 → U1").
    Each person is walked once, so a department of any size costs one pass."""
    done: set[str] = set()
    found: dict[str, str] = {}
    for start in managers:
        path: list[str] = []
        at: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in at:
            at[node] = len(path)
            path.append(node)
            node = managers.get(node)
        if node is not None and node in at:
            ring = path[at[node] :]
            for i, uid in enumerate(ring):
                found[uid] = " → ".join([*ring[i:], *ring[:i], uid])
        done.update(path)
    return found


# --- clients -------------------------------------------------------------------------
def read_client(line: int, row: Mapping[str, str], members: Collection[str]) -> ClientRow | Skipped:
    """One client row on its own: name and city, a yes/no in-city, a cadence of 1-60 working
    days or empty, an owner who is on the team."""
    name, city = " ".join(row.get("name", "").split()), " ".join(row.get("city", "").split())
    flag, cadence = row.get("in_city", "").lower(), row.get("cadence_days", "")
    owner, person = row.get("owner_id", ""), row.get("contact_person", "")
    if not name or not city:
        return Skipped(line, "name and city are required")
    for what, text, limit in (
        ("name", name, MAX_CLIENT_NAME),
        ("city", city, MAX_CITY),
        ("contact_person", person, MAX_CONTACT_PERSON),
    ):
        if len(text) > limit:
            return Skipped(line, f"{what} is longer than {limit} characters")
    if flag not in TRUE | FALSE:
        return Skipped(line, f"in_city {row.get('in_city', '')!r} must be true or false")
    if cadence and (not cadence.isdigit() or not 1 <= int(cadence) <= MAX_CADENCE):
        return Skipped(line, f"cadence_days {cadence!r} must be a whole number 1-{MAX_CADENCE}")
    if owner not in members:
        return Skipped(line, f"owner_id {owner!r} is not on the team (import the team first)")
    lang = row.get("language", "").strip().lower() or None
    if lang is not None and lang not in LANGS:
        return Skipped(line, f"language {row.get('language', '')!r} must be zh, en or empty")
    in_city = flag in TRUE
    days = int(cadence) if cadence else default_cadence(in_city)
    return ClientRow(line, name, city, in_city, owner, person, days, lang)


def check_clients(
    rows: Numbered, members: Collection[str]
) -> tuple[list[ClientRow], list[Skipped]]:
    """The rows to import and the rows skipped (in file order). `members` are the team's user
    ids. A client name may appear once (compared as people read it: case and width ignored);
    a later row with the same name is skipped, even when the first is skipped too."""
    accepted: list[ClientRow] = []
    skipped: list[Skipped] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        got = read_client(line, row, members)
        key = name_key(row.get("name", ""))
        if key in first_line and not isinstance(got, Skipped):
            got = Skipped(line, f"name {got.name!r} is already on line {first_line[key]}")
        if key:
            first_line.setdefault(key, line)
        if isinstance(got, Skipped):
            skipped.append(got)
        else:
            accepted.append(got)
    return accepted, skipped
