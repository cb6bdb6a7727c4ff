"""the AE's day and the client's life: a client's status, a contract's end, the day summary, who marked a duty

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 06:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

from storage.db import UTCDateTime

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("client") as b:
        b.add_column(sa.Column("status", _S(length=10), nullable=False, server_default="active"))
        b.add_column(sa.Column("status_since", sa.Date(), nullable=True))
        b.add_column(sa.Column("status_note", _S(length=300), nullable=False, server_default=""))
    with op.batch_alter_table("duty") as b:  # who clicked Sent / Done / Notified
        b.add_column(sa.Column("done_by", _S(length=32), nullable=True))
    # a client already lost in the funnel is not served any more: never due a call
    op.execute("UPDATE client SET status = 'ended' WHERE funnel_stage = 'lost'")
    op.create_table(
        "contractend",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", _S(length=32), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("unreceived", _S(length=20), nullable=False),
        sa.Column("invoiced", _S(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by", _S(length=32), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contractend_team_client", "contractend", ["team_id", "client_id"])
    op.create_table(
        "daysummary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", _S(length=32), nullable=False),
        sa.Column("user_id", _S(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("today_text", sa.Text(), nullable=False),
        sa.Column("tomorrow_text", sa.Text(), nullable=False),
        sa.Column("written_at", UTCDateTime(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "user_id", "day"),
    )
    op.create_index("ix_daysummary_team_day", "daysummary", ["team_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_daysummary_team_day", table_name="daysummary")
    op.drop_table("daysummary")
    op.drop_index("ix_contractend_team_client", table_name="contractend")
    op.drop_table("contractend")
    with op.batch_alter_table("duty") as b:
        b.drop_column("done_by")
    with op.batch_alter_table("client") as b:
        b.drop_column("status_note")
        b.drop_column("status_since")
        b.drop_column("status")
