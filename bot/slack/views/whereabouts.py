"""Block Kit for whereabouts: the `/out` confirmation, `/out back` with the offer to log the
visit, the offer's DM, `/out who`, and leave."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from bot.rules.clients import ClientRecord
from bot.slack import blocks as bk
from bot.slack.texts import Reader

VISIT_LOG = "visit_log"  # action_id of "Log this visit"; value = the whereabouts id


class Visit(Protocol):
    id: int | None
    user_id: str
    purpose: str
    start: datetime
    end: datetime
    from_home: bool
    ended_at: datetime | None


class LeaveRecord(Protocol):
    user_id: str
    first_day: date
    last_day: date
    kind: str
    note: str


def span(r: Reader, start: datetime, end: datetime) -> str:
    """ "周一 11月23日 14:00–17:00", or both ends in full across days."""
    a, b = start.astimezone(r.zone), end.astimezone(r.zone)
    if a.date() == b.date():
        return r.t("out.span", start=r.when(a), end=f"{b:%H:%M}")
    return r.t("out.span_days", start=r.when(a), end=r.when(b))


def _purpose(r: Reader, v: Visit) -> list[str]:
    return [r.t("out.purpose_line", purpose=bk.escape(v.purpose))] if v.purpose else []


def registered(
    r: Reader, v: Visit, client: ClientRecord, ended: Sequence[tuple[Visit, ClientRecord]]
) -> tuple[str, list[bk.Block]]:
    """What `/out` answers: the client, the purpose and the times as read, and what it ended."""
    names = dict(
        client=bk.escape(client.name), code=bk.escape(client.code), span=span(r, v.start, v.end)
    )
    if v.from_home:
        day = r.day(v.start.astimezone(r.zone).date())
        first = r.t("out.registered_from_home", day=day, **names)
    else:
        first = r.t("out.registered", **names)
    lines = [first, *_purpose(r, v)]
    if ended:
        visits = r.join(
            r.t("out.visit_short", client=bk.escape(c.name), span=span(r, w.start, w.end))
            for w, c in ended
        )
        lines.append(r.t("out.ended_line", visits=visits))
    note = r.t("out.offer_note", end=r.when(v.end))
    return first, [bk.section("\n".join(lines)), bk.context(note)]


def offer(r: Reader, v: Visit, client: ClientRecord) -> list[bk.Block]:
    """ "Log this visit?" with its button: opens the contact modal filled in."""
    button = bk.button(r.t("out.offer_btn"), VISIT_LOG, str(v.id), "primary")
    return [bk.section(r.t("out.offer", client=bk.escape(client.name))), bk.actions(button)]


def back(r: Reader, v: Visit, client: ClientRecord, now: datetime) -> tuple[str, list[bk.Block]]:
    """`/out back`: what was ended, and the offer to log the visit."""
    text = r.t("out.back", client=bk.escape(client.name), span=span(r, v.start, now))
    return text, [bk.section("\n".join([text, *_purpose(r, v)])), *offer(r, v, client)]


def offer_dm(r: Reader, v: Visit, client: ClientRecord) -> tuple[str, list[bk.Block]]:
    """The DM of the `visit-log-offers` job once the visit's end has passed."""
    end = min(v.end, v.ended_at or v.end)
    text = r.t("out.offer_text", client=bk.escape(client.name), span=span(r, v.start, end))
    return text, [bk.section(text), *offer(r, v, client)[1:]]


def days(r: Reader, first: date, last: date) -> str:
    if first == last:
        return r.day(first)
    return r.t("leave.days_range", first=r.day(first), last=r.day(last))


def kind_name(r: Reader, kind: str) -> str:
    return r.t(f"leave.kind.{kind if kind in ('annual', 'sick', 'personal') else 'other'}")


def who(
    r: Reader,
    out: Sequence[tuple[Visit, ClientRecord]],
    leave: Sequence[LeaveRecord],
) -> list[bk.Block]:
    """`/out who`: who is out now (where, why, until when), and who is on leave today."""
    lines = [r.t("out.who_title", n=len(out))] if out else [r.t("out.who_none")]
    for v, c in out:
        key = "out.who_line_purpose" if v.purpose else "out.who_line"
        lines.append(
            r.t(
                key,
                user=v.user_id,
                client=bk.escape(c.name),
                purpose=bk.escape(v.purpose),
                until=r.when(v.end),
            )
        )
    blocks = bk.sections(lines)
    leave_lines = [r.t("out.leave_title", n=len(leave))] if leave else [r.t("out.leave_none")]
    leave_lines += [
        r.t(
            "out.leave_line",
            user=x.user_id,
            kind=kind_name(r, x.kind),
            days=days(r, x.first_day, x.last_day),
        )
        for x in leave
    ]
    return bk.cap_blocks([*blocks, bk.divider(), *bk.sections(leave_lines)], r.more)


def leave_recorded(r: Reader, kind: str, days: str, working_days: int) -> str:
    """What someone is told once their leave is registered: how many working days it takes,
    or that it takes none (only days off)."""
    if working_days:
        return r.t("leave.recorded", kind=kind, days=days, n=working_days)
    return r.t("leave.recorded_off", kind=kind, days=days)


def leave_list(r: Reader, leave: Sequence[LeaveRecord]) -> list[bk.Block]:
    lines = [r.t("leave.list_title", n=len(leave))]
    for x in leave:
        args = dict(kind=kind_name(r, x.kind), days=days(r, x.first_day, x.last_day))
        if x.note:
            lines.append(r.t("leave.list_line_note", note=bk.escape(x.note), **args))
        else:
            lines.append(r.t("leave.list_line", **args))
    return bk.sections(lines)
