"""The expense claim (支出申请单): `/aebot request expense AMOUNT CLIENT sales|commission
reason`, signed by the requester's supervisor; finance is copied once it is approved
(bot/rules/expense.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.rules.amounts import YUAN, show_amount
from bot.rules.approvals import Route, Shown
from bot.rules.expense import ExpenseText, read_expense, signers
from bot.rules.people import FIN
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound
from forms.kinds import APPROVED, Asked, Copy, FormKind, Reading, RequestForm, Signing, register


def read(text: str, reading: Reading) -> Asked | ClientNotFound[Any] | Problem:
    found = read_expense(text, reading.clients)
    if not isinstance(found, ExpenseText):
        return found
    amount, client = show_amount(found.amount, YUAN), found.client
    fields = (
        Shown("expense.f.amount", amount),
        Shown("expense.f.client", client.name),
        Shown("expense.f.code", client.code, "code"),
        Shown("expense.f.account", f"expense.account.{found.account}", "key"),
    )
    title = f"{client.name} {amount}"
    return Asked(title, fields, found.reason, found.amount, client.id, amount)


def supervisor(_s: Session, g: Signing) -> Route | Problem:
    return signers(g.requester.user_id, g.members)


def example(_now: datetime, lang: str) -> str:
    return (
        "expense 680 耐克 sales 客户晚餐"
        if lang == "zh"
        else "expense 680 Nike sales client dinner"
    )


register(
    FormKind(
        "expense",
        supervisor,
        copies=(Copy(FIN, APPROVED),),
        request=RequestForm(
            ("expense", "支出", "支出申请", "报销"), read, "request.usage.expense", example
        ),
    )
)
