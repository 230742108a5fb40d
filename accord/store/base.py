"""The Store interface and the records it answers with; every backend implements this, nothing more."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Literal, Protocol, Self

from accord.model import Document, EntityRef, Item
from accord.resolve.judgements import Edge

SaveOutcome = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class ItemQuery:
    """Which items to read; every filter left as None matches everything.

    `party` is an ISO3 code (any case). `entity` matches an entity id exactly or a part of its name (any
    case), through judgements: any member of a merged group finds the items of all its members.
    `entity_id` matches the canonical entity of one id exactly. `since` and `until` are inclusive ISO
    dates compared with the document's published date; documents without one are left out when either is
    given. `search` is full-text (accord.store.search):
    every word of it begins a word of the object, the evidence text or the entity name (any case).
    """

    sector: str | None = None
    stage: str | None = None
    party: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    document_id: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if (self.limit is not None and self.limit < 0) or self.offset < 0:
            raise ValueError(
                f"limit and offset cannot be negative (limit={self.limit}, offset={self.offset})."
            )


@dataclass(frozen=True, slots=True)
class StoredItem:
    """An item as stored: its row id and place in its document, with the document's details beside it.

    `item.entity` is the canonical entity (judgements applied); `extracted_entity_id` is the one resolution
    gave the item, as stored.
    """

    id: int
    document_id: str
    ordinal: int
    item: Item  # parties sorted
    document_title: str | None
    document_url: str | None
    document_published: str | None
    document_source: str | None
    document_outlet: str | None
    extracted_entity_id: str | None = None


class Store(Protocol):
    """The register's storage: documents and their items, read back with filters."""

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash stored for a document, or None when it has not been stored."""
        ...

    def save_document(self, doc: Document, items: Sequence[Item], *, force: bool = False) -> SaveOutcome:
        """Store a document and replace its items, all or nothing; "unchanged" when its content is equal,
        unless `force` (items extracted again by a changed extractor replace the old ones: "updated")."""
        ...

    def query_items(self, q: ItemQuery) -> list[StoredItem]:
        """The items that match, newest documents first, then by document id and place in the document."""
        ...

    def iter_items(self, q: ItemQuery | None = None) -> Iterator[StoredItem]:
        """As query_items, streamed in batches, for exports."""
        ...

    def get_item(self, item_id: int) -> StoredItem:
        """One item by its id; NotFoundError when there is none."""
        ...

    def get_document(self, doc_id: str) -> Document:
        """One document by its id; NotFoundError when there is none."""
        ...

    def counts(self) -> dict[str, int]:
        """How many documents, items and entities are stored."""
        ...

    def merge(self, a: str, b: str, *, author: str | None = None, note: str | None = None) -> str:
        """Judge two entities the same thing; the canonical id they now share."""
        ...

    def split(self, a: str, b: str, *, author: str | None = None, note: str | None = None) -> tuple[str, str]:
        """Judge two entities different things; their canonical ids, now apart."""
        ...

    def judgements(self) -> list[Edge]:
        """Every merge and split judgement, oldest first."""
        ...

    def find_entities(self, text: str) -> list[EntityRef]:
        """The canonical entities `text` names: by id, else by whole name, else by part of a name."""
        ...

    def close(self) -> None:
        """Release the connections."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
