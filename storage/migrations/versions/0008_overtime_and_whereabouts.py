"""overtime forms, day marks, the whereabouts register, leave; outbox rows held until a time

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 06:04:58
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.db

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "daymark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "user_id", "day", "kind"),
    )
    with op.batch_alter_table("daymark", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_daymark_day"), ["day"], unique=False)

    op.create_table(
        "leave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("cancelled_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("leave", schema=None) as batch_op:
        batch_op.create_index("ix_leave_team_last", ["team_id", "last_day"], unique=False)

    op.create_table(
        "whereabouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("start", storage.db.UTCDateTime(), nullable=False),
        sa.Column("end", storage.db.UTCDateTime(), nullable=False),
        sa.Column("from_home", sa.Boolean(), nullable=False),
        sa.Column("ended_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("log_offered_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("whereabouts", schema=None) as batch_op:
        batch_op.create_index("ix_whereabouts_team_start", ["team_id", "start"], unique=False)

    op.create_table(
        "overtimeform",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("filer_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start", storage.db.UTCDateTime(), nullable=False),
        sa.Column("end", storage.db.UTCDateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("deferred_until", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["job.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("overtimeform", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_overtimeform_approval_id"), ["approval_id"], unique=False
        )
        batch_op.create_index("ix_overtimeform_team_day", ["team_id", "day"], unique=False)

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("not_before", storage.db.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("not_before")

    with op.batch_alter_table("overtimeform", schema=None) as batch_op:
        batch_op.drop_index("ix_overtimeform_team_day")
        batch_op.drop_index(batch_op.f("ix_overtimeform_approval_id"))

    op.drop_table("overtimeform")
    with op.batch_alter_table("whereabouts", schema=None) as batch_op:
        batch_op.drop_index("ix_whereabouts_team_start")

    op.drop_table("whereabouts")
    with op.batch_alter_table("leave", schema=None) as batch_op:
        batch_op.drop_index("ix_leave_team_last")

    op.drop_table("leave")
    with op.batch_alter_table("daymark", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_daymark_day"))

    op.drop_table("daymark")
