"""What the API and the pages show, read through the Store interface only (no SQL here)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from accord.model import SECTORS, STAGES, Document
from accord.serve.highlight import Segment, segments
from accord.store import ItemQuery, Store, StoredItem
from accord.store.base import EntityCount
from accord.store.changes import Change, diff, in_window
from accord.store.events import Event, chosen_events, find_event, group_events
from accord.store.geo import feature_collection
from accord.store.timeline import Timeline, entity_timeline

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


@dataclass(frozen=True, slots=True)
class EntityPage:
    entities: list[EntityCount]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class EntityView:
    timeline: Timeline
    items: list[StoredItem]  # every mention, newest documents first
    members: list[str]  # the entity ids resolution gave its items (several after a merge)
    features: dict[str, Any]  # its GeoJSON FeatureCollection: one feature, or none when it has no place


@dataclass(frozen=True, slots=True)
class DiffView:
    since: str
    until: str | None
    start: str | None
    changes: list[Change]

    def of_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def item_page(store: Store, q: ItemQuery) -> ItemPage:
    found, total = store.page_items(q)
    return ItemPage(found, total, q.limit or total, q.offset)


def overview(store: Store) -> Overview:
    sectors, stages = store.tally("sector"), store.tally("stage")
    counts = store.counts() | {"items": sum(stages.values())}  # rejected items apart
    return Overview(
        counts=counts,
        by_sector={sector: sectors.get(sector, 0) for sector in SECTORS},
        by_stage={stage: stages.get(stage, 0) for stage in STAGES},
        latest=store.query_items(ItemQuery(limit=LATEST)),
    )


def entity_page(store: Store, search: str | None, limit: int, offset: int) -> EntityPage:
    found = store.entity_counts(search)
    return EntityPage(found[offset : offset + limit], len(found), limit, offset)


def entity_view(store: Store, entity: str) -> EntityView:
    """One entity (an id, or a name that names one) with its timeline, mentions and place."""
    timeline = entity_timeline(store, entity)
    found = store.query_items(ItemQuery(entity_id=timeline.entity.id))
    members = sorted({s.extracted_entity_id for s in found if s.extracted_entity_id} | {timeline.entity.id})
    return EntityView(timeline, found, members, feature_collection(found))


def diff_view(store: Store, since: str, until: str | None, start: str | None) -> DiffView:
    """As `accord diff --since --until --from`: the later window since..until against what was published
    before `since` (from `start`)."""
    earlier = [s for s in _dated(store, start) if (s.document_published or "") < since]
    later = [s for s in _dated(store, since) if in_window(s.document_published, since, until)]
    return DiffView(since, until, start, diff(earlier, later))


@dataclass(frozen=True)
class EventDiffView:
    """Two events side by side: what changed from the earlier to the later."""

    old: Event
    new: Event
    changes: list[Change]

    def of_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def events(
    store: Store, party: str | None = None, since: str | None = None, until: str | None = None
) -> list[Event]:
    """The register's events (accord.store.events), those of `party` and in since..until when given."""
    return chosen_events(group_events(store.iter_items(ItemQuery())), party, since, until)


def event_view(store: Store, event_id: str) -> Event:
    return find_event(group_events(store.iter_items(ItemQuery())), event_id)


def event_diff_view(store: Store, old: str, new: str) -> EventDiffView:
    """As `accord diff --old-event --new-event`."""
    found = group_events(store.iter_items(ItemQuery()))
    earlier, later = find_event(found, old), find_event(found, new)
    return EventDiffView(earlier, later, diff(earlier.items, later.items))


def map_features(store: Store, q: ItemQuery) -> dict[str, Any]:
    return feature_collection(store.iter_items(q))


def _dated(store: Store, since: str | None) -> Iterator[StoredItem]:
    return (s for s in store.iter_items(ItemQuery(since=since)) if s.document_published is not None)


def document_view(store: Store, doc_id: str) -> DocumentView:
    document = store.get_document(doc_id)
    return DocumentView(document, store.query_items(ItemQuery(document_id=doc_id)))
