"""Item corrections: a person's stage, sector and object corrections and rejections of items, kept apart from
the extracted items (as judgements are) so that they survive re-extraction; and an index on items' sector and
stage together, which the dashboard's filters use, and on documents' published date, by which every list is
ordered (accord.store.queries).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SECTORS = (
    "transport", "energy", "economy", "technology", "culture", "education",
    "sports", "health", "agriculture", "environment", "security", "diplomacy",
)  # fmt: skip
_KEY = ("document_id", "evidence_start", "evidence_end", "extracted_object")
_STAGES = ("discussed", "planned", "agreed", "underway", "completed")


def _null_or_one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IS NULL OR {column} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    op.create_table(
        "item_corrections",
        sa.Column("document_id", sa.String, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("extracted_object", sa.Text, nullable=False),
        sa.Column("object", sa.Text),
        sa.Column("sector", sa.String(32)),
        sa.Column("stage", sa.String(32)),
        sa.Column("rejected", sa.Boolean, nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_null_or_one_of("sector", _SECTORS), name=op.f("ck_item_corrections_sector")),
        sa.CheckConstraint(_null_or_one_of("stage", _STAGES), name=op.f("ck_item_corrections_stage")),
        sa.PrimaryKeyConstraint(*_KEY, name=op.f("pk_item_corrections")),
    )
    op.create_index(op.f("ix_items_sector_stage"), "items", ["sector", "stage"])
    op.create_index(op.f("ix_documents_published"), "documents", ["published"])


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_published"), "documents")
    op.drop_index(op.f("ix_items_sector_stage"), "items")
    op.drop_table("item_corrections")
