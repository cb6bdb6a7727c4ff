"""The text catalogue: every user-visible string, whole, in Chinese and English, by feature."""

from __future__ import annotations

from bot.slack.messages import (
    aebot,
    agenda,
    approval_jobs,
    approvals,
    authority,
    calendar,
    clients,
    common,
    contacts,
    home,
    jobs,
    outbox,
    overtime,
    overtime_jobs,
    report,
    settings,
    weekly,
    whereabouts,
)
from bot.slack.messages.entry import M, Plural

MESSAGES: dict[str, M] = {}
for _feature in (
    common,
    contacts,
    clients,
    aebot,
    calendar,
    home,
    settings,
    outbox,
    approvals,
    jobs,
    authority,
    approval_jobs,
    overtime,
    overtime_jobs,
    whereabouts,
    weekly,
    report,
    agenda,
):
    if _twice := MESSAGES.keys() & _feature.MESSAGES.keys():
        raise ValueError(f"texts defined twice: {sorted(_twice)}")
    MESSAGES |= _feature.MESSAGES

__all__ = ["MESSAGES", "Plural"]
