"""the week: weekly notes, agenda items, receivables, duties, the funnel; threads and files in the outbox

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 06:35:48
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.db

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agendaitem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("added_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agendaitem", schema=None) as batch_op:
        batch_op.create_index("ix_agendaitem_team_week", ["team_id", "week"], unique=False)

    op.create_table(
        "duty",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("done_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "kind", "period", "client_id"),
    )
    op.create_table(
        "funnelchange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("from_stage", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("to_stage", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("funnelchange", schema=None) as batch_op:
        batch_op.create_index("ix_funnelchange_team_at", ["team_id", "at"], unique=False)

    op.create_table(
        "receivable",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("amount", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("added_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("closed_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("closed_as", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("receivable", schema=None) as batch_op:
        batch_op.create_index("ix_receivable_team", ["team_id", "closed_at"], unique=False)

    op.create_table(
        "weeklynote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("user_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "user_id", "week", "kind", "client_id"),
    )
    with op.batch_alter_table("weeklynote", schema=None) as batch_op:
        batch_op.create_index("ix_weeklynote_team_week", ["team_id", "week"], unique=False)

    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "funnel_stage",
                sqlmodel.sql.sqltypes.AutoString(length=12),
                nullable=False,
                server_default="prospect",  # every client so far starts at the top
            )
        )

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("thread_of", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(
            sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(sa.Column("file_b64", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("file_b64")
        batch_op.drop_column("file_name")
        batch_op.drop_column("thread_of")

    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("funnel_stage")

    with op.batch_alter_table("weeklynote", schema=None) as batch_op:
        batch_op.drop_index("ix_weeklynote_team_week")

    op.drop_table("weeklynote")
    with op.batch_alter_table("receivable", schema=None) as batch_op:
        batch_op.drop_index("ix_receivable_team")

    op.drop_table("receivable")
    with op.batch_alter_table("funnelchange", schema=None) as batch_op:
        batch_op.drop_index("ix_funnelchange_team_at")

    op.drop_table("funnelchange")
    op.drop_table("duty")
    with op.batch_alter_table("agendaitem", schema=None) as batch_op:
        batch_op.drop_index("ix_agendaitem_team_week")

    op.drop_table("agendaitem")
