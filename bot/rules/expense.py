"""The expense claim (支出申请单, 002 第九条、第十条): one per kind of invoice, charged to the
account manager's sales-expense account (销售费用账户) or personal sales-commission account
(销售个人佣金账户), signed by the requester's supervisor: an AE's expenses by their account
manager. `/aebot request expense AMOUNT CLIENT sales|commission reason`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from bot.rules.amounts import YUAN
from bot.rules.approvals import Person, Route, supervisor
from bot.rules.clients import ClientIndex, Named
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound, reason_of, take_amount, take_client

T = TypeVar("T", bound=Named)
SALES, COMMISSION = "sales", "commission"
ACCOUNT_WORDS = {
    SALES: {"sales", "销售", "销售费用", "销售费用账户", "费用"},
    COMMISSION: {"commission", "佣金", "个人佣金", "销售个人佣金", "销售个人佣金账户"},
}


@dataclass(frozen=True)
class ExpenseText(Generic[T]):
    amount: Decimal
    client: T
    account: str
    reason: str


def account_of(word: str) -> str | None:
    w = word.strip().lower()
    return next((code for code, words in ACCOUNT_WORDS.items() if w in words), None)


def read_expense(
    text: str, clients: ClientIndex[T]
) -> ExpenseText[T] | ClientNotFound[T] | Problem:
    """AMOUNT CLIENT ACCOUNT REASON, e.g. "680 耐克 sales 客户晚餐"."""
    amount = take_amount(text, YUAN)
    if isinstance(amount, Problem):
        return amount
    value, rest = amount
    found = take_client(rest, clients)
    if isinstance(found, ClientNotFound):
        return found
    client, after = found
    words = after.split(maxsplit=1)
    account = account_of(words[0]) if words else None
    if account is None:
        return Problem("expense.need_account")
    reason = reason_of(words[1] if len(words) > 1 else "")
    if isinstance(reason, Problem):
        return reason
    return ExpenseText(value, client, account, reason)


def signers(requester: str, members: Mapping[str, Person]) -> Route | Problem:
    """The requester's supervisor (an AE's: their account manager)."""
    boss = supervisor(requester, members)
    return Route((boss.user_id,)) if boss else Problem("expense.no_supervisor")
