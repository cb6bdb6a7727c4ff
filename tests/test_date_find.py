"""bot.dates.find: the dates a sentence mentions, with their words (zh and en).

Expected values are worked out by hand from the conventions in bot/dates/read.py, relative to
the fixed nows of tests/date_phrases.py (MON = Monday 2026-11-23 10:00 Asia/Shanghai).
SUMMARY_ZH / SUMMARY_EN are also what bench/bench_find.py times.
"""

from __future__ import annotations

import time as clock
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

import bot.dates.find as find
from bot.dates.find import DateFinder, Found, find_dates
from tests.date_phrases import NOWS

MON, FRI, SUN = NOWS["MON"], NOWS["FRI"], NOWS["SUN"]


def _d(day: str) -> tuple[str, bool]:
    return f"{day}T18:00:00+08:00", False


def _t(moment: str) -> tuple[str, bool]:
    return f"{moment}:00+08:00", True


def found(text: str, now: datetime = MON, lang: str = "zh", **kw: object) -> list[tuple]:
    """(ISO, has_time, words) of each date found, checking that words index the text."""
    got = find_dates(text, now, lang=lang, **kw)
    for f in got:
        assert isinstance(f, Found)
        assert text[f.start : f.end] == f.words
        assert f.at.tzinfo is not None
    return [(f.at.isoformat(), f.has_time, f.words) for f in got]


# -- the issue's examples ----------------------------------------------------------------------


def test_the_issues_chinese_example() -> None:
    assert found("客户要求下周五前给报价") == [(*_d("2026-12-04"), "下周五")]


def test_the_issues_english_example() -> None:
    # "by" is not part of the words: the date is "Friday"
    assert found("send the quote by Friday", lang="en") == [(*_d("2026-11-27"), "Friday")]


def test_either_language_is_found_whatever_lang() -> None:
    for lang in ("zh", "en"):
        assert found("客户要求下周五前给报价", lang=lang)[0][2] == "下周五"
        assert found("send the quote by Friday", lang=lang)[0][2] == "Friday"


def test_positions_index_the_original_text() -> None:
    text = "客户要求下周五前给报价"
    (f,) = find_dates(text, MON)
    assert (f.start, f.end, f.words, f.has_time) == (4, 7, "下周五", False)
    assert f.at == datetime(2026, 12, 4, 18, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_a_finder_for_many_lines_finds_what_each_alone_would() -> None:
    """`DateFinder` (the lines of a form's box, read at one moment) remembers a phrase read
    on one line for the next, and finds exactly what `find_dates` finds in each line."""
    lines = [
        "@Dan 下周五前提供报价",
        "下周五前 交初稿（周五）",
        "ＡＢ 12月4日（周五）前",  # fullwidth letters: folded, positions kept
        "send the deck by Friday 3pm",
        "nothing to date here",
        "",
        "明天下午3点 and tomorrow",
    ]
    finder = DateFinder(MON, lang="zh")
    for line in lines:
        assert finder.find(line) == find_dates(line, MON, lang="zh"), line
    assert [f.words for f in finder.find("ＡＢ 12月4日（周五）前")] == ["12月4日（周五）"]


# -- one date, longest match -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("下周五下午3点开会", (*_t("2026-12-04T15:00"), "下周五下午3点")),
        ("明天下午3点前发我", (*_t("2026-11-24T15:00"), "明天下午3点")),
        ("今天要交", (*_d("2026-11-23"), "今天")),
        ("后天见", (*_d("2026-11-25"), "后天")),
        ("周五前回复", (*_d("2026-11-27"), "周五")),
        ("下周五之前", (*_d("2026-12-04"), "下周五")),
        ("11月30日交稿", (*_d("2026-11-30"), "11月30日")),
        ("12月1日上线", (*_d("2026-12-01"), "12月1日")),
        ("月底结算", (*_d("2026-11-30"), "月底")),
        ("3天后跟进", (*_d("2026-11-26"), "3天后")),
        ("下午3点过稿", (*_t("2026-11-23T15:00"), "下午3点")),
        ("2小时后回电", (*_t("2026-11-23T12:00"), "2小时后")),
        ("30号之前", (*_d("2026-11-30"), "30号")),
        ("下个月5号启动", (*_d("2026-12-05"), "下个月5号")),
        ("下月初再说", (*_d("2026-12-01"), "下月初")),
        ("年底前完成", (*_d("2026-12-31"), "年底")),
        ("今晚8点半开会", (*_t("2026-11-23T20:30"), "今晚8点半")),
        ("明早发", (*_t("2026-11-24T09:00"), "明早")),
        ("2026年12月1日起", (*_d("2026-12-01"), "2026年12月1日")),
        ("二〇二六年十二月一日", (*_d("2026-12-01"), "二〇二六年十二月一日")),
        ("12/1交", (*_d("2026-12-01"), "12/1")),
        ("2026-12-01 14:00开会", (*_t("2026-12-01T14:00"), "2026-12-01 14:00")),
        ("下週五下午5點", (*_t("2026-12-04T17:00"), "下週五下午5點")),  # traditional
        ("ＱＵＯＴＥ：明天下午３点", (*_t("2026-11-24T15:00"), "明天下午３点")),  # full width
        ("下周一起讨论", (*_d("2026-11-30"), "下周")),  # 一起 = together; 下周 = next Monday
        ("12月4日（周五）开会", (*_d("2026-12-04"), "12月4日（周五）")),
        ("周五 3pm", (*_t("2026-11-27T15:00"), "周五 3pm")),
    ],
)
def test_one_chinese_date(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", (*_d("2026-11-24"), "tomorrow")),
        ("see you friday", (*_d("2026-11-27"), "friday")),
        ("ship it next friday", (*_d("2026-12-04"), "next friday")),
        ("deliver by Friday at 5pm", (*_t("2026-11-27T17:00"), "Friday at 5pm")),
        ("due Dec 4", (*_d("2026-12-04"), "Dec 4")),
        ("due 4 Dec", (*_d("2026-12-04"), "4 Dec")),
        ("due December 4th", (*_d("2026-12-04"), "December 4th")),
        ("due on the 4th of December", (*_d("2026-12-04"), "4th of December")),
        ("due Dec 4, 2027", (*_d("2027-12-04"), "Dec 4, 2027")),
        ("Follow up on Fri 4 Dec", (*_d("2026-12-04"), "Fri 4 Dec")),
        ("Friday (Dec 4) works", (*_d("2026-12-04"), "Friday (Dec 4)")),
        ("by the end of month", (*_d("2026-11-30"), "end of month")),
        ("by the end of next week", (*_d("2026-12-04"), "end of next week")),
        ("please send eod", (*_d("2026-11-23"), "eod")),
        ("eow is fine", (*_d("2026-11-27"), "eow")),
        ("in 3 days", (*_d("2026-11-26"), "in 3 days")),
        ("call back in 2 hours", (*_t("2026-11-23T12:00"), "in 2 hours")),
        ("back in a fortnight", (*_d("2026-12-07"), "in a fortnight")),
        ("sent 3 days ago", (*_d("2026-11-20"), "3 days ago")),
        ("1 week from now", (*_d("2026-11-30"), "1 week from now")),
        ("call at 3pm", (*_t("2026-11-23T15:00"), "3pm")),
        ("call at 3.", (*_t("2026-11-23T15:00"), "at 3")),  # "at" is what makes 3 a time
        ("review tomorrow at 10am", (*_t("2026-11-24T10:00"), "tomorrow at 10am")),
        ("at 3 tomorrow", (*_t("2026-11-24T15:00"), "at 3 tomorrow")),
        ("5pm on friday", (*_t("2026-11-27T17:00"), "5pm on friday")),
        ("this afternoon", (*_t("2026-11-23T15:00"), "this afternoon")),
        ("tomorrow night", (*_t("2026-11-24T20:00"), "tomorrow night")),
        ("tonight", (*_t("2026-11-23T20:00"), "tonight")),
        ("over the weekend", (*_d("2026-11-28"), "the weekend")),
        ("next week", (*_d("2026-11-30"), "next week")),
        ("noon works", (*_t("2026-11-23T12:00"), "noon")),
        ("the day after tomorrow", (*_d("2026-11-25"), "the day after tomorrow")),
        ("2026-12-01T14:00", (*_t("2026-12-01T14:00"), "2026-12-01T14:00")),
        ("Sat 5 Dec", (*_d("2026-12-05"), "Sat 5 Dec")),
        ("11/30", (*_d("2026-11-30"), "11/30")),
    ],
)
def test_one_english_date(text: str, expected: tuple) -> None:
    assert found(text, lang="en") == [expected]


def test_relative_to_the_time_of_writing() -> None:
    # said on Friday 16:00: friday is today (18:00 still ahead), 3pm is tomorrow
    assert found("周五 and 3pm", FRI) == [
        (*_d("2026-11-27"), "周五"),
        (*_t("2026-11-28T15:00"), "3pm"),
    ]
    # said on Sunday 21:00: Sunday's 18:00 is past, so the next one
    assert found("sunday", SUN, lang="en") == [(*_d("2026-12-06"), "sunday")]


def test_the_workspace_zone_and_end_of_day() -> None:
    utc_now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai
    assert found("明天", utc_now) == [(*_d("2026-11-24"), "明天")]
    (f,) = find_dates("tomorrow", MON, tz="America/New_York", lang="en")
    assert f.at.isoformat() == "2026-11-23T18:00:00-05:00"  # Sunday 21:00 there
    assert found("明天", end_of_day=time(17, 30)) == [("2026-11-24T17:30:00+08:00", False, "明天")]
    assert found("明天", datetime(2026, 11, 23, 10, 0)) == [(*_d("2026-11-24"), "明天")]  # naive


# -- several dates -----------------------------------------------------------------------------


def test_several_dates_in_order() -> None:
    assert found("明天下午3点内部过稿，后天发客户，12月4日前定稿，月底结案") == [
        (*_t("2026-11-24T15:00"), "明天下午3点"),
        (*_d("2026-11-25"), "后天"),
        (*_d("2026-12-04"), "12月4日"),
        (*_d("2026-11-30"), "月底"),
    ]
    assert found("Review tomorrow at 10am, send Friday, launch Dec 1 and report in 2 weeks") == [
        (*_t("2026-11-24T10:00"), "tomorrow at 10am"),
        (*_d("2026-11-27"), "Friday"),
        (*_d("2026-12-01"), "Dec 1"),
        (*_d("2026-12-07"), "in 2 weeks"),
    ]


def test_mixed_chinese_and_english() -> None:
    assert found("明天 call 客户, send deck by Friday 3pm，下周三前给报价") == [
        (*_d("2026-11-24"), "明天"),
        (*_t("2026-11-27T15:00"), "Friday 3pm"),
        (*_d("2026-12-02"), "下周三"),
    ]


def test_days_next_to_each_other_are_separate_dates() -> None:
    assert [w for *_, w in found("明天后天都行")] == ["明天", "后天"]
    assert [w for *_, w in found("tomorrow, friday or monday", lang="en")] == [
        "tomorrow",
        "friday",
        "monday",
    ]


def test_a_weekday_that_contradicts_its_date_is_dropped() -> None:
    # 30 Nov 2026 is a Monday: the calendar date is kept
    assert found("11月30日（周五）交稿") == [(*_d("2026-11-30"), "11月30日")]
    assert found("Fri 30 Nov", lang="en") == [(*_d("2026-11-30"), "30 Nov")]


# -- never a date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # quarters
        "Q1",
        "Q3 review",
        "一季度",
        "第三季度",
        "Q1 2027",
        "Q1提案",
        # job numbers and client codes
        "CR-202611-07",
        "CR-202611-07-R1",
        "上海-202611-可口可乐-001",
        "Beijing-202611-Nike-002",
        "JOB-2611-03",
        # amounts and percentages
        "12万",
        "120,000",
        "¥3000",
        "￥3000",
        "3.5k",
        "2000元",
        "11月30万元",
        "7%",
        "12.5%",
        # phone numbers
        "13812345678",
        "138-1234-5678",
        # versions
        "2.3",
        "v2.3.1",
        # counts
        "2 posters",
        "3张海报",
        "5个尺寸",
        "2 sizes",
        "客户提了3点意见",
        "三点建议",
        "再快一点",
        "look at 3 options",
        "第3号方案",
        "5号楼",
        "1号线",
        # bare numbers and year-months
        "12",
        "2026",
        "202611",
        "2026年",
        "2026年11月",
        # durations
        "3 hours of work",
        "done in 3 hours of work",
        "开了2小时的会",
        "2小时的会议",
        "三日内完成",
        # ratios
        "3/5 of the budget",
        "3/5的预算",
        "24/7 support",
        "3/5%",
        "score 3:2",
        # e-mail and web addresses
        "bob.2026-12-01@agency.com",
        "bob+12/1@agency.com",
        "https://example.com/brief?due=2026-12-01",
        "www.example.com/12/1",
        # recurring, names, periods alone
        "每周五例会",
        "every friday",
        "fridays",
        "今日头条",
        "下午开会",
        "morning",
        "we sat down",
        "c'mon",
        # ranges start glued to a number: not read here (bot.dates.ranges reads them)
        "2-4pm",
        # markup and code
        "'; DROP TABLE contacts; --",
        "1 OR 1=1",
        "<script>alert(1)</script>",
        "%s %d {0} {text}",
        "",
        "   ",
        "😀🎉",
        "\u202e\u200b\x00",
    ],
)
def test_never_a_date(text: str) -> None:
    for lang in ("zh", "en"):
        assert found(text, lang=lang) == [], text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Q1提案下周三前给客户，预算12万", ["下周三"]),
        ("CR-202611-07 明天交", ["明天"]),
        ("CR-202611-07-R1 due Friday", ["Friday"]),
        ("上海-202611-可口可乐-001 月底结案", ["月底"]),
        ("Beijing-202611-Nike-002: kickoff next monday", ["next monday"]),
        ("预算120,000，¥3000杂项，3天后确认", ["3天后"]),
        ("3.5k budget, 2000元 deposit, 7% fee, pay by Dec 4", ["Dec 4"]),
        ("打13812345678，或138-1234-5678，周五前", ["周五"]),
        ("v2.3.1 ships 12/1", ["12/1"]),
        ("3张海报和5个尺寸，下周一交", ["下周一"]),
        ("2 posters and 2 sizes by tomorrow", ["tomorrow"]),
        ("开了2小时的会，2小时后回电", ["2小时后"]),
        ("3 hours of work, due in 3 days", ["in 3 days"]),
        ("3/5 of the budget spent; next check 12/1", ["12/1"]),
        ("mail bob.2026-12-01@x.com by 12/3", ["12/3"]),
        ("Q1 2027 plan, draft by eow", ["eow"]),
    ],
)
def test_only_the_real_date_when_mixed(text: str, words: list[str]) -> None:
    for lang in ("zh", "en"):
        assert [w for *_, w in found(text, lang=lang)] == words


# -- long, odd and hostile text ----------------------------------------------------------------

SUMMARY_ZH = (
    "【通话纪要】客户：可口可乐（上海-202611-可口可乐-001），对接人王经理，电话13812345678。"
    "本次沟通了Q1提案和第三季度的投放复盘。客户对上一版KV整体满意，但提了3点意见：一是主视觉的红色"
    "再饱和一点；二是海报需要出5个尺寸，其中3张海报要加二维码；三是文案里的“焕新”换成更口语的说法。"
    "工作单CR-202611-07已经更新为CR-202611-07-R1，设计部确认两天内可以出修改稿。预算方面，客户同意"
    "在原有12万的基础上追加3.5万，总额控制在15.5万以内，媒介费用占比不超过7%，税点按6.5%计算。"
    "客户要求下周五前给报价，报价单需要区分制作费和媒介费，¥3000以下的杂项可以合并。另外，"
    "客户下周三下午3点会来公司看样，届时需要准备好打印稿（A3和A4两种规格）以及v2.3版的H5演示。"
    "媒介组需要在11月30日前确认抖音和今日头条的排期，12月1日起投放，为期2周，12/15做中期复盘。"
    "王经理提到他们内部12月4日（周五）开年度预算会，希望我们月底前把全年框架方案发过去，"
    "方案控制在30页以内，附上2026年的案例数据和2000元以内的打样费用说明。开了2小时的会，整体气氛不错，"
    "客户对我们上季度的执行评价是4.5分（满分5分），认可率约92%，比去年提升了3个百分点。"
    "竞品方面，客户提到百事本季度在抖音投了约120,000元的信息流，CTR在1.2%左右，建议我们参考。"
    "另外客户希望把小红书的达人合作从2位增加到5位，每位报价控制在8000元以内，内容需在发布前48小时提交审核。"
    "物料清单：主KV 1张、延展海报3张、朋友圈广告5个尺寸、短视频脚本2版（15秒和30秒各一版），"
    "所有源文件按项目编号归档，命名规则为“客户-年月-项目-序号”，例如上海-202611-可口可乐-001-KV-v3。"
    "财务提醒：上一笔款项12万已到账，剩余3.5万按合同约定在验收后支付，发票抬头与去年一致。"
    "后续安排：明天上午10点内部过稿，后天把修改稿发给客户确认；3天后跟进一次样品进度；"
    "如客户有新的反馈，请在群里同步，并更新到系统。备注：北京-202611-耐克-002 的项目本周不动，"
    "下月初再启动，届时联系李总（138-1234-5678），邮件li.zong@nike-example.com。"
    "会议记录人：张三。以上内容如有遗漏请补充，谢谢。"
)
SUMMARY_ZH_DATES = [
    (*_d("2026-12-04"), "下周五"),
    (*_t("2026-12-02T15:00"), "下周三下午3点"),
    (*_d("2026-11-30"), "11月30日"),
    (*_d("2026-12-01"), "12月1日"),
    (*_d("2026-12-15"), "12/15"),
    (*_d("2026-12-04"), "12月4日（周五）"),
    (*_d("2026-11-30"), "月底"),
    (*_t("2026-11-24T10:00"), "明天上午10点"),
    (*_d("2026-11-25"), "后天"),
    (*_d("2026-11-26"), "3天后"),
    (*_d("2026-12-01"), "下月初"),
]
SUMMARY_EN = (
    "Call summary - Coca-Cola (client code Shanghai-202611-CocaCola-001), with Ms Wang, "
    "phone 13812345678. We went through the Q1 proposal and the Q3 2026 media review. The "
    "client liked the last key visual but raised 3 points: a more saturated red, 5 poster "
    "sizes (2 posters need a QR code) and a less formal headline. Job CR-202611-07 is now "
    "CR-202611-07-R1; the revision takes 2 days of work. Budget: +35,000 on top of 120,000, "
    "media under 7%, tax 6.5%, items under ¥3000 merged. The client asked us to send the quote "
    "by Friday. Ms Wang visits next Wednesday at 3pm to see the prints and the v2.3.1 demo. "
    "Media must confirm the Douyin schedule before Nov 30; the flight starts Dec 1 and runs "
    "2 weeks, mid-flight review on 12/15. Their budget meeting is on Fri 4 Dec, so they want "
    "our framework by end of month. The meeting took 2 hours. Next steps: internal review "
    "tomorrow at 10am, revision to the client the day after tomorrow, samples follow-up in 3 "
    "days. Nike (Beijing-202611-Nike-002) restarts next month; call Mr Li on 138-1234-5678."
)
SUMMARY_EN_DATES = [
    (*_d("2026-11-27"), "Friday"),
    (*_t("2026-12-02T15:00"), "next Wednesday at 3pm"),
    (*_d("2026-11-30"), "Nov 30"),
    (*_d("2026-12-01"), "Dec 1"),
    (*_d("2026-12-15"), "12/15"),
    (*_d("2026-12-04"), "Fri 4 Dec"),
    (*_d("2026-11-30"), "end of month"),
    (*_t("2026-11-24T10:00"), "tomorrow at 10am"),
    (*_d("2026-11-25"), "the day after tomorrow"),
    (*_d("2026-11-26"), "in 3 days"),
]


def test_a_summary_of_a_thousand_characters() -> None:
    assert 950 <= len(SUMMARY_ZH) <= 1100 and 950 <= len(SUMMARY_EN) <= 1100
    assert found(SUMMARY_ZH) == SUMMARY_ZH_DATES
    assert found(SUMMARY_EN, lang="en") == SUMMARY_EN_DATES


def test_emoji_do_not_shift_the_positions() -> None:
    text = "📅明天🎉下午3点😀 ship 🚀 by Friday 🙏"
    assert found(text) == [
        (*_d("2026-11-24"), "明天"),
        (*_t("2026-11-23T15:00"), "下午3点"),
        (*_d("2026-11-27"), "Friday"),
    ]


def test_characters_that_fold_to_several_keep_the_positions() -> None:
    # "ﬁ" and "İ" fold to two characters, "½" to three: the words still index the original
    text = "½ done, ﬁnal İİ ﬁle due friday, 明天"
    assert [w for *_, w in found(text)] == ["friday", "明天"]


def test_markup_and_code() -> None:
    assert found("*明天下午3点* <b>review</b> `due: 12/1`") == [
        (*_t("2026-11-24T15:00"), "明天下午3点"),
        (*_d("2026-12-01"), "12/1"),
    ]
    assert found("SELECT * FROM jobs WHERE due < '2026-12-01';", lang="en") == [
        (*_d("2026-12-01"), "2026-12-01")
    ]
    assert found("<@U0AE01> 周五前 &lt;urgent&gt;") == [(*_d("2026-11-27"), "周五")]


def test_ten_thousand_characters_return_quickly() -> None:
    chunk = "明天下午3点 send by Friday 预算12万 CR-202611-07 😀 "
    text = (chunk * (10_000 // len(chunk) + 1))[:10_000]
    start = clock.perf_counter()
    got = find_dates(text, MON)
    assert clock.perf_counter() - start < 1.0  # a generous bound: about 10 ms on a laptop
    assert len(got) >= 2 * (10_000 // len(chunk))
    assert all(text[f.start : f.end] == f.words for f in got)
    for junk in ("x" * 10_000, "3" * 10_000, "明天" * 5_000, "12/1 " * 2_000):
        start = clock.perf_counter()
        find_dates(junk, MON)
        assert clock.perf_counter() - start < 1.0


def test_internal_errors_are_logged_and_answer_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(find, "scan", boom)
    assert find_dates("明天", MON) == []
    assert "find_dates failed" in caplog.text


def test_a_span_that_breaks_the_grammar_loses_only_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = find.parse_zh

    def fragile(s: str, now: datetime) -> object:
        if s == "明天":
            raise RuntimeError("boom")
        return real(s, now)

    monkeypatch.setattr(find, "parse_zh", fragile)
    assert [w for *_, w in found("明天, 后天")] == ["后天"]


def test_bad_input_never_raises() -> None:
    assert find_dates("明天", MON, tz="Mars/Olympus") == []
    assert find_dates(None, MON) == []  # type: ignore[arg-type]
    assert find_dates(12, MON) == []  # type: ignore[arg-type]
