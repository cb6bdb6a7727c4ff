"""Texts of the travel advance (差旅费申请, `/aebot request travel`)."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    "approval.kind.travel": zh_en("差旅费申请", "travel advance"),
    "request.usage.travel": zh_en(
        "用法：`/aebot request travel 金额 城市 日期 事由`，例如 `/aebot request {example}`。"
        "出差前申请，由总经理审批，批准后抄送财务。",
        "Usage: `/aebot request travel AMOUNT CITY DATES REASON`, e.g. `/aebot request {example}`. "
        "Ask before the trip: the general manager signs it, and finance is copied once approved.",
    ),
    "travel.f.amount": zh_en("金额", "Amount"),
    "travel.f.city": zh_en("目的地", "Destination"),
    "travel.f.first": zh_en("出发", "From"),
    "travel.f.last": zh_en("返回", "To"),
    "travel.need_city": zh_en(
        "请在金额后面写上要去的城市（一个词），再写日期。",
        "Please give the city you travel to (one word) after the amount, then the dates.",
    ),
    "travel.city_too_long": zh_en(
        "城市名称最多 {max} 个字。", "A city is at most {max} characters."
    ),
    "travel.need_dates": zh_en(
        "请在城市后面写上出差日期，例如 {eg_span} 或 {eg_span_short}，或一天：{eg_day}。",
        "Please give the dates of the trip after the city, like {eg_span} or {eg_span_short}, or "
        "one day: {eg_day}.",
    ),
    "travel.past": zh_en(
        "{day} 已经过去了：差旅费要在出差前申请。",
        "{day} is in the past: a travel advance is asked for before the trip.",
    ),
    "travel.too_long": zh_en("一次出差最多 {max} 天。", "A trip is at most {max} days."),
    "travel.no_gm": zh_en(
        "差旅费由总经理审批，但团队里没有（其他）总经理。管理员可以用 `/aebot team set @同事 role gm` 指定。",
        "A travel advance is signed by the general manager, and the team has no (other) general "
        "manager. An admin names one with `/aebot team set @someone role gm`.",
    ),
}
