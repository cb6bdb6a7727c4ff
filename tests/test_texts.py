"""Every text of the catalogue, rendered in both languages with a sample of the right kind for
each placeholder (a count, a day, a person, a client…), as its reader would see it:

- no placeholder is left unfilled, and every call in the code with a literal key gives exactly
  the text's placeholders;
- a count of 0 is never stated as a fact ("0 项跟进", "0 clients"): a text that says a count
  is either worded so that 0 reads right (a tally: "新开 0 · 完成 2"), or its callers pass only
  positive counts and another text says "没有…/no …" (POSITIVE_ONLY);
- a Chinese text has no Latin words outside the terms an agency office writes in Latin
  (ALLOWED: AE, KV, Slack…), commands and what people type (in `code`), Slack's own tokens,
  and the values filled in.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.dates import examples
from bot.dates.examples import EXAMPLE_PREFIX
from bot.slack.messages import MESSAGES, Plural
from bot.slack.texts import Reader

ROOT = Path(__file__).resolve().parent.parent

# --- samples: (zh, en) of each placeholder, as the code fills it in ------------------------------
COUNT = "count"  # a number of things: 0, 1 and 2 are tried
SAMPLES: dict[str, tuple[str, str] | str] = {
    "action": ("批准", "approved"),
    "people": ("<@U0CW1>、<@U0CW2>", "<@U0CW1>, <@U0CW2>"),
    "actor": ("<@U0AM1>", "<@U0AM1>"),
    "admins": ("<@U0ADMIN>", "<@U0ADMIN>"),
    "after": ("23:00", "23:00"),
    "low_limit": ("≤12%", "≤12%"),
    "manager": ("U0AM1", "U0AM1"),
    "cycle": ("<@U0AE1> → <@U0AM1> → <@U0AE1>", "<@U0AE1> → <@U0AM1> → <@U0AE1>"),
    "force": ("`force`", "`force`"),
    "high_limit": ("<10%", "<10%"),
    "amount": ("¥120,000", "¥120,000"),
    "approved": ("3.5", "3.5"),
    "approver": ("U0AM1", "U0AM1"),
    "at": ("09:30", "09:30"),
    "author": ("U0AE1", "U0AE1"),
    "backup": (" · 后备 <@U0AE2>", " · backup <@U0AE2>"),
    "by": ("U0AM1", "U0AM1"),
    "cadence": ("3", "3"),
    "channel": ("C0REPORT", "C0REPORT"),
    "choices": ("`review`（内部审稿）、`progress`（制作中）", "`review` (internal review)"),
    "city": ("上海", "Shanghai"),
    "client": ("可口可乐", "Coca Cola"),
    "clients": ("可口可乐、耐克", "Coca Cola, Nike"),
    "close": ("18:00", "18:00"),
    "closed": COUNT,
    "code": ("上海-202611-可口可乐-001", "Shanghai-202611-CocaCola-001"),
    "command": ("/job", "/job"),
    "cutoff": ("17:00", "17:00"),
    "date": ("周五 12月4日", "Fri 4 Dec"),
    "day": ("周五 12月4日", "Fri 4 Dec"),
    "days": COUNT,
    "details": (
        "提交 周一 11月2日；完成 周四 11月26日",
        "submitted Mon 2 Nov; completed Thu 26 Nov",
    ),
    "deadline": ("周五 12月4日 18:00", "Fri 4 Dec 18:00"),
    "decision": ("✅ <@U0AM1> 已批准", "✅ Approved by <@U0AM1>"),
    "default": ("09:30", "09:30"),
    "department": ("创意", "Creative"),
    "done": COUNT,
    "due": ("周五 7月31日", "Fri 31 Jul"),
    "end": ("22:00", "22:00"),
    "error": ("account_inactive", "account_inactive"),
    "example": ("commission 耐克 7% 客户要求提高返点", "commission Nike 7% client asks"),
    "f": COUNT,
    "filer": ("U0AE1", "U0AE1"),
    "first": ("周一 11月23日", "Mon 23 Nov"),
    "from_": ("已接触", "contacted"),
    "high": ("60", "60"),
    "holiday": ("春节", "Spring Festival"),
    "greeting": ("春节快乐", "Happy Spring Festival"),
    "make_up": ("1月31日（周日）、2月20日（周六）", "Sunday 31 January, Saturday 20 February"),
    "backup_name": ("李娜", "Li Na"),
    "hours": ("3.5", "3.5"),
    "i": ("2", "2"),
    "id": ("12", "12"),
    "internal": ("周五 12月4日 09:00", "Fri 4 Dec 09:00"),
    "issued_by": ("U0AE1", "U0AE1"),
    "invoiced": ("¥300,000", "¥300,000"),
    "item": ("CR-202611-07 春季上新", "CR-202611-07 Spring launch"),
    "items": ("可口可乐（少 2 天）", "Coca Cola (2 short)"),
    "job": ("CR-202611-07", "CR-202611-07"),
    "job_type": ("平面", "print"),
    "key": ("contact_nudge_at", "contact_nudge_at"),
    "keys": ("contact_nudge_at、end_of_day", "contact_nudge_at, end_of_day"),
    "kind": ("电话", "call"),
    "kinds": ("电话 3、拜访 1", "call 3, visit 1"),
    "language": ("英文", "in English"),
    "last": ("周日 11月29日", "Sun 29 Nov"),
    "late": ("1.5", "1.5"),
    "limit": ("2", "2"),
    "limits": ("AE ≤5% · AM ≤10%", "AE ≤5% · AM ≤10%"),
    "link": ("https://example.com/brief", "https://example.com/brief"),
    "logged": COUNT,
    "low": ("0", "0"),
    "mark": (" ✎ 修正", " ✎ correction"),
    "max": ("150", "150"),
    "meaning": ("每个工作日早上提醒的时间", "when the morning reminder goes out"),
    "members": ("<@U0AE1>、<@U0AE2>", "<@U0AE1>, <@U0AE2>"),
    "message": ("看不懂“下下下周”。", "Couldn't read “someday”."),
    "min": ("30", "30"),
    "minutes": ("40", "40"),
    "missed": COUNT,
    "month": ("11月", "November"),
    "months": COUNT,
    "n": COUNT,
    "name": ("孙小明", "Sun Xiaoming"),
    "names": ("孙小明、李娜", "Sun Xiaoming, Li Na"),
    "new": ("U0AE2", "U0AE2"),
    "next": COUNT,
    "number": ("CR-202611-07", "CR-202611-07"),
    "note": ("已交付终稿", "final files delivered"),
    "notes": ("已交", "in"),
    "now": ("周五 11月27日 15:30", "Fri 27 Nov 15:30"),
    "of": ("5", "5"),
    "old": ("U0AE1", "U0AE1"),
    "on_time": ("3.5", "3.5"),
    "open": COUNT,
    "opened": COUNT,
    "order": ("<@U0AD1> → <@U0CS1>", "<@U0AD1> → <@U0CS1>"),
    "original": ("CR-202611-07", "CR-202611-07"),
    "overdue": COUNT,
    "owner": ("U0AE1", "U0AE1"),
    "person": ("王经理", "Mr Wang"),
    "phrase": ("下周五下午3点", "next friday 3pm"),
    "plan_month": ("12月", "December"),
    "place": ("3号会议室", "meeting room 3"),
    "plan": ("跟进可口可乐排期", "chase Coca Cola's schedule"),
    "prefix": ("CR", "CR"),
    "problem": ("看不懂时间“晚上”。", "Couldn't read the time “tonight”."),
    "problems": ("已写", "written"),
    "project": ("春季上新", "Spring launch"),
    "purpose": ("提案", "pitch"),
    "reason": ("客户要求提高返点", "the client asks for a rebate"),
    "reports": COUNT,
    "required": COUNT,
    "requester": ("U0AE1", "U0AE1"),
    "revised": COUNT,
    "revisions": ("CR-202611-07-R1（进行中）", "CR-202611-07-R1 (open)"),
    "role": ("客户经理（AM）", "account manager (AM)"),
    "roles": ("`am` 客户经理、`ae` 客户执行", "`am` account manager, `ae` account executive"),
    "second": ("7", "7"),
    "short": COUNT,
    "since": ("周四 11月26日 10:00", "Thu 26 Nov 10:00"),
    "soon": COUNT,
    "source": ("来自 <@U0AE1> 的联络报告（周一 11月23日 10:00）", "From <@U0AE1>'s contact report"),
    "span": ("11月23日–11月27日", "23 Nov – 27 Nov"),
    "stage": ("提案", "proposal"),
    "stages": ("潜在、已接触、提案", "prospect, contacted, proposal"),
    "start": ("10:00", "10:00"),
    "state": ("制作中", "in progress"),
    "status": ("进行中", "open"),
    "step": ("（第 1/2 步）", " (step 1 of 2)"),
    "steps": ("<@U0AD1> ✅ → <@U0CS1>", "<@U0AD1> ✅ → <@U0CS1>"),
    "sub": ("frobnicate", "frobnicate"),
    "suggestions": ("未写", "none"),
    "summary": ("确认了双十二方案", "agreed the 12.12 plan"),
    "target": ("CR-202611-07 春季上新", "CR-202611-07 Spring launch"),
    "text": ("排期要提前", "the schedule moves up"),
    "time": ("19:00–22:00", "19:00–22:00"),
    "title": ("耐克 · 客户佣金 7%", "Nike · client commission 7%"),
    "to": ("提案", "proposal"),
    "today": ("2026-11-27", "2026-11-27"),
    "told": ("<@U0AM1>", "<@U0AM1>"),
    "total": ("2", "2"),
    "typed": ("2026-11", "2026-11"),
    "unit": ("百分比，如 7%", "a percentage, like 7%"),
    "until": ("周五 12月4日", "Fri 4 Dec"),
    "usage": ("用法：`/aebot request 类型 …`", "Usage: `/aebot request KIND …`"),
    "user": ("U0AE1", "U0AE1"),
    "users": ("<@U0XX1>", "<@U0XX1>"),
    "value": ("09:30", "09:30"),
    "visits": ("耐克（14:00–17:00）", "Nike (14:00–17:00)"),
    "waiting": ("2", "2"),
    "warning": ("2027 年还没有官方节假日安排。", "No official calendar for 2027 yet."),
    "was": ("已接触", "contacted"),
    "week": ("48", "48"),
    "weekday": ("周五", "Fri"),
    "what": ("周报", "weekly report"),
    "when": ("周五 11月27日 15:30", "Fri 27 Nov 15:30"),
    "where": ("市内", "in-city"),
    "who": ("孙小明、李娜", "Sun Xiaoming, Li Na"),
    "word": ("maybe", "maybe"),
    "words": ("下周五", "next Friday"),
    "year": ("2027", "2027"),
    "years": ("2027", "2027"),
}
LEAVE_DAYS = ("12月1日 至 12月3日", "1 Dec to 3 Dec")
LENGTH = ("3200", "3200")  # how long something typed is: more than its limit
# where a name means something else in one text: (key, name) → sample
OTHER: dict[tuple[str, str], tuple[str, str] | str] = {
    ("status.step.delivered", "closed"): ("周三 11月25日", "Wed 25 Nov"),
    ("weekly.compiled", "next"): ("周一 11月30日", "Mon 30 Nov"),
    ("contact.next_line", "next"): ("明天寄出报价", "send the quote tomorrow"),
    ("followup.line", "next"): ("明天寄出报价", "send the quote tomorrow"),
    ("authority.outranks", "low"): ("客户经理（AM）", "account manager (AM)"),
    ("authority.outranks", "high"): ("客户总监（AD）", "account director (AD)"),
    **{
        (key, "days"): LEAVE_DAYS
        for key in (
            *("out.leave_line", "leave.overlap", "leave.recorded", "leave.recorded_off"),
            *("leave.list_line", "leave.list_line_note", "leave.cancelled", "leave.cut_short"),
        )
    },
    **{
        (key, "n"): LENGTH
        for key in (
            *("contact.too_long", "agenda.too_long", "receivable.note_too_long"),
            *("job.brief_too_short", "request.reason_too_long", "weekly.too_long"),
            *("weekly.text_too_long", "weekly.quick.saved", "weekly.quick.replaced"),
            "out.purpose_too_long",
            "creport.too_long",
            "items.too_long",
            "day.too_long",
        )
    },
    # a step of a chain of signatures, counted from 1
    **{(key, "n"): ("1", "1") for key in ("approval.progress", "approval.told.signed")},
    ("requests.step", "n"): ("1", "1"),
}

# Texts that state a count, called only with a positive one: key → the texts said when there
# are none (empty: nothing is said then, the line or the message is left out, or the rules
# never make it 0). Each was checked at its call sites.
POSITIVE_ONLY: dict[str, tuple[str, ...]] = {
    "team.title": ("team.empty",),
    "meeting.list_title": ("meeting.list_none",),
    "team.removed": ("team.removed_no_clients",),
    "team.ownerless": (),
    "agenda.jobs": ("agenda.no_jobs",),
    "agenda.waiting": ("agenda.no_waiting",),
    "agenda.missed_client": (),
    "agenda.report_count": (),
    "agenda.late_form_count": (),
    "agenda.owed_line": (),  # over 4 months
    "agenda.owed_flagged": (),  # over 6 months
    "agenda.flagged": (),
    "agenda.list_title": ("agenda.list_empty",),
    "receivable.list_title": ("receivable.none",),
    "receivable.list_title_mine": ("receivable.none_mine",),
    "status.text": (),
    "month_end.text": (),
    "month_end.c.calls": (),  # a line per kind of contact logged this month: 1 or more
    "job_deadlines.text": ("job_deadlines.text_overdue", "job_deadlines.text_soon"),
    "job_deadlines.text_overdue": (),
    "job_deadlines.text_soon": (),
    "job_deadlines.overdue": (),
    "job_deadlines.soon": (),
    "home.waiting": ("home.waiting_none",),
    "calendar.title_corrected": ("calendar.title_guessed",),
    "client.cadence.every": ("client.cadence.daily",),  # every 2 working days or more
    "client.list_mine": ("client.none",),
    "client.list_all": ("client.none",),
    "common.more": (),
    "common.rest_in_thread": (),
    "common.rest_in_dm": (),
    "nudge.text": ("nudge.text_calls", "nudge.text_follow_ups"),
    "nudge.text_calls": (),
    "nudge.text_follow_ups": (),
    "nudge.intro": (),
    "nudge.sweep_intro": (),
    "nudge.sweep_text": (),
    "nudge.last": (),  # a client due a call: a working day or more since
    "followup.intro": (),
    "sweep.escalate_text": (),
    "sweep.escalate_line": (),
    "job.list.title": ("job.list.none",),
    "outbox.failed_text": (),
    "overtime.list.title": ("overtime.list.none",),
    "overtime.report.title": ("overtime.report.none",),
    "overtime.report.person_line": (),
    "overtime.report.target_line": (),
    "overtime_reminder.body": (),  # to those with open jobs
    "overtime_cutoff.text": ("overtime_cutoff.all_done",),
    "overtime_cutoff.intro": ("overtime_cutoff.all_done",),
    "overtime_cutoff.late_count": (),
    "overtime_cutoff.approve_all": (),
    "overtime_bulk.approved": ("overtime_bulk.none",),
    "overtime_bulk.not_yours": ("overtime_bulk.none",),
    "overtime_bulk.late_wait": (),
    "friday.owed_total": (),
    "friday.client_short": ("friday.client",),
    "friday.missed_one": (),
    "friday.owed_one": (),  # over 2 months
    "friday.png_some": ("friday.png_title",),
    "requests.title.mine": ("requests.none.mine",),
    "requests.title.waiting": ("requests.none.waiting",),
    "requests.title.all": ("requests.none.all",),
    "weekly.modal.more": (),
    "weekly.saved": ("weekly.saved_none",),
    "weekly.saved_removed": (),
    "out.who_title": ("out.who_none",),
    "out.leave_title": ("out.leave_none",),
    "leave.recorded": ("leave.recorded_off",),
    "leave.list_title": ("leave.list_none",),
    "todo.mine_title": ("todo.mine_none",),
    "items.nudge_text": (),  # only when some are due
    "items.overdue_text": (),  # only to someone with overdue items
    "todo.team_title": ("todo.team_none",),
}
TODAY = date(2026, 11, 23)  # the example dates' today

# Latin a Chinese office writes as is
ALLOWED = {"AE", "AAE", "AM", "AD", "GM", "KV", "Slack", "Excel", "ID", "aebot", "Q1", "CPM"}
ALLOWED |= {"CPS", "CPA", "CSV"}


def names_in(s: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(s) if f]


def forms(key: str, lang: str) -> list[tuple[str, int | None]]:
    """The templates of a text in one language: an English Plural's two forms, each with the
    count it is used for."""
    text = MESSAGES[key][lang]
    if isinstance(text, Plural):
        return [(text.one, 1), (text.other, 2)]
    return [(text, None)]


def placeholders(key: str) -> set[str]:
    return {n for lang in ("zh", "en") for s, _ in forms(key, lang) for n in names_in(s)}


def sample(key: str, name: str, lang: str) -> str | int:
    if name.startswith(EXAMPLE_PREFIX):  # filled by the reader (bot/slack/texts.py)
        return examples(TODAY, lang)[name]
    value = OTHER.get((key, name), SAMPLES.get(name))
    assert value is not None, f"{key}: give the placeholder {{{name}}} a sample in SAMPLES"
    if value == COUNT:
        return 2
    return value[0 if lang == "zh" else 1]


def render(key: str, lang: str, **counts: int) -> Iterator[tuple[str, dict[str, object]]]:
    """Each form of the text filled with samples (counts as given, else 2, or the form's own)."""
    entry = MESSAGES[key][lang]
    for template, form_count in forms(key, lang):
        values: dict[str, object] = {n: sample(key, n, lang) for n in placeholders(key)}
        values |= counts
        if form_count is not None and isinstance(entry, Plural):
            if entry.count in counts and (counts[entry.count] == 1) != (form_count == 1):
                continue  # the form this count does not use
            values.setdefault(entry.count, form_count)
            if entry.count not in counts:
                values[entry.count] = form_count
        yield template.format(**values), values


def counts_of(key: str) -> list[str]:
    return sorted(n for n in placeholders(key) if OTHER.get((key, n), SAMPLES.get(n)) == COUNT)


# --- the checks ------------------------------------------------------------------------------
UNFILLED = re.compile(r"\{[A-Za-z_]*\}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_renders_with_every_placeholder_filled(lang: str) -> None:
    wrong = []
    for key in MESSAGES:
        for shown, _ in render(key, lang):
            if UNFILLED.search(shown) or not shown.strip():
                wrong.append(f"{key}: {shown!r}")
    assert wrong == []


ZERO_ZH = re.compile(
    r"(?<![\d.,/])0\s*(个|项|张|份|条|次|人|位|笔|天|字|处|名|周|小时|分钟)|[（(]0[）)]"
)
ZERO_EN = re.compile(r"(?<![\d.,/])0 (?!h\b)[A-Za-z]|\(0\)")


def test_a_zero_count_is_never_stated_as_a_fact() -> None:
    said = []
    for key in MESSAGES:
        for name in counts_of(key):
            for lang, zero in (("zh", ZERO_ZH), ("en", ZERO_EN)):
                for shown, _ in render(key, lang, **{name: 0}):
                    if zero.search(shown) and key not in POSITIVE_ONLY:
                        said.append(f"{key} ({name}=0, {lang}): {shown!r}")
    assert said == []


def test_each_text_called_only_with_a_positive_count_has_its_none() -> None:
    for key, nones in POSITIVE_ONLY.items():
        assert key in MESSAGES and counts_of(key), f"{key} has no count"
        for none in nones:  # each is checked as every text is, or is itself listed here
            assert none in MESSAGES, f"{key}: no text {none}"


CODE = re.compile(r"`[^`]*`")
SLASH_COMMAND = re.compile(r"/[a-z]+\b")
SLACK_TOKEN = re.compile(r"<[@#!][^>]*>|<https?://[^>]*>|https?://\S+")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9_'.-]*")


def latin_words(shown: str, values: dict[str, object]) -> set[str]:
    """The Latin words of a Chinese text that are its own: not a command or something typed (in
    `code`), not a Slack mention, link or URL, not a value filled in."""
    rest = CODE.sub(" ", shown)
    for value in sorted((str(v) for v in values.values()), key=len, reverse=True):
        if value:
            rest = rest.replace(value, " ")
    rest = SLASH_COMMAND.sub(" ", SLACK_TOKEN.sub(" ", rest))
    return {w.strip("'.-") for w in LATIN.findall(rest)} - {""}


def test_chinese_texts_have_no_latin_words_but_the_allowed_terms() -> None:
    found = {}
    for key in MESSAGES:
        for shown, values in render(key, "zh"):
            words = latin_words(shown, values) - ALLOWED
            if words:
                found[key] = sorted(words)
    assert found == {}


# --- the calls -------------------------------------------------------------------------------
def calls() -> Iterator[tuple[str, str, set[str], bool]]:
    """Each call in the product code that renders a text by a literal key: where, the key, the
    names given, and whether more may come from a ** mapping."""
    for pkg in ("bot", "handlers", "scheduler", "forms"):
        for path in sorted((ROOT / pkg).rglob("*.py")):
            if "messages" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                if name != "t":
                    continue
                at = 0 if isinstance(f, ast.Attribute) else 1  # r.t(key, …) or t(lang, key, …)
                keys = node.args[at : at + 1]
                if not keys or not isinstance(keys[0], ast.Constant):
                    continue
                given = {k.arg for k in node.keywords if k.arg}
                spread = any(k.arg is None for k in node.keywords)
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                yield where, str(keys[0].value), given, spread


def test_every_call_gives_exactly_the_texts_placeholders() -> None:
    wrong = []
    seen = 0
    for where, key, given, spread in calls():
        if key not in MESSAGES:
            wrong.append(f"{where}: no text {key!r}")
            continue
        seen += 1
        needed = {n for n in placeholders(key) if not n.startswith(EXAMPLE_PREFIX)}
        missing, extra = needed - given, given - needed
        if (missing and not spread) or extra:
            wrong.append(f"{where}: {key} missing {sorted(missing)} extra {sorted(extra)}")
    assert wrong == []
    assert seen > 300  # the scan sees the code's calls


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_template_words_its_lines_as_t_does(lang: str) -> None:
    """`Reader.template` (a long list's line looked up once) gives what `Reader.t` gives: for a
    plain text, a text with a plural, and one with example dates computed from today."""
    sh = ZoneInfo("Asia/Shanghai")
    r = Reader(lang, sh, datetime(2026, 12, 7, 10, 0, tzinfo=sh))
    line = {"client": "耐克", "code": "C-001", "where": "本地", "last": "上次联络"}
    assert r.template("nudge.list_line")(**line) == r.t("nudge.list_line", **line)
    for n in (1, 3):
        assert r.template("nudge.text_calls")(n=n) == r.t("nudge.text_calls", n=n)
    assert r.template("contact.f.follow_up_ph")() == r.t("contact.f.follow_up_ph")
