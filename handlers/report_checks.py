"""Who may write, edit and confirm a contact report, and how a refusal is told: the checks
the report's listeners share."""

from __future__ import annotations

from bot.rules.reports import may_confirm, may_write
from bot.slack.listeners import Request
from handlers.deps import Deps
from storage.models import ContactReport
from storage.reports import ReportContext


def why_not_write(deps: Deps, req: Request, ctx: ReportContext | None) -> tuple[str, dict]:
    """Why `req.user` may not write this contact's report ("" when they may)."""
    if ctx is None:
        return "creport.gone", {}
    if ctx.report is not None:
        sent = ctx.report.sent_at or ctx.report.created_at
        return "creport.already_written", {"when": deps.reader(req).when(sent)}
    c, client = ctx.contact, ctx.client
    people = (c.author_id, client.owner_id, client.backup_owner_id)
    if not may_write(req.user, people, (ctx.manager(c.author_id),), deps.admin(req.user)):
        return "creport.not_yours_write", {}
    return "", {}


def why_not_edit(deps: Deps, req: Request, report: ContactReport | None) -> tuple[str, dict]:
    r = deps.reader(req)
    if report is None:
        return "creport.gone", {}
    if report.author_id != req.user:
        return "creport.not_author", {"author": report.author_id}
    if report.confirmed_at is not None:
        return "creport.edit_confirmed", {
            "when": r.when(report.confirmed_at),
            "user": report.confirmed_by or "",
        }
    return "", {}


def why_not_confirm(
    deps: Deps, req: Request, ctx: ReportContext | None, report: ContactReport | None
) -> tuple[str, dict]:
    if ctx is None or report is None:
        return "creport.gone", {}
    client = ctx.client
    people = (report.author_id, client.owner_id, client.backup_owner_id)
    managers = [ctx.manager(p) for p in people]
    if not may_confirm(req.user, people, managers, deps.admin(req.user)):
        return "creport.not_allowed_confirm", {}
    if report.confirmed_at is not None:
        when = deps.reader(req).when(report.confirmed_at)
        return "creport.already_confirmed", {"when": when, "user": report.confirmed_by or ""}
    return "", {}
