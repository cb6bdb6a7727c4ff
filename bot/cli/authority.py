"""`aebot authority show / set`: the authority limits (审批权限), by kind of request and role."""

from __future__ import annotations

import click

from bot.cli.common import NEW_OPTION, TEAM_OPTION
from bot.cli.parts import workspace
from bot.rules.authority import KINDS
from bot.rules.problems import Problem
from bot.slack.texts import t
from handlers.authority import apply_change, outranking, read_change, table
from storage import authority


@click.group("authority")
def authority_group() -> None:
    """Who may decide how much of each kind of request (admins change the limits)."""


@authority_group.command("show")
@TEAM_OPTION
def authority_show(team: str | None) -> None:
    """The limits by kind and role; * marks a kind whose limits an admin changed."""
    with workspace(team) as (bot, tid), bot.db.read() as s:
        limits = authority.limits(s, tid)
    roles, rows = table(limits)
    click.echo(f"{'kind':<20} {'unit':<5} " + " ".join(f"{role:<7}" for role in roles).rstrip())
    for row in rows:
        cells = " ".join(f"{row.limits[role]:<7}" for role in roles)
        mark = "  *" if row.changed else ""
        click.echo(f"{row.kind.code:<20} {row.kind.unit:<5} {cells.rstrip()}{mark}")
    click.echo("≤ up to and including, < below, — none; * changed by an admin")


@authority_group.command("set")
@click.argument("kind")
@click.argument("role")
@click.argument("limit", nargs=-1, required=True)
@click.option("--force", is_flag=True, help="Set it even if ROLE then outranks the one above.")
@TEAM_OPTION
@NEW_OPTION
def authority_set(
    kind: str, role: str, limit: tuple[str, ...], force: bool, team: str | None, new: bool
) -> None:
    """Let ROLE decide KIND requests up to LIMIT: 5 (up to 5), "<10" (below 10), any, or no,
    e.g. `aebot authority set commission am 8`. A limit that lets a role decide more than one
    above it (an AM more than the AD) is refused unless --force."""
    change = read_change(kind, role, " ".join(limit))
    if isinstance(change, Problem):
        kinds = ", ".join(k.code for k in KINDS)
        raise click.ClickException(t("en", change.key, **{"kinds": kinds, **change.values}))
    with workspace(team, new) as (bot, tid), bot.db.write() as s:
        clash = None if force else outranking(s, tid, change)
        if clash is None:
            old, new = apply_change(s, tid, change, "cli", bot.clock.now())
    if clash is not None:
        roles = {k: str(clash.values[k]).upper() for k in ("low", "high")}
        raise click.ClickException(
            t("en", clash.key, **{**clash.values, **roles, "force": "--force"})
        )
    click.echo(f"{change.kind.code} {change.role}: {new} (was {old})")
