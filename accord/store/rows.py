"""Records to table rows and back; no SQL is run here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping

from accord.model import Document, EntityRef, Evidence, Item
from accord.store.base import CORRECTABLE, StoredItem


def document_row(doc: Document, *, content_hash: str, ingested_at: datetime) -> dict[str, Any]:
    return {
        "id": doc.id,
        "content_hash": content_hash,
        "text": doc.text,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "published": doc.published,
        "language": doc.language,
        "source": doc.source,
        "ingested_at": ingested_at,
    }


def document_from_row(row: RowMapping) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
        source=row["source"],
    )


def entity_rows(items: Iterable[Item]) -> list[dict[str, Any]]:
    """One row per entity id (the last item's name and type win), sorted by id so that concurrent saves
    lock entity rows in the same order."""
    by_id = {item.entity.id: item.entity for item in items if item.entity is not None}
    return [{"id": e.id, "name": e.name, "type": e.type} for _, e in sorted(by_id.items())]


def item_row(document_id: str, ordinal: int, item: Item) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "ordinal": ordinal,
        "object": item.object,
        "sector": item.sector,
        "stage": item.stage,
        "entity_id": None if item.entity is None else item.entity.id,
        "evidence_start": item.evidence.start,
        "evidence_end": item.evidence.end,
        "evidence_text": item.evidence.text,
        "setback": item.setback,
    }


def normalize_parties(parties: Iterable[str]) -> tuple[str, ...]:
    """ISO3 codes upper-cased, each once, sorted: the form parties are stored and read back in."""
    return tuple(sorted({party.upper() for party in parties}))


def party_rows(item_ids: Sequence[int], items: Sequence[Item]) -> list[dict[str, Any]]:
    return [
        {"item_id": item_id, "party": party}
        for item_id, item in zip(item_ids, items, strict=True)
        for party in normalize_parties(item.parties)
    ]


def stored_item(row: RowMapping, parties: tuple[str, ...]) -> StoredItem:
    """A row of queries.item_select with the item's parties."""
    entity = None
    if row["entity_id"] is not None:
        entity = EntityRef(id=row["entity_id"], name=row["entity_name"], type=row["entity_type"])
    item = Item(
        object=row["object"],
        sector=row["sector"],
        stage=row["stage"],
        parties=parties,
        evidence=Evidence(start=row["evidence_start"], end=row["evidence_end"], text=row["evidence_text"]),
        entity=entity,
        setback=row["setback"],
    )
    return StoredItem(
        id=row["id"],
        document_id=row["document_id"],
        ordinal=row["ordinal"],
        item=item,
        document_title=row["document_title"],
        document_url=row["document_url"],
        document_published=row["document_published"],
        document_source=row["document_source"],
        document_outlet=row["document_outlet"],
        extracted_entity_id=row["extracted_entity_id"],
        was=tuple(
            (name, row[f"extracted_{name}"]) for name in CORRECTABLE if row[name] != row[f"extracted_{name}"]
        ),
    )
