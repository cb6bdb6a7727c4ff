"""Block Kit for meetings: the form, the confirmation, `/meeting list`, the 5W1H notice with
its plain text for the client, the reconfirmation and the report prompt."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from bot.rules.clients import ClientRecord
from bot.rules.meetings import MeetingRecord as Meeting
from bot.rules.meetings import people
from bot.slack import blocks as bk
from bot.slack.texts import Reader

FORM = "meeting_form"  # callback_id of the meeting modal (new, or moved)
SENT_TO_CLIENT = "meeting_sent_to_client"  # buttons: value = the meeting's id
CONFIRMED = "meeting_confirmed"
POSTPONED = "meeting_postponed"
WRITE_REPORT = "meeting_write_report"
CLIENT_OPTIONS = 100


def span(r: Reader, start: datetime, end: datetime) -> str:
    """ "周二 11月24日 14:00–15:30" (the end's day too when it is another day)."""
    start, end = start.astimezone(r.zone), end.astimezone(r.zone)
    tail = f"{end:%H:%M}" if end.date() == start.date() else r.when(end)
    return f"{r.when(start)}–{tail}"


def meeting_modal(
    r: Reader,
    clients: Sequence[ClientRecord],
    values: Mapping[str, Any],
    *,
    notice: str = "",
    metadata: dict[str, Any] | None = None,
    moving: bool = False,
) -> bk.Block:
    """The meeting form, filled with `values` (client id, when, topic, place, ours…)."""
    body: list[bk.Block] = [bk.section(notice)] if notice else []
    if not clients:
        body.append(bk.section(r.t("meeting.no_clients")))
    else:
        options = [bk.option(f"{c.name} · {c.code}", str(c.id)) for c in clients[:CLIENT_OPTIONS]]
        chosen = str(values.get("client") or "") or None
        body.append(
            bk.select_input(
                "client",
                r.t("meeting.f.client"),
                options,
                initial=chosen,
                placeholder=r.t("meeting.f.client_ph"),
            )
        )
    body += [
        bk.text_input(
            "when",
            r.t("meeting.f.when"),
            initial=str(values.get("when") or ""),
            placeholder=r.t("meeting.f.when_ph"),
            max_length=100,
        ),
        bk.text_input("topic", r.t("meeting.f.topic"), initial=str(values.get("topic") or "")),
        _optional("place", r.t("meeting.f.place"), values),
        bk.users_input(
            "ours", r.t("meeting.f.ours"), list(values.get("ours") or []), optional=True
        ),
        _optional("theirs", r.t("meeting.f.theirs"), values),
        _optional("purpose", r.t("meeting.f.purpose"), values, multiline=True),
        _optional("agenda", r.t("meeting.f.agenda"), values, multiline=True),
        _optional("materials", r.t("meeting.f.materials"), values, multiline=True),
    ]
    title = "meeting.modal.move_title" if moving else "meeting.modal.title"
    submit = r.t("common.save") if clients else None
    return bk.modal(
        FORM, r.t(title), body, submit, r.t("common.cancel"), json.dumps(metadata or {})
    )


def _optional(
    block: str, label: str, values: Mapping[str, Any], multiline: bool = False
) -> bk.Block:
    return bk.text_input(
        block, label, initial=str(values.get(block) or ""), optional=True, multiline=multiline
    )


def form_values(m: Meeting, r: Reader) -> dict[str, Any]:
    """A stored meeting as the form's values (to move it)."""
    start, end = m.starts_at.astimezone(r.zone), m.ends_at.astimezone(r.zone)
    return {
        "client": m.client_id,
        "when": f"{start:%Y-%m-%d %H:%M}-{end:%H:%M}",
        "topic": m.topic,
        "place": m.place,
        "ours": people(m.our_attendees),
        "theirs": m.client_attendees,
        "purpose": m.purpose,
        "agenda": m.agenda,
        "materials": m.materials,
    }


def _basics(r: Reader, m: Meeting, client: ClientRecord) -> dict[str, Any]:
    return {
        "id": m.id,
        "client": bk.escape(client.name),
        "when": span(r, m.starts_at, m.ends_at),
        "what": bk.escape(m.topic),
    }


def recorded(
    r: Reader, m: Meeting, client: ClientRecord, lines: Sequence[str], moved: bool = False
) -> tuple[str, list[bk.Block]]:
    """The organiser's confirmation: what was recorded, and what follows from it."""
    text = r.t("meeting.moved" if moved else "meeting.recorded", **_basics(r, m, client))
    return text, [bk.section(text), *(bk.context(line) for line in lines)]


def list_blocks(r: Reader, rows: Sequence[tuple[Meeting, ClientRecord]]) -> list[bk.Block]:
    lines = [r.t("meeting.list_line", **_basics(r, m, c)) for m, c in rows]
    return [bk.section(r.t("meeting.list_title", n=len(rows))), *bk.sections(lines)]


def notice_lines(
    r: Reader, m: Meeting, client: ClientRecord, names: Mapping[str, str]
) -> list[str]:
    """The 5W1H notice of one meeting: who, what, when, where, why, how."""
    ours = [m.organiser_id, *people(m.our_attendees)]
    members = r.join(f"<@{u}>" for u in dict.fromkeys(ours))
    unsaid = r.t("meeting.unsaid")
    lines = [
        r.t(
            "meeting.notice_title",
            client=bk.escape(client.name),
            when=span(r, m.starts_at, m.ends_at),
        ),
        r.t("meeting.w.who", members=members, person=bk.escape(m.client_attendees) or unsaid),
        r.t("meeting.w.what", what=bk.escape(m.topic)),
        r.t("meeting.w.when", when=span(r, m.starts_at, m.ends_at)),
        r.t("meeting.w.where", place=bk.escape(m.place) or r.t("meeting.in_office")),
        r.t("meeting.w.why", purpose=bk.escape(m.purpose) or unsaid),
        r.t("meeting.w.how", text=bk.escape(m.agenda) or unsaid),
    ]
    if m.materials:
        lines.append(r.t("meeting.w.materials", note=bk.escape(m.materials)))
    return ["\n".join(lines)]


def client_text(cr: Reader, m: Meeting, names: Mapping[str, str]) -> str:
    """The notice as plain text for the client, in the client's language (`cr`)."""
    start = m.starts_at.astimezone(cr.zone)
    when = f"{start:%Y-%m-%d} ({cr.weekday(start.date())}) {start:%H:%M}-{m.ends_at.astimezone(cr.zone):%H:%M}"
    ours = [names.get(u, u) for u in dict.fromkeys([m.organiser_id, *people(m.our_attendees)])]
    parts = [
        cr.t("meeting.client.greeting"),
        cr.t("meeting.client.when", when=when, what=m.topic),
        cr.t("meeting.client.where", place=m.place or cr.t("meeting.in_office")),
        cr.t("meeting.client.ours", names=cr.join(ours)),
    ]
    if m.purpose:
        parts.append(cr.t("meeting.client.purpose", purpose=m.purpose))
    if m.agenda:
        parts.append(cr.t("meeting.client.agenda", text=m.agenda))
    parts.append(cr.t("meeting.client.close"))
    return "\n".join(parts)


def notice_blocks(
    r: Reader,
    rows: Sequence[tuple[Meeting, ClientRecord]],
    names: Mapping[str, str],
    client_texts: Mapping[int, str],
) -> list[bk.Block]:
    """One person's notices; under each meeting they organise, the text for the client and
    Sent to client."""
    out: list[bk.Block] = []
    for m, c in rows:
        out += bk.sections(notice_lines(r, m, c, names))
        if m.id in client_texts:
            shown = bk.escape(bk.clip(client_texts[m.id or 0], bk.LINE_MAX - 200))
            out.append(bk.section(f"{r.t('meeting.for_client')}\n```{shown}```"))
            out.append(
                bk.actions(bk.button(r.t("meeting.sent_to_client"), SENT_TO_CLIENT, str(m.id)))
            )
    return out


def reconfirm_blocks(r: Reader, rows: Sequence[tuple[Meeting, ClientRecord]]) -> list[bk.Block]:
    out: list[bk.Block] = []
    for m, c in rows:
        out.append(bk.section(r.t("meeting.reconfirm", **_drop_id(_basics(r, m, c)))))
        out.append(
            bk.actions(
                bk.button(r.t("meeting.confirm_button"), CONFIRMED, str(m.id), "primary"),
                bk.button(r.t("meeting.postpone_button"), POSTPONED, str(m.id)),
            )
        )
    return out


def report_blocks(r: Reader, m: Meeting, c: ClientRecord) -> list[bk.Block]:
    return [
        bk.section(r.t("meeting.report", **_drop_id(_basics(r, m, c)))),
        bk.actions(bk.button(r.t("meeting.write_report"), WRITE_REPORT, str(m.id), "primary")),
    ]


def _drop_id(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k != "id"}
