"""Block Kit of the overtime timetable: the 16:30 reminder with "File overtime" and "No
overtime today", and the 17:00 cut-off list of today's forms still waiting, each with the
approval engine's own buttons, and "Approve all on time"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Protocol

from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views import approvals as approval_view
from bot.slack.views.approvals import ApprovalRecord

FILE = "overtime_file"  # opens the /overtime form (handlers/overtime.py)
NONE_TODAY = "overtime_none_today"  # value: the user the reminder is for
APPROVE_ALL = "overtime_approve_all"  # value: the day, ISO


class FormRecord(Protocol):
    late: bool
    created_at: datetime


def hhmm(at: time) -> str:
    return f"{at:%H:%M}"


def reminder(r: Reader, user: str, jobs: int, cutoff: time) -> tuple[str, list[bk.Block]]:
    """The 16:30 DM: file today's overtime form before the cut-off, or say there is none."""
    text = r.t("overtime_reminder.text", cutoff=hhmm(cutoff))
    blocks = [
        bk.section(r.t("overtime_reminder.body", n=jobs, cutoff=hhmm(cutoff))),
        bk.actions(
            bk.button(r.t("overtime_reminder.file"), FILE, "", "primary"),
            bk.button(r.t("overtime_reminder.none_today"), NONE_TODAY, user),
            block_id="overtime-reminder",
        ),
    ]
    return text, blocks


def cutoff_list(
    r: Reader,
    day: date,
    cutoff: time,
    rows: Sequence[tuple[FormRecord, ApprovalRecord]],
    *,
    to_admins: bool = False,
) -> list[bk.Post]:
    """Today's forms still waiting, on-time ones first: each as its approver sees it, with
    Approve and Reject; late ones marked late. "Approve all on time" sits on top. When long, in
    parts (the rest in the first one's thread), each form whole with its buttons in one."""
    late = sum(1 for form, _ in rows if form.late)
    on_time = len(rows) - late
    text = r.t("overtime_cutoff.text", n=len(rows), day=r.day(day))
    head = [r.t("overtime_cutoff.intro", n=len(rows), day=r.day(day), cutoff=hhmm(cutoff))]
    if late:
        head.append(r.t("overtime_cutoff.late_count", n=late))
    out: list[bk.Unit] = [bk.section("\n".join(head))]
    if to_admins:
        out.append(bk.context(r.t("overtime_cutoff.no_ped")))
    if on_time:
        out.append(
            bk.actions(
                bk.button(
                    r.t("overtime_cutoff.approve_all", n=on_time),
                    APPROVE_ALL,
                    day.isoformat(),
                    "primary",
                ),
                block_id="overtime-approve-all",
            )
        )
    for form, a in rows:
        note = None
        if form.late:
            note = r.t(
                "overtime_cutoff.late_note", when=r.when(form.created_at), cutoff=hhmm(cutoff)
            )
        out.append([bk.divider(), *approval_view.request_blocks(r, a, note=note)])
    return bk.parts(text, out, r, rest="common.rest_in_thread")


def nothing_waiting(r: Reader, day: date) -> str:
    return r.t("overtime_cutoff.all_done", day=r.day(day))
