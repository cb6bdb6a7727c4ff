"""Weekly notes (周报) and the sales funnel: `/weekly` (the form with a field per active client,
filled in from last week; the one-liner; 150 characters counted as characters), editing until
the week's report is compiled, the weekly prompt on the week's last working day (a holiday
Friday moves it to Thursday), and `/client stage` with the stage on the client card."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import select

from bot.rules import weekly as rules
from scheduler import weekly_tasks
from scheduler.run import Run
from scheduler.timetable import TASKS, run_task
from storage import queries
from storage import weekly as store
from storage.models import Client, ContactLog, FunnelChange, Job, Leave, TaskRun, WeeklyNote
from tests.conftest import ADMIN, SH, TEAM, World
from tests.test_imports import count_statements

FRI_10 = datetime(2026, 11, 27, 10, 0, tzinfo=SH)
WEEK = date(2026, 11, 23)  # its Monday
LAST_WEEK = date(2026, 11, 16)
HAN_150 = "汉" * 150
OK = "delivered {d}, pending 0, failed 0, expired 0"


# --- the week's data ---------------------------------------------------------------------------
def client_id(w: World, name: str) -> int:
    with w.bot.db.read() as s:
        c = s.exec(select(Client).where(Client.name == name)).one()
    assert c.id is not None
    return c.id


def contact(w: World, client: str, author: str, at: datetime) -> None:
    with w.bot.db.write() as s:
        s.add(ContactLog(team_id=TEAM, client_id=client_id(w, client), author_id=author,
                         kind="call", at=at, summary="沟通提案进度"))  # fmt: skip


def job(w: World, client: str, owner: str, status: str, created: datetime, seq: int) -> None:
    at = datetime(2026, 12, 4, 18, 0, tzinfo=SH)
    with w.bot.db.write() as s:
        s.add(
            Job(team_id=TEAM, number=f"CR-202611-{seq:02d}", department="creative", month=202611,
                seq=seq, client_id=client_id(w, client), project="春季上新", job_type="KV",
                brief="目标：春季上新；受众：18-30 岁；交付：主视觉 3 稿", deadline=at,
                internal_deadline=at, owner_id=owner, issued_by=owner, status=status,
                created_at=created, updated_at=created)
        )  # fmt: skip


def write_note(w: World, user: str, week: date, kind: str, client: str | None, text: str) -> None:
    with w.bot.db.write() as s:
        cid = client_id(w, client) if client else None
        store.save_notes(s, TEAM, user, week, {(kind, cid): text}, w.clock.now())


def notes(w: World, user: str, week: date = WEEK) -> dict[str, str]:
    """A person's notes of the week: by client name, or "problems" / "suggestions"."""
    with w.bot.db.read() as s:
        names = {c.id: c.name for c in s.exec(select(Client))}
        rows = store.notes_for_week(s, TEAM, week, user)
    return {names[n.client_id] if n.client_id else n.kind: n.text for n in rows}


def compile_week(w: World, last_day: date = date(2026, 11, 27), status: str = "done") -> None:
    """The week's report compiled at 15:30 of its last working day: its friday-report run
    recorded, as the timetable does."""
    at = datetime(last_day.year, last_day.month, last_day.day, 15, 30, tzinfo=SH)
    with w.bot.db.write() as s:
        s.add(TaskRun(team_id=TEAM, job="friday-report", period=last_day.isoformat(),
                     status=status, claimed_at=at))  # fmt: skip


def open_form(w: World, user: str, n: int = 1) -> dict:
    w.slack.command("/weekly", "", user=user)
    return w.slack.wait_for("views.open", n)[n - 1].args["view"]


def inputs(view: dict) -> list[tuple[str, str, str, int, bool]]:
    """The form's fields: (block id, label, initial text, max length, optional)."""
    return [
        (b["block_id"], b["label"]["text"], b["element"].get("initial_value", ""),
         b["element"]["max_length"], b["optional"])
        for b in view["blocks"]
        if b["type"] == "input"
    ]  # fmt: skip


def a_week_of_work(w: World) -> None:
    """Sun AE (U0AE1) called Nike this week and owns a job for Coca Cola Bottling (Li's client);
    可口可乐 was quiet. Li AE (U0AE2) had a contact with Coca Cola Bottling. Both wrote notes
    last week."""
    w.clock.set(FRI_10)
    contact(w, "Nike", "U0AE1", datetime(2026, 11, 25, 14, 0, tzinfo=SH))
    contact(w, "可口可乐", "U0AE1", datetime(2026, 11, 20, 14, 0, tzinfo=SH))  # last week
    contact(w, "Coca Cola Bottling", "U0AE2", datetime(2026, 11, 23, 9, 0, tzinfo=SH))
    job(w, "Coca Cola Bottling", "U0AE1", "pending", datetime(2026, 11, 24, 11, 0, tzinfo=SH), 1)
    job(w, "可口可乐", "U0AE1", "closed", datetime(2026, 11, 2, 11, 0, tzinfo=SH), 2)
    write_note(w, "U0AE1", LAST_WEEK, rules.CLIENT, "Nike", "上周：Q1提案准备中")
    write_note(w, "U0AE1", LAST_WEEK, rules.CLIENT, "可口可乐", "上周：可口可乐年框续签")
    write_note(w, "U0AE1", LAST_WEEK, rules.PROBLEMS, None, "上周的问题")


# --- the form ----------------------------------------------------------------------------------
def test_the_form_has_a_field_per_active_client_filled_in_from_last_week(world: World) -> None:
    a_week_of_work(world)
    nike, ccb = client_id(world, "Nike"), client_id(world, "Coca Cola Bottling")
    view = open_form(world, "U0AE1")
    assert view["title"]["text"] == "本周周报" and view["callback_id"] == "weekly_form"
    assert view["blocks"][0]["elements"][0]["text"] == (
        "本周（周一 11月23日 至 周日 11月29日）的周报：每个客户一栏，最多 150 字；已填入你本周写过"
        "的，没写的填入上周的，改好再保存。清空一栏就删除这一条。"
    )
    # Nike (a contact this week, last week's note to edit), then Coca Cola Bottling (my job on
    # Li's client); not 可口可乐 (its contact and closed job are of earlier weeks).
    assert inputs(view) == [
        (f"client:{nike}", "Nike（已填入上周的）", "上周：Q1提案准备中", 150, True),
        (f"client:{ccb}", "Coca Cola Bottling", "", 150, True),
        ("problems", "需要协调的问题", "", 1000, True),  # last week's problems are last week's
        ("suggestions", "建议", "", 1000, True),
    ]
    # Li AE reads English: their own client with a contact this week.
    en = open_form(world, "U0AE2", 2)
    assert en["title"]["text"] == "This week's notes"
    assert [(b, label) for b, label, *_ in inputs(en)] == [
        (f"client:{ccb}", "Coca Cola Bottling"),
        ("problems", "Problems needing coordination"),
        ("suggestions", "Suggestions"),
    ]


def test_this_weeks_note_comes_before_last_weeks_and_no_activity_shows_my_own_clients(
    world: World,
) -> None:
    world.clock.set(FRI_10)
    write_note(world, "U0AE1", LAST_WEEK, rules.CLIENT, "Nike", "上周的")
    write_note(world, "U0AE1", WEEK, rules.CLIENT, "Nike", "本周的")
    write_note(world, "U0AE1", WEEK, rules.SUGGESTIONS, None, "每周例会改到周一九点半")
    coke, nike = client_id(world, "可口可乐"), client_id(world, "Nike")
    assert [(b, label, text) for b, label, text, *_ in inputs(open_form(world, "U0AE1"))] == [
        (f"client:{nike}", "Nike", "本周的"),  # only Nike is active: my note of the week
        ("problems", "需要协调的问题", ""),
        ("suggestions", "建议", "每周例会改到周一九点半"),
    ]
    # Nothing happened this week for Li: their own clients; the AAE owns none.
    ccb = client_id(world, "Coca Cola Bottling")
    assert [b for b, *_ in inputs(open_form(world, "U0AE2", 2))] == [
        f"client:{ccb}", "problems", "suggestions",
    ]  # fmt: skip
    aae = open_form(world, "U0AAE", 3)
    assert [b for b, *_ in inputs(aae)] == ["problems", "suggestions"]
    assert aae["blocks"][1]["elements"][0]["text"].startswith("你本周没有活跃的客户")
    with world.bot.db.read() as s:  # the report's view: every person's active clients
        active = store.active_clients(s, TEAM, WEEK, SH)
    assert {u: [c.id for c in cs] for u, cs in active.items()} == {"U0AE1": [nike]}
    assert coke not in active["U0AE1"]


def test_saving_the_form_stores_the_weeks_notes_150_han_fit_151_do_not(world: World) -> None:
    a_week_of_work(world)
    nike, ccb = client_id(world, "Nike"), client_id(world, "Coca Cola Bottling")
    view = open_form(world, "U0AE1")
    r = world.slack.submit(view, {f"client:{nike}": HAN_150 + "汉", f"client:{ccb}": "新工作单"})
    assert r.json()["errors"] == {f"client:{nike}": "周报每个客户最多 150 字，这条有 151 字。"}
    r = world.slack.submit(view, {"problems": "问" * 1001})
    assert r.json()["errors"] == {"problems": "这一栏最多 1000 字，现在有 1001 字。"}
    assert notes(world, "U0AE1") == {}

    r = world.slack.submit(
        view,
        {
            f"client:{nike}": f"  {HAN_150}  ",
            f"client:{ccb}": "新工作单已提交",
            "problems": "排期冲突",
        },
    )
    assert r.status_code == 200 and r.text == ""
    assert notes(world, "U0AE1") == {
        "Nike": HAN_150,
        "Coca Cola Bottling": "新工作单已提交",
        "problems": "排期冲突",
    }
    [told] = world.slack.wait_for("chat.postEphemeral")
    assert (
        told.args["text"]
        == "已保存本周周报：2 个客户写了情况。\n需要协调的问题：已写；建议：未写。"
    )
    assert notes(world, "U0AE1", LAST_WEEK)["Nike"] == "上周：Q1提案准备中"  # last week's stay

    # Opened again: this week's notes; an emptied field removes its note, the others stay.
    view = open_form(world, "U0AE1", 2)
    assert [t for _, _, t, *_ in inputs(view)] == [HAN_150, "新工作单已提交", "排期冲突", ""]
    world.slack.submit(view, {f"client:{ccb}": "", "problems": " "})
    assert notes(world, "U0AE1") == {"Nike": HAN_150}
    told = world.slack.wait_for("chat.postEphemeral", 2)[1]
    assert told.args["text"] == (
        "已保存本周周报：1 个客户写了情况。\n删除了清空的 2 条。\n需要协调的问题：未写；建议：未写。"
    )


def test_the_form_in_english_refuses_151_characters_with_the_count(world: World) -> None:
    a_week_of_work(world)
    ccb = client_id(world, "Coca Cola Bottling")
    view = open_form(world, "U0AE2")
    r = world.slack.submit(view, {f"client:{ccb}": "x" * 151}, user="U0AE2")
    assert r.json()["errors"] == {
        f"client:{ccb}": "A weekly note is at most 150 characters per client; this one has 151."
    }
    r = world.slack.submit(view, {f"client:{ccb}": "é" * 150, "suggestions": "More briefs"},
                           user="U0AE2")  # fmt: skip
    assert r.text == ""
    [told] = world.slack.wait_for("chat.postEphemeral")
    assert told.args["text"] == (
        "Saved this week's notes: 1 client written up.\n"
        "Problems needing coordination: none; suggestions: written."
    )
    assert notes(world, "U0AE2") == {"Coca Cola Bottling": "é" * 150, "suggestions": "More briefs"}


# --- the one-liner -----------------------------------------------------------------------------
def test_the_one_liner_stores_or_replaces_a_clients_note(world: World) -> None:
    world.clock.set(FRI_10)
    r = world.slack.command("/weekly", "Nike Q1提案已提交，等待客户反馈")
    assert r.json()["text"] == "已记下 *Nike* 本周的情况（14 字）。"
    r = world.slack.command("/weekly", "可口可乐年框续签谈判中")  # no space after a Chinese name
    assert r.json()["text"] == "已记下 *可口可乐* 本周的情况（7 字）。"
    r = world.slack.command("/weekly", "nike 客户已确认方向")
    assert r.json()["text"] == "已更新 *Nike* 本周的情况（7 字），替换了之前写的。"
    assert notes(world, "U0AE1") == {"Nike": "客户已确认方向", "可口可乐": "年框续签谈判中"}
    r = world.slack.command("/weekly", f"Coca Cola Bottling {'x' * 150}", user="U0AE2")
    assert r.json()["text"] == "Saved this week's note on *Coca Cola Bottling* (150 characters)."

    r = world.slack.command("/weekly", f"Nike {HAN_150}汉汉汉")
    assert r.json()["text"] == "周报每个客户最多 150 字，这条有 153 字。"
    r = world.slack.command("/weekly", f"Coca Cola Bottling {'y' * 163}", user="U0AE2")
    assert r.json()["text"] == (
        "A weekly note is at most 150 characters per client; this one has 163."
    )
    r = world.slack.command("/weekly", f"Nike {HAN_150}")
    assert r.json()["text"] == "已更新 *Nike* 本周的情况（150 字），替换了之前写的。"
    assert notes(world, "U0AE1")["Nike"] == HAN_150

    # Unknown and ambiguous clients get the candidates, never a guess.
    assert world.slack.command("/weekly", "百事 新客户").json()["text"] == (
        "找不到客户“百事”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。"
    )
    with world.bot.db.write() as s:
        queries.insert_client(s, TEAM, name="Coca Cola China", city="Shanghai", in_city=True,
                              owner_id="U0AE2", created_local=FRI_10)  # fmt: skip
    assert world.slack.command("/weekly", "Coca 进展", user="U0AE2").json()["text"] == (
        "“Coca” could be: Coca Cola Bottling (Shanghai-202611-CocaColaBottling-003), "
        "Coca Cola China (Shanghai-202611-CocaColaChina-004). Please give the full name or the "
        "code."
    )
    assert world.slack.command("/weekly", "Nike").json()["text"] == (
        "请在客户名后写这周的情况，例如 `/weekly Nike Q1提案已提交，等待客户反馈`。"
    )


def test_weekly_show_and_help(world: World) -> None:
    world.clock.set(FRI_10)
    assert world.slack.command("/weekly", "show").json()["text"] == (
        "你本周还没写周报。`/weekly` 打开周报表单。"
    )
    world.slack.command("/weekly", "Nike 提案已提交 <@U0AM1>")
    write_note(world, "U0AE1", WEEK, rules.PROBLEMS, None, "设计资源紧张")
    r = world.slack.command("/weekly", "show").json()
    assert r["text"] == "你本周（周一 11月23日 至 周日 11月29日）的周报："
    assert r["blocks"][1]["text"]["text"] == (
        "• *Nike*：提案已提交 &lt;@U0AM1&gt;\n*需要协调的问题*：设计资源紧张"
    )
    assert world.slack.command("/weekly", "help").json()["text"].startswith("*/weekly — 周报*")
    en = world.slack.command("/weekly", "help", user="U0AE2").json()["text"]
    assert en.startswith("*/weekly — weekly notes*") and "`/weekly show`" in en


# --- until the report is compiled --------------------------------------------------------------
def test_notes_change_until_the_weeks_report_is_compiled_then_are_refused(world: World) -> None:
    a_week_of_work(world)
    nike = client_id(world, "Nike")
    view = open_form(world, "U0AE1")
    compile_week(world, status="failed")  # a failed run compiled nothing
    assert world.slack.command("/weekly", "Nike 提案已提交").json()["text"].startswith("已记下")

    with world.bot.db.write() as s:
        s.exec(select(TaskRun)).one().status = "done"
    world.clock.set(datetime(2026, 11, 27, 16, 0, tzinfo=SH))
    zh = "本周周报已在 周五 11月27日 15:30 汇总，不能再修改；新的内容请写进下周的周报（周一 11月30日 起）。"
    assert world.slack.command("/weekly", "Nike 补充一句").json()["text"] == zh
    assert world.slack.command("/weekly", "").json()["text"] == zh
    assert world.slack.submit(view, {f"client:{nike}": "改一下"}).json()["errors"] == {
        f"client:{nike}": zh
    }
    assert world.slack.command("/weekly", "", user="U0AE2").json()["text"] == (
        "This week's report was compiled Fri 27 Nov 15:30, so its notes can no longer change; "
        "anything new goes into next week's notes (from Mon 30 Nov)."
    )
    world.slack.click("weekly_open", WEEK.isoformat(), user="U0AE2", channel="D0U0AE2")
    [said] = world.slack.wait_for("response_url")
    assert said.args["text"].startswith("This week's report was compiled Fri 27 Nov 15:30")
    assert len(world.fake.calls_to("views.open")) == 1
    assert notes(world, "U0AE1") == {"Nike": "提案已提交"}

    # Next Monday is a new week.
    world.clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=SH))
    r = world.slack.command("/weekly", "Nike 下周继续跟进")
    assert r.json()["text"] == "已记下 *Nike* 本周的情况（6 字）。"
    assert notes(world, "U0AE1", date(2026, 11, 30)) == {"Nike": "下周继续跟进"}


# --- weekly-prompt -----------------------------------------------------------------------------
def prompted(w: World) -> set[str]:
    return {c.args["channel"] for c in w.fake.calls_to("chat.postMessage")}


def test_the_prompt_goes_on_the_last_working_day_to_who_has_not_written(world: World) -> None:
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0AE3", FRI_10, name="Wang AE", role="ae")
        queries.upsert_member(s, TEAM, "U0AE4", FRI_10, name="Feng AE", role="ae")
        s.add(Leave(team_id=TEAM, user_id="U0AE4", first_day=date(2026, 11, 27),
                    last_day=date(2026, 11, 27), kind="annual"))  # fmt: skip
    world.clock.set(FRI_10)
    write_note(world, "U0AE1", WEEK, rules.PROBLEMS, None, "排期冲突")  # any note counts
    write_note(world, "U0AAE", LAST_WEEK, rules.CLIENT, "Nike", "上周写的不算")
    thursday = datetime(2026, 11, 26, 10, 0, tzinfo=SH)
    [o] = run_task(TASKS["weekly-prompt"], thursday, world.tasks)
    assert (o.status, o.detail) == ("day-off", "2026-11-26")

    [o] = run_task(TASKS["weekly-prompt"], FRI_10, world.tasks)
    assert (o.status, o.detail) == ("sent", "3 DMs, 1 wrote, 1 on leave · " + OK.format(d=3))
    assert prompted(world) == {"U0AE2", "U0AE3", "U0AAE"}  # not the AM nor the AD
    [en] = world.fake.dms("U0AE2")
    assert en["text"] == (
        "Weekly notes: you haven't written this week's yet; the report is compiled today at 15:30."
    )
    assert en["blocks"][1]["elements"] == [
        {"type": "button", "text": {"type": "plain_text", "text": "Write this week's notes",
         "emoji": True}, "action_id": "weekly_open", "value": "2026-11-23", "style": "primary"}
    ]  # fmt: skip
    [zh] = world.fake.dms("U0AE3")
    assert zh["text"] == "周报提醒：你本周还没写周报，今天 15:30 汇总。"
    assert zh["blocks"][0]["text"]["text"] == (
        "你还没有写本周的周报：每个客户写一段本周情况（最多 150 字），另有需要协调的问题和建议。"
        "今天 *15:30* 汇总周报，之后就不能再改了。"
    )
    assert zh["blocks"][1]["elements"][0]["text"]["text"] == "写本周周报"
    assert run_task(TASKS["weekly-prompt"], FRI_10 + timedelta(minutes=5), world.tasks)[
        0
    ].status == ("already-ran")
    assert len(world.fake.calls_to("chat.postMessage")) == 3

    # The button opens the week's form.
    world.slack.click("weekly_open", "2026-11-23", user="U0AE2", channel="D0U0AE2")
    [opened] = world.slack.wait_for("views.open")
    assert opened.args["view"]["callback_id"] == "weekly_form"
    assert opened.args["view"]["title"]["text"] == "This week's notes"


def test_a_holiday_friday_moves_the_prompt_to_thursday(world: World) -> None:
    thursday = datetime(2026, 12, 31, 10, 0, tzinfo=SH)  # Fri 1 Jan 2027 is New Year's Day
    for day in (datetime(2026, 12, 30, 10, 0, tzinfo=SH), datetime(2027, 1, 1, 10, 0, tzinfo=SH)):
        world.clock.set(day)
        assert run_task(TASKS["weekly-prompt"], day, world.tasks)[0].status == "day-off"
    world.clock.set(thursday)
    [o] = run_task(TASKS["weekly-prompt"], thursday, world.tasks)
    assert (o.status, o.detail.split(" · ")[0]) == ("sent", "3 DMs, 0 wrote, 0 on leave")
    assert prompted(world) == {"U0AE1", "U0AE2", "U0AAE"}
    # Compiled on Thursday, that week's notes are closed.
    compile_week(world, date(2026, 12, 31))
    world.clock.set(datetime(2027, 1, 1, 11, 0, tzinfo=SH))
    assert world.slack.command("/weekly", "Nike 节后跟进").json()["text"] == (
        "本周周报已在 周四 2026年12月31日 15:30 汇总，不能再修改；新的内容请写进下周的周报"
        "（周一 1月4日 起）。"
    )


def test_the_prompt_decides_in_a_constant_number_of_statements(world: World) -> None:
    world.clock.set(FRI_10)

    def decide() -> tuple[int, int]:
        r = Run(TEAM, FRI_10, "weekly-prompt", "2026-11-27")
        seen = count_statements(world.bot.db)
        weekly_tasks.weekly_prompt(r, world.tasks)
        return len(seen), len(r.decided)

    decide()  # the team's settings are read once, then cached
    few = decide()
    with world.bot.db.write() as s:
        for i in range(30):
            queries.upsert_member(s, TEAM, f"U1AE{i:02d}", FRI_10, name=f"AE {i}", role="ae")
    many = decide()
    assert (few[1], many[1]) == (3, 33)
    assert many[0] == few[0] == 3  # members, writers, leave


# --- the funnel --------------------------------------------------------------------------------
def test_client_stage_by_owner_manager_or_admin_in_zh_and_en(world: World) -> None:
    world.clock.set(FRI_10)
    r = world.slack.command("/client", "stage Nike 提案")
    assert r.json()["text"] == "*Nike*（`Beijing-202611-Nike-002`）的销售漏斗阶段：潜在 → *提案*。"
    assert "漏斗阶段：提案" in r.json()["blocks"][1]["text"]["text"]
    r = world.slack.command("/client", "stage Coca Cola Bottling Negotiation", user="U0AE2")
    assert r.json()["text"] == (
        "*Coca Cola Bottling* (`Shanghai-202611-CocaColaBottling-003`) moved in the sales "
        "funnel: prospect → *negotiation*."
    )
    # A stranger (another AE) may not; the owner's manager and an admin may.
    r = world.slack.command("/client", "stage Nike won", user="U0AE2")
    assert r.json()["text"] == (
        "Only the owner, the owner's manager or an admin can set the funnel stage of *Nike*. "
        "Nothing was changed."
    )
    r = world.slack.command("/client", "stage 可口可乐 赢单", user="U0AAE")
    assert r.json()["text"] == (
        "只有负责人、负责人的主管或管理员可以设定 *可口可乐* 的漏斗阶段。没有做任何改动。"
    )
    r = world.slack.command("/client", "stage Nike negotiation", user="U0AM1")
    assert r.json()["text"].endswith("提案 → *谈判*。")
    world.clock.set(FRI_10 + timedelta(hours=1))
    r = world.slack.command("/client", "stage Nike won", user=ADMIN)
    assert r.json()["text"].endswith("谈判 → *赢单*。")
    assert world.slack.command("/client", "stage Nike 赢单").json()["text"] == (
        "*Nike* 已经在“赢单”阶段，没有改动。"
    )
    # Unknown stages are refused with the stages, in the reader's language.
    assert world.slack.command("/client", "stage Nike maybe").json()["text"] == (
        "“maybe”不是销售漏斗的阶段。可用的阶段：潜在、已接触、提案、谈判、赢单、丢单。"
    )
    assert world.slack.command("/client", "stage Coca Cola Bottling 签约", user="U0AE2").json()[
        "text"
    ] == (
        "“签约” isn't a sales-funnel stage. The stages: prospect, contacted, proposal, "
        "negotiation, won, lost."
    )
    assert world.slack.command("/client", "stage Nike").json()["text"] == (
        "用法：`/client stage 客户名 阶段`，阶段：潜在、已接触、提案、谈判、赢单、丢单。"
    )
    assert world.slack.command("/client", "stage 百事 提案").json()["text"] == (
        "找不到客户“百事”。用 `/client list all` 查看全部客户，新客户用 `/client add` 添加。"
    )

    # Recorded for the week's report: the changes, and the stages per owner now.
    with world.bot.db.read() as s:
        changes = store.funnel_changes(s, TEAM, *rules.week_bounds(WEEK, SH))
        by_owner = store.funnel_by_owner(s, TEAM)
        assert store.funnel_changes(s, TEAM, *rules.week_bounds(LAST_WEEK, SH)) == []
    nike, ccb = client_id(world, "Nike"), client_id(world, "Coca Cola Bottling")
    assert [(c.client_id, c.from_stage, c.to_stage, c.by) for c in changes] == [
        (nike, "prospect", "proposal", "U0AE1"),
        (ccb, "prospect", "negotiation", "U0AE2"),
        (nike, "proposal", "negotiation", "U0AM1"),
        (nike, "negotiation", "won", ADMIN),
    ]
    assert by_owner == {"U0AE1": {"prospect": 1, "won": 1}, "U0AE2": {"negotiation": 1}}


def test_the_client_card_shows_the_stage_in_the_readers_language(world: World) -> None:
    world.slack.command("/client", "stage Nike proposal")
    zh = str(world.slack.command("/client", "").json()["blocks"])
    assert "每 3 个工作日联络 · 漏斗阶段：提案" in zh and "每个工作日联络 · 漏斗阶段：潜在" in zh
    en = str(world.slack.command("/client", "list all", user="U0AE2").json()["blocks"])
    assert "call every 3 working days · funnel stage: proposal" in en
    assert "funnel stage: prospect" in en
    assert "`/client stage" in world.slack.command("/client", "help").json()["text"]
    assert (
        "`/client stage NAME STAGE`"
        in world.slack.command("/client", "help", user="U0AE2").json()["text"]
    )
    with world.bot.db.read() as s:
        assert len(s.exec(select(FunnelChange)).all()) == 1
        assert [n for n in s.exec(select(WeeklyNote))] == []
