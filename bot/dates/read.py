"""The one date/time parser every command uses: Chinese or English, as people say it.

`parse_when(text, now)` answers a `ParsedWhen` (aware, in the workspace zone) or a polite
`DateRefusal`; it never raises. Chinese is read by our own grammar (`bot.dates.zh`); English
by our own rules for the common forms plus dateparser (`bot.dates.en`).
Both languages are accepted whatever the member's language; it only picks the refusal
language and which grammar is tried first.

Conventions (also shown to members through `help_text`):

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
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.dates.en import parse_en
from bot.dates.examples import examples
from bot.dates.spec import Fixed, Floating, Instant, Spec, add_months
from bot.dates.zh import parse_zh

log = logging.getLogger(__name__)

MAX_LEN = 100  # longer input is refused without being parsed

# Help and refusals show example dates computed from today (bot/dates/examples.py): never past.
_EXAMPLES = {
    "zh": "明天下午3点、下周五、{eg_monday}、3天后、{eg_iso} 14:00",
    "en": "tomorrow 3pm, next friday, {eg_monday}, in 3 days, {eg_iso} 14:00",
}
_HELP = {
    "zh": (
        "日期可以这样写：{examples}、周五下午五点、今晚、月底、30号、{eg_numeric}。\n"
        "只写日期 = 当天18:00；上午=9点，中午=12点，下午=15点，傍晚=18点，晚上=20点；"
        "不带上午/凌晨的1~6点算下午（3点 = 15:00）。\n"
        "只写时间 = 今天（已过则明天）；周五 = 最近的周五（今天也算）；下周五 = 下一周的周五。\n"
        "没写年份 = 今年（超过半年前则算明年）；{eg_numeric} = {eg_day}（先写月，大于 12 的数是日）。\n"
        "时间段：19:00-22:30、晚上8点到凌晨1点、下午2点-4点、明天19:00-22:00、周五晚上7点到11点；"
        "不写日期 = 今天，结束不晚于开始 = 到第二天，最长16小时。\n"
        "日期段：{eg_span}、{eg_span_short}（同月）、下周一到周三（同一周）、"
        "{eg_iso}到{eg_iso_end}。"
    ),
    "en": (
        "Dates can be written like: {examples}, friday 5pm, tonight, eod, eow, eom.\n"
        "A date alone means 18:00 that day; morning = 9:00, afternoon = 15:00, evening = 18:00, "
        "tonight = 20:00; an hour 1-6 without am/pm is afternoon (at 3 = 15:00).\n"
        "A time alone is today (tomorrow if already past); friday = the coming Friday (today "
        "included); next friday = Friday of next week.\n"
        "No year = this year (next year if over six months ago); {eg_numeric} = {eg_day} (the "
        "month first, as in China; a number over 12 is the day).\n"
        "Time ranges: 19:00-22:30, 8pm-1am, 2-4pm, from 7pm to 10:30pm, tomorrow 19:00-22:00; "
        "no day = today, an end not after the start is the next day, at most 16 hours.\n"
        "Date ranges: {eg_span_short}, from {eg_span}, Monday to Wednesday next week, "
        "{eg_iso} to {eg_iso_end}."
    ),
}

_REFUSAL = {
    "zh": "看不懂这个日期：“{text}”。可以这样写：{examples}。",
    "en": "Sorry, I couldn't read “{text}” as a date. Try e.g. {examples}.",
}


def help_examples(lang: str, today: date) -> str:
    """A few ways to write a date, as an example line: "明天下午3点、下周五、11月30日…"."""
    lang = "en" if lang == "en" else "zh"
    return _EXAMPLES[lang].format(**examples(today, lang))


def help_text(lang: str, today: date) -> str:
    """How dates and ranges are written (`/aebot dates`), its examples ahead of `today`."""
    lang = "en" if lang == "en" else "zh"
    return _HELP[lang].format(examples=help_examples(lang, today), **examples(today, lang))


def local_day(now: datetime, tz: str) -> date:
    """`now`'s day in the zone `tz` (naive: taken as `tz`; an unknown zone: as given)."""
    try:
        zone = ZoneInfo(tz)
    except Exception:
        return now.date()
    return now.date() if now.tzinfo is None else now.astimezone(zone).date()


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
    today = local_day(now, tz)
    try:
        if not isinstance(text, str) or len(text) > MAX_LEN:
            return refusal(text, lang, today=today)
        s = clean(text)
        if not s:
            return refusal(text, lang, today=today)
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
    return refusal(text, lang, today=today)


def refusal(text: object, lang: str = "zh", *, today: date) -> DateRefusal:
    """The polite refusal for `text`, in the member's language (echo cut to 40 characters),
    with examples ahead of `today`."""
    raw = text if isinstance(text, str) else ""
    shown = " ".join(raw[: MAX_LEN * 2].split())
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    lang = "en" if lang == "en" else "zh"
    return DateRefusal(raw, _REFUSAL[lang].format(text=shown, examples=help_examples(lang, today)))


def clean(text: str) -> str:
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


def warm_up() -> list[str]:
    """Load dateparser's English data now, so that the first member's date costs no more than
    later ones. Returns how a phrase of each kind reads (they are checked by the tests)."""
    now = datetime(2026, 1, 5, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    phrases = ("nov 30", "in 2 days", "in 2 hours", "3 days ago", "明天下午3点", "friday 5pm")
    readings = [parse_when(phrase, now) for phrase in phrases]
    return [
        r.at.isoformat(timespec="minutes") if isinstance(r, ParsedWhen) else "" for r in readings
    ]
