"""The atoms of a date inside a sentence (`bot.dates.find`): the smallest pieces that can say a
date, Chinese or English, found by one scanning regex over the folded text.

`scan(s)` lists them in order, each with what it gives (a day, a weekday, a calendar date, a
period, a clock time), whether it is a date only next to another atom, and the form our own
grammar reads for it: English month names and offsets are rewritten ("Dec 4" -> "12/4",
"in 3 days" -> "3天后"). What is never a date (URLs, e-mail addresses, 3点意见, 24/7) is left out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

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
_NOT_A_TIME = re.compile(
    r"\s*(?:意见|建议|修改|要求|问题|内容|想法|原因|看法|需求|反馈|共识|结论|考虑|注意|说明|理由|优势|不足|改进|[:：])"
)
_ZH_BARE_HOUR = re.compile(rf"[{_CN}]+\s*点")  # 一点, 两点: a time only next to a day
_EN_NUMBER = re.compile(rf"(?:{_CNT}|[0-9]{{1,2}})")


class Atom(NamedTuple):
    start: int  # in the folded text
    end: int
    name: str
    flags: str
    weak: bool
    canon: str  # what the grammar reads for it


def scan(s: str) -> list[Atom]:
    """The atoms of the folded text `s`, in order; none inside a URL or an e-mail address."""
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
        atoms.append(Atom(start, end, name, _FLAGS[name], weak, canon))
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
