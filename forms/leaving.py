"""Nobody holds a request after leaving the team. When someone is taken off the team, or Slack
says their account is gone, their delegations end and every pending request waiting for them
moves on: one a delegate held goes back to the one who delegated it (or whoever receives for
them), any other to the one they reported to (else the first admin; never to its requester);
the new signer gets it with its buttons and the requester is told."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.rules.approvals import Addressee, Team, address
from bot.slack import blocks as bk
from bot.slack.views import approvals as view
from forms import notices
from forms.engine import Engine
from storage import approvals, outbox
from storage.models import Approval
from storage.outbox import wall


def reroute_from(
    engine: Engine, s: Session, team_id: str, gone: str, successor: str | None, now: datetime
) -> int:
    """Move the requests waiting for `gone` on; returns how many moved."""
    approvals.end_delegations_of(s, team_id, gone, now)
    moved = [a for a in approvals.pending(s, team_id) if gone in (a.approver_id, a.escalated_to)]
    if not moved:
        return 0
    team = engine.team(s, team_id, now)
    w = engine.writer(team, now)
    messages: list[outbox.Message] = []
    n = 0
    for a in moved:
        how = _new_signer(engine, team, a, gone, successor)
        if how is None or not approvals.reroute(s, a, how.to, how.behalf, f"{gone} left", now):
            continue
        fresh = approvals.get(s, team_id, a.id or 0, fresh=True)
        assert fresh is not None
        outbox.cancel(s, team_id, f"approval:{a.id}:ask:{gone}", now)
        messages.append(notices.ask(w, fresh, how, "approval.rerouted_to_you", old=gone))
        messages.append(_moved(w, fresh, gone))
        n += 1
    outbox.enqueue(s, messages, now, wall())
    return n


def _new_signer(
    engine: Engine, team: Team, a: Approval, gone: str, successor: str | None
) -> Addressee | None:
    """Who the request goes to now (see the module)."""
    admins = sorted(engine.settings.admins)
    if a.approver_id == gone and a.on_behalf_of and a.on_behalf_of in team.members:
        return address(a.on_behalf_of, team, a.requester_id)
    to = successor if successor in team.members else next(iter(admins), None)
    if to is None:
        return None
    if to == a.requester_id:  # never to the requester themselves: one level higher
        up = team.members.get(to)
        to = (up.manager_id if up else None) or next((x for x in admins if x != to), None)
    return None if to is None else address(to, team, a.requester_id)


def _moved(w: notices.Writer, a: Approval, gone: str) -> outbox.Message:
    """The requester is told who has their request now."""
    r = w.reader(a.requester_id)
    text = r.t(
        "approval.rerouted",
        old=gone,
        new=a.approver_id,
        kind=view.kind_name(r, a.kind),
        title=bk.escape(a.title),
    )
    key = f"approval:{a.id}:rerouted:{a.approver_id}"
    return outbox.Message(
        a.team_id, key, "approval-rerouted", a.requester_id, text, [bk.section(text)]
    )
