"""SQLModel tables, one module per part of the work; every table is importable from here, and
importing this package registers them all (Alembic reads the metadata). Every row carries the
Slack team id; datetimes are aware UTC."""

from __future__ import annotations

from storage.models.away import DayMark, Leave, OvertimeForm, Whereabouts
from storage.models.clients import Client, ContactLog, ContractEnd, FunnelChange
from storage.models.day import DaySummary
from storage.models.job_life import JobAssignee, JobEvent, JobHours
from storage.models.outbox import OutboxMessage
from storage.models.people import Member
from storage.models.reports import ActionItem, ContactReport, Meeting
from storage.models.requests import Approval, ApprovalEvent, AuthorityLimit, Delegation, Job
from storage.models.week import AgendaItem, Duty, Receivable, WeeklyNote
from storage.models.workspace import CacheStamp, CalendarDay, TaskRun, TeamSetting

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Approval",
    "ApprovalEvent",
    "AuthorityLimit",
    "CacheStamp",
    "CalendarDay",
    "Client",
    "ContactLog",
    "ContactReport",
    "ContractEnd",
    "DayMark",
    "DaySummary",
    "Delegation",
    "Duty",
    "FunnelChange",
    "Job",
    "JobAssignee",
    "JobEvent",
    "JobHours",
    "Leave",
    "Meeting",
    "Member",
    "OutboxMessage",
    "OvertimeForm",
    "Receivable",
    "TaskRun",
    "TeamSetting",
    "WeeklyNote",
    "Whereabouts",
]
