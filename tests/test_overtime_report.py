"""`/overtime report`'s .xlsx goes to the requester's DM through the outbox: what people typed
is text in it, never a formula; Slack answering 500 to the upload is tried again and the file
arrives once; a file given up is told to the requester and to an admin. Through signed requests
and the fake Slack, on both databases."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from sqlmodel import col, select

from storage.models import OutboxMessage
from tests.conftest import ADMIN, World, wait_until
from tests.messages import text_of
from tests.test_overtime import PED, approval, approve, at, command, dms, forms, setup

FORMULA = '=HYPERLINK("http://x","y")'
FILE_NOTE = "Excel 表（“人员”“工作单和客户”和“工时”三页）正在发到你和 aebot 的私信。"
NOT_SENT = (
    "2026年11月加班统计的 Excel 文件没能发到你的私信，管理员已收到通知。"
    "请稍后再用 `/overtime report 2026-11` 取一次。"
)


def add_client(w: World, name: str) -> None:
    """A client added through `/client add`, named as typed."""
    w.slack.command("/client", "add")
    view = w.slack.wait_for("views.open")[-1].args["view"]
    assert w.slack.submit(view, {"name": name, "city": "上海", "in_city": "true"}).text == ""


def approved(w: World, *quick: str) -> None:
    """Forms filed with the quick path in November, approved, and the clock in December."""
    setup(w)
    for typed in quick:
        command(w, typed)
    dms(w, PED, len(quick))
    for f in forms(w):
        approve(w, approval(w, f.approval_id))
    at(w, 2026, 12, 2, 9, 0)


def report(w: World, user: str = "U0AM1") -> str:
    r = w.slack.command("/overtime", "report 2026-11", user=user)
    assert r.status_code == 200
    return text_of(r.json())


def settled(w: World) -> dict[str, OutboxMessage]:
    """The report's outbox rows once the courier is done with them, by purpose."""

    def rows() -> list[OutboxMessage]:
        with w.bot.db.read() as s:
            q = select(OutboxMessage).where(
                col(OutboxMessage.purpose).startswith("overtime-report")
            )
            return list(s.exec(q))

    assert wait_until(lambda: all(r.status not in ("pending", "sending") for r in rows()))
    return {r.purpose: r for r in rows()}


def received(w: World) -> Workbook:
    [done] = w.slack.wait_for("files.completeUploadExternal")
    assert done.args["channel_id"] == "DU0AM1"  # the requester's DM
    [entry] = done.args["files"]
    return load_workbook(io.BytesIO(w.fake.uploads[entry["id"]]))


def test_what_people_typed_is_text_in_the_xlsx_never_a_formula(world: World) -> None:
    add_client(world, FORMULA)
    approved(world, f"19:00-21:00 {FORMULA} 改稿")
    assert report(world).endswith(FILE_NOTE)
    book = received(world)
    [target] = [row[0] for row in book["工作单和客户"].iter_rows(min_row=2, max_row=2)]
    assert (target.value, target.data_type) == (FORMULA, "s")
    hours = book["工作单和客户"]["B2"]
    assert (hours.value, hours.data_type, hours.number_format) == (2, "n", "0.0#")
    assert book["人员"].freeze_panes == book["工作单和客户"].freeze_panes == "A2"


def test_slack_answering_500_to_the_upload_is_tried_again_and_the_file_arrives_once(
    world: World,
) -> None:
    approved(world, "19:00-21:00 Nike 改稿")
    world.bot.courier.backoff = 0.01
    world.fake.inject("files.getUploadURLExternal", "http500")
    assert report(world).endswith(FILE_NOTE)
    book = received(world)
    assert book.sheetnames == ["人员", "工作单和客户", "工时"]
    rows = settled(world)
    assert rows["overtime-report"].status == "delivered"
    assert rows["overtime-report-not-sent"].status == "expired"  # it arrived: nothing to tell
    calls = world.fake.calls_to("files.getUploadURLExternal")
    assert [c.fault for c in calls] == ["http500", None]
    assert len(world.fake.calls_to("files.completeUploadExternal")) == 1
    assert len(world.fake.files) == 1
    assert [m["text"] for m in world.fake.dms("U0AM1")] == []  # no other message in the DM
    assert world.fake.dms(ADMIN) == []


def test_a_file_given_up_is_told_to_the_requester_and_an_admin(world: World) -> None:
    approved(world, "19:00-21:00 Nike 改稿")
    world.bot.courier.backoff = 0.01
    # Slack failed the step that shares the file: it may be there, so it is never sent twice
    world.fake.inject("files.completeUploadExternal", "http500")
    assert report(world).endswith(FILE_NOTE)
    rows = settled(world)
    assert (rows["overtime-report"].status, rows["overtime-report"].error) == (
        "failed",
        "upload outcome unknown (internal_error)",
    )
    assert rows["overtime-report-not-sent"].status == "delivered"
    assert wait_until(lambda: world.fake.dms(ADMIN))
    assert world.fake.files == {}
    assert len(world.fake.calls_to("files.completeUploadExternal")) == 1
    [told] = world.fake.dms("U0AM1")
    assert told["text"] == NOT_SENT
    [notice] = world.fake.dms(ADMIN)
    assert "<@U0AM1>（overtime-report）：upload outcome unknown (internal_error)" in notice["text"]
