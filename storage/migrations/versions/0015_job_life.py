"""a job's life: its head's acceptance, assignees, steps, sign-off and hours; a member's
department

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 04:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

from storage.db import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("member") as b:
        b.add_column(sa.Column("department", _S(length=12), nullable=True))
    with op.batch_alter_table("job") as b:
        b.add_column(sa.Column("accepted_by", _S(length=32), nullable=True))
        b.add_column(sa.Column("accepted_at", UTCDateTime(), nullable=True))
        b.add_column(sa.Column("signed_by_client", _S(length=200), nullable=True))
        b.add_column(sa.Column("signed_on", sa.Date(), nullable=True))
        b.add_column(sa.Column("accept_reminded_at", UTCDateTime(), nullable=True))
        b.add_column(sa.Column("internal_reminded_at", UTCDateTime(), nullable=True))
        b.add_column(sa.Column("overdue_told_at", UTCDateTime(), nullable=True))
    # A job approved before jobs had a life was handed to its department the old way (its
    # channel): it is with them already, not waiting to be accepted (no accept reminder).
    op.execute("UPDATE job SET status = 'accepted', accepted_at = updated_at WHERE status = 'open'")
    op.create_table(
        "jobevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", _S(length=32), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", _S(length=32), nullable=False),
        sa.Column("action", _S(length=20), nullable=False),
        sa.Column("from_status", _S(length=10), nullable=True),
        sa.Column("to_status", _S(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_jobevent_team_job", "jobevent", ["team_id", "job_id"])
    op.create_table(
        "jobassignee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", _S(length=32), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("user_id", _S(length=32), nullable=False),
        sa.Column("assigned_by", _S(length=32), nullable=False),
        sa.Column("assigned_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job_id", "user_id"),
    )
    op.create_index("ix_jobassignee_team_user", "jobassignee", ["team_id", "user_id"])
    op.create_table(
        "jobhours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", _S(length=32), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("user_id", _S(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_jobhours_team_job", "jobhours", ["team_id", "job_id"])
    op.create_index("ix_jobhours_team_day", "jobhours", ["team_id", "day"])


def downgrade() -> None:
    op.execute("UPDATE job SET status = 'open' WHERE status IN ('accepted', 'progress', 'review')")
    op.execute("UPDATE job SET status = 'open' WHERE status IN ('sent', 'revising', 'signed')")
    op.drop_table("jobhours")
    op.drop_table("jobassignee")
    op.drop_table("jobevent")
    with op.batch_alter_table("job") as b:
        for name in (
            "overdue_told_at",
            "internal_reminded_at",
            "accept_reminded_at",
            "signed_on",
            "signed_by_client",
            "accepted_at",
            "accepted_by",
        ):
            b.drop_column(name)
    with op.batch_alter_table("member") as b:
        b.drop_column("department")
