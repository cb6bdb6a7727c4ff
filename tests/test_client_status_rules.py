"""The client's life as plain rules: its status on a day, its cadence, a funnel stage's effect."""

from __future__ import annotations

from datetime import date

from bot.rules.client_status import after_stage, cadence, status_on


def test_an_end_dated_ahead_has_not_begun() -> None:
    end = date(2026, 12, 31)
    assert status_on("ended", end, date(2026, 12, 30)) == "active"
    assert status_on("ended", end, end) == "ended"
    assert status_on("paused", None, date(2026, 12, 1)) == "paused"
    assert status_on("nonsense", None, date(2026, 12, 1)) == "active"


def test_cadence() -> None:
    assert cadence("active", 3, 5) == 3
    assert cadence("prospect", 1, 5) == 5
    assert cadence("paused", 1, 5) is None
    assert cadence("ended", 1, 5) is None


def test_lost_ends_and_won_activates_a_prospect() -> None:
    assert after_stage("active", "lost") == "ended"
    assert after_stage("prospect", "lost") == "ended"
    assert after_stage("prospect", "won") == "active"
    assert after_stage("paused", "won") == "paused"
    assert after_stage("prospect", "proposal") == "prospect"
