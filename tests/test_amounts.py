"""Amounts on requests and the grammar of `/aebot request`, as pure rules: each unit's range,
a unit that must match, one rounding for routing and display, and a client's name read before
the amount (a number in the name stays in the name)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from bot.rules.amounts import DAYS, PERCENT, YUAN, read_amount, show_amount
from bot.rules.authority import DEFAULT_LIMITS, KINDS, AuthorityText, read_request, route
from bot.rules.clients import ClientIndex
from bot.rules.problems import Problem
from bot.rules.requests import ClientNotFound, take_amount


@dataclass(frozen=True)
class C:
    name: str
    code: str
    id: int = 0


CLIENTS = ClientIndex(
    [
        C("Channel 5", "Shanghai-202611-Channel5-001", 1),
        C("Studio 54", "Beijing-202611-Studio54-002", 2),
        C("Nike", "Beijing-202611-Nike-003", 3),
        C("耐克", "上海-202611-耐克-004", 4),
        C("3M", "上海-202611-3M-005", 5),
    ]
)
KIND = {k.code: k for k in KINDS}


@pytest.mark.parametrize(
    ("typed", "unit", "apart", "expected"),
    [
        ("7%", PERCENT, "", Decimal(7)),
        ("7", PERCENT, "", Decimal(7)),
        ("７％", PERCENT, "", Decimal(7)),
        ("7.5%", PERCENT, "", Decimal("7.5")),
        ("60", DAYS, "", Decimal(60)),
        ("60天", DAYS, "", Decimal(60)),
        ("30", DAYS, "days", Decimal(30)),
        ("30d", DAYS, "", Decimal(30)),
        ("3000", YUAN, "", Decimal(3000)),
        ("3,000", YUAN, "", Decimal(3000)),
        ("3000元", YUAN, "", Decimal(3000)),
        ("¥3000", YUAN, "", Decimal(3000)),
        ("￥3,000.50", YUAN, "", Decimal("3000.5")),
        ("3k", YUAN, "", Decimal(3000)),
        ("1.5万", YUAN, "", Decimal(15000)),
        # the same rounded value routes and shows: 9.99999…% is 10%
        ("9.99999999999999999999%", PERCENT, "", Decimal(10)),
    ],
)
def test_amounts_as_typed(typed: str, unit: str, apart: str, expected: Decimal) -> None:
    assert read_amount(typed, unit, apart) == expected


@pytest.mark.parametrize(
    ("typed", "unit", "key"),
    [
        ("99999%", PERCENT, "amount.out_of_range"),
        ("101", PERCENT, "amount.out_of_range"),
        ("0", PERCENT, "amount.out_of_range"),
        ("-5%", PERCENT, "amount.not_a_number"),
        ("30d", PERCENT, "amount.wrong_unit"),  # not a commission of 30%
        ("60%", DAYS, "amount.wrong_unit"),  # no payment term of 60 days
        ("3k", PERCENT, "amount.wrong_unit"),
        ("¥7", PERCENT, "amount.wrong_unit"),
        ("400", DAYS, "amount.out_of_range"),
        ("30.5", DAYS, "amount.whole_days"),
        ("seven", PERCENT, "amount.not_a_number"),
        ("1e5", YUAN, "amount.not_a_number"),
        ("3M", YUAN, "amount.not_a_number"),
    ],
)
def test_amounts_refused(typed: str, unit: str, key: str) -> None:
    found = read_amount(typed, unit)
    assert isinstance(found, Problem) and found.key == key, found


def test_amounts_shown() -> None:
    assert show_amount(Decimal(7), PERCENT) == "7%"
    assert show_amount(Decimal(10), PERCENT) == "10%"
    assert show_amount(Decimal(60), DAYS) == "60d"
    assert show_amount(Decimal("3000.5"), YUAN) == "¥3,000.5"


def test_a_bare_number_before_another_amount_is_not_guessed() -> None:
    assert take_amount("6 7% renewal", PERCENT) == Problem(
        "amount.two_amounts", {"first": "6", "second": "7%"}
    )
    assert take_amount("30 days client pays late", DAYS) == (Decimal(30), "client pays late")
    assert take_amount("7%  reason:  big  order ", PERCENT) == (Decimal(7), "reason:  big  order")


def test_a_number_in_a_clients_name_stays_in_the_name() -> None:
    found = read_request(KIND["commission"], "Channel 5 7% renewal", CLIENTS)
    assert isinstance(found, AuthorityText)
    assert (found.client.name, found.amount, found.reason) == ("Channel 5", Decimal(7), "renewal")
    found = read_request(KIND["commission"], "Studio 54 9.5% renewal", CLIENTS)
    assert isinstance(found, AuthorityText)
    assert (found.client.name, found.amount) == ("Studio 54", Decimal("9.5"))
    found = read_request(KIND["make-good-platform"], "3M 2 platform lost sends", CLIENTS)
    assert isinstance(found, AuthorityText)
    assert (found.client.name, found.amount, found.reason) == ("3M", 2, "platform lost sends")
    found = read_request(KIND["payment-terms"], "耐克 90 days client pays late", CLIENTS)
    assert isinstance(found, AuthorityText) and found.amount == 90


def test_9_99999_percent_routes_as_the_10_percent_it_shows() -> None:
    found = read_request(KIND["commission"], "Nike 9.99999999999999999999% x", CLIENTS)
    assert isinstance(found, AuthorityText)
    assert show_amount(found.amount, PERCENT) == "10%"

    @dataclass(frozen=True)
    class P:
        user_id: str
        role: str

    ae, am, ad, gm = P("UAE", "ae"), P("UAM", "am"), P("UAD", "ad"), P("UGM", "gm")
    assert route("commission", found.amount, ae, [am, ad, gm], DEFAULT_LIMITS).signers == ("UGM",)


def test_what_is_wrong_with_a_typed_request() -> None:
    def problem(kind: str, text: str) -> str:
        found = read_request(KIND[kind], text, CLIENTS)
        assert isinstance(found, Problem), found
        return found.key

    assert problem("commission", "Nike reason") == "amount.missing"
    assert problem("commission", "Nike 7%") == "request.need_reason"
    assert problem("commission", "Nike 7 %") == "request.need_reason"
    assert problem("commission", "Nike 30d why") == "amount.wrong_unit"
    assert problem("payment-terms", "Nike 60% why") == "amount.wrong_unit"
    assert problem("commission", "Nike 99999% why") == "amount.out_of_range"
    assert problem("commission", f"Nike 7% {'x' * 1001}") == "request.reason_too_long"
    unknown = read_request(KIND["commission"], "Adidas 7% why", CLIENTS)
    assert unknown == ClientNotFound("Adidas", [])
