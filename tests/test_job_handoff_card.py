"""The handoff (工作单下发): once approved, each head of the job's department gets its card with
Accept, in their language, and the department's channel too; a department with no head and no
channel still gets its card to the owner."""

from __future__ import annotations

from sqlmodel import select

from storage.models import Member, OutboxMessage
from tests.conftest import TEAM, World
from tests.job_life_setup import DESIGN_HEAD, HEAD, add_departments, approved_job
from tests.test_jobs import dms, set_channel, text_of


def test_the_heads_and_the_channel_get_the_card_with_accept(world: World) -> None:
    add_departments(world)
    set_channel(world, "creative", "C0CREATIVE")
    j = approved_job(world)
    [card] = dms(world, HEAD, 1)
    assert card["text"] == "工作单 CR-202611-01《春季KV》：已批准，待接单"
    body = text_of(card)
    assert "这张工作单已批准，交给创意部。请接单并安排人手。" in body
    assert "*审批*：<@U0AM1>" in body
    assert [e["action_id"] for e in card["blocks"][-1]["elements"]] == ["job_accept"]
    assert card["blocks"][-1]["elements"][0]["value"] == str(j.id)
    [posted] = world.fake.messages("C0CREATIVE")
    assert [e["action_id"] for e in posted["blocks"][-1]["elements"]] == ["job_accept"]
    assert world.fake.dms(DESIGN_HEAD) == []  # another department's head hears nothing
    with world.bot.db.read() as s:
        keys = {m.key for m in s.exec(select(OutboxMessage))}
        heads = s.exec(select(Member).where(Member.team_id == TEAM, Member.role == "dh")).all()
    assert f"job-head:{j.id}:{HEAD}" in keys
    assert {m.department for m in heads} == {"creative", "design"}
