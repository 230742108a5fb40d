"""The register's tables in SQLAlchemy Core: the one place the schema is defined (migrations start here).

Only portable types and constraints: the same definitions run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    CHAR,
    Boolean,
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

from accord.model import SECTORS, SETBACKS, STAGES

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
    Index(None, "published"),  # lists are newest first: the first page is read in order, not sorted
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
    Column("setback", String(16), nullable=True),
    CheckConstraint(_one_of("sector", SECTORS), name="sector"),
    CheckConstraint(_one_of("stage", STAGES), name="stage"),
    CheckConstraint(f"setback IS NULL OR {_one_of('setback', SETBACKS)}", name="setback"),
    # Leads with document_id, so it is also the index for "the items of a document".
    Index(None, "document_id", "ordinal", unique=True),
    Index(None, "sector"),
    Index(None, "stage"),
    Index(None, "sector", "stage"),  # the dashboard's filters, read through corrections (queries._index_hint)
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

JUDGEMENTS: tuple[str, ...] = ("positive", "negative")

# A person's decisions about entity identity, kept apart from the extracted items (which are replaced when a
# document is extracted again) so that they survive re-runs. One row per unordered pair (left_id < right_id):
# a later decision on the same pair replaces the earlier one. No foreign keys: a judgement outlives whatever
# a re-extraction does to the items that named its entities.
judgements = Table(
    "judgements",
    metadata,
    Column("left_id", String, primary_key=True),
    Column("right_id", String, primary_key=True),
    Column("judgement", String(16), nullable=False),
    Column("author", Text),
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint(_one_of("judgement", JUDGEMENTS), name="judgement"),
    CheckConstraint("left_id < right_id", name="pair_order"),
)

# The canonical entity of each entity that judgements joined with others (connected components of positive
# judgements): derived from `judgements`, rewritten whole whenever they change, read by every item query.
# An entity that no judgement joins has no row and is its own canonical entity.
entity_canonical = Table(
    "entity_canonical",
    metadata,
    Column("entity_id", String, primary_key=True),
    Column("canonical_id", String, nullable=False),
    Index(None, "canonical_id"),
)

# A person's corrections of items (stage, sector, object) and rejections, kept apart from the extracted items
# as judgements are. An item is named by what survives its document being extracted again: the document,
# the evidence span and the object as extracted; a later correction of the same item replaces the earlier
# one. NULL in `object`, `sector` or `stage` leaves the extracted value. No foreign key to items, whose rows
# are replaced on every extraction.
item_corrections = Table(
    "item_corrections",
    metadata,
    Column("document_id", String, primary_key=True),
    Column("evidence_start", Integer, primary_key=True),
    Column("evidence_end", Integer, primary_key=True),
    Column("extracted_object", Text, primary_key=True),
    Column("object", Text),
    Column("sector", String(32)),
    Column("stage", String(32)),
    Column("rejected", Boolean, nullable=False),
    Column("author", Text),
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint(f"sector IS NULL OR {_one_of('sector', SECTORS)}", name="sector"),
    CheckConstraint(f"stage IS NULL OR {_one_of('stage', STAGES)}", name="stage"),
)
