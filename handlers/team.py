"""Taking someone off the team (`/aebot team remove @someone`, `aebot team remove U…`): their
clients are left without an owner, so their manager (else every admin) is told which, in a DM
queued with the removal itself; requests waiting for their decision go to that manager."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlmodel import Session

from bot.slack import blocks as bk
from bot.slack.texts import Reader
from forms.engine import Engine
from forms.leaving import reroute_from
from storage import outbox, queries
from storage.models import Client, Member
from storage.outbox import wall


def remove(
    s: Session, team: str, user: str, by: str, engine: Engine, now: datetime
) -> tuple[Member, list[Client], list[str]] | None:
    """Remove `user` from the team and queue the notice of their ownerless clients; returns
    the removed member, their clients and who is told (None if they were not on the team)."""
    removed = queries.remove_member(s, team, user)
    if removed is None:
        return None
    member, clients = removed
    manager = member.manager_id if queries.get_member(s, team, member.manager_id or "") else None
    reroute_from(engine, s, team, user, manager, now)  # no request waits for them
    settings = engine.settings
    if not clients:
        return member, clients, []
    members = {m.user_id: m for m in queries.list_members(s, team)}
    told = _who_is_told(member, members, settings.admins)
    notices = []
    for uid in told:
        r = Reader.of(members.get(uid), settings.aebot_lang, settings.tz, now)
        lines = [f"• {bk.escape(c.name)} ({bk.escape(c.code)})" for c in clients[:40]]
        if len(clients) > 40:
            lines.append(r.more(len(clients) - 40))
        head = r.t("team.ownerless", user=user, by=by, n=len(clients))
        key = f"ownerless:{user}:{uid}:{now.isoformat()}"
        blocks = bk.sections([head, *lines])
        notices.append(outbox.Message(team, key, "ownerless-clients", uid, head, blocks))
    outbox.enqueue(s, notices, now, wall())
    return member, clients, told


def _who_is_told(member: Member, members: dict[str, Member], admins: Collection[str]) -> list[str]:
    """The removed person's manager, if still on the team; else every admin."""
    if member.manager_id and member.manager_id in members:
        return [member.manager_id]
    return sorted(admins)
