"""The .xlsx files aebot makes (the Friday report's, `/overtime report`'s, `aebot export`'s), all
by this one writer: sheets of tables, each a header row and its rows, with column widths that
fit what the columns hold, the first table's header frozen in view, number formats, and native
Excel bar charts where a report has them. A long export is written as its rows come
(`stream_sheet`: openpyxl's write-only mode), in flat memory however many there are.

Every string is written as text, never as a formula: a client named `=HYPERLINK(…)` or a weekly
note `=1+1` (what people typed) shows as typed, and a leading `+`, `-` or `@` is not read
either. Numbers stay numbers and dates stay dates (times naive, in the workspace's zone).
Characters an .xlsx cannot hold (control characters) are left out rather than failing the file.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

Cell = str | int | float | date | datetime | None
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
HOURS_FORMAT = "0.0#"
MIN_WIDTH, MAX_WIDTH = 6, 60  # a column's width, in characters (a Chinese character is two)


@dataclass(frozen=True)
class Bars:
    """A bar chart of a table's columns `first`..`last` (counted from 0, each named by its
    header) against the labels in the table's first column, drawn at the cell `anchor` (row,
    column, from 1); `stacked` stacks the columns in one bar per label."""

    title: str
    first: int
    last: int
    anchor: tuple[int, int]
    stacked: bool = False


@dataclass(frozen=True)
class Table:
    """A header row and its rows, the header at the cell `at` (row, column, from 1); `formats`
    gives a column (counted from 0) a number format."""

    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    at: tuple[int, int] = (1, 1)
    formats: Mapping[int, str] = field(default_factory=dict)
    chart: Bars | None = None


@dataclass(frozen=True)
class Sheet:
    title: str
    tables: Sequence[Table]


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The sheets, in order, as the bytes of an .xlsx file."""
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title)
        widths: dict[int, int] = {}
        for table in sheet.tables:
            _table(ws, table, widths)
        if sheet.tables:
            row, col = sheet.tables[0].at
            ws.freeze_panes = ws.cell(row + 1, col).coordinate
        for col, width in widths.items():
            ws.column_dimensions[get_column_letter(col)].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def stream_sheet(
    out: io.BufferedIOBase | str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    widths: Sequence[int] = (),
) -> int:
    """One sheet, its header frozen in view and its rows written as they come (each is gone
    from memory once written), saved to `out` (a path or a binary file); how many rows. The
    columns' `widths` are given (in characters): they are set before the first row is."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(title)
    ws.freeze_panes = "A2"
    for k, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(k)].width = width
    ws.append([_streamed(ws, h) for h in headers])
    n = 0
    for row in rows:
        ws.append([_streamed(ws, v) for v in row])
        n += 1
    book.save(out)
    return n


def _streamed(ws: Worksheet, value: Cell) -> object:
    """A value as write-only mode takes it: a string that would be read as a formula or holds
    what an .xlsx cannot, and a date or time (for its format), as a cell of its own."""
    if isinstance(value, str):
        if value.startswith("="):
            cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", value))
            cell.data_type = "s"  # text, not a formula
            return cell
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = TIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT
        return cell
    return value


def _table(ws: Worksheet, table: Table, widths: dict[int, int]) -> None:
    row0, col0 = table.at
    for i, values in enumerate([table.headers, *table.rows]):
        for k, value in enumerate(values):
            shown = _put(ws, row0 + i, col0 + k, value, table.formats.get(k))
            widths[col0 + k] = max(widths.get(col0 + k, MIN_WIDTH), min(shown, MAX_WIDTH))
    if table.chart is not None and table.rows:
        ws.add_chart(_bars(ws, table, table.chart), ws.cell(*table.chart.anchor).coordinate)


def _put(ws: Worksheet, row: int, col: int, value: Cell, number_format: str | None) -> int:
    """Write one cell (a string as text, whatever it starts with); how wide it shows."""
    if value is None or value == "":
        return 0
    cell = ws.cell(row, col)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # not a formula, even when it starts with "="
        return _width(str(cell.value)) + 2
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    elif isinstance(value, datetime):
        cell.number_format = TIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    if isinstance(value, date):
        return len(TIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT) + 2
    return len(str(value)) + 2


def _width(text: str) -> int:
    """How many columns the longest line of `text` takes: a wide (Chinese) character two."""
    lines = text.splitlines() or [""]
    return max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in ln) for ln in lines)


def _bars(ws: Worksheet, table: Table, spec: Bars) -> BarChart:
    row0, col0 = table.at
    last_row = row0 + len(table.rows)
    chart = BarChart()
    chart.type = "bar"
    chart.title = spec.title
    if spec.stacked:
        chart.grouping = "stacked"
        chart.overlap = 100
    data = Reference(
        ws, min_col=col0 + spec.first, max_col=col0 + spec.last, min_row=row0, max_row=last_row
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=col0, min_row=row0 + 1, max_row=last_row))
    chart.height = max(7.5, 0.5 * min(len(table.rows), 200))
    chart.width = 18
    return chart
