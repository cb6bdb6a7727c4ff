"""contact reports, action items, meetings; a client's language; an important contact

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 01:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.db

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contactreport",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("our_attendees", sa.Text(), nullable=False),
        sa.Column(
            "client_attendees", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False
        ),
        sa.Column("conclusions", sa.Text(), nullable=False),
        sa.Column("items_text", sa.Text(), nullable=False),
        sa.Column("sent_to", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sent_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("confirmed_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("confirmed_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contactlog.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "contact_id"),
    )
    with op.batch_alter_table("contactreport", schema=None) as batch_op:
        batch_op.create_index("ix_contactreport_team_sent", ["team_id", "sent_at"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("organiser_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("starts_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("ends_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("our_attendees", sa.Text(), nullable=False),
        sa.Column(
            "client_attendees", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False
        ),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=3000), nullable=False),
        sa.Column("agenda", sqlmodel.sql.sqltypes.AutoString(length=3000), nullable=False),
        sa.Column("materials", sqlmodel.sql.sqltypes.AutoString(length=3000), nullable=False),
        sa.Column("told", sa.Text(), nullable=False),
        sa.Column("notice_sent_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("client_notified_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("reconfirm_sent_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("reconfirmed_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("report_prompted_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("whereabouts_id", sa.Integer(), nullable=True),
        sa.Column("cancelled_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contactlog.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index("ix_meeting_team_starts", ["team_id", "starts_at"], unique=False)

    op.create_table(
        "actionitem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("owner_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=3000), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("done_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("dropped_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("author_told_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("manager_told_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["contactreport.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actionitem", schema=None) as batch_op:
        batch_op.create_index("ix_actionitem_team_due", ["team_id", "due_on"], unique=False)
        batch_op.create_index(
            "ix_actionitem_team_owner_done", ["team_id", "owner_id", "done_at"], unique=False
        )

    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "language",
                sqlmodel.sql.sqltypes.AutoString(length=5),
                nullable=False,
                server_default="zh",
            )
        )

    with op.batch_alter_table("contactlog", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("important", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("contactlog", schema=None) as batch_op:
        batch_op.drop_column("important")

    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("language")

    with op.batch_alter_table("actionitem", schema=None) as batch_op:
        batch_op.drop_index("ix_actionitem_team_owner_done")
        batch_op.drop_index("ix_actionitem_team_due")

    op.drop_table("actionitem")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_team_starts")

    op.drop_table("meeting")
    with op.batch_alter_table("contactreport", schema=None) as batch_op:
        batch_op.drop_index("ix_contactreport_team_sent")

    op.drop_table("contactreport")
