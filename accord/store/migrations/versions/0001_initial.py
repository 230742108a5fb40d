"""The register as first released: documents, entities, items and their parties.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SECTORS = (
    "transport", "energy", "economy", "technology", "culture", "education",
    "sports", "health", "agriculture", "environment", "security", "diplomacy",
)  # fmt: skip
_STAGES = ("discussed", "planned", "agreed", "underway", "completed")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("language", sa.String(16)),
        sa.Column("source", sa.Text),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String, nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("object", sa.Text, nullable=False),
        sa.Column("sector", sa.String(32), nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String, nullable=True),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.CheckConstraint(_one_of("sector", _SECTORS), name=op.f("ck_items_sector")),
        sa.CheckConstraint(_one_of("stage", _STAGES), name=op.f("ck_items_stage")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_items_document_id_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name=op.f("fk_items_entity_id_entities")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_items_document_id_ordinal"), "items", ["document_id", "ordinal"], unique=True)
    op.create_index(op.f("ix_items_sector"), "items", ["sector"])
    op.create_index(op.f("ix_items_stage"), "items", ["stage"])
    op.create_index(op.f("ix_items_entity_id"), "items", ["entity_id"])
    op.create_table(
        "item_parties",
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("party", sa.CHAR(3), nullable=False),
        sa.CheckConstraint("length(party) = 3", name=op.f("ck_item_parties_party")),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_item_parties_item_id_items"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("item_id", "party", name=op.f("pk_item_parties")),
    )
    op.create_index(op.f("ix_item_parties_party"), "item_parties", ["party"])


def downgrade() -> None:
    for table in ("item_parties", "items", "entities", "documents"):
        op.drop_table(table)
