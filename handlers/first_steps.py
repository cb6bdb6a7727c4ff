"""What a team still lacks before a command can do its work, and the step to take first: no one
on it yet (an admin's first hour, before any import), or no clients yet. A command that needs a
client answers with that step, in the reader's language, instead of a form that could never be
submitted (Slack refuses a modal with fields and no submit button, and a picker with nothing to
pick)."""

from __future__ import annotations

from sqlmodel import Session

from storage import queries

NO_TEAM = "first.no_team"  # nobody on the team: add people, then clients
NO_CLIENTS = "first.no_clients"  # people, no clients: add a client


def missing(s: Session, team: str) -> str | None:
    """The text key of the first step when the team has no clients; None when it has some."""
    people, clients = queries.team_has(s, team)
    if clients:
        return None
    return NO_CLIENTS if people else NO_TEAM


def no_one_yet(s: Session, team: str) -> bool:
    """Nobody is on the team: a client could have no owner."""
    people, _ = queries.team_has(s, team)
    return not people
