"""SQLModel tables. Every row carries the Slack team id; datetimes are aware UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.db import UTCDateTime


def utcnow() -> datetime:
    return datetime.now(UTC)


def _dt(nullable: bool = True, index: bool = False) -> Column:  # type: ignore[type-arg]
    return Column(UTCDateTime(), nullable=nullable, index=index)


class Member(SQLModel, table=True):
    """A person in the department, with a role and a manager (汇报对象)."""

    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32, index=True)
    user_id: str = Field(max_length=32)
    name: str = Field(max_length=200)
    role: str = Field(max_length=8)
    manager_id: str | None = Field(default=None, max_length=32)
    language: str | None = Field(default=None, max_length=2)  # chosen (import or /aebot language)
    slack_locale: str | None = Field(
        default=None, max_length=16
    )  # from Slack, e.g. "en-US"; "" if none
    # The first time they opened aebot's App Home: only those who have get it redrawn on changes.
    home_opened_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Client(SQLModel, table=True):
    """A client record (客户档案); its code is CITY-YYYYMM-NAME-NNN."""

    __table_args__ = (
        UniqueConstraint("team_id", "code"),
        UniqueConstraint("team_id", "name"),
        UniqueConstraint("team_id", "code_year", "serial"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32, index=True)
    code: str = Field(max_length=300)
    code_year: int
    serial: int
    name: str = Field(max_length=100)
    city: str = Field(max_length=50)
    in_city: bool = True
    contact_person: str = Field(default="", max_length=100)
    owner_id: str = Field(max_length=32, index=True)
    backup_owner_id: str | None = Field(default=None, max_length=32)
    cadence_days: int = 1
    funnel_stage: str = Field(default="prospect", max_length=12)  # the sales funnel (漏斗)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class ContactLog(SQLModel, table=True):
    """One logged contact with a client (联络记录). Undo marks it deleted, never erases it."""

    __table_args__ = (
        Index("ix_contactlog_team_client_at", "team_id", "client_id", "at"),
        Index("ix_contactlog_team_author_at", "team_id", "author_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    author_id: str = Field(max_length=32)
    kind: str = Field(max_length=10)
    at: datetime = Field(sa_column=_dt(nullable=False))
    summary: str = Field(max_length=3000)
    next_steps: str = Field(default="", max_length=3000)
    follow_up_on: date | None = Field(default=None, index=True)
    follow_up_sent_at: datetime | None = Field(default=None, sa_column=_dt())
    report_due: bool = False
    report_sent_at: datetime | None = Field(default=None, sa_column=_dt())
    report_reminded_at: datetime | None = Field(default=None, sa_column=_dt())
    report_escalated_at: datetime | None = Field(default=None, sa_column=_dt())
    deleted_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class JobRun(SQLModel, table=True):
    """The claim of one scheduled job for one period: inserted before sending, unique."""

    __table_args__ = (UniqueConstraint("team_id", "job", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    job: str = Field(max_length=40)
    period: str = Field(max_length=40)
    status: str = Field(default="running", max_length=12)
    detail: str = Field(default="", max_length=2000)
    claimed_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=_dt())


class TeamSetting(SQLModel, table=True):
    """A per-workspace setting changed by an admin (times, channels, limits)."""

    __table_args__ = (UniqueConstraint("team_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    key: str = Field(max_length=60)
    value: str = Field(max_length=500)
    updated_by: str | None = Field(default=None, max_length=32)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class CalendarDay(SQLModel, table=True):
    """An admin's correction to the working-day calendar (next year's announced holidays,
    a make-up Saturday); it takes precedence over the calendar library."""

    __table_args__ = (UniqueConstraint("team_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32, index=True)
    day: date
    working: bool
    name: str | None = Field(default=None, max_length=100)
    set_by: str | None = Field(default=None, max_length=32)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class OutboxMessage(SQLModel, table=True):
    """A message aebot decided to send, stored in the same transaction as the decision and
    delivered by the courier (scheduler/courier.py). Its key makes the decision idempotent:
    a rerun, a second process or a restart finds the row instead of sending again.

    Times the courier keeps for itself (`next_attempt_at`, `lease_until`, `first_attempt_at`)
    are the machine's wall clock; `useful_until`, `created_at` and `delivered_at` are the
    product's clock (settable in tests and `aebot jobs run --at`)."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("team_id", "key"),
        Index("ix_outbox_status_next", "status", "next_attempt_at"),
        Index("ix_outbox_run", "team_id", "job", "period"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    key: str = Field(max_length=200)  # job:period:recipient:purpose, or what a handler chose
    job: str | None = Field(default=None, max_length=40)  # the run that decided it, if any
    period: str | None = Field(default=None, max_length=40)
    purpose: str = Field(max_length=40)
    recipient: str = Field(max_length=32)  # a user id (the app's DM) or a channel id
    conversation: str | None = Field(default=None, max_length=32)  # the DM's id, once looked up
    text: str = Field(sa_column=Column(Text, nullable=False))
    blocks: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON
    effect: str | None = Field(default=None, max_length=40)  # what delivery marks done
    effect_ids: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON ids
    useful_until: datetime | None = Field(default=None, sa_column=_dt())
    # Held until then (the product's clock): a morning reminder waits for a deferred start.
    not_before: datetime | None = Field(default=None, sa_column=_dt())
    # Posted in the thread of the message with this key (same team), once that one is out.
    thread_of: str | None = Field(default=None, max_length=200)
    # Sent only if the message with this key (same team) is given up: its recipient is told it
    # did not arrive; dropped once that one is delivered.
    if_failed: str | None = Field(default=None, max_length=200)
    # A file instead of a message (files.uploadV2): its name and its bytes, base64.
    file_name: str | None = Field(default=None, max_length=200)
    file_b64: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    status: str = Field(
        default="pending", max_length=10
    )  # pending sending delivered failed expired
    attempts: int = 0
    unknown: bool = False  # an attempt's outcome is unknown: look for it before sending again
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    lease_until: datetime | None = Field(default=None, sa_column=_dt())
    leased_by: str | None = Field(default=None, max_length=40)
    first_attempt_at: datetime | None = Field(default=None, sa_column=_dt())
    ts: str | None = Field(default=None, max_length=32)  # Slack's ts of the delivered message
    error: str | None = Field(default=None, max_length=200)
    admin_told: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    delivered_at: datetime | None = Field(default=None, sa_column=_dt())


class Job(SQLModel, table=True):
    """A job request (工作单) or one of its follow-up modifications (后续修改, `revision` > 0).

    Its number (工作号) is made of the department's prefix, the year and month it was filed, and
    a per-department monthly sequence; the UNIQUE constraints make two filings at the same
    instant take two numbers, and nothing is ever deleted, so a number is never reused."""

    __table_args__ = (
        UniqueConstraint("team_id", "number"),
        UniqueConstraint("team_id", "department", "month", "seq", "revision"),
        Index("ix_job_team_owner_status", "team_id", "owner_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    number: str = Field(max_length=40)
    department: str = Field(max_length=12)
    month: int  # YYYYMM of the filing, in the workspace's zone
    seq: int
    revision: int = 0
    parent_id: int | None = Field(default=None, foreign_key="job.id")
    client_id: int = Field(foreign_key="client.id")
    project: str = Field(max_length=200)
    job_type: str = Field(max_length=100)
    brief: str = Field(sa_column=Column(Text, nullable=False))
    deadline: datetime = Field(sa_column=_dt(nullable=False))  # the client's
    internal_deadline: datetime = Field(sa_column=_dt(nullable=False))
    materials_url: str | None = Field(default=None, max_length=500)
    owner_id: str = Field(max_length=32)  # the requester, who tracks it until delivery
    issued_by: str = Field(max_length=32)  # who filed it (the issuer the handbook records)
    status: str = Field(default="pending", max_length=10)  # pending open rejected withdrawn closed
    approval_id: int | None = Field(default=None, index=True)
    delivery_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    closed_by: str | None = Field(default=None, max_length=32)
    closed_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Approval(SQLModel, table=True):
    """One request waiting for (or given) a decision, of any kind: a job, a commission…

    The decision is one conditional UPDATE (`status = 'pending'`): whoever clicks first
    decides, and every other click is told what was decided."""

    __table_args__ = (
        Index("ix_approval_team_status", "team_id", "status"),
        Index("ix_approval_team_approver", "team_id", "approver_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    kind: str = Field(max_length=30)  # job, job-revision, commission, discount…
    subject: str | None = Field(default=None, max_length=20)  # the table it decides ("job")
    subject_id: int | None = None
    title: str = Field(max_length=300)  # what is asked, as the requester wrote it
    fields: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON key fields
    amount: str | None = Field(default=None, max_length=20)  # a Decimal, as text
    client_id: int | None = None
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    requester_id: str = Field(max_length=32)
    approver_id: str | None = Field(default=None, max_length=32)  # None: self-approved
    on_behalf_of: str | None = Field(default=None, max_length=32)  # delegated by
    status: str = Field(default="pending", max_length=10)  # pending approved rejected withdrawn
    decided_by: str | None = Field(default=None, max_length=32)
    decided_at: datetime | None = Field(default=None, sa_column=_dt())
    decision_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    routed_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    reminded_at: datetime | None = Field(default=None, sa_column=_dt())
    escalated_at: datetime | None = Field(default=None, sa_column=_dt())
    escalated_to: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class ApprovalEvent(SQLModel, table=True):
    """What happened to a request: who, when, through what (button, command, job), and why."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    approval_id: int = Field(foreign_key="approval.id", index=True)
    at: datetime = Field(sa_column=_dt(nullable=False))
    actor: str = Field(max_length=32)  # a user id, or "aebot" for the timetable
    action: str = Field(max_length=20)  # filed routed approved rejected withdrawn reminded…
    via: str = Field(max_length=20)  # button, command, modal, job
    note: str = Field(default="", sa_column=Column(Text, nullable=False))


class Delegation(SQLModel, table=True):
    """Someone's decisions handed to a delegate until (and including) a day."""

    __table_args__ = (Index("ix_delegation_team_user", "team_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    delegate_id: str = Field(max_length=32)
    until: date
    ended_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class AuthorityLimit(SQLModel, table=True):
    """How much of a kind of request a role may decide (审批权限); admins change them. A team
    with no rows of a kind uses the handbook's (bot/rules/authority.py)."""

    __table_args__ = (UniqueConstraint("team_id", "kind", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    kind: str = Field(max_length=30)
    role: str = Field(max_length=8)
    limit: str | None = Field(default=None, max_length=20)  # a Decimal as text; None: any amount
    strict: bool = False  # amounts below the limit only
    denied: bool = False  # this role decides none of this kind
    updated_by: str | None = Field(default=None, max_length=32)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class OvertimeForm(SQLModel, table=True):
    """An overtime form (加班单): who stays, for which job or client, the planned hours, and
    whether it was filed after the day's cut-off (late). Signed through the approval engine."""

    __table_args__ = (Index("ix_overtimeform_team_day", "team_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    filer_id: str = Field(max_length=32)
    members: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON user ids
    job_id: int | None = Field(default=None, foreign_key="job.id")
    client_id: int | None = Field(default=None, foreign_key="client.id")
    day: date
    start: datetime = Field(sa_column=_dt(nullable=False))
    end: datetime = Field(sa_column=_dt(nullable=False))
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    late: bool = False  # filed after the cut-off (17:00) of its day
    status: str = Field(default="pending", max_length=10)  # pending approved rejected withdrawn
    approval_id: int | None = Field(default=None, index=True)
    # Work past 23:00 defers the next working morning (11点以后第二天早上顺延): the later start.
    deferred_until: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class DayMark(SQLModel, table=True):
    """Something a person said about one day ("no overtime today"): once per kind and day."""

    __table_args__ = (UniqueConstraint("team_id", "user_id", "day", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    day: date = Field(index=True)
    kind: str = Field(max_length=20)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Whereabouts(SQLModel, table=True):
    """The whereabouts register (去向登记): out to which client, why, until when."""

    __table_args__ = (Index("ix_whereabouts_team_start", "team_id", "start"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    purpose: str = Field(default="", max_length=500)
    start: datetime = Field(sa_column=_dt(nullable=False))
    end: datetime = Field(sa_column=_dt(nullable=False))
    from_home: bool = False  # straight to the client next morning (registered the day before)
    ended_at: datetime | None = Field(default=None, sa_column=_dt())  # `/out back`
    log_offered_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Leave(SQLModel, table=True):
    """Days off a person registered (年假, 病假…): no reminders of any kind on them."""

    __table_args__ = (Index("ix_leave_team_last", "team_id", "last_day"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    first_day: date
    last_day: date
    kind: str = Field(default="other", max_length=20)  # annual sick personal other
    note: str = Field(default="", max_length=500)
    cancelled_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class FunnelChange(SQLModel, table=True):
    """A client moved to another funnel stage (`/client stage`): the week's changes."""

    __table_args__ = (Index("ix_funnelchange_team_at", "team_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    from_stage: str = Field(max_length=12)
    to_stage: str = Field(max_length=12)
    by: str = Field(max_length=32)
    at: datetime = Field(sa_column=_dt(nullable=False))


class WeeklyNote(SQLModel, table=True):
    """An AE's weekly note (周报, at most 150 characters) for one client, or their problems
    needing coordination or suggestions (client_id None, `kind`)."""

    __table_args__ = (
        UniqueConstraint("team_id", "user_id", "week", "kind", "client_id"),
        Index("ix_weeklynote_team_week", "team_id", "week"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    user_id: str = Field(max_length=32)
    week: date  # the Monday of the week
    kind: str = Field(default="client", max_length=12)  # client problems suggestions
    client_id: int | None = Field(default=None, foreign_key="client.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class AgendaItem(SQLModel, table=True):
    """An item for next Monday's meeting (`/aebot agenda add …`)."""

    __table_args__ = (Index("ix_agendaitem_team_week", "team_id", "week"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    week: date  # the Monday of the meeting it is for
    text: str = Field(max_length=500)
    added_by: str = Field(max_length=32)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Receivable(SQLModel, table=True):
    """An overdue amount a client owes (坏账管理): monitored past 2 months, on every Monday
    agenda past 4, flagged for management past 6, until paid or written off."""

    __table_args__ = (Index("ix_receivable_team", "team_id", "closed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    client_id: int = Field(foreign_key="client.id")
    amount: str = Field(max_length=20)  # a Decimal as text
    due: date
    note: str = Field(default="", max_length=500)
    added_by: str = Field(max_length=32)
    closed_at: datetime | None = Field(default=None, sa_column=_dt())
    closed_as: str | None = Field(default=None, max_length=12)  # paid written-off
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))


class Duty(SQLModel, table=True):
    """Something an AE is asked to do for a client in a period and marks done with a button:
    the Monday weekly status report to the client (工作周报表), the month-end summary."""

    __table_args__ = (UniqueConstraint("team_id", "kind", "period", "client_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    kind: str = Field(max_length=20)  # client-status month-end
    period: str = Field(max_length=20)  # the week's Monday, or YYYY-MM
    client_id: int = Field(foreign_key="client.id")
    user_id: str = Field(max_length=32)
    done_at: datetime | None = Field(default=None, sa_column=_dt())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_dt(nullable=False))
