"""The contact report (联络报告, 会议纪要): its form, pre-filled from a contact or a meeting;
sending it to the service team through the outbox; Client confirmed; corrections."""

from __future__ import annotations

from dataclasses import dataclass

from bot.slack.listeners import Request
from handlers.deps import Deps


@dataclass(frozen=True)
class ReportPrefill:
    """What the report form opens with besides the contact's own record: a meeting's people
    and topic (`/meeting`), when the report is written after one."""

    contact_id: int
    meeting_id: int | None = None
    our_attendees: tuple[str, ...] = ()
    client_attendees: str = ""
    topic: str = ""


def open_report_form(req: Request, deps: Deps, prefill: ReportPrefill) -> None:
    """The report form for a contact, pre-filled, opened with the click's trigger id."""
    raise NotImplementedError  # issue 19, section 1
