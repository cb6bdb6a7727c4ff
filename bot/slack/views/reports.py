"""Block Kit for the contact report (联络报告): its form, the report as its recipients read it,
the author's copy (the text for the client, Client confirmed, Edit report), and the report
clock's lines (the reminders, the App Home)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.rules.clients import ClientRecord
from bot.rules.contacts import ContactRecord, ReportClock
from bot.rules.reports import ATTENDEES_LIMIT, ATTENDEES_MAX, RECIPIENTS_MAX, TEXT_LIMIT
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views.contacts import REPORT_SENT_IN_LIST, WRITE_REPORT, kind_label

FORM = "contact_report_form"  # callback_id of the report form (new or edited)
CONFIRM = "contact_report_confirm"  # action_id of Client confirmed; value: the report's id
EDIT = "contact_report_edit"  # action_id of Edit report; value: the report's id
WRITE = WRITE_REPORT  # action_id of Write report; value: the contact's id
CODE_BLOCK_MAX = 2800  # the text for the client, in one section


@dataclass(frozen=True)
class Item:
    """An action item as the report shows it: its line, and its owner and due day if read."""

    text: str
    owner: str | None = None
    due_on: date | None = None


@dataclass(frozen=True)
class Shown:
    """A report as its messages show it."""

    report_id: int
    client: ClientRecord
    kind: str
    at: datetime
    author: str
    version: int
    ours: Sequence[str]
    theirs: str
    conclusions: Sequence[str]
    items: Sequence[Item]
    sent_to: Sequence[str]
    sent_at: datetime
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    names: dict[str, str] = field(default_factory=dict)  # user id → name, for the client's text


def report_modal(
    r: Reader,
    contact: ContactRecord,
    client: ClientRecord,
    *,
    ours: Sequence[str],
    theirs: str = "",
    conclusions: str = "",
    items: str = "",
    sent_to: Sequence[str],
    metadata: dict[str, Any],
    editing: bool = False,
    topic: str = "",
) -> bk.Block:
    """The report form, pre-filled from the contact (or the report being edited)."""
    head = r.t(
        "creport.modal.head",
        client=bk.escape(client.name),
        code=bk.escape(client.code),
        kind=kind_label(r, contact.kind),
        when=r.when(contact.at),
    )
    body = [bk.section(head)]
    if topic:
        body.append(bk.context(r.t("creport.modal.topic", text=bk.escape(topic))))
    if editing:
        body.append(bk.context(r.t("creport.modal.edit_note")))
    body += [
        bk.users_input("ours", r.t("creport.f.ours"), ours, max_selected=ATTENDEES_MAX),
        bk.text_input(
            "theirs",
            r.t("creport.f.theirs"),
            initial=theirs,
            optional=True,
            placeholder=r.t("creport.f.theirs_ph"),
            max_length=ATTENDEES_LIMIT,
        ),
        bk.text_input(
            "conclusions",
            r.t("creport.f.conclusions"),
            initial=conclusions,
            multiline=True,
            max_length=TEXT_LIMIT,
        ),
        bk.text_input(
            "items",
            r.t("creport.f.items"),
            initial=items,
            multiline=True,
            optional=True,
            placeholder=r.t("creport.f.items_ph"),
            max_length=TEXT_LIMIT,
        ),
        bk.users_input("sent_to", r.t("creport.f.sent_to"), sent_to, max_selected=RECIPIENTS_MAX),
    ]
    return bk.modal(
        FORM,
        r.t("creport.modal.edit_title" if editing else "creport.modal.title"),
        body,
        r.t("creport.modal.submit"),
        r.t("common.cancel"),
        json.dumps(metadata),
    )


def notification(r: Reader, rep: Shown) -> str:
    key = "creport.text_correction" if rep.version > 1 else "creport.text"
    return r.t(key, client=rep.client.name)


def report_blocks(
    r: Reader, rep: Shown, *, author_copy: bool = False, client: Reader | None = None
) -> list[bk.Block]:
    """The report as sent (联络报告 · client · when · attendees · conclusions · action items
    with owners and dates); the author's copy also carries the text for the client (written
    for `client`, the client's reader) and the Client confirmed and Edit report buttons (until
    the client confirms)."""
    args = {
        "client": bk.escape(rep.client.name),
        "code": bk.escape(rep.client.code),
        "kind": kind_label(r, rep.kind),
        "when": r.when(rep.at),
    }
    if rep.version > 1:
        head = r.t("creport.header_correction", i=rep.version, **args)
    else:
        head = r.t("creport.header", **args)
    lines = [head]
    if rep.ours:
        lines.append(r.t("creport.ours_line", members=r.join(f"<@{u}>" for u in rep.ours)))
    if rep.theirs:
        lines.append(r.t("creport.theirs_line", names=bk.escape(rep.theirs)))
    lines += ["", r.t("creport.conclusions_head")]
    lines += [f"{i}. {bk.escape(c)}" for i, c in enumerate(rep.conclusions, 1)]
    if rep.items:
        lines += ["", r.t("creport.items_head")]
        lines += [f"• {_item(r, it)}" for it in rep.items]
    out = bk.sections(lines)
    by = r.t(
        "creport.by_line",
        author=rep.author,
        when=r.when(rep.sent_at),
        members=r.join(f"<@{u}>" for u in rep.sent_to),
    )
    out.append(bk.context(by))
    if rep.confirmed_by and rep.confirmed_at:
        who = r.t("creport.confirmed_line", user=rep.confirmed_by, when=r.when(rep.confirmed_at))
        out.append(bk.section(who))
    if author_copy:
        out += _author_part(r, rep, client or r)
    return out


def _item(r: Reader, it: Item) -> str:
    text = bk.escape(it.text)
    if it.owner and it.due_on:
        return r.t("creport.item_owner_due", text=text, owner=it.owner, due=r.day(it.due_on))
    if it.owner:
        return r.t("creport.item_owner", text=text, owner=it.owner)
    return text


def _author_part(r: Reader, rep: Shown, client: Reader) -> list[bk.Block]:
    """The author's own: the text for the client, and the buttons while it is unconfirmed."""
    return [
        bk.divider(),
        bk.section(r.t("creport.for_client")),
        *code_sections(text_for_client(client, rep)),
        *_buttons(r, rep),
    ]


def code_sections(text: str) -> list[bk.Block]:
    """Plain text to copy, escaped, in code blocks that each fit a section."""
    out: list[bk.Block] = []
    chunk: list[str] = []
    for line in bk.fit(bk.escape(text).splitlines(), CODE_BLOCK_MAX):
        if chunk and sum(len(x) + 1 for x in chunk) + len(line) > CODE_BLOCK_MAX:
            out.append(bk.section("```" + "\n".join(chunk) + "```"))
            chunk = []
        chunk.append(line)
    if chunk:
        out.append(bk.section("```" + "\n".join(chunk) + "```"))
    return out


def _buttons(r: Reader, rep: Shown) -> list[bk.Block]:
    if rep.confirmed_at:
        return []
    value = str(rep.report_id)
    return [
        bk.actions(
            bk.button(r.t("creport.confirm_btn"), CONFIRM, value, "primary"),
            bk.button(r.t("creport.edit_btn"), EDIT, value),
        )
    ]


def text_for_client(r: Reader, rep: Shown) -> str:
    """The report as plain text to paste into an e-mail or WeChat, in the client's language
    (`r` is the client's reader): no Slack mentions, our people by name."""
    key = "creport.client.head_correction" if rep.version > 1 else "creport.client.head"
    out = [r.t(key, client=rep.client.name, when=r.when(rep.at))]
    if rep.ours:
        out.append(r.t("creport.client.ours", names=r.join(rep.names.get(u, u) for u in rep.ours)))
    if rep.theirs:
        out.append(r.t("creport.client.theirs", names=rep.theirs))
    out += ["", r.t("creport.client.conclusions")]
    out += [f"{i}. {c}" for i, c in enumerate(rep.conclusions, 1)]
    if rep.items:
        out += ["", r.t("creport.client.items")]
        for i, it in enumerate(rep.items, 1):
            text = it.text
            if it.due_on:
                text = r.t("creport.client.item_due", text=text, due=r.day(it.due_on))
            out.append(f"{i}. {text}")
    out += ["", r.t("creport.client.ask")]
    return "\n".join(out)


# --- the report clock: the lines of one DM ---------------------------------------------------
Row = tuple[ContactRecord, ClientRecord, ReportClock]


def due_line(r: Reader, contact: ContactRecord, client: ClientRecord, clock: ReportClock) -> str:
    key = "creport.due.line_days_off" if clock.deferred else "creport.due.line"
    return r.t(
        key,
        kind=kind_label(r, contact.kind),
        client=bk.escape(client.name),
        code=bk.escape(client.code),
        when=r.when(contact.at),
        deadline=r.when(clock.escalate_at),
    )


def manager_line(r: Reader, contact: ContactRecord, client: ClientRecord) -> str:
    return r.t(
        "creport.due.manager_line",
        author=contact.author_id,
        kind=kind_label(r, contact.kind),
        client=bk.escape(client.name),
        code=bk.escape(client.code),
        when=r.when(contact.at),
    )


def write_button(r: Reader, contact: ContactRecord) -> bk.Block:
    return bk.button(r.t("creport.write_btn"), WRITE, str(contact.id), "primary")


def due_dm(r: Reader, remind: Sequence[Row], overdue: Sequence[Row]) -> tuple[str, list[bk.Unit]]:
    """One DM to an author: the reports past 48 hours, then those at 24, each with Write
    report (and Report sent, for one sent another way); split to fit Slack by whoever sends
    it, a line never parted from its buttons."""
    out: list[bk.Unit] = []
    for intro, rows in (("creport.due.overdue", overdue), ("creport.due.remind", remind)):
        if rows:
            out.append(bk.section(r.t(intro)))
            out += [
                [
                    bk.section(due_line(r, c, cl, k)),
                    bk.actions(
                        write_button(r, c),
                        bk.button(r.t("contact.report_sent_btn"), REPORT_SENT_IN_LIST, str(c.id)),
                    ),
                ]
                for c, cl, k in rows
            ]
    return r.t("creport.due.text"), out


def manager_dm(r: Reader, rows: Sequence[Row]) -> tuple[str, list[bk.Block]]:
    """One DM to a manager: their people's reports past 48 hours, each with Write report."""
    out = [bk.section(r.t("creport.due.manager"))]
    out += [bk.section(manager_line(r, c, cl), write_button(r, c)) for c, cl, _ in rows]
    return r.t("creport.due.text"), out


def owing_part(r: Reader, rows: Sequence[Row]) -> list[bk.Block]:
    """The App Home's contact reports the person owes, each with Write report."""
    if not rows:
        return []
    out = [bk.divider(), bk.section(r.t("creport.home_owing"))]
    for c, cl, k in rows:
        line = r.t(
            "creport.home_line",
            kind=kind_label(r, c.kind),
            client=bk.escape(cl.name),
            code=bk.escape(cl.code),
            when=r.when(c.at),
            deadline=r.when(k.escalate_at),
        )
        out.append(bk.section(line, write_button(r, c)))
    return out
