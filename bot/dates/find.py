"""Dates inside sentences: "客户要求下周五前给报价", "send the quote by Friday".

`find_dates(text, now)` lists the dates a free-text sentence mentions, earliest first, each
with the words that said it. It is pure and never raises (an internal error is logged and
answers []). The conventions are `parse_when`'s (`bot.dates.read`): relative to `now` (the
time of writing) in the workspace zone, a date without a time is that day at `end_of_day`
with `has_time=False`, a weekday or a time alone is its next occurrence.

How a date is found:

1. The text is folded as the grammars see it (NFKC, lower case, traditional characters as
   simplified), keeping where each folded character came from, so that `start`/`end` index
   the ORIGINAL text.
2. One scanning regex finds *atoms*, the smallest pieces that can say a date, Chinese or
   English whatever `lang` is: 今天/明天/后天, (下)周五, 11月30日, 30号, 月底, 年底, 3天后,
   下午3点, 14:30; today, tomorrow, (next) friday, Dec 4 / 4 Dec / December 4th, eod/eow/eom,
   end of month, in 3 days, 3 days ago, 3pm, noon, at 3; and 12/1, 2026-12-01 in both.
3. Atoms next to each other (nothing between them but spaces, a comma, 的, "at" or "on") are
   one candidate; the longest run that reads is taken ("下周五下午3点" is one date, not 下周五
   and 下午3点), else a shorter one from the same start, else the next atom. A run takes at
   most one day, one time and one period ("tomorrow, friday" is two dates), except a weekday
   with a calendar date ("Fri 4 Dec", "12月4日（周五）"), which must agree: a weekday that
   contradicts its date is dropped and the calendar date kept.
4. Only what the grammar reads is a date: each run is read by `parse_zh` / `parse_en` and
   `resolve`, in the order `lang` picks, as `parse_when` does. English month names and
   offsets are first written as forms our own grammar reads ("Dec 4" -> "12/4",
   "in 3 days" -> "3天后"), so finding never calls dateparser (~0.5 ms a call).

The matched words (`Found.words`) are the date's own words: "下周五" in "下周五前给报价",
"Friday" in "by Friday" (by/before/on/until/due are not part of them, nor a trailing
前/之前/以前, which do not change the date); "at 3" keeps its "at", without which 3 is no time.
An offset keeps its direction ("3天后", "in 3 days").

Never a date: quarters (Q1, 一季度), job numbers and client codes (CR-202611-07,
上海-202611-可口可乐-001), amounts (12万, 120,000, ¥3000, 3.5k, 2000元), percentages, phone
numbers, versions (2.3, v2.3.1), counts (2 posters, 3张海报, 3点意见), bare numbers and
year-months (12, 2026, 202611), durations (2小时的会, "3 hours of work"; but 2小时后 and
"in 2 hours" are dates), a/b followed by "of"/的/% ("3/5 of the budget"), 24/7, anything
inside a URL or an e-mail address, recurring days (每周五, every friday), 今日头条. A period
alone (下午, morning), a Chinese-numeral hour alone (一点, 两点: also "a little", "two
points") and "sat"/"sun" without this/next/last count only as part of a longer date
(明天下午, 明天两点, "Sat 5 Dec"). A number glued to letters, digits, "-", "/", "." or ":"
is never read, so of a range ("2-4pm", "19:00-22:30", "12月1日-3日") at most the first
part is found; `bot.dates.ranges` reads ranges.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time
from typing import NamedTuple
from zoneinfo import ZoneInfo

from bot.dates.en import parse_en
from bot.dates.read import ParsedWhen, clean, resolve
from bot.dates.zh import _TRADITIONAL, parse_zh

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Found:
    at: datetime  # aware, in the workspace zone; a date alone is that day at end_of_day
    has_time: bool  # whether the words gave a time of day
    start: int  # where the words are in the original text
    end: int
    words: str  # text[start:end]


MAX_RUN = 4  # atoms in one date at most ("明天 下午3点" has 2, "Fri 4 Dec at 3pm" 3)

# -- the scanning regex (over the folded text; re.ASCII so that \b and \s are ASCII only) ------

_B = r"(?<![0-9a-z_.\-/:#@¥$第])"  # an Arabic number starts here: not glued to a code or amount
_CN = "零〇一二两三四五六七八九十"
_NA = rf"{_B}[0-9]{{1,2}}(?![0-9])"
_NC = rf"(?<![第几每{_CN}])[{_CN}]{{1,3}}"
_N = rf"(?:{_NA}|{_NC})"
_PER = "凌晨|半夜|早上|早晨|清晨|上午|中午|午间|下午|午后|傍晚|晚上|晚间|夜里|夜间|夜晚"
_PFX = "下下个?|下个?|上个?|本|这个?"
_WDZ = r"(?:[一二三四五六七](?![起次])|[日天]|[1-7](?![0-9]))"
_NOT_AMOUNT = r"(?![万千百亿元块%.个次张份])"
_MIN = r"半|一刻|三刻|整|[0-9]{1,2}\s*分|[0-9]{2}(?![0-9])|[一二三四五]?十[一二三四五六七八九]?分?|零?[一二三四五六七八九]分"
_HOUR = rf"[点时](?!间|候|长|段|期|代|效|尚|髦)(?:\s*钟)?(?:{_MIN})?"
_AP = r"(?:\s*[ap](?:m\b|\.m\b\.?))"

_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
_WEEKDAYS |= {"saturday": 5, "sunday": 6}
_ABBR = "mon|tues|tue|weds|wed|thurs|thur|thu|fri"
_EN_WD = "|".join([*_WEEKDAYS, *_ABBR.split("|"), "sat", "sun"])
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8}
_MONTHS |= {"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2}
_MONTHS |= {"march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9}
_MONTHS |= {"october": 10, "november": 11, "december": 12}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_CNT = "|".join(sorted(_COUNT, key=len, reverse=True))
_UNIT = {"minute": "分钟", "min": "分钟", "hour": "小时", "hr": "小时", "day": "天", "week": "周"}
_UNIT |= {"fortnight": "周", "month": "个月", "year": "个月"}
_UNITS = r"(?:minute|min|hour|hr|day|week|fortnight|month|year)s?"
_DAY_NO = r"[0-9]{1,2}(?:st|nd|rd|th)?"

# (name, flags, pattern). Flags say what an atom gives: D a day, W a weekday, C a calendar
# date, P a period of the day, T a clock time. Atoms named in _WEAK are a date only next to
# another atom. Order matters where two start at the same place: the longer form first.
_ATOMS: list[tuple[str, str, str]] = [
    # Chinese
    (
        "ymd",
        "C",
        rf"(?:{_B}[0-9]{{4}}|[零〇一二三四五六七八九]{{4}})\s*年\s*{_N}\s*月\s*{_N}(?:\s*[日号]|{_NOT_AMOUNT})",
    ),
    (
        "off",
        "D",
        rf"(?:{_N}|半)\s*个?\s*(?:天|日|周|星期|礼拜|月|小时|钟头|分钟|分)\s*(?:以后|之后|后|以前|之前|前)",
    ),
    ("md", "C", rf"{_N}\s*月\s*(?:{_N}\s*[日号]|{_NA}{_NOT_AMOUNT})"),
    ("mrel", "C", rf"(?:{_PFX})月\s*{_N}\s*[日号]"),
    ("mb", "D", rf"(?:(?:{_PFX})月|(?<![0-9{_CN}个每岁])月)\s*(?:底|末|初)"),
    ("yb", "D", rf"(?:今|本)年(?:底|末)|(?<![0-9{_CN}明去前后每])年(?:底|末)"),
    (
        "dd",
        "C",
        rf"(?<!月){_N}\s*(?:日(?![内游])|号(?![楼线室房位码栋层期届版座台机厅馆店门字件院车床球员]))",
    ),
    (
        "rel",
        "D",
        r"大后天|(?<![先最之以然])后天|明天|明日(?!方舟)|今天|今日(?!头条)|昨天|昨日|大前天|(?<![提之以此从])前天",
    ),
    ("rp", "DP", r"今早|今晚|明早|明晚|昨晚"),
    (
        "wk",
        "W",
        rf"(?:{_PFX})\s*(?:周|星期|礼拜)\s*{_WDZ}|(?<![0-9{_CN}几每个])(?:周|星期|礼拜)\s*{_WDZ}",
    ),
    ("we", "D", rf"(?:{_PFX})周末|(?<![每个])周末"),
    ("nw", "D", r"(?<!下)下个?(?:周|星期|礼拜)(?!\s*(?:[一二三四五六七](?![起次])|[1-7日天末]))"),
    (
        "zptime",
        "PT",
        rf"(?:{_PER})\s*(?:{_N}\s*{_HOUR}|{_B}[0-9]{{1,2}}:[0-9]{{2}}(?![0-9:])|{_NA}(?=\s*[ap]\.?m\b)){_AP}?",
    ),
    ("ztime", "T", rf"{_N}\s*{_HOUR}{_AP}?"),
    ("per", "P", _PER),
    # English
    ("etime", "T", rf"{_B}[0-9]{{1,2}}(?:[:.][0-9]{{2}})?{_AP}|\b(?:noon|midday|midnight)\b"),
    (
        "eat",
        "T",
        rf"\bat\s+[0-9]{{1,2}}(?![0-9]|[:.][0-9])(?=\s*(?:$|[,;!?)\]。、]|\.(?![0-9])|(?:today|tonight|tomorrow|tmrw?|on|this|next|{_EN_WD})\b))",
    ),
    ("ethisper", "DP", r"\bthis\s+(?:morning|afternoon|evening)\b"),
    ("eper", "P", r"\b(?:in\s+the\s+)?(?:morning|afternoon|evening|night)\b"),
    ("tonight", "DP", r"\btonight\b"),
    (
        "eday",
        "D",
        r"\b(?:(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday|today|tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tdy|yesterday)\b",
    ),
    (
        "eend",
        "D",
        r"\b(?:eo[dwmy]|cob|(?:end|close)\s+of\s+(?:the\s+|this\s+)?(?:next\s+)?(?:day|today|business|week|month|year))\b",
    ),
    ("eweekend", "D", r"\b(?:(?:this|next)\s+)?(?:the\s+)?weekend\b"),
    ("enextweek", "D", r"\bnext\s+week\b"),
    (
        "ewd",
        "W",
        rf"(?<!every\s)\b(?:(?:this|next|last|coming)\s+)?(?:{'|'.join(_WEEKDAYS)})\b"
        rf"|\b(?:this|next|last|coming)\s+(?:sat|sun|{_ABBR})\b"
        rf"|(?<!every\s)(?<!['’])\b(?:{_ABBR})\b",
    ),
    ("ewdweak", "W", r"(?<!every\s)(?<!['’])\b(?:sat|sun)\b"),
    ("emd", "C", rf"\b(?:{_MON})\.?\s+{_DAY_NO}\b(?![.:/][0-9])(?:,?\s+[0-9]{{4}}\b)?"),
    ("edm", "C", rf"{_B}{_DAY_NO}\s+(?:of\s+)?(?:{_MON})\b(?:,?\s+[0-9]{{4}}\b)?"),
    ("ein", "D", rf"\bin\s+(?:{_CNT}|[0-9]{{1,2}})\s+{_UNITS}\b(?!\s+of\b)"),
    ("eago", "D", rf"(?:\b(?:{_CNT})|{_B}[0-9]{{1,2}})\s+{_UNITS}\s+(?:ago|from\s+now|later)\b"),
    # both
    ("hhmm", "T", rf"(?:(?<=[0-9]t)|{_B})[0-9]{{1,2}}:[0-9]{{2}}(?![0-9:]){_AP}?"),
    (
        "num",
        "C",
        rf"{_B}(?:[0-9]{{4}}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}|[0-9]{{1,2}}/[0-9]{{1,2}}(?:/(?:[0-9]{{4}}|[0-9]{{2}}))?)(?![0-9]|[./\-][0-9]|\s*%|\s*(?:of\b|的))",
    ),
]
_WEAK = {"per", "eper", "ewdweak"}
_FLAGS = {name: flags for name, flags, _ in _ATOMS}
_FIRST = rf"(?=[0-9{_CN}下上本这大后明今昨前周星礼月年半{''.join(p[0] for p in _PER.split('|'))}]|\b[a-z])"
_SCAN = re.compile(_FIRST + "(?:" + "|".join(f"(?P<{n}>{p})" for n, _, p in _ATOMS) + ")", re.A)

_NOT_HERE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.A)
_GAP = re.compile(r"\s*(?:(?:,|的|at|on)\s*)?|t")  # what may stand between two atoms of one date
_PAREN = re.compile(r"\s*\(\s*")  # "12月4日（周五）", "Friday (Dec 4)"
_NOT_A_TIME = re.compile(
    r"\s*(?:意见|建议|修改|要求|问题|内容|想法|原因|看法|需求|反馈|共识|结论|考虑|注意|说明|理由|优势|不足|改进|[:：])"
)
_ZH_BARE_HOUR = re.compile(rf"[{_CN}]+\s*点")  # 一点, 两点: a time only next to a day
_EN_NUMBER = re.compile(rf"(?:{_CNT}|[0-9]{{1,2}})")


class _Atom(NamedTuple):
    start: int  # in the folded text
    end: int
    name: str
    flags: str
    weak: bool
    canon: str  # what the grammar reads for it


# -- the public function ---------------------------------------------------------------------


def find_dates(
    text: str,
    now: datetime,
    tz: str = "Asia/Shanghai",
    lang: str = "zh",
    end_of_day: time = time(18, 0),
) -> list[Found]:
    """The dates `text` mentions, earliest first, read relative to `now` (aware, any zone;
    naive is taken as `tz`) in the workspace zone `tz`. Never raises."""
    try:
        if not isinstance(text, str) or not text:
            return []
        zone = ZoneInfo(tz)
        local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
        folded, origin = _fold(text)
        reader = _Reader(local, lang, end_of_day)
        found = []
        for start, end, got in _runs(_atoms(folded), folded, reader):
            o_start = origin[start] if origin else start
            o_end = origin[end - 1] + 1 if origin else end
            found.append(Found(got.at, got.has_time, o_start, o_end, text[o_start:o_end]))
        return found
    except Exception:  # finding dates must never break the command that asked
        log.exception("find_dates failed on %r", text[:200] if isinstance(text, str) else text)
        return []


# -- folding ---------------------------------------------------------------------------------

_FOLDED: dict[str, str] = {}


def _fold_char(c: str) -> str:
    got = _FOLDED.get(c)
    if got is None:
        got = unicodedata.normalize("NFKC", c).lower() or " "
        if len(_FOLDED) < 20_000:
            _FOLDED[c] = got
    return got


def _fold(text: str) -> tuple[str, list[int] | None]:
    """The text as the grammars see it, and the original index of each folded character
    (None when they are the same)."""
    if text.isascii():
        return text.lower(), None
    parts = [_fold_char(c) for c in text]
    folded = "".join(parts).translate(_TRADITIONAL)
    if len(folded) == len(text):
        return folded, None
    return folded, [i for i, part in enumerate(parts) for _ in part]


# -- atoms and runs --------------------------------------------------------------------------


def _atoms(s: str) -> list[_Atom]:
    masked = (
        [(m.start(), m.end()) for m in _NOT_HERE.finditer(s)]
        if ("@" in s or "www." in s or "://" in s)
        else []
    )
    atoms = []
    for m in _SCAN.finditer(s):
        name, start, end = m.lastgroup or "", m.start(), m.end()
        if any(a < end and start < b for a, b in masked):
            continue
        words = m.group()
        weak = name in _WEAK
        canon = words
        if name == "ztime":
            if _NOT_A_TIME.match(s, end) or s[start - 1 : start] in ("第", "几"):
                continue  # 3点意见: three points, not three o'clock
            weak = bool(_ZH_BARE_HOUR.fullmatch(words)) and not s.startswith(
                ("前", "之前", "以前", "左右", "钟", "整"), end
            )
        elif name == "num":
            if words == "24/7":
                continue
        elif name in ("emd", "edm"):
            canon = _month_day(words)
        elif name in ("ein", "eago"):
            canon = _offset(words)
        atoms.append(_Atom(start, end, name, _FLAGS[name], weak, canon))
    return atoms


def _month_day(words: str) -> str:
    """ "dec 4", "4th of december", "dec. 4, 2026" -> "12/4", "12/4/2026" (month first, as
    our numeric dates read two numbers)."""
    tokens = re.findall(r"[a-z]+|[0-9]+", words)
    month = next(_MONTHS[t] for t in tokens if t in _MONTHS)
    numbers = [t for t in tokens if t.isdigit()]
    day, year = numbers[0], numbers[1:]
    return f"{month}/{day}" + (f"/{year[0]}" if year else "")


def _offset(words: str) -> str:
    """ "in 3 days" -> "3天后", "2 weeks ago" -> "2周前", "in a fortnight" -> "2周后"."""
    tokens = words.split()
    count = next(t for t in tokens if _EN_NUMBER.fullmatch(t))
    n = int(count) if count.isdigit() else _COUNT[count]
    unit = next(t for t in tokens if t.rstrip("s") in _UNIT or t in _UNIT).rstrip("s")
    n *= {"fortnight": 2, "year": 12}.get(unit, 1)
    return f"{n}{_UNIT[unit]}{'前' if tokens[-1] == 'ago' else '后'}"


def _joined(s: str, a: _Atom, b: _Atom) -> bool:
    gap = s[a.end : b.start]
    if _GAP.fullmatch(gap):
        return not (gap == "t" and a.name != "num")
    return bool(_PAREN.fullmatch(gap)) and {a.flags, b.flags} == {"W", "C"}


def _fits(run: list[_Atom]) -> bool:
    """At most one day, weekday, calendar date, period and time; a day goes with no weekday
    or date; not only weak atoms."""
    flags = "".join(a.flags for a in run)
    if len(set(flags)) != len(flags) or all(a.weak for a in run):
        return False
    return not ("D" in flags and ("W" in flags or "C" in flags))


def _runs(atoms: list[_Atom], s: str, reader: _Reader) -> Iterator[tuple[int, int, ParsedWhen]]:
    """(start, end, reading) of each date, in the folded text: the longest run that reads."""
    group: list[_Atom] = []
    for atom in [*atoms, None]:
        if atom is not None and (not group or _joined(s, group[-1], atom)):
            group.append(atom)
            continue
        yield from _read_group(_agreeing(group, reader), s, reader)
        group = [atom] if atom is not None else []


def _agreeing(group: list[_Atom], reader: _Reader) -> list[_Atom]:
    """The group without a weekday that contradicts the calendar date next to it."""
    if len(group) < 2 or not any(a.flags == "W" for a in group):
        return group
    kept = []
    for i, atom in enumerate(group):
        if atom.flags == "W":
            dates = [b for b in group[max(0, i - 1) : i + 2] if b.flags == "C"]
            if dates and not reader.same_weekday(atom, dates[0]):
                continue
        kept.append(atom)
    return kept


def _read_group(
    group: list[_Atom], s: str, reader: _Reader
) -> Iterator[tuple[int, int, ParsedWhen]]:
    i = 0
    while i < len(group):
        for k in range(min(len(group), i + MAX_RUN), i, -1):
            run = group[i:k]
            got = reader.read(run) if _fits(run) else None
            if got is not None:
                end = run[-1].end
                if (
                    len(run) > 1
                    and "(" in s[run[-2].end : run[-1].start]
                    and s.startswith(")", end)
                ):
                    end += 1  # the closing parenthesis of "12月4日（周五）"
                yield run[0].start, end, got
                i = k
                break
        else:
            i += 1


class _Reader:
    """Reads runs of atoms with the grammars, remembering what it read (summaries repeat)."""

    def __init__(self, now: datetime, lang: str, end_of_day: time) -> None:
        self.now, self.end_of_day = now, end_of_day
        self.parsers = (parse_en, parse_zh) if lang == "en" else (parse_zh, parse_en)
        self.seen: dict[str, ParsedWhen | None] = {}

    def read(self, run: list[_Atom]) -> ParsedWhen | None:
        if any(a.flags == "W" for a in run) and any(a.flags == "C" for a in run):
            run = [a for a in run if a.flags != "W"]  # agreeing already (_agreeing)
        return self.phrase(" ".join(a.canon for a in run))

    def phrase(self, text: str) -> ParsedWhen | None:
        if text in self.seen:
            return self.seen[text]
        got = None
        try:
            s = clean(text)
            for parser in self.parsers:
                spec = parser(s, self.now)
                got = resolve(spec, self.now, self.end_of_day) if spec else None
                if got:
                    break
        except Exception:  # one span we cannot read must not lose the others
            log.exception("find_dates could not read %r", text)
            got = None
        self.seen[text] = got
        return got

    def same_weekday(self, weekday: _Atom, date_atom: _Atom) -> bool:
        w, d = self.phrase(weekday.canon), self.phrase(date_atom.canon)
        return w is None or d is None or w.at.weekday() == d.at.weekday()
