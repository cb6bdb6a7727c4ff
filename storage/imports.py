"""Bulk loads from CSV: the team and the clients, each in one transaction.

A department's 20,000 clients must load in seconds: what is stored is read once, the rows are
checked in memory (bot/rules/imports.py), and the changes go to the database as a few bulk
statements (a query per row made 20,000 rows take over 20 minutes). Re-importing writes only
the rows that differ from what is stored, and never duplicates.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, update
from sqlmodel import Session, select

from bot.rules.clients import client_code, name_key
from bot.rules.imports import ClientRow, Skipped, check_clients, check_team
from storage.changes import note
from storage.models import Client, Member
from storage.queries import next_client_serial

# a column named "a|b" may be either: a team file gives Slack ids or e-mail addresses
# (manager_id or manager_email, language and department are optional columns)
TEAM_HEADER = ["user_id|email", "name", "role"]
CLIENT_HEADER = ["name", "city", "in_city", "owner_id", "contact_person", "cadence_days"]
BATCH = 1000  # rows per bulk statement: the progress bar moves once per batch
Progress = Callable[[int], None]  # told how many more rows are done


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)  # "line N: why", in file order


@dataclass
class Table:
    """A CSV file's rows by column, and the line each row starts on (the header is line 1);
    rows that could not be read as a row of the header's columns are `skipped`."""

    rows: list[dict[str, str]]
    lines: list[int]
    skipped: list[Skipped] = field(default_factory=list)


DELIMITERS = (",", "\t", ";")  # Excel saves "CSV" with ; where , is the decimal comma


def read_csv(path: Path, header: list[str]) -> Table:
    """The rows of a CSV file whose header must name `header` (in any case, spaces around the
    names ignored; `a|b` is either name, as a team file may give `email` for `user_id`): UTF-8
    (with or without BOM), else GB18030 (what Excel on Chinese Windows saves: GBK, which GB18030
    contains); separated by commas, tabs or semicolons, whichever the header uses. Rows with
    nothing in them are left out; a row with fewer or more values than the header is skipped,
    with its line; a quote never closed stops the reading, naming it."""
    text = decode(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    got = [h.strip().lower() for h in _record(reader, path, 1) or []]
    missing = [h for h in header if not any(a in got for a in h.split("|"))]
    if missing:
        needs, lacks = (",".join(x).replace("|", " or ") for x in (header, missing))
        raise ValueError(f"{path.name}: the header needs {needs} (missing: {lacks})")
    table = Table([], [])
    end = reader.line_num
    # one record per iteration, blank lines too: the lines stay exact
    while (record := _record(reader, path, end + 1)) is not None:
        start, end = end + 1, reader.line_num
        values = [v.strip() for v in record]
        if not any(values):
            continue
        if len(values) < len(got) or any(values[len(got) :]):  # extra empty ones are harmless
            table.skipped.append(Skipped(start, _misfit(values, got)))
            continue
        table.rows.append({h: v for h, v in zip(got, values, strict=False) if h})
        table.lines.append(start)
    return table


def _delimiter(text: str) -> str:
    """The separator the header line uses most (a comma when it uses none)."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _record(reader: Iterator[list[str]], path: Path, line: int) -> list[str] | None:
    """The next record, or None at the end; a quote that is never closed, or a stray one, is
    a ValueError naming the line it starts on."""
    try:
        return next(reader, None)
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ValueError(
                f'{path.name}: line {line} opens a quote (") that is never closed, so the rest '
                'of the file would be one value; close it, or write "" for a quote inside one'
            ) from None
        raise ValueError(
            f'{path.name}: line {line} has a stray quote ("): put the whole value in quotes and '
            'write "" for a quote inside it'
        ) from None


def _misfit(values: list[str], header: list[str]) -> str:
    """Why a row does not fit the header's columns."""
    if len(values) < len(header):
        missing = ",".join(h for h in header[len(values) :] if h)
        return (
            f"short row: {len(values)} of the header's {len(header)} columns "
            f"(no {missing}; an empty value still needs its separator)"
        )
    return (
        f"{len(values)} values for the header's {len(header)} columns "
        "(a separator inside a value? put that value in quotes)"
    )


def decode(path: Path) -> str:
    """The file's text, or a ValueError naming the first line that is not UTF-8 when the file
    is not GB18030 either, and how to save it so that it is."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        return data.decode("gb18030").removeprefix("\ufeff")
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, first_bad) + 1
    raise ValueError(
        f"{path.name}: line {line} is neither UTF-8 nor GB18030 text; in Excel use "
        'Save As "CSV UTF-8 (Comma delimited)" and import that file'
    )


def numbered(
    rows: Sequence[Mapping[str, str]], lines: Sequence[int] | None
) -> Iterator[tuple[int, Mapping[str, str]]]:
    """Each row with its line in the file; rows given without lines follow a header line."""
    return zip(lines if lines is not None else range(2, len(rows) + 2), rows, strict=True)


# --- the team ------------------------------------------------------------------------
MEMBER_FIELDS = ("name", "role", "manager_id", "language", "department")


def import_team(
    s: Session,
    team_id: str,
    rows: Sequence[Mapping[str, str]],
    now: datetime,
    lines: Sequence[int] | None = None,
    progress: Progress | None = None,
    skipped_before: Sequence[Skipped] = (),
) -> ImportResult:
    """Add and update members from the rows; rows with a problem are skipped and listed, with
    `skipped_before` (rows left out already: an address Slack does not know) in line order."""
    stored = {
        m.user_id: m
        for m in s.exec(select(Member).where(Member.team_id == team_id))  # a few hundred
    }
    good, skipped = check_team(numbered(rows, lines), {u: m.manager_id for u, m in stored.items()})
    res = _result(sorted([*skipped, *skipped_before], key=lambda x: x.line))
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for m in good:
        values = {k: getattr(m, k) for k in MEMBER_FIELDS}
        old = stored.get(m.user_id)
        if old is None:
            new.append({**values, "team_id": team_id, "user_id": m.user_id, "created_at": now})
        elif any(getattr(old, k) != v for k, v in values.items()):
            changed.append({**values, "id": old.id})
        else:
            res.unchanged += 1
    _tell(progress, len(skipped) + len(skipped_before) + res.unchanged)
    _write(s, Member, new, changed, now, progress)
    if new or changed:
        note(s, "member", team_id)
    res.created, res.updated = len(new), len(changed)
    return res


# --- clients -------------------------------------------------------------------------
CLIENT_FIELDS = ("city", "in_city", "owner_id", "contact_person", "cadence_days")


def import_clients(
    s: Session,
    team_id: str,
    rows: Sequence[Mapping[str, str]],
    now_local: datetime,
    lines: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Add and update clients from the rows, matched by name (case and width ignored); rows with
    a problem are skipped and listed. New clients get their code from `now_local`'s month, with
    serials following the year's last one, exactly as one added in Slack would."""
    members = set(s.exec(select(Member.user_id).where(Member.team_id == team_id)))
    good, skipped = check_clients(numbered(rows, lines), members)
    stored = _stored_clients(s, team_id)
    res = _result(skipped)
    serial = next_client_serial(s, team_id, now_local.year)
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for c in good:
        values = {k: getattr(c, k) for k in CLIENT_FIELDS}
        if c.language is not None:  # an optional column: left as it is when not given
            values["language"] = c.language
        old = stored.get(c.key)
        if old is None:
            new.append(_new_client(team_id, c, values, now_local, serial))
            serial += 1
        elif any(old[k] != v for k, v in values.items()):
            changed.append({**values, "id": old["id"]})
        else:
            res.unchanged += 1
    _tell(progress, len(skipped) + res.unchanged)
    _write(s, Client, new, changed, now_local, progress)
    if new or changed:
        note(s, "client", team_id)
    res.created, res.updated = len(new), len(changed)
    return res


def _stored_clients(s: Session, team_id: str) -> dict[str, dict[str, Any]]:
    """The team's clients by name key (the first one when two differ only in case), as plain
    values: loading 20,000 ORM objects would cost more than the import itself."""
    columns = (*CLIENT_FIELDS, "language")
    q = select(Client.id, Client.name, *(getattr(Client, k) for k in columns)).where(
        Client.team_id == team_id
    )
    out: dict[str, dict[str, Any]] = {}
    for row in s.exec(q.order_by(Client.id)):  # type: ignore[call-overload]
        values = dict(row._mapping)
        out.setdefault(name_key(values["name"]), values)
    return out


def _new_client(
    team_id: str, c: ClientRow, values: dict[str, Any], now_local: datetime, serial: int
) -> dict[str, Any]:
    year = now_local.year
    return {
        "language": "zh",
        **values,
        "team_id": team_id,
        "name": c.name,
        "code_year": year,
        "serial": serial,
        "code": client_code(c.city, year, now_local.month, c.name, serial),
        "created_at": now_local,
    }


# --- shared --------------------------------------------------------------------------
def _result(skipped: Iterable[Skipped]) -> ImportResult:
    return ImportResult(errors=[str(x) for x in skipped])


def _tell(progress: Progress | None, n: int) -> None:
    if progress is not None and n:
        progress(n)


def _write(
    s: Session,
    table: type[Member] | type[Client],
    new: list[dict[str, Any]],
    changed: list[dict[str, Any]],
    now: datetime,
    progress: Progress | None,
) -> None:
    """Insert `new` and update `changed` (by primary key) in batches, stamping updated_at."""
    for i in range(0, len(new), BATCH):
        batch = [{**v, "updated_at": now} for v in new[i : i + BATCH]]
        s.execute(insert(table), batch)
        _tell(progress, len(batch))
    for i in range(0, len(changed), BATCH):
        batch = [{**v, "updated_at": now} for v in changed[i : i + BATCH]]
        s.execute(update(table), batch)
        _tell(progress, len(batch))
