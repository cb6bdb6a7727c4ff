"""`aebot demo`."""

from __future__ import annotations

import click

from sandbox.demo import run_demo


@click.command()
def demo() -> None:
    """Show aebot at work without a Slack account: fake Slack, temporary database."""
    run_demo()
