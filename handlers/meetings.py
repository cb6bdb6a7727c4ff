"""`/meeting`: record a meeting with a client (quick path or form), list mine this week, cancel
one. What follows a recorded meeting (the notice the working day before, the reconfirmation an
hour before, the report prompt when it ends) is scheduler/meeting_tasks.py's; the buttons on
those messages are handlers/meeting_buttons.py's."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial
from typing import Any

from slack_bolt import App

from bot.dates import TimeRange, parse_range
from bot.rules.meetings import check_texts, check_time, may_change, week_of
from bot.rules.problems import Problem
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader
from bot.slack.views import meetings as view
from forms.meeting_store import MeetingFields, Saved, cancel, save
from handlers import first_steps, meeting_buttons
from handlers.client_lookup import client_leading
from handlers.deps import Deps
from storage import meetings, queries
from storage.models import Meeting

COMMAND = "/meeting"
NOTICE_AT = "meeting_notice_at"
MAX_TEXT = 2000  # a quick path longer than this is refused


def meeting_command(req: Request, deps: Deps) -> Reply:
    return MEETING.run(deps.reader(req), req, deps, req.text)


def _empty(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    with deps.db.read() as s:
        first = first_steps.missing(s, req.team)  # no clients yet: the step to take first
    if first:
        return Reply(text=r.t(first))
    return Reply(then=(partial(open_form, req, deps, {}, ""),))


def _quick(r: Reader, req: Request, deps: Deps, text: str) -> Reply:
    """`/meeting 耐克 明天14:00-15:30 Q1提案`: recorded at once; else the form, saying why."""
    if len(text) > MAX_TEXT:
        return Reply(text=r.t("meeting.too_long", limit=MAX_TEXT))
    with deps.db.read() as s:
        clients = queries.list_clients(s, req.team)
        first = first_steps.missing(s, req.team) if not clients else None
    if first:
        return Reply(text=r.t(first))
    found = client_leading(r, clients, text)
    if found.client is None:
        return Reply(then=(partial(open_form, req, deps, {"topic": found.rest[:300]}, found.said),))
    end_of_day = deps.team_settings.of(req.team).end_of_day
    when, topic = read_when(found.rest, r, deps.settings.aebot_tz, end_of_day)
    if when is None or not topic:
        values = {
            "client": found.client.id,
            "topic": topic,
            "when": "" if when is None else found.rest,
        }
        notice = r.t("meeting.need_range" if when is None else "meeting.need_topic")
        return Reply(then=(partial(open_form, req, deps, values, notice),))
    problems = check_texts({"topic": topic}) or {}
    problem = next(iter(problems.values()), None) or check_time(when.start, when.end, r.now)
    if problem is not None:
        return Reply(text=r.problem(problem))
    fields = MeetingFields(found.client.id or 0, when.start, when.end, topic)
    saved = _save(deps, req, fields)
    text, blocks = view.recorded(r, saved.meeting, saved.client, _after_lines(r, saved))
    return Reply(text=text, blocks=blocks, then=(deps.deliver,))


def read_when(text: str, r: Reader, tz: str, end_of_day: time) -> tuple[TimeRange | None, str]:
    """The time range the text starts (or else ends) with, the longest that reads, and the rest."""
    words = text.split()
    for cut in (range(min(len(words), 4), 0, -1), range(max(len(words) - 4, 0), len(words))):
        for k in cut:
            said, rest = (words[:k], words[k:]) if cut.step < 0 else (words[k:], words[:k])
            got = parse_range(" ".join(said), r.now, tz, r.lang, end_of_day)
            if isinstance(got, TimeRange) and (rest or k == len(words)):
                return got, " ".join(rest)
    return None, text


def open_form(req: Request, deps: Deps, values: dict[str, Any], notice: str) -> None:
    with deps.db.read() as s:
        clients = queries.list_clients(s, req.team)
    mine = sorted(clients, key=lambda c: (req.user not in (c.owner_id, c.backup_owner_id), c.name))
    v = view.meeting_modal(
        deps.reader(req), mine, values, notice=notice, metadata={"channel": req.channel}
    )
    deps.sender.open_modal(str(req.trigger_id), v)


def submit_meeting(req: Request, deps: Deps) -> Reply:
    """The form, new or moving a meeting: stored, or its problems under the fields."""
    r, form = deps.reader(req), req.form
    fields = read_form(r, req, deps, form)
    if isinstance(fields, dict):
        return Reply(errors={k: r.problem(p) for k, p in fields.items()})
    moving = req.metadata.get("meeting_id")
    if moving is not None:
        refusal = _check_move(deps, req, int(moving) if str(moving).isdigit() else 0)
        if refusal:
            return Reply(errors={"when": r.t(refusal)})
    saved = _save(deps, req, fields, int(moving) if moving is not None else None)
    text, blocks = view.recorded(
        r, saved.meeting, saved.client, _after_lines(r, saved), bool(moving)
    )
    tell = partial(deps.sender.tell, req.user, req.metadata.get("channel"), text, blocks)
    return Reply(then=(deps.deliver, tell))


def read_form(
    r: Reader, req: Request, deps: Deps, form: dict[str, Any]
) -> MeetingFields | dict[str, Problem]:
    """The form's values, or its problems by field."""
    texts = {k: str(form.get(b) or "").strip() for k, b in _TEXTS.items()}
    problems = check_texts(texts)
    client_id = str(form.get("client") or "")
    with deps.db.read() as s:
        client = queries.get_client(s, req.team, int(client_id)) if client_id.isdigit() else None
    if client is None:
        problems["client"] = Problem("meeting.need_client")
    when = parse_range(str(form.get("when") or ""), r.now, deps.settings.aebot_tz, r.lang)
    if not isinstance(when, TimeRange):
        message = getattr(when, "message", "")
        problems["when"] = Problem("meeting.when_unread", {"message": message})
    elif (p := check_time(when.start, when.end, r.now)) is not None:
        problems["when"] = p
    if problems or client is None or not isinstance(when, TimeRange):
        return problems
    ours = tuple(u for u in form.get("ours") or [] if isinstance(u, str))[:50]
    return MeetingFields(client.id or 0, when.start, when.end, ours=ours, **texts)


_TEXTS = {
    "topic": "topic",
    "place": "place",
    "theirs": "theirs",
    "purpose": "purpose",
    "agenda": "agenda",
    "materials": "materials",
}


def _check_move(deps: Deps, req: Request, meeting_id: int) -> str | None:
    with deps.db.read() as s:
        found = meetings.get(s, req.team, meeting_id)
    return why_not_change(
        found[0] if found else None, req.user, deps.admin(req.user), deps.clock.now()
    )


def why_not_change(m: Meeting | None, user: str, admin: bool, now: datetime) -> str | None:
    """Why `user` may not cancel or move `m` (the key of the refusal), or None."""
    if m is None or m.cancelled_at is not None:
        return "meeting.gone"
    if not may_change(user, m.organiser_id, admin):
        return "meeting.not_yours"
    if m.starts_at <= now:
        return "meeting.over"
    return None


def _save(deps: Deps, req: Request, fields: MeetingFields, moving: int | None = None) -> Saved:
    calendar = deps.calendars.for_team(req.team)
    at = deps.team_settings.of(req.team).time(NOTICE_AT)
    with deps.db.write() as s:
        m = meetings.get(s, req.team, moving)[0] if moving else None
        return save(s, req.team, req.user, fields, deps.clock.now(), deps.settings, calendar, at, m)


def _after_lines(r: Reader, saved: Saved) -> list[str]:
    m, lines = saved.meeting, []
    if m.place:
        lines.append(
            r.t(
                "meeting.recorded_out",
                place=bk.escape(m.place),
                time=view.span(r, m.starts_at, m.ends_at),
            )
        )
    if saved.told_now:
        lines.append(r.t("meeting.told_at_once"))
    elif saved.notice_at is not None:
        lines.append(r.t("meeting.notice_later", when=r.when(saved.notice_at)))
    return lines


def _list(r: Reader, req: Request, deps: Deps, _: str = "") -> Reply:
    """`/meeting list`: mine (organiser or attendee) this week, Monday to Sunday."""
    monday, _sunday = week_of(deps.local_now().date())
    start = datetime.combine(monday, time(0), tzinfo=deps.settings.tz)
    with deps.db.read() as s:
        rows = meetings.mine_between(s, req.team, req.user, start, start + timedelta(days=7))
    if not rows:
        return Reply(text=r.t("meeting.list_none"))
    return Reply(text=r.t("meeting.list_title", n=len(rows)), blocks=view.list_blocks(r, rows))


def _cancel(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """`/meeting cancel N`: the organiser or an admin; whoever was told is told."""
    number = rest.strip().lstrip("#")
    if not number.isdigit() or len(number) > 12:
        return Reply(text=r.t("meeting.cancel_usage"))
    with deps.db.write() as s:
        found = meetings.get(s, req.team, int(number))
        refusal = why_not_change(found[0] if found else None, req.user, deps.admin(req.user), r.now)
        if refusal or found is None:
            return Reply(text=r.t(refusal or "meeting.gone"))
        m, client = found
        told = cancel(s, m, client, req.user, r.now, deps.settings)
    lines = [
        r.t(
            "meeting.cancelled",
            id=m.id,
            client=bk.escape(client.name),
            when=view.span(r, m.starts_at, m.ends_at),
        )
    ]
    if told:
        lines.append(r.t("meeting.cancelled_told", members=r.join(f"<@{u}>" for u in told)))
    return Reply(text="\n".join(lines), then=(deps.deliver,))


MEETING = Subcommands[Deps](
    COMMAND,
    help="meeting.help",
    subs={("list", "mine", "列表"): _list, ("cancel", "取消"): _cancel},
    empty=_empty,
    other=_quick,
)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.command(COMMAND)(listen.ack(meeting_command, deps))
    app.view(view.FORM)(listen.ack(submit_meeting, deps))
    meeting_buttons.register(app, listen, deps)
