"""jobs (工作单), approvals of every kind with their history, delegations, authority limits

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 05:20:44
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.db

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("amount", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requester_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("approver_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("on_behalf_of", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("decided_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("decided_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("routed_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("reminded_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("escalated_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("escalated_to", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.create_index(
            "ix_approval_team_approver", ["team_id", "approver_id", "status"], unique=False
        )
        batch_op.create_index("ix_approval_team_status", ["team_id", "status"], unique=False)

    op.create_table(
        "authoritylimit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("limit", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("strict", sa.Boolean(), nullable=False),
        sa.Column("denied", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "kind", "role"),
    )
    op.create_table(
        "delegation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("delegate_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("ended_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.create_index("ix_delegation_team_user", ["team_id", "user_id"], unique=False)

    op.create_table(
        "approvalevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("approval_id", sa.Integer(), nullable=False),
        sa.Column("at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("via", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            ["approval.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("approvalevent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_approvalevent_approval_id"), ["approval_id"], unique=False
        )

    op.create_table(
        "job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("department", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("project", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("job_type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("brief", sa.Text(), nullable=False),
        sa.Column("deadline", storage.db.UTCDateTime(), nullable=False),
        sa.Column("internal_deadline", storage.db.UTCDateTime(), nullable=False),
        sa.Column("materials_url", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("owner_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("issued_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("delivery_note", sa.Text(), nullable=True),
        sa.Column("closed_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("closed_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["job.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "department", "month", "seq", "revision"),
        sa.UniqueConstraint("team_id", "number"),
    )
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_approval_id"), ["approval_id"], unique=False)
        batch_op.create_index(
            "ix_job_team_owner_status", ["team_id", "owner_id", "status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_index("ix_job_team_owner_status")
        batch_op.drop_index(batch_op.f("ix_job_approval_id"))

    op.drop_table("job")
    with op.batch_alter_table("approvalevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_approvalevent_approval_id"))

    op.drop_table("approvalevent")
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.drop_index("ix_delegation_team_user")

    op.drop_table("delegation")
    op.drop_table("authoritylimit")
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_index("ix_approval_team_status")
        batch_op.drop_index("ix_approval_team_approver")

    op.drop_table("approval")
