"""The SELECT statements behind Store's reads, built from an ItemQuery; portable SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from accord.store.base import ItemQuery
from accord.store.schema import documents, entities, entity_canonical, item_parties, items
from accord.store.search import search_clause

# An item's entity as queries see it: the canonical entity of the one resolution gave it, where judgements
# joined that one with others (accord.resolve.judgements); the item's own row is never rewritten.
CANONICAL_ID = func.coalesce(entity_canonical.c.canonical_id, items.c.entity_id)

_ITEM_COLUMNS = (
    items.c.id,
    items.c.document_id,
    items.c.ordinal,
    items.c.object,
    items.c.sector,
    items.c.stage,
    entities.c.id.label("entity_id"),
    items.c.entity_id.label("extracted_entity_id"),
    items.c.evidence_start,
    items.c.evidence_end,
    items.c.evidence_text,
    entities.c.name.label("entity_name"),
    entities.c.type.label("entity_type"),
    documents.c.title.label("document_title"),
    documents.c.url.label("document_url"),
    documents.c.published.label("document_published"),
    documents.c.source.label("document_source"),
    documents.c.outlet.label("document_outlet"),
)


def item_select(q: ItemQuery) -> Select[Any]:
    """Items with their entity and document columns, filtered and ordered as `q` says (parties apart)."""
    stmt = (
        select(*_ITEM_COLUMNS)
        .select_from(
            items.join(documents)
            .outerjoin(entity_canonical, entity_canonical.c.entity_id == items.c.entity_id)
            .outerjoin(entities, entities.c.id == CANONICAL_ID)
        )
        .where(*item_filters(q))
        .order_by(documents.c.published.desc().nulls_last(), items.c.document_id, items.c.ordinal)
    )
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    if q.offset:
        stmt = stmt.offset(q.offset)
    return stmt


def item_filters(q: ItemQuery) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if q.sector is not None:
        filters.append(items.c.sector == q.sector)
    if q.stage is not None:
        filters.append(items.c.stage == q.stage)
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
