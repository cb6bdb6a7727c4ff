"""outbox: every message decided is stored before it is sent; the per-run delivery claims go

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 12:00:00
"""

import sqlalchemy as sa
from alembic import op

import storage.db

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("job", sa.String(length=40), nullable=True),
        sa.Column("period", sa.String(length=40), nullable=True),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=32), nullable=False),
        sa.Column("conversation", sa.String(length=32), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("blocks", sa.Text(), nullable=False),
        sa.Column("effect", sa.String(length=40), nullable=True),
        sa.Column("effect_ids", sa.Text(), nullable=False),
        sa.Column("useful_until", storage.db.UTCDateTime(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("unknown", sa.Boolean(), nullable=False),
        sa.Column("next_attempt_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("lease_until", storage.db.UTCDateTime(), nullable=True),
        sa.Column("leased_by", sa.String(length=40), nullable=True),
        sa.Column("first_attempt_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("ts", sa.String(length=32), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("admin_told", sa.Boolean(), nullable=False),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("delivered_at", storage.db.UTCDateTime(), nullable=True),
        sa.UniqueConstraint("team_id", "key"),
    )
    op.create_index("ix_outbox_status_next", "outbox", ["status", "next_attempt_at"])
    op.create_index("ix_outbox_run", "outbox", ["team_id", "job", "period"])
    op.drop_table("delivery")


def downgrade() -> None:
    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("job", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("claimed_at", storage.db.UTCDateTime(), nullable=False),
        sa.UniqueConstraint("team_id", "job", "period", "key"),
    )
    op.drop_index("ix_outbox_run", "outbox")
    op.drop_index("ix_outbox_status_next", "outbox")
    op.drop_table("outbox")
