"""The App Home tab: each person's day, drawn when they open it and redrawn after they change
something, for those who have ever opened it (nobody else would see the drawing)."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict

from slack_bolt import App
from sqlmodel import Session

from bot.clock import Clock
from bot.rules.approvals import SUPERVISOR_ROLES
from bot.rules.client_status import ACTIVE, status_on
from bot.rules.contacts import due_clients, report_clock
from bot.rules.team_settings import SETTINGS
from bot.settings import Settings
from bot.slack.listeners import Debouncer, Listen, Request
from bot.slack.sender import Sender
from bot.slack.texts import Reader
from bot.slack.views.home import MyJob, home_view
from bot.slack.views.reports import Row
from forms.kinds import HOME, shows
from storage import action_items, approvals, job_life, queries
from storage.calendars import Calendars
from storage.db import Database
from storage.directory import Directory
from storage.models import Approval, Client, ContactLog
from storage.team_settings import TeamSettings

log = logging.getLogger("aebot.home")
RECENT = 10


class HomeTab:
    """Draws a person's App Home; redraws after changes are coalesced (`delay` seconds, tests
    set 0), so that a burst of logging draws it once. One person's drawings are made one at a
    time, each read and sent before the next is read: a drawing read before a change can never
    reach Slack after one read since (the worker runs several at once)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        settings: Settings,
        directory: Directory,
        calendars: Calendars,
        sender: Sender,
        debouncer: Debouncer,
        delay: float = 2.0,
        team_settings: TeamSettings | None = None,  # the working hours of the report clock
    ) -> None:
        self.db, self.clock, self.settings = db, clock, settings
        self.directory, self.calendars, self.sender = directory, calendars, sender
        self.debouncer, self.delay = debouncer, delay
        self.team_settings = team_settings
        self._drawing: defaultdict[tuple[str, str], threading.Lock] = defaultdict(threading.Lock)
        self._drawing_lock = threading.Lock()

    def changed(self, team: str, user: str, lang: str) -> None:
        """Something on the person's Home changed: redraw it soon, if they ever look at it.
        Never blocks (a cached lookup, and a timer when there is something to draw)."""
        person = self.directory.person(team, user)
        if person is not None and person.home_opened:
            self.debouncer.run(("home", team, user), self.delay, self.publish, team, user, lang)

    def publish(self, team: str, user: str, lang: str) -> None:
        """Draw the Home now, after any drawing of it under way; a failure is logged: it is never
        worth failing a request for."""
        with self._drawing_lock:
            drawing = self._drawing[(team, user)]
        try:
            with drawing:
                self.sender.publish_home(user, self.view(team, user, lang))
        except Exception:
            log.exception("could not draw the App Home of %s", user)

    def view(self, team: str, user: str, lang: str) -> dict[str, object]:
        """The person's Home, read in a constant number of statements: what waits for their
        decision (as approver, for those who delegated to them, or escalated to them), their
        live jobs with their state, their clients due and their last contacts."""
        zone = self.settings.tz
        r = Reader(lang, zone, self.clock.now())
        today = r.now.astimezone(zone).date()
        with self.db.read() as s:
            member = queries.get_member(s, team, user)
            mine = queries.list_clients(s, team, user)
            last = queries.last_contacts(s, team, [c.id for c in mine if c.id])
            recent = queries.recent_contacts(s, team, user, RECENT)
            owing = queries.reports_owed(s, team, user)
            jobs = my_jobs(s, team, user)
            delegated = approvals.delegations(s, team, today)
            for_whom = sorted(u for u, (to, _) in delegated.items() if to == user and u != user)
            waiting = approvals.waiting_for(s, team, [user, *for_whom])
            items = action_items.due_items(s, team, today, owner=user)
        calendar = self.calendars.for_team(team)
        return home_view(
            r,
            member=member is not None,
            day_off=not calendar.is_working_day(today),
            owns_clients=bool(mine),
            due=due_clients(mine, last, today, zone, calendar, self._prospect_days(team)),
            recent=recent,
            jobs=jobs,
            waiting=[
                (a, _note(r, a, user))
                for a in waiting
                if a.requester_id != user and shows(a.kind, HOME)
            ],
            approver=member is not None and member.role in SUPERVISOR_ROLES,
            items=[(i, i.client, i.report_at) for i in items],
            owing=self._clocks(team, owing),
            resting=[c for c in mine if status_on(c.status, c.status_since, today) != ACTIVE],
        )

    def _prospect_days(self, team: str) -> int:
        """Every how many working days a prospect is due a call (a team setting)."""
        if self.team_settings is None:
            return int(SETTINGS["prospect_cadence_days"].default)
        return self.team_settings.of(team).count("prospect_cadence_days")

    def _clocks(self, team: str, owing: list[tuple[ContactLog, Client]]) -> list[Row]:
        """The contacts owing a report, each with its 48-hour clock."""
        if not owing or self.team_settings is None:
            return []
        hours = self.team_settings.of(team).working_hours(self.calendars.for_team(team))
        return [(c, cl, report_clock(c.at.astimezone(self.settings.tz), hours)) for c, cl in owing]


def my_jobs(s: Session, team: str, user: str) -> list[MyJob]:
    """The person's live jobs (as owner, assignee or head), each with its assignees; four
    statements whatever the number of jobs."""
    live = job_life.live_jobs_of(s, team, user)
    crews = job_life.assignees(s, team, [j.id for j, _, _ in live if j.id is not None])
    return [(j, c, how, crews.get(j.id or 0, [])) for j, c, how in live]


def _note(r: Reader, a: Approval, user: str) -> str | None:
    """Why a request waits for `user` when they are not simply its approver."""
    if a.approver_id != user and a.escalated_to == user:
        return r.t("approval.escalated_note", approver=a.approver_id, since=r.when(a.routed_at))
    if a.approver_id == user and a.on_behalf_of:
        return r.t("home.on_behalf", user=a.on_behalf_of)
    if a.approver_id != user and a.on_behalf_of != user:
        return r.t("home.on_behalf", user=a.approver_id)  # they delegated to `user`
    return None


def home_opened(req: Request, home: HomeTab) -> None:
    """The person opened aebot's Home tab: draw it, and from now on keep it current."""
    if (req.body.get("event") or {}).get("tab", "home") != "home":
        return
    person = home.directory.person(req.team, req.user)
    if person is not None and not person.home_opened:
        with home.db.write() as s:
            queries.mark_home_opened(s, req.team, req.user, home.clock.now())
    home.publish(req.team, req.user, req.lang)


def register(app: App, listen: Listen, home: HomeTab) -> None:
    app.event("app_home_opened")(listen.after(home_opened, home))
