"""cache stamps: a change to members, clients, calendar or settings is seen by every process

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 10:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cachestamp",
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("tbl", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "tbl"),
    )


def downgrade() -> None:
    op.drop_table("cachestamp")
