"""Indexes for the dashboard's lists: items' sector and stage together, which its filters use, and
documents' published date, by which every list is ordered (accord.store.queries).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_items_sector_stage"), "items", ["sector", "stage"])
    op.create_index(op.f("ix_documents_published"), "documents", ["published"])


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_published"), "documents")
    op.drop_index(op.f("ix_items_sector_stage"), "items")
