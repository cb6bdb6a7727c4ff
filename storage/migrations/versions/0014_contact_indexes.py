"""indexes for the morning nudge: a client's latest live contact, and the follow-ups due

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 03:00:00

Without them the nudge read every contact of the team twice: the latest contact per client
(the live ones: `deleted_at` had to be read from each row) and the follow-ups due (SQLite's
planner took the author index for `team_id` and scanned the team's contacts).
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_contactlog_team_client_live_at",
        "contactlog",
        ["team_id", "client_id", "deleted_at", "at"],
    )
    op.create_index("ix_contactlog_team_follow_up", "contactlog", ["team_id", "follow_up_on"])


def downgrade() -> None:
    op.drop_index("ix_contactlog_team_follow_up", table_name="contactlog")
    op.drop_index("ix_contactlog_team_client_live_at", table_name="contactlog")
