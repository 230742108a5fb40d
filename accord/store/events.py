"""Events: the reports of one meeting, grouped, and the register of that meeting, one entry per entity.

Three outlets that report one summit are three documents; an analyst reads them as one event. Two
documents report the same meeting when both are dated, their dates lie within WINDOW_DAYS of each other,
their parties (the countries of their items) are mostly the same (Jaccard at least MIN_PARTY_OVERLAP), and
they name at least one same entity; or, naming no same entity (outlets word things differently), when
their parties are the same and their dates at most SAME_PARTIES_DAYS apart. Reports are compared only
with those in the window before them in date order, so grouping costs n·(reports per window), never all
pairs; grouping is transitive (union-find), and does not depend on the order items are read in.

An event's id is its first date and its parties ("2024-08-08-kaz-uzb"), with "-2", "-3"... when two
events would share one; an undated document is an event of its own ("undated-DOCUMENT_ID"). Events are
computed from the register each time, so judgements (merge/split) and re-extraction are always reflected.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from accord.errors import NotFoundError
from accord.model import SETBACKS, STAGE_ORDER, EntityRef
from accord.store.base import StoredItem
from accord.store.changes import in_window
from accord.store.timeline import Statement, statements

WINDOW_DAYS = 3
SAME_PARTIES_DAYS = 1
MIN_PARTY_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Source:
    """One report of an event."""

    document_id: str
    published: str | None
    title: str | None
    outlet: str | None
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Entry:
    """One entity at one event: the most advanced stage any report gives it, and every statement."""

    entity: EntityRef
    stage: str
    sector: str
    statements: tuple[Statement, ...]
    setback: str | None = None  # a setback any report gives it ("cancelled" over "stalled")

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.to_dict(),
            "stage": self.stage,
            "setback": self.setback,
            "sector": self.sector,
            "statements": [s.to_dict() for s in self.statements],
        }


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    start: str | None
    end: str | None
    parties: tuple[str, ...]
    sources: tuple[Source, ...]
    entries: tuple[Entry, ...]
    items: tuple[StoredItem, ...]  # every item of its reports, entities or not

    def to_dict(self, *, with_entries: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "parties": list(self.parties),
            "sources": [s.to_dict() for s in self.sources],
            "entities": len(self.entries),
        }
        if with_entries:
            out["entries"] = [e.to_dict() for e in self.entries]
        return out


@dataclass(frozen=True, slots=True)
class _Report:
    """What grouping reads of one document."""

    document_id: str
    day: date | None
    parties: frozenset[str]
    entities: frozenset[str]


def group_events(items: Iterable[StoredItem]) -> list[Event]:
    """The events the items' documents report, oldest first (undated last), then by id."""
    by_document: dict[str, list[StoredItem]] = defaultdict(list)
    for stored in items:
        by_document[stored.document_id].append(stored)
    reports = sorted((_report(doc_id, found) for doc_id, found in by_document.items()), key=_report_order)
    groups = _groups(reports)
    events = [_event(sorted(members), by_document) for members in groups]
    events.sort(key=lambda e: (e.start is None, e.start or "", e.parties, e.sources[0].document_id))
    return _with_unique_ids(events)


def chosen_events(
    events: Sequence[Event], party: str | None = None, since: str | None = None, until: str | None = None
) -> list[Event]:
    """The events `party` took part in, starting in since..until (dates as `accord diff` reads them)."""
    return [e for e in events if (party is None or party in e.parties) and in_window(e.start, since, until)]


def find_event(events: Sequence[Event], event_id: str) -> Event:
    """The event with this id; NotFoundError naming the id otherwise."""
    for event in events:
        if event.id == event_id:
            return event
    raise NotFoundError(f"No event has the id {event_id!r}; `accord events` lists them.")


def _report(document_id: str, found: Sequence[StoredItem]) -> _Report:
    return _Report(
        document_id=document_id,
        day=_day(found[0].document_published),
        parties=frozenset(party for s in found for party in s.item.parties),
        entities=frozenset(s.item.entity.id for s in found if s.item.entity is not None),
    )


def _report_order(report: _Report) -> tuple[bool, date, str]:
    return (report.day is None, report.day or date.min, report.document_id)


def _groups(reports: Sequence[_Report]) -> list[list[str]]:
    """Document ids grouped by union-find over the pairs that report one meeting (a sliding date window)."""
    parent = {report.document_id: report.document_id for report in reports}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    dated = [report for report in reports if report.day is not None]
    start = 0
    for index, report in enumerate(dated):
        assert report.day is not None
        while (report.day - _known_day(dated[start])).days > WINDOW_DAYS:
            start += 1
        for earlier in dated[start:index]:
            if _same_meeting(earlier, report):
                parent[root(earlier.document_id)] = root(report.document_id)
    groups: dict[str, list[str]] = defaultdict(list)
    for report in reports:
        groups[root(report.document_id)].append(report.document_id)
    return list(groups.values())


def _same_meeting(a: _Report, b: _Report) -> bool:
    if not (a.parties and b.parties):
        return False
    if a.entities & b.entities:
        return len(a.parties & b.parties) / len(a.parties | b.parties) >= MIN_PARTY_OVERLAP
    # reports that name no same thing: the same parties on the same or the next day
    assert a.day is not None and b.day is not None
    return a.parties == b.parties and abs((a.day - b.day).days) <= SAME_PARTIES_DAYS


def _event(document_ids: Sequence[str], by_document: dict[str, list[StoredItem]]) -> Event:
    items = [stored for doc_id in document_ids for stored in by_document[doc_id]]
    sources = sorted((_source(by_document[doc_id][0]) for doc_id in document_ids), key=_source_order)
    dates = sorted(s.published[:10] for s in sources if s.published)
    party_count = Counter(party for stored in items for party in set(stored.item.parties))
    # the event's parties: those in at least half its reports' items, so that a passing mention is not one
    parties = tuple(sorted(p for p, n in party_count.items() if n * 2 >= max(party_count.values())))
    return Event(
        id="",
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
        parties=parties,
        sources=tuple(sources),
        entries=tuple(_entries(items)),
        items=tuple(items),
    )


def _entries(items: Sequence[StoredItem]) -> list[Entry]:
    grouped: dict[str, list[StoredItem]] = defaultdict(list)
    for stored in items:
        if stored.item.entity is not None:
            grouped[stored.item.entity.id].append(stored)
    entries = []
    for found in grouped.values():
        entity = found[0].item.entity
        assert entity is not None
        best = max(found, key=lambda s: STAGE_ORDER[s.item.stage])
        sector = Counter(s.item.sector for s in found).most_common(1)[0][0]
        setbacks = [s.item.setback for s in found if s.item.setback is not None]
        setback = max(setbacks, key=SETBACKS.index) if setbacks else None
        entries.append(Entry(entity, best.item.stage, sector, tuple(statements(found)), setback))
    return sorted(entries, key=lambda e: (-STAGE_ORDER[e.stage], e.entity.name.lower(), e.entity.id))


def _with_unique_ids(events: list[Event]) -> list[Event]:
    seen: Counter[str] = Counter()
    out = []
    for event in events:
        if event.start is None:
            base = f"undated-{event.sources[0].document_id}"
        else:
            base = "-".join([event.start, *(party.lower() for party in event.parties)])
        seen[base] += 1
        unique = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(
            Event(unique, event.start, event.end, event.parties, event.sources, event.entries, event.items)
        )
    return out


def _source(stored: StoredItem) -> Source:
    return Source(
        stored.document_id,
        stored.document_published,
        stored.document_title,
        stored.document_outlet,
        stored.document_url,
    )


def _source_order(source: Source) -> tuple[bool, str, str]:
    return (source.published is None, source.published or "", source.document_id)


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _known_day(report: _Report) -> date:
    assert report.day is not None
    return report.day
