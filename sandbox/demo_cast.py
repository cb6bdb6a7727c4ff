"""Who is in the demo's department, their clients and channels (sandbox/demo.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

SH = ZoneInfo("Asia/Shanghai")
GM, AD, PED, AM = "U0DGM", "U0DAD", "U0DPED", "U0DAM"
SUN, LILY = "U0DAE1", "U0DAE2"
CD, WRITER, ARTIST = "U0DCD", "U0DCW", "U0DCA"  # the creative department: its head, two staff
TEAM_CHANNEL, REPORT_CHANNEL = "C0DTEAM", "C0DREPORT"
CAST = {  # who and where, in the order what reaches them is shown
    GM: "周总 (GM)",
    AD: "赵总监 (AD)",
    PED: "吴总监 (project execution director)",
    AM: "钱经理 (AM)",
    SUN: "孙小明 (AE)",
    LILY: "Lily Li (AE)",
    CD: "陈总监 (creative head)",
    WRITER: "小吴 (copywriter)",
    ARTIST: "Amy (art director)",
    TEAM_CHANNEL: "#account-team",
    REPORT_CHANNEL: "#weekly-report",
}
TEAM_ROWS = [
    {"user_id": GM, "name": "周总", "role": "gm", "manager_id": "", "language": "zh"},
    {"user_id": AD, "name": "赵总监", "role": "ad", "manager_id": GM, "language": "zh"},
    {"user_id": PED, "name": "吴总监", "role": "ped", "manager_id": GM, "language": "zh"},
    {"user_id": AM, "name": "钱经理", "role": "am", "manager_id": AD, "language": "zh"},
    {"user_id": SUN, "name": "孙小明", "role": "ae", "manager_id": AM, "language": "zh"},
    {"user_id": LILY, "name": "Lily Li", "role": "ae", "manager_id": AM, "language": "en"},
    {
        "user_id": CD,
        "name": "陈总监",
        "role": "dh",
        "manager_id": GM,
        "language": "zh",
        "department": "creative",
    },
    {
        "user_id": WRITER,
        "name": "小吴",
        "role": "staff",
        "manager_id": CD,
        "language": "zh",
        "department": "creative",
    },
    {
        "user_id": ARTIST,
        "name": "Amy",
        "role": "staff",
        "manager_id": CD,
        "language": "en",
        "department": "creative",
    },
]
CLIENTS = [  # name, city, in-city, owner, contact person, cadence
    ("可口可乐", "上海", "true", SUN, "王经理", ""),
    ("百事可乐", "上海", "true", SUN, "刘总", ""),
    ("百威啤酒", "武汉", "false", SUN, "陈总", "5"),
    ("耐克", "北京", "false", SUN, "吴小姐", ""),
    ("Unilever", "Shanghai", "true", LILY, "Mr Ho", ""),
    ("Adidas", "Guangzhou", "false", LILY, "Ms Chan", ""),
]
CLIENT_ROWS = [
    dict(
        zip(
            ("name", "city", "in_city", "owner_id", "contact_person", "cadence_days"),
            c,
            strict=True,
        )
    )
    for c in CLIENTS
]
IMPORTED = datetime(2026, 11, 2, 9, tzinfo=SH)  # three weeks before the demo's Monday
