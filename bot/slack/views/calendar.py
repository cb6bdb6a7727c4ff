"""Block Kit for `/aebot calendar`: a year's days off and working weekends, with corrections."""

from __future__ import annotations

from collections.abc import Sequence

from bot.dates import weekday_name
from bot.rules.calendar import SpecialDay
from bot.slack import blocks as bk
from bot.slack.texts import Reader


def year_view(
    r: Reader, year: int, state: str, corrections: int, days: Sequence[SpecialDay]
) -> tuple[str, list[bk.Block]]:
    """The title (how far the year's calendar can be trusted) and the year's exceptions."""
    title = r.t(f"calendar.title_{state}", year=year, n=corrections)
    lines = [
        r.t(
            "calendar.line_work" if d.working else "calendar.line_off",
            day=d.day.isoformat(),
            weekday=weekday_name(d.day, r.lang),
            name=bk.escape(d.name or ""),
            mark=r.t("calendar.mark") if d.source == "override" else "",
        )
        for d in days
    ]
    return title, bk.cap_blocks([bk.section(title), *bk.sections(lines)], r.more)
