"""The requests routed by the authority limits (审批权限, 002): a client commission, make-good
volume, a discount, payment terms, free test volume. `/aebot request KIND CLIENT AMOUNT
REASON`; each goes to the first one up the requester's line whose limit covers the amount, and
one within the requester's own authority is recorded approved. A discount and free test volume
are copied to the customer-support head when filed (002 第五条)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from bot.rules.amounts import show_amount
from bot.rules.approvals import Route, Shown, chain
from bot.rules.authority import KINDS, AuthorityText, Kind, read_request, route
from bot.rules.people import CS
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound
from forms.kinds import FILED, Asked, Copy, FormKind, Reading, RequestForm, Signing, register
from storage import authority

EXAMPLES = {
    "commission": ("7%", "客户要求提高一季度返点", "client asks a higher Q1 rebate"),
    "make-good-platform": ("1%", "平台漏发补量", "the platform lost sends"),
    "make-good-database": ("2%", "CPA 数据回传不全", "incomplete CPA data"),
    "discount": ("8%", "年框续约", "annual renewal"),
    "payment-terms": ("60天", "客户集团统一账期", "the group's standard terms"),
    "free-test": ("3%", "新客户首月测试", "first month's test"),
}


def signers_by_limits(code: str) -> Callable[[Session, Signing], Route | Problem]:
    """Who signs a `code` request: the first one up the line whose limit covers its amount."""

    def signers(s: Session, g: Signing) -> Route | Problem:
        if g.amount is None:
            return Problem("approval.no_approver")
        limits = authority.limits(s, g.team)
        line = chain(g.requester.user_id, g.members)
        return route(code, g.amount, g.requester, line, limits)

    return signers


def read_for(kind: Kind) -> Callable[[str, Reading], Asked | ClientNotFound[object] | Problem]:
    def read(text: str, reading: Reading) -> Asked | ClientNotFound[object] | Problem:
        parsed = read_request(kind, text, reading.clients)
        if not isinstance(parsed, AuthorityText):
            return parsed
        client, amount = parsed.client, show_amount(parsed.amount, kind.unit)
        fields = (
            Shown("authority.f.client", client.name),
            Shown("authority.f.code", client.code, "code"),
            Shown("authority.f.amount", amount),
        )
        title = f"{client.name} {amount}"
        return Asked(title, fields, parsed.reason, parsed.amount, client.id, amount)

    return read


def example_of(kind: Kind) -> Callable[[datetime, str], str]:
    amount, zh, en = EXAMPLES[kind.code]

    def example(_now: datetime, lang: str) -> str:
        if lang == "zh":
            return f"{kind.code} 耐克 {amount} {zh}"
        return f"{kind.code} Nike {amount.replace('天', ' days')} {en}"

    return example


for _kind in KINDS:
    register(
        FormKind(
            _kind.code,
            signers_by_limits(_kind.code),
            copies=(Copy(CS, FILED),) if _kind.code in ("discount", "free-test") else (),
            request=RequestForm(
                (_kind.code, *(n for n in _kind.names if n != _kind.code)),
                read_for(_kind),
                "request.usage.authority",
                example_of(_kind),
            ),
        )
    )
