"""`/daily`: the day's summary and tomorrow's plan (当日工作小结和次日工作安排).

`/daily` opens the form, pre-filled from what aebot logged (or with what was written, to
edit); `/daily 今天：… 明天：…` (`today: … tomorrow: …`) stores it at once, a part missing is
refused naming it; written again, a day's summary is replaced. A summary is of today on a
working day, else of the last working day (written on Saturday, it is Friday's).
`/daily team [day]` shows a manager their people's summaries as the morning digest does: of
the day given, else today's once `day_summary_at` has passed, else the last working day's.
The day-summary DM's **Write summary** opens the form and **Register tomorrow** registers the
whereabouts of a meeting away from the office; only the person it was sent to (or an admin)
may use either, a second Register says it was registered already."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial

from slack_bolt import App

from bot.dates import DateRefusal, parse_when
from bot.rules import day as rules
from bot.rules.people import sees_as_manager
from bot.slack.listeners import Listen, Reply, Request, long_reply
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import day as view
from handlers.deps import Deps
from storage import absence, queries
from storage import day as store

COMMAND = "/daily"


def daily_command(req: Request, deps: Deps) -> Reply:
    return DAILY.run(deps.reader(req), req, deps, req.text)


def _day(deps: Deps, team: str) -> tuple[date, date]:
    """The working day a summary written now is of, and the working day after it."""
    calendar = deps.calendars.for_team(team)
    day = rules.day_of(deps.local_now().date(), calendar)
    return day, rules.tomorrow_of(day, calendar)


def _span(deps: Deps, day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), deps.settings.tz)
    return start, start + timedelta(days=1)


def _allowed(req: Request, deps: Deps, user: str) -> bool:
    return user == req.user or deps.admin(req.user)


# --- the form ----------------------------------------------------------------------------------
def _open(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    return Reply(then=(partial(open_form, req, deps, req.user),))


def open_form(req: Request, deps: Deps, user: str) -> None:
    """The form of the day for `user`: what they wrote, else the lists of the day, to edit."""
    day, next_day = _day(deps, req.team)
    with deps.db.read() as s:
        written = store.get(s, req.team, user, day)
        if written is None:
            after = _span(deps, next_day)
            facts = store.day_facts(s, req.team, _span(deps, day), after, next_day, user)
    r = deps.reader(req)
    if written is not None:
        today, plan = written.today_text, written.tomorrow_text
    else:
        today, plan = view.prefill(r, facts, user, *after)
    meta = {"day": day.isoformat(), "user": user, "channel": req.channel}
    deps.sender.open_modal(str(req.trigger_id), view.form(r, day, next_day, today, plan, meta))


def write_click(req: Request, deps: Deps) -> Reply:
    """Write summary: the form, for the person the DM was sent to (or an admin)."""
    _, user = view.read_value(req.value)
    if not user or not _allowed(req, deps, user):
        said = deps.reader(req).t("day.not_yours", user=user or "?")
        return Reply(then=(partial(deps.sender.answer, req.response_url, req.user, said),))
    return Reply(then=(partial(open_form, req, deps, user),))


def submit_form(req: Request, deps: Deps) -> Reply:
    """The form: both boxes stored as the day's summary (replacing one written before), and
    what was saved told back."""
    r = deps.reader(req)
    texts = {b: rules.clean(str(req.form.get(b) or "")) for b in view.BOXES}
    errors = {b: r.t("day.empty") for b, text in texts.items() if not text}
    for b, text in texts.items():
        if problem := rules.text_problem(text):
            errors[b] = r.problem(problem)
    if errors:
        return Reply(errors=errors)
    user = str(req.metadata.get("user") or req.user)
    try:
        day = date.fromisoformat(str(req.metadata.get("day")))
    except ValueError:
        day = _day(deps, req.team)[0]
    if not _allowed(req, deps, user):
        return Reply(errors={view.TODAY_BLOCK: r.t("day.not_yours", user=user)})
    today, plan = texts[view.TODAY_BLOCK], texts[view.TOMORROW_BLOCK]
    with deps.db.write() as s:
        replaced = store.save(s, req.team, user, day, today, plan, deps.clock.now())
    said = view.saved(r, day, today, plan, replaced)
    channel = req.metadata.get("channel")
    where = channel if isinstance(channel, str) else None
    return Reply(then=(partial(deps.sender.tell, req.user, where, said),))


# --- the quick path ------------------------------------------------------------------------------
def _quick(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/daily 今天：… 明天：…`: stored at once, or the missing part named."""
    got = rules.read_quick(text)
    if got.missing:
        key = "both" if len(got.missing) == 2 else got.missing[0]
        return Reply(text=r.t(f"day.missing_{key}"))
    for part in (got.today, got.tomorrow):
        if problem := rules.text_problem(part):
            return Reply(text=r.problem(problem))
    day, _ = _day(deps, req.team)
    with deps.db.write() as s:
        replaced = store.save(s, req.team, req.user, day, got.today, got.tomorrow, r.now)
    return Reply(text=view.saved(r, day, got.today, got.tomorrow, replaced))


# --- /daily team -------------------------------------------------------------------------------
def _team(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/daily team [day]`: my people's summaries of that day (everyone's, for an admin)."""
    admin = deps.admin(req.user)
    day = _team_day(r, deps, req.team, rest)
    if isinstance(day, str):
        return Reply(text=day)
    with deps.db.read() as s:
        members = queries.list_members(s, req.team)
        me = next((m for m in members if m.user_id == req.user), None)
        if not sees_as_manager(me.role if me else None, admin):
            return Reply(text=r.t("day.team_not_allowed"))
        written = store.of_day(s, req.team, day)
        leave = absence.on_leave(s, req.team, day)
    people = [m for m in members if m.role in rules.ASKED_ROLES] if admin else []
    people = people or rules.team_of(req.user, members)
    if not people:
        return Reply(text=r.t("day.team_none"))
    text, blocks = view.digest(r, day, *rules.sort_out(people, written, leave))
    return long_reply(r, text, blocks)


def _team_day(r: Reader, deps: Deps, team: str, rest: str) -> date | str:
    """The day typed (read as every command reads one), else today's once the summaries were
    asked for, else the last working day's; or why the day could not be read."""
    now = deps.local_now()
    if rest:
        end = deps.team_settings.of(team).end_of_day
        got = parse_when(rest, now, deps.settings.aebot_tz, r.lang, end, past=True)
        return got.message if isinstance(got, DateRefusal) else got.at.astimezone(r.zone).date()
    calendar = deps.calendars.for_team(team)
    asked_at = deps.team_settings.of(team).time("day_summary_at")
    if calendar.is_working_day(now.date()) and now.time() >= asked_at:
        return now.date()
    return calendar.previous_working_day(now.date())


# --- Register tomorrow -------------------------------------------------------------------------
def register_click(req: Request, deps: Deps) -> None:
    """The meeting's whereabouts registered for the person the DM was sent to, once."""
    r = deps.reader(req)
    meeting, user = view.read_value(req.value)
    if not user or not _allowed(req, deps, user):
        deps.refuse(req, "day.not_yours", user=user or "?")
        return
    now = deps.clock.now()
    with deps.db.write() as s:
        got = store.register_meeting(s, req.team, user, view.number(meeting), now)
    if got is None:
        deps.refuse(req, "day.register_gone")
        return
    said = view.registered(r, got, user)
    deps.sender.answer(req.response_url, req.user, said)


DAILY = Subcommands[Deps](
    COMMAND,
    help="daily.help",
    subs={("team", "团队", "下属"): _team},
    empty=_open,
    other=_quick,
)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.command(COMMAND)(listen.ack(daily_command, deps))
    app.view(view.FORM)(listen.ack(submit_form, deps))
    app.action(view.WRITE)(listen.ack(write_click, deps))
    app.action(view.REGISTER)(listen.after(register_click, deps))
