"""A shard's results as Parquet tables (documents, items, entities), and back to records for loading.

Rows follow the input's order: documents by their position in the input stream, items by position then
ordinal, entities by id. Nothing in a table depends on when, where or by how many workers it was made,
so the same input gives the same Parquet content whatever the engine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from accord.model import Document, Item
from accord.store import content_hash

DOCUMENT_FIELDS = ("id", "title", "url", "outlet", "published", "language", "source", "text")
DOCUMENTS = pa.schema(
    [("position", pa.int64())]
    + [(name, pa.string()) for name in DOCUMENT_FIELDS]
    + [("content_hash", pa.string())]
)
ITEMS = pa.schema(
    [
        ("position", pa.int64()),
        ("document_id", pa.string()),
        ("ordinal", pa.int64()),
        ("object", pa.string()),
        ("sector", pa.string()),
        ("stage", pa.string()),
        ("setback", pa.string()),
        ("parties", pa.list_(pa.string())),
        ("entity_id", pa.string()),
        ("entity_name", pa.string()),
        ("entity_type", pa.string()),
        ("evidence_start", pa.int64()),
        ("evidence_end", pa.int64()),
        ("evidence_text", pa.string()),
    ]
)
ENTITIES = pa.schema([("id", pa.string()), ("name", pa.string()), ("type", pa.string())])
TABLES = {"documents": DOCUMENTS, "items": ITEMS, "entities": ENTITIES}

Extracted = tuple[int, Document, list[Item]]  # position in the input stream, document, its items


def document_rows(extracted: Sequence[Extracted]) -> list[dict[str, Any]]:
    return [
        {"position": position}
        | {name: getattr(doc, name) for name in DOCUMENT_FIELDS}
        | {"content_hash": content_hash(doc.text)}
        for position, doc, _ in extracted
    ]


def item_rows(extracted: Sequence[Extracted]) -> list[dict[str, Any]]:
    return [
        _item_row(position, doc.id, ordinal, item)
        for position, doc, items in extracted
        for ordinal, item in enumerate(items)
    ]


def entity_rows(extracted: Sequence[Extracted]) -> list[dict[str, Any]]:
    """Each entity once, by id; where two items name one id differently, the later item's wins, as the
    store's save keeps the last one written."""
    found = {i.entity.id: i.entity for _, _, items in extracted for i in items if i.entity is not None}
    return [{"id": e.id, "name": e.name, "type": e.type} for _, e in sorted(found.items())]


def write_tables(folder: Path, extracted: Sequence[Extracted]) -> dict[str, int]:
    """documents.parquet, items.parquet and entities.parquet in `folder`; the row count of each."""
    rows = {
        "documents": document_rows(extracted),
        "items": item_rows(extracted),
        "entities": entity_rows(extracted),
    }
    for name, schema in TABLES.items():
        pq.write_table(pa.Table.from_pylist(rows[name], schema=schema), folder / f"{name}.parquet")
    return {name: len(table_rows) for name, table_rows in rows.items()}


def read_extracted(folder: Path) -> Iterator[tuple[Document, list[Item]]]:
    """The documents of a shard folder with their items, in input order."""
    items: dict[int, list[Item]] = {}
    for row in pq.read_table(folder / "items.parquet").to_pylist():
        items.setdefault(row["position"], []).append(Item.from_columns(row))
    for row in pq.read_table(folder / "documents.parquet").to_pylist():
        doc = Document(**{name: row[name] for name in DOCUMENT_FIELDS})
        yield doc, items.get(row["position"], [])


def _item_row(position: int, document_id: str, ordinal: int, item: Item) -> dict[str, Any]:
    return {"position": position, "document_id": document_id, "ordinal": ordinal} | item.to_columns()
