"""The month-end DM (每月月底需向客户提交一份本月工作总结及下月工作时间计划表): for each of an AE's
active clients, the draft to send as plain text in the client's language, ready to paste, with
"Sent" (已发送给客户); around it, the AE's language. The sheet of the same (one per client) is
scheduler/month_end_files.py; both word a line the same way here."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

from bot.rules import month_end as rules
from bot.rules.month_end import ClientMonth, Line
from bot.slack import blocks as bk
from bot.slack.limits import SECTION_TEXT_MAX
from bot.slack.texts import Reader
from bot.slack.views.jobs import status_name

SENT = "month_end_sent"  # value: the Duty's id
OLD_DONE = "month_end_done"  # the button's id in DMs sent before it became "Sent"
CODE_MAX = SECTION_TEXT_MAX - 200  # of a draft's text in one code block

Post = bk.Post


def month_name(lang: str, d: date, today: date) -> str:
    """ "2026年11月" / "November 2026"; the year left out in the year it is."""
    if lang == "en":
        name = calendar.month_name[d.month]
        return name if d.year == today.year else f"{name} {d.year}"
    return f"{d.month}月" if d.year == today.year else f"{d.year}年{d.month}月"


def months(r: Reader, start: date) -> dict[str, str]:
    """The month summed up and the one planned, as the text's placeholders."""
    _, nxt, _ = rules.month_of(f"{start:%Y-%m}")
    return {
        "month": month_name(r.lang, start, r.today),
        "plan_month": month_name(r.lang, nxt, r.today),
    }


# --- a line, as the text and the sheet say it ---------------------------------------------------
def item(cr: Reader, x: Line) -> str:
    """What a line is, in the client's language."""
    if x.kind == rules.JOB:
        number, _, project = x.item.partition(" ")
        return cr.t("month_end.c.job", number=number, project=project)
    if x.kind == rules.CALLS:
        return cr.t("month_end.c.calls", kind=cr.t(f"kind.{x.step}"), n=int(x.item))
    if x.kind == rules.CONTACT:
        return cr.t("month_end.c.contact", kind=cr.t(f"kind.{x.step}"), summary=x.item)
    key = {rules.REPORT: "summary", rules.ITEM: "text", rules.FOLLOW_UP: "text"}[x.kind]
    return cr.t(f"month_end.c.{x.kind}", **{key: x.item})


def next_step(cr: Reader, x: Line) -> str:
    """A job's state, an item's owner; empty for the rest."""
    if x.kind == rules.JOB:
        return status_name(cr, x.step)
    if x.kind == rules.ITEM and x.note:
        return cr.t("month_end.c.owner", name=x.note)
    return ""


def _details(cr: Reader, x: Line) -> list[str]:
    if x.kind == rules.CALLS:
        assert x.submitted and x.completed
        first, last = cr.day(x.submitted), cr.day(x.completed)
        return [first if first == last else cr.t("month_end.c.span", first=first, last=last)]
    if x.kind == rules.REPORT:
        days = [("month_end.c.sent", x.submitted), ("month_end.c.confirmed", x.completed)]
    elif x.kind == rules.JOB:
        days = [
            ("month_end.c.submitted", x.submitted),
            ("month_end.c.completed", x.completed),
            ("month_end.c.final", x.final),
        ]
    else:
        days = [("month_end.c.on", x.submitted)]
    out = [cr.t(key, day=cr.day(d)) for key, d in days if d is not None]
    step = next_step(cr, x) if x.kind != rules.JOB or x.step != "closed" else ""
    out += [step] if step else []
    due_key = "month_end.c.due" if x.kind == rules.JOB else "month_end.c.by"
    return out + ([cr.t(due_key, day=cr.day(x.due))] if x.due else [])


def _line(cr: Reader, i: int, x: Line) -> str:
    details = "; " if cr.lang == "en" else "；"
    said = details.join(_details(cr, x))
    what = item(cr, x)
    if not said:
        return cr.t("month_end.c.line", i=i, item=what)
    return cr.t("month_end.c.details", i=i, item=what, details=said)


def client_text(cr: Reader, m: ClientMonth, start: date) -> str:
    """The draft to send, in the client's language (`cr`): the month's work, then next month's
    plan, each item with its days."""
    values = months(cr, start)
    lines = [cr.t("month_end.c.title", client=m.client, **values), ""]
    lines.append(cr.t("month_end.c.month", **values))
    lines += [_line(cr, i, x) for i, x in enumerate(m.month, 1)] or [cr.t("month_end.c.nothing")]
    lines += ["", cr.t("month_end.c.plan", **values)]
    lines += [_line(cr, i, x) for i, x in enumerate(m.plan, 1)] or [cr.t("month_end.c.no_plan")]
    return "\n".join([*lines, "", cr.t("month_end.c.close")])


# --- the DM -------------------------------------------------------------------------------------
def _code(text: str) -> list[bk.Block]:
    """The draft as code blocks (copied as is), broken between lines when long, never cut."""
    chunks: list[list[str]] = [[]]
    size = 0
    for line in bk.fit(bk.escape(text).split("\n"), CODE_MAX):
        if chunks[-1] and size + len(line) + 1 > CODE_MAX:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line) + 1
    return [bk.section(f"```{chr(10).join(c)}```") for c in chunks]


def posts(
    r: Reader, drafts: Sequence[ClientMonth], readers: dict[str, Reader], start: date, until: date
) -> list[Post]:
    """One AE's drafts, each client's with "Sent" (or when it was marked sent); `readers` by
    language write the drafts."""
    intro = r.t("month_end.intro", until=r.day(until), **months(r, start))
    units: list[bk.Unit] = [bk.section(intro)]
    for m in drafts:
        head = r.t(
            "month_end.client",
            client=bk.escape(m.client),
            language=r.t(f"month_end.lang.{m.language}"),
        )
        first = bk.section(head, block_id=f"duty-{m.duty_id}")
        unit = [first, *_code(client_text(readers[m.language], m, start))]
        if m.done_at is not None:
            unit.append(bk.context(r.t("month_end.sent", when=r.when(m.done_at))))
        else:
            first["accessory"] = bk.button(
                r.t("month_end.sent_button"), SENT, str(m.duty_id), "primary"
            )
        units.append(unit)
    return bk.parts(r.t("month_end.text", n=len(drafts)), units, r, rest="common.rest_in_thread")
