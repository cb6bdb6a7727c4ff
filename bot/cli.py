"""The `aebot` command: run, db, jobs, team, clients, demo."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path

import click

from bot.settings import Settings, SettingsError, load_settings

log = logging.getLogger("aebot")


def _settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail.")
def main(verbose: bool) -> None:
    """aebot: the account department's Slack bot."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("apscheduler", "slack_bolt", "slack_sdk", "urllib3", "httpx", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@main.command()
@click.option("--no-scheduler", is_flag=True, help="Serve Slack only; run no scheduled jobs.")
def run(no_scheduler: bool) -> None:
    """Serve Slack (Socket Mode if SLACK_APP_TOKEN is set, else HTTP on $PORT) and run the timetable."""
    from slack_sdk.errors import SlackApiError

    from bot.app import create_app
    from bot.runtime import build_services
    from storage.migrate import upgrade

    settings = _settings()
    try:
        settings.require_slack()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    _upgrade_or_fail(upgrade, settings.database_url)
    sv = build_services(settings)
    try:
        team = sv.web.auth_test().get("team_id")
    except SlackApiError as exc:
        raise click.ClickException(
            f"setting SLACK_BOT_TOKEN was refused by Slack ({exc.response.get('error')}): check the token"
        ) from None
    except Exception as exc:
        raise click.ClickException(
            f"cannot reach Slack at SLACK_API_URL ({type(exc).__name__})"
        ) from None
    log.info("connected to workspace %s", team)
    from bot.dates import warm_up

    warm_up()  # the first user's date costs no more than later ones
    bolt = create_app(sv)
    if not no_scheduler:
        from scheduler.timetable import catch_up, start_scheduler

        start_scheduler(sv)
        catch_up(sv)
    if settings.slack_app_token:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("serving Slack over Socket Mode")
        SocketModeHandler(bolt, settings.slack_app_token).start()
    else:
        from bot.server import serve

        log.info(
            "serving Slack over HTTP on port %s (POST /slack/events, GET /healthz)", settings.port
        )
        serve(bolt, sv.db, settings.port)


def _upgrade_or_fail(upgrade, url: str) -> None:  # noqa: ANN001
    try:
        upgrade(url)
    except Exception as exc:
        raise click.ClickException(
            f"setting DATABASE_URL: cannot migrate the database ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:200]})"
        ) from None


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations up to the newest."""
    from storage.migrate import upgrade

    settings = _settings()
    _upgrade_or_fail(upgrade, settings.database_url)
    click.echo("database is up to date")


@main.group()
def jobs() -> None:
    """The timetable's scheduled jobs."""


@jobs.command("list")
def jobs_list() -> None:
    """Every scheduled job, when it runs and what it does."""
    from scheduler.timetable import JOBS

    for job in JOBS.values():
        when = (
            f"working days {job.at:%H:%M}"
            if job.at
            else f"hourly {job.hours[0]:02d}-{job.hours[1]:02d}h, working days"
        )
        click.echo(f"{job.name:<22} {when:<36} {job.description}")


@jobs.command("run")
@click.argument("name")
@click.option("--at", "at", default=None, help="Run as if at this ISO-8601 time (default now).")
def jobs_run(name: str, at: str | None) -> None:
    """Run one job now, or as if at --at; it still runs at most once per period."""
    from bot.clock import FixedClock
    from bot.runtime import build_services
    from scheduler.timetable import JOBS, run_job
    from storage.migrate import upgrade

    if name not in JOBS:
        raise click.ClickException(f"no job named {name!r}; `aebot jobs list` shows them")
    settings = _settings()
    when = _parse_at(at, settings)
    _upgrade_or_fail(upgrade, settings.database_url)
    sv = build_services(settings, FixedClock(when) if at else None)
    outcomes = run_job(sv, JOBS[name], when)
    if not outcomes:
        click.echo("no workspace has a team yet: import one with `aebot team import`")
    for o in outcomes:
        click.echo(f"{name} {o.team}: {o.status} {o.detail}")
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


def _parse_at(at: str | None, settings: Settings) -> datetime:
    if at is None:
        from bot.clock import Clock

        return Clock().now()
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        raise click.BadParameter(
            f"{at!r} is not ISO-8601, e.g. 2026-11-23T09:30", param_hint="--at"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=settings.tz)


def _team_id(team: str | None, settings: Settings) -> str:
    """--team if given; else the one workspace the database knows; else ask Slack."""
    if team:
        return team
    from slack_sdk.errors import SlackApiError

    from bot.services import web_client
    from storage import queries
    from storage.db import Database

    try:
        database = Database(settings.database_url)
        with database.read() as s:
            known = queries.team_ids(s)
        database.dispose()
    except Exception:
        known = []
    if len(known) == 1:
        return known[0]
    try:
        settings.require_slack()
        return str(web_client(settings).auth_test()["team_id"])
    except (SettingsError, SlackApiError, OSError) as exc:
        raise click.ClickException(
            f"cannot tell which workspace this is ({exc}); pass --team T0123ABC"
        ) from None


@main.group()
def team() -> None:
    """The department's members."""


@team.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--team", "team_id", default=None, help="Slack team id (default: asked from Slack).")
def team_import(file: Path, team_id: str | None) -> None:
    """Load members from a CSV: user_id,name,role,manager_id,language."""
    from storage.imports import TEAM_HEADER, import_team

    _run_import(file, team_id, TEAM_HEADER, import_team, "members", local=False)


@main.group()
def clients() -> None:
    """Client records."""


@clients.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--team", "team_id", default=None, help="Slack team id (default: asked from Slack).")
def clients_import(file: Path, team_id: str | None) -> None:
    """Load clients from a CSV: name,city,in_city,owner_id,contact_person,cadence_days."""
    from storage.imports import CLIENT_HEADER, import_clients

    _run_import(file, team_id, CLIENT_HEADER, import_clients, "clients", local=True)


def _run_import(
    file: Path, team_id: str | None, header: list[str], fn, what: str, local: bool
) -> None:  # noqa: ANN001
    from bot.clock import Clock
    from storage.db import Database
    from storage.imports import read_csv
    from storage.migrate import upgrade

    settings = _settings()
    try:
        rows = read_csv(file, header)
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.ClickException(str(exc)) from None
    tid = _team_id(team_id, settings)
    _upgrade_or_fail(upgrade, settings.database_url)
    database = Database(settings.database_url)
    now = Clock().now()
    with database.write() as s:
        res = fn(s, tid, rows, now.astimezone(settings.tz) if local else now)
    click.echo(f"{what}: {res.created} added, {res.updated} updated, {len(res.errors)} skipped")
    for e in res.errors:
        click.echo(f"  skipped {e}", err=True)
    if res.errors:
        sys.exit(1)


from bot.cli_calendar import calendar, dates  # noqa: E402  (they use the helpers above)

main.add_command(calendar)
main.add_command(dates)


@main.command()
def demo() -> None:
    """Show aebot at work without a Slack account: fake Slack, temporary database."""
    from sandbox.demo import run_demo

    run_demo()


if __name__ == "__main__":
    main()
