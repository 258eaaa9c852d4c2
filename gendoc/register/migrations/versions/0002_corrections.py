"""Corrections: a note per entry and the link from a correction to the entry it replaces.

`gendoc issue --force` gives a corrected document a new number and marks the old entry
`replaced`; both keep their rows, so no number is ever deleted or given twice.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot add a foreign key with ALTER TABLE, so alembic copies the table.
    with op.batch_alter_table("register_entries") as batch:
        batch.add_column(sa.Column("note", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("replaces_id", sa.Integer, nullable=True))
        batch.create_foreign_key(
            "fk_register_entries_replaces", "register_entries", ["replaces_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("register_entries") as batch:
        batch.drop_constraint("fk_register_entries_replaces", type_="foreignkey")
        batch.drop_column("replaces_id")
        batch.drop_column("note")
