"""The admins told of messages the courier gave up on (scheduler/courier.py): one message per
team to each admin (AEBOT_ADMINS), in their language, queued through the outbox itself.
"""

from __future__ import annotations

import logging

from bot.clock import Clock
from bot.settings import Settings
from bot.slack.texts import Reader
from storage import outbox, queries
from storage.db import Database
from storage.outbox import wall

log = logging.getLogger("aebot.courier")


def tell_admins(db: Database, settings: Settings, clock: Clock) -> int:
    """One message per team to each admin (AEBOT_ADMINS) about rows newly given up on,
    queued in the transaction that marks them told. Returns how many were queued."""
    with db.read() as s:
        failed = outbox.untold_failures(s)
        teams = {row.team_id for row in failed}
        members = {t: {m.user_id: m for m in queries.list_members(s, t)} for t in teams}
    if not failed:
        return 0
    if not settings.admins:
        log.error("%d messages were given up and AEBOT_ADMINS names nobody", len(failed))
    notices = []
    for team in sorted(teams):
        rows = [row for row in failed if row.team_id == team]
        for admin in sorted(settings.admins):
            r = Reader.of(members[team].get(admin), settings.aebot_lang, settings.tz, clock.now())
            lines = [
                r.t("outbox.failed_line", user=row.recipient, what=row.purpose, error=row.error)
                for row in rows[:20]
            ]
            if len(rows) > 20:
                lines.append(r.more(len(rows) - 20))
            text = "\n".join([r.t("outbox.failed_text", n=len(rows)), *lines])
            key = f"failure-notice:{rows[0].id}-{rows[-1].id}:{admin}"
            notices.append(outbox.Message(team, key, "failure-notice", admin, text))
    with db.write() as s:
        outbox.enqueue(s, notices, clock.now(), wall())
        outbox.mark_told(s, [row.id for row in failed if row.id is not None])
    return len(notices)
