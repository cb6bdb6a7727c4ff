"""`aebot outbox`: what is waiting to be delivered or was given up, and sending it again."""

from __future__ import annotations

import click
from sqlmodel import Session, col, select

from bot.cli.common import settings
from bot.cli.parts import bot_at
from storage import outbox
from storage.models import OutboxMessage
from storage.outbox import wall


@click.group(invoke_without_command=True)
@click.option("--all", "everything", is_flag=True, help="Also list delivered and expired rows.")
@click.pass_context
def outbox_group(ctx: click.Context, everything: bool) -> None:
    """List messages pending delivery and those given up (failed); `retry` sends them again."""
    if ctx.invoked_subcommand is not None:
        return
    bot = bot_at(settings())
    try:
        with bot.db.read() as s:
            statuses = (
                (outbox.PENDING, outbox.SENDING, outbox.FAILED, outbox.DELIVERED, outbox.EXPIRED)
                if everything
                else (outbox.PENDING, outbox.SENDING, outbox.FAILED)
            )
            rows = outbox.listing(s, statuses)
    finally:
        bot.close()
    if not rows:
        click.echo("nothing pending or failed: every message decided was delivered")
        return
    for r in rows:
        when = r.created_at.astimezone(bot.settings.tz).strftime("%Y-%m-%d %H:%M")
        click.echo(
            f"{r.id:>6} {r.status:<9} {when} {r.team_id} {r.recipient:<12} {r.purpose:<18} "
            f"tries {r.attempts} {r.error or ''}".rstrip()
        )
    waiting = sum(r.status in (outbox.PENDING, outbox.SENDING) for r in rows)
    failed = sum(r.status == outbox.FAILED for r in rows)
    click.echo(
        f"{waiting} pending, {failed} failed; `aebot outbox retry ID` or `--all` sends again"
    )


@outbox_group.command("retry")
@click.argument("ids", nargs=-1, type=int)
@click.option("--all", "everything", is_flag=True, help="Every failed, expired or pending row.")
def outbox_retry(ids: tuple[int, ...], everything: bool) -> None:
    """Send failed, expired or waiting messages again now (those given, or --all). Rows that
    do not exist stop it before anything is sent (exit 1); delivered ones are not sent again."""
    if not ids and not everything:
        raise click.UsageError("name the rows (IDs from `aebot outbox`) or pass --all")
    s = settings()
    bot = bot_at(s)
    try:
        with bot.db.write() as session:
            if not everything:
                _check_ids(session, ids)
            n = outbox.retry(session, None if everything else list(ids), wall())
        tally = bot.courier.drain(now_or_later=True)
    finally:
        bot.close()
    click.echo(f"{n} queued again; {tally}")


def _check_ids(session: Session, ids: tuple[int, ...]) -> None:
    """Stop, naming them, when some of the rows do not exist; say which were delivered."""
    q = select(OutboxMessage.id, OutboxMessage.status).where(col(OutboxMessage.id).in_(ids))
    found = dict(session.exec(q).all())
    unknown = sorted(set(ids) - set(found))
    if unknown:
        names = ", ".join(str(i) for i in unknown)
        raise click.ClickException(
            f"no outbox row {names}: nothing queued again (`aebot outbox --all` lists them)"
        )
    done = sorted(i for i, status in found.items() if status == outbox.DELIVERED)
    if done:
        click.echo(f"delivered already, not sent again: {', '.join(str(i) for i in done)}")
