"""What the API and the pages show, read through the Store interface only (no SQL here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from accord.model import SECTORS, STAGES, Document
from accord.serve.highlight import Segment, segments
from accord.store import ItemQuery, Store, StoredItem

LATEST = 10


@dataclass(frozen=True, slots=True)
class ItemPage:
    items: list[StoredItem]
    total: int  # every item that matches the filters, paging aside
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Overview:
    counts: dict[str, int]  # documents, items, entities
    by_sector: dict[str, int]  # every sector, in the vocabulary's order, zeros included
    by_stage: dict[str, int]
    latest: list[StoredItem]


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: Document
    items: list[StoredItem]

    @property
    def segments(self) -> list[Segment]:
        return segments(self.document.text, self.items)


def item_page(store: Store, q: ItemQuery) -> ItemPage:
    # The Store counts only by reading the matches; a count query in the Store is the next step (issue #5).
    total = sum(1 for _ in store.iter_items(replace(q, limit=None, offset=0)))
    return ItemPage(store.query_items(q), total, q.limit or total, q.offset)


def overview(store: Store) -> Overview:
    sectors: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    for stored in store.iter_items(ItemQuery()):
        sectors[stored.item.sector] += 1
        stages[stored.item.stage] += 1
    return Overview(
        counts=store.counts(),
        by_sector={sector: sectors[sector] for sector in SECTORS},
        by_stage={stage: stages[stage] for stage in STAGES},
        latest=store.query_items(ItemQuery(limit=LATEST)),
    )


def document_view(store: Store, doc_id: str) -> DocumentView:
    document = store.get_document(doc_id)
    return DocumentView(document, store.query_items(ItemQuery(document_id=doc_id)))
