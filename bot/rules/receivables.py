"""Receivables (坏账管理): reading `耐克 120000 due 2026-07-31`, how long an amount is overdue,
and what the handbook asks for it: monitored past 2 months, reported at every Monday meeting
past 4, escalated to management past 6 (DOMAIN.md, Receivables)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from bot.rules import amounts
from bot.rules.amounts import YUAN
from bot.rules.people import GM, sees_as_manager
from bot.rules.problems import Problem

MONITORED_AFTER = 2  # months overdue: listed in the Friday report
AGENDA_AFTER = 4  # on every Monday agenda until paid or written off
MANAGEMENT_AFTER = 6  # flagged for management
NOTE_MAX = 500
PAID, WRITTEN_OFF = "paid", "written-off"
STAGES = ("not-due", "overdue", "monitored", "agenda", "management")

DUE_WORDS = frozenset({"due", "due:", "到期", "到期日", "到期日:", "到期:"})
MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?,?")


@dataclass(frozen=True)
class ReceivableText:
    """What `/aebot receivable add` was given: the client as typed, the amount, the due date."""

    client_words: str
    amount: Decimal
    due: date
    note: str = ""


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower().replace("，", ",")


def read_amount(text: str) -> Decimal | None:
    """ "120000", "120,000", "¥120,000.50", "12万", "120000元" (bot/rules/amounts.py, in
    yuan); None for anything else, zero or less, or absurdly large."""
    value = amounts.read_amount(text, YUAN)
    return None if isinstance(value, Problem) else value


def read_due(words: list[str], today: date) -> tuple[date | None, int] | None:
    """The due date the words start with, and how many words it took: "2026-07-31",
    "2026年7月31日", "7月31日", "7/31", "Jul 31", "31 July", "Jul 31, 2026". Without a year,
    the latest such day not after today (an overdue amount's due date is past). A day that
    does not exist ("2026-02-30") is (None, words it took); words that are no date, None."""
    first = _norm(words[0]) if words else ""
    m = _NUMERIC_DATE.fullmatch(first)
    if m:
        return _day(m.group(1), int(m.group(2)), int(m.group(3)), today), 1
    for month_at, day_at in ((0, 1), (1, 0)):  # "Jul 31", "31 Jul"
        if len(words) < 2:
            break
        month = MONTHS.get(_norm(words[month_at]).rstrip(".,"))
        day = _DAY.fullmatch(_norm(words[day_at]))
        if month is None or day is None:
            continue
        year = _norm(words[2]) if len(words) > 2 else ""
        if re.fullmatch(r"\d{4}", year):
            return _day(year, month, int(day.group(1)), today), 3
        return _day(None, month, int(day.group(1)), today), 2
    return None


def _day(year: str | None, month: int, day: int, today: date) -> date | None:
    """The date, or None if it does not exist; no year: the latest one on or before today."""
    if year is not None:
        return _valid(int(year), month, day)
    for y in range(today.year, today.year - 5, -1):
        d = _valid(y, month, day)
        if d is not None and d <= today:
            return d
    return None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_receivable(text: str, today: date) -> ReceivableText | Problem:
    """`CLIENT AMOUNT due DATE [NOTE]` (`到期` too), e.g. "耐克 120000 due 2026-07-31" or
    "Nike 120,000 due Jul 31": the client is every word before the amount."""
    words = text.split()
    at = next((i for i, w in enumerate(words) if _norm(w) in DUE_WORDS), None)
    if at is None or at < 1:
        return Problem("receivable.usage")
    amount = read_amount(words[at - 1])
    if amount is None:
        return Problem("receivable.bad_amount", {"amount": words[at - 1][:40]})
    if at < 2:
        return Problem("receivable.need_client")
    found = read_due(words[at + 1 : at + 4], today)
    due, used = found or (None, 0)
    if due is None:
        return Problem("receivable.bad_due", {"due": " ".join(words[at + 1 : at + 3])[:40]})
    note = " ".join(words[at + 1 + used :])
    if len(note) > NOTE_MAX:
        return Problem("receivable.note_too_long", {"n": len(note), "max": NOTE_MAX})
    return ReceivableText(" ".join(words[: at - 1]), amount, due, note)


def add_months(d: date, months: int) -> date:
    """The same day `months` later, the month's last day when it has no such day."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def months_overdue(due: date, today: date) -> int:
    """Whole months past the due date (0 while not yet a month, or not due)."""
    if today <= due:
        return 0
    n = (today.year - due.year) * 12 + today.month - due.month
    while n > 0 and add_months(due, n) > today:
        n -= 1
    return n


def over(due: date, today: date, months: int) -> bool:
    """Overdue by more than `months` months: past the day `months` months after the due date."""
    return today > add_months(due, months)


def stage(due: date, today: date) -> str:
    """Where an open amount stands: not-due, overdue, monitored (> 2 months), agenda (> 4) or
    management (> 6)."""
    if over(due, today, MANAGEMENT_AFTER):
        return "management"
    if over(due, today, AGENDA_AFTER):
        return "agenda"
    if over(due, today, MONITORED_AFTER):
        return "monitored"
    return "overdue" if today > due else "not-due"


def show_amount(amount: Decimal) -> str:
    """120000 → "120,000"; cents kept when there are any."""
    q = amount.quantize(Decimal("0.01"))
    return f"{q:,.2f}" if q != q.to_integral_value() else f"{q:,.0f}"


def may_see(user: str, role: str | None, admin: bool, owner: str, backup: str | None) -> bool:
    """Money is for managers: managers and admins see every receivable; anyone else only those
    of the clients they own or back up."""
    return sees_as_manager(role, admin) or user in (owner, backup)


def write_off_problem(
    role: str | None, admin: bool, due: date, today: date, board_day: date | None
) -> Problem | None:
    """A write-off (坏账, 002 第八条) is the board's decision (董事会), recorded by the general
    manager or an admin, for an amount overdue more than 6 months, on a day it took."""
    if not admin and role != GM:
        return Problem("receivable.writeoff_gm_only")
    if not over(due, today, MANAGEMENT_AFTER):
        return Problem("receivable.writeoff_too_early", {"due": due})
    if board_day is None:
        return Problem("receivable.writeoff_need_board", {"today": today})
    if board_day > today or board_day < due:
        return Problem("receivable.writeoff_bad_board", {"day": board_day})
    return None


def may_record(role: str | None, admin: bool) -> bool:
    """Managers (AM, AD, GM, the project execution director) and admins record and close
    receivables; anyone on the team may list them."""
    return sees_as_manager(role, admin)
