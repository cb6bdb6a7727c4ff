"""Action items stored: added, replaced by an edit (kept with their done state, dropped, new),
done once, and read for the whole team."""

from __future__ import annotations

from datetime import date, datetime

from storage import action_items
from tests.action_item_setup import item, line, report_with
from tests.conftest import SH, TEAM, World

AT = datetime(2026, 11, 23, 11, 0, tzinfo=SH)


def test_an_edit_keeps_unchanged_items_with_their_done_state(world: World) -> None:
    report, (a, b, c) = report_with(
        world,
        [
            line("U0AE2", "发报价", date(2026, 11, 27)),
            line("U0AE1", "写纪要"),
            line("U0AE2", "约拍摄"),
        ],
    )
    with world.bot.db.write() as s:
        assert action_items.mark_done(s, TEAM, a, "U0AE2", AT)
        assert not action_items.mark_done(s, TEAM, a, "U0AE2", AT)  # once
    lines = [
        line("U0AE2", "发报价", date(2026, 11, 27)),
        line("U0AAE", "约拍摄"),
        line("U0AE1", "写纪要"),
    ]
    with world.bot.db.write() as s:
        added, kept, dropped = action_items.replace_items(s, TEAM, report, lines, AT)
        assert [i.id for i in kept] == [a, b]
        assert [i.id for i in dropped] == [c]
        assert [(i.owner_id, i.text, i.author_id) for i in added] == [("U0AAE", "约拍摄", "U0AE1")]
    assert item(world, a).done_by == "U0AE2"
    assert item(world, c).dropped_at is not None
    with world.bot.db.write() as s:
        assert not action_items.mark_done(s, TEAM, c, "U0AE2", AT)  # dropped: not open
        assert not action_items.mark_done(s, "TOTHER", b, "U0AE1", AT)  # another team's id
        rows = action_items.open_items(s, TEAM)
        assert [r.item.text for r in rows] == ["写纪要", "约拍摄"]
        assert rows[0].client.name == "可口可乐" and rows[0].report_at is not None
        assert [r.item.id for r in action_items.open_items(s, TEAM, owners=["U0AAE"])] == [
            added[0].id
        ]
