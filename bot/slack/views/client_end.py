"""Block Kit of a contract's end (合约结束): the form, and the notice finance and the owner's
manager get."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from bot.rules.clients import ClientRecord
from bot.rules.contract_end import NOTE_MAX
from bot.slack import blocks as bk
from bot.slack.texts import Reader

FORM = "contract_end_form"  # callback_id of the modal
CLIENT_OPTIONS = 100  # Slack's most options in a select


def end_modal(
    r: Reader, clients: Sequence[ClientRecord], values: Mapping[str, Any], channel: str | None
) -> bk.Block:
    """The form: the client (those the person may end, the one typed chosen), the end date,
    the fees not yet received, the amount invoiced and a note for finance."""
    options = [bk.option(f"{c.name} · {c.code}", str(c.id)) for c in clients[:CLIENT_OPTIONS]]
    chosen = str(values.get("client") or "") or None
    amount_ph = r.t("cend.f.amount_ph")
    body = [
        bk.context(r.t("cend.intro")),
        bk.select_input("client", r.t("cend.f.client"), options, initial=chosen),
        bk.text_input(
            "end_on", r.t("cend.f.end_on"), initial=str(values.get("end_on") or ""), max_length=40
        ),
        bk.text_input("unreceived", r.t("cend.f.unreceived"), max_length=30, placeholder=amount_ph),
        bk.text_input("invoiced", r.t("cend.f.invoiced"), max_length=30, placeholder=amount_ph),
        bk.text_input(
            "note", r.t("cend.f.note"), multiline=True, optional=True, max_length=NOTE_MAX
        ),
    ]
    meta = json.dumps({"channel": channel})
    title = r.t("cend.modal.title")
    return bk.modal(FORM, title, body, r.t("cend.modal.send"), r.t("common.cancel"), meta)


def notice(
    r: Reader,
    client: ClientRecord,
    end_on: date,
    amounts: tuple[str, str],
    note: str,
    by: str,
) -> tuple[str, list[bk.Block]]:
    """What finance and the owner's manager read: the client, the end date, the amounts."""
    text = r.t("cend.notice_text", name=bk.escape(client.name), day=r.day(end_on))
    body = r.t(
        "cend.notice",
        owner=client.owner_id,
        name=bk.escape(client.name),
        code=bk.escape(client.code),
        day=r.day(end_on),
        amount=amounts[0],
        invoiced=amounts[1],
        by=by,
    )
    if note:
        body += "\n" + r.t("cend.notice_note", note=bk.escape(note))
    return text, bk.sections([body])
