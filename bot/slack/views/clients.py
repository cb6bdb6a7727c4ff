"""Block Kit for client records: the list, the add/edit modal, the org chart; and what every
feature says when a typed name is no one client (`not_found`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from bot.rules.client_status import ACTIVE, CLIENT_STATUSES, ORDER, status_on
from bot.rules.clients import CANDIDATES, ClientRecord, Match, Named
from bot.rules.people import ROLES, MemberRecord
from bot.slack import blocks as bk
from bot.slack.messages import MESSAGES
from bot.slack.texts import Reader

FORM = "client_form"  # callback_id of the add/edit modal


class StagedClient(ClientRecord, Protocol):
    """A client with its sales-funnel stage and its status (storage's Client is one)."""

    funnel_stage: str
    status: str
    status_since: date | None
    status_note: str


def stage_name(r: Reader, stage: str) -> str:
    """A sales-funnel stage in the reader's language ("提案", "proposal")."""
    return r.t(f"funnel.{stage}") if f"funnel.{stage}" in MESSAGES else stage


def not_found(r: Reader, typed: str, match: Match[Named]) -> str:
    """What to say when `typed` names no one client, in the same words everywhere: the
    candidates it could be (name and code, at most 10), else that no client matches; a name
    not typed at all is asked for."""
    if not typed.strip():
        return r.t("client.need_name")
    shown = bk.escape(typed[:100])
    if not match.candidates:
        return r.t("client.unknown", name=shown)
    names = r.join(
        f"{bk.escape(c.name)} ({bk.escape(c.code)})" for c in match.candidates[:CANDIDATES]
    )
    return r.t("client.ambiguous", name=shown, names=names)


def status_name(r: Reader, status: str) -> str:
    """A client's status in the reader's language ("暂停", "paused")."""
    return r.t(f"cstatus.{status}") if f"cstatus.{status}" in MESSAGES else status


def status_now(r: Reader, c: StagedClient) -> str:
    """The client's status on the reader's today (an end dated ahead has not begun)."""
    return status_on(c.status, c.status_since, r.now.astimezone(r.zone).date())


def status_text(r: Reader, c: StagedClient) -> str:
    """ "状态：*暂停*，周二 12月1日 起（客户内部调整到1月）", or, for an end dated ahead, from
    when; empty for an active client."""
    if c.status == ACTIVE or c.status not in CLIENT_STATUSES:
        return ""
    now = status_now(r, c)
    name = status_name(r, c.status)
    if now != c.status and c.status_since is not None:
        said = r.t("cstatus.line_ahead", day=r.day(c.status_since), status=name)
    elif c.status_since is not None:
        said = r.t("cstatus.line", status=name, day=r.day(c.status_since))
    else:
        said = r.t("cstatus.line_undated", status=name)
    if c.status_note:
        said += r.t("cstatus.line_why", note=bk.escape(bk.clip(c.status_note, 200)))
    return said


def client_line(r: Reader, c: StagedClient) -> str:
    where = r.t("client.in_city" if c.in_city else "client.out_of_city")
    backup = f" · {r.t('client.backup')} <@{c.backup_owner_id}>" if c.backup_owner_id else ""
    line = r.t(
        "client.line",
        name=bk.escape(c.name),
        code=bk.escape(c.code),
        city=bk.escape(c.city),
        where=where,
        person=bk.escape(c.contact_person or "—"),
        owner=c.owner_id,
        backup=backup,
        cadence=cadence(r, c.cadence_days),
        stage=stage_name(r, c.funnel_stage),
    )
    status = status_text(r, c)
    return f"{line} · {status}" if status else line


def cadence(r: Reader, days: int) -> str:
    """How often a client is called: "每个工作日联络", "每 3 个工作日联络"."""
    return r.t("client.cadence.daily") if days <= 1 else r.t("client.cadence.every", n=days)


def role_list(r: Reader) -> str:
    """The roles as typed and as named: "`ae` 客户执行（AE）、`am` 客户经理（AM）…"."""
    return r.join(f"`{role}` {r.t('role.' + role)}" for role in ROLES)


def client_list(r: Reader, clients: Sequence[StagedClient], title: str) -> list[bk.Block]:
    """The title, then a line per client, grouped by status (active first, then prospects,
    paused, ended; a group with no client is not named, nor one alone when all are active);
    split to fit Slack by whoever sends it."""
    groups: dict[str, list[StagedClient]] = {}
    for c in clients:
        groups.setdefault(status_now(r, c), []).append(c)
    out = [bk.section(title)]
    named = set(groups) != {ACTIVE}
    for status in sorted(groups, key=lambda x: ORDER.get(x, len(ORDER))):
        if named:
            out.append(bk.section(r.t("cstatus.group", status=status_name(r, status))))
        out += [bk.section(client_line(r, c)) for c in groups[status]]
    return out


def client_modal(
    r: Reader, *, client: ClientRecord | None, owner_id: str, channel: str | None
) -> bk.Block:
    """Add a client (`client` None), or edit one: its code shown, never changed."""
    c = client
    body = _client_fields(r, c, owner_id)
    if c is not None:
        body.insert(0, bk.context(r.t("client.code_note", code=bk.escape(c.code))))
    meta = json.dumps({"client_id": c.id if c else None, "channel": channel})
    title = r.t("client.modal.edit" if c else "client.modal.add")
    return bk.modal(FORM, title, body, r.t("common.save"), r.t("common.cancel"), meta)


def _client_fields(r: Reader, c: ClientRecord | None, owner_id: str) -> list[bk.Block]:
    where = [
        bk.option(r.t("client.in_city"), "true"),
        bk.option(r.t("client.out_of_city"), "false"),
    ]
    body = [
        bk.text_input("name", r.t("client.f.name"), initial=c.name if c else "", max_length=100),
        bk.text_input("city", r.t("client.f.city"), initial=c.city if c else "", max_length=50),
        bk.select_input(
            "in_city",
            r.t("client.f.in_city"),
            where,
            initial=("true" if c.in_city else "false") if c else "true",
        ),
        bk.text_input(
            "contact_person",
            r.t("client.f.person"),
            initial=c.contact_person if c else "",
            optional=True,
            max_length=100,
        ),
    ]
    if c is None:
        body.append(bk.user_input("owner", r.t("client.f.owner"), initial=owner_id))
    body += [
        bk.user_input(
            "backup",
            r.t("client.f.backup"),
            initial=c.backup_owner_id if c else None,
            optional=True,
        ),
        bk.text_input(
            "cadence",
            r.t("client.f.cadence"),
            initial=str(c.cadence_days) if c else "",
            optional=True,
            max_length=3,
            placeholder=r.t("client.f.cadence_ph"),
        ),
    ]
    return body


def org_chart(r: Reader, members: Sequence[MemberRecord]) -> list[bk.Block]:
    """The team as a tree under each person's manager (汇报对象)."""
    ids = {m.user_id for m in members}
    reports: dict[str | None, list[MemberRecord]] = {}
    for m in members:
        reports.setdefault(m.manager_id if m.manager_id in ids else None, []).append(m)
    lines: list[str] = []
    shown: set[str] = set()

    def walk(manager: str | None, depth: int) -> None:
        for m in sorted(reports.get(manager, []), key=lambda x: (x.role, x.name)):
            if m.user_id in shown:
                continue
            shown.add(m.user_id)
            role = r.t("role." + m.role)
            if m.department:
                role = r.t("team.role_in", role=role, department=r.t(f"job.dept.{m.department}"))
            lines.append("    " * depth + f"• <@{m.user_id}> {bk.escape(m.name)} — {role}")
            walk(m.user_id, depth + 1)

    walk(None, 0)
    for m in members:  # people in a reporting loop still appear
        if m.user_id not in shown:
            reports.setdefault(f"loop:{m.user_id}", []).append(m)
            walk(f"loop:{m.user_id}", 0)
    if not lines:
        return [bk.section(r.t("team.empty"))]
    out = [bk.section(r.t("team.title", n=len(members))), *bk.sections(lines)]
    return bk.cap_blocks(out, r.more)
