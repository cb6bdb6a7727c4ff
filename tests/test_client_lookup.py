"""One client resolver (issue 17, section 4): a client is found by name, code or part of either,
the longest name first, and an unknown or ambiguous name is answered in the same words, with
the same candidates (name and code, at most 10), by every command that takes a client."""

from __future__ import annotations

import pytest

from bot.rules.clients import ClientIndex
from storage import queries
from tests.conftest import MONDAY_10, TEAM, World
from tests.messages import text_of

NIKE = "Beijing-202611-Nike-002"
GOLF = "上海-202611-NikeGolf-004"
AMBIGUOUS_ZH = f"“Nik”可能是：Nike ({NIKE})、Nike Golf ({GOLF})。请写完整名称或客户代码。"
AMBIGUOUS_EN = (
    f"“Nik” could be: Nike ({NIKE}), Nike Golf ({GOLF}). Please give the full name or the code."
)
UNKNOWN_ZH = "找不到客户“百事”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。"
UNKNOWN_EN = (
    "No client matches “百事”. `/client list all` shows every client; `/client add` adds a new one."
)

# every command that takes a client by name, with {name} where it goes (and who may run it)
COMMANDS = [
    ("/client", "edit {name}", "U0AE1"),
    ("/client", "stage {name} 提案", "U0AE1"),
    ("/client", "reassign {name} <@U0AE2|li>", "U0AM1"),
    ("/weekly", "{name} 提案已提交", "U0AE1"),
    ("/out", "{name} 拜访提案", "U0AE1"),
    ("/aebot", "receivable add {name} 120000 due 2026-07-31", "U0AM1"),
    ("/aebot", "request commission {name} 7% 客户要求提高一季度返点", "U0AE1"),
]


def add_client(w: World, name: str, city: str = "上海") -> None:
    with w.bot.db.write() as s:
        queries.insert_client(
            s, TEAM, name=name, city=city, in_city=True, owner_id="U0AE1", created_local=MONDAY_10
        )


def said(w: World, command: str, text: str, user: str) -> str:
    r = w.slack.command(command, text, user=user)
    assert r.status_code == 200
    return str(r.json()["text"])


def test_unknown_and_ambiguous_names_get_the_same_words_from_every_command(world: World) -> None:
    add_client(world, "Nike Golf")
    for command, typed, user in COMMANDS:
        assert said(world, command, typed.format(name="Nik"), user) == AMBIGUOUS_ZH, command
        assert said(world, command, typed.format(name="百事"), user) == UNKNOWN_ZH, command
    english = [(c, t, "U0AE2") for c, t, u in COMMANDS if u == "U0AE1"]
    for command, typed, user in english:
        assert said(world, command, typed.format(name="Nik"), user) == AMBIGUOUS_EN, command
        assert said(world, command, typed.format(name="百事"), user) == UNKNOWN_EN, command
    # /contact opens its form saying the same above the client picker
    for typed, notice in (("Nik 聊了一下", AMBIGUOUS_ZH), ("百事 聊了一下", UNKNOWN_ZH)):
        world.fake.reset()
        assert world.slack.command("/contact", typed).text == ""
        [call] = world.slack.wait_for("views.open")
        assert text_of(call.args["view"]).startswith(notice)


def test_the_longest_name_wins_and_a_number_in_it_stays_in_the_name(world: World) -> None:
    add_client(world, "Studio")
    add_client(world, "Studio 54")
    assert said(world, "/weekly", "Studio 54 9.5% 续约谈判中", "U0AE1") == (
        "已记下 *Studio 54* 本周的情况（10 字）。"
    )
    assert (
        said(world, "/weekly", "studio 周三提案", "U0AE1") == "已记下 *Studio* 本周的情况（4 字）。"
    )


def test_part_of_a_code_finds_candidates_and_at_most_ten_are_offered(world: World) -> None:
    assert said(world, "/client", "edit 202611-Nike", "U0AE1") == (
        f"“202611-Nike”可能是：Nike ({NIKE})。请写完整名称或客户代码。"  # never a guess
    )
    for i in range(1, 13):
        add_client(world, f"Acme {i:02d}", city="杭州")
    answer = said(world, "/client", "edit acme", "U0AE2")
    assert answer.startswith("“acme” could be: Acme 01 (杭州-202611-Acme01-004), Acme 02 ")
    assert answer.count("(杭州-") == 10 and "Acme 10" in answer and "Acme 11" not in answer


@pytest.mark.parametrize(
    ("typed", "found", "candidates"),
    [
        ("shanghai-202611", "Coca Cola", []),  # the start of a code
        ("202611", None, ["Coca Cola", "Nike"]),  # part of codes: the candidates
        ("CocaCola", None, ["Coca Cola"]),  # part of a code, one: offered, not guessed
        ("golf", None, []),
    ],
)
def test_a_client_is_found_by_name_code_or_part_of_either(
    typed: str, found: str | None, candidates: list[str]
) -> None:
    index = ClientIndex(
        [Named("Nike", "Beijing-202611-Nike-003"), Named("Coca Cola", "Shanghai-202611-CocaCola-5")]
    )
    m = index.match(typed)
    assert (m.client.name if m.client else None) == found
    assert [c.name for c in m.candidates] == candidates


class Named:
    def __init__(self, name: str, code: str) -> None:
        self.name, self.code = name, code
