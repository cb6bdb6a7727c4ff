"""The one date/time parser every command uses: Chinese or English, as people say it.

`parse_when(text, now)` answers a `ParsedWhen` (aware, in the workspace zone) or a polite
`DateRefusal`; it never raises. Chinese is read by our own grammar (`bot.dates_zh`); English
by our own rules for the common forms plus dateparser (languages=["en"]) for month names
("Nov 30", "30 November 2027") and offsets ("in 2 days", "3 days ago", "in 2 hours").
Both languages are accepted whatever the member's language; it only picks the refusal
language and which grammar is tried first.

Conventions (also shown to members through HELP_TEXT):

- A date without a time of day is that day at `end_of_day` (18:00), `has_time=False`.
  So are 月底 / eom / eod / eow / 周末 and offsets in days ("3天后", "in 3 days").
- A period without an hour sets a time (`has_time=True`): 凌晨 01:00, 早上/上午/morning 09:00,
  中午/noon 12:00, 下午/afternoon 15:00, 傍晚/evening 18:00, 晚上/night/tonight 20:00.
  今早/明早 = that day 09:00, 今晚/明晚/tonight = that day 20:00.
- A clock hour 1..6 with no 上午/凌晨/am/pm and no leading zero is afternoon:
  "3点" = 15:00, "at 3" = 15:00, "3:30" = 15:30; write 凌晨3点 / 3am / 03:30 for the night.
  晚上12点 / midnight = 00:00 of the next day; 晚上1点 = 01:00 of the next day.
- A time alone is today if still ahead, else tomorrow ("3pm", "下午3点", "noon").
- A weekday alone (周五, friday) is its next occurrence, today included if its time (or, without
  a time, end_of_day) is still ahead. 本周X/这周X/"this X" is X of the current Monday-to-Sunday
  week, even if past. 下周X/"next X" is X of next week (said on a Monday, "next friday" is 11 days
  later). 下下周X = the week after next; 上周X/"last X" = last week. 下周 / "next week" alone =
  next week's Monday. 周末/"weekend" = the coming Saturday; 这周末/"this weekend" = this week's.
- A month/day without a year is this year unless that is over 183 days ago, then next year
  (on 2026-11-23: "11月13日" = 2026-11-13, "1月5日" = 2027-01-05).
- "30号" (no month) is the next month having that day, this month first, today included.
- Numeric dates: year first is always Y-M-D (2026-12-01, 2026/12/1). Two numbers a/b: if one is
  over 12 it is the day (30/11 and 11/30 are both 30 Nov); otherwise month first, as written
  in China: 12/1 = 1 Dec. Three numbers a/b/yyyy follow the same rule.
- 月底/eom = last day of this month; 下月底 = of next month; 下月初 = the 1st of next month;
  bare 月初 = the coming 1st (today if today is the 1st). 年底/eoy = 31 Dec.
  eod = today; eow / "end of week" = this week's Friday (even if past).
- Traditional characters (下週五, 5點) and trailing 前/之前/以前 ("周五前" = 周五) are accepted.
- Past forms are fine (昨天, 前天, 上周五, 3天前, yesterday, "3 days ago", "last friday").
- Refused: empty text, text over 100 characters, anything not a date (asap, Q1, JOB-2611-03,
  香蕉), impossible dates and times (2月30日, 13月45日, 25点, 13pm).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

from bot.dates_zh import (
    PERIOD_DEFAULT,
    Fixed,
    Floating,
    Instant,
    Spec,
    add_months,
    clock,
    month_end,
    next_weekday,
    numeric_date,
    parse_zh,
    week_day,
    year_rule,
)

log = logging.getLogger(__name__)

MAX_LEN = 100  # longer input is refused without being parsed

HELP_EXAMPLES: dict[str, str] = {
    "zh": "明天下午3点、下周五、11月30日、3天后、2026-12-01 14:00",
    "en": "tomorrow 3pm, next friday, Nov 30, in 3 days, 2026-12-01 14:00",
}

HELP_TEXT: dict[str, str] = {
    "zh": (
        f"日期可以这样写：{HELP_EXAMPLES['zh']}、周五下午五点、今晚、月底、30号、12/1。\n"
        "只写日期 = 当天18:00；上午=9点，中午=12点，下午=15点，傍晚=18点，晚上=20点；"
        "不带上午/凌晨的1~6点算下午（3点 = 15:00）。\n"
        "只写时间 = 今天（已过则明天）；周五 = 最近的周五（今天也算）；下周五 = 下一周的周五。\n"
        "没写年份 = 今年（超过半年前则算明年）；12/1 = 12月1日。"
    ),
    "en": (
        f"Dates can be written like: {HELP_EXAMPLES['en']}, friday 5pm, tonight, eod, eow, eom.\n"
        "A date alone means 18:00 that day; morning = 9:00, afternoon = 15:00, evening = 18:00, "
        "tonight = 20:00; an hour 1-6 without am/pm is afternoon (at 3 = 15:00).\n"
        "A time alone is today (tomorrow if already past); friday = the coming Friday (today "
        "included); next friday = Friday of next week.\n"
        "No year = this year (next year if over six months ago); 12/1 = 1 Dec, 30/11 = 30 Nov."
    ),
}

_REFUSAL = {
    "zh": "看不懂这个日期：“{text}”。可以这样写：{examples}。",
    "en": "Sorry, I couldn't read “{text}” as a date. Try e.g. {examples}.",
}


@dataclass(frozen=True)
class ParsedWhen:
    at: datetime  # aware, in the workspace tz
    has_time: bool  # whether the text gave a time of day


@dataclass(frozen=True)
class DateRefusal:
    text: str  # what the user typed
    message: str  # polite "could not read this date" with examples, in the member's language


def parse_when(
    text: str,
    now: datetime,
    tz: str = "Asia/Shanghai",
    lang: str = "zh",
    end_of_day: time = time(18, 0),
    *,
    past: bool = False,
) -> ParsedWhen | DateRefusal:
    """Read `text` relative to `now` (aware, any zone; naive is taken as `tz`). Never raises.

    `past=True` is for things that already happened (a contact being logged): a time or
    weekday alone then means its latest occurrence up to now ("下午3点" said at 17:00 is
    today 15:00, "周五" said on Monday is last Friday) instead of the next one."""
    try:
        if not isinstance(text, str) or len(text) > MAX_LEN:
            return refusal(text, lang)
        s = normalise(text)
        if not s:
            return refusal(text, lang)
        zone = ZoneInfo(tz)
        local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
        parsers = (parse_en, parse_zh) if lang == "en" else (parse_zh, parse_en)
        for parser in parsers:
            spec = parser(s, local)
            found = resolve(spec, local, end_of_day, past) if spec else None
            if found:
                return found
    except Exception:  # a date we cannot read must never break a command
        log.exception("parse_when failed on %r", text[:MAX_LEN] if isinstance(text, str) else text)
    return refusal(text, lang)


def refusal(text: object, lang: str = "zh") -> DateRefusal:
    """The polite refusal for `text`, in the member's language (echo cut to 40 characters)."""
    raw = text if isinstance(text, str) else ""
    shown = " ".join(raw[: MAX_LEN * 2].split())
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    lang = "en" if lang == "en" else "zh"
    return DateRefusal(raw, _REFUSAL[lang].format(text=shown, examples=HELP_EXAMPLES[lang]))


def normalise(text: str) -> str:
    """NFKC (full-width digits and colons become ASCII), lower case, single spaces, no end punctuation."""
    s = unicodedata.normalize("NFKC", text).lower()
    return " ".join(s.split()).strip(" ,.;!?。！？、")


def resolve(spec: Spec, now: datetime, end_of_day: time, past: bool = False) -> ParsedWhen | None:
    """Apply the conventions: a Spec and the local `now` -> the moment meant."""
    if isinstance(spec.day, Instant):
        return ParsedWhen(spec.day.at, True) if spec.hm is None else None
    day = spec.day
    if day is None:
        if spec.hm is None:
            return None
        today = now.date()
        day = Floating((today, today + timedelta(days=1)))
    extra, tod = 0, end_of_day
    if spec.hm is not None:
        hours, minute = spec.hm
        extra, hour = divmod(hours, 24)
        tod = time(hour, minute)

    def moment(d: date) -> datetime:
        return datetime.combine(d + timedelta(days=extra), tod, tzinfo=now.tzinfo)

    if isinstance(day, Fixed):
        return ParsedWhen(moment(day.day), spec.hm is not None)
    if past:
        return _latest(day, now, moment, spec.hm is not None)
    for d in day.days:
        if moment(d) > now:
            return ParsedWhen(moment(d), spec.hm is not None)
    return None


def _latest(
    day: Floating, now: datetime, moment: Callable[[date], datetime], has_time: bool
) -> ParsedWhen | None:
    """The latest candidate up to now: this occurrence, else the one a step (day, week, month) before."""
    first = day.days[0]
    step = day.days[1] - first if len(day.days) > 1 else timedelta(days=7)
    before = add_months(first, -1) if step.days >= 28 else first - step
    for d in (first, before):
        if (moment(d) <= now) if has_time else (d <= now.date()):
            return ParsedWhen(moment(d), has_time)
    return None


# --- English ------------------------------------------------------------------------------

_EN_TIME = re.compile(
    r"(?:\bat\s+)?(?<![0-9/:.\-])(?:"
    r"(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2}))?\s*(?P<ap>[ap])\.?m\b\.?"
    r"|(?P<h2>[0-9]{1,2}):(?P<m2>[0-9]{2})(?![0-9:])"
    r"|\b(?P<word>noon|midday|midnight)\b)"
    r"|\bat\s+(?P<h3>[0-9]{1,2})(?=\s|$)"
)
_EN_PERIOD = re.compile(
    r"\b(?:(?P<this>this|in\s+the)\s+)?(?P<per>morning|afternoon|evening|night)\b"
)
_EN_PERIODS = {"morning": "morning", "afternoon": "afternoon", "evening": "dusk", "night": "night"}
_EN_DAYS = {"today": 0, "tdy": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1, "tomorow": 1}
_EN_DAYS |= {"tommorow": 1, "tommorrow": 1, "yesterday": -1, "day after tomorrow": 2}
_EN_DAYS |= {"the day after tomorrow": 2, "day before yesterday": -2}
_EN_DAYS |= {"the day before yesterday": -2, "cob": 0}
_WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3}
_WEEKDAYS |= {"thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAYS |= {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
_WEEKDAYS |= {"saturday": 5, "sunday": 6}
_WD = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_EN_WEEKDAY = re.compile(rf"(?:(?P<pre>this|next|last|coming)\s+)?(?P<wd>{_WD})")
_EN_WEEKEND = re.compile(r"(?:(?P<pre>this|next)\s+)?(?:the\s+)?weekend")
_EN_END = re.compile(
    r"eo(?P<a>[dwmy])|(?:end|close) of (?:the |this )?(?P<next>next )?(?P<u>day|today|business|week|month|year)"
)
_EDGE = re.compile(r"^(?:(?:by|on|due|at|before|until)\s+)+|(?:\s+(?:at|on|,))+$")

_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov"}
_MONTHS |= {"dec", "january", "february", "march", "april", "june", "july", "august"}
_MONTHS |= {"september", "october", "november", "december"}
_UNITS = {"minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days"}
_UNITS |= {"week", "weeks", "fortnight", "fortnights", "month", "months", "year", "years"}
_COUNTS = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
_COUNTS |= {"ten", "eleven", "twelve"}
_GLUE = {"in", "ago", "from", "now", "later", "the", "of", "on"}
_TOKENS = _MONTHS | _UNITS | _COUNTS | _GLUE | set(_WEEKDAYS)
_NUMBER = re.compile(r"(?P<n>[0-9]{1,4})(?:st|nd|rd|th)?")


def parse_en(s: str, now: datetime) -> Spec | None:
    """Read a normalised English phrase; None if it is not one we understand or is invalid."""
    s = re.sub(r"([0-9])t([0-9])", r"\1 \2", s)  # 2026-12-01T14:00
    hm: tuple[int, int] | None = None
    period: str | None = None
    rest, this_day = s, False
    if mt := _EN_PERIOD.search(rest):  # "this afternoon" means today
        period, this_day = _EN_PERIODS[mt["per"]], mt["this"] == "this"
        rest = (rest[: mt.start()] + " " + rest[mt.end() :]).strip()
    if re.search(r"\btonight\b", rest):  # "tonight at 9" = today, night period
        if period:
            return None
        period, rest = "night", re.sub(r"\btonight\b", "today", rest)
    if mt := _EN_TIME.search(rest):
        rest = (rest[: mt.start()] + " " + rest[mt.end() :]).strip()
        hm = _en_clock(mt, period)
        if hm is None:
            return None
    rest = _EDGE.sub("", rest).strip()
    if this_day:
        if rest:
            return None
        rest = "today"
    if hm is None and period:
        hm = PERIOD_DEFAULT[period]
    if not rest:
        return Spec(None, hm) if hm else None
    day = _en_day(rest, now)
    if day is None or (isinstance(day, Instant) and hm is not None):
        return None
    return Spec(day, hm)


def _en_clock(mt: re.Match[str], period: str | None) -> tuple[int, int] | None:
    if mt["word"]:
        return (12, 0) if mt["word"] != "midnight" else (24, 0)
    raw = mt["h"] or mt["h2"] or mt["h3"]
    minute = int(mt["m"] or mt["m2"] or 0)
    bare = period is None and not mt["ap"] and not raw.startswith("0")
    return clock(int(raw), minute, period, mt["ap"], bare)


def _en_day(rest: str, now: datetime) -> Fixed | Floating | Instant | None:
    today = now.date()
    if rest in _EN_DAYS:
        return Fixed(today + timedelta(days=_EN_DAYS[rest]))
    if mt := _EN_END.fullmatch(rest):
        unit = mt["a"] or mt["u"][0]
        step = 1 if mt["next"] else 0
        if unit in ("d", "t", "b"):
            return Fixed(today + timedelta(days=step))
        if unit == "w":
            return Fixed(week_day(today, step, 4))
        if unit == "m":
            return Fixed(month_end(add_months(today.replace(day=1), step)))
        return Fixed(date(today.year + step, 12, 31))
    if mt := _EN_WEEKDAY.fullmatch(rest):
        wd, pre = _WEEKDAYS[mt["wd"]], mt["pre"]
        if pre in (None, "coming"):
            return next_weekday(today, wd)
        return Fixed(week_day(today, {"this": 0, "next": 1, "last": -1}[pre], wd))
    if mt := _EN_WEEKEND.fullmatch(rest):
        if mt["pre"] is None:
            return next_weekday(today, 5)
        return Fixed(week_day(today, 1 if mt["pre"] == "next" else 0, 5))
    if rest == "next week":
        return Fixed(week_day(today, 1, 0))
    return numeric_date(rest, today) or _dateparser(rest, now)


def _dateparser(rest: str, now: datetime) -> Fixed | Instant | None:
    """Month names and offsets via dateparser, only for text made of date words."""
    words = rest.replace(",", " ").split()
    if not words or not all(w in _TOKENS or _NUMBER.fullmatch(w) for w in words):
        return None
    numbers = [int(m["n"]) for w in words if (m := _NUMBER.fullmatch(w))]
    absolute = any(w in _MONTHS for w in words)
    if absolute:
        if any(w in _UNITS for w in words) or not any(1 <= n <= 31 for n in numbers):
            return None
    elif not (
        any(w in _UNITS for w in words)
        and (words[0] == "in" or words[-1] in ("ago", "now", "later"))
        and len(numbers) + sum(w in _COUNTS for w in words) == 1
    ):
        return None
    found = _ddp(now, absolute).get_date_data(rest)
    if found.date_obj is None:
        return None
    at = found.date_obj.astimezone(now.tzinfo)
    if not absolute:
        return Instant(at) if found.period == "time" else Fixed(at.date())
    d = at.date() if any(n > 31 for n in numbers) else year_rule(now.date(), at.month, at.day)
    said = {_WEEKDAYS[w] for w in words if w in _WEEKDAYS}
    return Fixed(d) if d and said <= {d.weekday()} else None  # "friday nov 30" is refused


def _ddp(now: datetime, absolute: bool) -> DateDataParser:
    settings = {
        "TIMEZONE": str(now.tzinfo),
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": now.replace(tzinfo=None),
        # Month/day without a year: take this year, then apply our 183-day rule (year_rule);
        # "future" would turn a date ten days ago into next year's.
        "PREFER_DATES_FROM": "current_period",
        "PARSERS": ["relative-time", "absolute-time"],
        "RETURN_TIME_AS_PERIOD": True,
    }
    if absolute:
        settings["REQUIRE_PARTS"] = ["day", "month"]
    return DateDataParser(languages=["en"], settings=settings)


# --- echo and warm-up ---------------------------------------------------------------------

_EN_WD = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def echo(at: datetime, has_time: bool = True, *, now: datetime | None = None) -> str:
    """Bilingual absolute echo: "周五 11月27日 17:00 (Fri 27 Nov 17:00)".

    The year is shown ("2027年1月5日", "5 Jan 2027") when it differs from `now`'s year
    (`now` defaults to the real clock).
    """
    ref = now or datetime.now(at.tzinfo)
    if ref.tzinfo is not None and at.tzinfo is not None:
        ref = ref.astimezone(at.tzinfo)
    show_year = at.year != ref.year
    zh = f"周{'一二三四五六日'[at.weekday()]} {f'{at.year}年' if show_year else ''}{at.month}月{at.day}日"
    en = f"{_EN_WD[at.weekday()]} {at.day} {_EN_MON[at.month - 1]}{f' {at.year}' if show_year else ''}"
    if has_time:
        hhmm = f"{at.hour:02d}:{at.minute:02d}"
        zh, en = f"{zh} {hhmm}", f"{en} {hhmm}"
    return f"{zh} ({en})"


def warm_up() -> None:
    """Load dateparser's English data now so the first member's parse is as cheap as later ones."""
    now = datetime(2026, 1, 5, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    for phrase in ("nov 30", "in 2 days", "in 2 hours", "3 days ago", "明天下午3点", "friday 5pm"):
        parse_when(phrase, now)
