"""Contact report rules (联络报告): reading the report form, the service team it goes to by
default, who may write, edit and confirm it, and when an unconfirmed one is listed on the
Monday agenda. Plain rules, no Slack and no database."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from bot.rules.problems import Problem

TEXT_LIMIT = 3000  # characters of a box (Slack's own limit on a text input)
ATTENDEES_LIMIT = 1000  # characters of the client's attendees
RECIPIENTS_MAX = 50  # people a report is sent to
ATTENDEES_MAX = 30  # of our people at one contact
UNCONFIRMED_AFTER = 2  # working days after sending: listed on the Monday agenda
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")
BULLET = re.compile(r"^(?:[-*•·]|\d{1,2}[.、)）])\s*")


@dataclass(frozen=True)
class ReportFields:
    """A report as the form describes it."""

    our_attendees: tuple[str, ...]
    client_attendees: str
    conclusions: tuple[str, ...]
    items_text: str
    sent_to: tuple[str, ...]


def lines(text: str) -> list[str]:
    """The non-empty lines of a box, without a leading bullet or number ("- ", "1. ", "•")."""
    out = []
    for raw in text.splitlines():
        line = BULLET.sub("", raw.strip()).strip()
        if line:
            out.append(line)
    return out


def _users(value: object, field: str, limit: int, problems: dict[str, Problem]) -> list[str]:
    """The user ids a multi_users_select gave; a forged value is the field's problem."""
    chosen = value if isinstance(value, list) else []
    if any(not isinstance(u, str) or not USER_ID.match(u) for u in chosen):
        problems[field] = Problem("creport.bad_user")
        return []
    if len(chosen) > limit:
        problems[field] = Problem("creport.too_many", {"limit": limit})
    return list(dict.fromkeys(chosen))


def _text(value: object, field: str, limit: int, problems: dict[str, Problem]) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > limit:
        problems[field] = Problem("creport.too_long", {"n": len(text), "limit": limit})
    return text


def read_report_form(values: Mapping[str, Any]) -> tuple[ReportFields | None, dict[str, Problem]]:
    """Check a submitted report form; the problems are shown under their fields. Conclusions
    are required (the report records every conclusion), and someone must receive it."""
    problems: dict[str, Problem] = {}
    ours = _users(values.get("ours"), "ours", ATTENDEES_MAX, problems)
    theirs = _text(values.get("theirs"), "theirs", ATTENDEES_LIMIT, problems)
    conclusions = _text(values.get("conclusions"), "conclusions", TEXT_LIMIT, problems)
    if "conclusions" not in problems and not lines(conclusions):
        problems["conclusions"] = Problem("creport.empty_conclusions")
    items = _text(values.get("items"), "items", TEXT_LIMIT, problems)
    sent_to = _users(values.get("sent_to"), "sent_to", RECIPIENTS_MAX, problems)
    if "sent_to" not in problems and not sent_to:
        problems["sent_to"] = Problem("creport.no_recipients")
    if problems:
        return None, problems
    fields = ReportFields(tuple(ours), theirs, tuple(lines(conclusions)), items, tuple(sent_to))
    return fields, {}


def service_team(
    author: str,
    owner: str | None,
    backup: str | None,
    attendees: Iterable[str],
    job_owners: Iterable[str],
    manager: str | None,
) -> list[str]:
    """Who a report goes to by default (the service team): the client's owner and backup, our
    attendees, the owners of the client's open jobs and the author's manager; in that order,
    each once, the author left out (they get their own copy)."""
    people = [owner, backup, *attendees, *job_owners, manager]
    return [p for p in dict.fromkeys(people) if p and p != author]


def recipients(author: str, sent_to: Iterable[str], before: Iterable[str] = ()) -> list[str]:
    """Who gets a report (again): the author first, then everyone in "sent to"; an edit also
    goes to everyone it went to before."""
    return list(dict.fromkeys([author, *before, *sent_to]))


def may_write(
    user: str, people: Collection[str | None], managers: Collection[str | None], admin: bool
) -> bool:
    """The contact's author, the client's owner or backup (`people`), the author's manager, or
    an admin writes its report."""
    return admin or user in {p for p in (*people, *managers) if p}


def may_confirm(
    user: str, people: Collection[str | None], managers: Collection[str | None], admin: bool
) -> bool:
    """The report's author, the client's owner or backup (`people`), their managers, or an
    admin record that the client confirmed it."""
    return admin or user in {p for p in (*people, *managers) if p}


class WorkingDays(Protocol):
    def working_days_between(self, start: date, end: date) -> int: ...


def unconfirmed(
    rows: Iterable[tuple[str, str, date]], today: date, calendar: WorkingDays
) -> dict[str, list[tuple[str, date]]]:
    """Reports the client has not confirmed `UNCONFIRMED_AFTER` working days after they were
    first sent, by author: (author, client, the day sent) in, (client, day) by author out."""
    out: dict[str, list[tuple[str, date]]] = {}
    for author, client, sent_on in rows:
        if calendar.working_days_between(sent_on, today) >= UNCONFIRMED_AFTER:
            out.setdefault(author, []).append((client, sent_on))
    return out
