"""An entity's timeline: every statement the register holds about it, in date order, and its current stage.

A statement is one item: the date its document was published, the stage it reports, where it was said and
the sentence that says it. Items are read through judgements, so a merged group has one timeline. The
current stage is the stage of the latest dated statement; when one date has several statements (several
reports of one meeting), the most advanced of them, unless one reports a setback: the state "stalled" or
"cancelled", with which a timeline goes back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from accord.errors import AccordError, NotFoundError
from accord.model import SETBACKS, STAGE_ORDER, EntityRef
from accord.store.base import ItemQuery, Store, StoredItem


class AmbiguousEntityError(AccordError):
    """A name that several entities hold, where one is needed."""


@dataclass(frozen=True, slots=True)
class Statement:
    """One dated (or undated) statement about an entity: an item with its document's details."""

    date: str | None
    stage: str
    object: str
    quote: str
    item_id: int
    document_id: str
    title: str | None
    outlet: str | None
    url: str | None
    setback: str | None = None  # "stalled" or "cancelled" when the statement says it stopped

    @property
    def state(self) -> str:
        """The setback where the statement reports one, else its stage."""
        return self.setback or self.stage

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Timeline:
    entity: EntityRef
    statements: tuple[Statement, ...]  # dated first, in date order; undated last
    current_stage: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.to_dict(),
            "current_stage": self.current_stage,
            "statements": [s.to_dict() for s in self.statements],
        }


def statements(items: Iterable[StoredItem]) -> list[Statement]:
    """The statements of `items`, oldest first, undated ones last, then by document and place in it."""
    ordered = sorted(
        items,
        key=lambda s: (s.document_published is None, s.document_published or "", s.document_id, s.ordinal),
    )
    return [
        Statement(
            date=s.document_published,
            stage=s.item.stage,
            object=s.item.object,
            quote=s.item.evidence.text,
            item_id=s.id,
            document_id=s.document_id,
            title=s.document_title,
            outlet=s.document_outlet,
            url=s.document_url,
            setback=s.item.setback,
        )
        for s in ordered
    ]


def current_stage(found: Sequence[Statement]) -> str | None:
    """The state of the latest dated statement (of all when none is dated): a setback reported on that date
    ("cancelled" over "stalled"), else the most advanced stage on that date. A timeline can go back."""
    dated = [s for s in found if s.date is not None]
    pool = dated or list(found)
    if not pool:
        return None
    latest = max(s.date or "" for s in pool)
    last = [s for s in pool if (s.date or "") == latest]
    setbacks = [s.setback for s in last if s.setback is not None]
    if setbacks:
        return max(setbacks, key=SETBACKS.index)
    return max((s.stage for s in last), key=STAGE_ORDER.__getitem__)


def entity_timeline(store: Store, entity: str) -> Timeline:
    """The timeline of the one entity `entity` names (an id, or a name or part of one)."""
    found = store.find_entities(entity)
    if not found:
        raise NotFoundError(f"No entity in the register has the id or a name like {entity!r}.")
    if len(found) > 1:
        listed = "; ".join(f"{e.id} ({e.name})" for e in found[:10])
        more = f" and {len(found) - 10} more" if len(found) > 10 else ""
        raise AmbiguousEntityError(f"{entity!r} names {len(found)} entities: {listed}{more}. Give one id.")
    [target] = found
    told = statements(store.iter_items(ItemQuery(entity_id=target.id)))
    return Timeline(target, tuple(told), current_stage(told))


def by_entity(items: Iterable[StoredItem]) -> dict[str, tuple[EntityRef, list[Statement]]]:
    """Items grouped by their (canonical) entity, each group as the entity and its dated statements."""
    grouped: dict[str, list[StoredItem]] = defaultdict(list)
    entities: dict[str, EntityRef] = {}
    for stored in items:
        if stored.item.entity is not None:
            grouped[stored.item.entity.id].append(stored)
            entities[stored.item.entity.id] = stored.item.entity
    return {key: (entities[key], statements(found)) for key, found in grouped.items()}
