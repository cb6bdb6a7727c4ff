"""The whereabouts register (去向登记) and leave, as rules: what `/out` and `/out leave` read.

The handbook: before leaving the office to visit a client, register where you go, naming the
client company; vague entries such as "外出" (out) or "见客户" (seeing a client) count as not
registered; going straight to a client next morning, register the day before.

`/out CLIENT PURPOSE [WHEN]`: WHEN, at the end, is a time range ("14:00-17:00", "下午2点到5点"),
a date range (a trip: "12月1日到3日"), or an end alone ("到17:00", "until 5pm"); nothing means
until the end of the working day. The longest tail that reads wins, so a purpose keeps its own
words. Pure: the date grammars are `bot.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.dates import (
    MAX_LEN,
    DateRange,
    DateRefusal,
    ParsedWhen,
    TimeRange,
    local_day,
    parse_range,
    parse_when,
    range_refusal,
)
from bot.rules.clients import T
from bot.rules.people import sees_as_manager
from bot.rules.problems import Problem

PURPOSE_LIMIT = 500
NOTE_LIMIT = 500
UNTIL_MAX = timedelta(hours=16)  # "到17:00" read as more than this from the start is refused

# Words that name no client: an entry made only of these is not a registration.
VAGUE_ZH = (
    "拜访客户",
    "见客户",
    "去客户",
    "找客户",
    "客户那",
    "客户处",
    "外出",
    "出去",
    "出门",
    "出差",
    "外勤",
    "公出",
    "办事",
    "有事",
    "开会",
    "会议",
    "拜访",
    "洽谈",
    "谈事",
    "在外",
    "外面",
    "客户",
    "一下",
    "去",
    "见",
    "了",
)
VAGUE_EN = frozenset(
    (
        "out",
        "going",
        "go",
        "gone",
        "outside",
        "away",
        "client",
        "clients",
        "customer",
        "customers",
        "visit",
        "visits",
        "visiting",
        "meeting",
        "meetings",
        "meet",
        "seeing",
        "see",
        "a",
        "an",
        "the",
        "to",
        "with",
        "at",
        "for",
        "on",
        "business",
        "trip",
        "errand",
        "errands",
        "office",
        "appointment",
    )
)
_PUNCT = re.compile(r"[\s,，.。、;；:：!！?？…·\-—()（）]+")

# Leave kinds by the words people use.
_KIND_WORDS = {
    "年假": "annual",
    "年休假": "annual",
    "休假": "annual",
    "annual": "annual",
    "vacation": "annual",
    "holiday": "annual",
    "病假": "sick",
    "sick": "sick",
    "事假": "personal",
    "personal": "personal",
    "annual leave": "annual",
    "sick leave": "sick",
    "personal leave": "personal",
}
_OTHER_WORDS = ("调休", "婚假", "产假", "陪产假", "丧假", "other")  # kept in the note
_KIND = re.compile(
    "|".join(sorted((re.escape(w) for w in [*_KIND_WORDS, *_OTHER_WORDS]), key=len, reverse=True)),
    re.IGNORECASE,
)
_ASCII_WORD = re.compile(r"[a-z]+", re.IGNORECASE)

_UNTIL = re.compile(r"^(?:到|至|直到|until|till|til|to)\s*(?P<rest>\S.*)$", re.IGNORECASE)
_TIME_START = set("0123456789到至今明后上下中晚早凌傍周星")  # where a glued Chinese tail may start
_LOOKS_TIMED = re.compile(r"[0-9]{1,2}[:：][0-9]{2}|[0-9]{1,2}\s*(?:点|[ap]\.?m\b)", re.IGNORECASE)


def is_vague(text: str) -> bool:
    """Nothing but words that name no client ("外出", "见客户", "out", "seeing a client")."""
    rest = text.casefold()
    for phrase in VAGUE_ZH:
        rest = rest.replace(phrase, " ")
    words = [w for w in _PUNCT.split(rest) if w]
    return all(w in VAGUE_EN for w in words)


def starts_vague(text: str) -> bool:
    """The first word is, or starts with, a word that names no client ("拜访客户提案")."""
    first = text.split(maxsplit=1)[0].casefold() if text.split() else ""
    return first in VAGUE_EN or any(first.startswith(p) for p in VAGUE_ZH if len(p) > 1)


def named_inside(clients: Iterable[T], text: str) -> tuple[T, str] | None:
    """The one client whose full name (two characters or more) the text contains, and the text
    without it: "拜访耐克 提案" names 耐克. None if no name, or several, are in it."""
    found = [
        (c, m)
        for c in clients
        if len(c.name) > 1 and (m := re.search(re.escape(c.name), text, re.IGNORECASE))
    ]
    if len(found) != 1:
        return None
    c, m = found[0]
    return c, " ".join((text[: m.start()] + " " + text[m.end() :]).split())


def may_see_whereabouts(role: str | None, admin: bool) -> bool:
    """Managers (AM, AD, GM, the project execution director) and admins see who is out."""
    return sees_as_manager(role, admin)


Parsed = TimeRange | DateRange | ParsedWhen  # a ParsedWhen is an end alone ("到17:00")


@dataclass(frozen=True)
class Said:
    """`/out` text read: what names the client and why (`head`), and when (`when`, or None)."""

    head: str
    when: Parsed | None = None


def _cuts(text: str) -> list[int]:
    """Where a tail may start: after a space, or inside Chinese where a time begins
    ("拜访提案14:00-17:00", "拜访提案到五点")."""
    cuts = []
    for i in range(1, len(text)):
        prev, cur = text[i - 1], text[i]
        if cur.isspace():
            continue
        if prev.isspace() or (ord(prev) > 0x2E80 and cur in _TIME_START and prev not in "今明后"):
            cuts.append(i)
    return [0, *cuts]


def read_out(text: str, now: datetime, tz: str, lang: str, end_of_day: time) -> Said | DateRefusal:
    """Split `/out` text into who-and-why and when: the longest tail that reads as a range or
    as "until …". A last word that looks like a time but does not read is refused."""
    text = " ".join(text.split())
    for i in _cuts(text):
        tail = text[i:]
        if len(tail) > MAX_LEN:
            continue
        until = _UNTIL.match(tail)
        if until:
            found: object = parse_when(until["rest"], now, tz, lang, end_of_day)
        else:
            found = parse_range(tail, now, tz, lang, end_of_day)
        if isinstance(found, TimeRange | DateRange | ParsedWhen):
            return Said(text[:i].strip(), found)
    last = text.split()[-1] if text else ""
    if _LOOKS_TIMED.search(last):
        return range_refusal(last, lang, today=local_day(now, tz))
    return Said(text)


def visit_span(
    when: Parsed | None,
    now: datetime,
    day: date,
    hours: tuple[time, time],
    from_home: bool,
) -> tuple[datetime, datetime] | Problem:
    """The visit's start and end, in `now`'s zone. `day` is the visit's day (today, or the next
    working day for `/out tomorrow`, onto which a range read as today's is moved); `hours` the
    team's start and end of the working day."""
    first = _at(day, hours[0], now) if from_home else now
    if isinstance(when, TimeRange):
        shift = timedelta(days=(day - now.date()).days if when.start.date() == now.date() else 0)
        start, end = when.start + shift, when.end + shift
    elif isinstance(when, DateRange):
        start, end = max(_at(when.start, hours[0], now), now), _at(when.end, hours[1], now)
    elif isinstance(when, ParsedWhen):
        start, end = first, when.at
        if from_home and when.at.date() <= day:
            end = _at(day, when.at.time(), now)
        if when.has_time and end - start > UNTIL_MAX:
            return Problem("out.until_too_far")
    else:
        start, end = first, _at(day, hours[1], now)
    if end <= now:
        return Problem("out.already_over")
    if end <= start:
        return Problem("out.end_before_start")
    return start, end


def _at(day: date, t: time, now: datetime) -> datetime:
    return datetime.combine(day, t, tzinfo=now.tzinfo)


@dataclass(frozen=True)
class LeaveSaid:
    first: date
    last: date
    kind: str
    note: str


def leave_kind(text: str) -> tuple[str, str]:
    """The kind of leave a text names (annual, sick, personal, other) and the text without the
    kind word (a word of another kind, 调休 or 婚假, stays in it)."""
    for m in _KIND.finditer(text):
        word = m.group(0)
        if _ASCII_WORD.fullmatch(word) and not _whole_word(text, m.start(), m.end()):
            continue
        kind = _KIND_WORDS.get(word.casefold())
        if kind is None:
            return "other", text
        return kind, " ".join((text[: m.start()] + " " + text[m.end() :]).split())
    return "other", text


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def read_leave(
    text: str, now: datetime, tz: str, lang: str, end_of_day: time
) -> LeaveSaid | Problem:
    """`/out leave 12月1日 到 12月3日 年假`: the days (a date range or one day, the longest
    leading words that read), the kind, and whatever else was written as the note."""
    kind, rest = leave_kind(" ".join(text.split()))
    words = rest.split()
    for n in range(min(len(words), 12), 0, -1):
        head, note = " ".join(words[:n]), " ".join(words[n:])
        found: object = parse_range(head, now, tz, lang, end_of_day)
        if isinstance(found, TimeRange):
            return Problem("leave.whole_days")
        if isinstance(found, DateRange):
            return LeaveSaid(found.start, found.end, kind, note[:NOTE_LIMIT])
        one = parse_when(head, now, tz, lang, end_of_day)
        if isinstance(one, ParsedWhen):
            return LeaveSaid(one.at.date(), one.at.date(), kind, note[:NOTE_LIMIT])
    return Problem("leave.unreadable", {"text": rest[:40]})
