"""Block Kit for contacts: the log modal, the confirmation, nudges and report reminders."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import Any

from bot.dates import echo
from bot.i18n import t
from bot.rules.contacts import Due
from bot.slack import blocks as bk
from storage.models import CONTACT_KINDS, Client, ContactLog

MODAL_CLIENT_OPTIONS = 100


def kind_label(lang: str, kind: str) -> str:
    return t(lang, f"kind.{kind}")


def client_label(c: Client) -> str:
    return f"{c.name} · {c.code}"


def contact_modal(
    lang: str,
    clients: Sequence[Client],
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
) -> bk.Block:
    """The contact modal, pre-filled with whatever is already known."""
    options = [bk.option(client_label(c), str(c.id)) for c in clients[:MODAL_CLIENT_OPTIONS]]
    body: list[bk.Block] = []
    if notice:
        body.append(bk.section(notice))
    if options:
        body.append(
            bk.select_input(
                "client",
                t(lang, "contact.f.client"),
                options,
                initial=str(client_id) if client_id else None,
                placeholder=t(lang, "contact.f.client_ph"),
            )
        )
    else:
        body.append(bk.section(t(lang, "contact.no_clients")))
    kinds = [bk.option(kind_label(lang, k), k) for k in CONTACT_KINDS]
    body += [
        bk.select_input("kind", t(lang, "contact.f.kind"), kinds, initial=kind),
        bk.text_input(
            "when",
            t(lang, "contact.f.when"),
            initial=when,
            optional=True,
            placeholder=t(lang, "contact.f.when_ph"),
            max_length=100,
        ),
        bk.text_input("summary", t(lang, "contact.f.summary"), initial=summary, multiline=True),
        bk.text_input(
            "next_steps",
            t(lang, "contact.f.next"),
            initial=next_steps,
            multiline=True,
            optional=True,
        ),
        bk.text_input(
            "follow_up",
            t(lang, "contact.f.follow_up"),
            initial=follow_up,
            optional=True,
            placeholder=t(lang, "contact.f.follow_up_ph"),
            max_length=100,
        ),
    ]
    title = t(lang, "contact.modal.edit_title" if editing else "contact.modal.title")
    return bk.modal(
        "contact_edit" if editing else "contact_log",
        title,
        body,
        t(lang, "common.save") if options else None,
        t(lang, "common.cancel"),
        json.dumps(metadata or {}),
    )


def confirmation(
    lang: str, log: ContactLog, client: Client, tz: Any, *, updated: bool = False
) -> list[bk.Block]:
    """What the author sees after logging: everything recorded, with Edit and Undo."""
    at = log.at.astimezone(tz)
    key = "contact.updated" if updated else "contact.logged"
    lines = [
        t(
            lang,
            key,
            kind=kind_label(lang, log.kind),
            client=bk.escape(client.name),
            code=bk.escape(client.code),
            when=echo(at),
        )
    ]
    lines.append(t(lang, "contact.summary_line", summary=_quote(log.summary)))
    if log.next_steps:
        lines.append(t(lang, "contact.next_line", next=_quote(log.next_steps)))
    if log.follow_up_on:
        fu = datetime.combine(log.follow_up_on, time(9, 0), tzinfo=tz)
        lines.append(t(lang, "contact.follow_up_line", date=echo(fu, False)))
    out = [bk.section("\n".join(lines))]
    if log.report_due:
        due = log.at + timedelta(hours=48)
        out.append(bk.context(t(lang, "contact.report_clock", due=echo(due.astimezone(tz)))))
    buttons = [
        bk.button(t(lang, "common.edit"), "contact_edit", str(log.id)),
        bk.button(t(lang, "common.undo"), "contact_undo", str(log.id), style="danger"),
    ]
    if log.report_due and not log.report_sent_at:
        buttons.append(
            bk.button(
                t(lang, "contact.report_sent_btn"), "contact_report_sent", str(log.id), "primary"
            )
        )
    out.append(bk.actions(*buttons))
    return out


def _quote(text: str) -> str:
    return "\n".join("> " + line for line in bk.escape(text).splitlines() or [""])


def nudge(lang: str, due: Sequence[Due[Client]], tz: Any, *, sweep: bool = False) -> list[bk.Block]:
    """The morning nudge (or evening sweep): the clients due a call, each with a button."""
    out = [bk.section(t(lang, "nudge.sweep_intro" if sweep else "nudge.intro", n=len(due)))]
    for d in due:
        out.append(
            bk.section(
                _due_line(lang, d, tz),
                accessory=bk.button(
                    t(lang, "nudge.log_call"), "contact_log_call", str(d.client.id)
                ),
            )
        )
    return bk.cap_blocks(out, t(lang, "common.more"))


def _due_line(lang: str, d: Due[Client], tz: Any) -> str:
    c = d.client
    where = t(lang, "client.in_city" if c.in_city else "client.out_of_city")
    if d.last_contact is None:
        last = t(lang, "nudge.never")
    else:
        last = t(lang, "nudge.last", when=echo(d.last_contact.astimezone(tz)), days=d.days_since)
    return t(
        lang, "nudge.line", client=bk.escape(c.name), code=bk.escape(c.code), where=where, last=last
    )


def escalation_rows(
    lang: str, rows: Sequence[tuple[str, Due[Client]]], limit: int
) -> list[bk.Block]:
    """To a manager: their AEs' clients overdue by more than `limit` working days."""
    lines = [
        t(
            lang,
            "sweep.escalate_line",
            client=bk.escape(d.client.name),
            code=bk.escape(d.client.code),
            owner=bk.escape(owner),
            days=d.overdue,
        )
        for owner, d in rows
    ]
    return bk.cap_blocks(
        [bk.section(t(lang, "sweep.escalate_intro", limit=limit)), *map(bk.section, lines)],
        t(lang, "common.more"),
    )


def follow_up_lines(lang: str, rows: Sequence[tuple[ContactLog, Client]]) -> list[bk.Block]:
    out = [bk.section(t(lang, "followup.intro", n=len(rows)))]
    for log, c in rows:
        out.append(
            bk.section(
                t(
                    lang,
                    "followup.line",
                    client=bk.escape(c.name),
                    code=bk.escape(c.code),
                    next=_quote(log.next_steps or log.summary),
                ),
                accessory=bk.button(t(lang, "nudge.log_call"), "contact_log_call", str(c.id)),
            )
        )
    return out


def report_reminder(
    lang: str,
    log: ContactLog,
    client: Client,
    tz: Any,
    stage: str,
    *,
    for_manager: str | None = None,
) -> list[bk.Block]:
    """To the author at `stage` 'remind' (24 h) or 'escalate' (48 h); to the manager at 48 h."""
    args = dict(
        kind=kind_label(lang, log.kind),
        client=bk.escape(client.name),
        code=bk.escape(client.code),
        when=echo(log.at.astimezone(tz)),
    )
    if for_manager:
        return [bk.section(t(lang, "report.manager", author=for_manager, **args))]
    key = "report.overdue" if stage == "escalate" else "report.remind"
    return [
        bk.section(t(lang, key, **args)),
        bk.actions(
            bk.button(
                t(lang, "contact.report_sent_btn"), "contact_report_sent", str(log.id), "primary"
            )
        ),
    ]
