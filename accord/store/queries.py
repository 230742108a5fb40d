"""The SELECT statements behind Store's reads, built from an ItemQuery; portable SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Select, and_, false, func, or_, select, true

from accord.store.base import ItemQuery
from accord.store.schema import documents, entities, entity_canonical, item_corrections, item_parties, items
from accord.store.search import search_clause

# An item's entity as queries see it: the canonical entity of the one resolution gave it, where judgements
# joined that one with others (accord.resolve.judgements); the item's own row is never rewritten.
CANONICAL_ID = func.coalesce(entity_canonical.c.canonical_id, items.c.entity_id)

# An item's object, sector and stage as queries see them: a person's correction where there is one
# (accord.store.judgements), else as extracted. Rejected items are left out of every query.
_corrected = item_corrections
corrected_object = func.coalesce(_corrected.c.object, items.c.object)
corrected_sector = func.coalesce(_corrected.c.sector, items.c.sector)
corrected_stage = func.coalesce(_corrected.c.stage, items.c.stage)
NOT_REJECTED = or_(_corrected.c.rejected.is_(None), _corrected.c.rejected == false())

_FILTERS = ("sector", "stage", "party", "entity", "entity_id", "since", "until", "search", "document_id")

_ITEM_COLUMNS = (
    items.c.id,
    items.c.document_id,
    items.c.ordinal,
    corrected_object.label("object"),
    corrected_sector.label("sector"),
    corrected_stage.label("stage"),
    items.c.object.label("extracted_object"),
    items.c.sector.label("extracted_sector"),
    items.c.stage.label("extracted_stage"),
    entities.c.id.label("entity_id"),
    items.c.entity_id.label("extracted_entity_id"),
    items.c.evidence_start,
    items.c.evidence_end,
    items.c.evidence_text,
    items.c.setback,
    entities.c.name.label("entity_name"),
    entities.c.type.label("entity_type"),
    documents.c.title.label("document_title"),
    documents.c.url.label("document_url"),
    documents.c.published.label("document_published"),
    documents.c.source.label("document_source"),
    documents.c.outlet.label("document_outlet"),
)


def item_select(q: ItemQuery, *, rejected: bool = False) -> Select[Any]:
    """Items with their entity and document columns, filtered and ordered as `q` says (parties apart);
    rejected items too only when `rejected`."""
    stmt = (
        select(*_ITEM_COLUMNS)
        .select_from(_items_from().outerjoin(entities, entities.c.id == CANONICAL_ID))
        .where(*item_filters(q, rejected=rejected))
        .order_by(documents.c.published.desc().nulls_last(), items.c.document_id, items.c.ordinal)
    )
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    if q.offset:
        stmt = stmt.offset(q.offset)
    return stmt


def count_select(q: ItemQuery) -> Select[Any]:
    """How many items match `q` (limit and offset aside): the joins the filters need, nothing read. Every
    item, rejected ones apart, is counted from the table's size, not row by row."""
    if not is_filtered(q):
        named_item = select(items.c.id).where(_correction_of_item()).exists()
        rejected = (
            select(func.count()).select_from(_corrected).where(_corrected.c.rejected == true(), named_item)
        )
        everything = select(func.count()).select_from(items)
        return select(everything.scalar_subquery() - rejected.scalar_subquery())
    return select(func.count()).select_from(_items_from()).where(*item_filters(q))


def is_filtered(q: ItemQuery) -> bool:
    """Whether `q` has any filter (paging aside)."""
    return filter_count(q) > 0


def filter_count(q: ItemQuery) -> int:
    """How many filters `q` has (paging aside)."""
    return sum(getattr(q, name) is not None for name in _FILTERS)


def tally_select(column: str) -> Select[Any]:
    """(value, count) of the items' corrected sector or stage."""
    value = {"sector": corrected_sector, "stage": corrected_stage}[column]
    return select(value, func.count()).select_from(_items_from()).where(NOT_REJECTED).group_by(value)


def entity_count_select(text: str | None) -> Select[Any]:
    """(id, name, type, items) of the canonical entities items name (those `text` names, when given)."""
    counted = (
        select(CANONICAL_ID.label("canonical_id"), func.count().label("items"))
        .select_from(_items_from())
        .where(items.c.entity_id.is_not(None), *item_filters(ItemQuery(entity=text)))
        .group_by(CANONICAL_ID)
        .subquery()
    )
    return (
        select(entities.c.id, entities.c.name, entities.c.type, counted.c["items"])
        .join_from(counted, entities, entities.c.id == counted.c.canonical_id)
        .order_by(counted.c["items"].desc(), entities.c.id)
    )


def _items_from() -> FromClause:
    """Items with their document, their corrections and their entity's canonical id."""
    return (
        items.join(documents)
        .outerjoin(_corrected, _correction_of_item())
        .outerjoin(entity_canonical, entity_canonical.c.entity_id == items.c.entity_id)
    )


def _correction_of_item() -> ColumnElement[bool]:
    """A correction names its item by what outlives re-extraction (accord.store.schema.item_corrections)."""
    return and_(
        _corrected.c.document_id == items.c.document_id,
        _corrected.c.evidence_start == items.c.evidence_start,
        _corrected.c.evidence_end == items.c.evidence_end,
        _corrected.c.extracted_object == items.c.object,
    )


def _index_hint(q: ItemQuery) -> list[ColumnElement[bool]]:
    """A condition every item that matches the sector and stage filters meets, written so that the index on
    (sector, stage) can find them: extracted with that sector and stage, or in a document with a correction
    (there are few). The filters on the corrected values below stay the exact test; this only lets the
    database read the index instead of every item."""
    extracted = [
        items.c[name] == value for name, value in (("sector", q.sector), ("stage", q.stage)) if value
    ]
    if not extracted:
        return []
    corrected_documents = select(_corrected.c.document_id)
    return [or_(and_(*extracted), items.c.document_id.in_(corrected_documents))]


def item_filters(q: ItemQuery, *, rejected: bool = False) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = [] if rejected else [NOT_REJECTED]
    filters.extend(_index_hint(q))
    if q.sector is not None:
        filters.append(corrected_sector == q.sector)
    if q.stage is not None:
        filters.append(corrected_stage == q.stage)
    if q.document_id is not None:
        filters.append(items.c.document_id == q.document_id)
    if q.party is not None:
        with_party = select(item_parties.c.item_id).where(item_parties.c.party == q.party.upper())
        filters.append(items.c.id.in_(with_party))
    if q.entity is not None:
        filters.append(CANONICAL_ID.in_(_canonical_matching(q.entity)))
    if q.entity_id is not None:
        filters.append(canonical_id_of(q.entity_id) == CANONICAL_ID)
    # A NULL published date fails both comparisons, so undated documents drop out, as documented.
    if q.since is not None:
        filters.append(documents.c.published >= q.since)
    if q.until is not None:
        filters.append(documents.c.published <= q.until)
    if q.search is not None:
        filters.append(search_clause(q.search))
    return filters


def parties_select(item_ids: Sequence[int]) -> Select[Any]:
    """The parties of the given items, ordered by item and code."""
    return (
        select(item_parties.c.item_id, item_parties.c.party)
        .where(item_parties.c.item_id.in_(item_ids))
        .order_by(item_parties.c.item_id, item_parties.c.party)
    )


def canonical_id_of(entity_id: str) -> ColumnElement[str]:
    """The canonical id of an entity id, as a SQL expression: its group's, or its own."""
    joined = entity_canonical.alias("judged")
    found = select(joined.c.canonical_id).where(joined.c.entity_id == entity_id).scalar_subquery()
    return func.coalesce(found, entity_id)


def _canonical_matching(text: str) -> Select[Any]:
    """The canonical ids of entities whose id is `text` or whose name holds it, so that a query for any
    name of a merged group finds the items of all its members."""
    named, joined = entities.alias("named"), entity_canonical.alias("named_judged")
    return (
        select(func.coalesce(joined.c.canonical_id, named.c.id))
        .select_from(named.outerjoin(joined, joined.c.entity_id == named.c.id))
        .where(or_(named.c.id == text, named.c.name.icontains(text, autoescape=True)))
    )
