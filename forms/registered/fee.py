"""The commission payment (劳务费申请单): `/aebot request fee CLIENT AMOUNT [RATE] reason`,
routed like a commission at the rate it pays (typed, else the client's last approved commission
rate), its signers told that commission is paid in full; finance is copied once approved
(bot/rules/fee.py)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from bot.rules.amounts import PERCENT, YUAN, show_amount
from bot.rules.approvals import APPROVED as DECIDED_APPROVED
from bot.rules.approvals import Route, Shown, chain
from bot.rules.fee import FeeText, read_fee, signers
from bot.rules.people import FIN
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound
from forms.kinds import APPROVED, Asked, Copy, FormKind, Reading, RequestForm, Signing, register
from storage import authority
from storage.models import Approval


def read(text: str, reading: Reading) -> Asked | ClientNotFound[Any] | Problem:
    found = read_fee(text, reading.clients)
    if not isinstance(found, FeeText):
        return found
    amount, client = show_amount(found.amount, YUAN), found.client
    fields = [
        Shown("fee.f.client", client.name),
        Shown("fee.f.code", client.code, "code"),
        Shown("fee.f.amount", amount),
    ]
    if found.rate is not None:
        fields.append(Shown("fee.f.rate", show_amount(found.rate, PERCENT)))
    title = f"{client.name} {amount}"
    return Asked(title, tuple(fields), found.reason, found.amount, client.id, amount, found.rate)


def last_rate(s: Session, team: str, client_id: int | None) -> Decimal | None:
    """The client's last approved commission rate."""
    q = select(Approval.amount).where(
        Approval.team_id == team,
        Approval.kind == "commission",
        Approval.client_id == client_id,
        Approval.status == DECIDED_APPROVED,
    )
    found = s.exec(q.order_by(col(Approval.decided_at).desc(), col(Approval.id).desc())).first()
    return Decimal(found) if found else None


def like_a_commission(s: Session, g: Signing) -> Route | Problem:
    rate = g.basis if g.basis is not None else last_rate(s, g.team, g.client_id)
    line = chain(g.requester.user_id, g.members)
    return signers(g.requester, g.members, line, authority.limits(s, g.team), rate)


def example(_now: datetime, lang: str) -> str:
    return "fee 耐克 12000 7% 第四季度佣金" if lang == "zh" else "fee Nike 12000 7% Q4 commission"


register(
    FormKind(
        "fee",
        like_a_commission,
        copies=(Copy(FIN, APPROVED),),
        request=RequestForm(("fee", "劳务费", "佣金支付"), read, "request.usage.fee", example),
        note="fee.paid_in_full",
    )
)
