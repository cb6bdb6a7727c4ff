"""Bulk loads from CSV: the team and the clients. Re-importing updates, never duplicates."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from bot.rules.clients import default_cadence
from bot.rules.people import ROLES
from storage import queries

TEAM_HEADER = ["user_id", "name", "role", "manager_id", "language"]
CLIENT_HEADER = ["name", "city", "in_city", "owner_id", "contact_person", "cadence_days"]
TRUE = {"true", "yes", "1", "y", "是", "市内"}
FALSE = {"false", "no", "0", "n", "否", "市外"}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def read_csv(path: Path, header: list[str]) -> list[dict[str, str]]:
    """Rows of a CSV file (UTF-8, with or without BOM) whose header must name `header`."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        got = [h.strip() for h in reader.fieldnames or []]
        missing = [h for h in header if h not in got]
        if missing:
            raise ValueError(
                f"{path.name}: the header needs {','.join(header)} (missing: {','.join(missing)})"
            )
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def import_team(
    s: Session, team_id: str, rows: Iterable[dict[str, str]], now: datetime
) -> ImportResult:
    res = ImportResult()
    for n, row in enumerate(rows, start=2):
        uid, role, lang = (
            row["user_id"],
            row["role"].lower(),
            row.get("language", "").lower() or None,
        )
        if not uid or not (uid[0] in "UW" and uid[1:].isalnum()):
            res.errors.append(f"line {n}: user_id {uid!r} is not a Slack user id")
        elif role not in ROLES:
            res.errors.append(f"line {n}: role {role!r} is not one of {', '.join(ROLES)}")
        elif lang not in (None, "zh", "en"):
            res.errors.append(f"line {n}: language {lang!r} must be zh, en or empty")
        else:
            _, created = queries.upsert_member(
                s,
                team_id,
                uid,
                now,
                name=row["name"] or uid,
                role=role,
                manager_id=row.get("manager_id") or None,
                language=lang,
            )
            res.created += created
            res.updated += not created
    return res


def import_clients(
    s: Session, team_id: str, rows: Iterable[dict[str, str]], now_local: datetime
) -> ImportResult:
    res = ImportResult()
    for n, row in enumerate(rows, start=2):
        name, city, flag = " ".join(row["name"].split()), row["city"], row["in_city"].lower()
        cadence = row.get("cadence_days", "")
        if not name or not city:
            res.errors.append(f"line {n}: name and city are required")
        elif flag not in TRUE | FALSE:
            res.errors.append(f"line {n}: in_city {row['in_city']!r} must be true or false")
        elif cadence and (not cadence.isdigit() or not 1 <= int(cadence) <= 60):
            res.errors.append(f"line {n}: cadence_days {cadence!r} must be a whole number 1-60")
        elif queries.get_member(s, team_id, row["owner_id"]) is None:
            res.errors.append(
                f"line {n}: owner_id {row['owner_id']!r} is not on the team (import the team first)"
            )
        else:
            _upsert_client(
                s,
                team_id,
                row,
                name,
                flag in TRUE,
                int(cadence) if cadence else None,
                now_local,
                res,
            )
    return res


def _upsert_client(
    s: Session,
    team_id: str,
    row: dict[str, str],
    name: str,
    in_city: bool,
    cadence: int | None,
    now_local: datetime,
    res: ImportResult,
) -> None:
    existing = queries.find_client_by_name_ci(s, team_id, name)
    if existing is None:
        queries.insert_client(
            s,
            team_id,
            name=name,
            city=row["city"],
            in_city=in_city,
            owner_id=row["owner_id"],
            contact_person=row.get("contact_person", ""),
            cadence_days=cadence,
            created_local=now_local,
        )
        res.created += 1
        return
    existing.city, existing.in_city, existing.owner_id = row["city"], in_city, row["owner_id"]
    existing.contact_person = row.get("contact_person", "")
    existing.cadence_days = cadence or default_cadence(in_city)
    existing.updated_at = now_local
    s.add(existing)
    res.updated += 1
