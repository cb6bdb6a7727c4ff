"""Block Kit of weekly notes (周报): the `/weekly` modal, what was saved, `/weekly show`, and
the weekly prompt's DM with its "Write this week's notes" button."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from bot.rules.weekly import NOTE_MAX, PROBLEMS, SUGGESTIONS, TEXT_MAX
from bot.slack import blocks as bk
from bot.slack.limits import VIEW_MAX_BLOCKS
from bot.slack.texts import Reader

FORM = "weekly_form"  # callback_id of the modal
OPEN = "weekly_open"  # a button that opens the modal (the weekly prompt's)
CLIENT_BLOCK = "client:"  # a client's field: "client:<id>"
EXTRA_BLOCKS = (PROBLEMS, SUGGESTIONS)  # the person's own fields, by note kind


@dataclass(frozen=True)
class Field:
    """One client's field: its name, and the text it is filled with (this week's note, else
    last week's)."""

    client_id: int
    name: str
    text: str = ""
    last_week: bool = False


def client_block(client_id: int) -> str:
    return f"{CLIENT_BLOCK}{client_id}"


def client_of(block_id: str) -> int | None:
    """ "client:12" → 12; None for any other block."""
    number = block_id.removeprefix(CLIENT_BLOCK)
    if number == block_id or not number.isdigit() or len(number) > 17:
        return None
    return int(number)


def week_span(r: Reader, week: date) -> dict[str, str]:
    return {"first": r.day(week), "last": r.day(week + timedelta(days=6))}


def weekly_modal(
    r: Reader,
    week: date,
    fields: Sequence[Field],
    extras: Mapping[str, str],
    meta: Mapping[str, Any],
) -> bk.Block:
    """The week's form: one field per client (at most 150 characters), then problems needing
    coordination and suggestions. A list too long for a modal says how many were left out."""
    body: list[bk.Block] = [
        bk.context(r.t("weekly.modal.intro", max=NOTE_MAX, **week_span(r, week)))
    ]
    if not fields:
        body.append(bk.context(r.t("weekly.modal.no_clients")))
    room = VIEW_MAX_BLOCKS - len(body) - len(EXTRA_BLOCKS) - 1
    for f in fields[:room]:
        label = r.t("weekly.f.client_last_week" if f.last_week else "weekly.f.client", name=f.name)
        body.append(
            bk.text_input(
                client_block(f.client_id),
                label,
                initial=f.text,
                multiline=True,
                optional=True,
                max_length=NOTE_MAX,
                placeholder=r.t("weekly.f.note_ph", max=NOTE_MAX),
            )
        )
    if len(fields) > room:
        body.append(bk.context(r.t("weekly.modal.more", n=len(fields) - room)))
    for kind in EXTRA_BLOCKS:
        body.append(
            bk.text_input(
                kind,
                r.t(f"weekly.f.{kind}"),
                initial=extras.get(kind, ""),
                multiline=True,
                optional=True,
                max_length=TEXT_MAX,
            )
        )
    return bk.modal(
        FORM,
        r.t("weekly.modal.title"),
        body,
        r.t("common.save"),
        r.t("common.cancel"),
        json.dumps(dict(meta)),
    )


def saved(r: Reader, clients: int, removed: int, extras: Mapping[str, bool]) -> str:
    """What the writer is told once the form is stored."""
    lines = [r.t("weekly.saved", n=clients) if clients else r.t("weekly.saved_none")]
    if removed:
        lines.append(r.t("weekly.saved_removed", n=removed))
    said = {
        k: r.t("weekly.written" if extras.get(k) else "weekly.not_written") for k in EXTRA_BLOCKS
    }
    lines.append(r.t("weekly.saved_extras", **said))
    return "\n".join(lines)


def my_notes(
    r: Reader, week: date, clients: Sequence[tuple[str, str]], extras: Mapping[str, str]
) -> tuple[str, list[bk.Block]]:
    """`/weekly show`: my notes of the week, client by client, then problems and suggestions."""
    title = r.t("weekly.show.title", **week_span(r, week))
    lines = [
        r.t("weekly.show.client", name=bk.escape(name), text=bk.escape(text))
        for name, text in clients
    ]
    lines += [
        r.t(f"weekly.show.{kind}", text=bk.escape(extras[kind]))
        for kind in EXTRA_BLOCKS
        if extras.get(kind)
    ]
    return title, bk.cap_blocks([bk.section(title), *bk.sections(lines)], r.more)


def prompt(r: Reader, week: date, report_at: time) -> tuple[str, list[bk.Block]]:
    """The weekly prompt's DM: notes not written yet, and the button that opens the form."""
    at = f"{report_at:%H:%M}"
    blocks = [
        bk.section(r.t("weekly.prompt.body", at=at)),
        bk.actions(
            bk.button(r.t("weekly.prompt.write"), OPEN, week.isoformat(), "primary"),
            block_id="weekly-prompt",
        ),
    ]
    return r.t("weekly.prompt.text", at=at), blocks
