"""The assign form (安排人手): the department's people by name, those already on the job ticked;
submitted, the ones newly picked get the job (handlers/job_handoff.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from bot.slack import blocks as bk
from bot.slack.limits import LABEL_MAX, OPTION_TEXT_MAX, PLACEHOLDER_MAX, SELECT_OPTIONS_MAX
from bot.slack.texts import Reader
from bot.slack.views.job_life import ASSIGN_FORM
from bot.slack.views.jobs import JobRecord, number_of

PEOPLE = "people"  # the block of the people picked


class Person(Protocol):
    user_id: str
    name: str


def department_label(r: Reader, code: str) -> str:
    return r.t(f"job.dept.{code}")


def assign_modal(
    r: Reader,
    job: JobRecord,
    people: Sequence[Person],
    on_job: Sequence[str],
    metadata: dict[str, Any],
) -> bk.Block:
    """The form: who of the department works on `job`; those on it already (`on_job`) ticked.
    A department with nobody listed shows only what to do about it."""
    department = department_label(r, job.department)
    intro = r.t(
        "handoff.assign_intro",
        number=number_of(job),
        project=bk.escape(job.project),
        department=department,
    )
    body: list[bk.Block] = [bk.section(intro)]
    options = [
        bk.option(bk.clip(p.name or p.user_id, OPTION_TEXT_MAX), p.user_id)
        for p in people[:SELECT_OPTIONS_MAX]
    ]
    if options:
        body += [_people_input(r, options, on_job), bk.context(r.t("handoff.assign_kept"))]
        submit: str | None = r.t("handoff.assign_submit")
    else:
        body.append(bk.section(r.t("handoff.assign_nobody_in_department", department=department)))
        submit = None
    return bk.modal(
        ASSIGN_FORM,
        r.t("handoff.assign_title"),
        body,
        submit,
        r.t("common.cancel"),
        json.dumps(metadata),
    )


def _people_input(r: Reader, options: list[dict[str, Any]], on_job: Sequence[str]) -> bk.Block:
    el: bk.Block = {
        "type": "multi_static_select",
        "action_id": "value",
        "options": options,
        "placeholder": bk.plain(r.t("handoff.assign_placeholder"), PLACEHOLDER_MAX),
    }
    ticked = [o for o in options if o["value"] in set(on_job)]
    if ticked:
        el["initial_options"] = ticked
    return {
        "type": "input",
        "block_id": PEOPLE,
        "label": bk.plain(r.t("handoff.assign_people"), LABEL_MAX),
        "element": el,
        "optional": False,
    }


def picked(value: object) -> list[str]:
    """The people a submitted form picked (user ids, each once, in order)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(v for v in value if isinstance(v, str) and v))[:SELECT_OPTIONS_MAX]
