"""The messages of the form engine, as outbox rows: the signer's DM with Approve and Reject, the
requester's copy with Withdraw, the requester told of each signature and of the decision, and
the people copied (抄送). Each in its reader's language, each under a key that makes it once.

Keys: `approval:{id}:ask:{signer}` (a later step: `…:{signer}:s{step}`), `approval:{id}:copy`,
`approval-told:{id}` (each signature of a chain: `approval-told:{id}:s{step}`) and
`approval-cc:{id}:{on}:{user}`; a decision cancels those not yet out and redraws those that are
(`approval:{id}:` and `approval-reminders:{id}:`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from bot.rules.approvals import Addressee
from bot.settings import Settings
from bot.slack.texts import Reader
from bot.slack.views import approvals as view
from storage.models import Approval, Member
from storage.outbox import Message

# What the one deciding a request is sent: Slack saying they are gone moves the request on.
DECIDING = frozenset({"approval", "approval-reminder", "approval-escalation"})


@dataclass(frozen=True)
class Writer:
    """Writes to the team's members, each in their own language, as of `now`."""

    settings: Settings
    members: Mapping[str, Member]
    now: datetime

    def reader(self, user: str) -> Reader:
        settings = self.settings
        return Reader.of(self.members.get(user), settings.aebot_lang, settings.tz, self.now)


def step_suffix(a: Approval) -> str:
    """What keys of a later step of a chain end with (nothing for the first)."""
    return f":s{a.step}" if a.step else ""


def ask(
    w: Writer,
    a: Approval,
    how: Addressee | None,
    note: str | None = None,
    **values: object,
) -> Message:
    """The DM to the one deciding now, with Approve and Reject: on whose behalf or standing in
    for whom (`how`), and a note (a text key with `values`: the kind's own, or why it moved)."""
    assert a.approver_id is not None
    r = w.reader(a.approver_id)
    lines = [why(r, how)] if how is not None and how.why else []
    if note:
        lines.append(r.t(note, **values))
    blocks = view.request_blocks(r, a, note="\n".join(lines) or None)
    key = f"approval:{a.id}:ask:{a.approver_id}{step_suffix(a)}"
    return Message(a.team_id, key, "approval", a.approver_id, view.summary(r, a), blocks)


def why(r: Reader, how: Addressee) -> str:
    """Why a request comes to someone other than its signer."""
    until = r.day(how.until) if isinstance(how.until, date) else ""
    key = "approval.on_behalf" if how.why == "delegated" else "approval.on_leave_note"
    return r.t(key, user=how.behalf, until=until)


def requester_copy(w: Writer, a: Approval) -> Message:
    r = w.reader(a.requester_id)
    blocks = view.requester_blocks(r, a)
    text = first_line(blocks)
    return Message(
        a.team_id, f"approval:{a.id}:copy", "approval-copy", a.requester_id, text, blocks
    )


def first_line(blocks: list[dict[str, object]]) -> str:
    """A message's notification text: the first line of its first section."""
    text = blocks[0]["text"]
    assert isinstance(text, dict)
    return str(text["text"]).split("\n", 1)[0]


def told(w: Writer, a: Approval, after_reject: tuple[str, str] | None) -> Message:
    """The requester hears of the decision, once."""
    r = w.reader(a.requester_id)
    text, blocks = view.told_blocks(r, a, a.subject_id, after_reject)
    key = f"approval-told:{a.id}"
    return Message(a.team_id, key, "approval-decision", a.requester_id, text, blocks)


def signed(w: Writer, a: Approval, by: str) -> Message:
    """The requester hears that one signature of several is given, and who is next."""
    r = w.reader(a.requester_id)
    text, blocks = view.signed_blocks(r, a, by)
    key = f"approval-told:{a.id}:s{a.step}"
    return Message(a.team_id, key, "approval-signed", a.requester_id, text, blocks)


def copies(w: Writer, a: Approval, users: list[str], on: str) -> list[Message]:
    """Each person copied on the request (抄送) is told, and decides nothing."""
    out = []
    for user in users:
        if user == a.requester_id:
            continue
        text, blocks = view.copy_blocks(w.reader(user), a)
        key = f"approval-cc:{a.id}:{on}:{user}"
        out.append(Message(a.team_id, key, "approval-cc", user, text, blocks))
    return out
