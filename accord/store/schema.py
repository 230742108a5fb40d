"""The register's tables in SQLAlchemy Core: the one place the schema is defined (migrations start here).

Only portable types and constraints: the same definitions run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    CHAR,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from accord.model import SECTORS, STAGES

# Stable constraint names, so that migrations can refer to them on every backend.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", String(32)),  # ISO date as the document gives it; ISO strings sort as dates
    Column("language", String(16)),
    Column("source", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(64), nullable=False),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("object", Text, nullable=False),
    Column("sector", String(32), nullable=False),
    Column("stage", String(32), nullable=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=True),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    CheckConstraint(_one_of("sector", SECTORS), name="sector"),
    CheckConstraint(_one_of("stage", STAGES), name="stage"),
    # Leads with document_id, so it is also the index for "the items of a document".
    Index(None, "document_id", "ordinal", unique=True),
    Index(None, "sector"),
    Index(None, "stage"),
    Index(None, "entity_id"),
    # Item ids are never reused, even after a document's items are replaced (SERIAL on PostgreSQL already).
    sqlite_autoincrement=True,
)

item_parties = Table(
    "item_parties",
    metadata,
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("party", CHAR(3), primary_key=True),
    CheckConstraint("length(party) = 3", name="party"),
    Index(None, "party"),
)
