"""one form engine: approval chains (signers, step); a write-off's board decision

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 22:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("approval", schema=None) as batch_op:
        # a request filed before chains had one signer: its approver, at step 0
        batch_op.add_column(sa.Column("signers", sa.Text(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("step", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("receivable", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("closed_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
        batch_op.add_column(sa.Column("board_decided_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("receivable", schema=None) as batch_op:
        batch_op.drop_column("board_decided_on")
        batch_op.drop_column("closed_by")
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_column("step")
        batch_op.drop_column("signers")
