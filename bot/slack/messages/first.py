"""Texts of a team's first steps: what to do before a command can do its work
(handlers/first_steps.py)."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "first.no_team": zh_en(
        "团队名单还是空的。第一步：用 `/aebot team add @同事 ae manager @主管` 加入同事（或在服务器上用 "
        "`aebot team import team.csv` 导入整个团队）；第二步：用 `/client add` 添加客户。",
        "Nobody is on the team yet. First add people with "
        "`/aebot team add @someone ae manager @someone` (or load the whole team on the server with "
        "`aebot team import team.csv`), then add clients with `/client add`.",
    ),
    "first.no_clients": zh_en(
        "团队还没有客户档案，请先用 `/client add` 添加客户（整批的可以在服务器上用 "
        "`aebot clients import clients.csv` 导入）。",
        "The team has no clients yet: add one first with `/client add` (or load them all on the "
        "server with `aebot clients import clients.csv`).",
    ),
    "first.client_needs_owner": zh_en(
        "每个客户都要有团队里的负责人，但团队名单还是空的。先用 `/aebot team add @同事 ae manager @主管` "
        "加入同事（或在服务器上用 `aebot team import team.csv` 导入整个团队），再添加客户。",
        "Every client needs an owner on the team, and nobody is on it yet. Add people first with "
        "`/aebot team add @someone ae manager @someone` (or load the whole team on the server "
        "with `aebot team import team.csv`), then add clients.",
    ),
}
