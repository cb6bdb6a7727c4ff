"""`aebot db upgrade`, `aebot team import|remove` and `aebot clients import`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TextIO

import click

from bot.cli.common import NEW_OPTION, settings
from bot.cli.parts import workspace
from bot.cli.workspaces import migrated, team_id, unreachable_reason
from bot.clock import Clock
from bot.rules.imports import Skipped, emails_to_look_up, with_slack_ids
from bot.settings import Settings
from bot.slack.lookup import LookupRefused, lookup_client, user_ids_by_email
from handlers.team import remove
from storage.db import Database
from storage.imports import (
    CLIENT_HEADER,
    TEAM_HEADER,
    ImportResult,
    Progress,
    Table,
    import_clients,
    import_team,
    numbered,
    read_csv,
)

TEAM_ID = click.option(
    "--team", "team", default=None, help="Slack team id (default: asked from Slack)."
)
CSV_FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))


@click.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations up to the newest."""
    migrated(settings())
    click.echo("database is up to date")


@click.group()
def team() -> None:
    """The department's members."""


@team.command("import")
@CSV_FILE
@TEAM_ID
@NEW_OPTION
def team_import(file: Path, team: str | None, new: bool) -> None:
    """Load members from a CSV: user_id (or email),name,role,manager_id (or manager_email),
    language. E-mail addresses are looked up in Slack (scope users:read.email)."""
    _run_import(
        file, team, TEAM_HEADER, import_team, "members", local=False, new=new, by_email=True
    )


def _with_slack_ids(table: Table, s: Settings) -> tuple[Table, list[Skipped]]:
    """The team file with the Slack id of every e-mail address it gives instead of one; the
    rows whose address Slack does not know are left out, each with its line."""
    wanted = emails_to_look_up(numbered(table.rows, table.lines))
    if not wanted:
        return table, []
    if not s.slack_bot_token:
        raise click.ClickException(
            "the file gives e-mail addresses: looking them up in Slack needs SLACK_BOT_TOKEN"
        )
    click.echo(f"looking up {len(wanted)} e-mail addresses in Slack", err=True)
    web = lookup_client(s.slack_bot_token, s.slack_api_url)
    try:
        with progress_bar(len(wanted), "addresses") as tell:
            found = user_ids_by_email(web, wanted, tell)
    except LookupRefused as exc:
        if exc.error == "missing_scope":
            raise click.ClickException(
                "Slack refused users.lookupByEmail: the app lacks the scope users:read.email; "
                "add it (manifest.yml has it) and reinstall the app. Nothing was imported"
            ) from None
        raise click.ClickException(
            f"Slack refused users.lookupByEmail ({exc.error}). Nothing was imported"
        ) from None
    except Exception as exc:
        raise click.ClickException(
            f"cannot reach Slack at {s.slack_api_url} ({unreachable_reason(exc)}). "
            "Nothing was imported"
        ) from None
    kept, skipped = with_slack_ids(numbered(table.rows, table.lines), found)
    return Table([row for _, row in kept], [line for line, _ in kept]), skipped


@team.command("remove")
@click.argument("user_id")
@TEAM_ID
def team_remove(user_id: str, team: str | None) -> None:
    """Take someone off the team; their manager (else every admin) is told which clients have
    no owner now, in a DM."""
    with workspace(team) as (bot, team_id_):
        with bot.db.write() as s:
            done = remove(s, team_id_, user_id, "aebot", bot.engine, bot.clock.now())
        if done is None:
            raise click.ClickException(f"{user_id} is not on the team of {team_id_}")
        _, owned, told = done
        tally = bot.courier.drain()  # the notice, and requests moved to their manager
    if not owned:
        click.echo(f"{user_id} removed; they owned no clients")
        return
    who = ", ".join(told) or "nobody (AEBOT_ADMINS names no one)"
    owners = "1 client has" if len(owned) == 1 else f"{len(owned)} clients have"
    click.echo(f"{user_id} removed; {owners} no owner now; told {who} ({tally})")


@click.group()
def clients() -> None:
    """Client records."""


@clients.command("import")
@CSV_FILE
@TEAM_ID
def clients_import(file: Path, team: str | None) -> None:
    """Load clients from a CSV: name,city,in_city,owner_id,contact_person,cadence_days."""
    _run_import(file, team, CLIENT_HEADER, import_clients, "clients", local=True)


def _run_import(
    file: Path,
    team: str | None,
    header: list[str],
    load: Callable[..., ImportResult],
    what: str,
    local: bool,
    new: bool = False,
    by_email: bool = False,
) -> None:
    """Read the file, load it in one transaction (a progress bar on a terminal), and say what
    changed; every skipped row is listed with its line and reason, and makes the exit status 1.
    `by_email`: the file may give e-mail addresses instead of Slack ids (the team)."""
    s = settings()
    try:
        table = read_csv(file, header)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    tid = team_id(team, s, new)
    skipped: list[Skipped] = []
    if by_email:
        table, skipped = _with_slack_ids(table, s)
        load = partial(load, skipped_before=skipped)
    migrated(s)
    database = Database(s.database_url)
    now = Clock().now()
    try:
        with (
            database.write() as session,
            progress_bar(len(table.rows) + len(skipped), what) as tell,
        ):
            res = load(
                session,
                tid,
                table.rows,
                now.astimezone(s.tz) if local else now,
                lines=table.lines,
                progress=tell,
            )
    finally:
        database.dispose()
    errors = sorted([*map(str, table.skipped), *res.errors], key=_line_of)
    click.echo(
        f"{what}: {res.created} added, {res.updated} updated, {res.unchanged} unchanged, "
        f"{len(errors)} skipped"
    )
    for e in errors:
        click.echo(f"  skipped {e}", err=True)
    if errors:
        sys.exit(1)


def _line_of(error: str) -> int:
    """The line an error ("line N: why") is about: every skipped row is listed in file order."""
    return int(error.split(":", 1)[0].removeprefix("line "))


@contextmanager
def progress_bar(total: int, label: str, out: TextIO | None = None) -> Iterator[Progress]:
    """A progress bar on stderr when it is a terminal; nothing at all in a log or a pipe."""
    out = out or sys.stderr
    if not out.isatty() or not total:
        yield lambda _n: None
        return
    with click.progressbar(length=total, label=label, file=out) as bar:
        yield bar.update
