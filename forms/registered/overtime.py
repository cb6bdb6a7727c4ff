"""The overtime form (加班单): signed by the project execution director (项目执行总监), else
the filer's business supervisor; a rejected one is edited and filed again; once a form that
ran past 23:00 is approved, each member and their manager are told of the later start
(11点以后第二天早上顺延)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.rules.approvals import APPROVED, REJECTED, WITHDRAWN, Route
from bot.rules.overtime import signer
from bot.rules.problems import Problem
from bot.settings import Settings
from bot.slack.texts import Reader
from bot.slack.views import overtime as view
from forms.kinds import Context, FormKind, Signing, register
from storage import overtime as store
from storage import queries
from storage.approvals import Subject
from storage.models import Approval, OvertimeForm
from storage.outbox import Message

SUBJECT = Subject(
    "overtime",
    OvertimeForm,
    {APPROVED: "approved", REJECTED: "rejected", WITHDRAWN: "withdrawn"},
)


def signers(_s: Session, g: Signing) -> Route | Problem:
    found = signer(g.requester.user_id, g.members)
    return Route((found.user_id,)) if found else Problem("overtime.no_approver")


def later_start(s: Session, a: Approval, now: datetime, ctx: Context) -> list[Message]:
    """Once approved, a form that earned a later start tells each member's manager when they
    start, and each member; useless once that start has come."""
    if a.status != APPROVED or a.subject != SUBJECT.name or not a.subject_id:
        return []
    form = store.get(s, a.team_id, a.subject_id, fresh=True)
    if form is None or form.deferred_until is None:
        return []
    return deferral_messages(s, ctx.settings, form, form.deferred_until, now)


def deferral_messages(
    s: Session, settings: Settings, form: OvertimeForm, until: datetime, now: datetime
) -> list[Message]:
    members = {m.user_id: m for m in queries.list_members(s, form.team_id)}
    staying = store.members_of(form)
    by_manager: dict[str, list[str]] = {}
    for user in staying:
        manager = members[user].manager_id if user in members else None
        if manager:
            by_manager.setdefault(manager, []).append(user)

    def reader(user: str) -> Reader:
        return Reader.of(members.get(user), settings.aebot_lang, settings.tz, now)

    out = []
    for manager, users in by_manager.items():
        text, blocks = view.deferred_for_manager(reader(manager), users, form.end, until)
        key = f"overtime-deferred:{form.id}:{manager}"
        out.append(
            Message(
                form.team_id, key, "overtime-deferred", manager, text, blocks, useful_until=until
            )
        )
    for user in staying:
        text, blocks = view.deferred_for_member(reader(user), form.end, until)
        key = f"overtime-start:{form.id}:{user}"
        out.append(
            Message(form.team_id, key, "overtime-start", user, text, blocks, useful_until=until)
        )
    return out


register(
    FormKind(
        "overtime",
        signers,
        SUBJECT,
        after_reject=(view.REFILE, "overtime.refile"),
        followers=later_start,
    )
)
