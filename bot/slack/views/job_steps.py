"""Block Kit of a job's steps: the Update status form (the steps the job can take now, a note,
the proofreading tick, my hours today, the client's signer and day), and the job's history and
hours as `/job show` prints them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from bot.rules.job_life import ORDER, REVISING, SENT, SIGNED, hours_text
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views.job_life import STEP_FORM
from bot.slack.views.jobs import JobRecord, number_of, status_name

STEP_PICK, NOTE, PROOFREAD, HOURS = "step", "note", "proofread", "hours"
SIGNER, SIGNED_ON = "signer", "signed_on"
PROOFREAD_VALUE = "proofread"
NOTE_INPUT_MAX = 2000
SIGNER_MAX = 200

# the word `/job status` takes for each state a step leads to
WORD_OF = {SIGNED: "signed", REVISING: "revise"}


def word_of(state: str) -> str:
    return WORD_OF.get(state, state)


def choices_text(r: Reader, states: Sequence[str]) -> str:
    """ "`review`（内部审稿）、`progress`（制作中）": the steps a job can take, as typed."""
    return r.join(
        r.t("jobstep.choice", word=word_of(s), status=status_name(r, s)) for s in ordered(states)
    )


def ordered(states: Sequence[str] | frozenset[str]) -> list[str]:
    return sorted(states, key=ORDER.index)


def step_modal(
    r: Reader, job: JobRecord, choices: Sequence[str], meta: Mapping[str, Any]
) -> bk.Block:
    """The status form: the next steps (none: only the hours), a note, the proofreading tick
    when the job can go to the client, the signer and the day when it can be signed off."""
    head = r.t(
        "jobstep.form.head",
        number=number_of(job),
        project=bk.escape(job.project),
        status=status_name(r, job.status),
    )
    body: list[bk.Block] = [bk.section(head)]
    if choices:
        options = [bk.option(status_name(r, s), s) for s in ordered(choices)]
        body.append(
            bk.select_input(
                STEP_PICK,
                r.t("jobstep.form.step"),
                options,
                optional=True,
                placeholder=r.t("jobstep.form.step_ph"),
            )
        )
        label = r.t("jobstep.form.note")
        body.append(
            bk.text_input(NOTE, label, multiline=True, optional=True, max_length=NOTE_INPUT_MAX)
        )
    else:
        body.append(bk.context(r.t("jobstep.form.no_step")))
    if SENT in choices:
        body.append(
            bk.checkbox_input(
                PROOFREAD,
                r.t("jobstep.form.proofread_label"),
                r.t("jobstep.form.proofread"),
                PROOFREAD_VALUE,
                False,
            )
        )
    body.append(_text(r, HOURS, "jobstep.form.hours", "jobstep.form.hours_ph", 20))
    if SIGNED in choices:
        body.append(_text(r, SIGNER, "jobstep.form.signer", "jobstep.form.signer_ph", SIGNER_MAX))
        body.append(_text(r, SIGNED_ON, "jobstep.form.signed_on", "jobstep.form.signed_on_ph", 100))
    title, submit = r.t("jobstep.form.title"), r.t("jobstep.form.submit")
    return bk.modal(STEP_FORM, title, body, submit, r.t("common.cancel"), json.dumps(dict(meta)))


def _text(r: Reader, block: str, label: str, placeholder: str, most: int) -> bk.Block:
    return bk.text_input(
        block, r.t(label), optional=True, max_length=most, placeholder=r.t(placeholder)
    )


# --- the history ----------------------------------------------------------------------------
class LifeEvent(Protocol):
    at: datetime
    actor: str
    action: str
    to_status: str | None
    note: str
    data: str


def life_lines(
    r: Reader, events: Sequence[LifeEvent], hours: Sequence[tuple[str, int]], number: str
) -> list[str]:
    """The job's steps since its approval (who, when, what, the note), then the hours per
    person with their total."""
    lines = []
    if events:
        lines.append(r.t("jobstep.show.title"))
        lines += [_event_line(r, e) for e in events]
    if not hours:
        return [*lines, r.t("jobstep.show.no_hours", job=bk.escape(number))]
    lines.append(r.t("jobstep.show.hours_title"))
    lines += [r.t("jobstep.show.hours_line", user=u, hours=hours_text(m)) for u, m in hours]
    lines.append(r.t("jobstep.show.hours_total", hours=hours_text(sum(m for _, m in hours))))
    return lines


def _event_line(r: Reader, e: LifeEvent) -> str:
    actor = f"<@{e.actor}>" if e.actor[:1] in ("U", "W") else bk.escape(e.actor)
    note = f" — {bk.escape(e.note)}" if e.note else ""
    return r.t("jobstep.show.line", when=r.when(e.at), actor=actor, action=_action(r, e), note=note)


def _action(r: Reader, e: LifeEvent) -> str:
    data = _data(e.data)
    if e.action == "assigned":
        users = [u for u in data.get("users") or [] if isinstance(u, str)]
        return r.t("jobstep.event.assigned", people=r.join(f"<@{u}>" for u in users))
    if e.action == SIGNED:
        who = bk.escape(str(data.get("by_client") or ""))
        day = _day(data.get("on"))
        return r.t("jobstep.event.signed", who=who, day=r.day(day) if day else "?")
    if e.action in ("accepted", "closed", "closed_unsigned", SENT):
        return r.t(f"jobstep.event.{e.action}")
    if e.to_status and e.action == e.to_status:
        return r.t("jobstep.event.moved", status=status_name(r, e.to_status))
    return f"`{bk.escape(e.action)}`"  # a step of another kind (a reminder…), as recorded


def _data(raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
