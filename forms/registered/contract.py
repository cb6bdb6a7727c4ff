"""Contract review (合同审核): `/aebot request contract CLIENT what changes`, a chain of two
signatures — the account director, then the customer-support head (bot/rules/contract.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.rules.approvals import Route, Shown
from bot.rules.contract import ContractText, read_contract, signers
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound
from forms.kinds import Asked, FormKind, Reading, RequestForm, Signing, register


def read(text: str, reading: Reading) -> Asked | ClientNotFound[Any] | Problem:
    found = read_contract(text, reading.clients)
    if not isinstance(found, ContractText):
        return found
    client = found.client
    fields = (
        Shown("contract.f.client", client.name),
        Shown("contract.f.code", client.code, "code"),
    )
    return Asked(client.name, fields, found.changes, None, client.id)


def director_then_support(_s: Session, g: Signing) -> Route | Problem:
    return signers(g.requester.user_id, g.members)


def example(_now: datetime, lang: str) -> str:
    if lang == "zh":
        return "contract 耐克 付款期改为60天，增加违约条款"
    return "contract Nike payment terms to 60 days, a penalty clause added"


register(
    FormKind(
        "contract",
        director_then_support,
        request=RequestForm(
            ("contract", "合同", "合同审核"), read, "request.usage.contract", example
        ),
    )
)
