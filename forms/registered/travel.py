"""The travel advance (差旅费申请): `/aebot request travel AMOUNT CITY DATES reason`, signed by
the general manager, always; finance is copied once it is approved (bot/rules/travel.py)."""

from __future__ import annotations

from sqlmodel import Session

from bot.rules.amounts import YUAN, show_amount
from bot.rules.approvals import Route, Shown
from bot.rules.people import FIN
from bot.rules.problems import Problem
from bot.rules.travel import TravelText, example, read_travel, signers
from forms.kinds import APPROVED, Asked, Copy, FormKind, Reading, RequestForm, Signing, register


def read(text: str, reading: Reading) -> Asked | Problem:
    found = read_travel(text, reading.now, reading.zone_name, reading.lang, reading.end_of_day)
    if not isinstance(found, TravelText):
        return found
    amount = show_amount(found.amount, YUAN)
    fields = (
        Shown("travel.f.amount", amount),
        Shown("travel.f.city", found.city),
        Shown("travel.f.first", found.first.isoformat(), "day"),
        Shown("travel.f.last", found.last.isoformat(), "day"),
    )
    return Asked(f"{found.city} {amount}", fields, found.reason, found.amount, None, amount)


def gm(_s: Session, g: Signing) -> Route | Problem:
    return signers(g.requester.user_id, g.members)


register(
    FormKind(
        "travel",
        gm,
        copies=(Copy(FIN, APPROVED),),
        request=RequestForm(
            ("travel", "差旅", "差旅费", "出差"), read, "request.usage.travel", example
        ),
    )
)
