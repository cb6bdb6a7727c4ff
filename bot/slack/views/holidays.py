"""Block Kit of the holiday notices: one AE's DM (the days off, the make-up working days, the
greeting to send, and per client its notice as plain text to paste, in the client's language,
with Notified or when it was marked), and the Monday agenda's lines of clients not yet
notified."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from bot.rules.holidays import Holiday
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views.reports import code_sections

NOTIFIED = "holiday_notified"  # value: the Duty's id
Post = bk.Post


@dataclass(frozen=True)
class Notice:
    """One client to notify: its duty, its name, language and contact, and who to call."""

    duty_id: int
    client: str
    language: str  # zh or en: what the client reads
    person: str  # whom the notice is addressed to: the contact person, else the client
    ae: str  # the AE's name
    backup: str | None  # the backup's name, if the client has one
    done_at: datetime | None


class DutyFact(Protocol):
    id: int | None
    user_id: str
    done_at: datetime | None


class ClientFact(Protocol):
    name: str
    language: str
    contact_person: str
    backup_owner_id: str | None


def notices(rows: Iterable[tuple[DutyFact, ClientFact]], names: Mapping[str, str]) -> list[Notice]:
    """Each duty as its client's notice: addressed to the contact person, naming the AE it is
    for and the client's backup (by name) to call."""
    out = []
    for d, c in rows:
        backup = c.backup_owner_id if c.backup_owner_id != d.user_id else None
        out.append(
            Notice(
                d.id or 0,
                c.name,
                c.language,
                c.contact_person or c.name,
                names.get(d.user_id, d.user_id),
                names.get(backup, backup) if backup else None,
                d.done_at,
            )
        )
    return out


def holiday_name(r: Reader, h: Holiday) -> str:
    """Its name in the reader's language (春节, Spring Festival), else as the calendar has it."""
    return r.join(r.t(f"holiday.name.{k}") for k in h.kinds) or r.join(h.names)


def greeting(r: Reader, h: Holiday) -> str:
    """The greeting to send on its first day, in the reader's language."""
    return r.join(r.t(f"holiday.greeting.{k}") for k in h.kinds) or r.t("holiday.greeting.other")


def letter_day(r: Reader, d: date) -> str:
    """A day as a letter writes it: 2月5日（周五）, Friday 5 February (the year when it is not
    this year's)."""
    other_year = d.year != r.today.year
    if r.lang == "zh":
        return f"{f'{d.year}年' if other_year else ''}{d.month}月{d.day}日（{r.weekday(d)}）"
    year = f" {d.year}" if other_year else ""
    return f"{d:%A} {d.day} {d:%B}{year}"


def draft(cr: Reader, h: Holiday, n: Notice) -> str:
    """The notice to the client as plain text for an e-mail or WeChat, in its language (`cr`)."""
    days = {
        "holiday": holiday_name(cr, h),
        "first": letter_day(cr, h.first),
        "last": letter_day(cr, h.last),
        "total": str(h.days),
        "day": letter_day(cr, h.back),
    }
    lines = [cr.t("holiday.draft.to", person=n.person), cr.t("holiday.draft.off", **days)]
    if h.make_up:
        make_up = cr.join(letter_day(cr, d) for d in h.make_up)
        lines.append(cr.t("holiday.draft.make_up", make_up=make_up))
    lines.append(cr.t("holiday.draft.plan"))
    if n.backup:
        lines.append(cr.t("holiday.draft.call_backup", name=n.ae, backup_name=n.backup))
    else:
        lines.append(cr.t("holiday.draft.call", name=n.ae))
    lines += [cr.t("holiday.draft.close", greeting=greeting(cr, h)), "", n.ae]
    return "\n".join(lines)


def notice_posts(
    r: Reader,
    h: Holiday,
    notices: Sequence[Notice],
    confirmed: bool,
    client_reader: Callable[[str], Reader],
) -> list[Post]:
    """One AE's DM: the holiday, then each client's notice with Notified (the rest in its
    thread when it outgrows one message)."""
    name, first, last = holiday_name(r, h), r.day(h.first), r.day(h.last)
    days = {"first": first, "last": last, "total": str(h.days), "day": r.day(h.back)}
    intro = [r.t("holiday.intro", holiday=name, **days)]
    if h.make_up:
        intro.append(r.t("holiday.make_up", make_up=r.join(r.day(d) for d in h.make_up)))
    else:
        intro.append(r.t("holiday.no_make_up"))
    intro += [r.t("holiday.ask"), r.t("holiday.greet", first=first, greeting=greeting(r, h))]
    units: list[bk.Unit] = [bk.sections(["\n".join(intro)])]
    if not confirmed:
        units.append(bk.context(r.t("holiday.unconfirmed", year=str(h.first.year))))
    units += [_client(r, h, n, client_reader(n.language)) for n in notices]
    text = r.t("holiday.text", holiday=name, first=first, last=last)
    return bk.parts(text, units, r, rest="common.rest_in_thread")


def _client(r: Reader, h: Holiday, n: Notice, cr: Reader) -> list[bk.Block]:
    """A client's line with Notified (or when it was marked), then its notice to copy; the
    first block's id names the duty (`part_with`)."""
    lang = "en" if n.language == "en" else "zh"
    head = bk.section(r.t(f"holiday.client.{lang}", client=bk.escape(n.client)))
    head["block_id"] = f"duty-{n.duty_id}"
    out = [bk.divider(), head]
    if n.done_at is not None:
        out.append(bk.context(r.t("holiday.notified", when=r.when(n.done_at))))
    else:
        head["accessory"] = bk.button(
            r.t("holiday.notified_button"), NOTIFIED, str(n.duty_id), "primary"
        )
    return out + code_sections(draft(cr, h, n))


def part_with(posts: Sequence[Post], duty_id: int) -> Post | None:
    """The message of a split DM that carries a duty's button or its notified line."""
    block_id = f"duty-{duty_id}"
    return next((p for p in posts if any(b.get("block_id") == block_id for b in p[1])), None)


def agenda_lines(
    r: Reader, h: Holiday | None, waiting: Mapping[str, Sequence[str]], names: Mapping[str, str]
) -> list[str]:
    """The Monday agenda's part: each AE's clients not yet notified of a holiday within the
    week, by name; nothing when all are (or no holiday is near)."""
    if h is None or not waiting:
        return []
    title = r.t("holiday.agenda_title", holiday=holiday_name(r, h), first=r.day(h.first))
    rows = sorted(waiting.items(), key=lambda kv: names.get(kv[0], kv[0]))
    return [title] + [
        r.t(
            "agenda.person_list",
            name=bk.escape(names[user]) if user in names else f"<@{user}>",
            items=r.join(bk.escape(c) for c in clients),
        )
        for user, clients in rows
    ]
