"""a client's latest live contact, kept on the client by the database

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 15:30:00

The morning nudge reads every client of the team with its latest contact not undone. Looked up
per client (0014's index) that was half of the nudge's read at 50,000 clients
(bench/bench_nudge.py). `client.last_contact_at` now holds it, kept by triggers on `contactlog`
whatever writes a contact (the bot, an import, a restore): a new contact moves it forward; an
edit of a contact's time or client, an undo or a deletion reads it again from the contacts.

On SQLite a later migration that rebuilds `client` or `contactlog` (batch mode's copy and
rename) must drop these triggers first and create them again after (`create_triggers`).
"""

import sqlalchemy as sa
from alembic import op

from storage.db import UTCDateTime

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

LATEST = (
    "(SELECT max(l.at) FROM contactlog l"
    " WHERE l.team_id = client.team_id AND l.client_id = client.id AND l.deleted_at IS NULL)"
)

SQLITE = (
    "CREATE TRIGGER contactlog_last_contact_insert AFTER INSERT ON contactlog"
    " WHEN NEW.deleted_at IS NULL BEGIN"
    " UPDATE client SET last_contact_at = NEW.at"
    " WHERE id = NEW.client_id AND (last_contact_at IS NULL OR last_contact_at < NEW.at);"
    " END",
    "CREATE TRIGGER contactlog_last_contact_update"
    " AFTER UPDATE OF client_id, at, deleted_at ON contactlog BEGIN"
    f" UPDATE client SET last_contact_at = {LATEST}"
    " WHERE id IN (OLD.client_id, NEW.client_id);"
    " END",
    "CREATE TRIGGER contactlog_last_contact_delete AFTER DELETE ON contactlog BEGIN"
    f" UPDATE client SET last_contact_at = {LATEST} WHERE id = OLD.client_id;"
    " END",
)

# PostgreSQL: the client row is locked before it is read again, so that an undo beside a new
# contact of the same client (another transaction) reads the contacts once that one is in
POSTGRESQL = (
    "CREATE FUNCTION aebot_client_last_contact() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN"
    "  IF TG_OP = 'INSERT' THEN"
    "   IF NEW.deleted_at IS NULL THEN"
    "    UPDATE client SET last_contact_at = NEW.at"
    "    WHERE id = NEW.client_id AND (last_contact_at IS NULL OR last_contact_at < NEW.at);"
    "   END IF;"
    "   RETURN NULL;"
    "  END IF;"
    "  PERFORM 1 FROM client WHERE id = OLD.client_id"
    "   OR (TG_OP = 'UPDATE' AND id = NEW.client_id) ORDER BY id FOR UPDATE;"
    f"  UPDATE client SET last_contact_at = {LATEST}"
    "  WHERE id = OLD.client_id OR (TG_OP = 'UPDATE' AND id = NEW.client_id);"
    "  RETURN NULL;"
    " END $$",
    "CREATE TRIGGER contactlog_last_contact"
    " AFTER INSERT OR DELETE OR UPDATE OF client_id, at, deleted_at ON contactlog"
    " FOR EACH ROW EXECUTE FUNCTION aebot_client_last_contact()",
)


def create_triggers() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE if sqlite else POSTGRESQL:
        op.execute(statement)


def drop_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS contactlog_last_contact_{name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS contactlog_last_contact ON contactlog")
        op.execute("DROP FUNCTION IF EXISTS aebot_client_last_contact()")


def upgrade() -> None:
    op.add_column("client", sa.Column("last_contact_at", UTCDateTime(), nullable=True))
    op.execute(f"UPDATE client SET last_contact_at = {LATEST}")
    create_triggers()


def downgrade() -> None:
    drop_triggers()
    with op.batch_alter_table("client") as b:
        b.drop_column("last_contact_at")
