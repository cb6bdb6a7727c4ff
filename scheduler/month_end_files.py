"""The month-end .xlsx, one per AE (written by bot/sheets.py): a sheet per client, named after
it, in the client's language: the month's work and next month's plan, a row per item with its
kind, the days it was submitted, completed and made final (定稿), its next step and when it is
due. Days are dates, shown as people write them ("2026年11月26日", "26 Nov 2026")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from bot import sheets
from bot.rules import month_end as rules
from bot.rules.month_end import ClientMonth, Line
from bot.sheets import Cell, Sheet, Table
from bot.slack.texts import Reader
from bot.slack.views import month_end as view

COLUMNS = ("item", "kind", "submitted", "completed", "final", "next", "due")
DAY_COLUMNS = (2, 3, 4, 6)
DAY_FORMAT = {"zh": 'yyyy"年"m"月"d"日"', "en": "d mmm yyyy"}
TITLE_MAX = 31  # Excel's limit on a sheet's name
_NOT_IN_TITLE = re.compile(r"[\[\]:*?/\\]")


def xlsx_name(start: date) -> str:
    return f"month-end-{start:%Y-%m}.xlsx"


def workbook(drafts: Sequence[ClientMonth], readers: Mapping[str, Reader], start: date) -> bytes:
    """A sheet per client, each in its client's language."""
    used: set[str] = set()
    out = []
    for m in drafts:
        cr = readers[m.language]
        out.append(Sheet(_title(m.client, used), [_table(cr, m, start)]))
    return sheets.workbook(out)


def _title(name: str, used: set[str]) -> str:
    """The client's name as a sheet's: without the characters Excel refuses, short enough, and
    not the same as another's (Excel compares them ignoring case)."""
    base = _NOT_IN_TITLE.sub(" ", name).strip().strip("'") or "-"
    title, n = base[:TITLE_MAX], 1
    while title.lower() in used:
        n += 1
        title = f"{base[: TITLE_MAX - len(str(n)) - 1]}~{n}"
    used.add(title.lower())
    return title


def _table(cr: Reader, m: ClientMonth, start: date) -> Table:
    values = view.months(cr, start)
    rows: list[list[Cell]] = [[cr.t("month_end.c.month", **values)]]
    rows += [_row(cr, x) for x in m.month] or [[cr.t("month_end.c.nothing")]]
    rows += [[], [cr.t("month_end.c.plan", **values)]]
    rows += [_row(cr, x) for x in m.plan] or [[cr.t("month_end.c.no_plan")]]
    fmt = DAY_FORMAT[cr.lang]
    return Table(
        [cr.t(f"month_end.x.{k}") for k in COLUMNS],
        rows,
        formats=dict.fromkeys(DAY_COLUMNS, fmt),
    )


def _row(cr: Reader, x: Line) -> list[Cell]:
    kind = cr.t(f"kind.{x.step}") if x.kind == rules.CONTACT else cr.t(f"month_end.kind.{x.kind}")
    dated = x.kind != rules.CALLS  # a count of calls has no days of its own
    return [
        view.item(cr, x),
        kind,
        x.submitted if dated else None,
        x.completed if dated else None,
        x.final,
        view.next_step(cr, x),
        x.due,
    ]
