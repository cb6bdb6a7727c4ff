"""What one aebot process is made of, and the Bolt app every entry point serves (run, demo,
tests, bench). The one place where the collaborators are built and handed to each feature:
a feature is given only what it uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from slack_bolt import App
from slack_sdk import WebClient

from bot.clock import Clock
from bot.settings import Settings
from bot.slack.after_ack import AfterAck
from bot.slack.delivery import courier_client
from bot.slack.listeners import Debouncer, Listen
from bot.slack.sender import Sender, web_client
from forms.engine import Engine
from handlers import (
    action_items,
    admin,
    agenda,
    approvals,
    clients,
    contacts,
    daily,
    dm,
    holidays,
    home,
    job_handoff,
    jobs,
    meetings,
    overtime,
    overtime_day,
    reports,
    todo,
    weekly,
    whereabouts,
)
from handlers.deps import Deps
from handlers.home import HomeTab
from handlers.languages import Languages
from scheduler.courier import Courier
from scheduler.run import TaskDeps
from storage.calendars import Calendars
from storage.contact_writer import ContactWriter
from storage.db import Database
from storage.directory import Directory
from storage.team_settings import TeamSettings

# Features whose listeners use the shared dependencies alone; the others get an extension.
SHARED_DEPS = (
    clients,
    admin,
    jobs,
    job_handoff,
    meetings,
    overtime,
    whereabouts,
    weekly,
    daily,
    agenda,
    dm,
    holidays,
)
FEATURES = (contacts, home, approvals, overtime_day, reports, action_items, todo, *SHARED_DEPS)


@dataclass
class Bot:
    """One process's collaborators, built once from the settings."""

    settings: Settings
    clock: Clock
    db: Database
    web: WebClient
    sender: Sender
    worker: AfterAck  # work after Slack has its ack: modals, confirmations, redraws
    directory: Directory
    calendars: Calendars
    team_settings: TeamSettings
    languages: Languages
    home: HomeTab
    writer: ContactWriter
    courier: Courier  # delivers the outbox: every message a task or a handler decided
    engine: Engine  # the form engine: files, routes and decides every request

    @classmethod
    def build(cls, settings: Settings, clock: Clock | None = None) -> Bot:
        clock = clock or Clock()
        db = Database(settings.database_url)
        web = web_client(settings.slack_bot_token, settings.slack_api_url)
        sender = Sender(web)
        worker = AfterAck(max_workers=8, thread_name_prefix="aebot-after-ack")
        directory = Directory(db, clock.now)
        calendars = Calendars(db, settings.aebot_country, clock.now)
        team_settings = TeamSettings(db, clock.now)
        languages = Languages(directory, db, web, worker, settings.aebot_lang)
        home_tab = HomeTab(
            db,
            clock,
            settings,
            directory,
            calendars,
            sender,
            Debouncer(worker),
            team_settings=team_settings,
        )
        courier = Courier(
            db, courier_client(settings.slack_bot_token, settings.slack_api_url), clock, settings
        )
        return cls(
            settings,
            clock,
            db,
            web,
            sender,
            worker,
            directory,
            calendars,
            team_settings,
            languages,
            home_tab,
            ContactWriter(db),
            courier,
            Engine(settings, team_settings),
        )

    def deliver(self) -> None:
        """Deliver what was just queued: the courier's loop when it runs (`aebot run`), else
        a drain on the worker."""
        self.courier.wake(self.worker.submit)

    def tasks(self) -> TaskDeps:
        """What the timetable's tasks use."""
        return TaskDeps(
            self.db,
            self.clock,
            self.settings,
            self.calendars,
            self.team_settings,
            self.courier,
            self.engine,
        )

    def close(self) -> None:
        """Finish the work after acks and the deliveries under way, then let the database go."""
        self.worker.shutdown(wait=True)
        self.courier.close()
        self.db.dispose()


def create_app(bot: Bot) -> App:
    """A Bolt app with every feature registered.

    `process_before_response=True`: the listener's ack is the HTTP answer, without Bolt's 10 ms
    ack polling (measured p50 214 ms → 9 ms); Slack API calls run on the worker after the ack
    (bot/slack/listeners.py). Bolt is given our Web API client: with `SLACK_API_URL` it points
    where the rest of aebot points.
    """
    app = App(
        client=bot.web,
        signing_secret=bot.settings.slack_signing_secret,
        process_before_response=True,
        token_verification_enabled=False,
        raise_error_for_unhandled_request=False,
    )
    listen = Listen(
        bot.worker,
        bot.sender,
        bot.languages.of,
        bot.settings.aebot_lang,
        lambda team, user: bot.directory.person(team, user) is not None,
        bot.settings.admins,
    )

    def home_changed(team: str, user: str) -> None:
        bot.home.changed(team, user, bot.languages.of(team, user))

    deps = Deps(
        bot.db,
        bot.clock,
        bot.settings,
        bot.team_settings,
        bot.calendars,
        bot.sender,
        bot.deliver,
        bot.engine,
        home_changed,
    )

    decisions = deps.extended(approvals.ApprovalDeps, home=home_changed)
    # first: Bolt tries listeners in order, and the report form's ack is the one with a budget
    # (bench/bench_report_form.py)
    reports.register(
        app, listen, deps.extended(reports.ReportDeps, directory=bot.directory, home=bot.home)
    )
    contacts.register(
        app,
        listen,
        deps.extended(
            contacts.ContactDeps, directory=bot.directory, home=bot.home, writer=bot.writer
        ),
    )
    for feature in SHARED_DEPS:
        feature.register(app, listen, deps)
    home.register(app, listen, bot.home)
    approvals.register(app, listen, decisions)
    overtime_day.register(app, listen, decisions)
    items = deps.extended(action_items.ItemDeps, home=home_changed)
    action_items.register(app, listen, items)
    todo.register(app, listen, items)
    bot.courier.on_gone = partial(approvals.on_gone, decisions)
    return app
