"""A client's life in the database: its status (one conditional update, so two people setting
it at once never both win), and its contract ends (合约结束)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from storage.changes import note
from storage.models import Client, ContractEnd


def set_status(
    s: Session, client: Client, status: str, since: date, why: str, now: datetime
) -> bool:
    """Set the client's status (since when, why), unless someone changed it meanwhile: True if
    this call did."""
    was = client.status
    moved = s.exec(  # type: ignore[call-overload]
        update(Client)
        .where(col(Client.id) == client.id, col(Client.status) == was)
        .values(status=status, status_since=since, status_note=why, updated_at=now)
    )
    if moved.rowcount != 1:
        return False
    note(s, "client", client.team_id)
    for key, value in (("status", status), ("status_since", since), ("status_note", why)):
        set_committed_value(client, key, value)  # as stored: no second UPDATE
    return True


def add_contract_end(s: Session, end: ContractEnd) -> ContractEnd:
    s.add(end)
    s.flush()
    return end


def last_contract_end(s: Session, team_id: str, client_id: int) -> ContractEnd | None:
    """The client's latest contract end recorded, if any."""
    q = select(ContractEnd).where(
        ContractEnd.team_id == team_id, ContractEnd.client_id == client_id
    )
    return s.exec(q.order_by(col(ContractEnd.at).desc(), col(ContractEnd.id).desc())).first()
