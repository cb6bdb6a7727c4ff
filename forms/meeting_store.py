"""Recording, moving and cancelling a meeting, and the messages that follow (through the
outbox): a meeting recorded after its notice time is announced at once; a moved one is told
again to everyone already told, its notice and reconfirmation start over for the new time; a
cancelled one is told to whoever was told. Used by `/meeting` and its form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlmodel import Session

from bot.rules.meetings import as_json, notice_moment, people
from bot.rules.workdays import WorkCalendar
from bot.settings import Settings
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views import meetings as view
from forms.meeting_notices import notices, recipients
from storage import meetings, outbox, queries
from storage.models import Client, Meeting, Member

NOTICE_JOB = "meeting-notices"


@dataclass(frozen=True)
class MeetingFields:
    client_id: int
    start: datetime
    end: datetime
    topic: str
    place: str = ""
    ours: tuple[str, ...] = ()
    theirs: str = ""
    purpose: str = ""
    agenda: str = ""
    materials: str = ""


@dataclass
class Saved:
    meeting: Meeting
    client: Client
    told_now: bool = False  # the notice went out at once
    notice_at: datetime | None = None


def _stamp(m: Meeting) -> str:
    """The meeting's start in a key: a moved meeting's messages are new ones."""
    return f"{m.starts_at.astimezone(UTC):%Y%m%d%H%M}"


def save(
    s: Session,
    team: str,
    user: str,
    f: MeetingFields,
    now: datetime,
    settings: Settings,
    calendar: WorkCalendar,
    notice_at: time,
    moving: Meeting | None = None,
) -> Saved:
    """Store a new meeting (or move `moving`), hold the organiser's whereabouts, and queue what
    must be said now; the caller delivers."""
    m = moving or Meeting(team_id=team, organiser_id=user, created_at=now)
    before = people(m.told) if moving else []
    m.client_id, m.starts_at, m.ends_at, m.topic = f.client_id, f.start, f.end, f.topic
    m.place, m.our_attendees, m.client_attendees = f.place, as_json(f.ours), f.theirs
    m.purpose, m.agenda, m.materials, m.updated_at = f.purpose, f.agenda, f.materials, now
    if moving:  # announced and reconfirmed again for the new time
        m.notice_sent_at = m.client_notified_at = m.reconfirm_sent_at = m.reconfirmed_at = None
        outbox.cancel(s, team, f"{NOTICE_JOB}:now:{m.id}:", now)  # the old time's, if not out
    s.add(m)
    s.flush()
    meetings.hold_whereabouts(s, m, now)
    s.add(m)
    client = queries.get_client(s, team, f.client_id)
    assert client is not None and m.id is not None
    moment = notice_moment(f.start.astimezone(settings.tz), calendar, notice_at)
    late = now >= moment
    members = {p.user_id: p for p in queries.list_members(s, team)}
    to = [
        u for u in dict.fromkeys([*before, *(recipients(m) if late else [])]) if late or u != user
    ]
    if to:
        lead = {m.id: "meeting.moved_dm"} if moving else None
        said = notices([(m, client)], members, settings.aebot_lang, settings.tz, now, lead=lead)
        key = (
            f"{NOTICE_JOB}:now:{m.id}:{_stamp(m)}:"
            if late
            else f"meeting-moved:{m.id}:{_stamp(m)}:"
        )
        rows = [
            outbox.Message(
                team,
                key + u,
                "meeting-notice",
                u,
                said[u].text,
                said[u].blocks,
                effect="meeting_noticed" if late else None,
                effect_ids=(m.id,) if late else (),
            )
            for u in to
            if u in said
        ]
        outbox.enqueue(s, rows, now, outbox.wall())
        meetings.add_told(s, {m.id: to}, now)
    return Saved(m, client, late, None if late else moment)


def cancel(
    s: Session, m: Meeting, client: Client, by: str, now: datetime, settings: Settings
) -> list[str]:
    """Cancel `m`: its whereabouts entry ends, whoever was told (but the one cancelling) is
    told, what was queued for it and not yet out is dropped. Returns who is told."""
    m.cancelled_at = m.updated_at = now
    meetings.release_whereabouts(s, m, now)
    s.add(m)
    outbox.cancel(s, m.team_id, f"{NOTICE_JOB}:now:{m.id}:", now)
    outbox.cancel(s, m.team_id, f"meeting-moved:{m.id}:", now)
    members: dict[str, Member] = {p.user_id: p for p in queries.list_members(s, m.team_id)}
    told = [u for u in people(m.told) if u != by]
    rows = []
    for u in told:
        r = Reader.of(members.get(u), settings.aebot_lang, settings.tz, now)
        text = r.t(
            "meeting.cancelled_dm",
            client=bk.escape(client.name),
            when=view.span(r, m.starts_at, m.ends_at),
            what=bk.escape(m.topic),
            by=by,
        )
        rows.append(
            outbox.Message(
                m.team_id,
                f"meeting-cancel:{m.id}:{u}",
                "meeting-cancel",
                u,
                text,
                [bk.section(text)],
            )
        )
    outbox.enqueue(s, rows, now, outbox.wall())
    return told
