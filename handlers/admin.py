"""`/aebot`: help, roles (admins), language, typed dates, and the sub-commands `team`
(handlers/team.py), `calendar` (handlers/calendar.py) and `settings` (handlers/settings.py)."""

from __future__ import annotations

from slack_bolt import App

from bot.dates import DateRange, DateRefusal, help_text, parse_range, parse_when
from bot.rules.people import ROLES, language_word
from bot.slack import blocks as bk
from bot.slack.listeners import Listen, Reply, Request
from bot.slack.subcommands import Subcommands
from bot.slack.texts import Reader, t
from bot.slack.views import clients as client_view
from handlers import agenda, authority, calendar, report, requests, settings, team
from handlers.deps import Deps
from storage import queries

COMMAND = "/aebot"


def aebot_command(req: Request, deps: Deps) -> Reply:
    return AEBOT.run(deps.reader(req), req, deps, req.text)


def _calendar(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    admin = deps.admin(req.user)
    return calendar.calendar_command(r, req, rest.split(), deps.db, deps.calendars, admin)


def _settings(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    return settings.settings_command(r, req, rest.split(), deps)


def _dates(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    """How aebot reads a typed date or range, or the conventions when no phrase is given."""
    phrase = " ".join(rest.split())
    if not phrase:
        return Reply(text=help_text(r.lang, r.now.astimezone(r.zone).date()))
    end_of_day = deps.team_settings.of(req.team).end_of_day
    parsed = parse_when(phrase, r.now, deps.settings.aebot_tz, r.lang, end_of_day)
    if isinstance(parsed, DateRefusal):
        span = parse_range(phrase, r.now, deps.settings.aebot_tz, r.lang, end_of_day)
        if isinstance(span, DateRefusal):
            return Reply(text=parsed.message)
        if isinstance(span, DateRange):
            start, end = r.day(span.start), r.day(span.end)
        else:
            start, end = r.when(span.start), r.when(span.end)
        return Reply(
            text=r.t("dates.range_read_as", phrase=bk.escape(phrase), start=start, end=end)
        )
    when = r.when(parsed.at, parsed.has_time)
    return Reply(text=r.t("dates.read_as", phrase=bk.escape(phrase), when=when))


def _set_role(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    args = rest.split()
    if not deps.admin(req.user):
        return Reply(text=r.t("role.admin_only"))
    target = team.MENTION.match(args[0]) if args else None
    role = args[1].lower() if len(args) > 1 else ""
    if target is None or role not in ROLES:
        return Reply(text=r.t("role.usage", roles=client_view.role_list(r)))
    uid, label = target.group(1), target.group(2) or target.group(1)
    with deps.db.write() as s:
        m, created = queries.upsert_member(s, req.team, uid, r.now, role=role)
        if created:
            m.name = label
            s.add(m)
    return Reply(text=r.t("role.set", user=uid, role=r.t("role." + role)))


def _set_language(r: Reader, req: Request, deps: Deps, rest: str) -> Reply:
    choice = language_word(rest.split()[0]) if rest else None
    if choice is None:
        return Reply(text=r.t("language.usage"))
    with deps.db.write() as s:
        m = queries.get_member(s, req.team, req.user)
        if m is None:
            return Reply(text=r.t("language.not_member"))
        m.language = choice
        s.add(m)
    return Reply(text=t(choice, "language.set"))


AEBOT = Subcommands[Deps](
    COMMAND,
    help="aebot.help",
    subs={
        ("team", "团队"): team.team_command,
        ("role", "角色"): _set_role,
        ("language", "lang", "语言"): _set_language,
        ("calendar", "日历"): _calendar,
        ("settings", "setting", "设置"): _settings,
        ("dates", "date", "日期"): _dates,
        ("request", "申请"): requests.request_command,
        ("requests", "申请列表"): lambda r, req, deps, rest: requests.requests_command(
            r, req, deps, rest.split()
        ),
        ("delegate", "委托"): lambda r, req, deps, _: authority.delegate_command(r, req, deps),
        ("authority", "权限"): lambda r, req, deps, rest: authority.authority_command(
            r, req, deps, rest.split()
        ),
        ("report", "周报"): lambda r, req, deps, _: report.report_command(r, req, deps),
        agenda.AGENDA: agenda.agenda_command,
        agenda.RECEIVABLE: agenda.receivable_command,
    },
)


def register(app: App, listen: Listen, deps: Deps) -> None:
    app.command(COMMAND)(listen.ack(aebot_command, deps))
