"""The one way a long message is split (bot/slack/blocks.py): within Slack's 50 blocks, 3,000
characters a section and the text a message's blocks may carry in all; never cutting a line
where it can break between lines, never losing one; a form kept whole with its buttons; each
later part saying which it is."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.slack import blocks as bk
from bot.slack.limits import MESSAGE_BLOCKS_TEXT_MAX, SECTION_TEXT_MAX
from bot.slack.texts import Reader
from sandbox.checks import ApiError, check_message, text_in
from tests.conftest import SH

NOW = datetime(2026, 11, 27, 15, 30, tzinfo=SH)


def sections_of(blocks: list[bk.Block]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def within_slack(blocks: list[bk.Block]) -> None:
    """As the fake Slack checks a message, and well under the text Slack takes."""
    check_message({"channel": "C1", "text": "t", "blocks": blocks})
    assert bk.text_size(blocks) == text_in(blocks) <= bk.TEXT_PER_MESSAGE


def test_a_long_list_is_split_into_labelled_parts_and_never_cut() -> None:
    r = Reader("zh", SH, NOW)
    lines = [f"• 客户{i:04d}：" + "进" * 150 for i in range(2000)]
    lines.append("少联络：" + "、".join(f"客户{i:04d}（少 1 天）" for i in range(2000)))
    posts = bk.parts("王小明 · 第48周周报", bk.sections(lines), r)
    n = len(posts)
    assert n > 30
    assert posts[0][0] == "王小明 · 第48周周报" and bk.text_size(posts[0][1]) > 8000
    assert posts[1][0] == f"王小明 · 第48周周报 （续 2/{n}）"
    assert posts[1][1][0] == bk.context(f"（续 2/{n}）")
    shown: list[str] = []
    for _, blocks in posts:
        within_slack(blocks)
        shown += sections_of(blocks)
    assert all(len(t) <= SECTION_TEXT_MAX for t in shown)
    got = "\n".join(shown).split("\n")
    assert got[:2000] == lines[:2000]  # every line whole, once, in order
    assert all(f"客户{i:04d}（少 1 天）" in "".join(got[2000:]) for i in range(2000))  # broken


def test_a_long_line_breaks_at_a_separator_else_a_space_else_hard() -> None:
    assert bk.fit(["a · " * 10], 12) == ["a · a · a", "a · a · a", "a · a · a", "a · "]
    assert bk.fit(["word " * 6], 12) == ["word word", "word word", "word word "]
    assert bk.fit(["x" * 25], 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert bk.fit(["short", ""], 10) == ["short", ""]


def test_what_fits_one_message_is_one_message_unlabelled() -> None:
    r = Reader("en", SH, NOW)
    blocks = [bk.section("x" * 2900)] * 3 + [bk.divider()] * 47
    assert bk.parts("t", blocks, r) == [("t", blocks)]
    assert bk.parts("t", [], r) == [("t", [])]
    [(text, first), (again, second)] = bk.parts("t", [*blocks, bk.divider()], r)
    assert (text, again) == ("t", "t (continued, 2/2)") and len(first) + len(second) == 51 + 1


def test_a_form_stays_whole_with_its_buttons() -> None:
    r = Reader("en", SH, NOW)
    forms = [
        [
            bk.divider(),
            bk.section(f"form {i} " + "y" * 900, block_id=f"form-{i}"),
            bk.actions(bk.button("Approve", "approve", str(i)), block_id=f"approval-{i}"),
        ]
        for i in range(40)
    ]
    posts = bk.parts("forms", [bk.section("intro"), *forms], r, rest="common.rest_in_thread")
    assert len(posts) > 2
    assert sections_of(posts[0][1])[0] == "intro"
    n = len(posts)
    assert posts[0][1][-1] == bk.context(
        f"This is long: the rest is in this message's thread ({n - 1} more messages)."
    )
    seen = []
    for _, blocks in posts:
        within_slack(blocks)
        ids = [b.get("block_id", "") for b in blocks]
        forms_here = [x.split("-")[1] for x in ids if x.startswith("form-")]
        assert forms_here == [x.split("-")[1] for x in ids if x.startswith("approval-")]
        seen += forms_here
    assert seen == [str(i) for i in range(40)]


def test_a_form_too_big_for_one_message_comes_apart_rather_than_fail() -> None:
    huge = [bk.section("z" * 2900) for _ in range(5)]
    parts = bk.split([huge, [bk.section("next")]])
    assert [len(p) for p in parts] == [3, 3]  # 3 × 2,900 fits the text; the rest goes on


def test_a_bare_section_over_slacks_limit_is_broken_between_its_lines() -> None:
    lines = [f"line {i} " + "w" * 90 for i in range(60)]
    raw = {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)}}
    [blocks] = bk.split([raw])
    assert len(blocks) == 3 and "\n".join(sections_of(blocks)).split("\n") == lines
    within_slack(blocks)


def test_a_capped_list_counts_what_was_left_out() -> None:
    blocks = [bk.section(f"row {i} " + "v" * 490) for i in range(30)]
    capped = bk.cap_blocks(blocks, lambda n: f"{n} more")
    within_slack(capped)
    kept = len(capped) - 1
    assert capped[:kept] == blocks[:kept] and capped[-1] == bk.context(f"{30 - kept} more")
    assert bk.cap_blocks(blocks[:5], lambda n: f"{n} more") == blocks[:5]
    few = bk.cap_blocks(blocks, lambda n: f"{n} more", max_blocks=4)
    assert few[-1] == bk.context("27 more")


def test_the_fake_would_have_refused_the_unsplit_message() -> None:
    lines = [f"• 客户{i:04d}：" + "进" * 150 for i in range(100)]
    blocks = bk.sections(lines)
    assert len(blocks) < 50 and text_in(blocks) > MESSAGE_BLOCKS_TEXT_MAX
    with pytest.raises(ApiError) as refused:
        check_message({"channel": "C1", "text": "t", "blocks": blocks})
    assert refused.value.error == "msg_blocks_too_long"
    assert len(bk.parts("t", blocks, Reader("zh", SH, NOW))) == 2


@pytest.mark.parametrize("char", ["x", "进", "&<>"])
def test_the_quick_look_and_the_full_count_agree_around_every_limit(char: str) -> None:
    """Most messages are taken whole at a glance (few blocks, their whole JSON shorter than the
    text allowed); around each limit the parts are those that counting every text gives."""
    for count in (1, 9, 49, 50, 51, 120):
        for width in (10, 190, 230, 2900, 3100):
            units = [bk.section(char * width) for _ in range(count)]
            units.append([bk.section("form"), bk.actions(bk.button("Done", "done", "1"))])
            counted = [[b for u in part for b in u] for part in bk._pack(units, 50, 10_000)]
            assert bk.split(units, max_blocks=50, max_text=10_000) == counted, (count, width)


def test_a_block_the_quick_look_cannot_write_is_counted_the_long_way() -> None:
    odd = {**bk.section("x"), 1: "a key that is not text"}
    assert bk.split([odd, bk.section("y")]) == [[odd, bk.section("y")]]
