"""The timetable's `friday-report` (周报), on the last working day of the week at
`friday_report_at` (15:30; a holiday Friday moves it to Thursday).

It reads the team's week in a constant number of statements (storage/week.py), compiles it
(bot/rules/week.py) and decides, in the run's transaction:

- in the report channel: a headline message, then in its thread one message per AE (split
  into several when Slack's limits ask, never cut), the .xlsx and the picture;
- to each manager (everyone above an AE in the reporting line): a DM with their people (when
  long, the rest in its thread);
- with no report channel set: the managers' DMs still, and each admin told (once a week: the
  run is once a week).

The report is posted even when nobody wrote notes. Its keys are the run's (per period), so a
second run of the same week decides nothing; a channel the bot is not in fails the headline
with `not_in_channel` and the courier tells an admin once.
"""

from __future__ import annotations

from bot.rules import week as rules
from bot.rules.week_report import WeekReport
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views import report as view
from scheduler import report_files as files
from scheduler.run import Outgoing, Run, TaskDeps
from storage.models import Member
from storage.week import read_week

REPORT = "friday-report"
FILE = "report-file"
SUMMARY = "report-summary"
NO_CHANNEL = "report-no-channel"
HEAD = "head"


def friday_report(run: Run, deps: TaskDeps) -> str:
    """The week's report to the report channel, and each manager's people to them."""
    rep, members = compile_week(run, deps)
    channel = deps.team_settings.of(run.team).channel("report_channel")
    out: list[Outgoing] = []
    if channel:
        out += to_channel(run, deps, rep, channel)
    else:
        out += no_channel(deps, members)
    to_managers = managers(run, deps, rep, members, channel)
    run.send(to_managers + out)
    told = len({o.user for o in to_managers})
    notes = f"notes {rep.totals.submitted}/{rep.totals.people}"
    if not channel:
        return f"no report channel: {told} managers told, {len(out)} admins told, {notes}"
    return f"{len(rep.aes)} AEs, {len(out) - 2} messages, 2 files, {told} managers told, {notes}"


def compile_week(run: Run, deps: TaskDeps) -> tuple[WeekReport, dict[str, Member]]:
    """The run's week, read in one transaction and compiled."""
    calendar = deps.calendars.for_team(run.team)
    monday, days, log_month = rules.week_days(calendar, run.now.date())
    with deps.db.read() as s:
        week, members = read_week(
            s,
            run.team,
            monday=monday,
            days=days,
            now=run.now,
            zone=deps.settings.tz,
            log_month=log_month,
            hours=deps.team_settings.of(run.team).working_hours(calendar),
            prospect_days=deps.team_settings.of(run.team).count("prospect_cadence_days"),
        )
    return rules.compile_week(week), {m.user_id: m for m in members}


def to_channel(run: Run, deps: TaskDeps, rep: WeekReport, channel: str) -> list[Outgoing]:
    """The headline, each AE's messages in its thread, then the .xlsx and the picture; in the
    workspace's language."""
    r = deps.reader(None)
    parent = run.key(HEAD)
    out = run.parts(HEAD, channel, view.headline(r, rep), REPORT)
    for a in rep.aes:
        out += run.parts(
            f"ae:{a.user_id}", channel, view.ae_messages(r, rep, a), REPORT, thread_of=parent
        )
    week = view.week_number(rep.monday)
    out.append(
        Outgoing(
            "xlsx",
            channel,
            r.t("friday.xlsx_title", week=week),
            [],
            FILE,
            thread_of=parent,
            file_name=files.xlsx_name(rep),
            file_bytes=files.workbook(r, rep),
        )
    )
    out.append(
        Outgoing(
            "png",
            channel,
            r.t("friday.png_title", week=week),
            [],
            FILE,
            thread_of=parent,
            file_name=files.png_name(rep),
            file_bytes=files.chart_png(r, rep),
        )
    )
    return out


def managers(
    run: Run,
    deps: TaskDeps,
    rep: WeekReport,
    members: dict[str, Member],
    channel: str | None,
) -> list[Outgoing]:
    """Each manager's DM (when long, the rest in its thread), in their language."""
    out = []
    for manager in sorted(rep.managers):
        posts = view.team_messages(deps.reader(members.get(manager)), rep, manager, channel)
        out += run.parts(f"manager:{manager}", manager, posts, SUMMARY)
    return out


def no_channel(deps: TaskDeps, members: dict[str, Member]) -> list[Outgoing]:
    """No report channel: each admin is told, in this week's run (so once a week)."""
    out = []
    for admin in sorted(deps.settings.admins):
        r: Reader = deps.reader(members.get(admin))
        text = r.t("friday.no_channel")
        out.append(Outgoing(f"no-channel:{admin}", admin, text, [bk.section(text)], NO_CHANNEL))
    return out
