"""Block Kit for client records: the list, the add/edit modal, the org chart."""

from __future__ import annotations

import json
from collections.abc import Sequence

from bot.i18n import t
from bot.slack import blocks as bk
from storage.models import Client, Member


def client_line(lang: str, c: Client) -> str:
    where = t(lang, "client.in_city" if c.in_city else "client.out_of_city")
    backup = f" · {t(lang, 'client.backup')} <@{c.backup_owner_id}>" if c.backup_owner_id else ""
    return t(
        lang,
        "client.line",
        name=bk.escape(c.name),
        code=bk.escape(c.code),
        city=bk.escape(c.city),
        where=where,
        person=bk.escape(c.contact_person or "—"),
        owner=c.owner_id,
        backup=backup,
        cadence=c.cadence_days,
    )


def client_list(lang: str, clients: Sequence[Client], title: str) -> list[bk.Block]:
    out = [bk.section(title)]
    for c in clients:
        out.append(bk.section(client_line(lang, c)))
    return bk.cap_blocks(out, t(lang, "common.more"))


def client_modal(
    lang: str, *, client: Client | None, owner_id: str, channel: str | None
) -> bk.Block:
    c = client
    where = [
        bk.option(t(lang, "client.in_city"), "true"),
        bk.option(t(lang, "client.out_of_city"), "false"),
    ]
    body = [
        bk.text_input(
            "name", t(lang, "client.f.name"), initial=c.name if c else "", max_length=100
        ),
        bk.text_input("city", t(lang, "client.f.city"), initial=c.city if c else "", max_length=50),
        bk.select_input(
            "in_city",
            t(lang, "client.f.in_city"),
            where,
            initial=("true" if c.in_city else "false") if c else "true",
        ),
        bk.text_input(
            "contact_person",
            t(lang, "client.f.person"),
            initial=c.contact_person if c else "",
            optional=True,
            max_length=100,
        ),
    ]
    if c is None:
        body.append(bk.user_input("owner", t(lang, "client.f.owner"), initial=owner_id))
    body += [
        bk.user_input(
            "backup",
            t(lang, "client.f.backup"),
            initial=c.backup_owner_id if c else None,
            optional=True,
        ),
        bk.text_input(
            "cadence",
            t(lang, "client.f.cadence"),
            initial=str(c.cadence_days) if c else "",
            optional=True,
            max_length=3,
            placeholder=t(lang, "client.f.cadence_ph"),
        ),
    ]
    if c is not None:
        body.insert(0, bk.context(t(lang, "client.code_note", code=bk.escape(c.code))))
    meta = json.dumps({"client_id": c.id if c else None, "channel": channel})
    title = t(lang, "client.modal.edit" if c else "client.modal.add")
    return bk.modal(
        "client_form", title, body, t(lang, "common.save"), t(lang, "common.cancel"), meta
    )


def org_chart(lang: str, members: Sequence[Member]) -> list[bk.Block]:
    """The team as a tree under each person's manager (汇报对象)."""
    ids = {m.user_id for m in members}
    reports: dict[str | None, list[Member]] = {}
    for m in members:
        reports.setdefault(m.manager_id if m.manager_id in ids else None, []).append(m)
    lines: list[str] = []
    shown: set[str] = set()

    def walk(manager: str | None, depth: int) -> None:
        for m in sorted(reports.get(manager, []), key=lambda x: (x.role, x.name)):
            if m.user_id in shown:
                continue
            shown.add(m.user_id)
            lines.append(
                "    " * depth
                + f"• <@{m.user_id}> {bk.escape(m.name)} — {t(lang, 'role.' + m.role)}"
            )
            walk(m.user_id, depth + 1)

    walk(None, 0)
    for m in members:  # people in a reporting loop still appear
        if m.user_id not in shown:
            reports.setdefault(f"loop:{m.user_id}", []).append(m)
            walk(f"loop:{m.user_id}", 0)
    if not lines:
        return [bk.section(t(lang, "team.empty"))]
    out = [bk.section(t(lang, "team.title", n=len(members)))]
    chunk: list[str] = []
    for line in lines:  # several sections so no text passes 3,000 characters
        if sum(len(x) + 1 for x in chunk) + len(line) > 2900:
            out.append(bk.section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    out.append(bk.section("\n".join(chunk)))
    return bk.cap_blocks(out, t(lang, "common.more"))
