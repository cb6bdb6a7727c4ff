"""Texts of the sheets where a job's hours are seen (人员工时记录表): the `/overtime report`
sheet of hours per job and person, and the Friday report's hours on its work sheet."""

from __future__ import annotations

from bot.slack.messages.entry import M, zh_en

MESSAGES: dict[str, M] = {
    # --- `/overtime report`: the sheet "工时"/"Hours" (handlers/overtime_report.py) -------------
    "overtime.sheet.hours": zh_en("工时", "Hours"),
    "overtime.xlsx.number": zh_en("工作号", "Job number"),
    "overtime.xlsx.project": zh_en("项目", "Project"),
    "overtime.xlsx.client": zh_en("客户", "Client"),
    "overtime.xlsx.job_hours": zh_en("工作单工时（小时）", "Hours on the job"),
    "overtime.xlsx.their_overtime": zh_en("本人当月加班（小时）", "Their overtime that month (h)"),
    "overtime.report.hours_only": zh_en(
        "工作单上记录的工时在 Excel 表的“工时”页，正在发到你和 aebot 的私信。",
        "The hours recorded on jobs are on the sheet “Hours” of the Excel file on its way to "
        "your DM with aebot.",
    ),
    # --- the Friday report's work sheet (scheduler/report_files.py) -----------------------------
    "friday.x.hours": zh_en("本周工时（小时）", "Hours this week"),
    "friday.x.number": zh_en("工作号", "Job number"),
    "friday.x.project": zh_en("项目", "Project"),
    "friday.x.department": zh_en("部门", "Department"),
    "friday.x.state": zh_en("状态", "State"),
}
