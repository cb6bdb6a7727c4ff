"""Block Kit of the approval engine: the request as its approver, the requester and a
manager see it, with its buttons; the same once decided (buttons gone, the decision shown);
the reject modal."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Protocol

from bot.rules.approvals import APPROVED, PENDING, REJECTED, Shown, shown_from, signers_list
from bot.slack import blocks as bk
from bot.slack.texts import Reader

APPROVE, REJECT, WITHDRAW = "approval_approve", "approval_reject", "approval_withdraw"
REJECT_FORM = "approval_reject_form"
REASON = "reason"


class ApprovalRecord(Protocol):
    id: int | None
    kind: str
    title: str
    fields: str
    reason: str
    requester_id: str
    approver_id: str | None
    on_behalf_of: str | None
    status: str
    signers: str
    step: int
    escalated_to: str | None
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    created_at: datetime


def kind_name(r: Reader, kind: str) -> str:
    return r.t(f"approval.kind.{kind}")


def value_of(r: Reader, f: Shown) -> str:
    """A field's value as this reader writes it."""
    try:
        if f.kind == "user":
            return f"<@{f.value}>"
        if f.kind == "when":
            return r.when(datetime.fromisoformat(f.value))
        if f.kind == "day":
            return r.day(date.fromisoformat(f.value))
        if f.kind == "code":
            return f"`{bk.escape(f.value)}`"
        if f.kind == "key":  # a text of the catalogue, in the reader's language
            return r.t(f.value)
    except ValueError:
        pass
    return bk.escape(f.value)


def field_lines(r: Reader, a: ApprovalRecord) -> list[str]:
    try:
        rows = json.loads(a.fields or "[]")
    except ValueError:
        rows = []
    lines = [
        f"*{r.t(f.label)}*：{value_of(r, f)}"
        if r.lang == "zh"
        else f"*{r.t(f.label)}*: {value_of(r, f)}"
        for f in shown_from(rows)
    ]
    if a.reason:
        lines.append(r.t("approval.reason_line", reason=bk.escape(a.reason)))
    progress = progress_line(r, a)
    if progress:
        lines.append(progress)
    return lines


def progress_line(r: Reader, a: ApprovalRecord) -> str | None:
    """Where a request needing several signatures stands: "✅ <@AD> → ⏳ <@CS>"."""
    chain = signers_list(a.signers, a.approver_id, a.on_behalf_of)
    if len(chain) < 2:
        return None
    marks = []
    for i, signer in enumerate(chain):
        if i < a.step or a.status == APPROVED:
            mark = "✅"
        elif i == a.step and a.status == PENDING:
            mark = "⏳"
        elif i == a.step and a.status == REJECTED:
            mark = "❌"
        else:
            mark = "·"
        marks.append(f"{mark} <@{signer}>")
    return r.t("approval.progress", steps=" → ".join(marks), n=a.step + 1, total=len(chain))


def summary(r: Reader, a: ApprovalRecord) -> str:
    """One line for notifications: what was asked, by whom."""
    return r.t(
        "approval.asks_text",
        requester=a.requester_id,
        kind=kind_name(r, a.kind),
        title=bk.escape(a.title),
    )


def request_blocks(
    r: Reader,
    a: ApprovalRecord,
    *,
    note: str | None = None,
    buttons: bool = True,
) -> list[bk.Block]:
    """The request as a decider sees it: what is asked, by whom, the key fields, and Approve /
    Reject while it is pending (`note`: on whose behalf, or why it came to a manager)."""
    head = r.t(
        "approval.asks",
        requester=a.requester_id,
        kind=kind_name(r, a.kind),
        title=bk.escape(a.title),
    )
    out = bk.sections([head, *field_lines(r, a)])
    if note:
        out.append(bk.context(note))
    if a.status == PENDING and buttons:
        value = str(a.id)
        out.append(
            bk.actions(
                bk.button(r.t("approval.approve"), APPROVE, value, "primary"),
                bk.button(r.t("approval.reject"), REJECT, value, "danger"),
                block_id=f"approval-{a.id}",
            )
        )
    elif a.status != PENDING:
        out.append(bk.section(decision_line(r, a)))
    else:
        out.append(bk.section(r.t("approval.now_with", approver=a.approver_id)))
    return out


def requester_blocks(r: Reader, a: ApprovalRecord) -> list[bk.Block]:
    """The requester's copy: where it waits, with Withdraw while it is pending."""
    if a.status == PENDING:
        key = "approval.filed_on_behalf" if a.on_behalf_of else "approval.filed"
        head = r.t(
            key,
            kind=kind_name(r, a.kind),
            title=bk.escape(a.title),
            approver=a.approver_id,
            user=a.on_behalf_of,
        )
    else:
        head = r.t("approval.mine", kind=kind_name(r, a.kind), title=bk.escape(a.title))
    out = bk.sections([head, *field_lines(r, a)])
    if a.status == PENDING:
        out.append(
            bk.actions(
                bk.button(r.t("approval.withdraw"), WITHDRAW, str(a.id)),
                block_id=f"approval-{a.id}",
            )
        )
    else:
        out.append(bk.section(decision_line(r, a)))
    return out


def decision_line(r: Reader, a: ApprovalRecord) -> str:
    when = r.when(a.decided_at) if a.decided_at else ""
    if a.status == APPROVED and a.approver_id is None:
        return r.t("approval.decided.self", when=when)
    note = bk.escape(a.decision_note or "")
    return r.t(f"approval.decided.{a.status}", by=a.decided_by, when=when, note=note)


def told_blocks(
    r: Reader, a: ApprovalRecord, subject_id: int | None, after_reject: tuple[str, str] | None
) -> tuple[str, list[bk.Block]]:
    """The requester's DM about a decision, with the reason; after a rejection, the kind's own
    next step (`after_reject`: a job's "Edit and resubmit")."""
    key = "approval.told.rejected" if a.status == REJECTED else "approval.told.approved"
    text = r.t(
        key,
        by=a.decided_by,
        kind=kind_name(r, a.kind),
        title=bk.escape(a.title),
        note=bk.escape(a.decision_note or ""),
    )
    out = bk.sections([text, *field_lines(r, a)])
    if a.status == REJECTED and after_reject and subject_id:
        action, label = after_reject
        out.append(bk.actions(bk.button(r.t(label), action, str(subject_id), "primary")))
    return text, out


def signed_blocks(r: Reader, a: ApprovalRecord, by: str) -> tuple[str, list[bk.Block]]:
    """The requester's DM when one signature of several is given: who signed, who is next."""
    text = r.t(
        "approval.told.signed",
        by=by,
        kind=kind_name(r, a.kind),
        title=bk.escape(a.title),
        approver=a.approver_id,
        n=a.step,
        total=len(signers_list(a.signers, a.approver_id, a.on_behalf_of)),
    )
    return text, bk.sections([text, *field_lines(r, a)])


def copy_blocks(r: Reader, a: ApprovalRecord) -> tuple[str, list[bk.Block]]:
    """For someone copied (抄送), who does not decide: a request filed, or approved."""
    key = "approval.copy.approved" if a.status == APPROVED else "approval.copy.filed"
    text = r.t(
        key,
        requester=a.requester_id,
        kind=kind_name(r, a.kind),
        title=bk.escape(a.title),
        by=a.decided_by,
        approver=a.approver_id,
    )
    return text, bk.sections([text, *field_lines(r, a)]) + [bk.context(r.t("approval.copy.note"))]


def reject_modal(r: Reader, a: ApprovalRecord, meta: dict[str, object]) -> bk.Block:
    what = r.t(
        "approval.reject_what",
        requester=a.requester_id,
        kind=kind_name(r, a.kind),
        title=bk.escape(a.title),
    )
    return bk.modal(
        REJECT_FORM,
        r.t("approval.reject_title"),
        [
            bk.section(what),
            bk.text_input(REASON, r.t("approval.reject_reason"), multiline=True, max_length=1000),
        ],
        submit=r.t("approval.reject_submit"),
        close=r.t("common.cancel"),
        private_metadata=json.dumps(meta),
    )
