"""Block Kit for contacts: the log modal, the confirmation, nudges and report reminders."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from bot.dates import echo_day
from bot.rules.clients import ClientRecord
from bot.rules.contacts import (
    CONTACT_KINDS,
    REPORT_ESCALATE_AFTER,
    ContactRecord,
    Due,
    ReportClock,
)
from bot.slack import blocks as bk
from bot.slack.texts import Reader, t

MODAL_CLIENT_OPTIONS = 100
LOG_FORM = "contact_log"  # callback_id of the modal that logs a contact
EDIT_FORM = "contact_edit_form"  # callback_id of the modal that edits one
OLD_EDIT_FORM = "contact_edit"  # its callback_id before 2026-12: edit modals still open at upgrade
EDIT = "contact_edit"  # action_id of the Edit button
UNDO = "contact_undo"
REPORT_SENT = "contact_report_sent"
REPORT_SENT_IN_LIST = "contact_report_sent_in_list"  # the same, on a list of reports
LOG_CALL = "contact_log_call"
SET_FOLLOW_UP = "contact_set_follow_up"  # value "CONTACT_ID:YYYY-MM-DD"
WRITE_REPORT = "contact_report_write"  # value: the contact's id (handlers/reports.py)


def kind_label(r: Reader, kind: str) -> str:
    return r.t(f"kind.{kind}")


def client_label(c: ClientRecord) -> str:
    return f"{c.name} · {c.code}"


def contact_modal(
    r: Reader,
    clients: Sequence[ClientRecord],
    *,
    client_id: int | None = None,
    kind: str = "call",
    when: str = "",
    summary: str = "",
    next_steps: str = "",
    follow_up: str = "",
    notice: str = "",
    metadata: dict[str, Any] | None = None,
    editing: bool = False,
    important: bool = False,
) -> bk.Block:
    """The contact modal, pre-filled with whatever is already known."""
    body: list[bk.Block] = [bk.section(notice)] if notice else []
    body.append(_client_picker(r, clients, client_id))
    kinds = [bk.option(kind_label(r, k), k) for k in CONTACT_KINDS]
    body += [
        bk.select_input("kind", r.t("contact.f.kind"), kinds, initial=kind),
        bk.text_input(
            "when",
            r.t("contact.f.when"),
            initial=when,
            optional=True,
            placeholder=r.t("contact.f.when_ph"),
            max_length=100,
        ),
        bk.checkbox_input(
            "important",
            r.t("contact.f.important"),
            r.t("contact.f.important_box"),
            "important",
            important,
        ),
        bk.text_input("summary", r.t("contact.f.summary"), initial=summary, multiline=True),
        bk.text_input(
            "next_steps", r.t("contact.f.next"), initial=next_steps, multiline=True, optional=True
        ),
        bk.text_input(
            "follow_up",
            r.t("contact.f.follow_up"),
            initial=follow_up,
            optional=True,
            placeholder=r.t("contact.f.follow_up_ph"),
            max_length=100,
        ),
    ]
    return bk.modal(
        EDIT_FORM if editing else LOG_FORM,
        r.t("contact.modal.edit_title" if editing else "contact.modal.title"),
        body,
        r.t("common.save") if clients else None,
        r.t("common.cancel"),
        json.dumps(metadata or {}),
    )


def _client_picker(r: Reader, clients: Sequence[ClientRecord], chosen: int | None) -> bk.Block:
    """The team's clients to pick from (the first 100), or a word on adding the first one."""
    if not clients:
        return bk.section(r.t("contact.no_clients"))
    options = [bk.option(client_label(c), str(c.id)) for c in clients[:MODAL_CLIENT_OPTIONS]]
    initial = str(chosen) if chosen else None
    return bk.select_input(
        "client",
        r.t("contact.f.client"),
        options,
        initial=initial,
        placeholder=r.t("contact.f.client_ph"),
    )


def confirmation(
    r: Reader,
    contact: ContactRecord,
    client: ClientRecord,
    *,
    updated: bool = False,
    offer: tuple[date, str] | None = None,
    report_due: datetime | None = None,
) -> list[bk.Block]:
    """What the author sees after logging: everything recorded, with Edit and Undo; and, when
    the notes mention a date and no follow-up was given, the offer to follow up that day. A
    meeting or visit says by when its report is due (`report_due`, else 48 hours on)."""
    key = "contact.updated" if updated else "contact.logged"
    lines = [
        r.t(
            key,
            kind=kind_label(r, contact.kind),
            client=bk.escape(client.name),
            code=bk.escape(client.code),
            when=r.when(contact.at),
        ),
        r.t("contact.summary_line", summary=quote(contact.summary)),
    ]
    if contact.next_steps:
        lines.append(r.t("contact.next_line", next=quote(contact.next_steps)))
    if contact.follow_up_on:
        lines.append(r.t("contact.follow_up_line", date=r.day(contact.follow_up_on)))
    out = [bk.section("\n".join(lines))]
    if contact.report_due:
        due = r.when(report_due or contact.at + REPORT_ESCALATE_AFTER)
        out.append(bk.context(r.t("contact.report_clock", due=due)))
    if offer and not contact.follow_up_on:
        day, _ = offer
        ask = r.t("contact.offer_follow_up", day=r.day(day))
        value = f"{contact.id}:{day.isoformat()}"
        out.append(bk.section(ask, bk.button(r.t("contact.offer_btn"), SET_FOLLOW_UP, value)))
    buttons = [
        bk.button(r.t("common.edit"), EDIT, str(contact.id)),
        bk.button(r.t("common.undo"), UNDO, str(contact.id), style="danger"),
    ]
    if contact.report_due and not contact.report_sent_at:
        buttons += [
            bk.button(r.t("creport.write_btn"), WRITE_REPORT, str(contact.id), "primary"),
            bk.button(r.t("contact.report_sent_btn"), REPORT_SENT, str(contact.id)),
        ]
    out.append(bk.actions(*buttons))
    return out


def quote(text: str) -> str:
    """User text as a mrkdwn quote, escaped so that nothing in it pings or links."""
    return "\n".join("> " + line for line in bk.escape(text).splitlines() or [""])


def nudge_text(r: Reader, calls: int, follow_ups: int) -> str:
    """The morning DM's notification line: what is due today, a count said only when some."""
    if calls and follow_ups:
        return r.t("nudge.text", n=calls, f=follow_ups)
    if calls:
        return r.t("nudge.text_calls", n=calls)
    return r.t("nudge.text_follow_ups", f=follow_ups)


BUTTONS_UP_TO = 5  # a longer list reads better as lines, with one "Log a call…" menu under them
MENU_MAX = 100  # Slack's options in one menu


def nudge(r: Reader, due: Sequence[Due[Any]], *, sweep: bool = False) -> list[bk.Block]:
    """The morning nudge (or evening sweep): the clients due a call, each with a button, or,
    past a handful, as a list with one "Log a call…" menu; split to fit Slack by whoever
    sends it."""
    out = [bk.section(r.t("nudge.sweep_intro" if sweep else "nudge.intro", n=len(due)))]
    # the words every line shares, looked up once (a department's nudge has thousands of lines)
    where = {True: r.t("client.in_city"), False: r.t("client.out_of_city")}
    never = r.t("nudge.never")
    line = r.template("nudge.line" if len(due) <= BUTTONS_UP_TO else "nudge.list_line")
    said: dict[date, str] = {}  # the day of the last contact, said once (many clients share it)
    lines = []
    for d in due:
        c = d.client
        last = never
        day = d.last_day  # the day is enough: "(1 working day ago)" counts days
        if day is not None:
            if day not in said:
                said[day] = _last_said(r.lang, r.today, day, d.days_since)
            last = said[day]
        lines.append(
            line(
                client=bk.escape(c.name),
                code=bk.escape(c.code),
                where=where[bool(c.in_city)],
                last=last,
            )
        )
    if len(due) <= BUTTONS_UP_TO:
        label = r.t("nudge.log_call")
        return out + [
            bk.section(line, accessory=bk.button(label, LOG_CALL, str(d.client.id)))
            for line, d in zip(lines, due, strict=True)
        ]
    return [*out, *bk.sections(lines), _log_call_menu(r, due)]


@lru_cache(maxsize=4096)
def _last_said(lang: str, today: date, day: date, days: int) -> str:
    """ "上次联络 周四 11月19日（2 个工作日前）": the same words in many AEs' morning nudges."""
    return t(lang, "nudge.last", when=echo_day(day, lang, now=today), days=days)


def _log_call_menu(r: Reader, due: Sequence[Due[Any]]) -> bk.Block:
    """One menu of the clients listed (the first hundred): choosing one opens the contact form
    with it, as a line's button would."""
    menu = {
        "type": "static_select",
        "action_id": LOG_CALL,
        "placeholder": bk.plain(r.t("nudge.log_call_menu")),
        "options": [bk.option(d.client.name, str(d.client.id)) for d in due[:MENU_MAX]],
    }
    return bk.actions(menu)


def escalation_rows(r: Reader, rows: Sequence[tuple[str, Due[Any]]], limit: int) -> list[bk.Block]:
    """To a manager: their AEs' clients overdue by more than `limit` working days; split to fit
    Slack by whoever sends it."""
    lines = [
        r.t(
            "sweep.escalate_line",
            client=bk.escape(d.client.name),
            code=bk.escape(d.client.code),
            owner=bk.escape(owner),
            days=d.overdue,
        )
        for owner, d in rows
    ]
    return [bk.section(r.t("sweep.escalate_intro", limit=limit)), *map(bk.section, lines)]


def follow_up_lines(
    r: Reader, rows: Sequence[tuple[ContactRecord, ClientRecord]]
) -> list[bk.Block]:
    """Today's follow-ups: what was planned, with a button to log the call."""
    out = [bk.section(r.t("followup.intro", n=len(rows)))]
    for contact, c in rows:
        text = r.t(
            "followup.line",
            client=bk.escape(c.name),
            code=bk.escape(c.code),
            next=quote(contact.next_steps or contact.summary),
        )
        out.append(
            bk.section(text, accessory=bk.button(r.t("nudge.log_call"), LOG_CALL, str(c.id)))
        )
    return out


def report_reminder(
    r: Reader,
    contact: ContactRecord,
    client: ClientRecord,
    stage: str,
    *,
    for_manager: str | None = None,
    clock: ReportClock | None = None,
) -> list[bk.Block]:
    """To the author at `stage` 'remind' (24 h, or the first working morning after days off:
    then with the moment their manager will be told) or 'escalate' (48 h); to the manager at
    48 h."""
    args = dict(
        kind=kind_label(r, contact.kind),
        client=bk.escape(client.name),
        code=bk.escape(client.code),
        when=r.when(contact.at),
    )
    if for_manager:
        return [bk.section(r.t("report.manager", author=for_manager, **args))]
    if stage == "escalate":
        text = r.t("report.overdue", **args)
    elif clock is not None and clock.deferred:
        text = r.t("report.remind_after_days_off", deadline=r.when(clock.escalate_at), **args)
    else:
        text = r.t("report.remind", **args)
    button = bk.button(r.t("contact.report_sent_btn"), REPORT_SENT, str(contact.id), "primary")
    return [bk.section(text), bk.actions(button)]


def report_marked(r: Reader, client: ClientRecord, at: datetime) -> str:
    return r.t("contact.report_marked", client=bk.escape(client.name), when=r.when(at))
