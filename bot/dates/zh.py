"""Chinese date grammar: 明天下午3点, 下周五, 11月30日, 3天后, 月底, 晚上8点半 and the rest.

`parse_zh(s, now)` reads a cleaned string (NFKC, lower case, single spaces) and returns a
`Spec`, or None when it is not a date this grammar understands.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from bot.dates.spec import (
    PERIOD_DEFAULT,
    DaySpec,
    Fixed,
    Instant,
    Spec,
    add_months,
    clock,
    day_of_month,
    instant,
    month_end,
    next_weekday,
    numeric_date,
    week_day,
    year_rule,
)

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_int(s: str) -> int | None:
    """'15' / '十五' / '二十三' / '两' / '零五' / '二〇二六' -> int (None if not a number)."""
    if s.isascii() and s.isdigit():
        return int(s)
    if "十" in s:
        left, _, right = s.partition("十")
        if len(left) > 1 or len(right) > 1 or "十" in right:
            return None
        tens = _DIGITS.get(left) if left else 1
        ones = _DIGITS.get(right) if right else 0
        return None if tens is None or ones is None else tens * 10 + ones
    if len(s) == 1 or (len(s) == 2 and s[0] in "零〇") or len(s) == 4:
        digits = [_DIGITS.get(c) for c in s]
        return None if None in digits else int("".join(map(str, digits)))
    return None


_N = r"(?:[0-9]{1,2}|[零〇一二两三四五六七八九十]{1,3})"
_ZH = re.compile(
    rf"""
    (?:在|于)?\s*
    (?:(?P<date>
        (?P<ymd>(?P<y>[0-9]{{4}}|[零〇一二三四五六七八九]{{4}})\s*年\s*(?P<ym>{_N})\s*月\s*(?P<yd>{_N})\s*[日号]?)
      | (?P<md>(?P<m>{_N})\s*月\s*(?P<d>{_N})\s*[日号]?)
      | (?P<mrel>(?P<mw>下下个?|下个?|本|这个?)月\s*(?P<mrd>{_N})\s*[日号])
      | (?P<mb>(?P<mbw>下下个?|下个?|上个?|本|这个?)?月\s*(?P<mbe>底|末|初))
      | (?P<yb>(?:今|本)?年(?:底|末))
      | (?P<dd>{_N})\s*[日号]
      | (?P<rel>大后天|后天|明天|明日|今天|今日|昨天|昨日|大前天|前天)
      | (?P<rp>今早|今晚|明早|明晚|昨晚)
      | (?P<wk>(?P<wp>下下个?|下个?|上个?|本|这个?)?\s*(?:周|星期|礼拜)\s*(?P<wd>[一二三四五六日天七1-7]))
      | (?P<we>(?P<wep>下下个?|下个?|上个?|本|这个?)?\s*周末)
      | (?P<nw>下个?(?:周|星期|礼拜))
      | (?P<off>(?P<n>{_N}|半)\s*个?\s*(?P<u>天|日|周|星期|礼拜|月|小时|钟头|分钟|分)\s*
               (?P<dir>以后|之后|后|以前|之前|前))
      | (?P<num>[0-9]{{4}}[-/.][0-9]{{1,2}}[-/.][0-9]{{1,2}}|[0-9]{{1,2}}/[0-9]{{1,2}}(?:/[0-9]{{2,4}})?)
    )\s*)?
    (?:的\s*)?
    (?:(?P<per>凌晨|半夜|早上|早晨|清晨|上午|中午|午间|下午|午后|傍晚|晚上|晚间|夜里|夜间|夜晚)\s*)?
    (?P<time>
        (?P<h>{_N})\s*[点时]\s*钟?\s*(?P<mm>半|一刻|三刻|整|(?P<mi>{_N})\s*分?)?
      | (?P<h2>[0-9]{{1,2}}):(?P<mi2>[0-9]{{2}})
      | (?P<h3>[0-9]{{1,2}})(?=\s*[ap])
    )?
    (?:\s*(?P<ap>[ap])\.?m\.?)?
    """,
    re.X,
)
_PERIOD = {"凌晨": "early", "半夜": "early", "中午": "noon", "午间": "noon", "下午": "afternoon"}
_PERIOD |= {"午后": "afternoon", "傍晚": "dusk"}
_PERIOD |= dict.fromkeys(("早上", "早晨", "清晨", "上午"), "morning")
_PERIOD |= dict.fromkeys(("晚上", "晚间", "夜里", "夜间", "夜晚"), "night")
_REL = {"大后天": 3, "后天": 2, "明天": 1, "明日": 1, "今天": 0, "今日": 0}
_REL |= {"昨天": -1, "昨日": -1, "前天": -2, "大前天": -3}
_RP = {"今早": (0, "morning"), "今晚": (0, "night"), "明早": (1, "morning")}
_RP |= {"明晚": (1, "night"), "昨晚": (-1, "night")}
_WEEKS = {None: None, "本": 0, "这": 0, "这个": 0, "下": 1, "下个": 1, "下下": 2, "下下个": 2}
_WEEKS |= {"上": -1, "上个": -1}
_WEEKDAY = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6, "七": 6}
_WEEKDAY |= {str(i + 1): i for i in range(7)}
_SUFFIX = re.compile(r"(?:之前|以前|前|为止|左右)$")
_TRADITIONAL = str.maketrans("後週號點時個兩鐘這禮頭於", "后周号点时个两钟这礼头于")


def parse_zh(s: str, now: datetime) -> Spec | None:
    """Read a normalised Chinese phrase; None if it is not one we understand or is invalid."""
    s = s.translate(_TRADITIONAL)  # the traditional forms people also type
    spec = _parse(s, now)
    if spec is None and _SUFFIX.search(s):  # "周五前", "明天下午3点之前": the same moment
        spec = _parse(_SUFFIX.sub("", s).rstrip(), now)
    return spec


def _parse(s: str, now: datetime) -> Spec | None:
    mt = _ZH.fullmatch(s)
    if not mt or not (mt["date"] or mt["per"] or mt["time"]):
        return None
    if mt["ap"] and not (mt["h2"] or mt["h3"] or mt["h"]):
        return None
    period = _PERIOD.get(mt["per"] or "")
    if mt["rp"]:
        if period:
            return None
        period = _RP[mt["rp"]][1]
    day = _day(mt, now)
    if mt["date"] and day is None:
        return None
    hm: tuple[int, int] | None = None
    if mt["time"]:
        hm = _time(mt, period)
        if hm is None:
            return None
    elif period:
        hm = PERIOD_DEFAULT[period]
    if isinstance(day, Instant) and hm is not None:
        return None
    return Spec(day, hm)


def _time(mt: re.Match[str], period: str | None) -> tuple[int, int] | None:
    raw = mt["h"] or mt["h2"] or mt["h3"]
    h = cn_int(raw)
    if mt["h"]:
        m = {"半": 30, "一刻": 15, "三刻": 45, "整": 0, None: 0}.get(mt["mm"])
        if m is None:
            m = cn_int(mt["mi"])
    else:
        m = int(mt["mi2"] or 0)
    if h is None or m is None:
        return None
    bare = period is None and not mt["ap"] and not raw.startswith(("0", "零", "〇"))
    return clock(h, m, period, mt["ap"], bare)


def _day(mt: re.Match[str], now: datetime) -> DaySpec | None:
    today = now.date()
    try:
        if mt["ymd"]:
            y, m, d = cn_int(mt["y"]), cn_int(mt["ym"]), cn_int(mt["yd"])
            return Fixed(date(y, m, d)) if None not in (y, m, d) else None
        if mt["md"]:
            m, d = cn_int(mt["m"]), cn_int(mt["d"])
            found = year_rule(today, m, d) if None not in (m, d) else None
            return Fixed(found) if found else None
        if mt["mrel"]:
            d = cn_int(mt["mrd"])
            start = add_months(today.replace(day=1), mt["mw"].count("下"))
            return Fixed(start.replace(day=d)) if d else None
        if mt["mb"]:
            months = mt["mbw"].count("下") - mt["mbw"].count("上") if mt["mbw"] else 0
            start = add_months(today.replace(day=1), months)
            if mt["mbe"] != "初":
                return Fixed(month_end(start))
            if not mt["mbw"] and today.day != 1:  # bare 月初: the coming 1st
                start = add_months(start, 1)
            return Fixed(start)
        if mt["yb"]:
            return Fixed(date(today.year, 12, 31))
        if mt["dd"]:
            d = cn_int(mt["dd"])
            return day_of_month(today, d) if d else None
        if mt["rel"]:
            return Fixed(today + timedelta(days=_REL[mt["rel"]]))
        if mt["rp"]:
            return Fixed(today + timedelta(days=_RP[mt["rp"]][0]))
        if mt["wk"] or mt["we"]:
            wd = _WEEKDAY[mt["wd"]] if mt["wk"] else 5
            weeks = _WEEKS[mt["wp"] if mt["wk"] else mt["wep"]]
            return next_weekday(today, wd) if weeks is None else Fixed(week_day(today, weeks, wd))
        if mt["nw"]:
            return Fixed(week_day(today, 1, 0))
        if mt["off"]:
            return _offset(mt, now)
        if mt["num"]:
            return numeric_date(mt["num"], today)
    except (ValueError, OverflowError):
        return None
    return None


def _offset(mt: re.Match[str], now: datetime) -> DaySpec | None:
    """N天后 / 两周后 / 3个月后 / 2小时后 / 半小时后 / 3天前."""
    unit, sign = mt["u"], -1 if mt["dir"].endswith("前") else 1
    if mt["n"] == "半":
        return instant(now, sign * timedelta(minutes=30)) if unit in ("小时", "钟头") else None
    n = cn_int(mt["n"])
    if n is None:
        return None
    if unit in ("天", "日"):
        return Fixed(now.date() + timedelta(days=sign * n))
    if unit in ("周", "星期", "礼拜"):
        return Fixed(now.date() + timedelta(weeks=sign * n))
    if unit == "月":
        return Fixed(add_months(now.date(), sign * n))
    if unit in ("小时", "钟头"):
        return instant(now, sign * timedelta(hours=n))
    return instant(now, sign * timedelta(minutes=n))
