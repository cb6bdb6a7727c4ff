"""What every table's columns share: times are aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column

from storage.db import UTCDateTime


def utcnow() -> datetime:
    return datetime.now(UTC)


def _dt(nullable: bool = True, index: bool = False) -> Column:  # type: ignore[type-arg]
    return Column(UTCDateTime(), nullable=nullable, index=index)
