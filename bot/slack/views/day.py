"""Block Kit of the AE's day: the day-summary DM (today's and tomorrow's lists, **Register
tomorrow**, **Write summary**), its form pre-filled from the same lists, what was saved, and
the managers' digest (`/daily team` shows the same)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from bot.rules.day import TEXT_MAX, DayFacts, Registered, Written
from bot.slack import blocks as bk
from bot.slack.texts import Reader

WRITE = "day_write"  # opens the form; value "YYYY-MM-DD:USER" (the day, whom it was sent to)
FORM = "day_form"  # callback_id of the form
REGISTER = "day_register"  # value "MEETING_ID:USER"
TODAY_BLOCK, TOMORROW_BLOCK = "today", "tomorrow"
BOXES = (TODAY_BLOCK, TOMORROW_BLOCK)
BULLET = "• "


def _hm(r: Reader, at: datetime) -> str:
    return f"{at.astimezone(r.zone):%H:%M}"


def _span(r: Reader, start: datetime, end: datetime) -> str:
    return f"{_hm(r, start)}–{_hm(r, end)}"


def today_lines(r: Reader, f: DayFacts, user: str, esc: Callable[[str], str]) -> list[str]:
    """What aebot logged of the person's day, one line each, in the order of the day's kinds."""
    lines = [
        r.t(
            "day.contact",
            time=_hm(r, c.at),
            kind=r.t(f"kind.{c.kind}"),
            client=esc(name),
            summary=esc(bk.clip(c.summary, 300)),
        )
        for c, name in f.contacts.get(user, [])
    ]
    lines += [r.t("day.report", client=esc(name)) for _, name in f.reports.get(user, [])]
    lines += [
        r.t("day.move", job=esc(job), state=r.t(f"job.status.{e.to_status}"))
        for e, job in f.moves.get(user, [])
    ]
    lines += [
        r.t("day.done", text=esc(bk.clip(i.text, 300)), client=esc(name))
        for i, name in f.done.get(user, [])
    ]
    return lines


def tomorrow_lines(
    r: Reader, f: DayFacts, user: str, start: datetime, end: datetime, esc: Callable[[str], str]
) -> list[str]:
    """What the next working day holds for the person: a later start, meetings, follow-ups,
    job deadlines."""
    lines = [r.t("day.deferred", time=_hm(r, f.deferred[user]))] if user in f.deferred else []
    for m, name in f.meetings.get(user, []):
        said = {"time": _span(r, m.starts_at, m.ends_at), "client": esc(name)}
        said["what"] = esc(m.topic)
        if m.place:
            lines.append(r.t("day.meeting_at", place=esc(m.place), **said))
        else:
            lines.append(r.t("day.meeting", **said))
    lines += [
        r.t("day.follow_up", client=esc(name), summary=esc(bk.clip(c.next_steps or c.summary, 300)))
        for c, name in f.follow_ups.get(user, [])
    ]
    for j, name in f.deadlines.get(user, []):
        if start <= j.internal_deadline < end and j.internal_deadline < j.deadline:
            lines.append(
                r.t(
                    "day.deadline_internal",
                    job=esc(j.number),
                    client=esc(name),
                    time=_hm(r, j.internal_deadline),
                )
            )
        if start <= j.deadline < end:
            lines.append(
                r.t("day.deadline", job=esc(j.number), client=esc(name), time=_hm(r, j.deadline))
            )
    return lines


def _same(text: str) -> str:
    return text


def prefill(r: Reader, f: DayFacts, user: str, start: datetime, end: datetime) -> tuple[str, str]:
    """The form's two boxes as the lists say them, plain text, one line each."""
    today = "\n".join(BULLET + line for line in today_lines(r, f, user, _same))
    plan = "\n".join(BULLET + line for line in tomorrow_lines(r, f, user, start, end, _same))
    return today, plan


def summary_dm(
    r: Reader,
    day: date,
    tomorrow: tuple[date, datetime, datetime],
    f: DayFacts,
    user: str,
    written: Written | None,
) -> tuple[str, list[bk.Block | list[bk.Block]]]:
    """The 17:30 DM's own part: the two lists, Register tomorrow per meeting away from the
    office not registered, and Write summary."""
    next_day, start, end = tomorrow
    done = today_lines(r, f, user, bk.escape)
    plan = tomorrow_lines(r, f, user, start, end, bk.escape)
    units: list[bk.Block | list[bk.Block]] = [
        bk.section(r.t("day.today_title", day=r.day(day))),
        *bk.sections([BULLET + x for x in done] or [r.t("day.nothing_today")]),
        bk.section(r.t("day.tomorrow_title", day=r.day(next_day))),
        *bk.sections([BULLET + x for x in plan] or [r.t("day.nothing_tomorrow")]),
    ]
    for m, name in f.unregistered(user):
        line = r.t(
            "day.register_line",
            time=_span(r, m.starts_at, m.ends_at),
            place=bk.escape(m.place),
            client=bk.escape(name),
        )
        button = bk.button(r.t("day.register"), REGISTER, f"{m.id}:{user}")
        units.append(bk.section(line, accessory=button))
    ask = r.t("day.written", when=r.when(written.written_at)) if written else r.t("day.ask")
    write = bk.button(r.t("day.write"), WRITE, f"{day.isoformat()}:{user}", "primary")
    units.append([bk.section(ask), bk.actions(write, block_id="day-write")])
    return r.t("day.text"), units


def read_value(value: str) -> tuple[str, str]:
    """A button's value "THING:USER" → (thing, user); ("", "") for a forged one."""
    thing, _, user = value.partition(":")
    return (thing, user) if thing and user and len(value) < 120 else ("", "")


def number(text: str) -> int:
    """A record id typed in a button's value; 0 for anything that is not one."""
    return int(text) if text.isdigit() and len(text) < 18 else 0


def registered(r: Reader, got: Registered, user: str) -> str:
    """What Register tomorrow says: registered now, or when it was already."""
    when = _span(r, got.visit.start, got.visit.end)
    when = f"{r.day(got.visit.start.astimezone(r.zone).date())} {when}"
    if got.already:
        return r.t(
            "day.registered_already",
            user=user,
            time=when,
            client=bk.escape(got.client),
            when=r.when(got.visit.created_at),
        )
    return r.t(
        "day.registered",
        time=when,
        client=bk.escape(got.client),
        place=bk.escape(got.meeting.place),
    )


def form(
    r: Reader, day: date, next_day: date, today: str, plan: str, meta: dict[str, Any]
) -> bk.Block:
    """The form: today's summary and tomorrow's plan, pre-filled, to edit."""
    body = [
        bk.context(r.t("day.modal.intro", day=r.day(day), until=r.day(next_day))),
        bk.text_input(
            TODAY_BLOCK, r.t("day.f.today"), initial=today, multiline=True, max_length=TEXT_MAX
        ),
        bk.text_input(
            TOMORROW_BLOCK, r.t("day.f.tomorrow"), initial=plan, multiline=True, max_length=TEXT_MAX
        ),
    ]
    return bk.modal(
        FORM,
        r.t("day.modal.title"),
        body,
        r.t("common.save"),
        r.t("common.cancel"),
        json.dumps(meta),
    )


def saved(r: Reader, day: date, today: str, plan: str, replaced: bool) -> str:
    key = "day.replaced" if replaced else "day.saved"
    return r.t(
        key,
        day=r.day(day),
        text=bk.escape(bk.clip(today, 1500)),
        plan=bk.escape(bk.clip(plan, 1500)),
    )


def digest(
    r: Reader,
    day: date,
    wrote: Sequence[tuple[str, Written]],
    missing: Sequence[str],
    leave: Sequence[str],
) -> tuple[str, list[bk.Block]]:
    """A manager's digest of `day`: each summary and plan, then who wrote none, then who was on
    leave, apart."""
    blocks: list[bk.Block] = [bk.section(r.t("day.digest.title", day=r.day(day)))]
    for name, d in wrote:
        blocks += bk.sections(
            [
                r.t(
                    "day.digest.person",
                    name=bk.escape(name),
                    text=bk.escape(d.today_text),
                    plan=bk.escape(d.tomorrow_text),
                )
            ]
        )
    if not wrote:
        blocks.append(bk.section(r.t("day.digest.nobody_wrote")))
    sep = "、" if r.lang == "zh" else ", "
    if missing:
        blocks += bk.sections([r.t("day.digest.missing", names=sep.join(missing))])
    if leave:
        blocks.append(bk.context(r.t("day.digest.leave", names=sep.join(leave))))
    return r.t("day.digest.text", day=r.day(day)), blocks
