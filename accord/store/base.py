"""The Store interface and the records it answers with; every backend implements this, nothing more."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Literal, Protocol, Self

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
    # The fields a person corrected (accord.store.corrections), each with its value as extracted.
    was: tuple[tuple[str, str], ...] = ()


CORRECTABLE: tuple[str, ...] = ("object", "sector", "stage")


@dataclass(frozen=True, slots=True)
class Correction:
    """A person's correction of one item, named by what outlives re-extraction: its document, its evidence
    span and its object as extracted. None in `object`, `sector` or `stage` keeps the extracted value."""

    document_id: str
    evidence_start: int
    evidence_end: int
    extracted_object: str
    object: str | None
    sector: str | None
    stage: str | None
    rejected: bool
    author: str | None
    note: str | None
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__} | {
            "created_at": self.created_at.isoformat(timespec="seconds")
        }


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A stored document without its text, and how many items it has."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    items: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class EntityCount:
    """A canonical entity and how many items (rejected ones apart) name it or a member of its group."""

    entity: EntityRef
    items: int


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

    def list_documents(self, limit: int, offset: int = 0) -> tuple[list[DocumentSummary], int]:
        """A page of the documents, newest first (undated last), and how many there are."""
        ...

    def page_items(self, q: ItemQuery) -> tuple[list[StoredItem], int]:
        """query_items, and how many items match in all (limit and offset aside)."""
        ...

    def count_items(self, q: ItemQuery) -> int:
        """How many items match `q`, its limit and offset aside."""
        ...

    def tally(self, field: str) -> dict[str, int]:
        """How many items have each value of `field` ("sector" or "stage", corrections applied)."""
        ...

    def entity_counts(self, text: str | None = None) -> list[EntityCount]:
        """The canonical entities that items name (those `text` names, when given: by id or part of a
        name), most items first, then by id."""
        ...

    def correct_item(
        self,
        item_id: int,
        *,
        object: str | None = None,
        sector: str | None = None,
        stage: str | None = None,
        rejected: bool | None = None,
        author: str | None = None,
        note: str | None = None,
    ) -> Correction:
        """Record a correction of an item (rejected ones included); fields left None keep any earlier
        correction of them. CorrectionError for a value that is not one; NotFoundError for no such item."""
        ...

    def corrections(self) -> list[Correction]:
        """Every item correction, oldest first."""
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
