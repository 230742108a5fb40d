"""The knowledge base's record: one canonical entity, with the names documents call it by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The kinds of thing the knowledge base knows. Infrastructure is split by kind (railway, corridor,
# pipeline, power_plant, border_crossing, port) because a mention's head noun says which kind it names.
KB_TYPES: tuple[str, ...] = (
    "country",
    "leader",
    "ministry",
    "company",
    "organisation",
    "institution",
    "railway",
    "corridor",
    "pipeline",
    "power_plant",
    "border_crossing",
    "port",
    "programme",
    "event",
    "body",
    "document",
    "place",
)

Point = tuple[float, float]  # (latitude, longitude)


@dataclass(frozen=True, slots=True)
class Term:
    """A term of office: ISO dates, `end` None while it lasts."""

    office: str
    start: str
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity.

    `aliases` are names that say which thing they mean wherever they appear; `context_aliases` are
    names that do so only between the entity's `countries` ("the first nuclear power plant" between
    Kazakhstan and its partners). `coords` holds one point for a place, both ends for a line.
    """

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    coords: tuple[Point, ...] = ()
    terms: tuple[Term, ...] = ()
    source: str = ""  # the file it was read from

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def to_dict(self) -> dict[str, Any]:
        """The entity as its YAML entry is written (without `source`, which is where it lives)."""
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        optional: dict[str, Any] = {
            "aliases": list(self.aliases),
            "context_aliases": list(self.context_aliases),
            "countries": list(self.countries),
            "coords": [list(point) for point in self.coords],
            "terms": [_term_dict(term) for term in self.terms],
        }
        out.update({key: value for key, value in optional.items() if value})
        return out


def _term_dict(term: Term) -> dict[str, Any]:
    out = {"office": term.office, "start": term.start}
    return out if term.end is None else {**out, "end": term.end}


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    """Entities by id, in the order the files list them. Compared (and hashed) by identity: each load
    is its own knowledge base, so caches built from one are rebuilt for the next."""

    entities: dict[str, Entity] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def of_type(self, entity_type: str | None = None) -> list[Entity]:
        return [e for e in self.entities.values() if entity_type is None or e.type == entity_type]
