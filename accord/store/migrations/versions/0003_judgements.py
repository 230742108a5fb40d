"""Judgements: a person's merge (positive) and split (negative) decisions between entities, kept apart from
the extracted items, and the canonical entity they give each entity they join.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judgements",
        sa.Column("left_id", sa.String, nullable=False),
        sa.Column("right_id", sa.String, nullable=False),
        sa.Column("judgement", sa.String(16), nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("judgement IN ('positive', 'negative')", name=op.f("ck_judgements_judgement")),
        sa.CheckConstraint("left_id < right_id", name=op.f("ck_judgements_pair_order")),
        sa.PrimaryKeyConstraint("left_id", "right_id", name=op.f("pk_judgements")),
    )
    op.create_table(
        "entity_canonical",
        sa.Column("entity_id", sa.String, nullable=False),
        sa.Column("canonical_id", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_entity_canonical")),
    )
    op.create_index(op.f("ix_entity_canonical_canonical_id"), "entity_canonical", ["canonical_id"])


def downgrade() -> None:
    op.drop_table("entity_canonical")
    op.drop_table("judgements")
