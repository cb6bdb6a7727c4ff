"""Reporting lines from Slack (issue 18): admins add people with their role and manager, and
change either, with the CSV import's checks (a known role, a manager on the team, no reporting
cycle); every answer says what changed, and the refusals say what to type instead."""

from __future__ import annotations

from sqlmodel import select

from storage import queries
from storage.models import Member
from tests.conftest import ADMIN, TEAM, World, wait_until
from tests.test_jobs import all_jobs, file_job


def aebot(w: World, text: str, user: str = ADMIN) -> str:
    return str(w.slack.command("/aebot", text, user=user).json()["text"])


def member(w: World, user: str) -> Member | None:
    with w.bot.db.read() as s:
        return queries.get_member(s, TEAM, user)


def lines(w: World) -> dict[str, str | None]:
    with w.bot.db.read() as s:
        return {m.user_id: m.manager_id for m in s.exec(select(Member))}


def test_an_admin_adds_someone_with_role_and_manager_and_they_are_let_in(world: World) -> None:
    said = aebot(world, "team add <@U0NEW1|wang.fang> ae manager <@U0AM1|qian>")
    assert said == "已把 <@U0NEW1> 加入团队：客户执行（AE），汇报对象 <@U0AM1>。"
    new = member(world, "U0NEW1")
    assert new is not None and (new.name, new.role, new.manager_id) == ("wang.fang", "ae", "U0AM1")
    assert (
        world.slack.command("/contact", "help", user="U0NEW1")
        .json()["text"]
        .startswith("*/contact — 联络记录*")
    )  # on the team at once
    said = aebot(world, "team add <@U0NEW2|zhou> aae")
    assert said.startswith("已把 <@U0NEW2> 加入团队：助理客户执行（AAE），还没有汇报对象。")
    assert "`/aebot team set @同事 manager @主管`" in said
    chart = world.slack.command("/aebot", "team", user="U0AE2").json()
    assert chart["text"] == "The team (7 people)"
    assert "<@U0NEW1> wang.fang" in str(chart["blocks"])


def test_adding_is_checked_as_an_imported_row_is(world: World) -> None:
    before = lines(world)
    assert aebot(world, "team add <@U0AE1|sun> am") == (
        "<@U0AE1> 已经在团队里（客户执行（AE）），没有做任何改动。改角色用 `/aebot team set @同事 role am`，"
        "改汇报对象用 `/aebot team set @同事 manager @主管`。"
    )
    assert aebot(world, "team add <@U0NEW1|wang> ae manager <@U0GHOST|x>") == (
        "<@U0GHOST> 还不在团队里，不能做汇报对象，没有做任何改动。先用 `/aebot team add @同事 角色` "
        "把这位同事加入团队。"
    )
    assert aebot(world, "team add <@U0NEW1|wang> ae manager <@U0NEW1|wang>") == (
        "<@U0NEW1> 不能汇报给自己，没有做任何改动。"
    )
    usage = (
        "用法：`/aebot team add @同事 角色` 或 `/aebot team add @同事 角色 manager @主管`，"
        "角色是 aae, ae, am, ad, ped, gm, cs, fin, dh, staff 之一；`dh` 和 `staff` 后面跟部门，"
        "如 `/aebot team add @同事 staff design`。"
    )
    assert aebot(world, "team add <@U0NEW1|wang> boss") == usage
    assert aebot(world, "team add wang ae") == usage
    assert aebot(world, "team add <@U0NEW1|wang> ae reports <@U0AM1|qian>") == usage
    assert aebot(world, "team add <@U0NEW1|wang> ae", user="U0AM1") == (
        "只有管理员可以调整团队和汇报关系。`/aebot team` 可以查看团队架构。"
    )
    assert lines(world) == before


def test_an_admin_changes_a_manager_and_a_cycle_is_refused(world: World) -> None:
    assert aebot(world, "team set <@U0AE1|sun> manager <@U0AD1|zhao>") == (
        "<@U0AE1> 的汇报对象：<@U0AM1> → <@U0AD1>。"
    )
    assert lines(world)["U0AE1"] == "U0AD1"
    assert aebot(world, "team set <@U0AE1|sun> manager <@U0AD1|zhao>") == (
        "<@U0AE1> 已经汇报给 <@U0AD1>，没有改动。"
    )
    # Zhao AD ← Qian AM ← Li AE: Zhao reporting to Li would close the loop
    assert aebot(world, "team set <@U0AD1|zhao> manager <@U0AE2|li>") == (
        "这样会形成汇报循环：<@U0AD1> → <@U0AE2> → <@U0AM1> → <@U0AD1>，没有做任何改动。"
    )
    assert aebot(world, "team set <@U0AE2|li> manager <@U0AE2|li>") == (
        "<@U0AE2> 不能汇报给自己，没有做任何改动。"
    )
    assert aebot(world, "team set <@U0GHOST|x> manager <@U0AM1|qian>") == (
        "<@U0GHOST> 还不在团队里，没有做任何改动。先用 `/aebot team add @同事 角色 manager @主管` 加入。"
    )
    assert aebot(world, "team set <@U0AE1|sun> manager none") == (
        "<@U0AE1> 的汇报对象：<@U0AD1> → （无）。"
    )
    assert lines(world)["U0AE1"] is None and lines(world)["U0AD1"] is None


def test_an_admin_changes_a_role_in_english_too(world: World) -> None:
    with world.bot.db.write() as s:
        queries.upsert_member(s, TEAM, "U0AE2", world.clock.now(), role="am", language="en")
    r = world.slack.command("/aebot", "team set <@U0AE1|sun> role am", user="U0AE2").json()
    assert r["text"] == (
        "Only an admin can change the team and its reporting lines. `/aebot team` shows the "
        "org chart."
    )
    assert aebot(world, "team set <@U0AE1|sun> role am") == (
        "<@U0AE1> 的角色：客户执行（AE） → 客户经理（AM）。"
    )
    assert (
        aebot(world, "team set <@U0AE1|sun> role am")
        == "<@U0AE1> 的角色已经是客户经理（AM），没有改动。"
    )
    assert aebot(world, "team set <@U0AE1|sun> role boss").startswith(
        "用法：`/aebot team set @同事 manager @主管`"
    )
    found = member(world, "U0AE1")
    assert found is not None and found.role == "am"


def test_a_job_waits_for_a_manager_set_from_slack(world: World) -> None:
    """Without a reporting line a job request is refused with the command that fixes it; once
    an admin types it, the same request goes to that manager."""
    aebot(world, "team set <@U0AE2|li> manager none")
    refused = file_job(world, "U0AE2")
    assert "`/aebot team set @someone manager @someone`" in refused["errors"]["client"]
    assert all_jobs(world) == []
    aebot(world, "team set <@U0AE2|li> manager <@U0AM1|qian>")
    assert file_job(world, "U0AE2") == {}
    [job] = all_jobs(world)
    assert job.owner_id == "U0AE2"
    assert wait_until(lambda: any("批准" in str(m) for m in world.fake.dms("U0AM1")))  # to sign


def test_team_help_names_every_form(world: World) -> None:
    said = aebot(world, "team help", user="U0AE1")
    for form in ("team add @同事 ae manager @主管", "team set @同事 manager @主管", "role am"):
        assert form in said
    assert aebot(world, "team frobnicate", user="U0AE1") == (
        "没有“frobnicate”这个写法。`/aebot team help` 列出可用的写法。"
    )


def test_the_departments_people_come_with_their_department(world: World) -> None:
    said = aebot(world, "team add <@U0CDH|chen> dh 创意部")
    assert said.startswith("已把 <@U0CDH> 加入团队：部门主管（创意），还没有汇报对象。")
    said = aebot(world, "team add <@U0CW1|wu> staff CR manager <@U0CDH|chen>")
    assert said == "已把 <@U0CW1> 加入团队：部门同事（创意），汇报对象 <@U0CDH>。"
    assert aebot(world, "team add <@U0CW2|ann> staff").startswith("用法：`/aebot team add")
    assert aebot(world, "team add <@U0CW2|ann> staff sales").startswith("用法：")
    assert member(world, "U0CW2") is None
    assert aebot(world, "team set <@U0CW1|wu> department design") == (
        "<@U0CW1> 的角色：部门同事（创意） → 部门同事（设计）。"
    )
    assert aebot(world, "team set <@U0AE1|sun> department design") == (
        "<@U0AE1> 是客户执行（AE），不属于哪个部门：只有 `dh`（部门主管）和 `staff`（部门同事）有部门。"
        "没有做任何改动。"
    )
    assert aebot(world, "team set <@U0AE1|sun> role staff media") == (
        "<@U0AE1> 的角色：客户执行（AE） → 部门同事（媒介）。"
    )
    assert aebot(world, "team set <@U0AE1|sun> role ae") == (
        "<@U0AE1> 的角色：部门同事（媒介） → 客户执行（AE）。"
    )
    found, wu = member(world, "U0AE1"), member(world, "U0CW1")
    assert found is not None and (found.role, found.department) == ("ae", None)
    assert wu is not None and (wu.role, wu.department) == ("staff", "design")
    chart = world.slack.command("/aebot", "team", user="U0AE2").json()
    assert "<@U0CDH> chen — department head (Creative)" in str(chart["blocks"])
