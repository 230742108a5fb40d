"""Setbacks: an item's `setback` ("stalled" or "cancelled"), beside its stage, when its document says the
undertaking was suspended or cancelled.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_CHECK = "setback IS NULL OR setback IN ('stalled', 'cancelled')"


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        # SQLite cannot add a constraint to a table, but takes one with the column it adds.
        op.execute(
            f"ALTER TABLE items ADD COLUMN setback VARCHAR(16) CONSTRAINT ck_items_setback CHECK ({_CHECK})"
        )
    else:
        op.add_column("items", sa.Column("setback", sa.String(16), nullable=True))
        op.create_check_constraint(op.f("ck_items_setback"), "items", _CHECK)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("ALTER TABLE items DROP COLUMN setback")  # SQLite 3.35 or newer
    else:
        op.drop_constraint(op.f("ck_items_setback"), "items", type_="check")
        op.drop_column("items", "setback")
