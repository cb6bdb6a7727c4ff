"""The contact report's messages: each recipient's copy in their language, the author's with
the text for the client in the client's language; queued in the outbox with the report, each
keyed by report, version and person so that a retry never sends one twice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.rules.reports import lines, recipients
from bot.slack import blocks as bk
from bot.slack.texts import Reader
from bot.slack.views import reports as view
from handlers.deps import Deps
from storage import outbox
from storage import reports as stored
from storage.models import ActionItem, ContactReport
from storage.reports import ReportContext

PURPOSE = "contact-report"


def shown(
    ctx: ReportContext, report: ContactReport, items: Sequence[ActionItem] | None = None
) -> view.Shown:
    """A stored report as its messages show it: its action items with their owners and due
    days (`items`, else those read with the contact)."""
    listed = ctx.items if items is None else items
    return view.Shown(
        report_id=report.id or 0,
        client=ctx.client,
        kind=ctx.contact.kind,
        at=ctx.contact.at,
        author=report.author_id,
        version=report.version,
        ours=stored.people(report.our_attendees),
        theirs=report.client_attendees,
        conclusions=report.conclusions.splitlines(),
        items=[view.Item(i.text, i.owner_id, i.due_on) for i in listed]
        or [view.Item(line) for line in lines(report.items_text)],
        sent_to=stored.people(report.sent_to),
        sent_at=report.sent_at or report.updated_at,
        confirmed_by=report.confirmed_by,
        confirmed_at=report.confirmed_at,
        names={u: m.name for u, m in ctx.members.items()},
    )


def reader_for(deps: Deps, ctx: ReportContext, user: str, now: datetime) -> Reader:
    settings = deps.settings
    return Reader.of(ctx.members.get(user), settings.aebot_lang, settings.tz, now)


def client_reader(deps: Deps, ctx: ReportContext, now: datetime) -> Reader:
    """How the text for the client is written: in the client's language (zh unless set)."""
    lang = ctx.client.language if ctx.client.language in ("zh", "en") else "zh"
    return Reader(lang, deps.settings.tz, now)


def author_blocks(deps: Deps, ctx: ReportContext, rep: view.Shown, now: datetime) -> list[bk.Block]:
    """The author's copy: the report in their language, the text for the client in the
    client's."""
    r = reader_for(deps, ctx, rep.author, now)
    return view.report_blocks(r, rep, author_copy=True, client=client_reader(deps, ctx, now))


def report_messages(
    deps: Deps,
    ctx: ReportContext,
    report: ContactReport,
    before: list[str],
    now: datetime,
    items: Sequence[ActionItem],
) -> list[outbox.Message]:
    """One message to each person the report goes to (the author's own copy first); an edit
    also to everyone it went to before, as a correction."""
    rep = shown(ctx, report, items)
    out = []
    for user in recipients(rep.author, rep.sent_to, before):
        r = reader_for(deps, ctx, user, now)
        if user == rep.author:
            blocks = author_blocks(deps, ctx, rep, now)
        else:
            blocks = view.report_blocks(r, rep)
        key = f"{PURPOSE}:{rep.report_id}:v{rep.version}:{user}"
        posts = bk.parts(view.notification(r, rep), blocks, r, rest="common.rest_in_thread")
        for i, (text, part) in enumerate(posts, 1):
            out.append(
                outbox.Message(
                    report.team_id,
                    key if i == 1 else f"{key}:{i}",
                    PURPOSE,
                    user,
                    text,
                    part,
                    thread_of=None if i == 1 else key,
                )
            )
    return sorted(out, key=lambda m: m.thread_of is not None)
